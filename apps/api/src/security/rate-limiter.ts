import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { SecuritySettings } from './security-settings';
import { SECURITY_SETTINGS } from './tokens';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { emissionIntervalMs, rateLimited, type RateRule } from '@maillage/core';

export interface Take {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * The shared rate limiter: one row per key in the UNLOGGED table `rate_limit`, its theoretical arrival
 * time (TAT, ms since the epoch) updated by one statement — `gcra` of @maillage/core written in SQL —
 * so every API instance sees the same buckets, and concurrent requests queue on the row, never race.
 * A key's row is worth nothing once its TAT is past: a sweep deletes those. ADR 0010.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;

  private readonly enabled: boolean;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SECURITY_SETTINGS) settings: SecuritySettings,
  ) {
    this.enabled = settings.rateLimitsEnabled;
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), 5 * 60_000);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** One request of `cost` for `key` under `rule`: allowed (and counted) or refused (nothing counted). */
  async take(rule: RateRule, key: string, cost = 1): Promise<Take> {
    if (!this.enabled) return { allowed: true, retryAfterSeconds: 0 };
    const interval = emissionIntervalMs(rule);
    const [row]: { allowed: boolean; retry_ms: number }[] = await this.db.query(
      `WITH c AS (SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now)
       INSERT INTO rate_limit AS r (key, tat, allowed)
       SELECT $1, c.now + $2, $2 <= $3 + 0.001 FROM c
       ON CONFLICT (key) DO UPDATE SET
         allowed = greatest(r.tat, excluded.tat - $2) + $2 - (excluded.tat - $2) <= $3 + 0.001,
         tat = CASE WHEN greatest(r.tat, excluded.tat - $2) + $2 - (excluded.tat - $2) <= $3 + 0.001
                    THEN greatest(r.tat, excluded.tat - $2) + $2 ELSE r.tat END
       RETURNING allowed, greatest(0, ceil(tat + $2 - $3 - (SELECT now FROM c)))::float8 AS retry_ms`,
      [`${rule.name}:${key}`, interval * cost, interval * rule.burst],
    );
    return { allowed: row.allowed, retryAfterSeconds: row.allowed ? 0 : Math.max(1, Math.ceil(row.retry_ms / 1000)) };
  }

  /** Would one more request pass? Counts nothing (e.g. is an account locked). */
  async peek(rule: RateRule, key: string): Promise<Take> {
    if (!this.enabled) return { allowed: true, retryAfterSeconds: 0 };
    const interval = emissionIntervalMs(rule);
    const [row]: { tat: number | null; now: number }[] = await this.db.query(
      `SELECT (SELECT tat FROM rate_limit WHERE key = $1) AS tat, extract(epoch FROM clock_timestamp()) * 1000 AS now`,
      [`${rule.name}:${key}`],
    );
    const next = Math.max(row.tat ?? 0, row.now) + interval;
    const allowed = next - row.now <= interval * rule.burst + 0.001;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((next - interval * rule.burst - row.now) / 1000)) };
  }

  /** `take`, throwing RATE_LIMITED (with Retry-After) when refused. */
  async enforce(rule: RateRule, key: string, cost = 1): Promise<void> {
    const result = await this.take(rule, key, cost);
    if (!result.allowed) throw rateLimited(rule.name, result.retryAfterSeconds);
  }

  /** Forgets a key (an account's failures after a successful login). */
  async reset(rule: RateRule, key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit WHERE key = $1`, [`${rule.name}:${key}`]);
  }

  async sweep(): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit WHERE tat < extract(epoch FROM clock_timestamp()) * 1000`);
  }
}
