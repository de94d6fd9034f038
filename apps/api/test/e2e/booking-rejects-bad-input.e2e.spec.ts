import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, PARIS, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import { expectNothingBooked } from '../reservation-scenario-helpers';

const BOOK_RECURRING = `mutation($input: RecurringReservationInput!) { bookRecurring(input: $input) { seriesId reservations { id } } }`;

describe('a booking with bad input is refused with a typed error and writes nothing', () => {
  let api: TestApi;
  let room: SeededRoom;
  /** A valid Tuesday 10:00 (Paris) two weeks ahead; the valid booking made in beforeAll is the week after. */
  let ten: string;

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId); // 48 h notice, 365 days horizon
    ten = nextWeekdayAt(2, 10, 0, 14);
    // One reservation exists, so "unchanged" is not merely "still empty".
    const other = nextWeekdayAt(2, 10, 0, 21);
    expectData(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], other, plusMinutes(other, 60)) }));
  });
  afterAll(() => api.close());

  const book = (input: Record<string, unknown>) => expectNothingBooked(api, () => bookConfirmed(api, BOOK, { input }));

  it('end before start → BAD_USER_INPUT on end', async () => {
    const res = await book(bookingInput([room.roomId], ten, plusMinutes(ten, -60)));
    expectError(res, 'BAD_USER_INPUT', { field: ['end'] });
  });

  it('zero length → BAD_USER_INPUT on end', async () => {
    const res = await book(bookingInput([room.roomId], ten, ten));
    expectError(res, 'BAD_USER_INPUT', { field: ['end'] });
  });

  it('beyond the 365-day horizon → BAD_USER_INPUT', async () => {
    const far = nextWeekdayAt(2, 10, 0, 400);
    const res = await book(bookingInput([room.roomId], far, plusMinutes(far, 60)));
    const error = expectError(res, 'BAD_USER_INPUT', { field: ['start'] });
    expect(error.extensions?.details).toEqual(expect.objectContaining({ horizonDays: 365 }));
  });

  it('inside the 48 h lead time → BAD_USER_INPUT on start', async () => {
    const soon = DateTime.now().setZone(PARIS).plus({ hours: 2 }).startOf('hour').toISO({ suppressMilliseconds: true })!;
    const res = await book(bookingInput([room.roomId], soon, plusMinutes(soon, 60)));
    const error = expectError(res, 'BAD_USER_INPUT', { field: ['start'] });
    expect(error.extensions?.details).toEqual(expect.objectContaining({ minLeadMinutes: 48 * 60 }));
  });

  it('an unknown room → NOT_FOUND on input.rooms[0]', async () => {
    const res = await book(bookingInput([randomUUID()], ten, plusMinutes(ten, 60)));
    expectError(res, 'NOT_FOUND', { field: ['input', 'rooms', 0] });
  });

  it('a room of a point on hold → BAD_USER_INPUT on input.rooms[0]', async () => {
    const suspended = await roomOf(api, 'cc-cote-emeraude-siege');
    const [{ status }] = await api.sql<{ status: string }>(`SELECT status FROM point WHERE id = $1`, [suspended.pointId]);
    expect(status).toBe('ON_HOLD');
    const res = await book(bookingInput([suspended.roomId], ten, plusMinutes(ten, 60)));
    const error = expectError(res, 'BAD_USER_INPUT', { field: ['input', 'rooms', 0] });
    expect(error.extensions?.details).toEqual({ pointStatus: 'ON_HOLD' });
  });

  it('a timestamp without offset → BAD_USER_INPUT', async () => {
    const floating = ten.slice(0, 19); // e.g. '2027-01-12T10:00:00'
    expect(floating).toMatch(/^\d{4}-\d\d-\d\dT10:00:00$/);
    const res = await book(bookingInput([room.roomId], floating, plusMinutes(ten, 60)));
    const error = expectError(res, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/offset/);
  });

  it('an RRULE producing a million occurrences → BAD_USER_INPUT on rrule, quickly', async () => {
    const started = Date.now();
    const res = await expectNothingBooked(api, () =>
      bookConfirmed(api, BOOK_RECURRING, { input: { ...bookingInput([room.roomId], ten, plusMinutes(ten, 60)), rrule: 'FREQ=MINUTELY;COUNT=1000000' } }),
    );
    const error = expectError(res, 'BAD_USER_INPUT', { field: ['rrule'] });
    expect(error.extensions?.details).toEqual(expect.objectContaining({ max: 200 }));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the same room listed twice → BAD_USER_INPUT on input.rooms', async () => {
    const res = await book(bookingInput([room.roomId, room.roomId], ten, plusMinutes(ten, 60)));
    expectError(res, 'BAD_USER_INPUT', { field: ['input', 'rooms'] });
  });

  it('a SIP participant without sipUri → BAD_USER_INPUT on input.participants', async () => {
    const res = await book(bookingInput([room.roomId], ten, plusMinutes(ten, 60), { participants: [{ kind: 'SIP', name: 'Salle du conseil de Morlaix' }] }));
    expectError(res, 'BAD_USER_INPUT', { field: ['input', 'participants'] });
  });

  it('the same request with valid input is accepted (the refusals above were about their one bad field)', async () => {
    const res = await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], ten, plusMinutes(ten, 60), { participants: [{ kind: 'SIP', sipUri: 'sip:conseil@morlaix.example' }] }) });
    expectData(res);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservation`);
    expect(n).toBe(2);
  });
});
