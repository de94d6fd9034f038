// Anyone may book without an account: a script that sends 3 000 anonymous bookings within a minute must
// not fill a point's calendar nor e-mail anyone but the organisers. With the production limits
// (security/security-settings.ts): 10 at once per client address, then 30 an hour; 5 at once per organiser
// address, and at most 3 of its requests waiting for their e-mail confirmation. Every refusal is a typed
// RATE_LIMITED with Retry-After; what passed is HELD, not CONFIRMED, and nothing went to participants.
import { DateTime } from 'luxon';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { BOOK, bookingInput, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, weekdaySlots } from '../booking-fixtures';

jest.setTimeout(240_000);

const REQUESTS = 3000;
const CONCURRENCY = 40;


interface Outcome {
  status: number;
  retryAfter: string | null;
  code?: string;
  limit?: string;
  reservationStatus?: string;
}

async function flood(api: TestApi, inputs: Record<string, unknown>[], headersOf: (i: number) => Record<string, string>): Promise<{ outcomes: Outcome[]; ms: number }> {
  const outcomes: Outcome[] = new Array(inputs.length);
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < inputs.length; i = next++) {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headersOf(i) },
          body: JSON.stringify({ query: BOOK, variables: { input: inputs[i] } }),
        });
        const body = (await res.json()) as { data?: { book: { reservation: { status: string } } | null }; errors?: { extensions?: { code?: string; details?: { limit?: string } } }[] };
        outcomes[i] = {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          code: body.errors?.[0]?.extensions?.code,
          limit: body.errors?.[0]?.extensions?.details?.limit,
          reservationStatus: body.data?.book?.reservation.status,
        };
      }
    }),
  );
  return { outcomes, ms: Date.now() - started };
}

const tally = (outcomes: Outcome[]) => {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.reservationStatus ?? `${o.code}${o.limit ? `:${o.limit}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('3 000 anonymous bookings in a minute are throttled: a few are held for e-mail confirmation, the rest refused RATE_LIMITED', () => {
  let api: TestApi;
  let roomId: string;
  const starts = weekdaySlots(100);

  beforeAll(async () => {
    // TRUST_PROXY: the test plays clients of many addresses through X-Forwarded-For (only believed from the loopback proxy).
    api = await startTestApi({ limits: 'production', env: { TRUST_PROXY: 'loopback' } });
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    roomId = room.roomId;
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
  });
  afterAll(async () => api?.close());

  /** The i-th request, in the slot `slot` (the ones that pass are among the first requests: their slots differ). */
  const input = (slot: number, i: number, email: string) =>
    bookingInput([roomId], starts[slot], DateTime.fromISO(starts[slot]).plus({ hours: 1 }).toISO()!, {
      organiser: { name: `Robot ${i}`, email },
      participants: [{ kind: 'WEB_GUEST', name: `Cible ${i}`, email: `cible-${i}@victime.example` }],
    });

  it(`one address, ${REQUESTS} bookings for ${REQUESTS} organisers: 10 held, ${REQUESTS - 10} refused (per-IP limit), nothing confirmed, nobody but organisers e-mailed`, async () => {
    const { outcomes, ms } = await flood(api, Array.from({ length: REQUESTS }, (_, i) => input(i % 45, i, `robot-${i}@spam.example`)), () => ({ 'x-forwarded-for': '203.0.113.7' }));
    const counts = tally(outcomes);
    console.log(`[abuse] ${REQUESTS} anonymous bookings from one address in ${(ms / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    // 10 at once, then one every 120 s (30 an hour): on a loaded machine the run may last over a minute.
    const allowed = 10 + Math.floor(ms / 120_000);
    expect(counts).toEqual({ HELD: allowed, 'RATE_LIMITED:booking-per-ip': REQUESTS - allowed });
    const refused = outcomes.filter((o) => o.code === 'RATE_LIMITED');
    expect(refused.every((o) => o.status === 429 && Number(o.retryAfter) > 0)).toBe(true);
    const [written] = await api.sql<{ held: number; other: number; active: number }>(
      `SELECT count(*) FILTER (WHERE status = 'HELD')::int AS held, count(*) FILTER (WHERE status <> 'HELD')::int AS other,
              (SELECT count(*)::int FROM room_slot WHERE active AND room_id = $1) AS active FROM reservation`,
      [roomId],
    );
    expect(written).toEqual({ held: allowed, other: 0, active: allowed });
    // Only the organisers' confirmation e-mails are asked for; no invitation, no reservation.confirmed.
    const events = await api.sql<{ event_type: string; n: number }>(`SELECT event_type, count(*)::int AS n FROM outbox GROUP BY event_type ORDER BY event_type`);
    expect(events).toEqual([
      { event_type: 'availability.changed', n: allowed },
      { event_type: 'reservation.held', n: allowed },
    ]);
  });

  it(`${REQUESTS} addresses, one organiser address: 3 requests wait for its confirmation, ${REQUESTS - 3} refused`, async () => {
    await api.sql(`DELETE FROM rate_limit`);
    const { outcomes, ms } = await flood(api, Array.from({ length: REQUESTS }, (_, i) => input(45 + (i % 45), i, 'one.victim@example.org')), (i) => ({ 'x-forwarded-for': `198.51.${Math.floor(i / 250)}.${i % 250}` }));
    const counts = tally(outcomes);
    console.log(`[abuse] ${REQUESTS} anonymous bookings from ${REQUESTS} addresses for one organiser in ${(ms / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    expect(counts.HELD).toBe(3);
    expect((counts['RATE_LIMITED:pending-holds-per-email'] ?? 0) + (counts['RATE_LIMITED:booking-per-organiser'] ?? 0)).toBe(REQUESTS - 3);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservation WHERE lower(organiser_email) = 'one.victim@example.org'`);
    expect(n).toBe(3);
  });

  it('a signed-in booker is known: not held, not throttled by the visitors’ limits', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const res = expectData(await api.gql<{ book: { reservation: { status: string } } }>(BOOK, { input: input(95, 95, 'staff@example.org') }, { ...admin, 'x-forwarded-for': '203.0.113.7' }));
    expect(res.book.reservation.status).toBe('CONFIRMED');
  });
});
