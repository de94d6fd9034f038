// Reservation benchmarks (issue 3), one run, one database:
//   (a) 1 000 identical booking mutations (same room, same slot) fired at once over HTTP: exactly one may
//       succeed, every other must be CONFLICT, nothing else; wall time.
//   (b) non-conflicting bookings per second over GraphQL (each request a different room or slot) next to the
//       raw INSERT rate of the same rows (reservation + room_slot, exclusion constraint active) through plain
//       `pg`, same pool size, same concurrency, same duration; SQL round-trips per booking and CPU split.
//   (c) availability among the generated 1 000 rooms / 500 000 reservations: AvailabilityService.find and the
//       GraphQL `availability` query for one room over 30 days (200 random rooms), next to the raw SQL that
//       loads that room's slots; and all 1 000 rooms' 30-day free windows from one bulk load.
//
// The API runs in this process (startApi, SEED=1) on an embedded PostgreSQL in a fresh tmp/ folder, or on
// DATABASE_URL when set (then it must be a fresh, migrated-or-empty database); data by data-generator.ts.
// HTTP load comes from a child process (booking-load.mjs). Other jobs may share the 2 cores: compare the
// same-run ratios rather than absolute figures across runs.
//
//   node -r @swc-node/register tools/bench/booking.bench.ts        (through npx or npm run, for Node 24)
//   env: BENCH_ROOMS (1000), BENCH_RESERVATIONS (500000), BENCH_CONFLICTING (1000), BENCH_CONCURRENCY (32),
//        BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_SAMPLES (200), DB_POOL_SIZE (20, as the API),
//        BENCH_KEEP_DATA=1 to keep tmp/bench-booking-*
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { DateTime } from 'luxon';
import pg, { Pool } from 'pg';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the engine the API runs, called in bulk for the all-rooms figure
import { freeWindows } from '@maillage/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { AvailabilityService } from '../../apps/api/src/reservations/availability.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { busyByRoom, loadRoomContexts, openAround } from '../../apps/api/src/reservations/booking-context';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the mutation and input the e2e tests send
import { BOOK, bookingInput } from '../../apps/api/test/booking-fixtures';
import { cells, generateData, type Generated } from './data-generator';
import { benchDir, freePort, machine, postgresProcesses, printTable, repoRoot, revision, sleep } from './lib';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const RESERVATIONS = Number(process.env.BENCH_RESERVATIONS ?? 500_000);
const CONFLICTING = Math.min(5000, Number(process.env.BENCH_CONFLICTING ?? 1000));
const CONCURRENCY = Math.min(256, Number(process.env.BENCH_CONCURRENCY ?? 32));
const DURATION_S = Math.min(60, Number(process.env.BENCH_DURATION_S ?? 10));
const WARMUP_S = Math.min(30, Number(process.env.BENCH_WARMUP_S ?? 2));
const SAMPLES = Math.min(1000, Number(process.env.BENCH_SAMPLES ?? 200));
const POOL_SIZE = Number(process.env.DB_POOL_SIZE ?? 20); // the API's default pool (database/data-source.ts)
const THROUGHPUT_ROOMS = Math.min(200, Math.floor(ROOMS / 3));
const MEETING_MINUTES = 60;
const DAY = 86_400_000;

// ---- SQL recorder: every query any pg Client of this process sends (TypeORM's included), while on ----

interface QueryStat {
  count: number;
  ms: number;
}
const recorder = { on: false, total: 0, byStatement: new Map<string, QueryStat>() };
const statementKey = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 70);
{
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
    if (!recorder.on) return original.apply(this, args);
    const first = args[0] as string | { text?: string };
    const key = statementKey(typeof first === 'string' ? first : (first?.text ?? '?'));
    const t0 = performance.now();
    const done = () => {
      const s = recorder.byStatement.get(key) ?? { count: 0, ms: 0 };
      s.count++;
      s.ms += performance.now() - t0;
      recorder.byStatement.set(key, s);
      recorder.total++;
    };
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
    else done();
    return result;
  };
}
function record<T>(work: () => Promise<T>): Promise<{ result: T; total: number; statements: [string, QueryStat][] }> {
  recorder.total = 0;
  recorder.byStatement.clear();
  recorder.on = true;
  return work().then((result) => {
    recorder.on = false;
    return { result, total: recorder.total, statements: [...recorder.byStatement.entries()].sort((a, b) => b[1].count - a[1].count) };
  });
}

// ---- CPU of PostgreSQL (embedded only) and of this process ----

const ticksToMs = 1000 / 100; // USER_HZ
/** CPU ms of every process of the cluster, by pid (backends come and go: deltas are taken per pid). */
function pgCpu(dataDir: string | undefined): Map<number, number> {
  const byPid = new Map<number, number>();
  if (!dataDir) return byPid;
  for (const p of postgresProcesses(dataDir)) {
    try {
      const fields = readFileSync(`/proc/${p.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      byPid.set(p.pid, (Number(fields[11]) + Number(fields[12])) * ticksToMs); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone
    }
  }
  return byPid;
}
/** CPU used since `before` by the processes alive now (a backend that ended in between is not counted). */
function pgCpuSince(dataDir: string | undefined, before: Map<number, number>): number {
  if (!dataDir) return NaN;
  let ms = 0;
  for (const [pid, now] of pgCpu(dataDir)) ms += now - (before.get(pid) ?? 0);
  return ms;
}
const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Nest's ExceptionsHandler logs every CONFLICT answer as an ERROR with its stack: counted here, kept off the output. */
class CountingLogger extends ConsoleLogger {
  exceptionsLogged = 0;
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionsHandler') {
      this.exceptionsLogged++;
      return;
    }
    super.error(message, ...(rest as [string?, string?]));
  }
}

const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

// ---- Statistics ----

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;
const stats = (ms: number[]) => ({ p50: r2(percentile(ms, 50)), p95: r2(percentile(ms, 95)), p99: r2(percentile(ms, 99)), max: r2(Math.max(...ms)) });

let seed = 20261122;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

// ---- Child load generator ----

interface LoadSummary {
  requests: number;
  success: number;
  conflict: number;
  other: number;
  otherSamples: string[];
  wallMs: number;
  perSecond: number;
  successPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  clientCpuMs: number;
}

async function load(dir: string, options: Record<string, unknown>, timeoutS: number): Promise<LoadSummary> {
  const file = join(dir, `load-${options.mode}.json`);
  await writeFile(file, JSON.stringify(options));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(__dirname, 'booking-load.mjs'), file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutS * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return fail(new Error(`load generator exited with ${code}: ${out}`));
      try {
        done(JSON.parse(out.trim().split('\n').pop() ?? ''));
      } catch (error) {
        fail(error);
      }
    });
  });
}

// ---- (b) baseline: the same rows through plain pg ----

const RAW_RESERVATION = `INSERT INTO reservation (title, organiser_name, organiser_email, requester_category, requester_postcode, in_territory, purpose,
    start_at, end_at, status, access_token_hash, created_by)
  VALUES ($1, $2, $3, 'COMPANY', '22300', true, 'COORDINATION', $4, $5, 'CONFIRMED', $6, 'bench-raw') RETURNING id`;
const RAW_SLOT = `INSERT INTO room_slot (room_id, during, kind, active, reservation_id, expected_participants)
  VALUES ($1, tstzrange($2, $3, '[)'), 'RESERVATION', true, $4, 4)`;

async function rawInserts(pool: Pool, rooms: Generated['rooms'], starts: number[], seconds: number, concurrency = CONCURRENCY) {
  let next = 0;
  const capacity = rooms.length * starts.length;
  const latencies: number[] = [];
  let conflicts = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < capacity && performance.now() < deadline) {
        const i = next++;
        const room = rooms[i % rooms.length];
        const start = starts[Math.floor(i / rooms.length)];
        const end = start + MEETING_MINUTES * 60_000;
        const buffer = room.bufferMinutes * 60_000;
        const t = performance.now();
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ id: string }>(RAW_RESERVATION, ['Réunion de coordination', 'Service économie', 'eco@example.org', new Date(start), new Date(end), 'x'.repeat(64)]);
          await client.query(RAW_SLOT, [room.id, new Date(start - buffer), new Date(end + buffer), rows[0].id]);
          await client.query('COMMIT');
          latencies.push(performance.now() - t);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          if ((error as { code?: string }).code === '23P01') conflicts++;
          else errors++;
        } finally {
          client.release();
        }
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return { inserted: latencies.length, conflicts, errors, wallMs: r1(wallMs), perSecond: r1((latencies.length / wallMs) * 1000), latencyMs: stats(latencies) };
}

// ---- Run ----

async function main(): Promise<void> {
  const dir = await benchDir('bench-booking');
  const embedded = !process.env.DATABASE_URL;
  const dataDir = embedded ? join(dir, 'pg') : undefined;
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir ?? join(dir, 'unused'), EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  const logger = new CountingLogger({ logLevels: ['error', 'warn'] });
  let api: RunningApi | undefined;
  let pool: Pool | undefined;
  const out: Record<string, unknown> = {};
  try {
    const tStart = performance.now();
    api = await startApi(config, logger);
    console.log(`API up at ${api.url} in ${Math.round(performance.now() - tStart)} ms (${embedded ? `embedded PostgreSQL, ${dataDir}` : 'DATABASE_URL'})`);
    pool = new Pool({ connectionString: api.databaseUrl, max: POOL_SIZE });
    const gqlUrl = `${api.url}/graphql`;

    // ---- data ----
    console.log(`\ngenerating ${ROOMS} rooms and ${RESERVATIONS} reservations`);
    const data = await generateData(api.databaseUrl, { rooms: ROOMS, reservations: RESERVATIONS, log: (l) => console.log(l) });
    out.data = { rooms: data.rooms.length, reservations: data.reservations, insertS: r1(data.insertMs / 1000), reservationsPerSecond: Math.round(data.rowsPerSecond) };
    // Bookings of (a) and (b) go in the year after the generated one, so they never meet generated data.
    const year2 = cells(DateTime.fromMillis(data.yearEnd, { zone: 'Europe/Paris' }), 364).map((c) => c + 30 * 60_000);
    const gqlRooms = data.rooms.slice(0, THROUGHPUT_ROOMS);
    const rawRooms = data.rooms.slice(THROUGHPUT_ROOMS, 2 * THROUGHPUT_ROOMS);
    const burstRoom = data.rooms[data.rooms.length - 1];

    // ---- one booking, recorded: which SQL statements it sends ----
    const single = await record(async () => {
      const res = await fetch(gqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: BOOK, variables: { input: bookingInput([burstRoom.id], new Date(year2[year2.length - 1]).toISOString(), new Date(year2[year2.length - 1] + MEETING_MINUTES * 60_000).toISOString()) } }),
      });
      const body = (await res.json()) as { data?: { book?: unknown }; errors?: unknown };
      if (!body.data?.book) throw new Error(`a single booking failed: ${JSON.stringify(body)}`);
      await sleep(300); // the outbox relay pass the write kicked
    });
    console.log(`\none booking over GraphQL sent ${single.total} SQL statements (outbox relay pass included):`);
    printTable(['count', 'ms', 'statement'], single.statements.map(([k, s]) => [s.count, r1(s.ms), k]));

    // ---- (a) ----
    const burstStart = year2[0];
    const burstInput = bookingInput([burstRoom.id], new Date(burstStart).toISOString(), new Date(burstStart + 2 * 60 * 60_000).toISOString());
    console.log(`\n(a) ${CONFLICTING} identical bookings fired at once (room ${burstRoom.id}, ${burstInput.start})`);
    const pg0 = pgCpu(dataDir);
    const self0 = selfCpuMs();
    const loadBefore = loadAverage();
    const burst = await load(dir, { mode: 'burst', url: gqlUrl, query: BOOK, input: burstInput, count: CONFLICTING }, 300);
    const burstCpu = { apiCpuMs: Math.round(selfCpuMs() - self0), pgCpuMs: Math.round(pgCpuSince(dataDir, pg0)), clientCpuMs: burst.clientCpuMs };
    const [{ n: heldRows }] = (
      await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM room_slot WHERE room_id = $1 AND active AND during && tstzrange($2, $3)`, [burstRoom.id, new Date(burstStart), new Date(burstStart + 2 * 3_600_000)])
    ).rows;
    out.a = { requests: burst.requests, success: burst.success, conflict: burst.conflict, other: burst.other, otherSamples: burst.otherSamples, wallMs: burst.wallMs, latencyMs: burst.latencyMs, heldRows, ...burstCpu, exceptionsLoggedByNest: logger.exceptionsLogged, loadAverage1m: [loadBefore, loadAverage()] };
    printTable(
      ['requests', 'success', 'CONFLICT', 'other', 'wall ms', 'p50 ms', 'p99 ms', 'rows held', 'API CPU ms', 'PG CPU ms', 'client CPU ms'],
      [[burst.requests, burst.success, burst.conflict, burst.other, burst.wallMs, burst.latencyMs.p50, burst.latencyMs.p99, heldRows, burstCpu.apiCpuMs, burstCpu.pgCpuMs, burstCpu.clientCpuMs]],
    );
    if (burst.other) console.log(`other errors: ${burst.otherSamples.join(' | ')}`);
    console.log(`Nest's ExceptionsHandler logged ${logger.exceptionsLogged} errors with stacks (the CONFLICT answers; suppressed here, printed in a real run); load average ${loadBefore} → ${loadAverage()}`);
    await sleep(1000);

    // ---- (b) ----
    const starts = year2.slice(1, -1);
    console.log(`\n(b) non-conflicting bookings: ${CONCURRENCY} concurrent, ${WARMUP_S} s warm-up + ${DURATION_S} s; GraphQL over ${gqlRooms.length} rooms, raw pg over ${rawRooms.length} others`);
    if (WARMUP_S > 0) await rawInserts(pool, rawRooms, starts.slice(-200), WARMUP_S);
    const loadB = loadAverage();
    let pgb = pgCpu(dataDir);
    let selfb = selfCpuMs();
    const raw = await rawInserts(pool, rawRooms, starts.slice(0, -200), DURATION_S);
    const rawCpu = { benchCpuMs: Math.round(selfCpuMs() - selfb), pgCpuMs: Math.round(pgCpuSince(dataDir, pgb)) };
    await sleep(1000);
    // GraphQL: the warm-up runs inside the child; CPU is read around the whole child run and scaled by time.
    pgb = pgCpu(dataDir);
    selfb = selfCpuMs();
    const gql = await record(() =>
      load(dir, { mode: 'pool', url: gqlUrl, query: BOOK, input: bookingInput([gqlRooms[0].id], '', ''), roomIds: gqlRooms.map((r) => r.id), starts, durationMinutes: MEETING_MINUTES, concurrency: CONCURRENCY, durationS: DURATION_S, warmupS: WARMUP_S }, DURATION_S + WARMUP_S + 120),
    );
    await sleep(600); // last relay pass
    const g = gql.result;
    const share = DURATION_S / (DURATION_S + WARMUP_S);
    const gqlCpu = { apiCpuMs: Math.round((selfCpuMs() - selfb) * share), pgCpuMs: Math.round(pgCpuSince(dataDir, pgb) * share), clientCpuMs: g.clientCpuMs };
    // One at a time: the cost of one booking without queueing (last 300 cells, apart from the runs above).
    const seqRaw = await rawInserts(pool, rawRooms, starts.slice(-300, -200), 3, 1);
    const seqGql = await load(dir, { mode: 'pool', url: gqlUrl, query: BOOK, input: bookingInput([gqlRooms[0].id], '', ''), roomIds: gqlRooms.map((r) => r.id), starts: starts.slice(-300, -200), durationMinutes: MEETING_MINUTES, concurrency: 1, durationS: 3, warmupS: 0 }, 60);
    const bookingsRecorded = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM reservation WHERE created_by = 'anonymous'`)).rows[0].n - 2 - seqGql.success;
    const perBooking = gql.total / Math.max(1, bookingsRecorded);
    const ratio = g.successPerSecond / raw.perSecond;
    out.b = {
      concurrency: CONCURRENCY,
      poolSize: POOL_SIZE,
      durationS: DURATION_S,
      graphql: { bookings: g.success, conflict: g.conflict, other: g.other, otherSamples: g.otherSamples, perSecond: g.successPerSecond, latencyMs: g.latencyMs, ...gqlCpu },
      rawPg: { ...raw, ...rawCpu },
      oneAtATime: { graphql: { perSecond: seqGql.successPerSecond, latencyMs: seqGql.latencyMs, other: seqGql.other }, rawPg: { perSecond: seqRaw.perSecond, latencyMs: seqRaw.latencyMs, errors: seqRaw.errors + seqRaw.conflicts } },
      ratio: r2(ratio),
      loadAverage1m: [loadB, loadAverage()],
      sqlPerBooking: r1(perBooking),
      sqlStatementsWhileLoaded: gql.statements.slice(0, 15).map(([k, s]) => ({ statement: k, count: s.count, perBooking: r2(s.count / Math.max(1, bookingsRecorded)), avgMs: r2(s.ms / s.count) })),
    };
    printTable(
      ['target', 'bookings/s', 'done', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'server CPU ms', 'PG CPU ms'],
      [
        ['GraphQL book (API)', g.successPerSecond, g.success, g.conflict + g.other, g.latencyMs.p50, g.latencyMs.p95, g.latencyMs.p99, gqlCpu.apiCpuMs, gqlCpu.pgCpuMs],
        ['raw pg INSERT x2 in a tx', raw.perSecond, raw.inserted, raw.conflicts + raw.errors, raw.latencyMs.p50, raw.latencyMs.p95, raw.latencyMs.p99, rawCpu.benchCpuMs, rawCpu.pgCpuMs],
        ['GraphQL, one at a time', seqGql.successPerSecond, seqGql.success, seqGql.conflict + seqGql.other, seqGql.latencyMs.p50, seqGql.latencyMs.p95, seqGql.latencyMs.p99, '', ''],
        ['raw pg, one at a time', seqRaw.perSecond, seqRaw.inserted, seqRaw.conflicts + seqRaw.errors, seqRaw.latencyMs.p50, seqRaw.latencyMs.p95, seqRaw.latencyMs.p99, '', ''],
      ],
    );
    console.log(`load average ${loadB} → ${loadAverage()}`);
    console.log(`GraphQL / raw: ${ratio.toFixed(2)}x; ${perBooking.toFixed(1)} SQL statements per booking while loaded (relay included); load client CPU ${g.clientCpuMs} ms`);
    if (g.other) console.log(`other errors: ${g.otherSamples.join(' | ')}`);
    printTable(['per booking', 'avg ms', 'statement'], (out.b as { sqlStatementsWhileLoaded: { statement: string; perBooking: number; avgMs: number }[] }).sqlStatementsWhileLoaded.map((s) => [s.perBooking, s.avgMs, s.statement]));

    // ---- (c) ----
    console.log(`\n(c) availability, 1 room x 30 days, ${SAMPLES} random rooms among ${data.rooms.length} / ${data.reservations} reservations`);
    const availability = api.app.get(AvailabilityService);
    const ds = api.app.get(DataSource);
    const lastFrom = data.yearEnd - 31 * DAY;
    const samples = Array.from({ length: SAMPLES }, () => {
      const room = data.rooms[Math.floor(rand() * data.rooms.length)];
      const from = DateTime.fromMillis(data.yearStart + Math.floor(rand() * ((lastFrom - data.yearStart) / DAY)) * DAY, { zone: 'Europe/Paris' }).startOf('day');
      return { room, from: from.toMillis(), to: from.plus({ days: 30 }).toMillis() };
    });
    const input = (s: (typeof samples)[number]) => ({ roomIds: [s.room.id], from: new Date(s.from), to: new Date(s.to), durationMinutes: MEETING_MINUTES, includeOnRequest: false, limit: 200 });
    const AVAILABILITY = `query($input: AvailabilityInput!) { availability(input: $input) { slots { start end onRequest } windows { start end } } }`;
    const busySql = `SELECT room_id, lower(during) AS start, upper(during) AS end FROM room_slot
      WHERE active AND room_id = ANY($1) AND during && tstzrange($2, $3, '[)') ORDER BY lower(during)`;
    // warm-up: caches, JIT
    for (const s of samples.slice(0, 20)) {
      await availability.find(input(s), s.from);
      await pool.query(busySql, [[s.room.id], new Date(s.from - DAY), new Date(s.to + DAY)]);
    }
    const loadC = loadAverage();
    const serviceMs: number[] = [];
    const gqlMs: number[] = [];
    const rawMs: number[] = [];
    let slotsFound = 0;
    let busyRows = 0;
    for (const s of samples) {
      let t = performance.now();
      const found = await availability.find(input(s), s.from);
      serviceMs.push(performance.now() - t);
      slotsFound += found.slots.length;
      t = performance.now();
      const { rows } = await pool.query(busySql, [[s.room.id], new Date(s.from - DAY), new Date(s.to + DAY)]);
      rawMs.push(performance.now() - t);
      busyRows += rows.length;
      t = performance.now();
      const res = await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: AVAILABILITY, variables: { input: { ...input(s), from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString() } } }) });
      const body = (await res.json()) as { data?: { availability?: unknown }; errors?: unknown };
      gqlMs.push(performance.now() - t);
      if (!body.data?.availability) throw new Error(`availability query failed: ${JSON.stringify(body).slice(0, 300)}`);
    }
    const oneSql = await record(() => availability.find(input(samples[0]), samples[0].from));

    // Batch: all rooms, one bulk load (contexts + slots), the engine per room.
    const bFrom = samples[0].from;
    const bTo = samples[0].to;
    const ids = data.rooms.map((r) => r.id);
    const batchRuns: { loadMs: number; engineMs: number; rawMs: number; windows: number; rows: number }[] = [];
    for (let pass = 0; pass < 3; pass++) {
      let t = performance.now();
      const contexts = await loadRoomContexts(ds.manager, ids, ['roomIds']);
      const busy = await busyByRoom(ds.manager, ids, bFrom, bTo);
      const loadMs = performance.now() - t;
      t = performance.now();
      let windows = 0;
      for (const ctx of contexts) {
        windows += freeWindows({ rooms: [{ roomId: ctx.room.id, open: openAround(ctx, bFrom, bTo), busy: busy.get(ctx.room.id)!, policy: ctx.policy }], from: bFrom, to: bTo, now: bFrom, timeZone: ctx.point.timeZone, durationMinutes: MEETING_MINUTES }).length;
      }
      const engineMs = performance.now() - t;
      t = performance.now();
      const { rowCount } = await pool.query(busySql, [ids, new Date(bFrom - DAY), new Date(bTo + DAY)]);
      batchRuns.push({ loadMs, engineMs, rawMs: performance.now() - t, windows, rows: rowCount ?? 0 });
    }
    const best = batchRuns.reduce((a, b) => (a.loadMs + a.engineMs <= b.loadMs + b.engineMs ? a : b));
    const service = stats(serviceMs);
    const viaGql = stats(gqlMs);
    const rawStats = stats(rawMs);
    out.c = {
      samples: SAMPLES,
      days: 30,
      durationMinutes: MEETING_MINUTES,
      avgBusyRowsPerRoom: r1(busyRows / SAMPLES),
      avgSlotsFound: r1(slotsFound / SAMPLES),
      serviceMs: service,
      graphqlMs: viaGql,
      rawSqlMs: rawStats,
      ratioServiceToRawP50: r2(service.p50 / rawStats.p50),
      ratioServiceToRawP95: r2(service.p95 / rawStats.p95),
      sqlPerFind: oneSql.total,
      loadAverage1m: [loadC, loadAverage()],
      batchAllRooms: { rooms: ids.length, busyRows: best.rows, loadMs: r1(best.loadMs), engineMs: r1(best.engineMs), totalMs: r1(best.loadMs + best.engineMs), rawBulkSqlMs: r1(best.rawMs), windows: best.windows, passes: batchRuns.map((b) => r1(b.loadMs + b.engineMs)) },
    };
    printTable(
      ['one room, 30 days', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        ['AvailabilityService.find', service.p50, service.p95, service.p99, service.max],
        ['GraphQL availability (HTTP)', viaGql.p50, viaGql.p95, viaGql.p99, viaGql.max],
        ['raw SQL: that room’s slots (pg)', rawStats.p50, rawStats.p95, rawStats.p99, rawStats.max],
      ],
    );
    console.log(`find / raw SQL: ${(service.p50 / rawStats.p50).toFixed(2)}x p50, ${(service.p95 / rawStats.p95).toFixed(2)}x p95; ${oneSql.total} SQL statements per find; ~${r1(busyRows / SAMPLES)} held slots and ${r1(slotsFound / SAMPLES)} free slots per room-month`);
    printTable(
      ['all rooms, 30 days (best of 3)', 'rooms', 'slot rows', 'bulk load ms', 'engine ms', 'total ms', 'raw bulk SQL ms', 'windows'],
      [['contexts + slots in 2 queries, engine per room', ids.length, best.rows, r1(best.loadMs), r1(best.engineMs), r1(best.loadMs + best.engineMs), r1(best.rawMs), best.windows]],
    );
  } finally {
    if (pool) await pool.end();
    if (api) await api.close();
    const left = dataDir ? postgresProcesses(dataDir) : [];
    if (left.length) {
      console.error(`PostgreSQL still running on the benchmark folder: ${left.map((p) => p.pid).join(', ')}`);
      process.exitCode = 1;
    } else if (!process.env.BENCH_KEEP_DATA) await rm(dir, { recursive: true, force: true });
  }

  const a = out.a as { success: number; other: number };
  const b = out.b as { graphql: { other: number; conflict: number } };
  const failed = a.success !== 1 || a.other !== 0 || b.graphql.other !== 0 || b.graphql.conflict !== 0;
  if (failed) {
    console.error('FAILED: (a) must give exactly one success and no other error; (b) must give no error');
    process.exitCode = 1;
  }
  console.log('\nnote: other jobs (tests, linters) may share the 2 cores during this run; compare same-run ratios.');
  console.log(JSON.stringify({ bench: 'booking', date: new Date().toISOString(), machine: machine(), revision: revision(), environment: config.environment, ...out }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
