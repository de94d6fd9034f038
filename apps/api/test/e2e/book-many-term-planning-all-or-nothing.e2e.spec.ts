import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { OutboxRelay } from '../../src/events/outbox-relay';
import { expectData, expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, BOOK_MANY, bookingInput, nextWeekdayAt, PARIS, plusMinutes, roomOf, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';

interface Booked {
  accessToken: string;
  reservation: { id: string; reference: string; status: string; start: string; end: string; rooms: { roomId: string; heldFrom: string; heldUntil: string }[] };
}
interface Clash {
  roomId: string;
  clashingSlot: { start: string; end: string; kind: string; reference: string | null };
  clashingInput?: number;
}

/** `count` weekdays at the time of `first` (Paris wall clock), from `first` on. */
function weekdaysFrom(first: string, count: number): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(first, { setZone: true }).setZone(PARIS); out.length < count; d = d.plus({ days: 1 })) {
    if (d.weekday <= 5) out.push(d.toISO({ suppressMilliseconds: true })!);
  }
  return out;
}

/**
 * An operator imports a term's planning with bookMany: 50 bookings in one request, one transaction.
 * Either every booking is written, or none is: a taken slot is CONFLICT naming the slot and the input
 * (field ['inputs', 7]), a bad input is its usual typed error under ['inputs', 3, …], and a list over
 * 100 is refused before anything is read.
 */
describe('bookMany books a term planning in one request, all or nothing', () => {
  let api: TestApi;
  let room: SeededRoom;
  let other: SeededRoom;
  /** Weekdays at 10:00 Paris from two weeks ahead, the next 14:00 slots after them. */
  let mornings: string[];

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    other = await roomOf(api, 'lannion-tregor-communaute-pole-phoenix');
    for (const point of new Set([room.pointId, other.pointId])) {
      // Weekdays 09:00–17:30, holidays open: any weekday of the term is bookable.
      const res = await api.gql(`mutation($p: ID!, $s: OpeningScheduleInput!) { setOpeningHours(pointId: $p, schedule: $s) { id } }`, {
        p: point,
        s: { weekly: WEEKDAYS_9_TO_1730, exceptions: [], closedOnPublicHolidays: false },
      }, admin);
      expect(res.errors).toBeUndefined();
      await setPolicy(api, admin, point); // 48 h notice, 60 min minimum, 15 min buffers
    }
    mornings = weekdaysFrom(nextWeekdayAt(1, 10, 0, 14), 110);
  });
  afterAll(() => api.close());

  /** Waits for the outbox relay, so that only the request under test can change the database. */
  const settle = () => api.app.get(OutboxRelay).settle();
  const hour = (start: string, roomId = room.roomId) => bookingInput([roomId], start, plusMinutes(start, 60));

  it('50 bookings in one request: all written, in order, each with its access token, rooms and events', async () => {
    // 25 weekdays, 10:00 and 14:00.
    const inputs = mornings.slice(0, 25).flatMap((day) => [hour(day), hour(plusMinutes(day, 240))]);
    // The EPCI's own booker account: confirmed at once (an anonymous planning waits for its e-mail link, booking-holds e2e).
    const booker = await api.loginAs(ADMIN.email, ADMIN.password);
    const { bookMany } = expectData(await api.gql<{ bookMany: Booked[] }>(BOOK_MANY, { inputs }, booker));

    expect(bookMany).toHaveLength(50);
    bookMany.forEach((b, i) => {
      expect(b.reservation.status).toBe('CONFIRMED');
      expect(new Date(b.reservation.start).getTime()).toBe(new Date(inputs[i].start).getTime());
      expect(b.reservation.rooms).toEqual([{ roomId: room.roomId, heldFrom: plusUtc(inputs[i].start, -15), heldUntil: plusUtc(inputs[i].end, 15) }]);
      expect(b.accessToken).toMatch(/^mlr_/);
    });
    // References follow the order of the inputs; every access token opens its own reservation.
    const numbers = bookMany.map((b) => Number(b.reservation.reference.slice(4)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(bookMany.map((b) => b.accessToken)).size).toBe(50);
    const opened = expectData(
      await api.gql<{ reservationByReference: { id: string } }>(`query($r: String!, $t: String!) { reservationByReference(reference: $r, accessToken: $t) { id } }`, {
        r: bookMany[17].reservation.reference,
        t: bookMany[17].accessToken,
      }),
    );
    expect(opened.reservationByReference.id).toBe(bookMany[17].reservation.id);

    const ids = bookMany.map((b) => b.reservation.id);
    const [counts] = await api.sql<{ reservations: number; slots: number; changes: number }>(
      `SELECT (SELECT count(*)::int FROM reservation WHERE id = ANY($1)) AS reservations,
              (SELECT count(*)::int FROM room_slot WHERE reservation_id = ANY($1) AND active) AS slots,
              (SELECT count(*)::int FROM reservation_change WHERE reservation_id = ANY($1) AND kind = 'CREATED') AS changes`,
      [ids],
    );
    expect(counts).toEqual({ reservations: 50, slots: 50, changes: 50 });
    // Two events per reservation, in input order: reservation.confirmed then availability.changed.
    const events = await api.sql<{ event_type: string; aggregate_id: string; reference: string | null }>(
      `SELECT event_type, aggregate_id, payload->>'reference' AS reference FROM outbox WHERE aggregate_id = ANY($1) ORDER BY id`,
      [ids],
    );
    expect(events).toEqual(
      bookMany.flatMap((b) => [
        { event_type: 'reservation.confirmed', aggregate_id: b.reservation.id, reference: b.reservation.reference },
        { event_type: 'availability.changed', aggregate_id: b.reservation.id, reference: null },
      ]),
    );
  });

  it('a taken slot at index 7 → CONFLICT naming the slot, field ["inputs", 7], nothing written', async () => {
    const days = mornings.slice(30, 40);
    const taken = expectData(await bookConfirmed<{ book: Booked }>(api, BOOK, { input: hour(plusMinutes(days[7], 30)) })).book;
    const inputs = days.map((day) => hour(day));
    await settle();

    const res = await expectDatabaseUnchanged(api, () => bookConfirmed(api, BOOK_MANY, { inputs }));

    const error = expectError(res, 'CONFLICT', { field: ['inputs', 7] });
    const details = error.extensions!.details as unknown as Clash;
    expect(details.roomId).toBe(room.roomId);
    expect(details.clashingSlot).toEqual({ kind: 'RESERVATION', reference: taken.reservation.reference, start: taken.reservation.rooms[0].heldFrom, end: taken.reservation.rooms[0].heldUntil });
    expect(error.message).toContain(taken.reservation.rooms[0].heldFrom);
  });

  it('two inputs of the request holding the room at once → CONFLICT on the later one, naming the earlier, nothing written', async () => {
    const days = mornings.slice(40, 50);
    const inputs = days.map((day) => hour(day));
    inputs[7] = hour(plusMinutes(days[2], 30)); // overlaps input 2
    await settle();

    const res = await expectDatabaseUnchanged(api, () => bookConfirmed(api, BOOK_MANY, { inputs }));

    const error = expectError(res, 'CONFLICT', { field: ['inputs', 7] });
    expect(error.extensions!.details).toMatchObject({ roomId: room.roomId, clashingInput: 2, clashingSlot: { kind: 'RESERVATION', reference: null, start: plusUtc(days[2], -15), end: plusUtc(days[2], 75) } });
  });

  it('bad input at index 3 → its typed BAD_USER_INPUT under ["inputs", 3, …], nothing written', async () => {
    const days = mornings.slice(50, 60);
    const inputs = () => days.map((day, i) => hour(day, i % 2 ? other.roomId : room.roomId));
    await settle();

    // The engine's rule: end before start.
    const endBeforeStart = inputs();
    endBeforeStart[3] = { ...endBeforeStart[3], end: plusMinutes(days[3], -60) };
    expectError(await expectDatabaseUnchanged(api, () => bookConfirmed(api, BOOK_MANY, { inputs: endBeforeStart })), 'BAD_USER_INPUT', { field: ['inputs', 3, 'end'] });

    // The input's own validation: a malformed e-mail.
    const badEmail = inputs();
    badEmail[3] = { ...badEmail[3], organiser: { name: 'Service économie', email: 'not-an-email' } };
    expectError(await expectDatabaseUnchanged(api, () => bookConfirmed(api, BOOK_MANY, { inputs: badEmail })), 'BAD_USER_INPUT', { field: ['inputs', 3, 'organiser', 'email'] });

    // An unknown room keeps its own code.
    const unknownRoom = inputs();
    unknownRoom[3] = hour(days[3], randomUUID());
    expectError(await expectDatabaseUnchanged(api, () => bookConfirmed(api, BOOK_MANY, { inputs: unknownRoom })), 'NOT_FOUND', { field: ['inputs', 3, 'rooms', 0] });

    // The same ten, valid, are booked: the refusals above were about their one bad input.
    expect(expectData(await bookConfirmed<{ bookMany: Booked[] }>(api, BOOK_MANY, { inputs: inputs() })).bookMany).toHaveLength(10);
  });

  it('101 inputs → BAD_USER_INPUT on ["inputs"] with the limit, nothing read or written', async () => {
    const inputs = mornings.slice(0, 101).map((day) => hour(plusMinutes(day, 360)));
    expect(inputs).toHaveLength(101);
    await settle();

    const res = await expectDatabaseUnchanged(api, () => bookConfirmed(api, BOOK_MANY, { inputs }));

    const error = expectError(res, 'BAD_USER_INPUT', { field: ['inputs'] });
    expect(error.extensions!.details).toEqual({ max: 100, count: 101 });
  });
});

/** `iso` moved by `minutes`, as the API prints instants (UTC, milliseconds). */
function plusUtc(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}
