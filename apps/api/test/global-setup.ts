import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate } from '../src/database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same worker binary npm start and npm test use
import { ensureMediasoupWorkerBin } from '../../../tools/setup/mediasoup-worker-bin.mjs';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

export const TEMPLATE_DB = 'maillage_test_template';

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set (CI runs both paths), else an
 * embedded one in tmp/. A migrated template database is made once; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  // The meeting tests run a real mediasoup worker, also when jest is run without `npm test`.
  ensureMediasoupWorkerBin();
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!serverUrl) {
    const dir = join(__dirname, '..', '..', '..', 'tmp', `test-pg-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dir, await freePort());
    serverUrl = embedded.url;
    (globalThis as { __embeddedPg?: { db: EmbeddedDatabase; dir: string } }).__embeddedPg = { db: embedded, dir };
  }
  const admin = new Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await migrate(templateUrl.toString());
  process.env.MAILLAGE_TEST_SERVER_URL = serverUrl;
  console.log(`\n[test database] ${embedded ? 'embedded PostgreSQL' : 'PostgreSQL server from DATABASE_URL'}: ${new URL(serverUrl).host}`);
}
