import type { AddressInfo } from 'node:net';
import { DomainError, validateAdapterConfig } from '@maillage/core';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createTestContext, describeAdapterConformance, sampleEvent, sampleReservationPayload } from '../testkit';
import { NotificationSmtpAdapter, notificationSmtpAdapter, type SmtpConfig } from './notification-smtp.adapter';

interface Received {
  raw: string;
  mail: ParsedMail;
  /** The text/calendar part, decoded. */
  calendar: string;
  authUser?: string;
}

const USER = 'maillage';
const PASSWORD = 'secret-smtp-password';
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

/** The text/calendar alternative part, decoded (mailparser lists it among the attachments); '' when the message has none. */
function calendarPart(mail: ParsedMail): string {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  return part ? part.content.toString('utf8') : '';
}

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            received.push({ raw, mail, calendar: mail.attachments.some((a) => a.contentType === 'text/calendar') ? calendarPart(mail) : '', authUser: typeof session.user === 'string' ? session.user : undefined });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const config = (): SmtpConfig => validateAdapterConfig<SmtpConfig>(notificationSmtpAdapter.manifest, { host: '127.0.0.1', port, secure: false, from: 'Maillage <reservations@maillage.test>', username: USER, timeoutMs: 2000 });

describe('notification-smtp: invitation e-mails to the organiser', () => {
  let adapter: NotificationSmtpAdapter;

  beforeAll(async () => {
    adapter = notificationSmtpAdapter.create(createTestContext(config(), { password: PASSWORD }));
    await adapter.init();
  });
  afterAll(() => adapter.dispose());
  beforeEach(() => {
    received.length = 0;
  });

  const payload = sampleReservationPayload({ sequence: 0 });

  it('reports up once the server accepts its credentials', async () => {
    expect(await adapter.health()).toEqual({ status: 'up' });
  });

  it('sends the confirmation in French with a REQUEST invitation in Europe/Paris', async () => {
    await adapter.handle(sampleEvent('reservation.confirmed', payload));
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.authUser).toBe(USER);
    expect(message.mail.subject).toBe('Réservation confirmée : Comité de pilotage du tiers-lieu (MLG-7K2Q)');
    expect(message.mail.to && !Array.isArray(message.mail.to) ? message.mail.to.value[0].address : null).toBe('camille.martin@example.org');
    expect(message.mail.from?.value[0].address).toBe('reservations@maillage.test');
    expect(message.mail.text).toContain('Bonjour Camille Martin,');
    expect(message.mail.text).toContain('Votre réservation « Comité de pilotage du tiers-lieu » (référence MLG-7K2Q) est confirmée.');
    // 13:00Z in March is 14:00 in Paris (CET).
    expect(message.mail.text).toContain('Date : jeudi 12 mars 2026, de 14h00 à 16h00 (heure de Paris)');
    expect(message.mail.text).toContain('- Salle Molière — Maison France Services de Fontainebleau, 12 rue Grande, 77300 Fontainebleau');
    // The calendar is an alternative part with its method parameter.
    expect(message.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(message.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const ics = message.calendar.replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^METHOD:REQUEST\r$/m);
    expect(ics).toContain('UID:3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10@maillage');
    expect(ics).toMatch(/^SEQUENCE:0\r$/m);
    expect(ics).toMatch(/^DTSTART;TZID=Europe\/Paris:20260312T140000\r$/m);
    expect(ics).toMatch(/^DTEND;TZID=Europe\/Paris:20260312T160000\r$/m);
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris[\s\S]*RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU[\s\S]*END:VTIMEZONE/);
    expect(ics).toMatch(/^STATUS:CONFIRMED\r$/m);
    expect(ics).toMatch(/^ORGANIZER;CN="?Camille Martin"?:mailto:camille.martin@example.org\r$/m);
  });

  it('sends the cancellation with METHOD:CANCEL, the same UID, SEQUENCE:1 and STATUS:CANCELLED', async () => {
    await adapter.handle(sampleEvent('reservation.cancelled', { ...payload, status: 'CANCELLED', sequence: 1, reason: 'Salle indisponible (travaux)' }));
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.mail.subject).toBe('Réservation annulée : Comité de pilotage du tiers-lieu (MLG-7K2Q)');
    expect(message.mail.text).toContain('est annulée.');
    expect(message.mail.text).toContain('Motif : Salle indisponible (travaux)');
    expect(message.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    const ics = message.calendar.replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^METHOD:CANCEL\r$/m);
    expect(ics).toContain('UID:3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10@maillage');
    expect(ics).toMatch(/^SEQUENCE:1\r$/m);
    expect(ics).toMatch(/^STATUS:CANCELLED\r$/m);
  });

  it('sends the reminder the day before as a REQUEST with the current sequence', async () => {
    await adapter.handle(sampleEvent('reservation.reminder', { ...payload, sequence: 2 }));
    expect(received).toHaveLength(1);
    expect(received[0].mail.subject).toBe('Rappel : réservation demain : Comité de pilotage du tiers-lieu (MLG-7K2Q)');
    expect(received[0].mail.text).toContain('a lieu demain.');
    expect(received[0].calendar).toMatch(/^METHOD:REQUEST\r$/m);
    expect(received[0].calendar).toMatch(/^SEQUENCE:2\r$/m);
  });

  it('sends one e-mail for an event delivered twice, even concurrently', async () => {
    const event = sampleEvent('reservation.changed', { ...payload, sequence: 3 });
    await Promise.all([adapter.handle(event), adapter.handle({ ...event })]);
    await adapter.handle({ ...event, id: 'another-delivery-of-the-same-outbox-row' });
    expect(received).toHaveLength(1);
    expect(received[0].mail.subject).toMatch(/^Réservation modifiée/);
  });

  it('refuses a malformed payload without sending anything', async () => {
    const event = sampleEvent('reservation.confirmed', { ...payload, organiser: { name: 'X', email: '' } });
    await expect(adapter.handle(event)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('organiser.email') });
    expect(received).toHaveLength(0);
  });

  it('sends the organiser of an anonymous booking its confirmation link and manage link, with no invitation yet', async () => {
    const held = sampleEvent('reservation.held', {
      holdId: 'b0a7b0a7-0000-4000-8000-000000000001',
      pointIds: payload.pointIds,
      organiser: payload.organiser,
      expiresAt: '2031-03-03T08:30:00.000Z',
      confirmUrl: 'https://maillage.example/confirmer/b0a7b0a7-0000-4000-8000-000000000001.1930372200.abc',
      timeZone: 'Europe/Paris',
      reservations: [{ ...payload, manageUrl: `https://maillage.example/reservation/${payload.reference}?jeton=mlr_x` }],
    });
    await adapter.handle(held);
    await adapter.handle(held);
    expect(received).toHaveLength(1);
    const [{ mail, calendar }] = received;
    expect(mail.subject).toBe(`Confirmez votre réservation (${payload.reference})`);
    expect(mail.text).toContain('Le créneau est retenu pour vous jusqu’à 09h30. Pour confirmer, ouvrez ce lien (une seule fois) :');
    expect(mail.text).toContain('https://maillage.example/confirmer/b0a7b0a7-0000-4000-8000-000000000001.1930372200.abc');
    expect(mail.text).toContain(`${payload.reference} : https://maillage.example/reservation/${payload.reference}?jeton=mlr_x`);
    expect(calendar).toBe('');
  });

  it('ignores an event it does not subscribe to', async () => {
    await adapter.handle(sampleEvent('reservation.requested', payload));
    expect(received).toHaveLength(0);
  });

  it('sends the organiser the satisfaction survey link once, without an invitation', async () => {
    const survey = sampleEvent('survey.requested', {
      reservationId: payload.reservationId, reference: payload.reference, title: payload.title, pointIds: payload.pointIds,
      organiser: payload.organiser, surveyPath: '/enquete/abc.def',
    });
    await adapter.handle(survey);
    await adapter.handle({ ...survey });
    expect(received).toHaveLength(1);
    expect(received[0].mail.subject).toBe(`Votre avis sur la réunion : ${payload.title} (${payload.reference})`);
    expect(received[0].mail.text).toContain('/enquete/abc.def');
    expect(received[0].calendar).toBe('');
    await expect(adapter.handle(sampleEvent('survey.requested', { ...survey.payload, surveyPath: 'javascript:x' }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('notification-smtp: configuration', () => {
  it('rejects a configuration failing the schema with BAD_USER_INPUT naming the field', () => {
    const attempt = () => validateAdapterConfig(notificationSmtpAdapter.manifest, { host: 'smtp.example.org', port: 70000, from: 'x@example.org' });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['config', 'port'] }));
  });

  it('refuses the password in the configuration: it is a secret', () => {
    expect(() => validateAdapterConfig(notificationSmtpAdapter.manifest, { host: 'smtp.example.org', port: 587, from: 'x@example.org', password: 'plain' })).toThrow(expect.objectContaining({ field: ['config', 'password'] }));
  });

  it('fills in the defaults', () => {
    expect(validateAdapterConfig(notificationSmtpAdapter.manifest, { host: 'smtp.example.org', from: 'x@example.org' })).toEqual({ host: 'smtp.example.org', port: 587, secure: false, from: 'x@example.org', timeoutMs: 15000 });
  });

  it('rejects init after dispose, and disposes twice', async () => {
    const adapter = notificationSmtpAdapter.create(createTestContext(config(), { password: PASSWORD }));
    await adapter.init();
    await adapter.dispose();
    await adapter.dispose();
    await expect(adapter.init()).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('reports down, and rejects sending, with a wrong password', async () => {
    const adapter = notificationSmtpAdapter.create(createTestContext(config(), { password: 'wrong' }));
    await adapter.init();
    expect(await adapter.health()).toMatchObject({ status: 'down' });
    await expect(adapter.handle(sampleEvent('reservation.confirmed', sampleReservationPayload()))).rejects.toThrow(/Invalid login|Invalid username or password|auth/i);
    await adapter.dispose();
  });
});

/** A port nobody listens on: bound then released. */
async function closedPort(): Promise<number> {
  const probe = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const free = (probe.server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}

describeAdapterConformance(notificationSmtpAdapter, async () => {
  const event = sampleEvent('reservation.confirmed', sampleReservationPayload({ reservationId: 'c0ffee00-0000-4000-8000-000000000001', reference: 'MLG-CONF' }));
  const countConformanceMails = () => received.filter((r) => r.mail.subject?.includes('MLG-CONF')).length;
  return {
    validConfig: config(),
    invalidConfig: { host: 'not a host!', port: 25, from: 'x@example.org' },
    invalidConfigField: ['config', 'host'],
    secrets: { password: PASSWORD },
    duplicates: { event, effects: countConformanceMails },
    unreachableConfig: { ...config(), port: await closedPort() },
    timeoutMs: 5000,
  };
});
