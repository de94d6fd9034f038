// DRACHTIO_BIN for `npm start`, `npm test` and the SIP tests: kept when already set, else the path
// printed by build-drachtio.sh (the cached binary in well under a second; the first time on a
// machine it builds it, ~2 min 15 s on 2 cores). See docs/adr/0012-drachtio-built-offline-and-supervised.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'build-drachtio.sh');

/** Sets env.DRACHTIO_BIN when unset and returns it; throws when the build fails. */
export function ensureDrachtioBin(env = process.env) {
  if (env.DRACHTIO_BIN) return env.DRACHTIO_BIN;
  // The script logs on stderr (shown) and prints the path as its last stdout line.
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const bin = result.stdout?.trim().split('\n').pop();
  if (result.status !== 0 || !bin) {
    throw new Error(`${script} failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  env.DRACHTIO_BIN = bin;
  return bin;
}
