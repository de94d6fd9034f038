import type { Operation } from './operations';

/** A GraphQL error as the API sends it (extensions.messageFr: the French message of domain errors). */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: (string | number)[]; messageFr?: string };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** Where the admin console keeps the signed-in session's bearer token (admin/auth.tsx; cleared with the tab). */
export const AUTH_TOKEN_KEY = 'maillage.admin.token';

function authorization(): Record<string, string> {
  try {
    const token = sessionStorage.getItem(AUTH_TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}

/** Drops the stored session (sign-out, or the API said it expired); the admin console listens to the event. */
export function forgetSession(): void {
  try {
    sessionStorage.removeItem(AUTH_TOKEN_KEY);
  } catch {
    // storage refused (private mode): nothing was stored
  }
  window.dispatchEvent(new Event('maillage:signed-out'));
}

/** POST /graphql on the API that served this page, with plain fetch (signed in: with the session's token). */
export async function request<TResult, TVariables>(operation: Operation<TResult, TVariables>, variables: TVariables, signal?: AbortSignal): Promise<TResult> {
  const sent = authorization();
  const sentToken = 'authorization' in sent;
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...sent },
    body: JSON.stringify({ query: operation, variables }),
    signal,
  });
  const body = (await res.json()) as { data?: TResult | null; errors?: ApiError[] };
  // An expired session must not break the public pages of the same tab: forget it and ask again as a visitor.
  if (sentToken && body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && !e.path?.includes('login'))) {
    forgetSession();
    if (!body.data) return request(operation, variables, signal);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new GraphQLRequestError([{ message: `HTTP ${res.status}` }]);
  return body.data;
}
