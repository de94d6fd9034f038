import { DateTime } from 'luxon';
import { frenchPublicHolidays } from '@maillage/core';
import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, bookingInput, PARIS, roomOf, setHours, setPolicy, TEST_POLICY, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import { expectNothingBooked, ms } from '../reservation-scenario-helpers';

const OCCURRENCES = 5;

/** The next Ascension Thursday (Easter + 39 days) whose series, starting two weeks before, clears the 48 h notice. */
function nextAscension(now: DateTime): DateTime {
  for (let year = now.year; ; year++) {
    const ascension = frenchPublicHolidays(year).find((h) => h.name === 'Ascension')!;
    const day = DateTime.fromISO(ascension.date, { zone: PARIS });
    if (day.minus({ days: 14 }).set({ hour: 10 }) > now.plus({ days: 3 })) return day;
  }
}

const isHoliday = (d: DateTime) => frenchPublicHolidays(d.year).some((h) => h.date === d.toISODate());

const BOOK_RECURRING = `mutation($input: RecurringReservationInput!) {
  bookRecurring(input: $input) {
    seriesId accessToken
    reservations { id status start end seriesId seriesIndex }
    skipped { index start end reason }
  }
}`;
interface RecurringResult {
  bookRecurring: {
    seriesId: string;
    accessToken: string;
    reservations: { id: string; status: string; start: string; end: string; seriesId: string; seriesIndex: number }[];
    skipped: { index: number; start: string; end: string; reason: string }[];
  };
}

describe('a weekly Thursday series across Ascension Thursday (a public holiday: the point is closed)', () => {
  let api: TestApi;
  let room: SeededRoom;
  let ascension: DateTime;
  let first: DateTime;
  /** Every Thursday of the series at 10:00 local, with whether it is a public holiday. */
  let thursdays: { start: DateTime; holiday: boolean }[];
  let input: (mode: string) => Record<string, unknown>;

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730); // closedOnPublicHolidays: true
    ascension = nextAscension(DateTime.now().setZone(PARIS));
    first = ascension.minus({ days: 14 }).set({ hour: 10 });
    const daysAway = Math.ceil(ascension.plus({ days: 7 * OCCURRENCES }).diffNow('days').days);
    await setPolicy(api, admin, room.pointId, { ...TEST_POLICY, horizonDays: Math.max(TEST_POLICY.horizonDays, daysAway + 7) });
    thursdays = Array.from({ length: OCCURRENCES }, (_, i) => {
      const start = first.plus({ weeks: i });
      return { start, holiday: isHoliday(start) };
    });
    expect(first.weekday).toBe(4);
    expect(thursdays[2].start.toISODate()).toBe(ascension.toISODate());
    expect(thursdays[2].holiday).toBe(true);
    const start = first.toISO({ suppressMilliseconds: true })!;
    const end = first.plus({ hours: 2 }).toISO({ suppressMilliseconds: true })!;
    input = (mode) => ({ ...bookingInput([room.roomId], start, end, { title: 'Comité de pilotage hebdomadaire' }), rrule: `FREQ=WEEKLY;BYDAY=TH;COUNT=${OCCURRENCES}`, mode });
  });
  afterAll(() => api.close());

  it('ALL_OR_NOTHING: CONFLICT listing the Ascension occurrence, and nothing written', async () => {
    const res = await expectNothingBooked(api, () => bookConfirmed<RecurringResult>(api, BOOK_RECURRING, { input: input('ALL_OR_NOTHING') }));
    const error = expectError(res, 'CONFLICT');
    const { clashes } = error.extensions?.details as { clashes: { index: number; start: string; end: string; reason: string }[] };
    const expected = thursdays.flatMap((t, index) => (t.holiday ? [index] : []));
    expect(clashes.map((c) => c.index)).toEqual(expected);
    const onAscension = clashes.find((c) => c.index === 2)!;
    expect(ms(onAscension.start)).toBe(ascension.set({ hour: 10 }).toMillis());
    expect(ms(onAscension.end)).toBe(ascension.set({ hour: 12 }).toMillis());
    expect(onAscension.reason).toEqual(expect.any(String));
    expect(onAscension.reason.length).toBeGreaterThan(0);
  });

  it('SKIP_CLASHES: every other Thursday is booked in one series; `skipped` names the Ascension occurrence', async () => {
    const res = await bookConfirmed<RecurringResult>(api, BOOK_RECURRING, { input: input('SKIP_CLASHES') });
    const { seriesId, reservations, skipped } = expectData(res).bookRecurring;
    const workingThursdays = thursdays.filter((t) => !t.holiday);
    expect(reservations.map((r) => ms(r.start))).toEqual(workingThursdays.map((t) => t.start.toMillis()));
    for (const r of reservations) {
      expect(r.seriesId).toBe(seriesId);
      expect(r.status).toBe('CONFIRMED');
      expect(DateTime.fromISO(r.start, { zone: PARIS }).toFormat('ccc HH:mm', { locale: 'en' })).toBe('Thu 10:00');
    }
    expect(skipped.map((s) => s.index)).toEqual(thursdays.flatMap((t, index) => (t.holiday ? [index] : [])));
    const onAscension = skipped.find((s) => s.index === 2)!;
    expect(ms(onAscension.start)).toBe(ascension.set({ hour: 10 }).toMillis());
    expect(onAscension.reason.length).toBeGreaterThan(0);

    const rows = await api.sql<{ series_id: string; series_index: number; start_at: Date; active: number }>(
      `SELECT r.series_id, r.series_index, r.start_at, (SELECT count(*)::int FROM room_slot s WHERE s.reservation_id = r.id AND s.active) AS active
         FROM reservation r ORDER BY r.start_at`,
    );
    expect(rows).toHaveLength(workingThursdays.length);
    expect(new Set(rows.map((r) => r.series_id))).toEqual(new Set([seriesId]));
    expect(rows.map((r) => r.series_index)).not.toContain(2);
    for (const r of rows) expect(r.active).toBe(1);
    expect(rows.some((r) => DateTime.fromJSDate(r.start_at).setZone(PARIS).toISODate() === ascension.toISODate())).toBe(false);
  });
});
