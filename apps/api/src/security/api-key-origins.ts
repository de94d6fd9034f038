import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const TTL_MS = 10_000;

/**
 * The web origins that EPCI sites call the API from with their API keys (api_key.allowed_origins of
 * keys not revoked), for CORS preflights, which carry no key: a browser on another origin gets no CORS
 * answer at all. Read at most every 10 s per instance. The key's own list is checked again on the
 * request itself (AuthService.resolveActor), and frames the booking widget (frame-ancestors).
 */
@Injectable()
export class ApiKeyOrigins {
  private cached: { at: number; origins: Promise<ReadonlySet<string>> } | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  all(): Promise<ReadonlySet<string>> {
    if (!this.cached || Date.now() - this.cached.at > TTL_MS) {
      const origins = this.db
        .query(`SELECT DISTINCT unnest(allowed_origins) AS origin FROM api_key WHERE revoked_at IS NULL`)
        .then((rows: { origin: string }[]) => new Set(rows.map((r) => r.origin)) as ReadonlySet<string>)
        .catch(() => new Set<string>() as ReadonlySet<string>);
      this.cached = { at: Date.now(), origins };
    }
    return this.cached.origins;
  }

  /** Forget the cache (a key created, changed or revoked on this instance). */
  changed(): void {
    this.cached = undefined;
  }
}
