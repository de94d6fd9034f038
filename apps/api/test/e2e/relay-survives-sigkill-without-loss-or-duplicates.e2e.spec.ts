import { expectData } from '../e2e-assertions';
import { BIND, outboxInsert, waitFor } from '../event-fixtures';
import { RECORDER_TABLES } from '../fixtures/test-adapters';
import { spawnApi, type SpawnedApi } from '../spawned-api';
import { createTestDatabase, type TestDatabase } from '../test-database';

jest.setTimeout(180_000);

const RESERVATIONS = 300; // 600 events
const ENV = { EVENT_BACKOFF_MS: '100', ADAPTER_CALL_TIMEOUT_MS: '2000', EVENT_POLL_MS: '200' };

describe('the relay survives SIGKILL: after a restart every event is handled once, none lost, none doubled', () => {
  let db: TestDatabase;
  const apis: SpawnedApi[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql(RECORDER_TABLES);
  });
  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop('SIGKILL')));
    await db?.drop();
  });

  it('kills the API while it relays 600 events, restarts it, and counts 600 effects, in order per reservation', async () => {
    const first = await spawnApi(db.url, ENV);
    apis.push(first);
    const admin = await first.loginAsAdmin();
    const [point] = await db.sql<{ id: string }>(`SELECT id FROM point ORDER BY slug LIMIT 1`);
    const bound = expectData(await first.gql<{ bindAdapter: { id: string; health: { status: string } } }>(BIND, { p: point.id, a: 'test-recorder', c: { databaseUrl: db.url, label: 'sigkill' } }, admin));
    expect(bound.bindAdapter.health.status).toBe('up');
    const subscriber = `adapter:${bound.bindAdapter.id}`;

    const insert = outboxInsert(point.id, RESERVATIONS);
    await db.sql(insert.text, insert.params);
    const total = RESERVATIONS * 2;
    // Mid-relay: some effects happened, not all.
    const before = await waitFor('the first effects', async () => {
      const [{ n }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM test_adapter_effect WHERE label = 'sigkill'`);
      return n >= total / 10 && n;
    }, 60_000, 5);
    await first.stop('SIGKILL');
    const [{ n: atKill }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM test_adapter_effect WHERE label = 'sigkill'`);
    expect(before).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(total);
    const [{ n: unfinished }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event_delivery WHERE subscriber = $1 AND status <> 'done'`, [subscriber]);
    const [{ n: unpublished }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);

    const second = await spawnApi(db.url, ENV);
    apis.push(second);
    await waitFor('every delivery done', async () => {
      const [row] = await db.sql<{ done: number; other: number }>(
        `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status <> 'done')::int AS other FROM event_delivery WHERE subscriber = $1`,
        [subscriber],
      );
      return row.done === total && row.other === 0;
    }, 90_000, 200);

    const effects = await db.sql<{ idempotency_key: string; deliveries: number; aggregate: string; event_name: string; seq: string }>(
      `SELECT idempotency_key, deliveries, aggregate, event_name, seq FROM test_adapter_effect WHERE label = 'sigkill' ORDER BY seq`,
    );
    // No loss: one effect per event.
    expect(effects).toHaveLength(total);
    expect(new Set(effects.map((e) => e.idempotency_key)).size).toBe(total);
    // No duplicate: the relay's handled_event record stops redelivery of what it saw handled; the
    // recorder counts any delivery that still reached it twice (crash between effect and record).
    const doubled = effects.filter((e) => e.deliveries > 1).length;
    const [{ n: handled }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM handled_event WHERE subscriber = $1`, [subscriber]);
    expect(handled).toBe(total);
    // In order per reservation: requested before confirmed.
    const firstSeen = new Map<string, string>();
    for (const e of effects) if (!firstSeen.has(e.aggregate)) firstSeen.set(e.aggregate, e.event_name);
    expect([...firstSeen.values()].every((name) => name === 'reservation.requested')).toBe(true);
    // Every event published once, no dead letter.
    const [{ n: dead }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event_delivery WHERE status = 'dead'`);
    expect(dead).toBe(0);
    console.log(`[sigkill] ${total} events; at SIGKILL: ${atKill} effects, ${unfinished} deliveries unfinished, ${unpublished} rows unpublished; after restart: ${effects.length} effects, ${doubled} reached the recorder twice (absorbed by its idempotency key)`);
  });
});
