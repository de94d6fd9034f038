// Tariff quotes benchmark (issue 4): quotes per second for a realistic price list,
//  1. in-process: the pure engine `quote()` from @maillage/core (validation included, as the API calls it);
//  2. over GraphQL: the public `quote` query of the API (loads the rooms, the point's price list and
//     versions, the requester's allowance balance; computes off-hours minutes from the opening hours),
//     on an embedded PostgreSQL in tmp/, seeded; autocannon in a child process (tools/bench/load.mjs).
//
//   node -r @swc-node/register tools/bench/quotes.bench.ts
//   env: BENCH_CONNECTIONS (16), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_ENGINE_MS (3000)
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { Client } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark measures the engine itself
import { type PriceListVersion, quote, type QuoteRequest } from '@maillage/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
import { benchDir, freePort, load, machine, postgresProcesses, printTable, revision, sleep, type LoadResult } from './lib';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const ENGINE_MS = Number(process.env.BENCH_ENGINE_MS ?? 3000);

/** The study's territory tariff with everything switched on: day cap, minimum, surcharges, an allowance, a promotion month. */
const REALISTIC: PriceListVersion = {
  id: 'bench',
  version: 3,
  validFrom: '2015-01-01',
  currency: 'EUR',
  vatRateBp: 2000,
  pricesInclude: 'INCL_VAT',
  unit: { kind: 'SLOT', hours: 2 },
  dayCapCents: 7000,
  rates: (['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL'] as const).flatMap((category) => [
    { category, territory: 'IN' as const, amountCents: category === 'ASSOCIATION' ? 1500 : 3000 },
    { category, territory: 'OUT' as const, amountCents: 4500, dayCapCents: 10500 },
  ]),
  surcharges: [{ when: 'OFF_HOURS', percent: 25 }, { when: 'WEEKEND', percent: 25, fixedCents: 1000 }],
  allowances: [{ id: 'pepiniere-1h', label: 'Forfait pépinière', categories: ['COMPANY'], minutesPerMonth: 60 }],
  promotions: [{ kind: 'FREE_MONTHS', months: ['2016-09'] }],
  minimumChargeCents: 1000,
  rounding: 'HALF_UP',
};

const at = (iso: string) => new Date(iso).getTime();
const REQUESTS: QuoteRequest[] = [
  { start: at('2016-03-15T09:00:00Z'), end: at('2016-03-15T11:00:00Z'), timeZone: 'Europe/Paris', category: 'COMPANY', territory: 'IN', offHoursMinutes: 0, allowanceBalance: {}, priorUsesByRequester: 2 },
  { start: at('2016-03-15T16:00:00Z'), end: at('2016-03-15T19:30:00Z'), timeZone: 'Europe/Paris', category: 'COMPANY', territory: 'OUT', offHoursMinutes: 90, allowanceBalance: { 'pepiniere-1h': 30 }, priorUsesByRequester: 5 },
  { start: at('2016-03-19T08:00:00Z'), end: at('2016-03-19T17:00:00Z'), timeZone: 'Europe/Paris', category: 'ASSOCIATION', territory: 'IN', offHoursMinutes: 0, allowanceBalance: {}, priorUsesByRequester: 0 },
  { start: at('2016-03-14T08:00:00Z'), end: at('2016-03-16T17:00:00Z'), timeZone: 'Europe/Paris', category: 'PUBLIC_SERVICE', territory: 'OUT', offHoursMinutes: 600, allowanceBalance: {}, priorUsesByRequester: 1 },
];

function engineRun(): { quotes: number; ms: number; perSecond: number; usPerQuote: number } {
  // warm-up
  for (let i = 0; i < 20_000; i++) quote(REALISTIC, REQUESTS[i % REQUESTS.length]);
  let n = 0;
  let sink = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ENGINE_MS) {
    for (let i = 0; i < 1000; i++, n++) sink += quote(REALISTIC, REQUESTS[n % REQUESTS.length]).totalInclVatCents;
    elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  }
  if (sink < 0) console.log(sink);
  return { quotes: n, ms: Math.round(elapsed), perSecond: Math.round((n * 1000) / elapsed), usPerQuote: Number(((elapsed * 1000) / n).toFixed(2)) };
}

async function main(): Promise<void> {
  console.log(`engine: ${ENGINE_MS} ms of quote() on a realistic price list (${REALISTIC.rates.length} rates, cap, minimum, 2 surcharges, allowance, promotion), 4 request shapes`);
  const engine = engineRun();
  printTable(['target', 'quotes/s', 'µs/quote', 'quotes'], [['engine quote() in-process', engine.perSecond, engine.usPerQuote, engine.quotes]]);

  const dir = await benchDir('bench-quotes');
  const dataDir = join(dir, 'pg');
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  let api: RunningApi | undefined;
  let graphql: LoadResult | undefined;
  let query = '';
  try {
    api = await startApi(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    const db = new Client(api.databaseUrl);
    await db.connect();
    const { rows } = await db.query<{ id: string }>(
      `SELECT r.id FROM room r JOIN point p ON p.id = r.point_id WHERE p.slug = 'lannion-tregor-communaute-siege' ORDER BY r.name LIMIT 1`,
    );
    await db.end();
    query = `{ quote(input: { roomIds: ["${rows[0].id}"], start: "2027-03-16T10:00:00+01:00", end: "2027-03-16T12:00:00+01:00", requesterCategory: COMPANY, requesterPostcode: "22300", requesterEmail: "eco@example.org" }) { version totalExclVatCents vatCents totalInclVatCents lines { kind label amountInclVatCents } } }`;
    const request = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) };
    const first = await (await fetch(`${api.url}/graphql`, request)).text();
    console.log(`\nGraphQL answer: ${first}`);
    graphql = await load({ url: `${api.url}/graphql`, ...request, connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, expectPrefix: '{"data":{"quote":{' });
    await sleep(1000);
  } finally {
    if (api) await api.close();
    if (postgresProcesses(dataDir).length) {
      console.error('PostgreSQL still running on the benchmark folder');
      process.exitCode = 1;
    } else await rm(dir, { recursive: true, force: true });
  }
  const g = graphql!;
  console.log(`\n${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured; autocannon in a child process; one embedded PostgreSQL\n`);
  printTable(
    ['target', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'bad body', 'requests'],
    [['quote over POST /graphql', Math.round(g.requestsPerSecond), g.latencyMs.p50, g.latencyMs.p97_5, g.latencyMs.p99, g.latencyMs.max, g.errors + g.timeouts, g.non2xx, g.mismatches, g.requestsTotal]],
  );
  if (g.errors + g.timeouts + g.non2xx + g.mismatches) {
    console.error('FAILED: errors, timeouts, non-2xx answers or bad bodies');
    process.exitCode = 1;
  }
  console.log(JSON.stringify({ bench: 'quotes', machine: machine(), revision: revision(), engine, graphql: g, setup: { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, query } }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
