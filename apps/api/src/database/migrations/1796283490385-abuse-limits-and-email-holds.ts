import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the shared rate limiter's buckets (UNLOGGED: a crash forgets them, which only resets the
 * limits), anonymous bookings held until their organiser confirms by e-mail (statuses HELD and
 * EXPIRED, the hold's group and deadline), API keys' quotas and allowed origins (CORS, widget framing).
 */
export class AbuseLimitsAndEmailHolds1796283490385 implements MigrationInterface {
  name = 'AbuseLimitsAndEmailHolds1796283490385';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE rate_limit (key text PRIMARY KEY, tat double precision NOT NULL, allowed boolean NOT NULL)`);
    await q.query(`ALTER TABLE reservation DROP CONSTRAINT IF EXISTS reservation_status_check`);
    await q.query(`ALTER TABLE reservation ADD CONSTRAINT reservation_status_check CHECK (status IN ('HELD','EXPIRED','REQUESTED','CONFIRMED','REJECTED','CANCELLED','COMPLETED','NO_SHOW'))`);
    await q.query(`ALTER TABLE reservation ADD COLUMN hold_id uuid, ADD COLUMN hold_expires_at timestamptz, ADD COLUMN hold_needs_approval boolean`);
    await q.query(`ALTER TABLE reservation ADD CONSTRAINT reservation_hold_check CHECK ((status = 'HELD') <= (hold_id IS NOT NULL AND hold_expires_at IS NOT NULL))`);
    await q.query(`CREATE INDEX reservation_held_idx ON reservation (hold_expires_at) WHERE status = 'HELD'`);
    await q.query(`CREATE INDEX reservation_hold_email_idx ON reservation (lower(organiser_email)) WHERE status = 'HELD'`);
    await q.query(`CREATE INDEX reservation_hold_id_idx ON reservation (hold_id) WHERE hold_id IS NOT NULL`);
    await q.query(`ALTER TABLE api_key ADD COLUMN quota_per_hour integer CHECK (quota_per_hour BETWEEN 1 AND 1000000), ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP COLUMN quota_per_hour, DROP COLUMN allowed_origins`);
    await q.query(`ALTER TABLE reservation DROP CONSTRAINT reservation_hold_check`);
    await q.query(`ALTER TABLE reservation DROP COLUMN hold_id, DROP COLUMN hold_expires_at, DROP COLUMN hold_needs_approval`);
    await q.query(`ALTER TABLE reservation DROP CONSTRAINT reservation_status_check`);
    await q.query(`ALTER TABLE reservation ADD CONSTRAINT reservation_status_check CHECK (status IN ('REQUESTED','CONFIRMED','REJECTED','CANCELLED','COMPLETED','NO_SHOW'))`);
    await q.query(`DROP TABLE rate_limit`);
  }
}
