// Two guests in real browsers (Debian's chromium, fake camera and microphone) open their join links
// for the same reservation, against the real API, database and mediasoup worker: each receives the
// other's video and audio (WebRTC stats: frames decoded and audio packets increasing), sees the
// other's name and mute state and the five-minute warning, whose extension the host accepts; an
// expired link and a tampered one are refused with a clear message, a link for next week says when
// it opens; the operator closing the meeting disconnects both. axe finds no serious or critical
// violation on the join page. Screenshots go to tmp/screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, meetingClock, meetingRoom, MINUTE, type BookedMeeting, type JoinLinkData } from '../meeting-fixtures';
import { axeViolations, describeInBrowser, joinFromLobby, launchMeetingBrowser, mediaFlowing, openLobby, participantPage, statsOf, waitForStats } from './meeting-browser';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SHOTS = join(ROOT, 'tmp', 'screenshots');


describeInBrowser('two guests join the same meeting from their browser links', () => {
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let browser: Browser;
  let meeting: BookedMeeting;
  let earlier: BookedMeeting;
  let camille: Page;
  let yann: Page;
  let camilleLink: JoinLinkData;
  let yannLink: JoinLinkData;
  let expiredLink: JoinLinkData;
  let nextWeekLink: JoinLinkData;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'tools/build-admin.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building apps/admin failed');
    mkdirSync(SHOTS, { recursive: true });
    api = await startTestApi();
    clock = meetingClock(api);
    const room = await meetingRoom(api);
    // Same day: a morning meeting, over by the time the afternoon one starts.
    earlier = await bookMeeting(api, room, { hour: 10, minutes: 60, title: 'Point du matin' });
    meeting = await bookMeeting(api, room, { hour: 14, minutes: 60, title: 'Comité de pilotage' });
    expiredLink = await createJoinLink(api, earlier, 'Morgane Le Bihan');
    nextWeekLink = await createJoinLink(api, await bookMeeting(api, room, { weeksAhead: 2, hour: 10, minutes: 60, title: 'Comité suivant' }), 'Morgane Le Bihan');
    camilleLink = await createJoinLink(api, meeting, 'Camille Martin', 'HOST');
    yannLink = await createJoinLink(api, meeting, 'Yann Le Goff');
    await clock.at(meeting.start);
    browser = await launchMeetingBrowser();
    camille = (await participantPage(browser)).page;
    yann = (await participantPage(browser)).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    clock?.restore();
    await api?.close();
  });

  it('shows the lobby: title, name, camera preview and device choice, accessible', async () => {
    await openLobby(camille, `${api.url}${camilleLink.url}`);
    expect(await camille.locator('html').getAttribute('lang')).toBe('fr');
    await camille.getByRole('heading', { level: 1, name: 'Comité de pilotage' }).waitFor();
    await camille.getByText('Vous participez en tant que Camille Martin.').waitFor();
    expect(await camille.getByLabel('Caméra').locator('option').count()).toBeGreaterThan(0);
    expect(await camille.getByLabel('Micro', { exact: true }).locator('option').count()).toBeGreaterThan(0);
    await camille.waitForFunction(() => {
      const video = (globalThis as unknown as { document: { querySelector(s: string): { videoWidth: number } | null } }).document.querySelector('[data-testid=preview]');
      return !!video && video.videoWidth > 0;
    });
    await camille.screenshot({ path: join(SHOTS, 'meeting-lobby.png'), fullPage: true });
    expect(await axeViolations(camille)).toEqual([]);
  });

  it('lets both in: each sees the other’s tile and receives their video and audio', async () => {
    await openLobby(yann, `${api.url}${yannLink.url}`);
    await joinFromLobby(camille);
    await joinFromLobby(yann);
    await camille.getByTestId('tile-name').filter({ hasText: 'Yann Le Goff' }).waitFor();
    await yann.getByTestId('tile-name').filter({ hasText: 'Camille Martin' }).waitFor();
    await camille.getByTestId('tile-name').filter({ hasText: 'Camille Martin (vous)' }).waitFor();
    const camilleId = (await statsOf(camille))!.participantId!;
    const yannId = (await statsOf(yann))!.participantId!;

    const atCamille = await mediaFlowing(camille, yannId);
    const atYann = await mediaFlowing(yann, camilleId);
    console.log(`[meeting] Camille receives from Yann: ${JSON.stringify(atCamille)}; Yann receives from Camille: ${JSON.stringify(atYann)}`);
    for (const { before, after } of [atCamille, atYann]) {
      expect(before.framesDecoded).toBeGreaterThan(0);
      expect(after.framesDecoded).toBeGreaterThan(before.framesDecoded);
      expect(after.audioPackets).toBeGreaterThan(before.audioPackets);
    }
    // Camera sent with simulcast (three layers), microphone as one stream.
    const sent = await waitForStats(camille, (s) => s.outbound.some((o) => o.source === 'camera' && o.packetsSent > 0));
    expect(sent.outbound.find((o) => o.source === 'camera')?.layers).toBe(3);
    expect(sent.outbound.find((o) => o.source === 'microphone')?.packetsSent).toBeGreaterThan(0);
    // On loopback the indicator says "bonne".
    const quality = await waitForStats(camille, (s) => s.quality !== 'unknown');
    console.log(`[meeting] quality at Camille: ${quality.quality}, RTT ${quality.rttMs?.toFixed(1)} ms, loss ${quality.lossPercent ?? 0} %`);
    expect(quality.quality).toBe('good');
    await camille.getByTestId('quality').filter({ hasText: 'Connexion : bonne' }).waitFor();
    await camille.getByTestId('participant-count').filter({ hasText: '2 participant(s)' }).waitFor();
    await camille.screenshot({ path: join(SHOTS, 'meeting-two-guests.png'), fullPage: true });
    expect(await axeViolations(camille)).toEqual([]);
  });

  it('shows the other side when someone mutes their microphone, and again when they unmute', async () => {
    await yann.getByRole('button', { name: 'Couper le micro' }).click();
    await yann.getByRole('button', { name: 'Activer le micro' }).waitFor();
    const yannTile = camille.locator('[data-testid=tile]', { has: camille.getByTestId('tile-name').filter({ hasText: 'Yann Le Goff' }) });
    await yannTile.getByText('micro coupé').waitFor();
    await yann.getByRole('button', { name: 'Activer le micro' }).click();
    await yannTile.getByText('micro coupé').waitFor({ state: 'detached' });
  });

  it('fits a phone screen during the meeting', async () => {
    await yann.setViewportSize({ width: 390, height: 844 });
    await yann.getByRole('button', { name: 'Quitter' }).waitFor();
    const overflow = (await yann.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await yann.screenshot({ path: join(SHOTS, 'meeting-phone.png'), fullPage: true });
    await yann.setViewportSize({ width: 1280, height: 900 });
  });

  it('refuses a third page with an expired link or a tampered one, with a clear message and no way in', async () => {
    const { context, page } = await participantPage(browser);
    await page.goto(`${api.url}${expiredLink.url}`);
    await page.getByTestId('join-refused').filter({ hasText: 'Cette réunion est terminée.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Rejoindre la réunion' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'meeting-link-expired.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    const token = camilleLink.token;
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    await page.goto(`${api.url}/rejoindre/${tampered}`);
    await page.getByTestId('join-refused').filter({ hasText: 'Ce lien de réunion n’est pas valide.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Rejoindre la réunion' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'meeting-link-invalid.png'), fullPage: true });
    await context.close();
    // Still only the two of them.
    await camille.getByTestId('participant-count').filter({ hasText: '2 participant(s)' }).waitFor();
  });

  it('says when a meeting of next week opens, and does not let anyone in before', async () => {
    const { context, page } = await participantPage(browser);
    await page.goto(`${api.url}${nextWeekLink.url}`);
    await page.getByTestId('not-open-yet').filter({ hasText: /La réunion n’est pas encore ouverte\. Elle ouvrira le mercredi \d+ \S+ \d{4} à 9 h 50/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Rejoindre la réunion' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'meeting-not-open-yet.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('warns both five minutes before the end, with the extension the free rooms allow', async () => {
    await clock.at(meeting.end - 5 * MINUTE);
    for (const page of [camille, yann]) {
      await page.getByTestId('ending-soon').filter({ hasText: 'La réunion se termine à 15 h 00. Les salles sont libres ensuite : l’organisateur peut la prolonger de 30 minutes.' }).waitFor();
    }
  });

  it('lets the host (Camille’s link) accept the extension: both are told it now ends at 15 h 30; the guest had no button', async () => {
    expect(await yann.getByRole('button', { name: 'Prolonger de 30 minutes' }).count()).toBe(0);
    await camille.screenshot({ path: join(SHOTS, 'meeting-ending-soon-host.png'), fullPage: true });
    await camille.getByRole('button', { name: 'Prolonger de 30 minutes' }).click();
    for (const page of [camille, yann]) {
      await page.getByTestId('announcement').filter({ hasText: 'La réunion est prolongée jusqu’à 15 h 30.' }).waitFor();
      await page.getByTestId('ending-soon').waitFor({ state: 'detached' });
    }
    const [row] = await api.sql<{ end_at: Date }>(`SELECT end_at FROM reservation WHERE id = $1`, [meeting.id]);
    expect(row.end_at.getTime()).toBe(meeting.end + 30 * MINUTE);
  });

  it('disconnects both when the operator closes the meeting', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const res = await api.gql<{ closeMeeting: { status: string } }>(`mutation($r: ID!) { closeMeeting(reservationId: $r) { status } }`, { r: meeting.id }, admin);
    expect(res.errors).toBeUndefined();
    for (const page of [camille, yann]) {
      await page.getByTestId('meeting-over').filter({ hasText: 'La réunion a été fermée par le point d’accueil.' }).waitFor();
      expect((await statsOf(page))?.phase ?? 'closed').toBe('closed');
      expect(await page.getByRole('button', { name: 'Rejoindre à nouveau' }).count()).toBe(0);
    }
    await camille.screenshot({ path: join(SHOTS, 'meeting-closed.png'), fullPage: true });
  });
});
