// Pre-call tests for ROOMS rooms (default 200) whose meetings start in the same quarter hour, each
// room with its own Cisco codec (a Cisco xAPI simulator on its own port, real WebSocket, jsxapi),
// with at most N room systems in flight (PREFLIGHT_CONCURRENCY; N = 8 and 32 by default).
//   1. baseline, same run: the bare driver calls of a test (status, wake, diagnostics, status, dial the
//      test address, wait until in call, hang up) for every room, ≤ N at once, no API, no database
//      (one driver per room for the run, like the adapter host: the first N's figures include connecting);
//   2. the platform: the API in-process (embedded PostgreSQL in tmp/, seeded), ROOMS rooms with an
//      endpoint and a reservation each, the clock moved to T-30 and one PreflightScheduler pass: the
//      rounds claimed, every room tested through the adapter host, results, events and e-mail events
//      written — timed until the pass returns.
// Settings: BENCH_ROOMS (200), BENCH_CONCURRENCY ("8,32"), BENCH_CONNECT_MS (500: how long a simulated
// call takes to connect).
import { ConsoleLogger } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the bare driver calls are the same-run baseline
import { CiscoXapiSimulator, createTestContext, type RoomCiscoXapiAdapter, roomCiscoXapiAdapter, type CiscoXapiConfig } from '@maillage/adapters';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { MeetingClock } from '../../apps/api/src/meetings/meeting-clock';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { ConcurrencyLimit } from '../../apps/api/src/preflight/limit';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { PreflightScheduler } from '../../apps/api/src/preflight/preflight-scheduler';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { PreflightSettings } from '../../apps/api/src/preflight/preflight-settings';
import { benchDir, freePort, machine, postgresProcesses, printTable, revision, sleep } from './lib';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 200);
const LIMITS = (process.env.BENCH_CONCURRENCY ?? '8,32').split(',').map(Number);
const CONNECT_MS = Number(process.env.BENCH_CONNECT_MS ?? 500);
const TEST_URI = 'sip:test@meet.maillage.test';
const MINUTE = 60_000;

const configOf = (sim: CiscoXapiSimulator): CiscoXapiConfig => ({ host: '127.0.0.1', port: sim.port, protocol: 'ws', username: 'admin', timeoutMs: 10_000 });

/**
 * The driver calls of one room's test, without the platform. One driver per room for the whole run,
 * as the API's adapter host keeps one: its connection is opened by the first test, reused after.
 */
const bareDrivers = new Map<CiscoXapiSimulator, RoomCiscoXapiAdapter>();
async function bareTest(sim: CiscoXapiSimulator): Promise<void> {
  let driver = bareDrivers.get(sim);
  if (!driver) {
    driver = roomCiscoXapiAdapter.create(createTestContext(configOf(sim), { password: '' }));
    bareDrivers.set(sim, driver);
    await driver.init();
  }
  {
    await driver.status();
    await driver.wake();
    await driver.diagnostics();
    await driver.status();
    await driver.dial(TEST_URI);
    const deadline = Date.now() + 30_000;
    while ((await driver.status()).state !== 'in-call') {
      if (Date.now() > deadline) throw new Error('the call did not connect');
      await sleep(50);
    }
    await driver.hangUp();
  }
}

async function baseline(sims: CiscoXapiSimulator[], n: number): Promise<{ ms: number; peak: number }> {
  const limit = new ConcurrencyLimit(n);
  const started = performance.now();
  await Promise.all(sims.map((sim) => limit.run(() => bareTest(sim))));
  return { ms: performance.now() - started, peak: limit.peak };
}

async function main(): Promise<void> {
  const sims = await Promise.all(Array.from({ length: ROOMS }, () => CiscoXapiSimulator.start({ password: '', connectDelayMs: CONNECT_MS })));
  const dir = await benchDir('bench-preflight');
  const dataDir = join(dir, 'pg');
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  let api: RunningApi | undefined;
  let client: Client | undefined;
  const rows: (string | number)[][] = [];
  const figures: Record<string, number>[] = [];
  try {
    api = await startApi(config, new ConsoleLogger({ logLevels: ['error'] }));
    client = new Client(api.databaseUrl);
    await client.connect();
    // ROOMS rooms over the seeded points, one codec each, one reservation each, all starting within 15 minutes.
    const start = Date.now() + 7 * 24 * 60 * MINUTE;
    await client.query(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n, count(*) OVER () AS total FROM point),
            r AS (INSERT INTO room (point_id, name, capacity) SELECT p.id, 'Salle banc ' || g, 12 FROM generate_series(0, $1 - 1) g JOIN p ON p.n = g % p.total RETURNING id, name)
       INSERT INTO endpoint (room_id, name, kind, protocol, adapter_id, adapter_config)
       SELECT r.id, 'Codec ' || r.name, 'ROOM_SYSTEM', 'SIP', 'room-cisco-xapi', jsonb_build_object('host', '127.0.0.1', 'port', ($2::int[])[substring(r.name from '[0-9]+$')::int + 1], 'protocol', 'ws', 'timeoutMs', 10000)
         FROM r`,
      [ROOMS, sims.map((s) => s.port)],
    );
    await client.query(
      `WITH r AS (SELECT m.id AS room_id, substring(m.name from '[0-9]+$')::int AS g FROM room m WHERE m.name LIKE 'Salle banc %'),
            res AS (INSERT INTO reservation (title, organiser_name, organiser_email, requester_category, in_territory, purpose, start_at, end_at, status, access_token_hash, created_by)
                    SELECT 'Banc ' || g, 'Banc', 'banc@example.org', 'COMPANY', true, 'COORDINATION', to_timestamp($1 / 1000.0) + make_interval(secs => (g % 15) * 60), to_timestamp($1 / 1000.0) + make_interval(secs => (g % 15) * 60 + 3600), 'CONFIRMED', 'x', 'bench' FROM r
                    RETURNING id, start_at, end_at, substring(title from '[0-9]+$')::int AS g)
       INSERT INTO room_slot (room_id, during, kind, reservation_id, expected_participants)
       SELECT r.room_id, tstzrange(res.start_at, res.end_at, '[)'), 'RESERVATION', res.id, 4 FROM res JOIN r ON r.g = res.g`,
      [start],
    );
    const settings = api.app.get(PreflightSettings);
    settings.testUri = TEST_URI;
    settings.callConnectMs = 30_000;
    const clock = api.app.get(MeetingClock);
    // The last meeting of the quarter hour starts at start + 14 min: at its T-30, every meeting is due for its first round.
    clock.now = () => start + 14 * MINUTE - 30 * MINUTE;
    const scheduler = api.app.get(PreflightScheduler);

    for (const n of LIMITS) {
      const bare = await baseline(sims, n);
      await client.query(`DELETE FROM preflight_run`);
      scheduler.limit.size = n;
      scheduler.limit.peak = 0;
      const started = performance.now();
      const rounds = await scheduler.tick();
      const ms = performance.now() - started;
      const [{ ok, total }] = (await client.query<{ ok: number; total: number }>(`SELECT count(*) FILTER (WHERE outcome = 'ok')::int AS ok, count(*)::int AS total FROM preflight_result WHERE round = 'first'`)).rows;
      await client.query(`DELETE FROM preflight_result`);
      if (rounds !== ROOMS || ok !== ROOMS || total !== ROOMS) throw new Error(`N=${n}: ${rounds} rounds, ${ok}/${total} ok results, expected ${ROOMS}`);
      rows.push([`bare driver calls, ≤ ${n} in flight`, ROOMS, Math.round(bare.ms), bare.peak, '1.00']);
      rows.push([`platform (scheduler, host, database), ≤ ${n} in flight`, ROOMS, Math.round(ms), scheduler.limit.peak, (ms / bare.ms).toFixed(2)]);
      figures.push({ concurrency: n, baselineMs: Math.round(bare.ms), platformMs: Math.round(ms), peakInFlight: scheduler.limit.peak, ratio: Math.round((ms / bare.ms) * 100) / 100 });
    }
  } finally {
    await client?.end();
    if (api) await api.close();
    await Promise.all([...bareDrivers.values()].map((d) => d.dispose()));
    await Promise.all(sims.map((s) => s.close()));
    const left = postgresProcesses(dataDir);
    if (left.length) {
      console.error(`PostgreSQL still running on the benchmark folder: ${left.map((p) => p.pid).join(', ')}`);
      process.exitCode = 1;
    } else await rm(dir, { recursive: true, force: true });
  }
  printTable(['what', 'rooms', 'time to finish all (ms)', 'peak in flight', 'ratio to bare'], rows);
  console.log(JSON.stringify({ bench: 'preflight', machine: machine(), revision: revision(), settings: { rooms: ROOMS, connectMs: CONNECT_MS }, results: figures }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
