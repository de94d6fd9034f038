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
   * else 127.0.0.1). Without DRACHTIO_URL the API runs without SIP. `dialOut`: how meetings call their
   * SIP participants (SIP_DIAL_ATTEMPTS, SIP_DIAL_RETRY_MS, SIP_DIAL_RING_TIMEOUT_MS).
   */
  sip: { drachtioUrl: string | null; domain: string; dialOut: SipDialOutSettings };
}

/** Dial-out (issue 11): attempts per round (1–10, default 3), the pause between two (ms, 0–3 600 000, default 30 000), how long a call rings (ms, 1 000–300 000, default 30 000). */
export interface SipDialOutSettings {
  attempts: number;
  retryMs: number;
  ringTimeoutMs: number;
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
    sip: { drachtioUrl: env.DRACHTIO_URL?.trim() || null, domain: env.SIP_DOMAIN?.trim() || publicHost(env.PUBLIC_URL) || '127.0.0.1', dialOut: sipDialOutSettings(env) },
  };
}

/** An integer setting within [min, max], its default when unset; anything else stops the start with the variable's name. */
function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  return n;
}

export function sipDialOutSettings(env: NodeJS.ProcessEnv = process.env): SipDialOutSettings {
  return {
    attempts: integerSetting(env, 'SIP_DIAL_ATTEMPTS', 3, 1, 10),
    retryMs: integerSetting(env, 'SIP_DIAL_RETRY_MS', 30_000, 0, 3_600_000),
    ringTimeoutMs: integerSetting(env, 'SIP_DIAL_RING_TIMEOUT_MS', 30_000, 1_000, 300_000),
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
