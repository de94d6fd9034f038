// The SIP specs' tools (SIPp, baresip, ffmpeg): installed from Debian once by install-sip-test-tools.sh.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'install-sip-test-tools.sh');
let done = false;

/** Installs sipp, baresip and ffmpeg when missing; throws when that fails. */
export function ensureSipTestTools() {
  if (done) return;
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${script} failed (${result.error?.message ?? `exit code ${result.status}`})`);
  done = true;
}
