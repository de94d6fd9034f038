// Points query benchmark: "points within 30 km of Lannion" through the Maillage API (NestJS + GraphQL +
// TypeORM) against a baseline in the same run: a bare node:http server running the same SQL through plain
// `pg` (a Pool of the same size) and answering the same JSON.
//
// Both servers run in this process (one at a time under load), on the same embedded PostgreSQL (tmp/,
// seeded). autocannon runs in a child process (tools/bench/load.mjs): with 2 cores, a load generator in
// the server's event loop would steal its time. Server, load generator and PostgreSQL still share the
// machine's cores, equally for both targets.
//
//   node -r @swc-node/register tools/bench/points-query.bench.ts        (through npx or npm run, for Node 24)
//   env: BENCH_CONNECTIONS (16), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), DB_POOL_SIZE (20, as the API)
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
import { benchDir, freePort, load, machine, postgresProcesses, printTable, revision, sleep, type LoadResult } from './lib';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const POOL_SIZE = Number(process.env.DB_POOL_SIZE ?? 20); // the API's default pool (database/data-source.ts)
const SETTLE_MS = 1000;

const NEAR = { latitude: 48.7326, longitude: -3.4566, radiusKm: 30 }; // Lannion
const FIRST = 20;
const GRAPHQL_QUERY = `{ points(filter:{near:{latitude:${NEAR.latitude},longitude:${NEAR.longitude},radiusKm:${NEAR.radiusKm}}}, first:${FIRST}){ edges { node { distanceKm point { slug name town rooms { name capacity } } } } } }`;
const EXPECT_PREFIX = '{"data":{"points":{"edges":[{';

// ---- Baseline: the SQL PointsQueryService.search + roomsByPoint run, by hand ----

const KM_PER_DEGREE_LAT = 111.2;
const DISTANCE_SQL = `2 * 6371.0088 * asin(least(1, sqrt(
  power(sin(radians(p.latitude - $1) / 2), 2) +
  cos(radians($1)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - $2) / 2), 2))))`;
// Every column of the point (TypeORM lists them one by one, to the same effect), plus the distance.
const POINTS_SQL = `
  SELECT p.*, ${DISTANCE_SQL} AS distance_km
    FROM point p
   WHERE p.status IN ('ACTIVE')
     AND p.latitude BETWEEN $4 AND $5
     AND p.longitude BETWEEN $6 AND $7
     AND ${DISTANCE_SQL} <= $3
   ORDER BY distance_km ASC, p.id ASC`;
const roomsSql = (n: number) =>
  `SELECT id, point_id, name, capacity, dedicated, equipment FROM room
    WHERE point_id IN (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')}) ORDER BY name ASC`;

interface PointRow {
  id: string;
  slug: string;
  name: string;
  town: string;
  distance_km: number;
}
interface RoomRow {
  point_id: string;
  name: string;
  capacity: number;
}

async function nearby(pool: Pool, latitude: number, longitude: number, radiusKm: number, first: number): Promise<unknown> {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const dLon = radiusKm / (KM_PER_DEGREE_LAT * Math.max(0.01, Math.cos((latitude * Math.PI) / 180)));
  const { rows } = await pool.query<PointRow>(POINTS_SQL, [latitude, longitude, radiusKm, latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon]);
  const page = rows.slice(0, first);
  const rooms = page.length ? (await pool.query<RoomRow>(roomsSql(page.length), page.map((p) => p.id))).rows : [];
  return {
    data: {
      points: {
        edges: page.map((p) => ({
          node: {
            distanceKm: Number(p.distance_km),
            point: { slug: p.slug, name: p.name, town: p.town, rooms: rooms.filter((r) => r.point_id === p.id).map((r) => ({ name: r.name, capacity: r.capacity })) },
          },
        })),
      },
    },
  };
}

function startBaseline(databaseUrl: string): Promise<{ url: string; server: Server; pool: Pool }> {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== '/points') {
      res.writeHead(404).end();
      return;
    }
    const num = (name: string, fallback: number) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : fallback);
    nearby(pool, num('latitude', NEAR.latitude), num('longitude', NEAR.longitude), num('radiusKm', NEAR.radiusKm), num('first', FIRST)).then(
      (body) => {
        const json = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      },
    );
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, pool })),
  );
}

// ---- Load ----

// ---- Run ----

async function main(): Promise<void> {
  const dir = await benchDir('bench-points');
  const dataDir = join(dir, 'pg');
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  let api: RunningApi | undefined;
  let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
  const results: Record<'maillage' | 'baseline', LoadResult | undefined> = { maillage: undefined, baseline: undefined };
  try {
    api = await startApi(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    baseline = await startBaseline(api.databaseUrl);
    const apiUrl = `${api.url}/graphql`;
    const baselineUrl = `${baseline.url}/points?latitude=${NEAR.latitude}&longitude=${NEAR.longitude}&radiusKm=${NEAR.radiusKm}&first=${FIRST}`;
    const graphqlRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GRAPHQL_QUERY }) };

    // Both must give the same answer before their speed is compared.
    const fromApi = await (await fetch(apiUrl, graphqlRequest)).json();
    const fromBaseline = await (await fetch(baselineUrl)).json();
    if (JSON.stringify(fromApi) !== JSON.stringify(fromBaseline)) {
      throw new Error(`the baseline does not answer as the API:\nAPI      ${JSON.stringify(fromApi)}\nbaseline ${JSON.stringify(fromBaseline)}`);
    }
    const hits = (fromApi as { data: { points: { edges: unknown[] } } }).data.points.edges.length;
    console.log(`same answer from both: ${hits} points within ${NEAR.radiusKm} km of Lannion`);

    const common = { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, expectPrefix: EXPECT_PREFIX };
    results.baseline = await load({ ...common, url: baselineUrl, method: 'GET' });
    await sleep(SETTLE_MS);
    results.maillage = await load({ ...common, url: apiUrl, ...graphqlRequest });
    // autocannon leaves requests in flight when its time is up: let them finish before closing the pools.
    await sleep(SETTLE_MS);
  } finally {
    if (baseline) {
      await new Promise((done) => baseline!.server.close(done));
      await baseline.pool.end();
    }
    if (api) await api.close();
    const left = postgresProcesses(dataDir);
    if (left.length) {
      console.error(`PostgreSQL still running on the benchmark folder: ${left.map((p) => p.pid).join(', ')}`);
      process.exitCode = 1;
    } else await rm(dir, { recursive: true, force: true });
  }

  const m = results.maillage!;
  const b = results.baseline!;
  const row = (name: string, r: LoadResult) => [
    name,
    Math.round(r.requestsPerSecond),
    r.latencyMs.p50,
    r.latencyMs.p97_5,
    r.latencyMs.p99,
    r.latencyMs.max,
    r.errors + r.timeouts,
    r.non2xx,
    r.mismatches,
    r.requestsTotal,
  ];
  console.log(
    `\n${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured per target; autocannon in a child process;` +
      ` both servers in this process (one loaded at a time), pg pools of ${POOL_SIZE}, one embedded PostgreSQL\n`,
  );
  printTable(
    ['target', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'bad body', 'requests'],
    [row('maillage (POST /graphql)', m), row('baseline (node:http + pg)', b)],
  );
  const ratio = m.requestsPerSecond / b.requestsPerSecond;
  const p50Ratio = m.latencyMs.p50 / b.latencyMs.p50;
  console.log(`\nMaillage / baseline: ${ratio.toFixed(2)}x requests/s, ${p50Ratio.toFixed(2)}x p50 latency`);
  const failures = m.errors + m.timeouts + m.non2xx + m.mismatches + b.errors + b.timeouts + b.non2xx + b.mismatches;
  if (failures) {
    console.error(`FAILED: ${failures} errors, timeouts, non-2xx answers or bad bodies`);
    process.exitCode = 1;
  }
  console.log(
    JSON.stringify({
      bench: 'points-query',
      machine: machine(),
      revision: revision(),
      environment: config.environment,
      setup: { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, poolSize: POOL_SIZE, loadGenerator: 'autocannon, child process', query: GRAPHQL_QUERY },
      maillage: m,
      baseline: b,
      ratio: { requestsPerSecond: Number(ratio.toFixed(3)), p50: Number(p50Ratio.toFixed(3)) },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
