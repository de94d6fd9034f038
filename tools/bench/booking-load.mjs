#!/usr/bin/env node
// Load generator for tools/bench/booking.bench.ts, run as a child process (its own event loop, so the API's
// is not shared with the client). Usage: node tools/bench/booking-load.mjs <options.json>
//   {mode: 'burst', url, query, input, count}: `count` identical booking mutations fired at once (Promise.all)
//   {mode: 'pool', url, query, input, roomIds, starts, durationMinutes, concurrency, durationS, warmupS}:
//     `concurrency` workers book room roomIds[i % rooms] at starts[floor(i / rooms)] for ~durationS seconds
//     (after a warm-up), each request a different room or slot; bounded by the number of (room, start) pairs.
//   {mode: 'batch', …pool options, batchSize}: the same bookings, `batchSize` consecutive ones per request
//     (`query` is then the bookMany mutation, variables { inputs }); a request succeeds when every booking of
//     its batch came back.
// Prints one JSON line. Every answer is classified: success (data.book, or all of data.bookMany), CONFLICT,
// or other error.
import { readFileSync } from 'node:fs';

const options = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const TIMEOUT_MS = 30_000;

/** One request; `booked(data)` is the number of bookings the answer confirms. */
async function send(variables, expected, booked) {
  const t0 = performance.now();
  try {
    const res = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: options.query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await res.json();
    const ms = performance.now() - t0;
    if (!body.errors && booked(body.data) === expected) return { kind: 'success', ms };
    const code = body.errors?.[0]?.extensions?.code;
    if (code === 'CONFLICT') return { kind: 'conflict', ms };
    return { kind: 'other', ms, detail: `${res.status} ${code ?? ''} ${body.errors?.[0]?.message ?? JSON.stringify(body).slice(0, 200)}` };
  } catch (error) {
    return { kind: 'other', ms: performance.now() - t0, detail: String(error) };
  }
}

const book = (input) => send({ input }, 1, (data) => (data?.book?.reservation?.id ? 1 : 0));
const bookMany = (inputs) => send({ inputs }, inputs.length, (data) => (data?.bookMany ?? []).filter((b) => b?.reservation?.id).length);

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(results, wallMs, perRequest = 1) {
  const count = (kind) => results.filter((r) => r.kind === kind).length;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const details = [...new Set(results.filter((r) => r.kind === 'other').map((r) => r.detail))].slice(0, 5);
  const round = (v) => Math.round(v * 10) / 10;
  return {
    requests: results.length,
    success: count('success'),
    conflict: count('conflict'),
    other: count('other'),
    otherSamples: details,
    wallMs: round(wallMs),
    perSecond: round((results.length / wallMs) * 1000),
    successPerSecond: round((count('success') / wallMs) * 1000),
    bookingsPerRequest: perRequest,
    bookings: count('success') * perRequest,
    bookingsPerSecond: round(((count('success') * perRequest) / wallMs) * 1000),
    latencyMs: { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(ms[ms.length - 1] ?? NaN) },
  };
}

if (options.mode === 'burst') {
  const count = Math.min(10_000, Math.max(1, Number(options.count)));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => book({ ...options.input, title: `Demande ${i}` })));
  const summary = summarise(results, performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ ...summary, clientCpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
} else if (options.mode === 'pool' || options.mode === 'batch') {
  const { roomIds, starts, durationMinutes } = options;
  const capacity = roomIds.length * starts.length;
  const concurrency = Math.min(512, Math.max(1, Number(options.concurrency)));
  const batchSize = options.mode === 'batch' ? Math.min(1000, Math.max(1, Number(options.batchSize))) : 1;
  let next = 0;
  const task = () => {
    if (next >= capacity) return undefined;
    const i = next++;
    const start = starts[Math.floor(i / roomIds.length)];
    return {
      ...options.input,
      rooms: [{ roomId: roomIds[i % roomIds.length], expectedParticipants: 4 }],
      start: new Date(start).toISOString(),
      end: new Date(start + durationMinutes * 60_000).toISOString(),
    };
  };
  /** The next request's bookings: one, or `batchSize` consecutive ones (a whole batch or nothing). */
  const batch = () => {
    if (next + batchSize > capacity) return undefined;
    return Array.from({ length: batchSize }, task);
  };
  const run = async (seconds) => {
    const results = [];
    const deadline = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let inputs = batch(); inputs && performance.now() < deadline; inputs = batch()) {
          results.push(await (options.mode === 'batch' ? bookMany(inputs) : book(inputs[0])));
        }
      }),
    );
    return summarise(results, performance.now() - t0, batchSize);
  };
  if (Number(options.warmupS) > 0) await run(Number(options.warmupS));
  const cpu0 = process.cpuUsage();
  const measured = await run(Math.min(120, Math.max(1, Number(options.durationS))));
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ ...measured, concurrency, booked: next, clientCpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
} else {
  console.error(`unknown mode ${options.mode}`);
  process.exit(2);
}
