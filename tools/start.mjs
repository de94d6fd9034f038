#!/usr/bin/env node
// `npm start`: the API on the embedded PostgreSQL (or DATABASE_URL) with the seeded network.
// Runs the TypeScript sources through @swc-node/register (decorator metadata kept, path aliases resolved).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ensureAdminBuilt } from './build-admin.mjs';
import { ensureMediasoupWorkerBin } from './setup/mediasoup-worker-bin.mjs';
import { ensureDrachtioBin } from './setup/drachtio-bin.mjs';
import { randomBytes } from 'node:crypto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Maillage needs Node 24 (found ${process.version}); run it through npm so node_modules/.bin/node (npm package "node") is used.`);
  process.exit(1);
}
// The public directory / admin app (apps/admin), served by the API at `/`: rebuilt when missing or stale.
// A failed build does not stop the API (it then serves GraphQL and the other routes only).
try {
  ensureAdminBuilt();
} catch (error) {
  console.error(`[admin] ${error instanceof Error ? error.message : error}: the API starts without the web app`);
}
// The live meetings' media worker (built offline once, then cached; ADR 0006). Without it the API
// still starts, and a meeting that opens fails with the reason in the log.
try {
  ensureMediasoupWorkerBin();
} catch (error) {
  console.error(`[media] ${error instanceof Error ? error.message : error}: the API starts without live meetings`);
}
const swcEnv = { SWC_NODE_PROJECT: join(root, 'tsconfig.json') };
// The SIP transport for room systems (ADR 0012): drachtio-server on 127.0.0.1, supervised (restarted
// when it dies) by libs/adapters/src/sip-drachtio/drachtio-supervise.ts, unless DRACHTIO_URL names an existing server.
// The API reaches it through DRACHTIO_URL=drachtio://<secret>@<host>:<admin port>. Without the
// binary the API still starts, without SIP.
let drachtio;
if (!process.env.DRACHTIO_URL) {
  try {
    ensureDrachtioBin();
    const secret = process.env.DRACHTIO_SECRET ?? randomBytes(12).toString('hex');
    const host = process.env.DRACHTIO_HOST ?? '127.0.0.1';
    const adminPort = process.env.DRACHTIO_ADMIN_PORT ?? '9022';
    drachtio = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'libs/adapters/src/sip-drachtio/drachtio-supervise.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...swcEnv, ...process.env, DRACHTIO_SECRET: secret, DRACHTIO_HOST: host, DRACHTIO_ADMIN_PORT: adminPort },
    });
    process.env.DRACHTIO_URL = `drachtio://${encodeURIComponent(secret)}@${host}:${adminPort}`;
  } catch (error) {
    console.error(`[drachtio] ${error instanceof Error ? error.message : error}: the API starts without SIP`);
  }
}
const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/api/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...swcEnv, ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
    drachtio?.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  drachtio?.kill('SIGTERM');
  process.exit(code ?? (signal ? 1 : 0));
});
