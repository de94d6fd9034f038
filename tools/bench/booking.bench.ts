// Reservation benchmarks (issue 3), one run, one database:
//   (a) 1 000 identical booking mutations (same room, same slot) fired at once over HTTP: exactly one may
//       succeed, every other must be CONFLICT, nothing else; wall time.
//   (b) non-conflicting bookings per second over GraphQL (each booking a different room or slot) next to the
//       raw INSERT rate of the same rows (reservation + room_slot, exclusion constraint active) through plain
//       `pg`, same pool size, same concurrency, same duration; SQL round-trips per booking and CPU split.
//       Two shapes, each against its own baseline: one booking per request (`book`; raw: one transaction per
//       booking) and batches (`bookMany` of BENCH_BATCH_SIZE inputs; raw: the same rows, one transaction per
//       batch, one multi-row INSERT per table). BENCH_CPU_PROFILE=1 adds a profiled run of each shape after the
//       measured ones (tmp/bench-booking-*.cpuprofile, self time by package and function printed).
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
//        BENCH_BATCH_SIZE (50), BENCH_BATCH_CONCURRENCY (4), BENCH_PHASES (a,b,c: the phases to run),
//        BENCH_CPU_PROFILE=1 (profiled runs of BENCH_PROFILE_S, 5 s), BENCH_KEEP_DATA=1 to keep tmp/bench-booking-*
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { DateTime } from 'luxon';
import pg, { Pool, type PoolClient } from 'pg';
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
import { BOOK, BOOK_MANY, bookingInput } from '../../apps/api/test/booking-fixtures';
import { profiled, summarise } from './cpu-profile';
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
const BATCH_SIZE = Math.min(100, Math.max(1, Number(process.env.BENCH_BATCH_SIZE ?? 50)));
const BATCH_CONCURRENCY = Math.min(64, Math.max(1, Number(process.env.BENCH_BATCH_CONCURRENCY ?? 4)));
const PHASES = new Set((process.env.BENCH_PHASES ?? 'a,b,c').split(',').map((p) => p.trim()));
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
const PROFILE_S = Math.min(30, Number(process.env.BENCH_PROFILE_S ?? 5));
/** Four disjoint sets of rooms: GraphQL single, raw single, GraphQL batches, raw batches. */
const THROUGHPUT_ROOMS = Math.min(200, Math.floor(ROOMS / 5));
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
  bookingsPerRequest: number;
  bookings: number;
  bookingsPerSecond: number;
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

/** One transaction of the plain-pg baselines: committed, refused by the exclusion constraint (conflict), or another error. */
async function rawTransaction(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<'ok' | 'conflict' | 'error'> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
    return 'ok';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    return (error as { code?: string }).code === '23P01' ? 'conflict' : 'error';
  } finally {
    client.release();
  }
}

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
        const outcome = await rawTransaction(pool, async (client) => {
          const { rows } = await client.query<{ id: string }>(RAW_RESERVATION, ['Réunion de coordination', 'Service économie', 'eco@example.org', new Date(start), new Date(end), 'x'.repeat(64)]);
          await client.query(RAW_SLOT, [room.id, new Date(start - buffer), new Date(end + buffer), rows[0].id]);
        });
        if (outcome === 'ok') latencies.push(performance.now() - t);
        else if (outcome === 'conflict') conflicts++;
        else errors++;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return { inserted: latencies.length, conflicts, errors, wallMs: r1(wallMs), perSecond: r1((latencies.length / wallMs) * 1000), latencyMs: stats(latencies) };
}

/**
 * The same rows as rawInserts, `batchSize` bookings per transaction: BEGIN; one multi-row INSERT into
 * reservation (ids chosen here, so each slot row names its reservation); one into room_slot; COMMIT.
 */
const RAW_RESERVATIONS = `INSERT INTO reservation (id, title, organiser_name, organiser_email, requester_category, requester_postcode, in_territory, purpose,
    start_at, end_at, status, access_token_hash, created_by)
  SELECT id, 'Réunion de coordination', 'Service économie', 'eco@example.org', 'COMPANY', '22300', true, 'COORDINATION', s, e, 'CONFIRMED', $4, 'bench-raw'
    FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS t(id, s, e)`;
const RAW_SLOTS = `INSERT INTO room_slot (room_id, during, kind, active, reservation_id, expected_participants)
  SELECT room, tstzrange(s, e, '[)'), 'RESERVATION', true, id, 4 FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::uuid[]) AS t(room, s, e, id)`;

async function rawBatches(pool: Pool, rooms: Generated['rooms'], starts: number[], seconds: number, batchSize = BATCH_SIZE, concurrency = BATCH_CONCURRENCY) {
  let next = 0;
  const capacity = rooms.length * starts.length;
  const latencies: number[] = [];
  let conflicts = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next + batchSize <= capacity && performance.now() < deadline) {
        const rows = Array.from({ length: batchSize }, () => {
          const i = next++;
          const room = rooms[i % rooms.length];
          const start = starts[Math.floor(i / rooms.length)];
          const end = start + MEETING_MINUTES * 60_000;
          const buffer = room.bufferMinutes * 60_000;
          return { id: randomUUID(), room: room.id, start: new Date(start), end: new Date(end), heldFrom: new Date(start - buffer), heldUntil: new Date(end + buffer) };
        });
        const t = performance.now();
        const outcome = await rawTransaction(pool, async (client) => {
          await client.query(RAW_RESERVATIONS, [rows.map((r) => r.id), rows.map((r) => r.start), rows.map((r) => r.end), 'x'.repeat(64)]);
          await client.query(RAW_SLOTS, [rows.map((r) => r.room), rows.map((r) => r.heldFrom), rows.map((r) => r.heldUntil), rows.map((r) => r.id)]);
        });
        if (outcome === 'ok') latencies.push(performance.now() - t);
        else if (outcome === 'conflict') conflicts++;
        else errors++;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return {
    batches: latencies.length,
    inserted: latencies.length * batchSize,
    conflicts,
    errors,
    wallMs: r1(wallMs),
    batchesPerSecond: r1((latencies.length / wallMs) * 1000),
    perSecond: r1(((latencies.length * batchSize) / wallMs) * 1000),
    latencyMs: stats(latencies),
  };
}

// ---- (b) ----

interface GqlRun {
  requests: number;
  requestsPerSecond: number;
  bookings: number;
  perSecond: number;
  conflict: number;
  other: number;
  otherSamples: string[];
  latencyMs: LoadSummary['latencyMs'];
  /** CPU of this process (the API) and of PostgreSQL over the measured seconds (warm-up excluded by time share). */
  apiCpuMs: number;
  pgCpuMs: number;
  clientCpuMs: number;
  /** Over the whole child run (warm-up included): CPU and SQL statements per booking written. */
  apiCpuMsPerBooking: number;
  pgCpuMsPerBooking: number;
  sqlPerBooking: number;
  sqlStatements: { statement: string; count: number; perBooking: number; avgMs: number }[];
}

interface RawRun {
  inserted: number;
  conflicts: number;
  errors: number;
  wallMs: number;
  perSecond: number;
  batchesPerSecond?: number;
  latencyMs: ReturnType<typeof stats>;
  benchCpuMs: number;
  pgCpuMs: number;
}

interface Shape {
  graphql: GqlRun;
  rawPg: RawRun;
  ratio: number;
}

interface Throughput {
  concurrency: number;
  batchSize: number;
  batchConcurrency: number;
  poolSize: number;
  durationS: number;
  single: Shape & { oneAtATime: { graphql: { perSecond: number; latencyMs: LoadSummary['latencyMs']; other: number }; rawPg: { perSecond: number; latencyMs: ReturnType<typeof stats>; errors: number } } };
  batched?: Shape;
  batchedUnavailable?: string;
  loadAverage1m: number[];
  profiles?: Record<string, unknown>;
}

async function throughput({ dir, dataDir, pool, gqlUrl, data, year2 }: { dir: string; dataDir: string | undefined; pool: Pool; gqlUrl: string; data: Generated; year2: number[] }): Promise<Throughput> {
  const T = THROUGHPUT_ROOMS;
  const rooms = { gql: data.rooms.slice(0, T), raw: data.rooms.slice(T, 2 * T), gqlBatch: data.rooms.slice(2 * T, 3 * T), rawBatch: data.rooms.slice(3 * T, 4 * T) };
  const starts = year2.slice(1, -1);
  const measuredStarts = starts.slice(0, -300);
  const oneByOneStarts = starts.slice(-300, -200);
  const spareStarts = starts.slice(-200); // raw warm-ups and profiled runs
  const template = bookingInput([rooms.gql[0].id], '', '');
  const written = async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM reservation WHERE created_by = 'anonymous'`)).rows[0].n;
  const introspection = await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __type(name: "Mutation") { fields { name } } }' }) });
  const mutations = ((await introspection.json()) as { data?: { __type?: { fields: { name: string }[] } } }).data?.__type?.fields.map((f) => f.name) ?? [];
  const batchedAvailable = mutations.includes('bookMany');

  /** One load-generator run against GraphQL, with its SQL statements and CPU. */
  const gqlRun = async (mode: 'pool' | 'batch', roomList: Generated['rooms'], startList: number[], concurrency: number, durationS: number, warmupS: number): Promise<GqlRun> => {
    const before = await written();
    const pg0 = pgCpu(dataDir);
    const self0 = selfCpuMs();
    const recorded = await record(() =>
      load(
        dir,
        { mode, url: gqlUrl, query: mode === 'batch' ? BOOK_MANY : BOOK, input: template, roomIds: roomList.map((r) => r.id), starts: startList, durationMinutes: MEETING_MINUTES, concurrency, durationS, warmupS, batchSize: BATCH_SIZE },
        durationS + warmupS + 120,
      ),
    );
    await sleep(600); // last relay pass
    const apiCpu = selfCpuMs() - self0;
    const pgCpuUsed = pgCpuSince(dataDir, pg0);
    const booked = Math.max(1, (await written()) - before);
    const share = durationS / (durationS + warmupS);
    const g = recorded.result;
    return {
      requests: g.requests,
      requestsPerSecond: g.successPerSecond,
      bookings: g.bookings,
      perSecond: g.bookingsPerSecond,
      conflict: g.conflict,
      other: g.other,
      otherSamples: g.otherSamples,
      latencyMs: g.latencyMs,
      apiCpuMs: Math.round(apiCpu * share),
      pgCpuMs: Math.round(pgCpuUsed * share),
      clientCpuMs: g.clientCpuMs,
      apiCpuMsPerBooking: r2(apiCpu / booked),
      pgCpuMsPerBooking: r2(pgCpuUsed / booked),
      sqlPerBooking: r2(recorded.total / booked),
      sqlStatements: recorded.statements.slice(0, 15).map(([k, st]) => ({ statement: k, count: st.count, perBooking: r2(st.count / booked), avgMs: r2(st.ms / st.count) })),
    };
  };
  const rawRun = async <R extends { inserted: number; conflicts: number; errors: number; wallMs: number; perSecond: number; latencyMs: ReturnType<typeof stats> }>(work: () => Promise<R>): Promise<R & { benchCpuMs: number; pgCpuMs: number }> => {
    const pg0 = pgCpu(dataDir);
    const self0 = selfCpuMs();
    const result = await work();
    return { ...result, benchCpuMs: Math.round(selfCpuMs() - self0), pgCpuMs: Math.round(pgCpuSince(dataDir, pg0)) };
  };

  console.log(`\n(b) non-conflicting bookings, ${WARMUP_S} s warm-up + ${DURATION_S} s each; ${T} rooms per target, successive slots`);
  const loadB = loadAverage();
  // One booking per request, CONCURRENCY at once.
  if (WARMUP_S > 0) await rawInserts(pool, rooms.raw, spareStarts, WARMUP_S);
  const raw = await rawRun(() => rawInserts(pool, rooms.raw, measuredStarts, DURATION_S));
  await sleep(1000);
  const gql = await gqlRun('pool', rooms.gql, measuredStarts, CONCURRENCY, DURATION_S, WARMUP_S);
  await sleep(1000);
  // Batches of BATCH_SIZE, BATCH_CONCURRENCY at once.
  let batched: Shape | undefined;
  if (batchedAvailable) {
    if (WARMUP_S > 0) await rawBatches(pool, rooms.rawBatch, spareStarts, WARMUP_S);
    const rawB = await rawRun(() => rawBatches(pool, rooms.rawBatch, measuredStarts, DURATION_S));
    await sleep(1000);
    const gqlB = await gqlRun('batch', rooms.gqlBatch, measuredStarts, BATCH_CONCURRENCY, DURATION_S, WARMUP_S);
    await sleep(1000);
    batched = { graphql: gqlB, rawPg: rawB, ratio: r2(gqlB.perSecond / rawB.perSecond) };
  }
  // One at a time: the cost of one booking without queueing.
  const seqRaw = await rawInserts(pool, rooms.raw, oneByOneStarts, 3, 1);
  const seqGql = await load(dir, { mode: 'pool', url: gqlUrl, query: BOOK, input: template, roomIds: rooms.gql.map((r) => r.id), starts: oneByOneStarts, durationMinutes: MEETING_MINUTES, concurrency: 1, durationS: 3, warmupS: 0 }, 60);
  const result: Throughput = {
    concurrency: CONCURRENCY,
    batchSize: BATCH_SIZE,
    batchConcurrency: BATCH_CONCURRENCY,
    poolSize: POOL_SIZE,
    durationS: DURATION_S,
    single: {
      graphql: gql,
      rawPg: raw,
      ratio: r2(gql.perSecond / raw.perSecond),
      oneAtATime: { graphql: { perSecond: seqGql.successPerSecond, latencyMs: seqGql.latencyMs, other: seqGql.other }, rawPg: { perSecond: seqRaw.perSecond, latencyMs: seqRaw.latencyMs, errors: seqRaw.errors + seqRaw.conflicts } },
    },
    ...(batched ? { batched } : { batchedUnavailable: 'the API has no bookMany mutation' }),
    loadAverage1m: [loadB, loadAverage()],
  };

  const gqlRow = (label: string, g: GqlRun) => [label, g.perSecond, g.requestsPerSecond, g.bookings, g.conflict + g.other, g.latencyMs.p50, g.latencyMs.p95, g.latencyMs.p99, g.apiCpuMsPerBooking, g.pgCpuMsPerBooking, g.sqlPerBooking];
  const rawRow = (label: string, r: RawRun, perRequest: number) => [label, r.perSecond, r1(r.perSecond / perRequest), r.inserted, r.conflicts + r.errors, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, '', '', ''];
  printTable(
    ['target', 'bookings/s', 'requests/s', 'booked', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'API CPU ms/booking', 'PG CPU ms/booking', 'SQL/booking'],
    [
      gqlRow(`GraphQL book, ${CONCURRENCY} concurrent`, gql),
      rawRow(`raw pg: 1 booking per tx (INSERT x2), ${CONCURRENCY} concurrent`, raw, 1),
      ...(batched
        ? [gqlRow(`GraphQL bookMany x${BATCH_SIZE}, ${BATCH_CONCURRENCY} concurrent`, batched.graphql), rawRow(`raw pg: ${BATCH_SIZE} per tx (2 multi-row INSERTs), ${BATCH_CONCURRENCY} concurrent`, batched.rawPg, BATCH_SIZE)]
        : []),
      ['GraphQL book, one at a time', seqGql.successPerSecond, seqGql.successPerSecond, seqGql.success, seqGql.conflict + seqGql.other, seqGql.latencyMs.p50, seqGql.latencyMs.p95, seqGql.latencyMs.p99, '', '', ''],
      ['raw pg, one at a time', seqRaw.perSecond, seqRaw.perSecond, seqRaw.inserted, seqRaw.conflicts + seqRaw.errors, seqRaw.latencyMs.p50, seqRaw.latencyMs.p95, seqRaw.latencyMs.p99, '', '', ''],
    ],
  );
  console.log(`GraphQL / raw, one booking per request: ${result.single.ratio.toFixed(2)}x${batched ? `; batches of ${BATCH_SIZE}: ${batched.ratio.toFixed(2)}x` : ` (${result.batchedUnavailable})`}; load average ${loadB} → ${loadAverage()}`);
  for (const [label, g] of [['book', gql], ...(batched ? [[`bookMany x${BATCH_SIZE}`, batched.graphql]] : [])] as [string, GqlRun][]) {
    console.log(`\nSQL statements per booking while loaded, ${label} (outbox relay included): ${g.sqlPerBooking}`);
    printTable(['per booking', 'avg ms', 'statement'], g.sqlStatements.map((st) => [st.perBooking, st.avgMs, st.statement]));
    if (g.other) console.log(`other errors: ${g.otherSamples.join(' | ')}`);
  }

  if (CPU_PROFILE) {
    result.profiles = {};
    const runs: [string, 'pool' | 'batch', Generated['rooms'], number][] = [['book', 'pool', rooms.gql, CONCURRENCY]];
    if (batchedAvailable) runs.push([`bookMany-x${BATCH_SIZE}`, 'batch', rooms.gqlBatch, BATCH_CONCURRENCY]);
    for (const [label, mode, roomList, concurrency] of runs) {
      const file = join(dir, `..`, `${dir.split('/').pop()}-${label}.cpuprofile`);
      const before = await written();
      const { result: run, profile } = await profiled(file, () =>
        load(dir, { mode, url: gqlUrl, query: mode === 'batch' ? BOOK_MANY : BOOK, input: template, roomIds: roomList.map((r) => r.id), starts: spareStarts, durationMinutes: MEETING_MINUTES, concurrency, durationS: PROFILE_S, warmupS: 0, batchSize: BATCH_SIZE }, PROFILE_S + 60),
      );
      const booked = Math.max(1, (await written()) - before);
      const summary = summarise(profile);
      result.profiles[label] = { file, bookings: booked, perSecondWhileProfiled: run.bookingsPerSecond, busyMsPerBooking: r2(summary.busyMs / booked), ...summary };
      console.log(`\nCPU profile, ${label} (${PROFILE_S} s under the profiler, ${booked} bookings, ${run.bookingsPerSecond}/s): main thread busy ${summary.busyMs} ms of ${summary.totalMs} = ${r2(summary.busyMs / booked)} ms per booking; ${file}`);
      printTable(['ms', '%', 'package or folder, with the native work it asked for'], summary.byOwner.map((c) => [c.ms, c.share, c.category]));
      printTable(['self ms', '%', 'function'], summary.byFunction.map((f) => [f.ms, f.share, f.fn.slice(0, 110)]));
    }
  }
  return result;
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
    if (PHASES.has('a')) {
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
    }

    // ---- (b) ----
    if (PHASES.has('b')) out.b = await throughput({ dir, dataDir, pool, gqlUrl, data, year2 });

    // ---- (c) ----
    if (PHASES.has('c')) {
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
    }
  } finally {
    if (pool) await pool.end();
    if (api) await api.close();
    const left = dataDir ? postgresProcesses(dataDir) : [];
    if (left.length) {
      console.error(`PostgreSQL still running on the benchmark folder: ${left.map((p) => p.pid).join(', ')}`);
      process.exitCode = 1;
    } else if (!process.env.BENCH_KEEP_DATA) await rm(dir, { recursive: true, force: true });
  }

  const a = out.a as { success: number; other: number } | undefined;
  const b = out.b as Throughput | undefined;
  const bErrors = b ? [b.single.graphql, b.batched?.graphql].reduce((n, g) => n + (g ? g.other + g.conflict : 0), 0) : 0;
  const failed = (a && (a.success !== 1 || a.other !== 0)) || bErrors > 0;
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
