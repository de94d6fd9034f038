// Evaluation benchmark (issue 12):
//  (a) a region's yearly report over 1 000 000 meeting records: MetricsService.metrics() (the rollup, as the API
//      answers `evaluationMetrics`) and the same over HTTP GraphQL, next to a same-run baseline: the raw
//      aggregate SQL over meeting_record (one grouping-sets pass computing the same totals, months, categories,
//      purposes, destinations and internal use), for the network and for one EPCI;
//  (b) the coverage computation over every commune of Brittany (1 202, from the dataset packages) with the
//      seeded network's 55 points, next to a bare haversine loop over the same pairs;
//  (c) the cost of recording unmet demand on the availability query: an availability search that finds no slot,
//      over HTTP, with the recorder on and with it replaced by a no-op, alternately.
// Data: tools/bench/data-generator.ts writes the reservations (BENCH_RECORDS, default 1 000 000, over 1 000
// rooms), their points are spread over 40 organisations, then one meeting_record per reservation is written with
// deterministic pseudo-random outcomes and figures, and the rollup is built by the API's own rebuildRollup.
//   node -r @swc-node/register tools/bench/evaluation.bench.ts        (npm run bench:evaluation)
//   env: BENCH_RECORDS (1000000), BENCH_RUNS (30), DATABASE_URL (else an embedded PostgreSQL under tmp/)
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the API's own code, as the e2e tests do
import { startApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { brittanyCommunes } from '../../apps/api/src/evaluation/communes';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { rebuildRollup } from '../../apps/api/src/evaluation/meeting-record-store';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { MetricsService, type Scope } from '../../apps/api/src/evaluation/metrics.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { UnmetDemandRecorder } from '../../apps/api/src/evaluation/unmet-demand';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { SeedService } from '../../apps/api/src/seed/seed.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the coverage engine the API runs
import { bestOpenings, computeCoverage, haversineKm } from '@maillage/core';
import { NETWORK_OPERATOR, SEED_ORGANISATIONS } from '@maillage/seed-data';
import { generateData } from './data-generator';
import { benchDir, freePort, machine, median, postgresProcesses, printTable, revision } from './lib';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const ORGANISATIONS = 40;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const ms = (n: number) => Math.round(n * 10) / 10;

async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn(); // warm-up (plans, caches)
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** One meeting_record per generated reservation: outcomes 80 % completed, 8 % no-show, 6 % failed, 6 % late; figures from a hash of the id. */
const RECORDS_SQL = `
  INSERT INTO meeting_record (reservation_id, reference, outcome, outcome_source, is_use, booked_start, booked_end, month, organisation_id, organisation_ids,
    point_id, point_ids, room_ids, participants_in_room, browser_guests, sip_systems, phone_participants, requester_category, purpose, internal, in_territory,
    destination_scope, destinations, incidents, failure_incidents, factor_table_version, impact, km_avoided, co2e_gross_grams, co2e_net_grams,
    time_saved_minutes, money_saved_cents, satisfaction_sum, satisfaction_count, survey_answers)
  SELECT r.id, r.reference, o.outcome, 'host', o.outcome IN ('COMPLETED', 'FAILED'), r.start_at, r.end_at,
         date_trunc('month', r.start_at AT TIME ZONE 'Europe/Paris')::date, p.organisation_id, ARRAY[p.organisation_id], p.id, ARRAY[p.id], ARRAY[s.room_id],
         2 + h % 6, h % 3, (h / 7) % 2, 0, (ARRAY['COMPANY','ASSOCIATION','PUBLIC_SERVICE','INDIVIDUAL','INTERNAL'])[1 + (h / 11) % 5],
         (ARRAY['COORDINATION','ADMINISTRATION','TECHNICAL_FOLLOW_UP','TRAINING','CLIENT_RELATIONS','RECRUITMENT','HEALTH','EDUCATION','CULTURE','OTHER'])[1 + (h / 13) % 10],
         (h / 11) % 5 = 4, true, (ARRAY['BRITTANY','BRITTANY','FRANCE','ABROAD','UNKNOWN'])[1 + (h / 17) % 5], '[]', '[]', (o.outcome = 'FAILED')::int, 1, '{}',
         k.km, (k.km * 217.6)::bigint, (k.km * 217.6)::bigint - 280, (k.km * 0.86)::int, (k.km * 41)::bigint, CASE WHEN h % 4 = 0 THEN 3 + h % 3 ELSE 0 END, (h % 4 = 0)::int, (h % 4 = 0)::int
    FROM reservation r
    JOIN room_slot s ON s.reservation_id = r.id
    JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id
    CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) AS h) x
    CROSS JOIN LATERAL (SELECT CASE WHEN h % 50 < 40 THEN 'COMPLETED' WHEN h % 50 < 44 THEN 'NO_SHOW' WHEN h % 50 < 47 THEN 'FAILED' ELSE 'CANCELLED_LATE' END AS outcome) o
    CROSS JOIN LATERAL (SELECT CASE WHEN o.outcome = 'COMPLETED' THEN (h % 400)::float8 ELSE 0 END AS km) k`;

/** The baseline: the same figures straight from meeting_record, one grouping-sets pass (no rollup). */
const RAW_SQL = `
  SELECT requester_category, purpose, destination_scope, internal, month,
         GROUPING(requester_category, purpose, destination_scope, internal, month) AS g,
         count(*) AS records, count(*) FILTER (WHERE outcome = 'COMPLETED') AS completed, count(*) FILTER (WHERE outcome = 'NO_SHOW') AS no_show,
         count(*) FILTER (WHERE outcome = 'FAILED') AS failed, count(*) FILTER (WHERE outcome = 'CANCELLED_LATE') AS cancelled_late,
         sum(extract(epoch FROM booked_end - booked_start) / 60) AS booked_minutes, sum(km_avoided) AS km, sum(co2e_gross_grams) AS gross, sum(co2e_net_grams) AS net,
         sum(time_saved_minutes) AS time, sum(money_saved_cents) AS money, sum(satisfaction_sum) AS ssum, sum(satisfaction_count) AS scount,
         sum(participants_in_room) AS room, sum(browser_guests) AS browser, sum(sip_systems) AS sip
    FROM meeting_record
   WHERE month BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR organisation_ids @> ARRAY[$3::uuid])
   GROUP BY GROUPING SETS ((), (requester_category), (purpose), (destination_scope), (internal), (month), (month, requester_category))`;

async function main(): Promise<void> {
  const dir = process.env.DATABASE_URL ? undefined : await benchDir('bench-evaluation');
  const dataDir = dir ? join(dir, 'pg') : '';
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir || undefined, EMBEDDED_PG_PORT: String(await freePort()), PORT: '0', SEED: '0' });
  const api = await startApi({ ...config, environment: 'test', port: 0, seedOnStart: false });
  const ds = new DataSource(dataSourceOptions(api.databaseUrl));
  await ds.initialize();
  try {
    const t0 = performance.now();
    const generated = await generateData(api.databaseUrl, { rooms: 1000, reservations: RECORDS, log: () => undefined });
    const orgs: { id: string }[] = await ds.query(
      `INSERT INTO organisation (slug, name, kind, address, postcode, town) SELECT 'bench-epci-' || i, 'EPCI d''essai ' || i, 'EPCI', '1 place', '22300', 'Lannion' FROM generate_series(1, $1) i RETURNING id`,
      [ORGANISATIONS],
    );
    await ds.query(`UPDATE point SET organisation_id = ($1::uuid[])[1 + (abs(hashtext(id::text)) % $2)]`, [orgs.map((o) => o.id), ORGANISATIONS]);
    const reservationsMs = performance.now() - t0;
    const t1 = performance.now();
    await ds.query(RECORDS_SQL);
    await ds.query(`ANALYZE meeting_record`);
    const recordsMs = performance.now() - t1;
    const t2 = performance.now();
    await ds.transaction((em) => rebuildRollup(em));
    await ds.query(`ANALYZE meeting_record_rollup`);
    const rollupMs = performance.now() - t2;
    const [{ n: records }] = await ds.query(`SELECT count(*)::int AS n FROM meeting_record`);
    const [{ n: rollupRows }] = await ds.query(`SELECT count(*)::int AS n FROM meeting_record_rollup`);
    const [{ first, last }] = await ds.query(`SELECT to_char(min(month), 'YYYY-MM-DD') AS first, to_char(max(month), 'YYYY-MM-DD') AS last FROM meeting_record`);
    const epci = orgs[0].id;
    console.log(`${records} meeting records (${generated.reservations} reservations, ${ORGANISATIONS} EPCIs) over ${first} … ${last}; rollup ${rollupRows} rows`);

    // (a) the yearly report
    const metrics = new MetricsService(ds);
    const region: Scope = { from: first, to: last, organisationId: null, pointId: null, category: null };
    const ofEpci: Scope = { ...region, organisationId: epci };
    const check = await metrics.metrics(region);
    if (check.totals.records !== records) throw new Error(`the report counts ${check.totals.records} records, not ${records}`);
    const regionService = await timed(RUNS, () => metrics.metrics(region));
    // The baseline runs without JIT too, as the service does (JIT compilation costs more than these queries).
    const raw = (organisationId: string | null) => ds.transaction(async (em) => {
      await em.query(`SET LOCAL jit = off`);
      return em.query(RAW_SQL, [first, last, organisationId]);
    });
    const regionRaw = await timed(Math.min(RUNS, 10), () => raw(null));
    const epciService = await timed(RUNS, () => metrics.metrics(ofEpci));
    const epciRaw = await timed(Math.min(RUNS, 10), () => raw(epci));
    // The HTTP run signs in as a network administrator created here (SEED=0 creates none).
    await api.app.get(SeedService).ensureNetworkAdmin('bench@maillage.local', 'bench-password-2026');
    const login = (await (await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(email: "bench@maillage.local", password: "bench-password-2026") { token } }` }) })).json()) as { data: { login: { token: string } } };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.data.login.token}` };
    const gql = JSON.stringify({ query: `query($f: EvaluationFilter!) { evaluationMetrics(filter: $f) { totals { records uses co2eNetKg kmAvoided } byMonth { month uses } byPoint { pointId uses } byCategory { key records } byPurpose { key records } byDestination { key records } internalVsExternal { key records } unmetDemand { rejected } costPerUseEuros } }`, variables: { f: { from: first.slice(0, 7), to: last.slice(0, 7) } } });
    const regionHttp = await timed(RUNS, async () => {
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: gql });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });

    // (b) coverage of Brittany
    const tc = performance.now();
    const communes = brittanyCommunes();
    const loadMs = performance.now() - tc;
    const points = [NETWORK_OPERATOR, ...SEED_ORGANISATIONS].flatMap((o) => o.points.filter((p) => p.status !== 'DISMANTLED').map((p) => ({ id: p.slug, latitude: p.latitude, longitude: p.longitude })));
    const coverage = computeCoverage(communes, points);
    const coverageRuns = await timed(RUNS, () => computeCoverage(communes, points));
    const openingsRuns = await timed(Math.min(RUNS, 10), () => bestOpenings(communes, points, 10));
    const bare = await timed(RUNS, () => {
      let near = 0;
      for (const c of communes) for (const p of points) if (haversineKm(c, p) <= 20) near++;
      return near;
    });

    // (c) unmet demand on the availability query: a Sunday (closed) finds no slot
    const [{ id: roomId }] = await ds.query(`SELECT id FROM room ORDER BY id LIMIT 1`);
    const sunday = new Date(generated.yearStart + 6 * 86_400_000).toISOString();
    const availability = JSON.stringify({ query: `query($i: AvailabilityInput!) { availability(input: $i) { slots { start } } }`, variables: { i: { roomIds: [roomId], from: sunday, to: new Date(Date.parse(sunday) + 86_400_000).toISOString(), durationMinutes: 60 } } });
    const recorder = api.app.get(UnmetDemandRecorder);
    const note = recorder.note.bind(recorder);
    const ask = async () => {
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: availability });
      const body = (await res.json()) as { data?: { availability: { slots: unknown[] } } };
      if (body.data?.availability.slots.length !== 0) throw new Error('expected no free slot');
    };
    const withRecorder: number[] = [];
    const withoutRecorder: number[] = [];
    await ask();
    for (let i = 0; i < 200; i++) {
      recorder.note = i % 2 ? note : () => undefined;
      const t = performance.now();
      await ask();
      (i % 2 ? withRecorder : withoutRecorder).push(performance.now() - t);
    }
    recorder.note = note;
    await recorder.flush();
    const [{ n: noted }] = await ds.query(`SELECT count(*)::int AS n FROM unmet_demand WHERE kind = 'NO_FREE_SLOT'`);

    const rows: (string | number)[][] = [
      ['yearly report, region (service)', ms(median(regionService)), ms(p95(regionService)), ms(median(regionRaw)), Number((median(regionService) / median(regionRaw)).toFixed(3))],
      ['yearly report, region (GraphQL over HTTP)', ms(median(regionHttp)), ms(p95(regionHttp)), ms(median(regionRaw)), Number((median(regionHttp) / median(regionRaw)).toFixed(3))],
      ['yearly report, one EPCI (service)', ms(median(epciService)), ms(p95(epciService)), ms(median(epciRaw)), Number((median(epciService) / median(epciRaw)).toFixed(3))],
      [`coverage, ${communes.length} communes × ${points.length} points`, ms(median(coverageRuns)), ms(p95(coverageRuns)), ms(median(bare)), Number((median(coverageRuns) / median(bare)).toFixed(3))],
      ['best openings (every commune as a site)', ms(median(openingsRuns)), ms(p95(openingsRuns)), ms(median(bare)), Number((median(openingsRuns) / median(bare)).toFixed(3))],
      ['availability without a slot, recorder on / off', ms(median(withRecorder)), ms(p95(withRecorder)), ms(median(withoutRecorder)), Number((median(withRecorder) / median(withoutRecorder)).toFixed(3))],
    ];
    printTable(['what', 'median ms', 'p95 ms', 'baseline median ms', 'ratio'], rows);
    console.log(
      JSON.stringify({
        bench: 'evaluation',
        machine: machine(),
        revision: revision(),
        records,
        rollupRows,
        setup: { reservationsS: ms(reservationsMs / 1000), recordsS: ms(recordsMs / 1000), rollupS: ms(rollupMs / 1000) },
        report: { regionServiceMs: ms(median(regionService)), regionServiceP95Ms: ms(p95(regionService)), regionHttpMs: ms(median(regionHttp)), regionHttpP95Ms: ms(p95(regionHttp)), regionRawSqlMs: ms(median(regionRaw)), epciServiceMs: ms(median(epciService)), epciRawSqlMs: ms(median(epciRaw)) },
        coverage: { communes: communes.length, approximateCentres: communes.filter((c) => c.approximateCentre).length, points: points.length, share: Number(coverage.share.toFixed(4)), datasetLoadMs: ms(loadMs), computeMs: ms(median(coverageRuns)), bestOpeningsMs: ms(median(openingsRuns)), bareHaversineMs: ms(median(bare)) },
        unmetDemand: { withRecorderMs: ms(median(withRecorder)), withoutRecorderMs: ms(median(withoutRecorder)), noted },
        target: { yearlyReportMs: 200, met: median(regionHttp) < 200 && median(regionService) < 200 },
      }),
    );
  } finally {
    await ds.destroy();
    await api.close();
    if (dir) {
      if (postgresProcesses(dataDir).length) {
        console.error('PostgreSQL still running on the benchmark folder');
        process.exitCode = 1;
      } else await rm(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
