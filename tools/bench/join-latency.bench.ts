// Join latency (issue 6, benchmark a): a guest opens their join link → the first frame of another
// participant's camera is decoded and on screen, on loopback. Target: under 2 s.
//
// The API runs in-process on an embedded PostgreSQL in tmp/ (seeded), serving apps/admin/dist, with a
// real mediasoup worker. One reservation is booked and its meeting opened (the meetings' clock is moved
// to its start); a first participant joins in Debian's chromium (fake camera and microphone) and stays,
// sending video. Then, BENCH_RUNS times (default 5, after one warm-up run not counted), a guest opens
// their link in a fresh browser context (empty cache): page load, meetingByToken, camera preview,
// "Rejoindre la réunion" clicked as soon as it is enabled (by automation: no human delay), signalling
// join, transports, consume, first frame. Measured in the page: the performance marks the join page
// sets ('maillage:preview-ready', 'maillage:join-clicked', 'maillage:first-remote-frame', from
// requestVideoFrameCallback), relative to navigation start (the link opened).
//
//   npm run bench:join        (= node -r @swc-node/register tools/bench/join-latency.bench.ts, Node 24)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { Client } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem: the meetings' clock, moved to the meeting's start
import { MeetingClock } from '../../apps/api/src/meetings/meeting-clock';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { MeetingsService } from '../../apps/api/src/meetings/meetings.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same browser set-up as the meeting browser tests
import { joinFromLobby, launchMeetingBrowser, openLobby, participantPage } from '../../apps/api/test/browser/meeting-browser';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem: booking and join links as the tests make them
import { bookMeeting, createJoinLink, meetingRoom } from '../../apps/api/test/meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { ADMIN, type GraphQLResponse, type TestApi } from '../../apps/api/test/harness';
import { benchDir, freePort, machine, median, printTable, repoRoot, revision } from './lib';

const RUNS = Math.min(20, Math.max(1, Number(process.env.BENCH_RUNS ?? 5)));
const TARGET_MS = 2000;

interface Run {
  previewReady: number;
  joinClicked: number;
  firstRemoteFrame: number;
}

/** MEDIASOUP_WORKER_BIN as `npm start` sets it: the cached worker built offline (ADR 0006). */
function ensureWorkerBin(): void {
  if (process.env.MEDIASOUP_WORKER_BIN) return;
  const result = spawnSync('bash', [join(repoRoot, 'tools/setup/build-mediasoup-worker.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const bin = result.stdout?.trim().split('\n').pop();
  if (result.status !== 0 || !bin) throw new Error('tools/setup/build-mediasoup-worker.sh failed');
  process.env.MEDIASOUP_WORKER_BIN = bin;
}

/** The test helpers' view of a running API (GraphQL over HTTP, SQL, login). */
function asTestApi(api: RunningApi, db: Client): TestApi {
  const gql: TestApi['gql'] = async (query, variables, headers = {}) => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, ...((await res.json()) as object) } as GraphQLResponse<never>;
  };
  return {
    ...api,
    gql,
    sql: async <T>(text: string, params?: unknown[]) => (await db.query(text, params)).rows as T[],
    loginAs: async (email, password) => {
      const res = await gql<{ login: { token: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return { authorization: `Bearer ${res.data.login.token}` };
    },
  };
}

async function main(): Promise<void> {
  ensureWorkerBin();
  const build = spawnSync(process.execPath, [join(repoRoot, 'tools/build-admin.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const dir = await benchDir('bench-join');
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  config.adminEmail = ADMIN.email;
  config.adminPassword = ADMIN.password;
  let running: RunningApi | undefined;
  let db: Client | undefined;
  const browser = await launchMeetingBrowser();
  const runs: Run[] = [];
  try {
    running = await startApi(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    if (!running.webAppDir) throw new Error('the API does not serve apps/admin/dist');
    db = new Client({ connectionString: running.databaseUrl });
    await db.connect();
    const api = asTestApi(running, db);
    const meeting = await bookMeeting(api, await meetingRoom(api), { hour: 10, minutes: 120, title: 'Mesure du temps de connexion' });
    const host = await createJoinLink(api, meeting, 'Salle de Lannion', 'ROOM');
    const guests = await Promise.all(Array.from({ length: RUNS + 1 }, (_, i) => createJoinLink(api, meeting, `Invité ${i + 1}`)));
    // Open the meeting now: the lifecycle and the join checks read this clock.
    const clock = running.app.get(MeetingClock);
    clock.now = () => meeting.start;
    await running.app.get(MeetingsService).tick();

    const first = await participantPage(browser);
    await openLobby(first.page, `${running.url}${host.url}`);
    await joinFromLobby(first.page);

    for (const [i, link] of guests.entries()) {
      const { context, page } = await participantPage(browser);
      await page.goto(`${running.url}${link.url}`);
      const button = page.getByRole('button', { name: 'Rejoindre la réunion' });
      await button.click();
      await page.waitForFunction(() => performance.getEntriesByName('maillage:first-remote-frame').length > 0, undefined, { timeout: 15_000, polling: 10 });
      const run = (await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(`maillage:${name}`)[0]?.startTime ?? NaN;
        return { previewReady: at('preview-ready'), joinClicked: at('join-clicked'), firstRemoteFrame: at('first-remote-frame') };
      })) as Run;
      if (i > 0) runs.push(run);
      await page.getByRole('button', { name: 'Quitter' }).click();
      await context.close();
    }
    await first.context.close();
  } finally {
    await browser.close();
    await db?.end();
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const m = machine();
  const rev = revision();
  console.log(`\nmachine: ${m.cores} cores, ${m.cpu}, Node ${m.node}; revision ${rev.commit}${rev.dirtyFiles ? ` (+${rev.dirtyFiles} uncommitted files)` : ''}`);
  const ms = (n: number) => n.toFixed(0);
  printTable(
    ['run', 'preview ready ms', '"Rejoindre" clicked ms', 'first remote frame ms', 'click → frame ms'],
    runs.map((r, i) => [i + 1, ms(r.previewReady), ms(r.joinClicked), ms(r.firstRemoteFrame), ms(r.firstRemoteFrame - r.joinClicked)]),
  );
  const total = median(runs.map((r) => r.firstRemoteFrame));
  const afterClick = median(runs.map((r) => r.firstRemoteFrame - r.joinClicked));
  console.log(`median link opened → first remote frame decoded: ${ms(total)} ms (click → frame ${ms(afterClick)} ms) over ${runs.length} runs; target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      bench: 'join-latency',
      machine: m,
      revision: rev,
      runs: runs.length,
      medianLinkToFirstFrameMs: Math.round(total),
      medianClickToFirstFrameMs: Math.round(afterClick),
      targetMs: TARGET_MS,
      linkToFirstFrameMs: runs.map((r) => Math.round(r.firstRemoteFrame)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
