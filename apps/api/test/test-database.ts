import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEMPLATE_DB } from './global-setup';

export interface TestDatabase {
  url: string;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A database cloned from the migrated template (see global-setup.ts), with a direct connection. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.MAILLAGE_TEST_SERVER_URL;
  if (!server) throw new Error('MAILLAGE_TEST_SERVER_URL is set by apps/api/test/global-setup.ts');
  const name = `maillage_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client(server);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const direct = new Client(url.toString());
  await direct.connect();
  return {
    url: url.toString(),
    sql: async (text, params) => (await direct.query(text, params)).rows,
    drop: async () => {
      await direct.end().catch(() => undefined);
      const c = new Client(server);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
