import 'reflect-metadata';
import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import type { ApiConfig } from './config';
import { migrate } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { SeedService, type SeedReport } from './seed/seed.service';

export interface RunningApi {
  app: INestApplication;
  /** http://host:port */
  url: string;
  databaseUrl: string;
  seed?: SeedReport;
  close(): Promise<void>;
}

/** The database the config names, or an embedded PostgreSQL started for this process. */
export async function openDatabase(config: ApiConfig): Promise<{ url: string; stop(): Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  return startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort);
}

export function createLogger(config: ApiConfig): LoggerService {
  return new ConsoleLogger({
    json: config.environment === 'production',
    logLevels: config.environment === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
}

/** Database, migrations, seed, HTTP: everything `npm start` and the end-to-end tests run. */
export async function startApi(config: ApiConfig, logger: LoggerService = createLogger(config)): Promise<RunningApi> {
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db.url);
    if (applied.length) logger.log(`migrations applied: ${applied.join(', ')}`, 'Database');
    const app = await NestFactory.create(AppModule.forRoot({ ...config, databaseUrl: db.url }), { logger, rawBody: true });
    app.enableShutdownHooks();
    let seed: SeedReport | undefined;
    if (config.seedOnStart) {
      const seeder = app.get(SeedService);
      seed = await seeder.seedNetwork((line) => logger.log(line, 'Seed'));
      seed.admin = await seeder.ensureNetworkAdmin(config.adminEmail, config.adminPassword);
    }
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    return {
      app,
      url: `http://${config.host}:${address.port}`,
      databaseUrl: db.url,
      seed,
      close: async () => {
        await app.close();
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
