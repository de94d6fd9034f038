// An anonymous booking holds its slot for 30 minutes: the organiser gets an e-mail (the point's
// notification-smtp binding, a real SMTP server) with a single-use signed link; nothing goes to the
// participants, no join link, no change before that. Following the link confirms (the confirmation
// e-mail with its invitation follows); a second click is refused; a forged one too. A hold nobody
// confirms expires: the slot is free again and the availability subscription says so.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { expectData, expectError } from '../e2e-assertions';
import { BIND, waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { BOOK, bookingInput, CONFIRM_BOOKING, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730, type SeededRoom } from '../booking-fixtures';
import { startTestMailbox, type TestMailbox } from '../mailbox-fixtures';
import { CREATE_JOIN_LINK } from '../meeting-fixtures';

jest.setTimeout(120_000);

interface Booked {
  book: { accessToken: string; reservation: { id: string; reference: string; status: string } };
}

describe('an anonymous booking is held until its organiser follows the e-mail link', () => {
  let api: TestApi;
  let mailbox: TestMailbox;
  let room: SeededRoom;
  let client: Client;

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    api = await startTestApi({ env: { HOLD_SWEEP_MS: '200', EVENT_POLL_MS: '100' } });
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    expectData(await api.gql(BIND, { p: room.pointId, a: 'notification-smtp', c: mailbox.bindingConfig() }, admin));
    client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
  });
  afterAll(async () => {
    await client?.dispose();
    await api?.close();
    await mailbox?.stop();
  });

  const book = async (start: string, organiser: string) =>
    expectData(
      await api.gql<Booked>(BOOK, {
        input: bookingInput([room.roomId], start, plusMinutes(start, 60), {
          organiser: { name: 'Mme Le Goff', email: organiser },
          participants: [{ kind: 'WEB_GUEST', name: 'Invité distant', email: 'invite@distant.example' }],
        }),
      }),
    ).book;

  it('holds the slot, e-mails the organiser a link, nothing to the guest; links and changes wait; the link confirms once', async () => {
    const start = nextWeekdayAt(2, 10);
    const booked = await book(start, 'organiser@lannion.example');
    expect(booked.reservation.status).toBe('HELD');
    const [mail] = await mailbox.waitFor((m) => m.to === 'organiser@lannion.example' && /^Confirmez votre réservation/.test(m.subject));
    expect(mail.method).toBeNull(); // no invitation before confirmation
    expect(mail.text).toContain(booked.reservation.reference);
    expect(mail.text).toMatch(/Le créneau est retenu pour vous jusqu’à \d\dh\d\d/);
    const link = /(http:\/\/\S+\/confirmer\/\S+)/.exec(mail.text)![1];
    expect(link.startsWith(`${api.url}/confirmer/`)).toBe(true);
    expect(mail.text).toContain(`${api.url}/reservation/${booked.reservation.reference}?jeton=`);

    // The slot is held: nobody else gets it.
    expectError(await api.gql(BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 60)) }), 'CONFLICT');
    // No join link and no change before the organiser confirmed.
    expectError(await api.gql(CREATE_JOIN_LINK, { r: booked.reservation.id, n: 'Invité', role: 'GUEST', t: booked.accessToken }), 'CONFLICT');
    expectError(
      await api.gql(`mutation($id: ID!, $s: DateTime!, $e: DateTime!, $t: String) { changeReservation(id: $id, start: $s, end: $e, accessToken: $t) { id } }`, {
        id: booked.reservation.id, s: plusMinutes(start, 60), e: plusMinutes(start, 120), t: booked.accessToken,
      }),
      'CONFLICT',
    );

    // A forged link is refused; the real one confirms.
    const token = decodeURIComponent(link.split('/confirmer/')[1]);
    expectError(await api.gql(CONFIRM_BOOKING, { t: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA') }), 'UNAUTHENTICATED');
    const confirmed = expectData(await api.gql<{ confirmBooking: { id: string; status: string }[] }>(CONFIRM_BOOKING, { t: token })).confirmBooking;
    expect(confirmed).toEqual([{ id: booked.reservation.id, reference: booked.reservation.reference, status: 'CONFIRMED' }]);
    await mailbox.waitFor((m) => m.to === 'organiser@lannion.example' && /^Réservation confirmée/.test(m.subject) && m.method === 'REQUEST');
    const [{ frozen }] = await api.sql<{ frozen: number }>(`SELECT count(*)::int AS frozen FROM reservation_quote WHERE reservation_id = $1`, [booked.reservation.id]);
    expect(frozen).toBe(1);
    // Single use: the second click is refused, and says the booking is already confirmed.
    const again = expectError(await api.gql(CONFIRM_BOOKING, { t: token }), 'CONFLICT');
    expect(again.extensions?.messageFr).toBe('Cette réservation a déjà été confirmée');
    // Now the organiser may invite.
    expectData(await api.gql(CREATE_JOIN_LINK, { r: booked.reservation.id, n: 'Invité', role: 'GUEST', t: booked.accessToken }));
    expect(mailbox.received.filter((m) => m.to === 'invite@distant.example')).toEqual([]);
  });

  it('a hold nobody confirms expires: EXPIRED, the slot is free again, the point page is told, the organiser too', async () => {
    const start = nextWeekdayAt(4, 14);
    const changes: unknown[] = [];
    const subscribed = new Promise<void>((resolve) => {
      client.subscribe(
        { query: `subscription($p: ID!) { availabilityChanged(pointId: $p) { from to } }`, variables: { p: room.pointId } },
        { next: (msg) => void changes.push(msg.data), error: () => undefined, complete: () => undefined },
      );
      setTimeout(resolve, 500);
    });
    await subscribed;
    const booked = await book(start, 'forgetful@lannion.example');
    expect(booked.reservation.status).toBe('HELD');
    await waitFor('the held availability change', async () => changes.length >= 1, 10_000);
    // The 30 minutes pass (the deadline is moved instead of waiting).
    await api.sql(`UPDATE reservation SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [booked.reservation.id]);
    await waitFor('the hold to expire', async () => (await api.sql<{ status: string }>(`SELECT status FROM reservation WHERE id = $1`, [booked.reservation.id]))[0].status === 'EXPIRED', 10_000);
    await waitFor('the expiry’s availability change', async () => changes.length >= 2, 10_000);
    await mailbox.waitFor((m) => m.to === 'forgetful@lannion.example' && /créneau libéré/.test(m.subject) && m.method === 'CANCEL');
    // Free again: someone else (signed in) books the same slot.
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    expect(expectData(await api.gql<Booked>(BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 60)) }, admin)).book.reservation.status).toBe('CONFIRMED');
    // The old link says it expired.
    const [{ url }] = await api.sql<{ url: string }>(`SELECT payload->>'confirmUrl' AS url FROM outbox WHERE event_type = 'reservation.held' AND payload->>'holdId' = (SELECT hold_id::text FROM reservation WHERE id = $1)`, [booked.reservation.id]);
    const late = expectError(await api.gql(CONFIRM_BOOKING, { t: decodeURIComponent(url.split('/confirmer/')[1]) }), 'CONFLICT');
    expect(late.extensions?.messageFr).toBe('Ce lien a expiré : le créneau a été libéré');
  });
});
