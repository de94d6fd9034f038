// Reservation data generator for the benchmarks: N rooms (default 1 000) at synthetic points (4 rooms each,
// Mon–Fri 08:00–20:00 Europe/Paris, permissive policy: lead 0, granularity 30, buffers 0 or 15 by point) and
// M reservations (default 500 000) spread over one year from the next Monday, never overlapping within a room
// (buffers included), written straight into reservation + room_slot with multi-row INSERT … SELECT
// generate_series (both tables in one statement per batch), the exclusion constraint active. Progress
// (rows, rows/s) every ~5 %.
//
// The year is cut into "cells": each weekday 08:00–20:00 local, six cells of 2 h. A reservation takes one cell:
// the meeting starts 30 min into it and lasts 30, 60 or 90 min, so with 15 min buffers its held slot stays
// inside the cell. Room i takes cells (i·7919 + k·stride) mod cells for k = 0…M/N-1, stride prime to the cell
// count: all different, so no two reservations of a room can overlap.
//
// Used by booking.bench.ts; alone it starts an embedded PostgreSQL in a fresh tmp/ folder (or uses
// DATABASE_URL), migrates, generates, reports and stops:
//   node -r @swc-node/register tools/bench/data-generator.ts        (through npx or npm run, for Node 24)
//   env: BENCH_ROOMS (1000), BENCH_RESERVATIONS (500000), BENCH_KEEP_DATA=1 to keep tmp/bench-data-*
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the API's own database code
import { openDatabase } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { migrate } from '../../apps/api/src/database/data-source';
import { benchDir, freePort, machine, postgresProcesses, printTable, revision } from './lib';

export const BENCH_ORG_SLUG = 'bench-network';
export const ROOMS_PER_POINT = 4;
export const CELLS_PER_DAY = 6;
export const CELL_MINUTES = 120;
export const ZONE = 'Europe/Paris';
const BATCH_ROOMS = 10;
const WORKERS = 2;

/** Mon–Fri 08:00–20:00; no holiday closing, so every weekday cell is bookable. */
export const BENCH_SCHEDULE = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })),
  exceptions: [],
  closedOnPublicHolidays: false,
};

/** Permissive: no lead time, 30 min steps; buffers 0 (even points) or 15 min (odd points); horizon covers two years. */
export const benchPolicy = (bufferMinutes: number) => ({
  minLeadMinutes: 0,
  minDurationMinutes: 30,
  maxDurationMinutes: 720,
  granularityMinutes: 30,
  setupBufferMinutes: bufferMinutes,
  teardownBufferMinutes: bufferMinutes,
  horizonDays: 800,
  approvalCategories: [],
});

export interface GeneratedRoom {
  id: string;
  index: number;
  pointId: string;
  bufferMinutes: number;
}

export interface Generated {
  rooms: GeneratedRoom[];
  reservations: number;
  /** First day of the generated year (Monday 00:00 Paris, epoch ms) and the day after its end. */
  yearStart: number;
  yearEnd: number;
  setupMs: number;
  insertMs: number;
  analyzeMs: number;
  rowsPerSecond: number;
}

/** The next Monday at least two days ahead, 00:00 Paris. */
export function nextMonday(now = Date.now()): DateTime {
  let d = DateTime.fromMillis(now, { zone: ZONE }).plus({ days: 2 }).startOf('day');
  while (d.weekday !== 1) d = d.plus({ days: 1 });
  return d;
}

/** Start instants (epoch ms) of the weekday cells in [from, from + days). */
export function cells(from: DateTime, days: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < days; i++) {
    const day = from.plus({ days: i });
    if (day.weekday > 5) continue;
    for (let c = 0; c < CELLS_PER_DAY; c++) out.push(day.set({ hour: 8 }).plus({ minutes: c * CELL_MINUTES }).toMillis());
  }
  return out;
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

export async function generateData(
  databaseUrl: string,
  options: { rooms?: number; reservations?: number; log?: (line: string) => void } = {},
): Promise<Generated> {
  const roomCount = options.rooms ?? 1000;
  const total = options.reservations ?? 500_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const from = nextMonday();
  const yearCells = cells(from, 364);
  const perRoom = Math.floor(total / roomCount);
  const extra = total - perRoom * roomCount;
  if (perRoom + (extra ? 1 : 0) > yearCells.length) throw new Error(`at most ${yearCells.length} reservations per room fit in a year (asked ${total} for ${roomCount} rooms)`);
  let stride = 7907;
  while (gcd(stride, yearCells.length) !== 1) stride += 2;

  const pool = new Pool({ connectionString: databaseUrl, max: WORKERS });
  try {
    const t0 = performance.now();
    const [{ n: existing }] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisation WHERE slug = $1`, [BENCH_ORG_SLUG])).rows;
    if (existing) throw new Error(`the database already holds generated data (organisation ${BENCH_ORG_SLUG}): use a fresh database`);
    const pointCount = Math.ceil(roomCount / ROOMS_PER_POINT);
    const [{ id: orgId }] = (
      await pool.query<{ id: string }>(
        `INSERT INTO organisation (slug, name, kind, address, postcode, town, territory_postcodes)
         VALUES ($1, 'Réseau de banc d''essai', 'NETWORK_OPERATOR', '1 rue du Banc', '22300', 'Lannion', '{22300}') RETURNING id`,
        [BENCH_ORG_SLUG],
      )
    ).rows;
    const points = (
      await pool.query<{ id: string; slug: string }>(
        `INSERT INTO point (organisation_id, slug, name, host_site_type, access_policy, address, postcode, town, latitude, longitude,
           network_line, bandwidth_kbps, status, opening_schedule, booking_policy)
         SELECT $1, 'bench-point-' || lpad(i::text, 4, '0'), 'Point d''essai ' || i, 'OTHER', 'OPEN_TO_ALL', i || ' rue du Banc', '22300', 'Lannion',
                47.5 + (i % 100) * 0.02, -4.5 + (i / 100) * 0.05, 'FIBRE', 100000, 'ACTIVE', $2::jsonb,
                CASE WHEN i % 2 = 0 THEN $3::jsonb ELSE $4::jsonb END
           FROM generate_series(0, $5::int - 1) AS i
         RETURNING id, slug`,
        [orgId, JSON.stringify(BENCH_SCHEDULE), JSON.stringify(benchPolicy(0)), JSON.stringify(benchPolicy(15)), pointCount],
      )
    ).rows.map((p) => ({ id: p.id, i: Number(p.slug.slice('bench-point-'.length)) }));
    const pointByIndex = new Map(points.map((p) => [p.i, p.id]));
    const rooms = (
      await pool.query<{ id: string; point_id: string }>(
        `INSERT INTO room (point_id, name, capacity)
         SELECT p.id, 'Salle ' || (r + 1), 6 + r * 2 FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n), generate_series(0, $2::int - 1) AS r
          WHERE (p.n - 1) * $2 + r < $3
          ORDER BY p.n, r
         RETURNING id, point_id`,
        [[...Array(pointCount).keys()].map((i) => pointByIndex.get(i)), ROOMS_PER_POINT, roomCount],
      )
    ).rows;
    const pointIndex = new Map(points.map((p) => [p.id, p.i]));
    const generated: GeneratedRoom[] = rooms
      .map((r) => ({ id: r.id, pointId: r.point_id, pointIndex: pointIndex.get(r.point_id)! }))
      .sort((a, b) => a.pointIndex - b.pointIndex || a.id.localeCompare(b.id))
      .map((r, index) => ({ id: r.id, index, pointId: r.pointId, bufferMinutes: r.pointIndex % 2 === 0 ? 0 : 15 }));
    const setupMs = performance.now() - t0;
    log(`${pointCount} points, ${generated.length} rooms created in ${Math.round(setupMs)} ms; ${total} reservations over ${yearCells.length} cells (${from.toISODate()} + 1 year), stride ${stride}`);

    // One statement per batch of rooms writes the reservations and their held slots; ids generated up front.
    const batchSql = `
      WITH src AS MATERIALIZED (
        SELECT gen_random_uuid() AS id, b.room_id, b.buffer,
               c.cell + interval '30 minutes' AS s,
               c.cell + interval '30 minutes' + (1 + (k + b.idx) % 3) * interval '30 minutes' AS e
          FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[]) AS b(room_id, idx, buffer, n)
         CROSS JOIN LATERAL generate_series(0, b.n - 1) AS k
         CROSS JOIN LATERAL (SELECT ($5::timestamptz[])[((b.idx::bigint * 7919 + k::bigint * $6) % $7) + 1] AS cell) c
      ), r AS (
        INSERT INTO reservation (id, title, organiser_name, organiser_email, requester_category, requester_postcode, in_territory, purpose,
                                 start_at, end_at, status, access_token_hash, created_by)
        SELECT id, 'Réunion générée', 'Générateur', 'bench@example.org', 'COMPANY', '22300', true, 'COORDINATION', s, e, 'CONFIRMED', 'bench', 'bench-generator'
          FROM src
      )
      INSERT INTO room_slot (room_id, during, kind, active, reservation_id, expected_participants)
      SELECT room_id, tstzrange(s - buffer * interval '1 minute', e + buffer * interval '1 minute', '[)'), 'RESERVATION', true, id, 4 FROM src`;
    const cellParam = yearCells.map((ms) => new Date(ms).toISOString());
    const batches: GeneratedRoom[][] = [];
    for (let i = 0; i < generated.length; i += BATCH_ROOMS) batches.push(generated.slice(i, i + BATCH_ROOMS));
    const countOf = (r: GeneratedRoom) => perRoom + (r.index < extra ? 1 : 0);

    let done = 0;
    let nextReport = 0.05;
    const t1 = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        await pool.query(batchSql, [batch.map((r) => r.id), batch.map((r) => r.index), batch.map((r) => r.bufferMinutes), batch.map(countOf), cellParam, stride, yearCells.length]);
        done += batch.reduce((s, r) => s + countOf(r), 0);
        if (done / total >= nextReport - 1e-9) {
          const s = (performance.now() - t1) / 1000;
          log(`  ${String(Math.round((done / total) * 100)).padStart(3)} %  ${done} reservations (+ ${done} room_slot rows)  ${Math.round(done / s)} reservations/s  ${s.toFixed(1)} s`);
          nextReport = (Math.floor((done / total) * 20 + 1e-9) + 1) / 20;
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const insertMs = performance.now() - t1;
    const t2 = performance.now();
    await pool.query('ANALYZE reservation');
    await pool.query('ANALYZE room_slot');
    const analyzeMs = performance.now() - t2;
    log(`${done} reservations + ${done} room_slot rows in ${(insertMs / 1000).toFixed(1)} s (${Math.round(done / (insertMs / 1000))} reservations/s), ANALYZE ${Math.round(analyzeMs)} ms`);
    return {
      rooms: generated,
      reservations: done,
      yearStart: from.toMillis(),
      yearEnd: from.plus({ days: 364 }).toMillis(),
      setupMs,
      insertMs,
      analyzeMs,
      rowsPerSecond: done / (insertMs / 1000),
    };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const dir = process.env.DATABASE_URL ? undefined : await benchDir('bench-data');
  const dataDir = dir ? join(dir, 'pg') : '';
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir || undefined, EMBEDDED_PG_PORT: String(await freePort()) });
  const db = await openDatabase(config);
  let result: Generated | undefined;
  try {
    await migrate(db.url);
    result = await generateData(db.url, { rooms: Number(process.env.BENCH_ROOMS ?? 1000), reservations: Number(process.env.BENCH_RESERVATIONS ?? 500_000) });
  } finally {
    await db.stop();
    if (dir) {
      if (postgresProcesses(dataDir).length) {
        console.error('PostgreSQL still running on the generator folder');
        process.exitCode = 1;
      } else if (!process.env.BENCH_KEEP_DATA) await rm(dir, { recursive: true, force: true });
    }
  }
  printTable(
    ['rooms', 'reservations', 'setup ms', 'insert s', 'reservations/s', 'ANALYZE ms'],
    [[result.rooms.length, result.reservations, Math.round(result.setupMs), Number((result.insertMs / 1000).toFixed(1)), Math.round(result.rowsPerSecond), Math.round(result.analyzeMs)]],
  );
  console.log(
    JSON.stringify({
      bench: 'data-generator',
      machine: machine(),
      revision: revision(),
      rooms: result.rooms.length,
      reservations: result.reservations,
      roomSlotRows: result.reservations,
      yearStart: new Date(result.yearStart).toISOString(),
      setupMs: Math.round(result.setupMs),
      insertMs: Math.round(result.insertMs),
      reservationsPerSecond: Math.round(result.rowsPerSecond),
      analyzeMs: Math.round(result.analyzeMs),
    }),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
