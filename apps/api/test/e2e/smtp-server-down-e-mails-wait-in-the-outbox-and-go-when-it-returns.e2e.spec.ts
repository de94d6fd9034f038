// The point's SMTP server is down while reservations are confirmed: the e-mails wait (the outbox
// deliveries retry with backoff, none dead), and when the server is back on the same port every one is
// delivered, once. (drachtio's outage belongs to the SIP gateway.)
import { expectData } from '../e2e-assertions';
import { BIND, waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { startTestMailbox, type TestMailbox } from '../mailbox-fixtures';

jest.setTimeout(120_000);

describe('SMTP server down: the confirmations wait in the outbox and are all delivered when it returns', () => {
  let api: TestApi;
  let mailbox: TestMailbox;
  beforeAll(async () => {
    mailbox = await startTestMailbox();
    api = await startTestApi({ env: { EVENT_BACKOFF_MS: '200', EVENT_MAX_BACKOFF_MS: '1000', EVENT_MAX_ATTEMPTS: '100', EVENT_POLL_MS: '100' } });
  });
  afterAll(async () => {
    await api?.close();
    await mailbox?.stop().catch(() => undefined);
  });

  it('5 bookings while the server is down: deliveries retried, none dead, nothing sent; back up: 5 confirmations, one each', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const bound = expectData(await api.gql<{ bindAdapter: { id: string } }>(BIND, { p: room.pointId, a: 'notification-smtp', c: mailbox.bindingConfig() }, admin)).bindAdapter;
    await mailbox.stop();
    const ids: string[] = [];
    for (const [i, hour] of [9, 11, 13, 15].entries()) {
      const start = nextWeekdayAt(1 + (i % 2), hour, 30);
      const res = expectData(await api.gql<{ book: { reservation: { id: string; status: string } } }>(BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 60), { organiser: { name: 'Org', email: `org-${i}@example.org` } }) }, admin));
      expect(res.book.reservation.status).toBe('CONFIRMED');
      ids.push(res.book.reservation.id);
    }
    const start = nextWeekdayAt(5, 10);
    ids.push(expectData(await api.gql<{ book: { reservation: { id: string } } }>(BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 60), { organiser: { name: 'Org', email: 'org-4@example.org' } }) }, admin)).book.reservation.id);
    const subscriber = `adapter:${bound.id}`;
    // Failing, retried, not dead.
    await waitFor('every delivery to have failed at least twice', async () => {
      const rows = await api.sql<{ attempts: number; status: string }>(`SELECT attempts, status FROM event_delivery WHERE subscriber = $1`, [subscriber]);
      return rows.length === 5 && rows.every((r) => r.attempts >= 2 && r.status === 'pending');
    }, 30_000);
    expect(mailbox.received).toEqual([]);
    const [{ dead }] = await api.sql<{ dead: number }>(`SELECT count(*)::int AS dead FROM event_delivery WHERE status = 'dead'`);
    expect(dead).toBe(0);

    await mailbox.start();
    const mails = await mailbox.waitFor((m) => /^Réservation confirmée/.test(m.subject), 5, 30_000);
    expect(mails.map((m) => m.to).sort()).toEqual(['org-0@example.org', 'org-1@example.org', 'org-2@example.org', 'org-3@example.org', 'org-4@example.org']);
    await waitFor('every delivery done', async () => {
      const rows = await api.sql<{ status: string }>(`SELECT status FROM event_delivery WHERE subscriber = $1`, [subscriber]);
      return rows.every((r) => r.status === 'done');
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(mailbox.received.filter((m) => /^Réservation confirmée/.test(m.subject))).toHaveLength(5);
  });
});
