import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import { BOOK_FULL, type BookResult, expectNothingBooked, MINUTE, ms, parisClock } from '../reservation-scenario-helpers';

describe('15-minute set-up and tear-down buffers make back-to-back bookings clash', () => {
  let api: TestApi;
  let room: SeededRoom;
  let ten: string;

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId); // TEST_POLICY: 15 min set-up, 15 min tear-down
    ten = nextWeekdayAt(3, 10);
  });
  afterAll(() => api.close());

  it('10:00–12:00 is booked; it holds the room 09:45–12:15', async () => {
    const res = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], ten, plusMinutes(ten, 120)) });
    const { reservation } = expectData(res).book;
    expect(reservation.status).toBe('CONFIRMED');
    expect(reservation.rooms.map((r) => [parisClock(r.heldFrom), parisClock(r.heldUntil)])).toEqual([['09:45', '12:15']]);
  });

  it('12:00–13:00 right after it is a CONFLICT: its set-up buffer falls in the first one’s tear-down; clashingSlot ends 12:15', async () => {
    const noon = plusMinutes(ten, 120);
    const res = await expectNothingBooked(api, () => bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], noon, plusMinutes(noon, 60)) }));
    const error = expectError(res, 'CONFLICT');
    const details = error.extensions?.details as { roomId: string; clashingSlot: { start: string; end: string; kind: string } };
    expect(details.roomId).toBe(room.roomId);
    expect(details.clashingSlot.kind).toBe('RESERVATION');
    expect(ms(details.clashingSlot.start)).toBe(ms(ten) - 15 * MINUTE);
    expect(ms(details.clashingSlot.end)).toBe(ms(ten) + 135 * MINUTE);
    expect(parisClock(details.clashingSlot.end)).toBe('12:15');
  });

  it('12:30–13:30 succeeds: its held interval starts exactly when the first one’s ends', async () => {
    const start = plusMinutes(ten, 150);
    const res = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], start, plusMinutes(start, 60)) });
    const { reservation } = expectData(res).book;
    expect(reservation.rooms.map((r) => [parisClock(r.heldFrom), parisClock(r.heldUntil)])).toEqual([['12:15', '13:45']]);
    const rows = await api.sql<{ held_from: Date; held_until: Date }>(
      `SELECT lower(during) AS held_from, upper(during) AS held_until FROM room_slot WHERE room_id = $1 AND active ORDER BY lower(during)`,
      [room.roomId],
    );
    expect(rows.map((r) => [parisClock(r.held_from), parisClock(r.held_until)])).toEqual([
      ['09:45', '12:15'],
      ['12:15', '13:45'],
    ]);
  });
});
