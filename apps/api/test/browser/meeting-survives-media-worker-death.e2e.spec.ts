// The mediasoup worker process behind a meeting is killed (SIGKILL) while two guests are in it, in
// real browsers: the media server moves the meeting to a new worker and tells each page to
// reconnect; both pages rebuild their transports, produce and consume again, and receive each
// other's video and audio again, without reloading.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, mediaOf, meetingClock, meetingRoom, type BookedMeeting } from '../meeting-fixtures';
import { describeInBrowser, joinFromLobby, launchMeetingBrowser, mediaFlowing, openLobby, participantPage, received, statsOf, waitForStats } from './meeting-browser';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SHOTS = join(ROOT, 'tmp', 'screenshots');


/** A value kept in the page's JavaScript: it survives anything but a reload. */
const setMarker = (page: Page) => page.evaluate(() => ((globalThis as unknown as { __notReloaded?: boolean }).__notReloaded = true));
const hasMarker = (page: Page) => page.evaluate(() => (globalThis as unknown as { __notReloaded?: boolean }).__notReloaded === true);

describeInBrowser('a meeting survives the death of its media worker', () => {
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let browser: Browser;
  let meeting: BookedMeeting;
  let anna: Page;
  let erwan: Page;
  const ids: Record<'anna' | 'erwan', string> = { anna: '', erwan: '' };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'tools/build-admin.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building apps/admin failed');
    mkdirSync(SHOTS, { recursive: true });
    api = await startTestApi();
    clock = meetingClock(api);
    meeting = await bookMeeting(api, await meetingRoom(api), { hour: 11, minutes: 90, title: 'Réunion de chantier' });
    const annaLink = await createJoinLink(api, meeting, 'Anna Kervella');
    const erwanLink = await createJoinLink(api, meeting, 'Erwan Guillou');
    await clock.at(meeting.start + 5 * 60_000);
    browser = await launchMeetingBrowser();
    anna = (await participantPage(browser)).page;
    erwan = (await participantPage(browser)).page;
    await openLobby(anna, `${api.url}${annaLink.url}`);
    await openLobby(erwan, `${api.url}${erwanLink.url}`);
    await joinFromLobby(anna);
    await joinFromLobby(erwan);
    ids.anna = (await statsOf(anna))!.participantId!;
    ids.erwan = (await statsOf(erwan))!.participantId!;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    clock?.restore();
    await api?.close();
  });

  it('has media flowing both ways before the failure', async () => {
    const atAnna = await mediaFlowing(anna, ids.erwan);
    const atErwan = await mediaFlowing(erwan, ids.anna);
    expect(atAnna.after.framesDecoded).toBeGreaterThan(atAnna.before.framesDecoded);
    expect(atErwan.after.audioPackets).toBeGreaterThan(atErwan.before.audioPackets);
  });

  it('recovers after SIGKILL of the worker: both pages receive media again, without reloading', async () => {
    const media = mediaOf(api);
    const [pid] = media.workerPids();
    expect(pid).toBeGreaterThan(0);
    await setMarker(anna);
    await setMarker(erwan);
    const killedAt = Date.now();
    process.kill(pid!, 'SIGKILL');

    // Each page is told to reconnect, rebuilds its transports and is back in the meeting.
    for (const page of [anna, erwan]) await waitForStats(page, (s) => s.reconnects >= 1 && s.phase === 'joined', 20_000, 'recovery');
    expect(media.workerPids()).not.toContain(pid);
    // The new consumers' counters start from zero: a decoded frame on both pages is media flowing again.
    for (const [page, from] of [[anna, ids.erwan], [erwan, ids.anna]] as const) await waitForStats(page, (s) => received(s, from).framesDecoded > 0, 20_000, 'first frame after recovery');
    const firstFramesMs = Date.now() - killedAt;
    const atAnna = await mediaFlowing(anna, ids.erwan, 1500, 20_000);
    const atErwan = await mediaFlowing(erwan, ids.anna, 1500, 20_000);
    console.log(`[meeting] worker ${pid} killed; both pages decode frames again after ${firstFramesMs} ms (new worker ${media.workerPids().join(', ')}): Anna ${JSON.stringify(atAnna)}, Erwan ${JSON.stringify(atErwan)}`);
    for (const { before, after } of [atAnna, atErwan]) {
      expect(after.framesDecoded).toBeGreaterThan(before.framesDecoded);
      expect(after.audioPackets).toBeGreaterThan(before.audioPackets);
    }
    expect(await hasMarker(anna)).toBe(true);
    expect(await hasMarker(erwan)).toBe(true);
    await anna.getByTestId('tile-name').filter({ hasText: 'Erwan Guillou' }).waitFor();
    await erwan.getByTestId('tile-name').filter({ hasText: 'Anna Kervella' }).waitFor();
    expect(await anna.getByTestId('reconnecting').count()).toBe(0);
    await anna.screenshot({ path: join(SHOTS, 'meeting-after-worker-recovery.png'), fullPage: true });
  });
});
