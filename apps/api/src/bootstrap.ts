import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { ApiConfig } from './config';
import { migrate } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { SeedService, type SeedReport } from './seed/seed.service';
import { SignallingWsAdapter } from './meetings/signalling-ws.adapter';
import { DataSource } from 'typeorm';
import { ApiKeyOrigins } from './security/api-key-origins';
import { applyHttpHardening } from './security/http-hardening';
import { PublicUrl } from './security/public-url';

export interface RunningApi {
  app: INestApplication;
  /** http://host:port */
  url: string;
  databaseUrl: string;
  seed?: SeedReport;
  /** The built web app (apps/admin/dist) served at `/`, when there is one. */
  webAppDir?: string;
  close(): Promise<void>;
}

/** Paths the API owns: never answered with the web app's index.html. */
const API_PATHS = /^\/(graphql|healthz|metrics|ical|statements|webhooks|evaluation)(\/|$)/;

/**
 * Serves the built web app (apps/admin/dist; ADMIN_DIST overrides) as static files at `/`, and its
 * index.html for any other GET asking for HTML (client-side routes such as /points/<id>). Registered
 * before Nest's routes; API paths pass through untouched. Returns the folder, or undefined if not built.
 */
export function serveWebApp(app: NestExpressApplication, dir = process.env.ADMIN_DIST ?? resolve(__dirname, '../../admin/dist')): string | undefined {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  app.use((req: Request, res: Response, next: NextFunction) => {
    // A join link (/rejoindre/<payload>.<signature>), a survey link (/enquete/…) or a confirmation link
    // (/confirmer/<hold>.<expiry>.<signature>) may end like a file name: it is still a page.
    const looksLikeFile = /\.[a-z0-9]+$/i.test(req.path) && !/^\/(rejoindre|enquete|confirmer)\//.test(req.path);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html') || looksLikeFile) return next();
    if (req.path === '/' || !req.path.startsWith('/assets/')) {
      res.setHeader('cache-control', 'no-cache');
      return res.sendFile(index);
    }
    next();
  });
  app.useStaticAssets(dir, { index: false, maxAge: '1y', immutable: true, fallthrough: true });
  return dir;
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
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...config, databaseUrl: db.url }), { logger, rawBody: true });
    app.enableShutdownHooks();
    // Before every route: proxy trust, body limit, security headers, CORS for API keys' origins, persisted operations (ADR 0010).
    applyHttpHardening(app, config.security, { origins: app.get(ApiKeyOrigins), db: app.get(DataSource) });
    // The meetings' signalling gateway (@nestjs/websockets), next to graphql-ws on the same server.
    app.useWebSocketAdapter(new SignallingWsAdapter(app));
    const webAppDir = serveWebApp(app);
    let seed: SeedReport | undefined;
    if (config.seedOnStart) {
      const seeder = app.get(SeedService);
      seed = await seeder.seedNetwork((line) => logger.log(line, 'Seed'));
      seed.admin = await seeder.ensureNetworkAdmin(config.adminEmail, config.adminPassword);
    }
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://${config.host}:${address.port}`;
    app.get(PublicUrl).listening(url);
    return {
      app,
      url,
      databaseUrl: db.url,
      seed,
      webAppDir,
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
