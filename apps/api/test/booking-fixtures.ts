import { DateTime } from 'luxon';
import { isFrenchPublicHoliday } from '@maillage/core';
import type { TestApi } from './harness';

export const PARIS = 'Europe/Paris';

/** The first `weekday` (1 = Monday) at least `minDaysAhead` days from now, at hh:mm Paris time, as ISO with offset. */
export function nextWeekdayAt(weekday: number, hour: number, minute = 0, minDaysAhead = 7): string {
  let d = DateTime.now().setZone(PARIS).plus({ days: minDaysAhead }).startOf('day');
  while (d.weekday !== weekday || isHoliday(d)) d = d.plus({ days: 1 });
  return d.set({ hour, minute }).toISO({ suppressMilliseconds: true })!;
}

/** French public holidays falling on fixed dates; enough to keep generated test dates on ordinary days. */
const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
const isHoliday = (d: DateTime) => FIXED.includes(d.toFormat('MM-dd')) || d.month === 5 || (d.month === 4 && d.day < 10) || (d.month === 6 && d.day < 10);

/** `count` distinct one-hour weekday slots (Paris), 5 a day (9:30, 11:00, 12:30, 14:00, 15:30) from `minDaysAhead` days ahead, public holidays avoided. */
export function weekdaySlots(count: number, minDaysAhead = 8): string[] {
  const out: string[] = [];
  let day = DateTime.now().setZone(PARIS).plus({ days: minDaysAhead }).startOf('day');
  while (out.length < count) {
    if (day.weekday <= 5 && !isFrenchPublicHoliday(day.toISODate()!)) {
      for (const [h, m] of [[9, 30], [11, 0], [12, 30], [14, 0], [15, 30]]) if (out.length < count) out.push(day.set({ hour: h, minute: m }).toISO({ suppressMilliseconds: true })!);
    }
    day = day.plus({ days: 1 });
  }
  return out;
}

export const plusMinutes = (iso: string, minutes: number) => DateTime.fromISO(iso, { setZone: true }).setZone(PARIS).plus({ minutes }).toISO({ suppressMilliseconds: true })!;

export interface SeededRoom {
  roomId: string;
  pointId: string;
  pointSlug: string;
}

/** The first room of a seeded point, by slug. */
export async function roomOf(api: TestApi, pointSlug: string): Promise<SeededRoom> {
  const [row] = await api.sql<{ room_id: string; point_id: string }>(
    `SELECT r.id AS room_id, p.id AS point_id FROM room r JOIN point p ON p.id = r.point_id WHERE p.slug = $1 ORDER BY r.name LIMIT 1`,
    [pointSlug],
  );
  if (!row) throw new Error(`no room at ${pointSlug}`);
  return { roomId: row.room_id, pointId: row.point_id, pointSlug };
}

export const BOOK = `mutation($input: ReservationInput!) {
  book(input: $input) { accessToken reservation { id reference status start end inTerritory rooms { roomId heldFrom heldUntil } } }
}`;

/** Several bookings in one request, all or nothing (at most 100). */
export const BOOK_MANY = `mutation($inputs: [ReservationInput!]!) {
  bookMany(inputs: $inputs) { accessToken reservation { id reference status start end inTerritory rooms { roomId heldFrom heldUntil } } }
}`;

export const bookingInput = (roomIds: string[], start: string, end: string, extra: Record<string, unknown> = {}) => ({
  title: 'Réunion de coordination',
  rooms: roomIds.map((roomId) => ({ roomId, expectedParticipants: 4 })),
  start,
  end,
  organiser: { name: 'Service économie', email: 'eco@example.org' },
  requesterCategory: 'COMPANY',
  requesterPostcode: '22300',
  purpose: 'COORDINATION',
  ...extra,
});

/** Mon–Fri 09:00–17:30, 17:30–22:00 on request; 15 min buffers, 48 h notice, 30 min granularity. */
export const TEST_POLICY = {
  minLeadMinutes: 48 * 60,
  minDurationMinutes: 60,
  maxDurationMinutes: 600,
  granularityMinutes: 30,
  setupBufferMinutes: 15,
  teardownBufferMinutes: 15,
  horizonDays: 365,
  approvalCategories: [],
};

export async function setPolicy(api: Pick<TestApi, 'gql'>, headers: Record<string, string>, pointId: string, policy: Record<string, unknown> = TEST_POLICY) {
  const res = await api.gql(`mutation($p: ID!, $policy: BookingPolicyInput!) { setBookingPolicy(pointId: $p, policy: $policy) { minLeadMinutes } }`, { p: pointId, policy }, headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

export async function setHours(api: Pick<TestApi, 'gql'>, headers: Record<string, string>, pointId: string, weekly: { weekday: number; opens: string; closes: string; onRequest?: boolean }[]) {
  const res = await api.gql(
    `mutation($p: ID!, $s: OpeningScheduleInput!) { setOpeningHours(pointId: $p, schedule: $s) { id } }`,
    { p: pointId, s: { weekly, exceptions: [], closedOnPublicHolidays: true } },
    headers,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

export const WEEKDAYS_9_TO_1730 = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '09:00', closes: '17:30' },
  { weekday, opens: '17:30', closes: '22:00', onRequest: true },
]);

/**
 * The link of the e-mail that asks the organiser of an anonymous booking to confirm it: the `confirmUrl`
 * of the `reservation.held` event the booking wrote (what the notification adapter e-mails).
 */
export async function confirmationLink(api: Pick<TestApi, 'sql'>, reservationId: string): Promise<string> {
  const [row] = await api.sql<{ url: string }>(
    `SELECT payload->>'confirmUrl' AS url FROM outbox WHERE event_type = 'reservation.held' AND payload->'reservations' @> jsonb_build_array(jsonb_build_object('reservationId', $1::text))`,
    [reservationId],
  );
  if (!row) throw new Error(`no confirmation e-mail was asked for reservation ${reservationId}`);
  return row.url;
}

export const CONFIRM_BOOKING = `mutation($t: String!) { confirmBooking(token: $t) { id reference status } }`;

/** Follows the confirmation link of an anonymous booking as its organiser would: its reservations are CONFIRMED (or REQUESTED). */
export async function confirmByEmail(api: Pick<TestApi, 'sql' | 'gql'>, reservationId: string): Promise<{ id: string; reference: string; status: string }[]> {
  const url = await confirmationLink(api, reservationId);
  const res = await api.gql<{ confirmBooking: { id: string; reference: string; status: string }[] }>(CONFIRM_BOOKING, { t: decodeURIComponent(url.split('/confirmer/')[1]) });
  if (!res.data?.confirmBooking) throw new Error(`confirmBooking failed: ${JSON.stringify(res.errors)}`);
  return res.data.confirmBooking;
}

type BookResponse = Awaited<ReturnType<TestApi['gql']>>;

/**
 * `api.gql(BOOK or BOOK_MANY …)` as before the e-mail confirmation of anonymous bookings: books, and
 * when the answer is HELD (an anonymous caller) follows the e-mail's link, then answers what `book`
 * answered with each reservation's status after confirmation (CONFIRMED, or REQUESTED when the host
 * must approve). Signed-in callers and errors pass through unchanged.
 */
export async function bookConfirmed<T = Record<string, unknown>>(
  api: Pick<TestApi, 'sql' | 'gql'>,
  query: string,
  variables: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<BookResponse & { data?: T | null }> {
  const res = await api.gql(query, variables, headers);
  const data = res.data as Record<string, unknown> | null | undefined;
  const payloads = data ? Object.values(data).flatMap((v) => (Array.isArray(v) ? v : [v])) : [];
  type Held = { id: string; status: string };
  const reservationsOf = (p: unknown): (Held | undefined)[] => {
    const payload = p as { reservation?: Held; reservations?: Held[] } | null;
    return payload?.reservations ?? [payload?.reservation];
  };
  const held = payloads.flatMap(reservationsOf).filter((r): r is Held => r?.status === 'HELD');
  const done = new Map<string, string>();
  for (const r of held) {
    if (done.has(r.id)) continue;
    for (const c of await confirmByEmail(api, r.id)) done.set(c.id, c.status);
  }
  for (const r of held) r.status = done.get(r.id) ?? r.status;
  return res as BookResponse & { data?: T | null };
}
