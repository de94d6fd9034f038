import type { MeetingPreflightPayload } from '@maillage/core';
import { createTestContext, sampleEvent } from '../testkit';
import { notificationSmtpAdapter } from './notification-smtp.adapter';
import { preflightMail } from './preflight-mail';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox';

let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(() => inbox.close());

const preflight = (overrides: Partial<MeetingPreflightPayload> = {}): MeetingPreflightPayload => ({
  reservationId: '3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10',
  reference: 'MLG-0000042',
  title: 'Conseil communautaire',
  start: '2026-03-12T13:00:00.000Z',
  end: '2026-03-12T15:00:00.000Z',
  timeZone: 'Europe/Paris',
  organiser: { name: 'Camille Martin', email: 'camille.martin@example.org' },
  pointIds: ['b1c2e3f4-0000-4000-8000-000000000001'],
  round: 'second',
  outcome: 'ok',
  results: [{ endpointId: 'e1', endpointName: 'Codec Room Kit', roomId: 'r1', roomName: 'Salle du conseil', pointId: 'p1', pointName: 'Point visio de Lannion', outcome: 'ok', cause: null, detail: null }],
  notifyHost: true,
  ...overrides,
});

describe('the pre-call test e-mail to the host', () => {
  it('says in French that the rooms are ready, or which one fails and why', () => {
    const ready = preflightMail(preflight(), 'Europe/Paris');
    expect(ready.subject).toBe('Salles prêtes : Conseil communautaire (MLG-0000042)');
    expect(ready.text).toContain('à 15 minutes du début');
    expect(ready.text).toContain('Date : jeudi 12 mars 2026, de 14h00 à 16h00 (heure de Paris)');
    expect(ready.text).toContain('- Salle du conseil — Point visio de Lannion (Codec Room Kit) : OK');
    expect(ready.text).toContain('Tout est prêt.');
    const warning = preflightMail(preflight({ outcome: 'warning', results: [{ ...preflight().results[0], outcome: 'warning', cause: 'microphone-muted' }] }), 'Europe/Paris');
    expect(warning.subject).toBe('Test des salles à vérifier : Conseil communautaire (MLG-0000042)');
    expect(warning.text).toContain('(Codec Room Kit) : à vérifier — les micros sont coupés');
  });

  it('sends when the scheduler says so, once per event, and not otherwise', async () => {
    const adapter = notificationSmtpAdapter.create(createTestContext({ host: '127.0.0.1', port: inbox.port, secure: false, from: 'Maillage <r@maillage.test>', timeoutMs: 2000 }));
    await adapter.init();
    try {
      const quiet = sampleEvent('meeting.preflight', preflight({ notifyHost: false }));
      await adapter.handle(quiet);
      const told = sampleEvent('meeting.preflight', preflight());
      await adapter.handle(told);
      await adapter.handle(told);
      expect(inbox.mails).toEqual([{ to: 'camille.martin@example.org', subject: 'Salles prêtes : Conseil communautaire (MLG-0000042)', text: expect.stringContaining('Tout est prêt.'), messageId: expect.stringMatching(/@maillage>$/) }]);
      await expect(adapter.handle(sampleEvent('meeting.preflight', { ...preflight(), results: undefined } as unknown as MeetingPreflightPayload))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await adapter.dispose();
    }
  });
});
