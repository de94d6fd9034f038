// Dial-out in the console, in a real browser against the real API, a real drachtio-server and SIPp
// playing the called parties: the meeting opened (clock injected) and called the reservation's two
// SIP participants, one answers, the other is busy (486, 2 attempts). The operator opens the
// reservation in the week calendar, copies the meeting's SIP address, sees "En ligne" and "Échec
// (occupé, SIP 486) · 2 essai(s)", presses "Raccrocher" (SIPp receives the BYE) and "Rappeler" (it
// answers again). axe-core on the page; screenshots.
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DrachtioServer, SIPP_UAS_SCENARIOS, startSippUas } from '@maillage/adapters';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, eventually, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';
import { axeViolations, buildWebApp, describeInBrowser, launchBrowser, newPage, SHOTS, signInWithToken } from './admin-browser';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (SIPp)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

type SippUas = Awaited<ReturnType<typeof startSippUas>>;

describeInBrowser('an operator sees the meeting’s SIP calls, hangs one up and calls it again', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let answering: SippUas;
  let busy: SippUas;
  let meeting: BookedMeeting;
  let reference: string;

  beforeAll(async () => {
    buildWebApp();
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: 'visio.maillage.test', SIP_DIAL_ATTEMPTS: '2', SIP_DIAL_RETRY_MS: '300', SIP_DIAL_RING_TIMEOUT_MS: '2000' } });
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    answering = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers(), calls: 2, timeoutMs: 150_000, recvTimeoutMs: 120_000 });
    busy = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.refuses(486, 'Busy Here'), calls: 2, timeoutMs: 150_000 });
    const room = await meetingRoom(api);
    meeting = await bookMeeting(api, room, {
      title: 'Comité de pilotage',
      participants: [
        { kind: 'SIP', name: 'Mairie de Quimper', sipUri: answering.uri },
        { kind: 'SIP', name: 'Cabinet occupé', sipUri: busy.uri },
      ],
    });
    [{ reference }] = await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [meeting.id]);
    clock = meetingClock(api);
    await clock.at(meeting.start - 5 * MINUTE);
    await eventually(async () => {
      const rows = await api.sql<{ status: string }>(`SELECT status FROM sip_call WHERE reservation_id = $1 ORDER BY display_name`, [meeting.id]);
      return rows.map((r) => r.status).join() === 'failed,connected' ? rows : undefined;
    }, 30_000);
    browser = await launchBrowser();
    const opened = await newPage(browser);
    context = opened.context;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.url });
    await signInWithToken(context, admin);
    page = opened.page;
  }, 180_000);

  afterAll(async () => {
    clock?.restore();
    await browser?.close();
    await api?.close();
    await Promise.all([answering?.stop(), busy?.stop()]);
    await drachtio?.stop();
  });

  const row = (name: string) => page.getByTestId('sip-call').filter({ hasText: name });

  it('shows the SIP address (copied with one click) and each call’s live status', async () => {
    const monday = DateTime.fromMillis(meeting.start, { zone: 'Europe/Paris' }).startOf('week').toISODate();
    await page.goto(`${api.url}/admin/reservations?point=${meeting.pointId}&semaine=${monday}`);
    await page.getByTestId('calendar-event').filter({ hasText: 'Comité de pilotage' }).click();
    const panel = page.getByTestId('sip-calls');
    await panel.getByRole('heading', { name: 'Participants SIP' }).waitFor();
    expect(await panel.getByTestId('sip-uri').textContent()).toBe(`sip:${reference}@visio.maillage.test`);
    await panel.getByRole('button', { name: 'Copier' }).click();
    await panel.getByTestId('sip-copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`sip:${reference}@visio.maillage.test`);
    expect(await row('Mairie de Quimper').getByTestId('sip-call-status').textContent()).toBe(' — En ligne · 1 essai(s)');
    expect(await row('Cabinet occupé').getByTestId('sip-call-status').textContent()).toBe(' — Échec (occupé, SIP 486) · 2 essai(s)');
    expect(await row('Mairie de Quimper').getByRole('button').allTextContents()).toEqual(['Raccrocher']);
    expect(await row('Cabinet occupé').getByRole('button').allTextContents()).toEqual(['Rappeler']);
    await page.screenshot({ path: join(SHOTS, 'calendar-sip-calls.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('“Raccrocher” hangs the answered party up, “Rappeler” calls it again and it answers', async () => {
    await row('Mairie de Quimper').getByRole('button', { name: 'Raccrocher' }).click();
    await row('Mairie de Quimper').getByTestId('sip-call-status').getByText('Raccroché', { exact: false }).waitFor();
    await row('Mairie de Quimper').getByRole('button', { name: 'Rappeler' }).click();
    await row('Mairie de Quimper').and(page.locator('[data-status="CONNECTED"]')).waitFor({ timeout: 20_000 });
    expect(await row('Mairie de Quimper').getByTestId('sip-call-status').textContent()).toBe(' — En ligne · 1 essai(s)');
    const attempts = await api.sql<{ outcome: string }>(`SELECT a.outcome FROM sip_call_attempt a JOIN sip_call c ON c.id = a.sip_call_id WHERE c.reservation_id = $1 AND c.display_name = 'Mairie de Quimper' ORDER BY a.id`, [meeting.id]);
    expect(attempts.map((a) => a.outcome)).toEqual(['connected', 'connected']);
    await page.screenshot({ path: join(SHOTS, 'calendar-sip-call-again.png'), fullPage: true });
  });
});
