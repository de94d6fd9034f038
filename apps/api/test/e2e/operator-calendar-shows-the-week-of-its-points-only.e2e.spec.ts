// The operators' week calendar (issue 7): `pointCalendar` lists a point's reservations (requested,
// confirmed, cancelled…) and host blocks over a period, with who booked, for the host's staff only.
import { DateTime } from 'luxon';
import { expectData, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, PARIS, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import { createUserAndLogin, organisationOfPoint, parisClock } from '../reservation-scenario-helpers';

const CALENDAR = `query($p: ID!, $from: DateTime!, $to: DateTime!) {
  pointCalendar(pointId: $p, from: $from, to: $to) {
    pointId
    reservations { reference title status statusReason start end organiser { name email phone postcode } rooms { roomId roomName } }
    hostBlocks { roomId start end summary }
  }
}`;

interface CalendarView {
  pointCalendar: {
    pointId: string;
    reservations: { reference: string; title: string; status: string; statusReason: string | null; start: string; end: string; organiser: { name: string; email: string; phone: string | null; postcode: string | null }; rooms: { roomId: string; roomName: string }[] }[];
    hostBlocks: { roomId: string; start: string; end: string; summary: string | null }[];
  };
}

/** Monday 00:00 (Paris) of a week at least two weeks ahead whose Monday to Friday are ordinary working days. */
function ordinaryWeek(): string {
  const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
  for (let ahead = 14; ; ahead += 7) {
    const monday = nextWeekdayAt(1, 0, 0, ahead);
    const days = [0, 1, 2, 3, 4].map((d) => DateTime.fromISO(monday, { setZone: true }).setZone(PARIS).plus({ days: d }));
    if (days.every((d) => !FIXED.includes(d.toFormat('MM-dd')) && d.month !== 5 && !(d.month === 4 && d.day < 10) && !(d.month === 6 && d.day < 10))) return monday;
  }
}

describe('an operator’s week calendar lists the reservations and host blocks of its own points', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let room: SeededRoom;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  let monday: string;
  let nextMonday: string;
  const references: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const host = await organisationOfPoint(api, room.pointId);
    const [{ id: morlaix }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'morlaix-communaute'`);
    operator = await createUserAndLogin(api, admin, { email: 'operateur@lannion.test', role: 'POINT_OPERATOR', organisationId: host });
    otherOperator = await createUserAndLogin(api, admin, { email: 'operateur@morlaix.test', role: 'POINT_OPERATOR', organisationId: morlaix });

    monday = ordinaryWeek();
    nextMonday = plusMinutes(monday, 7 * 24 * 60);
    const tuesday10 = plusMinutes(monday, (24 + 10) * 60);
    const wednesday19 = plusMinutes(monday, (48 + 19) * 60);
    const thursday14 = plusMinutes(monday, (72 + 14) * 60);
    const book = async (key: string, start: string, minutes: number, extra: Record<string, unknown>) => {
      const res = expectData(await bookConfirmed<{ book: { accessToken: string; reservation: { reference: string; status: string } } }>(api, BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, minutes), extra) }));
      references[key] = res.book.reservation.reference;
      return res.book;
    };
    await book('confirmed', tuesday10, 120, { title: 'Comité de pilotage', organiser: { name: 'Camille Le Goff', email: 'camille@example.org', phone: '02 96 00 00 00' } });
    expect((await book('requested', wednesday19, 120, { title: 'Assemblée du club' })).reservation.status).toBe('REQUESTED');
    const cancelled = await book('cancelled', thursday14, 60, { title: 'Entretien annulé' });
    const [{ id }] = await api.sql<{ id: string }>(`SELECT id FROM reservation WHERE reference = $1`, [cancelled.reservation.reference]);
    expectData(await api.gql(`mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "Empêchement", accessToken: $t) { status } }`, { id, t: cancelled.accessToken }));
    // The week after: not in this week's calendar.
    await book('nextWeek', plusMinutes(tuesday10, 7 * 24 * 60), 60, { title: 'La semaine suivante' });
    expectData(
      await api.gql(`mutation($r: ID!, $s: DateTime!, $e: DateTime!) { addHostBlock(roomId: $r, start: $s, end: $e, summary: "Conseil communautaire") { id } }`, {
        r: room.roomId, s: plusMinutes(monday, (96 + 9) * 60), e: plusMinutes(monday, (96 + 12) * 60),
      }, operator),
    );
  });
  afterAll(() => api.close());

  it('the host’s operator sees the week: 3 reservations by start with their status and organiser, and the council’s block', async () => {
    const { pointCalendar } = expectData(await api.gql<CalendarView>(CALENDAR, { p: room.pointId, from: monday, to: nextMonday }, operator));
    expect(pointCalendar.pointId).toBe(room.pointId);
    expect(pointCalendar.reservations.map((r) => [r.reference, r.title, r.status, parisClock(r.start), parisClock(r.end)])).toEqual([
      [references.confirmed, 'Comité de pilotage', 'CONFIRMED', '10:00', '12:00'],
      [references.requested, 'Assemblée du club', 'REQUESTED', '19:00', '21:00'],
      [references.cancelled, 'Entretien annulé', 'CANCELLED', '14:00', '15:00'],
    ]);
    expect(pointCalendar.reservations[0].organiser).toEqual({ name: 'Camille Le Goff', email: 'camille@example.org', phone: '02 96 00 00 00', postcode: '22300' });
    expect(pointCalendar.reservations[2].statusReason).toBe('Empêchement');
    expect(pointCalendar.reservations[0].rooms).toEqual([{ roomId: room.roomId, roomName: 'Salle de visioconférence' }]);
    expect(pointCalendar.hostBlocks.map((b) => [b.roomId, parisClock(b.start), parisClock(b.end), b.summary])).toEqual([[room.roomId, '09:00', '12:00', 'Conseil communautaire']]);
  });

  it('a network admin sees the same week', async () => {
    const { pointCalendar } = expectData(await api.gql<CalendarView>(CALENDAR, { p: room.pointId, from: monday, to: nextMonday }, admin));
    expect(pointCalendar.reservations).toHaveLength(3);
  });

  it('an operator of another organisation: FORBIDDEN; a visitor: UNAUTHENTICATED; a malformed id: NOT_FOUND', async () => {
    expectError(await api.gql(CALENDAR, { p: room.pointId, from: monday, to: nextMonday }, otherOperator), 'FORBIDDEN');
    expectError(await api.gql(CALENDAR, { p: room.pointId, from: monday, to: nextMonday }), 'UNAUTHENTICATED');
    expectError(await api.gql(CALENDAR, { p: 'not-a-uuid', from: monday, to: nextMonday }, operator), 'NOT_FOUND');
  });

  it('a period that ends before it starts, or longer than 62 days: BAD_USER_INPUT on `to`, in French', async () => {
    const backwards = expectError(await api.gql(CALENDAR, { p: room.pointId, from: nextMonday, to: monday }, operator), 'BAD_USER_INPUT', { field: ['to'] });
    expect(backwards.extensions?.messageFr).toBe('La fin de la période doit suivre son début');
    const tooLong = expectError(await api.gql(CALENDAR, { p: room.pointId, from: monday, to: plusMinutes(monday, 63 * 24 * 60) }, operator), 'BAD_USER_INPUT', { field: ['to'] });
    expect(tooLong.extensions?.messageFr).toBe('62 jours au plus');
  });
});
