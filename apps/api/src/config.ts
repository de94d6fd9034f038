import { join, resolve } from 'node:path';
import { mediaOptionsFromEnv, type MediaServerOptions } from '@maillage/media';
import { graceMinutes } from './meetings/meeting-times';
import { securitySettings, type SecuritySettings } from './security/security-settings';

/** Every setting the API reads from the environment, in one place (documented in the README). */
export interface ApiConfig {
  /** postgres://… of a PostgreSQL server; when absent, an embedded PostgreSQL is started. */
  databaseUrl?: string;
  /** Data folder of the embedded PostgreSQL. */
  embeddedDataDir: string;
  embeddedPort: number;
  host: string;
  port: number;
  /** 'production' hides internal error messages; anything else is development. */
  environment: 'production' | 'development' | 'test';
  /** Seed the Brittany network on start (idempotent). */
  seedOnStart: boolean;
  /** Bootstrap network admin created by the seed, when both are set. */
  adminEmail?: string;
  adminPassword?: string;
  /** Key used to encrypt adapter secrets at rest (32+ chars). */
  secretKey: string;
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  /** Meetings stay joinable this long after their end (MEETING_GRACE_MINUTES, default 5). */
  meetingGraceMinutes: number;
  /** The media server (mediasoup workers) of the live meetings: MEDIASOUP_WORKER_BIN, MAILLAGE_MEDIA_*. */
  media: MediaServerOptions;
  /** PUBLIC_URL: where the platform's links (e-mails, the widget) point; unset: the address the API listens on. */
  publicUrl?: string;
  /** Abuse limits, e-mail holds, outbound requests, HTTP hardening (security/security-settings.ts). */
  security: SecuritySettings;
  /**
   * Room systems over SIP (issue 11): DRACHTIO_URL (drachtio://<secret>@<host>:<admin port>, set by
   * `npm start`) and SIP_DOMAIN, the host part of the meetings' addresses (default: PUBLIC_URL's host,
   * else 127.0.0.1). Without DRACHTIO_URL the API runs without SIP.
   */
  sip: { drachtioUrl: string | null; domain: string };
}

export const repoRoot = resolve(__dirname, '..', '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const environment = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedDataDir: resolve(env.EMBEDDED_PG_DIR ?? join(repoRoot, '.data', 'pg')),
    embeddedPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    environment,
    seedOnStart: env.SEED !== '0',
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    secretKey: env.MAILLAGE_SECRET_KEY ?? 'development-only-secret-key-change-me!!',
    graphqlMaxDepth: Number(env.GRAPHQL_MAX_DEPTH ?? 12),
    graphqlMaxCost: Number(env.GRAPHQL_MAX_COST ?? 20000),
    meetingGraceMinutes: graceMinutes(env),
    media: mediaOptionsFromEnv(env),
    publicUrl: env.PUBLIC_URL || undefined,
    security: securitySettings(env),
    sip: { drachtioUrl: env.DRACHTIO_URL?.trim() || null, domain: env.SIP_DOMAIN?.trim() || publicHost(env.PUBLIC_URL) || '127.0.0.1' },
  };
}

function publicHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
