// HTTP hardening of the API and the web app: security headers (CSP, no framing, HSTS only over TLS as
// the trusted proxy says), CORS only for the origins an API key allows (and the key only from them), a
// body limit, no batched operations, an alias limit, and the web app's persisted operations — by hash
// alone, and, with GRAPHQL_ANONYMOUS_PERSISTED_ONLY=1, the only thing visitors may run.
import { createHash } from 'node:crypto';
import { PERSISTED_OPERATIONS } from '../../src/security/persisted-operations';
import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';

jest.setTimeout(120_000);

const post = (api: TestApi, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const DIRECTORY = Object.values(PERSISTED_OPERATIONS).find((q) => q.includes('query Directory('))!;

describe('HTTP hardening: headers, CORS per API key, body and GraphQL limits, persisted operations', () => {
  let api: TestApi;
  let strict: TestApi;
  let key: string;
  const site = 'https://www.lannion-tregor.example';

  beforeAll(async () => {
    api = await startTestApi({ env: { TRUST_PROXY: 'loopback' } });
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const [org] = await api.sql<{ id: string }>(`SELECT id FROM organisation ORDER BY slug LIMIT 1`);
    key = expectData(
      await api.gql<{ createApiKey: { key: string } }>(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }`, { i: { organisationId: org.id, name: 'Site', allowedOrigins: [site], quotaPerHour: 1000 } }, admin),
    ).createApiKey.key;
  });
  afterAll(async () => {
    await api?.close();
    await strict?.close();
  });

  it('serves the web app and the API with CSP, no framing, nosniff, no referrer; HSTS only when the trusted proxy says TLS', async () => {
    const page = await fetch(`${api.url}/points/whatever`, { headers: { accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${api.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers CORS for the origin an API key allows, and for nobody else; the key is refused from another site', async () => {
    const preflight = (origin: string) => fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' } });
    const ok = await preflight(site);
    expect([ok.status, ok.headers.get('access-control-allow-origin'), ok.headers.get('access-control-allow-headers')]).toEqual([204, site, 'content-type, x-api-key, authorization']);
    const other = await preflight('https://evil.example');
    expect([other.status, other.headers.get('access-control-allow-origin')]).toEqual([204, null]);
    const fromSite = await post(api, { query: '{ networkSummary { activePoints } }' }, { origin: site, 'x-api-key': key });
    expect(fromSite.status).toBe(200);
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(site);
    const elsewhere = await post(api, { query: '{ networkSummary { activePoints } }' }, { origin: 'https://evil.example', 'x-api-key': key });
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a body over 3 MB (413), a batch of operations (400), and more than 30 aliases (400)', async () => {
    const huge = await post(api, JSON.stringify({ query: '{ networkSummary { activePoints } }', variables: { pad: 'x'.repeat(3.5 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    const batch = await post(api, [{ query: '{ networkSummary { activePoints } }' }, { query: '{ networkSummary { rooms } }' }]);
    expect(batch.status).toBe(400);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: networkSummary { activePoints }`).join(' ');
    const res = await post(api, { query: `{ ${aliases} }` });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    // A validation rule, like the depth limit: GRAPHQL_VALIDATION_FAILED, HTTP 400, the limit in the message.
    expect([res.status, body.errors[0].extensions.code, body.errors[0].message]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', 'Query uses more than 30 aliases']);
    expectData(await api.gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: networkSummary { activePoints }`).join(' ')} }`));
  });

  it('runs a persisted operation sent by its hash alone, and refuses an unknown hash', async () => {
    const hash = createHash('sha256').update(DIRECTORY).digest('hex');
    const byHash = await post(api, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { first: 3 } });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as { data: { points: { edges: unknown[] } } }).data.points.edges).toHaveLength(3);
    const unknown = await post(api, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('with GRAPHQL_ANONYMOUS_PERSISTED_ONLY=1 visitors run the web app’s operations only; signed-in users and API keys anything within the limits', async () => {
    strict = await startTestApi({ env: { GRAPHQL_ANONYMOUS_PERSISTED_ONLY: '1' } });
    const made = await post(strict, { query: '{ networkSummary { activePoints } }' });
    expect(made.status).toBe(400);
    expect(((await made.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expectData(await strict.gql(DIRECTORY, { first: 2 }));
    // Signing in with the harness's own login query is refused; with the web app's (persisted) one it works.
    await expect(strict.loginAs(ADMIN.email, ADMIN.password)).rejects.toThrow(/PERSISTED_QUERY_NOT_FOUND|login failed/);
    const LOGIN = Object.values(PERSISTED_OPERATIONS).find((q) => q.includes('mutation Login('))!;
    const { login } = expectData(await strict.gql<{ login: { token: string } }>(LOGIN, { email: ADMIN.email, password: ADMIN.password }));
    const admin = { authorization: `Bearer ${login.token}` };
    expectData(await strict.gql('{ networkSummary { activePoints } }', undefined, admin));
    expectError(await strict.gql('{ nope }', undefined, admin), 'GRAPHQL_VALIDATION_FAILED');
  });
});
