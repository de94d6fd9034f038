import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { expectData } from '../e2e-assertions';
import { startTestApi, type TestApi } from '../harness';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

/** The value of one sample line of Prometheus text, e.g. `name{a="b"} 3`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2].split(',');
    if (wanted.every((l) => present.includes(l))) return Number(match[3]);
  }
  return undefined;
}

// Each file starts the API on its own database; hashing passwords and seeding are slow on a busy CI machine.
jest.setTimeout(60_000);

describe('operations: health, metrics and the committed schema', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('GET /healthz is 200 with the database up', async () => {
    const res = await fetch(`${api.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: string; latencyMs: number };
    expect(body).toEqual({ status: 'ok', database: 'up', latencyMs: expect.any(Number) });
  });

  it('GET /metrics is Prometheus text counting the GraphQL operations', async () => {
    const before = await (await fetch(`${api.url}/metrics`)).text();
    const okBefore = sample(before, 'maillage_graphql_operations_total', { type: 'query', outcome: 'ok' }) ?? 0;
    expectData(await api.gql(`{ networkSummary { activePoints } }`));
    await api.gql(`{ point(id: "00000000-0000-4000-8000-000000000000") { id } }`);

    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('# TYPE maillage_graphql_operations_total counter');
    expect(sample(text, 'maillage_graphql_operations_total', { type: 'query', outcome: 'ok' })).toBe(okBefore + 1);
    expect(sample(text, 'maillage_graphql_operations_total', { type: 'query', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'maillage_graphql_errors_total', { code: 'NOT_FOUND' })).toBeGreaterThanOrEqual(1);
    expect(text).toContain('maillage_graphql_duration_seconds_bucket');
    expect(text).toMatch(/^maillage_process_cpu_user_seconds_total \d/m);
  });

  it('apps/api/schema.graphql is the live schema', () => {
    const live = printSchema(api.app.get(GraphQLSchemaHost).schema).replace(/\n+$/, '');
    let committed: string;
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8').replace(/\n+$/, '');
    } catch {
      throw new Error(`${SCHEMA_FILE} is missing: run \`npm run schema\` and commit it`);
    }
    if (committed !== live) {
      throw new Error(`${SCHEMA_FILE} is not the live schema: run \`npm run schema\` and commit the result`);
    }
    expect(committed).toBe(live);
  });
});
