#!/usr/bin/env node
// Builds apps/admin (Vite) into apps/admin/dist when the build is missing or older than its sources.
// Used by `npm start` (tools/start.mjs) and the browser tests; `--force` always builds.
// VITE_* variables (e.g. VITE_TILE_URL) are read at build time: pass --force after changing them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'apps/admin');
const builtIndex = join(app, 'dist/index.html');

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when apps/admin/dist is missing or older than src/, index.html or the Vite config. */
export function adminBuildIsStale() {
  if (!existsSync(builtIndex)) return true;
  const sources = ['src', 'index.html', 'vite.config.mts', 'public'].map((p) => join(app, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs;
}

const lockDir = join(app, '.build-lock');
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * One build at a time (two test workers starting together, or a test while `npm start` builds): the others
 * wait for it instead of emptying dist/ under a server that serves it. A lock left by a dead process is taken over.
 */
function withBuildLock(work) {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(existsSync(join(lockDir, 'pid')) ? readFileSync(join(lockDir, 'pid'), 'utf8') : 0);
      if ((owner && !alive(owner)) || Date.now() > deadline) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds when stale (or forced); returns what it did. Throws when Vite fails. */
export function ensureAdminBuilt({ force = false, log = console.log } = {}) {
  if (!force && !adminBuildIsStale()) return 'fresh';
  return withBuildLock(() => build({ force, log }));
}

function build({ force, log }) {
  // Another process may have built it while this one waited for the lock.
  if (!force && !adminBuildIsStale()) return 'fresh';
  log('[admin] building apps/admin with Vite…');
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(app, 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...process.env },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
  log(`[admin] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureAdminBuilt({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
