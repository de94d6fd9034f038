import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { expectData } from '../e2e-assertions';
import { BOOK, bookingInput, nextWeekdayAt, plusMinutes, TEST_POLICY, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { BIND, outboxInsert, waitFor } from '../event-fixtures';
import { RECORDER_TABLES } from '../fixtures/test-adapters';
import { spawnApi, type SpawnedApi } from '../spawned-api';
import { createTestDatabase, type TestDatabase } from '../test-database';

jest.setTimeout(180_000);

const ENV = { EVENT_BACKOFF_MS: '100', EVENT_POLL_MS: '200' };
const RESERVATIONS = 200;

interface Change {
  availabilityChanged: { pointIds: string[]; roomIds: string[]; from: string; to: string };
}

/** Opens `availabilityChanged(pointId)` over graphql-ws and collects what arrives. */
function watch(api: SpawnedApi, pointId: string): { client: WsClient; received: Change[]; ready: Promise<void> } {
  const received: Change[] = [];
  let connected!: () => void;
  const ready = new Promise<void>((r) => (connected = r));
  const client = createClient({ url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, on: { connected: () => connected() } });
  client.subscribe<Change>(
    { query: `subscription($p: ID!) { availabilityChanged(pointId: $p) { pointIds roomIds from to } }`, variables: { p: pointId } },
    { next: (v) => v.data && received.push(v.data), error: () => undefined, complete: () => undefined },
  );
  return { client, received, ready };
}

describe('two API instances on one database: each event handled once, subscribers on both see it', () => {
  let db: TestDatabase;
  const apis: SpawnedApi[] = [];
  const clients: WsClient[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql(RECORDER_TABLES);
    apis.push(await spawnApi(db.url, ENV)); // seeds first
    apis.push(await spawnApi(db.url, ENV));
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await Promise.all(apis.map((a) => a.stop('SIGTERM')));
    await db?.drop();
  });

  it('a booking made on A reaches availabilityChanged subscribers on A and on B; its events are handled once', async () => {
    const [a, b] = apis;
    const admin = await a.loginAsAdmin();
    const [room] = await db.sql<{ room_id: string; point_id: string }>(
      `SELECT r.id AS room_id, p.id AS point_id FROM room r JOIN point p ON p.id = r.point_id WHERE p.slug = 'lannion-tregor-communaute-siege' ORDER BY r.name LIMIT 1`,
    );
    expectData(await a.gql(`mutation($p: ID!, $s: OpeningScheduleInput!) { setOpeningHours(pointId: $p, schedule: $s) { id } }`, { p: room.point_id, s: { weekly: WEEKDAYS_9_TO_1730, exceptions: [], closedOnPublicHolidays: true } }, admin));
    expectData(await a.gql(`mutation($p: ID!, $policy: BookingPolicyInput!) { setBookingPolicy(pointId: $p, policy: $policy) { minLeadMinutes } }`, { p: room.point_id, policy: TEST_POLICY }, admin));
    const bound = expectData(await a.gql<{ bindAdapter: { id: string } }>(BIND, { p: room.point_id, a: 'test-recorder', c: { databaseUrl: db.url, label: 'two' } }, admin));
    const subscriber = `adapter:${bound.bindAdapter.id}`;
    // B learns of the binding through NOTIFY and reports it healthy.
    await waitFor('B loads the binding', async () => {
      const res = await b.gql<{ adapterBindings: { health: { status: string } }[] }>(`query($p: ID!) { adapterBindings(pointId: $p) { health { status } } }`, { p: room.point_id }, admin);
      return res.data?.adapterBindings[0]?.health.status === 'up';
    });

    const onA = watch(a, room.point_id);
    const onB = watch(b, room.point_id);
    clients.push(onA.client, onB.client);
    await Promise.all([onA.ready, onB.ready]);
    await new Promise((r) => setTimeout(r, 300)); // subscriptions registered server-side

    const start = nextWeekdayAt(2, 10);
    // Booked by a signed-in admin: confirmed at once (an anonymous booking would wait for its e-mail link).
    const booked = expectData(await a.gql<{ book: { reservation: { id: string; status: string } } }>(BOOK, { input: bookingInput([room.room_id], start, plusMinutes(start, 60)) }, admin));
    expect(booked.book.reservation.status).toBe('CONFIRMED');
    for (const side of [onA, onB]) {
      await waitFor('the availability change on both instances', async () => side.received.length >= 1, 20_000);
      expect(side.received).toHaveLength(1);
      expect(side.received[0].availabilityChanged).toEqual(expect.objectContaining({ pointIds: [room.point_id], roomIds: [room.room_id] }));
    }

    // Many events at once: both instances deliver, none twice.
    const insert = outboxInsert(room.point_id, RESERVATIONS);
    await db.sql(insert.text, insert.params);
    const total = RESERVATIONS * 2 + 1; // + reservation.confirmed of the booking
    await waitFor('every delivery done', async () => {
      const [row] = await db.sql<{ done: number }>(`SELECT count(*) FILTER (WHERE status = 'done')::int AS done FROM event_delivery WHERE subscriber = $1`, [subscriber]);
      return row.done === total;
    }, 90_000, 200);
    const effects = await db.sql<{ idempotency_key: string; deliveries: number }>(`SELECT idempotency_key, deliveries FROM test_adapter_effect WHERE label = 'two'`);
    expect(effects).toHaveLength(total);
    expect(effects.filter((e) => e.deliveries !== 1)).toEqual([]);
    const [{ n: deliveries }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event_delivery WHERE subscriber = $1`, [subscriber]);
    expect(deliveries).toBe(total);
    // The booking's own availability.changed reached each bus once, not once per instance.
    expect(onA.received).toHaveLength(1);
    expect(onB.received).toHaveLength(1);
  });
});
