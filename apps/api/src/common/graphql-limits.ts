import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Rejects operations nested deeper than `max` fields (fragments followed, cycles cut). */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: ReadonlySet<string>): number => {
      if (!set || depth > max) return depth;
      let deepest = depth;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (!s.name.value.startsWith('__')) deepest = Math.max(deepest, depthOf(s.selectionSet, depth + 1, seen));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(s.selectionSet, depth, seen));
        } else if (!seen.has(s.name.value)) {
          deepest = Math.max(deepest, depthOf(fragments.get(s.name.value)?.selectionSet, depth, new Set([...seen, s.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        if (depthOf(node.selectionSet, 0, new Set()) > max) {
          context.reportError(
            new GraphQLError(`Query is nested more than ${max} levels deep`, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX', details: { maxDepth: max } } }),
          );
        }
      },
    };
  };
}

/** Cost limit: each field costs 1; a field with a `first` or `count` argument multiplies its children by it. */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) => {
                const n = typeof args.first === 'number' ? args.first : typeof args.count === 'number' ? args.count : undefined;
                return n !== undefined ? 1 + n * Math.max(childComplexity, 1) : undefined;
              },
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (cost > max) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${max}`, { extensions: { code: 'QUERY_TOO_COMPLEX', details: { maxCost: max, cost } } });
          }
        },
      };
    },
  };
}
