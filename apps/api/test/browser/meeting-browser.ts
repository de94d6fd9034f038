// Shared by the meeting browser tests and the join-latency benchmark: Debian's chromium with a fake
// camera and microphone (a moving test pattern and a beep), one browser context per participant, and
// the join page's `window.__maillageStats()` hook to read WebRTC figures.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureChromium } from './chromium';

export { CHROMIUM, describeInBrowser } from './chromium';
export const MEETING_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Camera and microphone without a device and without the permission prompt.
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Both pages render at once: keep background pages' timers and media running.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** What the join page's `window.__maillageStats()` returns (apps/admin/src/meet/meeting-session.ts, MeetingStats). */
export interface PageMeetingStats {
  phase: string;
  participantId?: string;
  reconnects: number;
  quality: 'good' | 'medium' | 'poor' | 'unknown';
  rttMs?: number;
  lossPercent?: number;
  inbound: { peerId: string; kind: 'audio' | 'video'; codec: string; framesDecoded: number; packetsReceived: number; bytesReceived: number; samplesReceived: number }[];
  outbound: { source: string; kind: 'audio' | 'video'; codec: string; packetsSent: number; bytesSent: number; layers: number }[];
}

export function launchMeetingBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: MEETING_CHROMIUM_ARGS });
}

/** One participant = one browser context (own permissions, own fake devices). */
export async function participantPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport, permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  return { context, page };
}

/** Opens a join link and waits for the lobby (preview started, "Rejoindre la réunion" enabled). */
export async function openLobby(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const join = page.getByRole('button', { name: 'Rejoindre la réunion' });
  await join.waitFor();
  await page.waitForFunction(() => {
    const button = (globalThis as unknown as { document: { querySelector(s: string): { disabled: boolean } | null } }).document.querySelector('form.lobby button[type=submit]');
    return !!button && !button.disabled;
  });
}

export async function joinFromLobby(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Rejoindre la réunion' }).click();
  await page.getByRole('button', { name: 'Quitter' }).waitFor();
}

export function statsOf(page: Page): Promise<PageMeetingStats | null> {
  return page.evaluate(async () => {
    const hook = (globalThis as unknown as { __maillageStats?: () => Promise<unknown> }).__maillageStats;
    return hook ? ((await hook()) as PageMeetingStats) : null;
  });
}

/** Totals of what a page receives from one other participant. */
export function received(stats: PageMeetingStats | null, fromPeerId?: string): { framesDecoded: number; audioPackets: number; audioSamples: number; videoPackets: number } {
  const inbound = (stats?.inbound ?? []).filter((s) => !fromPeerId || s.peerId === fromPeerId);
  const sum = (kind: 'audio' | 'video', field: 'framesDecoded' | 'packetsReceived' | 'samplesReceived') => inbound.filter((s) => s.kind === kind).reduce((total, s) => total + s[field], 0);
  return { framesDecoded: sum('video', 'framesDecoded'), audioPackets: sum('audio', 'packetsReceived'), audioSamples: sum('audio', 'samplesReceived'), videoPackets: sum('video', 'packetsReceived') };
}

/** Polls the page's stats until `accept` holds; returns the last stats. */
export async function waitForStats(page: Page, accept: (stats: PageMeetingStats) => boolean, timeoutMs = 20_000, label = 'stats'): Promise<PageMeetingStats> {
  const deadline = Date.now() + timeoutMs;
  let last: PageMeetingStats | null = null;
  while (Date.now() < deadline) {
    last = await statsOf(page);
    if (last && accept(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`${label}: not reached within ${timeoutMs} ms; last stats ${JSON.stringify(last)}`);
}

/**
 * Video frames decoded and audio packets received from `fromPeerId` both grow over `intervalMs`:
 * media is flowing now, not only at some point. Returns the two samples.
 */
export async function mediaFlowing(page: Page, fromPeerId: string, intervalMs = 1500, timeoutMs = 20_000): Promise<{ before: ReturnType<typeof received>; after: ReturnType<typeof received> }> {
  const first = await waitForStats(page, (s) => received(s, fromPeerId).framesDecoded > 0 && received(s, fromPeerId).audioPackets > 0, timeoutMs, `media from ${fromPeerId}`);
  const before = received(first, fromPeerId);
  await page.waitForTimeout(intervalMs);
  const after = received(await statsOf(page), fromPeerId);
  return { before, after };
}

/** axe-core on the page (shared with the console's browser tests). */
export { axeViolations } from './admin-browser';
