import { ConciergeVendorSimulator } from '@maillage/adapters';
import { expectData, expectDatabaseUnchanged } from '../e2e-assertions';
import { BIND, waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { BINDINGS_CHANNEL } from '../../src/adapters/adapter-host';

jest.setTimeout(60_000);

const API_KEY = 'vendor-api-key-for-e2e';
const WEBHOOK_SECRET = 'a-webhook-signing-secret-of-at-least-32-chars';

describe('concierge-http bound to a point: a booking schedules one vendor call; signed webhooks reach the outbox, bad ones are refused', () => {
  let api: TestApi;
  let vendor: ConciergeVendorSimulator;
  let admin: Record<string, string>;
  let roomId: string;
  let pointId: string;
  let bindingId: string;
  beforeAll(async () => {
    vendor = await ConciergeVendorSimulator.start({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET });
    // The test's own servers listen on 127.0.0.1: allowed explicitly (outbound requests reach public addresses only by default, ADR 0011).
    api = await startTestApi({ env: { OUTBOUND_ALLOW: '127.0.0.1' } });
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    ({ roomId, pointId } = room);
    await setHours(api, admin, pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, pointId);
  });
  afterAll(async () => {
    await api?.close();
    await vendor?.stop();
  });

  const outboxOf = (type: string) => api.sql<{ payload: Record<string, unknown>; idempotency_key: string }>(`SELECT payload, idempotency_key FROM outbox WHERE event_type = $1 ORDER BY id`, [type]);
  const settled = () =>
    waitFor('the relay to settle', async () => {
      const [row] = await api.sql<{ unpublished: number; pending: number }>(
        `SELECT (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS unpublished, (SELECT count(*)::int FROM event_delivery WHERE status = 'pending') AS pending`,
      );
      return row.unpublished === 0 && row.pending === 0;
    }, 20_000);

  it('binds the adapter with its own webhook URL, and reports it up', async () => {
    const config = { baseUrl: vendor.baseUrl, callbackUrl: `${api.url}/webhooks/adapters/pending` };
    const bound = expectData(await api.gql<{ bindAdapter: { id: string; secretNames: string[]; health: { status: string } } }>(BIND, { p: pointId, a: 'concierge-http', c: config, s: { apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET } }, admin));
    bindingId = bound.bindAdapter.id;
    expect(bound.bindAdapter.secretNames).toEqual(['apiKey', 'webhookSecret']);
    // The binding's webhook URL names its id, known once bound: the test points the config at it and
    // asks every process to reload the binding (what bindAdapter itself NOTIFYs).
    await api.sql(`UPDATE adapter_binding SET config = jsonb_set(config, '{callbackUrl}', to_jsonb($2::text)) WHERE id = $1`, [bindingId, `${api.url}/webhooks/adapters/${bindingId}`]);
    await api.sql(`SELECT pg_notify($1, $2)`, [BINDINGS_CHANNEL, bindingId]);
    const HEALTH = `query($p: ID!) { adapterBindings(pointId: $p) { id health { status detail } } }`;
    await waitFor('the reloaded binding up', async () => {
      const res = await api.gql<{ adapterBindings: { id: string; health: { status: string } }[] }>(HEALTH, { p: pointId }, admin);
      return res.data?.adapterBindings.find((b) => b.id === bindingId)?.health.status === 'up';
    }, 10_000, 200);
  });

  it('a confirmed booking makes the vendor receive exactly one scheduled call, with our webhook URL', async () => {
    const start = nextWeekdayAt(2, 10, 0, 8);
    const res = await bookConfirmed<{ book: { reservation: { id: string; status: string } } }>(api, BOOK, { input: bookingInput([roomId], start, plusMinutes(start, 60)) });
    const reservationId = res.data!.book.reservation.id;
    expect(res.data?.book.reservation.status).toBe('CONFIRMED');
    await waitFor('the vendor call', async () => vendor.calls.size > 0, 15_000, 50);
    await settled();
    await new Promise((r) => setTimeout(r, 700)); // more than an EVENT_POLL_MS: nothing else comes
    const posts = vendor.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/calls'));
    expect(posts).toHaveLength(1);
    expect(posts[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(posts[0].headers['idempotency-key']).toMatch(new RegExp(`^reservation\\.confirmed:${reservationId}:0$`));
    const calls = [...vendor.calls.values()];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ reservationId, status: 'scheduled', callbackUrl: `${api.url}/webhooks/adapters/${bindingId}` });
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM handled_event WHERE subscriber = $1`, [`adapter:${bindingId}`]);
    expect(n).toBe(1);
  });

  it('a signed status webhook → 202 and a concierge.call-status-changed event; tampered → 401, replayed → 409, nothing changed', async () => {
    const [call] = [...vendor.calls.values()];
    const accepted = await vendor.sendStatus(call.vendorCallId, 'tested');
    expect(accepted.response.status).toBe(202);
    expect(JSON.parse(accepted.response.body)).toMatchObject({ accepted: true, vendorCallId: call.vendorCallId });
    const events = await outboxOf('concierge.call-status-changed');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ bindingId, pointId, vendorCallId: call.vendorCallId });
    await settled();

    const tampered = await expectDatabaseUnchanged(api, () => vendor.sendStatus(call.vendorCallId, 'completed', { tamper: true }));
    expect(tampered.response.status).toBe(401);
    expect(tampered.response.body).toMatch(/signature/i);

    const replayed = await expectDatabaseUnchanged(api, () => vendor.replay(accepted));
    expect(replayed.response.status).toBe(409);
    expect(replayed.response.body).toMatch(/replay|already/i);

    const unknown = await expectDatabaseUnchanged(api, async () => {
      const res = await fetch(`${api.url}/webhooks/adapters/00000000-0000-4000-8000-000000000000`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: accepted.rawBody });
      return res.status;
    });
    expect(unknown).toBe(404);
    expect(await outboxOf('concierge.call-status-changed')).toHaveLength(1);
  });
});
