// Events relayed per second end to end (outbox row → subscriber), next to the raw insert rate of the
// same rows in the same run. Starts the API in-process (embedded PostgreSQL in tmp/, seeded, port 0),
// registers two subscribers — the in-process bus (what GraphQL subscriptions use) and a durable
// transactional handler (event_delivery row, handled_event record, done; what adapters get minus the
// adapter) — then:
//   1. raw: inserts N rows, in statements of BATCH rows, into a copy of the outbox table (same columns,
//      defaults and indexes, no relay): the database's own insert rate for these rows;
//   2. end to end: inserts the same rows into the outbox and times until both subscribers have seen
//      all N (N/2 reservations × requested + confirmed).
// Settings: BENCH_EVENTS (default 20000), BENCH_BATCH (default 500).
import { ConsoleLogger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { DurableSubscribers } from '../../apps/api/src/events/durable-subscribers';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { EventBus } from '../../apps/api/src/events/event-bus';
import { benchDir, freePort, machine, postgresProcesses, printTable, revision, sleep } from './lib';

const N = Number(process.env.BENCH_EVENTS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);

function rows(count: number, pointId: string): { names: string[]; aggregates: string[]; payloads: string[]; keys: string[] } {
  const out = { names: [] as string[], aggregates: [] as string[], payloads: [] as string[], keys: [] as string[] };
  for (let i = 0; i < count / 2; i++) {
    const id = randomUUID();
    for (const [seq, name] of ['reservation.requested', 'reservation.confirmed'].entries()) {
      out.names.push(name);
      out.aggregates.push(id);
      out.payloads.push(
        JSON.stringify({ reservationId: id, reference: `B-${i}`, status: seq ? 'CONFIRMED' : 'REQUESTED', start: '2031-01-01T09:00:00Z', end: '2031-01-01T10:00:00Z', roomIds: [], pointIds: [pointId], sequence: seq, title: 'Bench', organiser: { name: 'B', email: 'b@example.org' }, timeZone: 'Europe/Paris', rooms: [] }),
      );
      out.keys.push(`${name}:${id}:${seq}`);
    }
  }
  return out;
}

async function insertAll(client: Client, table: string, data: ReturnType<typeof rows>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < data.names.length; i += BATCH) {
    const slice = (a: string[]) => a.slice(i, i + BATCH);
    await client.query(
      `INSERT INTO ${table} (event_type, aggregate_type, aggregate_id, payload, idempotency_key)
       SELECT n, 'reservation', a, p::jsonb, k FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(n, a, p, k)`,
      [slice(data.names), slice(data.aggregates), slice(data.payloads), slice(data.keys)],
    );
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = await benchDir('bench-events');
  const dataDir = join(dir, 'pg');
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  let api: RunningApi | undefined;
  let client: Client | undefined;
  let raw = 0;
  let insertMs = 0;
  const e2e = { bus: 0, durable: 0 };
  try {
    api = await startApi(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    client = new Client(api.databaseUrl);
    await client.connect();
    const [{ id: pointId }] = (await client.query<{ id: string }>(`SELECT id FROM point ORDER BY slug LIMIT 1`)).rows;

    let handled = 0;
    let busDone = 0;
    let durableDone = 0;
    const bus = api.app.get(EventBus);
    let busCount = 0;
    const sub1 = bus.on('reservation.requested').subscribe(() => (++busCount === N ? (busDone = performance.now()) : undefined));
    const sub2 = bus.on('reservation.confirmed').subscribe(() => (++busCount === N ? (busDone = performance.now()) : undefined));
    api.app.get(DurableSubscribers).register('bench', ['reservation.requested', 'reservation.confirmed'], async () => {
      if (++handled === N) durableDone = performance.now();
    });

    await client.query(`CREATE TABLE outbox_raw (LIKE outbox INCLUDING ALL)`);
    raw = await insertAll(client, 'outbox_raw', rows(N, pointId));

    const data = rows(N, pointId);
    const started = performance.now();
    insertMs = await insertAll(client, 'outbox', data);
    const deadline = Date.now() + 10 * 60_000;
    while ((busDone === 0 || durableDone === 0) && Date.now() < deadline) await sleep(20);
    if (busDone === 0 || durableDone === 0) throw new Error(`not all events arrived: bus ${busCount}/${N}, durable ${handled}/${N}`);
    e2e.bus = busDone - started;
    e2e.durable = durableDone - started;
    const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM handled_event WHERE subscriber = 'bench'`)).rows;
    if (n !== N) throw new Error(`handled_event holds ${n} rows, expected ${N}`);
    sub1.unsubscribe();
    sub2.unsubscribe();
  } finally {
    await client?.end();
    if (api) await api.close();
    const left = postgresProcesses(dataDir);
    if (left.length) {
      console.error(`PostgreSQL still running on the benchmark folder: ${left.map((p) => p.pid).join(', ')}`);
      process.exitCode = 1;
    } else await rm(dir, { recursive: true, force: true });
  }
  const perS = (ms: number) => Math.round((N / ms) * 1000);
  printTable(
    ['what', 'events', 'time (ms)', 'events/s'],
    [
      ['raw insert into a copy of outbox (no relay)', N, Math.round(raw), perS(raw)],
      ['insert into outbox (relay running)', N, Math.round(insertMs), perS(insertMs)],
      ['end to end: outbox row → in-process bus (every instance)', N, Math.round(e2e.bus), perS(e2e.bus)],
      ['end to end: outbox row → durable handler (once, recorded)', N, Math.round(e2e.durable), perS(e2e.durable)],
    ],
  );
  console.log(
    JSON.stringify({
      bench: 'events',
      machine: machine(),
      revision: revision(),
      settings: { events: N, batch: BATCH },
      rawInsertPerS: perS(raw),
      busPerS: perS(e2e.bus),
      durablePerS: perS(e2e.durable),
      ratioDurableToRaw: Math.round((perS(e2e.durable) / perS(raw)) * 1000) / 1000,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
