import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';

const OUTCOME = `mutation($id: ID!, $o: ReservationOutcome!) { recordReservationOutcome(id: $id, outcome: $o) { status history { kind } } }`;

describe('after a meeting has started, its host records whether it took place', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let roomId: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    roomId = room.roomId;
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
  });
  afterAll(() => api.close());

  const book = async (weeksAhead: number) => {
    const start = nextWeekdayAt(2, 10, 0, 7 * weeksAhead);
    const res = await bookConfirmed<{ book: { reservation: { id: string } } }>(api, BOOK, { input: bookingInput([roomId], start, plusMinutes(start, 60)) });
    return res.data!.book.reservation.id;
  };
  /** The meeting took place yesterday (bookings cannot be made in the past, so the test moves it). */
  const moveToYesterday = (id: string) =>
    api.sql(`UPDATE reservation SET start_at = now() - interval '1 day', end_at = now() - interval '1 day' + interval '1 hour' WHERE id = $1`, [id]);

  it('a past confirmed meeting becomes COMPLETED, with its history and an outbox event', async () => {
    const id = await book(1);
    await moveToYesterday(id);
    const res = await api.gql<{ recordReservationOutcome: { status: string; history: { kind: string }[] } }>(OUTCOME, { id, o: 'COMPLETED' }, admin);
    expect(res.data?.recordReservationOutcome.status).toBe('COMPLETED');
    expect(res.data?.recordReservationOutcome.history.map((h) => h.kind)).toEqual(['CREATED', 'COMPLETED']);
    const events = await api.sql<{ event_type: string }>(`SELECT event_type FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [id]);
    expect(events.map((e) => e.event_type)).toContain('reservation.completed');
    const again = await api.gql(OUTCOME, { id, o: 'NO_SHOW' }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a past meeting nobody came to becomes NO_SHOW', async () => {
    const id = await book(2);
    await moveToYesterday(id);
    const res = await api.gql<{ recordReservationOutcome: { status: string } }>(OUTCOME, { id, o: 'NO_SHOW' }, admin);
    expect(res.data?.recordReservationOutcome.status).toBe('NO_SHOW');
  });

  it('refuses a meeting that has not started, and a visitor', async () => {
    const id = await book(3);
    const early = await api.gql(OUTCOME, { id, o: 'COMPLETED' }, admin);
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await moveToYesterday(id);
    const visitor = await api.gql(OUTCOME, { id, o: 'COMPLETED' });
    expect(visitor.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await api.sql<{ status: string }>(`SELECT status FROM reservation WHERE id = $1`, [id]);
    expect(row.status).toBe('CONFIRMED');
  });
});
