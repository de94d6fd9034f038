import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Depth allowed inside introspection (`__schema`, `__type`): it is recursive (__Type.fields →
 * __Field.type → __Type.ofType …), so it needs a bound too; graphql-js's getIntrospectionQuery() is 15 deep.
 */
const INTROSPECTION_MAX_DEPTH = 20;

/** Rejects operations nested deeper than `max` fields (fragments followed, cycles cut), introspection deeper than 20. */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: ReadonlySet<string>, limit: number, skip: (field: string) => boolean): number => {
      if (!set || depth > limit) return depth;
      let deepest = depth;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (!skip(s.name.value)) deepest = Math.max(deepest, depthOf(s.selectionSet, depth + 1, seen, limit, skip));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(s.selectionSet, depth, seen, limit, skip));
        } else if (!seen.has(s.name.value)) {
          deepest = Math.max(deepest, depthOf(fragments.get(s.name.value)?.selectionSet, depth, new Set([...seen, s.name.value]), limit, skip));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const tooDeep = depthOf(node.selectionSet, 0, new Set(), max, (field) => field.startsWith('__')) > max;
        const introspectionTooDeep = depthOf(node.selectionSet, 0, new Set(), INTROSPECTION_MAX_DEPTH, (field) => field === '__typename') > INTROSPECTION_MAX_DEPTH;
        if (tooDeep || introspectionTooDeep) {
          const limit = tooDeep ? max : INTROSPECTION_MAX_DEPTH;
          context.reportError(
            new GraphQLError(`Query is nested more than ${limit} levels deep`, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX', details: { maxDepth: limit } } }),
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
          let cost: number;
          try {
            cost = getComplexity({
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
          } catch (error) {
            // getComplexity coerces the variables first: a variable of the wrong type is the client's
            // mistake (400 BAD_USER_INPUT), not an error of this plugin (Apollo would answer 500).
            if (!(error instanceof GraphQLError)) throw error;
            throw new GraphQLError(error.message, { nodes: error.nodes, originalError: error, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > max) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${max}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', details: { maxCost: max, cost }, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Rejects operations with more than `max` aliased fields (fragments counted where they are spread):
 * aliases are how one request asks for the same expensive field a thousand times.
 */
export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const count = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      let n = 0;
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) n += (s.alias ? 1 : 0) + count(s.selectionSet, seen);
        else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet, seen);
        else if (!seen.has(s.name.value)) n += count(fragments.get(s.name.value)?.selectionSet, new Set([...seen, s.name.value]));
        if (n > max) return n;
      }
      return n;
    };
    return {
      OperationDefinition(node) {
        const aliases = count(node.selectionSet, new Set());
        if (aliases > max) {
          context.reportError(new GraphQLError(`Query uses more than ${max} aliases`, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX', details: { maxAliases: max } } }));
        }
      },
    };
  };
}
