import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import {
  BOOK_FULL, type BookResult, createUserAndLogin, expectNothingBooked, MINUTE, ms, parisClock, reservationAsOrganiser, RESERVATION_FIELDS, type ReservationView,
} from '../reservation-scenario-helpers';

const CHANGE = `mutation($id: ID!, $start: DateTime!, $end: DateTime!, $token: String) {
  changeReservation(id: $id, start: $start, end: $end, accessToken: $token) { ${RESERVATION_FIELDS} } }`;
const EXTEND = `mutation($id: ID!, $end: DateTime!, $token: String) { extendReservation(id: $id, end: $end, accessToken: $token) { ${RESERVATION_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!, $token: String) { cancelReservation(id: $id, reason: $reason, accessToken: $token) { ${RESERVATION_FIELDS} } }`;

interface StoredReservation {
  start_at: Date;
  end_at: Date;
  status: string;
  sequence: number;
  slots: string;
}

describe('changing, extending and cancelling a reservation are checked again', () => {
  let api: TestApi;
  let room: SeededRoom;
  let midnight: string;
  const at = (hour: number, minute = 0) => plusMinutes(midnight, hour * 60 + minute);
  let mine: ReservationView;
  let token: string;
  let next: ReservationView;

  const stored = async (id: string): Promise<StoredReservation> => {
    const [row] = await api.sql<StoredReservation>(
      `SELECT start_at, end_at, status, sequence,
              (SELECT string_agg(during::text || ':' || active::text, ',' ORDER BY id) FROM room_slot WHERE reservation_id = r.id) AS slots
         FROM reservation r WHERE id = $1`,
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    midnight = nextWeekdayAt(2, 0);
    const a = expectData(await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], at(10), at(11), { title: 'Point d’équipe' }) })).book;
    mine = a.reservation;
    token = a.accessToken;
    next = expectData(await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], at(14), at(15), { title: 'Jury de recrutement' }) })).book.reservation;
  });
  afterAll(() => api.close());

  it('changeReservation into a taken slot → CONFLICT, the reservation unchanged', async () => {
    const before = await stored(mine.id);
    const res = await expectNothingBooked(api, () => api.gql(CHANGE, { id: mine.id, start: at(14, 30), end: at(15, 30), token }));
    const error = expectError(res, 'CONFLICT');
    expect((error.extensions?.details as { clashingSlot: { reference: string } }).clashingSlot.reference).toBe(next.reference);
    expect(await stored(mine.id)).toEqual(before);
    expect(before.sequence).toBe(0);
  });

  it('extendReservation to 12:00 while the room is free → new end, sequence + 1, history EXTENDED', async () => {
    const res = await api.gql<{ extendReservation: ReservationView }>(EXTEND, { id: mine.id, end: at(12), token });
    const extended = expectData(res).extendReservation;
    expect(ms(extended.start)).toBe(ms(at(10)));
    expect(ms(extended.end)).toBe(ms(at(12)));
    expect(extended.sequence).toBe(mine.sequence + 1);
    expect(extended.status).toBe('CONFIRMED');
    expect(extended.history.map((h) => h.kind)).toEqual(['CREATED', 'EXTENDED']);
    const last = extended.history[1];
    expect([ms(last.fromEnd!), ms(last.toEnd!)]).toEqual([ms(at(11)), ms(at(12))]);
    expect(extended.rooms).toEqual([
      expect.objectContaining({ roomId: room.roomId, heldFrom: new Date(ms(at(10)) - 15 * MINUTE).toISOString(), heldUntil: new Date(ms(at(12)) + 15 * MINUTE).toISOString() }),
    ]);
    // The room keeps what was declared when booking.
    expect(extended.rooms[0].expectedParticipants).toBe(4);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM room_slot WHERE reservation_id = $1`, [mine.id]);
    expect(n).toBe(1);
  });

  it('extendReservation into the next booking (14:00–15:00, held from 13:45) → CONFLICT, unchanged', async () => {
    const before = await stored(mine.id);
    const res = await expectNothingBooked(api, () => api.gql(EXTEND, { id: mine.id, end: at(14), token }));
    const error = expectError(res, 'CONFLICT');
    const { clashingSlot } = error.extensions?.details as { clashingSlot: { start: string; reference: string } };
    expect(clashingSlot.reference).toBe(next.reference);
    expect(parisClock(clashingSlot.start)).toBe('13:45');
    expect(await stored(mine.id)).toEqual(before);
  });

  it('a stranger cannot cancel it: UNAUTHENTICATED without token (or with a wrong one), FORBIDDEN for another organisation’s operator', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const [{ id: otherOrganisation }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'morlaix-communaute'`);
    const stranger = await createUserAndLogin(api, admin, { email: 'operateur@morlaix.test', role: 'POINT_OPERATOR', organisationId: otherOrganisation });
    const before = await stored(mine.id);
    expectError(await expectNothingBooked(api, () => api.gql(CANCEL, { id: mine.id, reason: 'Je prends la salle' })), 'UNAUTHENTICATED');
    expectError(await expectNothingBooked(api, () => api.gql(CANCEL, { id: mine.id, reason: 'Je prends la salle', token: 'mlr_not-the-token' })), 'UNAUTHENTICATED');
    expectError(await expectNothingBooked(api, () => api.gql(CANCEL, { id: mine.id, reason: 'Je prends la salle' }, stranger)), 'FORBIDDEN');
    expectError(await expectNothingBooked(api, () => api.gql(CHANGE, { id: mine.id, start: at(16), end: at(17) }, stranger)), 'FORBIDDEN');
    expect(await stored(mine.id)).toEqual(before);
  });

  it('the organiser cancels with a reason using the access token (no account) → CANCELLED, and the slot is free again', async () => {
    const res = await api.gql<{ cancelReservation: ReservationView }>(CANCEL, { id: mine.id, reason: 'Réunion reportée', token });
    const cancelled = expectData(res).cancelReservation;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.statusReason).toBe('Réunion reportée');
    const [{ active }] = await api.sql<{ active: number }>(`SELECT count(*)::int AS active FROM room_slot WHERE reservation_id = $1 AND active`, [mine.id]);
    expect(active).toBe(0);
    const seen = await reservationAsOrganiser(api, mine.reference, token);
    expect(seen.history.map((h) => [h.kind, h.reason])).toEqual([
      ['CREATED', null],
      ['EXTENDED', null],
      ['CANCELLED', 'Réunion reportée'],
    ]);

    const again = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], at(10), at(12), { title: 'Autre réunion' }) });
    expect(expectData(again).book.reservation.status).toBe('CONFIRMED');

    // Once cancelled, it cannot be cancelled again.
    expectError(await expectNothingBooked(api, () => api.gql(CANCEL, { id: mine.id, reason: 'Encore', token })), 'BAD_USER_INPUT');
  });
});
