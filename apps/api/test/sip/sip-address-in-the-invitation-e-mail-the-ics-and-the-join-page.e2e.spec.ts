/**
 * The meeting's SIP address (sip:<reference>@SIP_DOMAIN) reaches those who need it to dial from a
 * room system: the confirmation e-mail (a real SMTP server: its text, and the invitation attached
 * with the line in DESCRIPTION and an RFC 7986 CONFERENCE property), the organiser's .ics download,
 * and the join page (meetingByToken.sipUri, shown as "Depuis un système de visioconférence : …").
 * The same API without DRACHTIO_URL shows none of it.
 */
import { DrachtioServer } from '@maillage/adapters';
import { expectData } from '../e2e-assertions';
import { BIND } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { icsEvents, icsProps } from '../ical-fixtures';
import { startTestMailbox, type TestMailbox } from '../mailbox-fixtures';
import { bookMeeting, createJoinLink, meetingRoom } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';

jest.setTimeout(90_000);

const BY_TOKEN = `query($t: String!) { meetingByToken(token: $t) { title sipUri } }`;

/** Books a meeting with its point's e-mails going to `mailbox`; what the organiser receives and can download. */
async function invitationOf(api: TestApi, mailbox: TestMailbox) {
  const admin = await api.loginAs(ADMIN.email, ADMIN.password);
  const room = await meetingRoom(api);
  expectData(await api.gql(BIND, { p: room.pointId, a: 'notification-smtp', c: mailbox.bindingConfig() }, admin));
  const meeting = await bookMeeting(api, room, { hour: 11, title: 'Comité de pilotage' });
  const [{ reference, organiser_email: organiser }] = await api.sql<{ reference: string; organiser_email: string }>(`SELECT reference, organiser_email FROM reservation WHERE id = $1`, [meeting.id]);
  const [mail] = await mailbox.waitFor((m) => m.to === organiser && m.subject.startsWith('Réservation confirmée') && m.subject.includes(reference));
  const download = await fetch(`${api.url}/ical/reservations/${reference}.ics?token=${encodeURIComponent(meeting.accessToken)}`);
  expect(download.status).toBe(200);
  const link = await createJoinLink(api, meeting, 'Yann Le Goff');
  const page = (await api.gql<{ meetingByToken: { title: string; sipUri: string | null } }>(BY_TOKEN, { t: link.token })).data?.meetingByToken;
  return { reference, mail, ics: await download.text(), page };
}

// Two APIs in one file: both start before either closes (closing one clears Nest's GraphQL type storage).
describe('the SIP address of a meeting in its invitation e-mail, its .ics and its join page', () => {
  let drachtio: DrachtioServer;
  let withSip: TestApi;
  let withoutSip: TestApi;
  const mailboxes: TestMailbox[] = [];

  beforeAll(async () => {
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    mailboxes.push(await startTestMailbox(), await startTestMailbox());
    withSip = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: 'visio.maillage.test', EVENT_POLL_MS: '100' } });
    withoutSip = await startTestApi({ env: { SIP_DOMAIN: 'visio.maillage.test', EVENT_POLL_MS: '100' } });
  });

  afterAll(async () => {
    await withSip?.close();
    await withoutSip?.close();
    for (const mailbox of mailboxes) await mailbox.stop();
    await drachtio?.stop();
  });

  it('with SIP: the e-mail, its invitation, the .ics download and the join page give sip:<reference>@SIP_DOMAIN', async () => {
    const { reference, mail, ics, page } = await invitationOf(withSip, mailboxes[0]);
    const uri = `sip:${reference}@visio.maillage.test`;
    expect(mail.text).toContain(`Depuis un système de visioconférence : ${uri}`);
    for (const body of [mail.ics!, ics]) {
      const [event] = icsEvents(body);
      expect(event).toContain(`CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL="Système de visioconférence (SIP)":${uri}`);
      expect(icsProps(body, 'DESCRIPTION')[0].value).toContain(`Depuis un système de visioconférence : ${uri}`);
      // Folded at 75 octets, as RFC 5545 wants (the CONFERENCE line is longer).
      expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    }
    expect(page).toEqual({ title: 'Comité de pilotage', sipUri: uri });
  });

  it('without SIP (no DRACHTIO_URL): the e-mail, its invitation, the .ics download and the join page say nothing of SIP', async () => {
    const { mail, ics, page } = await invitationOf(withoutSip, mailboxes[1]);
    expect(mail.text).not.toContain('sip:');
    expect(mail.text).not.toContain('Depuis un système de visioconférence');
    for (const body of [mail.ics!, ics]) {
      expect(body).not.toContain('CONFERENCE');
      expect(body).not.toContain('Depuis un système de visioconférence');
    }
    expect(page).toEqual({ title: 'Comité de pilotage', sipUri: null });
  });
});
