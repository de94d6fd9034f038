#!/usr/bin/env node
// `npm test`: typecheck, lint, then every jest project (unit, property-based, integration, end-to-end).
// Extra arguments go to jest, e.g. `npm test -- --selectProjects core`.
// DATABASE_URL=postgres://… runs the database tests on that server instead of an embedded PostgreSQL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ensureMediasoupWorkerBin } from './setup/mediasoup-worker-bin.mjs';
import { ensureDrachtioBin } from './setup/drachtio-bin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const run = (label, command, commandArgs, env = {}) => {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`== ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`Node 24 is required (found ${process.version}); run through npm so the project's pinned node is used.`);
  process.exit(1);
}
const bin = (name) => join(root, 'node_modules', '.bin', name);
if (!process.env.SKIP_STATIC_CHECKS && args.length === 0) {
  run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  // The web app has its own compiler settings (DOM, JSX, bundler resolution).
  run('typecheck admin', bin('tsc'), ['-p', 'apps/admin/tsconfig.json', '--noEmit']);
  // The module-boundary rule reads Nx's project graph; compute it first (a fresh clone has none).
  run('project graph', bin('nx'), ['show', 'projects'], { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' });
  run('lint', bin('eslint'), ['--max-warnings=0', 'apps', 'libs', 'tools']);
}
// The media tests (libs/media, meetings end to end) run a real mediasoup worker: built offline once, then cached (ADR 0006).
console.log('\n== mediasoup worker');
try {
  console.log(`MEDIASOUP_WORKER_BIN=${ensureMediasoupWorkerBin()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// The SIP specs (libs/adapters/src/sip-drachtio) run a real drachtio-server: built offline once, then cached (ADR 0012).
console.log('\n== drachtio server');
try {
  console.log(`DRACHTIO_BIN=${ensureDrachtioBin()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Jest loads NestJS 12 (ESM) through require(esm), which it implements with vm.SourceTextModule.
run('jest', process.execPath, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', join(root, 'node_modules/jest/bin/jest.js'), ...args], {
  NODE_ENV: 'test',
});
