import type { Operation } from './operations';

/** A GraphQL error as the API sends it (extensions.messageFr: the French message of domain errors). */
export interface ApiError {
  message: string;
  extensions?: { code?: string; field?: (string | number)[]; messageFr?: string };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** POST /graphql on the API that served this page, with plain fetch. */
export async function request<TResult, TVariables>(operation: Operation<TResult, TVariables>, variables: TVariables, signal?: AbortSignal): Promise<TResult> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: operation, variables }),
    signal,
  });
  const body = (await res.json()) as { data?: TResult | null; errors?: ApiError[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new GraphQLRequestError([{ message: `HTTP ${res.status}` }]);
  return body.data;
}
