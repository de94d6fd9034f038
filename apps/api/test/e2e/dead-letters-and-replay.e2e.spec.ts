import { createHmac } from 'node:crypto';
import { expectData, expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { BIND, outboxInsert, waitFor } from '../event-fixtures';
import { RECORDER_TABLES } from '../fixtures/test-adapters';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { TEST_ADAPTERS_MODULE } from '../spawned-api';

jest.setTimeout(120_000);

// Read by the relay and the adapter registry when the app starts (this test file's process only).
Object.assign(process.env, { MAILLAGE_EXTRA_ADAPTERS: TEST_ADAPTERS_MODULE, EVENT_MAX_ATTEMPTS: '3', EVENT_BACKOFF_MS: '50', ADAPTER_CALL_TIMEOUT_MS: '500', EVENT_POLL_MS: '100' });

const DEAD_LETTERS = `query($first: Int, $after: String, $s: String) { deadLetters(first: $first, after: $after, subscriber: $s) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id eventName subscriber status attempts lastError aggregateId } } } }`;

interface DeadLetters {
  deadLetters: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; eventName: string; subscriber: string; status: string; attempts: number; lastError: string | null; aggregateId: string } }[] };
}

describe('dead letters: failing deliveries go dead after N attempts, are listed, replayed once fixed; bad inputs are refused', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let pointId: string;
  let dbUrl: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    await api.sql(RECORDER_TABLES);
    [{ id: pointId }] = await api.sql<{ id: string }>(`SELECT id FROM point ORDER BY slug LIMIT 1`);
    dbUrl = api.databaseUrl;
  });
  afterAll(() => api.close());

  const bindRecorder = async (label: string, mode: string) => {
    await api.sql(`INSERT INTO test_adapter_control (label, mode) VALUES ($1, $2) ON CONFLICT (label) DO UPDATE SET mode = $2`, [label, mode]);
    const res = expectData(await api.gql<{ bindAdapter: { id: string } }>(BIND, { p: pointId, a: 'test-recorder', c: { databaseUrl: dbUrl, label } }, admin));
    return `adapter:${res.bindAdapter.id}`;
  };
  const deadCount = async (subscriber: string) => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event_delivery WHERE subscriber = $1 AND status = 'dead'`, [subscriber]))[0].n;

  it('dead after 3 attempts, listed page by page, replayed one then all, each handled once', async () => {
    const failing = await bindRecorder('dl', 'fail');
    const insert = outboxInsert(pointId, 2); // 4 events, 2 reservations
    await api.sql(insert.text, insert.params);
    // Per-aggregate order: the second event of a reservation waits for the first, so it goes dead after it.
    await waitFor('4 dead letters', async () => (await deadCount(failing)) === 4, 30_000);

    expectError(await api.gql(DEAD_LETTERS, { first: 2 }), 'UNAUTHENTICATED');
    const page1 = expectData(await api.gql<DeadLetters>(DEAD_LETTERS, { first: 3, s: failing }, admin)).deadLetters;
    expect(page1.totalCount).toBe(4);
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    for (const { node } of page1.edges) {
      expect(node).toEqual(expect.objectContaining({ subscriber: failing, status: 'dead', attempts: 3 }));
      expect(node.lastError).toMatch(/told to fail/);
    }
    const page2 = expectData(await api.gql<DeadLetters>(DEAD_LETTERS, { first: 3, after: page1.pageInfo.endCursor, s: failing }, admin)).deadLetters;
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(await api.sql(`SELECT 1 FROM test_adapter_effect WHERE label = 'dl'`)).toHaveLength(0);

    await api.sql(`UPDATE test_adapter_control SET mode = 'ok' WHERE label = 'dl'`);
    const one = page1.edges[0].node;
    const replayed = expectData(await api.gql<{ replayDeadLetter: { status: string; attempts: number } }>(`mutation($id: ID!) { replayDeadLetter(id: $id) { status attempts } }`, { id: one.id }, admin));
    expect(replayed.replayDeadLetter).toEqual({ status: 'pending', attempts: 0 });
    await waitFor('the replayed delivery done', async () => (await api.sql<{ status: string }>(`SELECT status FROM event_delivery WHERE id = $1`, [one.id]))[0].status === 'done');
    expectError(await api.gql(`mutation($id: ID!) { replayDeadLetter(id: $id) { status } }`, { id: one.id }, admin), 'NOT_FOUND');

    const all = expectData(await api.gql<{ replayDeadLetters: number }>(`mutation($s: String!) { replayDeadLetters(subscriber: $s) }`, { s: failing }, admin));
    expect(all.replayDeadLetters).toBe(3);
    await waitFor('every delivery done', async () => (await api.sql(`SELECT 1 FROM event_delivery WHERE subscriber = $1 AND status = 'done'`, [failing])).length === 4);
    const effects = await api.sql<{ deliveries: number }>(`SELECT deliveries FROM test_adapter_effect WHERE label = 'dl'`);
    expect(effects.map((e) => e.deliveries)).toEqual([1, 1, 1, 1]);
  });

  it('a hanging adapter times out into retries and dead letters without holding up another adapter', async () => {
    await api.sql(`DELETE FROM adapter_binding`);
    await new Promise((r) => setTimeout(r, 200));
    const hanging = await bindRecorder('hang', 'hang');
    const healthy = await bindRecorder('ok', 'ok');
    const insert = outboxInsert(pointId, 3);
    const started = Date.now();
    await api.sql(insert.text, insert.params);
    await waitFor('the healthy adapter handles all 6', async () => (await api.sql(`SELECT 1 FROM event_delivery WHERE subscriber = $1 AND status = 'done'`, [healthy])).length === 6);
    expect(Date.now() - started).toBeLessThan(1500); // well before the first hanging call times out + retries
    await waitFor('the hanging deliveries dead', async () => (await deadCount(hanging)) === 6, 30_000);
    const [row] = await api.sql<{ last_error: string }>(`SELECT last_error FROM event_delivery WHERE subscriber = $1 LIMIT 1`, [hanging]);
    expect(row.last_error).toMatch(/timeout/);
  });

  it('an event with an unknown name is dead-lettered by the relay with the reason, and the relay goes on', async () => {
    await api.sql(`DELETE FROM adapter_binding`);
    await new Promise((r) => setTimeout(r, 200));
    const ok = await bindRecorder('after-unknown', 'ok');
    await api.sql(`INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, idempotency_key) VALUES ('reservation.teleported', 'reservation', 'x', '{}', 'teleported:x')`);
    const insert = outboxInsert(pointId, 1);
    await api.sql(insert.text, insert.params);
    await waitFor('the following events handled', async () => (await api.sql(`SELECT 1 FROM event_delivery WHERE subscriber = $1 AND status = 'done'`, [ok])).length === 2);
    const list = expectData(await api.gql<DeadLetters>(DEAD_LETTERS, { s: 'relay' }, admin)).deadLetters;
    expect(list.edges).toHaveLength(1);
    expect(list.edges[0].node).toEqual(expect.objectContaining({ eventName: 'reservation.teleported', subscriber: 'relay', status: 'dead' }));
    expect(list.edges[0].node.lastError).toMatch(/unknown event name "reservation.teleported"/);
    // Replaying cannot make it known: dead again, with its reason.
    expectData(await api.gql(`mutation($id: ID!) { replayDeadLetter(id: $id) { id } }`, { id: list.edges[0].node.id }, admin));
    await waitFor('dead again', async () => (await deadCount('relay')) === 1);
  });

  it('adapter configuration failing its schema → BAD_USER_INPUT with the field path, nothing written', async () => {
    const cases: [Record<string, unknown>, unknown, (string | number)[], string?][] = [
      [{ label: 'x' }, undefined, ['config', 'databaseUrl']],
      [{ databaseUrl: '', label: 'x' }, undefined, ['config', 'databaseUrl']],
      [{ databaseUrl: 'postgres://x', label: 'x', port: 70000 }, undefined, ['config', 'port']],
      [{ databaseUrl: 'postgres://x', label: 'x', colour: 'blue' }, undefined, ['config', 'colour']],
      [{ databaseUrl: 'postgres://x', label: 'x', token: 'visible' }, undefined, ['config', 'token']],
      [{ databaseUrl: 'postgres://x', label: 'x' }, { password: 'p' }, ['secrets', 'password']],
      [{ databaseUrl: 'postgres://x', label: 'x' }, undefined, ['adapterId'], 'no-such-adapter'],
    ];
    for (const [config, secrets, field, adapterId] of cases) {
      await expectDatabaseUnchanged(api, async () => {
        expectError(await api.gql(BIND, { p: pointId, a: adapterId ?? 'test-recorder', c: config, s: secrets }, admin), 'BAD_USER_INPUT', { field });
      });
    }
    expectError(await api.gql(BIND, { p: pointId, a: 'test-recorder', c: { databaseUrl: dbUrl, label: 'x' } }), 'UNAUTHENTICATED');
  });

  it('lists the installed adapters publicly; secrets are write-only', async () => {
    const res = expectData(await api.gql<{ adapters: { id: string; kind: string; secretNames: string[]; configSchema: { required: string[] } }[] }>(`{ adapters { id kind version secretNames configSchema subscribes } }`));
    expect(res.adapters.find((a) => a.id === 'test-recorder')).toEqual(expect.objectContaining({ kind: 'notification', secretNames: ['token'] }));
    const bound = expectData(await api.gql<{ bindAdapter: { id: string; secretNames: string[] } }>(BIND, { p: pointId, a: 'test-recorder', c: { databaseUrl: dbUrl, label: 'secret' }, s: { token: 's3cr3t-value' } }, admin));
    expect(bound.bindAdapter.secretNames).toEqual(['token']);
    const [row] = await api.sql<{ secrets: string }>(`SELECT secrets FROM adapter_binding WHERE id = $1`, [bound.bindAdapter.id]);
    expect(row.secrets).not.toContain('s3cr3t');
    const listed = expectData(await api.gql(`query($p: ID!) { adapterBindings(pointId: $p) { id adapterId config secretNames health { status } } }`, { p: pointId }, admin));
    expect(JSON.stringify(listed)).not.toContain('s3cr3t');
    expect(expectData(await api.gql<{ unbindAdapter: boolean }>(`mutation($id: ID!) { unbindAdapter(id: $id) }`, { id: bound.bindAdapter.id }, admin)).unbindAdapter).toBe(true);
  });

  it('webhook: bad signature 401 and replay 409 change nothing; a signed status becomes concierge.call-status-changed', async () => {
    const bound = expectData(await api.gql<{ bindAdapter: { id: string } }>(BIND, { p: pointId, a: 'test-concierge', c: {}, s: { signingKey: 'k3y' } }, admin));
    const url = `${api.url}/webhooks/adapters/${bound.bindAdapter.id}`;
    const body = JSON.stringify({ nonce: 'n1', vendorCallId: 'call-42', status: 'completed' });
    const sign = (b: string) => createHmac('sha256', 'k3y').update(b).digest('hex');
    const post = (b: string, signature: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: b });
    const events = () => api.sql(`SELECT payload FROM outbox WHERE event_type = 'concierge.call-status-changed'`);

    const bad = await post(body, sign('something else'));
    expect(bad.status).toBe(401);
    expect(await events()).toHaveLength(0);
    const good = await post(body, sign(body));
    expect(good.status).toBe(202);
    expect(await events()).toEqual([{ payload: { bindingId: bound.bindAdapter.id, pointId, vendorCallId: 'call-42', status: 'completed' } }]);
    const replay = await post(body, sign(body));
    expect(replay.status).toBe(409);
    expect(await events()).toHaveLength(1);
    expect((await fetch(`${api.url}/webhooks/adapters/00000000-0000-0000-0000-000000000000`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
