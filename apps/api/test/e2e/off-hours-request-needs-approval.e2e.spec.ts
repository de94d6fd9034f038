import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import {
  BOOK_FULL, type BookResult, bookingCounts, createUserAndLogin, expectNothingBooked, organisationOfPoint, parisClock, reservationAsOrganiser, RESERVATION_FIELDS,
  type ReservationView,
} from '../reservation-scenario-helpers';

const APPROVE = `mutation($id: ID!) { approveReservation(id: $id) { ${RESERVATION_FIELDS} } }`;

describe('an evening booking in the 17:30–22:00 on-request range needs the host’s approval', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let room: SeededRoom;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  let booker: Record<string, string>;
  let reservation: ReservationView;
  let accessToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const hostOrganisation = await organisationOfPoint(api, room.pointId);
    const [{ id: otherOrganisation }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'morlaix-communaute'`);
    operator = await createUserAndLogin(api, admin, { email: 'operateur@lannion.test', role: 'POINT_OPERATOR', organisationId: hostOrganisation });
    otherOperator = await createUserAndLogin(api, admin, { email: 'operateur@morlaix.test', role: 'POINT_OPERATOR', organisationId: otherOrganisation });
    booker = await createUserAndLogin(api, admin, { email: 'reservant@lannion.test', role: 'BOOKER', organisationId: hostOrganisation });
  });
  afterAll(() => api.close());

  it('18:00–20:00 lands REQUESTED and already holds the room (17:45–20:15)', async () => {
    const start = nextWeekdayAt(2, 18);
    const res = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], start, plusMinutes(start, 120), { title: 'Assemblée générale du club' }) });
    ({ reservation, accessToken } = expectData(res).book);
    expect(reservation.status).toBe('REQUESTED');
    expect(reservation.rooms.map((r) => [parisClock(r.heldFrom), parisClock(r.heldUntil)])).toEqual([['17:45', '20:15']]);
    const [{ active }] = await api.sql<{ active: number }>(`SELECT count(*)::int AS active FROM room_slot WHERE reservation_id = $1 AND active`, [reservation.id]);
    expect(active).toBe(1);
    // Held means held: the same evening cannot be requested twice.
    const again = await expectNothingBooked(api, () => bookConfirmed(api, BOOK_FULL, { input: bookingInput([room.roomId], start, plusMinutes(start, 120)) }));
    expectError(again, 'CONFLICT');
  });

  it('an operator of another organisation cannot approve it: FORBIDDEN, nothing written', async () => {
    const res = await expectNothingBooked(api, () => api.gql(APPROVE, { id: reservation.id }, otherOperator));
    expectError(res, 'FORBIDDEN');
    const [{ status }] = await api.sql<{ status: string }>(`SELECT status FROM reservation WHERE id = $1`, [reservation.id]);
    expect(status).toBe('REQUESTED');
  });

  it('nobody signed in cannot approve it: UNAUTHENTICATED', async () => {
    const res = await expectNothingBooked(api, () => api.gql(APPROVE, { id: reservation.id }));
    expectError(res, 'UNAUTHENTICATED');
  });

  it('an operator of the point’s organisation approves it → CONFIRMED, the room still held', async () => {
    const res = await api.gql<{ approveReservation: ReservationView }>(APPROVE, { id: reservation.id }, operator);
    const approved = expectData(res).approveReservation;
    expect(approved.status).toBe('CONFIRMED');
    expect(approved.sequence).toBe(reservation.sequence + 1);
    expect(approved.rooms.map((r) => [parisClock(r.heldFrom), parisClock(r.heldUntil)])).toEqual([['17:45', '20:15']]);
    const [{ active }] = await api.sql<{ active: number }>(`SELECT count(*)::int AS active FROM room_slot WHERE reservation_id = $1 AND active`, [reservation.id]);
    expect(active).toBe(1);
  });

  it('approving it twice → BAD_USER_INPUT, nothing written', async () => {
    const res = await expectNothingBooked(api, () => api.gql(APPROVE, { id: reservation.id }, operator));
    expectError(res, 'BAD_USER_INPUT', { field: ['id'] });
  });

  it('its history lists CREATED then CONFIRMED; the outbox has reservation.requested then reservation.confirmed', async () => {
    const seen = await reservationAsOrganiser(api, reservation.reference, accessToken);
    expect(seen.status).toBe('CONFIRMED');
    expect(seen.history.map((h) => h.kind)).toEqual(['CREATED', 'CONFIRMED']);
    const events = await api.sql<{ event_type: string; status: string }>(
      `SELECT event_type, payload->>'status' AS status FROM outbox WHERE aggregate_type = 'reservation' AND aggregate_id = $1 AND event_type LIKE 'reservation.%' ORDER BY id`,
      [reservation.id],
    );
    expect(events).toEqual([
      { event_type: 'reservation.requested', status: 'REQUESTED' },
      { event_type: 'reservation.confirmed', status: 'CONFIRMED' },
    ]);
  });

  it('a booker who requested an evening himself cannot approve his own request: FORBIDDEN', async () => {
    const start = nextWeekdayAt(4, 19);
    const res = await bookConfirmed<BookResult>(api, BOOK_FULL, { input: bookingInput([room.roomId], start, plusMinutes(start, 120)) }, booker);
    const own = expectData(res).book.reservation;
    expect(own.status).toBe('REQUESTED');
    const before = await bookingCounts(api);
    expectError(await api.gql(APPROVE, { id: own.id }, booker), 'FORBIDDEN');
    expect(await bookingCounts(api)).toEqual(before);
    const [{ status }] = await api.sql<{ status: string }>(`SELECT status FROM reservation WHERE id = $1`, [own.id]);
    expect(status).toBe('REQUESTED');
  });
});
