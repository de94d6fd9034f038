import { loadConfig } from './config';
import { createLogger, startApi } from './bootstrap';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config);
  const api = await startApi(config, logger);
  const admin = api.seed?.admin;
  logger.log(`Maillage API ready in ${Date.now() - started} ms`, 'Main');
  if (api.webAppDir) logger.log(`web app (directory): ${api.url}/   admin console: ${api.url}/admin`, 'Main');
  else logger.log('web app not built (apps/admin/dist missing): run `node tools/build-admin.mjs`', 'Main');
  logger.log(`GraphQL: ${api.url}/graphql   health: ${api.url}/healthz   metrics: ${api.url}/metrics`, 'Main');
  logger.log(
    process.env.MEDIASOUP_WORKER_BIN
      ? `live meetings: join links ${api.url}/rejoindre/<token> (createJoinLink), signalling ${api.url.replace(/^http/, 'ws')}/meet/ws`
      : 'live meetings: no mediasoup worker (MEDIASOUP_WORKER_BIN unset): meetings cannot open; see README "Media worker"',
    'Main',
  );
  if (admin?.password) logger.log(`first network admin created: ${admin.email} / ${admin.password} (shown once)`, 'Main');
  else if (admin) logger.log(`network admin: ${admin.email}`, 'Main');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`, 'Main');
    await api.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
