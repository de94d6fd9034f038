import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live meetings (issue 6): the state of each reservation's bridge (opened, warned, closed and why),
 * who joined and left when (the evaluation reads it), and the media incidents (a worker that died,
 * the meetings it carried, whether they recovered).
 */
export class Meetings1763880000000 implements MigrationInterface {
  name = 'Meetings1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        reservation_id uuid PRIMARY KEY REFERENCES reservation (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        adapter_id text NOT NULL,
        binding_id uuid,
        bridge_id text NOT NULL,
        opened_at timestamptz NOT NULL,
        ending_soon_for timestamptz,
        closed_at timestamptz,
        close_reason text CHECK (close_reason IN ('ended', 'cancelled', 'closed-by-operator')),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX meeting_open_idx ON meeting (reservation_id) WHERE status = 'OPEN'`);
    await q.query(`
      CREATE TABLE meeting_attendance (
        id bigserial PRIMARY KEY,
        reservation_id uuid NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
        participant_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        role text NOT NULL CHECK (role IN ('host', 'room', 'guest')),
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        left_reason text CHECK (left_reason IN ('left', 'disconnected', 'replaced', 'meeting-closed', 'server-stopped')),
        CHECK ((left_at IS NULL) = (left_reason IS NULL)),
        CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    await q.query(`CREATE INDEX meeting_attendance_reservation_idx ON meeting_attendance (reservation_id, joined_at)`);
    await q.query(`
      CREATE TABLE media_incident (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        kind text NOT NULL,
        worker_pid integer,
        reservation_ids uuid[] NOT NULL DEFAULT '{}',
        detail text NOT NULL,
        recovered boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX media_incident_occurred_idx ON media_incident (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['media_incident', 'meeting_attendance', 'meeting']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
