import type { GraphQLResponse, TestApi } from './harness';

export type GraphQLErrorEntry = NonNullable<GraphQLResponse['errors']>[number];

/** What a table holds: its row count and a digest of every row, to prove nothing was written. */
export interface TableState {
  rows: number;
  digest: string | null;
}

/** Every base table of the public schema, with its row count and content digest. */
export async function databaseState(api: TestApi): Promise<Record<string, TableState>> {
  const tables = await api.sql<{ table_name: string }>(
    // rate_limit holds the abuse limits' counters (ADR 0010): a refused request is counted there on purpose.
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limit' ORDER BY table_name`,
  );
  const state: Record<string, TableState> = {};
  for (const { table_name } of tables) {
    // The outbox relay marks rows published in the background: digest what a request writes, not that.
    const row_text = table_name === 'outbox' ? `(t.id, t.event_id, t.event_type, t.payload)::text` : 't::text';
    const [row] = await api.sql<{ rows: number; digest: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(${row_text}, '|' ORDER BY ${row_text})) AS digest FROM "${table_name}" t`,
    );
    state[table_name] = row;
  }
  return state;
}

/** Runs `act` and asserts that no table of the database changed. Returns what `act` returned. */
export async function expectDatabaseUnchanged<T>(api: TestApi, act: () => Promise<T>): Promise<T> {
  const before = await databaseState(api);
  const result = await act();
  expect(await databaseState(api)).toEqual(before);
  return result;
}

/** A response must never carry a stack trace, in extensions or in a message. */
export function expectNoStackTrace(res: GraphQLResponse<unknown>): void {
  const text = JSON.stringify(res);
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/(^|\\n|\n)\s*at \S/);
  expect(text).not.toMatch(/\(\/[^)]*:\d+:\d+\)/);
}

/**
 * Asserts the response failed with `code` (first error), no data leaked for a mutation, no stack
 * trace, and — when given — the domain's field path. Returns the error for further checks.
 */
export function expectError(
  res: GraphQLResponse<unknown>,
  code: string,
  options: { field?: (string | number)[]; status?: number } = {},
): GraphQLErrorEntry {
  expectNoStackTrace(res);
  expect(res.errors?.length ?? 0).toBeGreaterThan(0);
  const [error] = res.errors ?? [];
  expect({ code: error.extensions?.code, message: error.message }).toEqual({ code, message: expect.any(String) });
  if (options.field) expect(error.extensions?.field?.map(String)).toEqual(options.field.map(String));
  if (options.status !== undefined) expect(res.status).toBe(options.status);
  expect(res.status).toBeLessThan(500);
  return error;
}

/** Asserts the response succeeded and returns its data. */
export function expectData<T>(res: GraphQLResponse<T>): T {
  expectNoStackTrace(res);
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  if (!res.data) throw new Error('response has no data');
  return res.data;
}
