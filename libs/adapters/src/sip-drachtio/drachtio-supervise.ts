/**
 * `npm start`'s drachtio: runs drachtio-server (DRACHTIO_BIN) on 127.0.0.1 and restarts it when it
 * dies, until SIGINT/SIGTERM. tools/start.mjs starts it unless DRACHTIO_URL names an existing
 * server, and gives the API the same DRACHTIO_URL. Settings (env): DRACHTIO_SIP_PORT (5060),
 * DRACHTIO_ADMIN_PORT (9022), DRACHTIO_SECRET (required), DRACHTIO_HOST (127.0.0.1),
 * DRACHTIO_LOGLEVEL (notice). See docs/adr/0012-drachtio-built-offline-and-supervised.md.
 */
import { rmSync } from 'node:fs';
import { DrachtioServer } from './drachtio-server';

async function main(): Promise<void> {
  const bin = process.env.DRACHTIO_BIN;
  const secret = process.env.DRACHTIO_SECRET;
  if (!bin || !secret) throw new Error('DRACHTIO_BIN and DRACHTIO_SECRET are required');
  const log = (message: string) => console.log(`[drachtio] ${message}`);
  const server = await DrachtioServer.start({
    bin,
    secret,
    host: process.env.DRACHTIO_HOST ?? '127.0.0.1',
    sipPort: Number(process.env.DRACHTIO_SIP_PORT ?? 5060),
    adminPort: Number(process.env.DRACHTIO_ADMIN_PORT ?? 9022),
    logLevel: (process.env.DRACHTIO_LOGLEVEL as 'notice' | undefined) ?? 'notice',
    restartDelayMs: 1_000,
    onOutput: (line) => line.trim() && console.log(`[drachtio] ${line}`),
  });
  server.on('exit', ({ code, signal }) => log(`exited (${signal ?? `code ${code}`}): restarting`));
  server.on('restarted', ({ pid, restarts }) => log(`restarted, pid ${pid} (restart ${restarts})`));
  server.on('error', (error) => log(`restart failed: ${error.message}`));
  log(`SIP on ${server.host}:${server.sipPort} (UDP, TCP), admin on ${server.connection.host}:${server.connection.port}, pid ${server.pid}`);
  // Whatever ends this process, the generated configuration (it holds the secret) does not stay behind.
  process.once('exit', () => rmSync(server.configDir, { recursive: true, force: true }));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`[drachtio] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
