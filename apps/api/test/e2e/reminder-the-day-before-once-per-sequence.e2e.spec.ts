import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { ReminderScheduler } from '../../src/reservations/reminder-scheduler';

const CANCEL = `mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "Réunion annulée", accessToken: $t) { status } }`;

describe('the day before a confirmed reservation, one reservation.reminder is written, whatever the passes', () => {
  let api: TestApi;
  let roomId: string;
  let scheduler: ReminderScheduler;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    roomId = room.roomId;
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    scheduler = api.app.get(ReminderScheduler);
  });
  afterAll(() => api.close());

  const book = async (weeksAhead: number) => {
    const start = nextWeekdayAt(3, 10, 0, 7 * weeksAhead);
    const res = await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(api, BOOK, { input: bookingInput([roomId], start, plusMinutes(start, 60)) });
    expect(res.data?.book.reservation.status).toBe('CONFIRMED');
    return { id: res.data!.book.reservation.id, token: res.data!.book.accessToken };
  };
  /** Bookings need 48 h notice: the test moves the reservation (not its held slot) closer. */
  const startIn = (id: string, hours: number) =>
    api.sql(`UPDATE reservation SET start_at = now() + make_interval(hours => $2), end_at = now() + make_interval(hours => $2 + 1) WHERE id = $1`, [id, hours]);
  const reminders = (id: string) =>
    api.sql<{ idempotency_key: string; payload: { reservationId: string; sequence: number; status: string; pointIds: string[]; rooms: { roomId: string }[]; organiser: { email: string }; timeZone: string } }>(
      `SELECT idempotency_key, payload FROM outbox WHERE event_type = 'reservation.reminder' AND aggregate_id = $1 ORDER BY id`,
      [id],
    );

  it('reminds a reservation starting in 23 h once after two passes, not one in 3 days, not a cancelled one', async () => {
    const soon = await book(1);
    const later = await book(2);
    const cancelled = await book(3);
    await startIn(soon.id, 23);
    await startIn(later.id, 72);
    const res = await api.gql<{ cancelReservation: { status: string } }>(CANCEL, { id: cancelled.id, t: cancelled.token });
    expect(res.data?.cancelReservation.status).toBe('CANCELLED');
    await startIn(cancelled.id, 20);

    const first = await scheduler.runOnce();
    const second = await scheduler.runOnce();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBe(0);

    const [confirmed] = await api.sql<{ payload: Record<string, unknown> }>(`SELECT payload FROM outbox WHERE event_type = 'reservation.confirmed' AND aggregate_id = $1`, [soon.id]);
    const sent = await reminders(soon.id);
    expect(sent).toHaveLength(1);
    expect(sent[0].idempotency_key).toBe(`reservation.reminder:${soon.id}:0`);
    // The same payload shape as the other reservation events (same builder), with the moved start.
    expect(Object.keys(sent[0].payload).sort()).toEqual(Object.keys(confirmed.payload).sort());
    expect(sent[0].payload).toMatchObject({ reservationId: soon.id, sequence: 0, status: 'CONFIRMED', rooms: [{ roomId }], organiser: { email: 'eco@example.org' }, timeZone: 'Europe/Paris' });
    expect(await reminders(later.id)).toHaveLength(0);
    expect(await reminders(cancelled.id)).toHaveLength(0);
  });

  it('reminds again once the reservation changed (new sequence), and two concurrent passes write one reminder', async () => {
    const r = await book(4);
    await startIn(r.id, 22);
    await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    expect(await reminders(r.id)).toHaveLength(1);
    await api.sql(`UPDATE reservation SET sequence = sequence + 1 WHERE id = $1`, [r.id]);
    await scheduler.runOnce();
    await scheduler.runOnce();
    expect((await reminders(r.id)).map((e) => e.idempotency_key)).toEqual([`reservation.reminder:${r.id}:0`, `reservation.reminder:${r.id}:1`]);
  });
});
