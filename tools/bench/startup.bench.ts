// Startup benchmark: time from spawning `npm start` to /healthz answering 200, and resident memory then.
//   (a) first start on an empty data folder: initdb + migrations + seed
//   (b) restart on the existing folder (repeated, median reported)
// Each run: fresh free ports, EMBEDDED_PG_DIR under tmp/, SEED=1; stopped with SIGTERM to the API process
// (which stops its embedded PostgreSQL), then checked that no PostgreSQL of that folder is left.
//
//   node -r @swc-node/register tools/bench/startup.bench.ts        (through npx or npm run, for Node 24)
//   env: BENCH_RESTARTS (default 3), BENCH_KEEP_DATA=1 to keep tmp/bench-startup-*
import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { benchDir, descendants, freePort, machine, mb, median, memoryOf, postgresProcesses, printTable, repoRoot, revision, sleep } from './lib';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const TARGET_MS = 10_000;
const RESTARTS = Math.min(10, Math.max(1, Number(process.env.BENCH_RESTARTS ?? 3)));

interface Run {
  kind: 'first start' | 'restart';
  wallMs: number;
  /** What main.ts logs ("Maillage API ready in N ms"): from its first line, so without npm, Node and swc startup. */
  selfReportedMs: number | null;
  apiRssKb: number;
  pgProcesses: number;
  postmasterRssKb: number;
  pgRssSumKb: number;
  pgAnonSumKb: number;
  stopMs: number;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Resolves when `child` has exited, or after `timeoutMs` (the timer does not outlive the wait). */
function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(done, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

async function runOnce(kind: Run['kind'], dataDir: string): Promise<Run> {
  const [port, pgPort] = [await freePort(), await freePort()];
  let log = '';
  const started = performance.now();
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), SEED: '1' },
  });
  npm.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  let apiPid: number | undefined;
  try {
    const deadline = started + READY_TIMEOUT_MS;
    while (!(await healthy(`http://127.0.0.1:${port}/healthz`))) {
      if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}:\n${log}`);
      if (performance.now() > deadline) throw new Error(`not healthy after ${READY_TIMEOUT_MS} ms:\n${log}`);
      await sleep(25);
    }
    const wallMs = performance.now() - started;
    // npm → node tools/start.mjs → node … apps/api/src/main.ts (the API process)
    apiPid = descendants(npm.pid!).find((p) => p.cmdline.includes('apps/api/src/main.ts'))?.pid;
    if (!apiPid) throw new Error('API process not found under npm start');
    const pg = postgresProcesses(dataDir);
    const pgMem = pg.map((p) => memoryOf(p.pid));
    const postmaster = pg[0] ? memoryOf(pg[0].pid) : { rssKb: 0 };
    const self = /Maillage API ready in (\d+) ms/.exec(log);
    const run = {
      kind,
      wallMs,
      selfReportedMs: self ? Number(self[1]) : null,
      apiRssKb: memoryOf(apiPid).rssKb,
      pgProcesses: pg.length,
      postmasterRssKb: postmaster.rssKb,
      pgRssSumKb: pgMem.reduce((s, m) => s + m.rssKb, 0),
      pgAnonSumKb: pgMem.reduce((s, m) => s + m.anonKb, 0),
      stopMs: 0,
    };
    const stopping = performance.now();
    process.kill(apiPid, 'SIGTERM');
    await exited(npm, STOP_TIMEOUT_MS);
    run.stopMs = performance.now() - stopping;
    if (npm.exitCode === null) throw new Error(`npm start still running ${STOP_TIMEOUT_MS} ms after SIGTERM to the API`);
    if (npm.exitCode !== 0) throw new Error(`npm start exited with ${npm.exitCode} after SIGTERM:\n${log}`);
    return run;
  } finally {
    await cleanUp(npm, dataDir);
  }
}

/** Nothing of this run may survive it: the npm tree, and any PostgreSQL on its data folder. */
async function cleanUp(npm: ChildProcess, dataDir: string): Promise<void> {
  const leftovers = [...(npm.exitCode === null && npm.pid ? [{ pid: npm.pid }, ...descendants(npm.pid)] : []), ...postgresProcesses(dataDir)];
  if (!leftovers.length) return;
  console.error(`left over after stop: ${leftovers.map((p) => p.pid).join(', ')}; killing them`);
  for (const p of leftovers.reverse()) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await sleep(500);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const dir = await benchDir('bench-startup');
  const dataDir = join(dir, 'pg');
  const runs: Run[] = [];
  try {
    runs.push(await runOnce('first start', dataDir));
    for (let i = 0; i < RESTARTS; i++) runs.push(await runOnce('restart', dataDir));
  } finally {
    if (postgresProcesses(dataDir).length) {
      console.error('a PostgreSQL of the benchmark is still running');
      process.exitCode = 1;
    } else if (!process.env.BENCH_KEEP_DATA) await rm(dir, { recursive: true, force: true });
  }

  const ms = (v: number | null) => (v === null ? '?' : Math.round(v));
  printTable(
    ['run', 'wall ms', 'API self ms', 'API RSS MB', 'PG procs', 'postmaster RSS MB', 'PG RSS sum MB', 'PG anon sum MB', 'stop ms'],
    runs.map((r) => [r.kind, ms(r.wallMs), ms(r.selfReportedMs), mb(r.apiRssKb), r.pgProcesses, mb(r.postmasterRssKb), mb(r.pgRssSumKb), mb(r.pgAnonSumKb), ms(r.stopMs)]),
  );
  const first = runs[0];
  const restarts = runs.slice(1);
  const summary = {
    bench: 'startup',
    machine: machine(),
    revision: revision(),
    targetMs: TARGET_MS,
    firstStart: {
      wallMs: Math.round(first.wallMs),
      selfReportedMs: first.selfReportedMs,
      apiRssMb: mb(first.apiRssKb),
      pgRssSumMb: mb(first.pgRssSumKb),
      pgAnonSumMb: mb(first.pgAnonSumKb),
      pgProcesses: first.pgProcesses,
    },
    restart: {
      runs: restarts.length,
      wallMsMedian: Math.round(median(restarts.map((r) => r.wallMs))),
      wallMs: restarts.map((r) => Math.round(r.wallMs)),
      selfReportedMsMedian: median(restarts.map((r) => r.selfReportedMs ?? NaN)),
      apiRssMbMedian: mb(median(restarts.map((r) => r.apiRssKb))),
      pgRssSumMbMedian: mb(median(restarts.map((r) => r.pgRssSumKb))),
      pgAnonSumMbMedian: mb(median(restarts.map((r) => r.pgAnonSumKb))),
    },
    withinTarget: first.wallMs < TARGET_MS && median(restarts.map((r) => r.wallMs)) < TARGET_MS,
    leftoverPostgres: postgresProcesses(dataDir).length,
  };
  console.log(
    `\nfirst start ${summary.firstStart.wallMs} ms, restart median ${summary.restart.wallMsMedian} ms (target < ${TARGET_MS} ms: ${summary.withinTarget ? 'met' : 'MISSED'});` +
      ' "PG RSS sum" counts shared buffers once per process, "PG anon sum" is private memory only',
  );
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
