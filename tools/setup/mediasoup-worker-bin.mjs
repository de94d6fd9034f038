// MEDIASOUP_WORKER_BIN for `npm start`, `npm test` and the media tests: kept when already set, else
// the path printed by build-mediasoup-worker.sh (the cached worker in well under a second; the
// first time on a machine it builds it, ~10 min). See docs/adr/0006-mediasoup-worker-built-offline.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'build-mediasoup-worker.sh');

/** Sets env.MEDIASOUP_WORKER_BIN when unset and returns it; throws when the build fails. */
export function ensureMediasoupWorkerBin(env = process.env) {
  if (env.MEDIASOUP_WORKER_BIN) return env.MEDIASOUP_WORKER_BIN;
  // The script logs on stderr (shown) and prints the path as its last stdout line.
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const bin = result.stdout?.trim().split('\n').pop();
  if (result.status !== 0 || !bin) {
    throw new Error(`${script} failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  env.MEDIASOUP_WORKER_BIN = bin;
  return bin;
}
