import manifest from './persisted-operations.json';

/**
 * The web app's operations (sha256 of the text → text), generated from apps/admin by `npm run persisted`
 * (run by `npm run codegen`). A client may send only `extensions.persistedQuery.sha256Hash` for one of
 * them; with GRAPHQL_ANONYMOUS_PERSISTED_ONLY=1 visitors may run nothing else.
 */
export const PERSISTED_OPERATIONS: Readonly<Record<string, string>> = manifest;
