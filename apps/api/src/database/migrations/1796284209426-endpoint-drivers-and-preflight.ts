import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room hardware drivers (issue 13): the live status of each endpoint as its driver last reported
 * it, and the pre-call tests — one run per reservation and round (T-30 'first', T-15 'second';
 * the unique key makes several API instances run it once, a lease lets another take over a run
 * whose instance died) and one result per endpoint tested (rounds, and 'manual' for "test now").
 */
export class EndpointDriversAndPreflight1796284209426 implements MigrationInterface {
  name = 'EndpointDriversAndPreflight1796284209426';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE endpoint
        ADD COLUMN live_state text CHECK (live_state IN ('idle', 'in-call', 'connecting', 'standby', 'offline', 'error')),
        ADD COLUMN live_status jsonb,
        ADD COLUMN status_at timestamptz`);
    await q.query(`
      CREATE TABLE preflight_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reservation_id uuid NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
        round text NOT NULL CHECK (round IN ('first', 'second')),
        claimed_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz NOT NULL,
        finished_at timestamptz,
        outcome text CHECK (outcome IN ('ok', 'warning', 'failed')),
        UNIQUE (reservation_id, round)
      )`);
    await q.query(`
      CREATE TABLE preflight_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid REFERENCES preflight_run (id) ON DELETE CASCADE,
        reservation_id uuid REFERENCES reservation (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
        round text NOT NULL CHECK (round IN ('first', 'second', 'manual')),
        outcome text NOT NULL CHECK (outcome IN ('ok', 'warning', 'failed')),
        cause text,
        detail text,
        checks jsonb NOT NULL DEFAULT '[]',
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        UNIQUE (run_id, endpoint_id)
      )`);
    await q.query(`CREATE INDEX preflight_result_endpoint_idx ON preflight_result (endpoint_id, finished_at DESC)`);
    await q.query(`CREATE INDEX preflight_result_reservation_idx ON preflight_result (reservation_id, finished_at) WHERE reservation_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preflight_result`);
    await q.query(`DROP TABLE preflight_run`);
    await q.query(`ALTER TABLE endpoint DROP COLUMN live_state, DROP COLUMN live_status, DROP COLUMN status_at`);
  }
}
