// Room systems in the console, in a real browser against the real API: the Lannion-Trégor room has a
// Cisco codec (a Cisco xAPI simulator), the Morlaix room another one, switched off. The automatic
// pre-call test ran at T-30 and T-15 (clock injected). The network administrator sees, per room
// system, its driver, live status, last test and incidents, presses "Tester maintenant", and finds the
// results on the reservation in the week calendar. axe-core on every page; screenshots.
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { CiscoXapiSimulator } from '@maillage/adapters';
import { PreflightScheduler } from '../../src/preflight/preflight-scheduler';
import { PreflightSettings } from '../../src/preflight/preflight-settings';
import { addCiscoEndpoint } from '../endpoint-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';
import { axeViolations, buildWebApp, describeInBrowser, launchBrowser, newPage, SHOTS, signInWithToken } from './admin-browser';

describeInBrowser('an operator tests the room systems and sees the pre-call test on the calendar', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let lannion: CiscoXapiSimulator;
  let morlaix: CiscoXapiSimulator;
  let meeting: BookedMeeting;
  let morlaixPointId: string;

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    [lannion, morlaix] = await Promise.all([CiscoXapiSimulator.start({ password: 'lannion-pw' }), CiscoXapiSimulator.start({ password: 'morlaix-pw' })]);
    const lannionRoom = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    const morlaixRoom = await meetingRoom(api, 'morlaix-communaute-siege');
    morlaixPointId = morlaixRoom.pointId;
    await addCiscoEndpoint(api, admin, lannionRoom.roomId, lannion, 'lannion-pw', 'Codec salle du conseil');
    await addCiscoEndpoint(api, admin, morlaixRoom.roomId, morlaix, 'morlaix-pw', 'Codec salle Tristan Corbière');
    meeting = await bookMeeting(api, lannionRoom, { otherRooms: [morlaixRoom], title: 'Conférence des présidents' });
    api.app.get(PreflightSettings).testUri = 'sip:test@meet.maillage.test';
    await morlaix.goOffline();
    const clock = meetingClock(api);
    for (const lead of [30, 15]) {
      await clock.at(meeting.start - lead * MINUTE);
      expect(await api.app.get(PreflightScheduler).tick()).toBe(1);
    }
    clock.restore();
    browser = await launchBrowser();
    const opened = await newPage(browser);
    await signInWithToken(opened.context, admin);
    page = opened.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await Promise.all([lannion?.close(), morlaix?.close()]);
  });

  const card = (name: string) => page.getByTestId('endpoint-card').filter({ hasText: name });

  it('shows the Lannion codec: its driver, live status, last test; “Tester maintenant” tests it again', async () => {
    await page.goto(`${api.url}/admin/points/${meeting.pointId}/systemes`);
    await page.getByRole('heading', { name: 'Systèmes de salle', level: 2 }).waitFor();
    const codec = card('Codec salle du conseil');
    await codec.getByTestId('endpoint-driver').getByText('Cisco RoomOS (xAPI)').waitFor();
    expect(await codec.getByTestId('endpoint-state').textContent()).toMatch(/^(prêt|en veille) \(relevé le /);
    expect(await codec.getByTestId('endpoint-last-test').textContent()).toMatch(/^OK — à T-15, le /);
    await codec.getByRole('button', { name: 'Tester maintenant' }).click();
    await codec.getByTestId('endpoint-test-result').getByText('Résultat du test de Codec salle du conseil : OK').waitFor();
    expect(await codec.getByTestId('endpoint-test-result').locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^joignable : OK — (idle \(Off\)|standby \(Standby\))$/),
      'sortie de veille : OK',
      'autodiagnostic : OK — Diagnostics Run: no alert',
      'caméra : OK',
      'micros : OK',
      'périphériques : OK',
      'appel de test : OK — connected to sip:test@meet.maillage.test',
    ]);
    await codec.getByTestId('endpoint-last-test').getByText(/^OK — test manuel, le /).waitFor();
    await page.screenshot({ path: join(SHOTS, 'room-systems-lannion.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the Morlaix codec offline, its failed test and its incident', async () => {
    await page.goto(`${api.url}/admin/points/${morlaixPointId}/systemes`);
    const codec = card('Codec salle Tristan Corbière');
    await codec.getByTestId('endpoint-last-test').getByText(/^en échec \(hors ligne\) — à T-15, le /).waitFor();
    expect(await codec.getByTestId('endpoint-incidents').locator('li').allTextContents()).toEqual([expect.stringMatching(/ — hors ligne : Codec salle Tristan Corbière .*cannot reach the codec.* — ouvert$/)]);
    await codec.getByRole('button', { name: 'Actualiser l’état' }).click();
    await codec.getByTestId('endpoint-state').getByText(/^hors ligne/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'room-systems-morlaix-offline.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the pre-call test on the reservation in the week calendar: a failed badge, both rooms in the panel', async () => {
    const monday = DateTime.fromMillis(meeting.start, { zone: 'Europe/Paris' }).startOf('week').toISODate();
    await page.goto(`${api.url}/admin/reservations?point=${meeting.pointId}&semaine=${monday}`);
    const event = page.getByTestId('calendar-event').filter({ hasText: 'Conférence des présidents' });
    expect(await event.getByTestId('event-preflight').textContent()).toBe(' Test : échec');
    expect(await event.getAttribute('class')).toMatch(/\bpreflight-failed\b/);
    await event.click();
    expect(await page.getByTestId('panel-preflight').locator('li').allTextContents()).toEqual([
      'Codec salle du conseil (Salle de visioconférence) : OK — à T-15',
      'Codec salle Tristan Corbière (Salle de visioconférence) : en échec (hors ligne) — à T-15',
    ]);
    await page.screenshot({ path: join(SHOTS, 'calendar-pre-call-test.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });
});
