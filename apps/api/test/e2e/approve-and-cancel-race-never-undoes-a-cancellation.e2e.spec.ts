import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';

const APPROVE = `mutation($id: ID!) { approveReservation(id: $id) { status } }`;
const CANCEL = `mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "Réunion annulée", accessToken: $t) { status } }`;

describe('the host approves an evening request at the instant its organiser cancels it (10 times)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('never lets the approval undo a cancellation that succeeded; slots follow the final status', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    for (let week = 0; week < 10; week++) {
      const start = nextWeekdayAt(3, 18, 0, 7 + week * 7);
      const booked = await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(api, BOOK, {
        input: bookingInput([room.roomId], start, plusMinutes(start, 60), { title: `Soirée ${week}` }),
      });
      const { reservation, accessToken } = booked.data!.book;
      expect(reservation.status).toBe('REQUESTED');
      const [approve, cancel] = await Promise.all([
        api.gql<{ approveReservation: { status: string } }>(APPROVE, { id: reservation.id }, admin),
        api.gql<{ cancelReservation: { status: string } }>(CANCEL, { id: reservation.id, t: accessToken }),
      ]);
      const [final] = await api.sql<{ status: string; active: boolean }>(
        `SELECT r.status, bool_or(s.active) AS active FROM reservation r JOIN room_slot s ON s.reservation_id = r.id WHERE r.id = $1 GROUP BY r.status`,
        [reservation.id],
      );
      if (cancel.data?.cancelReservation) expect(final).toEqual({ status: 'CANCELLED', active: false });
      else expect(final).toEqual({ status: 'CONFIRMED', active: true });
      expect(approve.data?.approveReservation ?? cancel.data?.cancelReservation).toBeTruthy();
      for (const loser of [approve, cancel].filter((r) => r.errors)) expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(loser.errors![0].extensions?.code);
    }
  });
});
