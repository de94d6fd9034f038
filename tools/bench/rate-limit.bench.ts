// Cost of the shared rate limiter (issue 14, ADR 0010) per request, with and without it in the same run:
//  1. the public `quote` query as a visitor (one limiter statement per request, `quote-per-ip`, limits so
//     high that every request passes), against the same API restarted with RATE_LIMITS=off, same database;
//  2. the limiter alone in-process: `take()` per second and µs per call, next to `SELECT 1` on the same pool.
//
//   npm run bench:rate-limit
//   env: BENCH_CONNECTIONS (16), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_CALLS (5000), BENCH_ROUNDS (3)
// The two configurations alternate (off, on, off, on…, BENCH_ROUNDS each) and the medians are compared, so
// that a warmer cache or a busier minute of the machine does not favour one side.
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { RateLimiter } from '../../apps/api/src/security/rate-limiter';
import { benchDir, freePort, load, machine, postgresProcesses, printTable, revision, type LoadResult } from './lib';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CALLS = Number(process.env.BENCH_CALLS ?? 5000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const HIGH = '1000000000/1000000000/1';

async function measure(env: Record<string, string>, pgEnv: Record<string, string>): Promise<{ graphql: LoadResult; take?: { perSecond: number; us: number }; select1?: { perSecond: number; us: number } }> {
  const config = loadConfig({ ...process.env, ...pgEnv, HOST: '127.0.0.1', PORT: '0', SEED: '1', RATE_QUOTE_PER_IP: HIGH, ...env });
  let api: RunningApi | undefined;
  try {
    api = await startApi(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    const db = api.app.get(DataSource);
    const [room] = (await db.query(`SELECT r.id FROM room r JOIN point p ON p.id = r.point_id WHERE p.slug = 'lannion-tregor-communaute-siege' ORDER BY r.name LIMIT 1`)) as { id: string }[];
    const query = `{ quote(input: { roomIds: ["${room.id}"], start: "2027-03-16T10:00:00+01:00", end: "2027-03-16T12:00:00+01:00", requesterCategory: COMPANY, requesterPostcode: "22300" }) { totalInclVatCents } }`;
    const request = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) };
    const graphql = await load({ url: `${api.url}/graphql`, ...request, connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, expectPrefix: '{"data":{"quote":{' });
    if (env.RATE_LIMITS === 'off') return { graphql };
    const limiter = api.app.get(RateLimiter);
    const rule = { name: 'bench', burst: 1e9, perPeriod: 1e9, periodSeconds: 1 };
    const timed = async (work: (i: number) => Promise<unknown>) => {
      const started = process.hrtime.bigint();
      let next = 0;
      await Promise.all(Array.from({ length: CONNECTIONS }, async () => { for (let i = next++; i < CALLS; i = next++) await work(i); }));
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return { perSecond: Math.round((CALLS * 1000) / ms), us: Number(((ms * 1000) / CALLS).toFixed(1)) };
    };
    const select1 = await timed(() => db.query('SELECT 1'));
    const take = await timed((i) => limiter.take(rule, `client-${i % 500}`));
    return { graphql, take, select1 };
  } finally {
    if (api) await api.close();
  }
}

async function main(): Promise<void> {
  const dir = await benchDir('bench-rate-limit');
  const dataDir = join(dir, 'pg');
  const pgEnv = { EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
  const ons: Awaited<ReturnType<typeof measure>>[] = [];
  const offs: Awaited<ReturnType<typeof measure>>[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      offs.push(await measure({ RATE_LIMITS: 'off' }, pgEnv));
      ons.push(await measure({}, pgEnv));
    }
  } finally {
    if (postgresProcesses(dataDir).length) {
      console.error('PostgreSQL still running on the benchmark folder');
      process.exitCode = 1;
    } else await rm(dir, { recursive: true, force: true });
  }
  // The run of median throughput of each configuration.
  const byRate = (runs: typeof ons) => [...runs].sort((a, b) => a.graphql.requestsPerSecond - b.graphql.requestsPerSecond)[Math.floor(runs.length / 2)];
  const on = byRate(ons);
  const off = byRate(offs);
  const take = ons.map((r) => r.take!).sort((a, b) => a.us - b.us)[Math.floor(ons.length / 2)];
  const select1 = ons.map((r) => r.select1!).sort((a, b) => a.us - b.us)[Math.floor(ons.length / 2)];
  console.log(`\nreq/s per round: off ${offs.map((r) => Math.round(r.graphql.requestsPerSecond)).join(', ')}; on ${ons.map((r) => Math.round(r.graphql.requestsPerSecond)).join(', ')} (medians below)`);
  const row = (name: string, g: LoadResult) => [name, Math.round(g.requestsPerSecond), g.latencyMs.p50, g.latencyMs.p97_5, g.latencyMs.p99, g.errors + g.timeouts + g.non2xx + g.mismatches, g.requestsTotal];
  console.log(`\nvisitor quotes over POST /graphql: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured; autocannon in a child process; one embedded PostgreSQL\n`);
  printTable(['target', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'failures', 'requests'], [row('RATE_LIMITS=off (baseline)', off.graphql), row('limiter on (quote-per-ip)', on.graphql)]);
  const ratio = on.graphql.requestsPerSecond / off.graphql.requestsPerSecond;
  console.log(`\nthroughput with / without the limiter: ${ratio.toFixed(3)}  (cost per request: ${((1 / on.graphql.requestsPerSecond - 1 / off.graphql.requestsPerSecond) * 1e6).toFixed(0)} µs of server time at this concurrency)`);
  console.log(`\nin-process, ${CALLS} calls, ${CONNECTIONS} at once, on the API's pool:\n`);
  printTable(['call', 'calls/s', 'µs/call'], [['SELECT 1 (baseline round trip)', select1.perSecond, select1.us], ['RateLimiter.take() (one upsert)', take.perSecond, take.us]]);
  console.log(`take() / SELECT 1 time ratio: ${(take.us / select1.us).toFixed(2)}`);
  if ([...ons, ...offs].map((r) => r.graphql).some((g) => g.errors + g.timeouts + g.non2xx + g.mismatches)) {
    console.error('FAILED: errors, timeouts, non-2xx answers or bad bodies');
    process.exitCode = 1;
  }
  console.log(JSON.stringify({ bench: 'rate-limit', machine: machine(), revision: revision(), rounds: ROUNDS, on: on.graphql, off: off.graphql, take, select1, ratio, perRound: { on: ons.map((r) => r.graphql.requestsPerSecond), off: offs.map((r) => r.graphql.requestsPerSecond) } }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
