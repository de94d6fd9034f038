import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, type SeededRoom } from '../booking-fixtures';
import { BOOK_FULL, type BookResult, expectNothingBooked, parisClock } from '../reservation-scenario-helpers';

const AVAILABILITY = `query($input: AvailabilityInput!) { availability(input: $input) { slots { start end onRequest } windows { start end } } }`;
interface AvailabilityResult {
  availability: { slots: { start: string; end: string; onRequest: boolean }[]; windows: { start: string; end: string }[] };
}

const MON_FRI = [1, 2, 3, 4, 5];

describe('a two-point meeting between Lannion (09:00–17:30) and Morlaix (08:30–12:00, 14:00–18:00)', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let a: SeededRoom;
  let b: SeededRoom;
  let pointBName: string;
  /** 00:00 Paris time of a coming Tuesday. */
  let midnight: string;
  const at = (hour: number, minute = 0) => plusMinutes(midnight, hour * 60 + minute);

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    a = await roomOf(api, 'lannion-tregor-communaute-siege');
    b = await roomOf(api, 'morlaix-communaute-siege');
    [{ name: pointBName }] = await api.sql<{ name: string }>(`SELECT name FROM point WHERE id = $1`, [b.pointId]);
    await setHours(api, admin, a.pointId, MON_FRI.map((weekday) => ({ weekday, opens: '09:00', closes: '17:30' })));
    await setHours(
      api,
      admin,
      b.pointId,
      MON_FRI.flatMap((weekday) => [
        { weekday, opens: '08:30', closes: '12:00' },
        { weekday, opens: '14:00', closes: '18:00' },
      ]),
    );
    // TEST_POLICY: 15 min set-up and tear-down, 30 min steps, 48 h notice.
    await setPolicy(api, admin, a.pointId);
    await setPolicy(api, admin, b.pointId);
    midnight = nextWeekdayAt(2, 0);
  });
  afterAll(() => api.close());

  it('availability for both rooms lists only the slots common to both points, none over Morlaix’s lunch break', async () => {
    const res = await api.gql<AvailabilityResult>(AVAILABILITY, { input: { roomIds: [a.roomId, b.roomId], from: at(0), to: at(24), durationMinutes: 60 } });
    const { slots, windows } = expectData(res).availability;
    // Held interval [start − 15, end + 15) inside both: Lannion 09:15–17:15, Morlaix 08:45–11:45 and 14:15–17:45.
    expect(slots.map((s) => parisClock(s.start))).toEqual(['09:30', '10:00', '10:30', '14:30', '15:00', '15:30', '16:00']);
    for (const s of slots) {
      expect(s.onRequest).toBe(false);
      const [start, end] = [parisClock(s.start), parisClock(s.end)];
      expect(end <= '12:00' || start >= '14:00').toBe(true);
    }
    for (const w of windows) {
      const [start, end] = [parisClock(w.start), parisClock(w.end)];
      expect(end <= '12:00' || start >= '14:00').toBe(true);
    }
    // Each room alone has slots at lunchtime: the intersection is what removed them.
    const aloneA = expectData(await api.gql<AvailabilityResult>(AVAILABILITY, { input: { roomIds: [a.roomId], from: at(0), to: at(24), durationMinutes: 60 } }));
    expect(aloneA.availability.slots.map((s) => parisClock(s.start))).toContain('12:30');
  });

  it('booking both rooms at 12:30 fails with BAD_USER_INPUT naming Morlaix (input.rooms[1]) and writes nothing', async () => {
    const res = await expectNothingBooked(api, () => bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([a.roomId, b.roomId], at(12, 30), at(13, 30)) }));
    const error = expectError(res, 'BAD_USER_INPUT', { field: ['input', 'rooms', 1] });
    expect(error.message).toContain(pointBName);
    expect(error.extensions?.messageFr).toContain(pointBName);
  });

  it('booking both rooms at 10:00 holds both rooms: two room_slot rows', async () => {
    const res = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([a.roomId, b.roomId], at(10), at(11)) });
    const { reservation } = expectData(res).book;
    expect(reservation.status).toBe('CONFIRMED');
    const rows = await api.sql<{ room_id: string; active: boolean; held_from: Date; held_until: Date }>(
      `SELECT room_id, active, lower(during) AS held_from, upper(during) AS held_until FROM room_slot WHERE reservation_id = $1 ORDER BY room_id`,
      [reservation.id],
    );
    expect(rows.map((r) => r.room_id).sort()).toEqual([a.roomId, b.roomId].sort());
    for (const r of rows) {
      expect(r.active).toBe(true);
      expect(parisClock(r.held_from)).toBe('09:45');
      expect(parisClock(r.held_until)).toBe('11:15');
    }
    expect(reservation.rooms).toHaveLength(2);
  });

  it('when Morlaix’s room is already taken, the two-point booking is a CONFLICT and nothing is held at Lannion either', async () => {
    const taken = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([b.roomId], at(15), at(16), { title: 'Réunion locale à Morlaix' }) });
    const local = expectData(taken).book.reservation;

    const res = await expectNothingBooked(api, () => bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([a.roomId, b.roomId], at(15), at(16)) }));
    const error = expectError(res, 'CONFLICT');
    const details = error.extensions?.details as { roomId: string; pointId: string; clashingSlot: { reference: string; kind: string } };
    expect(details.roomId).toBe(b.roomId);
    expect(details.pointId).toBe(b.pointId);
    expect(details.clashingSlot).toEqual(expect.objectContaining({ kind: 'RESERVATION', reference: local.reference }));
    const [{ n }] = await api.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM room_slot WHERE room_id = $1 AND during && tstzrange($2::timestamptz, $3::timestamptz)`,
      [a.roomId, at(14, 45), at(16, 15)],
    );
    expect(n).toBe(0);
  });
});
