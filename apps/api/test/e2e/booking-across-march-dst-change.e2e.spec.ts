import { DateTime } from 'luxon';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, bookingInput, PARIS, roomOf, setHours, setPolicy, TEST_POLICY, type SeededRoom } from '../booking-fixtures';
import { BOOK_FULL, type BookResult, MINUTE, ms, parisClock } from '../reservation-scenario-helpers';

/** Local midnight starting the next last Sunday of March (the spring-forward day in Europe) still ahead of now. */
function nextSpringForwardDay(now: DateTime): DateTime {
  for (let year = now.year; ; year++) {
    let d = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: PARIS });
    while (d.weekday !== 7) d = d.minus({ days: 1 });
    // 01:00 local must still be in the future (lead time 0, but the past is never bookable).
    if (d.set({ hour: 1 }) > now.plus({ minutes: 30 })) return d.startOf('day');
  }
}

const AVAILABILITY = `query($input: AvailabilityInput!) { availability(input: $input) { slots { start end onRequest } } }`;
interface AvailabilityResult {
  availability: { slots: { start: string; end: string; onRequest: boolean }[] };
}

describe('a booking across the March daylight-saving change (02:00 → 03:00 in Paris)', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let room: SeededRoom;
  let day: DateTime;
  let dayStart: number;
  let dayEnd: number;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    day = nextSpringForwardDay(DateTime.now().setZone(PARIS));
    dayStart = day.toMillis();
    dayEnd = day.plus({ days: 1 }).toMillis();
    // The day really is 23 hours long: the test is about the gap.
    expect((dayEnd - dayStart) / 3_600_000).toBe(23);
    const daysAway = Math.ceil((dayEnd - Date.now()) / 86_400_000);
    await setHours(api, admin, room.pointId, [{ weekday: 7, opens: '00:00', closes: '24:00' }]);
    await setPolicy(api, admin, room.pointId, { ...TEST_POLICY, minLeadMinutes: 0, horizonDays: Math.max(TEST_POLICY.horizonDays, daysAway + 7) });
  });
  afterAll(() => api.close());

  /** Expected 60-minute slot starts on that Sunday: every 30 minutes of elapsed time, held interval (±15 min) inside the day. */
  const expectedStarts = (busy: { start: number; end: number }[]) => {
    const starts: number[] = [];
    for (let s = dayStart + 15 * MINUTE; s + 75 * MINUTE <= dayEnd; s += 15 * MINUTE) {
      if (s - 15 * MINUTE < dayStart) continue;
      if (DateTime.fromMillis(s, { zone: PARIS }).minute % 30 !== 0) continue;
      if (busy.some((b) => s - 15 * MINUTE < b.end && b.start < s + 75 * MINUTE)) continue;
      starts.push(s);
    }
    return starts;
  };

  const availabilityThatDay = async () => {
    const res = await api.gql<AvailabilityResult>(AVAILABILITY, {
      input: { roomIds: [room.roomId], from: new Date(dayStart).toISOString(), to: new Date(dayEnd).toISOString(), durationMinutes: 60 },
    });
    return expectData(res).availability.slots;
  };

  it('lists the day’s slots on the local half-hour grid, jumping from 01:30 to 03:00', async () => {
    const slots = await availabilityThatDay();
    expect(slots.map((s) => ms(s.start))).toEqual(expectedStarts([]));
    const clocks = slots.map((s) => parisClock(s.start));
    expect(clocks[0]).toBe('00:30');
    expect(clocks[clocks.length - 1]).toBe('22:30');
    expect(clocks).not.toContain('02:00');
    expect(clocks).not.toContain('02:30');
    const i = clocks.indexOf('01:30');
    expect(clocks[i + 1]).toBe('03:00');
    // 01:30 and 03:00 local are 30 real minutes apart.
    expect(ms(slots[i + 1].start) - ms(slots[i].start)).toBe(30 * MINUTE);
    for (const s of slots) expect(ms(s.end) - ms(s.start)).toBe(60 * MINUTE);
  });

  it('books 01:00–04:00 local: 2 hours of real time, the held slot including both buffers', async () => {
    const start = day.set({ hour: 1 }).toISO({ suppressMilliseconds: true })!;
    const end = day.set({ hour: 4 }).toISO({ suppressMilliseconds: true })!;
    expect(start).toMatch(/T01:00:00\+01:00$/);
    expect(end).toMatch(/T04:00:00\+02:00$/);

    const res = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], start, end) });
    const { reservation } = expectData(res).book;
    expect(reservation.status).toBe('CONFIRMED');
    expect(ms(reservation.end) - ms(reservation.start)).toBe(2 * 60 * MINUTE);

    const [stored] = await api.sql<{ seconds: number; start_at: Date; end_at: Date }>(
      `SELECT extract(epoch FROM end_at - start_at)::int AS seconds, start_at, end_at FROM reservation WHERE id = $1`,
      [reservation.id],
    );
    expect(stored.seconds).toBe(7200);
    expect(stored.start_at.getTime()).toBe(ms(start));
    expect(stored.end_at.getTime()).toBe(ms(end));

    const [held] = await api.sql<{ held_from: Date; held_until: Date; active: boolean }>(
      `SELECT lower(during) AS held_from, upper(during) AS held_until, active FROM room_slot WHERE reservation_id = $1`,
      [reservation.id],
    );
    expect(held.active).toBe(true);
    expect(held.held_from.getTime()).toBe(ms(start) - 15 * MINUTE);
    expect(held.held_until.getTime()).toBe(ms(end) + 15 * MINUTE);
    expect(parisClock(held.held_from)).toBe('00:45');
    expect(parisClock(held.held_until)).toBe('04:15');
    expect(reservation.rooms).toEqual([
      expect.objectContaining({ roomId: room.roomId, heldFrom: new Date(ms(start) - 15 * MINUTE).toISOString(), heldUntil: new Date(ms(end) + 15 * MINUTE).toISOString() }),
    ]);
  });

  it('then lists no slot touching the held interval: the first is 04:30 local', async () => {
    const slots = await availabilityThatDay();
    const busy = [{ start: day.set({ hour: 1 }).toMillis() - 15 * MINUTE, end: day.set({ hour: 4 }).toMillis() + 15 * MINUTE }];
    expect(slots.map((s) => ms(s.start))).toEqual(expectedStarts(busy));
    expect(parisClock(slots[0].start)).toBe('04:30');
    expect(parisClock(slots[slots.length - 1].start)).toBe('22:30');
  });
});
