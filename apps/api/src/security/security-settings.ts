import { assertRateRule, type AllowEntry, parseAllowList, type RateRule } from '@maillage/core';
import { DEFAULT_OUTBOUND, type SafeFetcherSettings } from './safe-fetch';

/**
 * Abuse limits, outbound-request policy and HTTP hardening, from the environment (README
 * "Configuration"; ADR 0010 and 0009). Every rate rule is `burst` at once, then `perPeriod` every
 * `periodSeconds`, shared by every API instance through PostgreSQL.
 */
export interface SecuritySettings {
  /** RATE_LIMITS=off switches every rate limit off (behind a gateway that limits already; the benchmark's baseline). */
  rateLimitsEnabled: boolean;
  /** TRUST_PROXY: Express's `trust proxy` (unset: the socket's address is the client; e.g. `loopback`, `1`, `10.0.0.0/8`). */
  trustProxy: string | undefined;
  rules: {
    /** Anonymous book / bookMany / bookRecurring per client IP (a bookMany counts once per booking). */
    bookingPerIp: RateRule;
    /** Anonymous bookings per organiser e-mail address. */
    bookingPerOrganiser: RateRule;
    /** Quotes per client IP (anonymous). */
    quotePerIp: RateRule;
    /** Join links and invitations made with an access token (anonymous), per client IP. */
    joinLinkPerIp: RateRule;
    /** Login attempts per client IP. */
    loginPerIp: RateRule;
    /** Failed logins per account: beyond the burst the account is locked until the bucket refills. */
    loginFailuresPerAccount: RateRule;
  };
  /** Anonymous bookings waiting for their e-mail confirmation, at most this many per organiser address. */
  maxPendingHoldsPerEmail: number;
  /** How long an anonymous booking holds its slot before the organiser confirms it by e-mail (BOOKING_HOLD_MINUTES). */
  bookingHoldMinutes: number;
  /** How often the expired holds are released (HOLD_SWEEP_MS). */
  holdSweepMs: number;
  /** Requests per hour of an API key whose quota is not set (API_KEY_QUOTA_PER_HOUR). */
  apiKeyQuotaPerHour: number;
  outbound: SafeFetcherSettings;
  /** HTTP_BODY_LIMIT: largest request body (JSON), e.g. '3mb'. */
  bodyLimit: string;
  /** GRAPHQL_MAX_ALIASES: aliased fields per operation (batched HTTP requests are refused altogether). */
  graphqlMaxAliases: number;
  /** GRAPHQL_ANONYMOUS_PERSISTED_ONLY=1: visitors may only run the web app's persisted operations. */
  anonymousPersistedOnly: boolean;
}

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** `NAME=burst/perPeriod/periodSeconds`, e.g. RATE_BOOKING_PER_IP=10/30/3600. */
function rule(env: NodeJS.ProcessEnv, variable: string, name: string, fallback: [number, number, number]): RateRule {
  const parts = env[variable]?.split('/').map(Number);
  const [burst, perPeriod, periodSeconds] = parts && parts.length === 3 ? parts : fallback;
  return assertRateRule({ name, burst, perPeriod, periodSeconds });
}

export function securitySettings(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  return {
    rateLimitsEnabled: env.RATE_LIMITS !== 'off',
    trustProxy: env.TRUST_PROXY || undefined,
    rules: {
      bookingPerIp: rule(env, 'RATE_BOOKING_PER_IP', 'booking-per-ip', [10, 30, 3600]),
      bookingPerOrganiser: rule(env, 'RATE_BOOKING_PER_ORGANISER', 'booking-per-organiser', [5, 10, 3600]),
      quotePerIp: rule(env, 'RATE_QUOTE_PER_IP', 'quote-per-ip', [60, 120, 60]),
      joinLinkPerIp: rule(env, 'RATE_JOIN_LINK_PER_IP', 'join-link-per-ip', [30, 60, 3600]),
      loginPerIp: rule(env, 'RATE_LOGIN_PER_IP', 'login-per-ip', [30, 120, 3600]),
      loginFailuresPerAccount: rule(env, 'RATE_LOGIN_FAILURES_PER_ACCOUNT', 'login-failures-per-account', [10, 10, 900]),
    },
    maxPendingHoldsPerEmail: num(env.MAX_PENDING_HOLDS_PER_EMAIL, 3),
    bookingHoldMinutes: num(env.BOOKING_HOLD_MINUTES, 30),
    holdSweepMs: num(env.HOLD_SWEEP_MS, 30_000),
    apiKeyQuotaPerHour: num(env.API_KEY_QUOTA_PER_HOUR, 3600),
    outbound: {
      allow: parseAllowList(env.OUTBOUND_ALLOW) as AllowEntry[],
      timeoutMs: num(env.OUTBOUND_TIMEOUT_MS, DEFAULT_OUTBOUND.timeoutMs),
      maxBytes: num(env.OUTBOUND_MAX_BYTES, DEFAULT_OUTBOUND.maxBytes),
      maxRedirects: Math.floor(num(env.OUTBOUND_MAX_REDIRECTS, DEFAULT_OUTBOUND.maxRedirects)),
    },
    bodyLimit: env.HTTP_BODY_LIMIT || '3mb',
    graphqlMaxAliases: Math.floor(num(env.GRAPHQL_MAX_ALIASES, 30)),
    anonymousPersistedOnly: env.GRAPHQL_ANONYMOUS_PERSISTED_ONLY === '1',
  };
}
