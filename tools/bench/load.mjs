#!/usr/bin/env node
// Load generator for tools/bench/*.bench.ts, run as a child process so it does not share an event loop
// (or a core, when the scheduler allows) with the server it measures.
// Usage: node tools/bench/load.mjs '<json>' with {url, method, body?, headers?, connections, durationS, warmupS, expectPrefix?}
// Prints one JSON line: the measured run (after the warm-up) as autocannon reports it, trimmed.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2] ?? '{}');
const connections = Math.min(256, Math.max(1, Number(options.connections ?? 16)));
const durationS = Math.min(120, Math.max(1, Number(options.durationS ?? 10)));
const warmupS = Math.min(60, Math.max(0, Number(options.warmupS ?? 2)));
const prefix = options.expectPrefix;

// Cheap body check, the same for every target: a JSON answer of the expected shape and no GraphQL errors.
const verifyBody = prefix ? (body) => body.startsWith(prefix) && !body.includes('"errors"') : undefined;

const run = (duration) =>
  autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    body: options.body,
    headers: options.headers,
    connections,
    duration,
    timeout: 10,
    verifyBody,
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  });

if (warmupS > 0) await run(warmupS);
const r = await run(durationS);
console.log(
  JSON.stringify({
    connections,
    durationS,
    warmupS,
    requestsTotal: r.requests.total,
    requestsPerSecond: r.requests.average,
    latencyMs: { average: r.latency.average, p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: r.mismatches,
    throughputBytesPerSecond: r.throughput.average,
  }),
);
