import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents: one table for whatever went wrong under a meeting, a point or a room system (a media
 * worker that died, a SIP call that failed, a room system that failed its pre-call test), so that
 * operators get one list and the evaluation counts failures by cause. The media incidents of
 * issue 6 move into it (one row per meeting the worker carried). Attendance gets its channel: a
 * browser (WebRTC) or a room system over SIP.
 */
export class Incidents1796283000000 implements MigrationInterface {
  name = 'Incidents1796283000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$' AND length(kind) <= 80),
        severity text NOT NULL CHECK (severity IN ('warning', 'failure')),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 80),
        cause text NOT NULL CHECK (length(cause) BETWEEN 1 AND 120),
        detail text NOT NULL CHECK (length(detail) <= 2000),
        reservation_id uuid REFERENCES reservation (id) ON DELETE SET NULL,
        point_ids uuid[] NOT NULL DEFAULT '{}',
        endpoint_id uuid REFERENCES endpoint (id) ON DELETE SET NULL,
        data jsonb NOT NULL DEFAULT '{}',
        opened_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolution text CHECK (length(resolution) <= 2000),
        resolved_by text,
        dedupe_key text UNIQUE,
        CHECK (resolved_at IS NULL OR resolved_at >= opened_at),
        CHECK (resolved_at IS NOT NULL OR (resolution IS NULL AND resolved_by IS NULL))
      )`);
    await q.query(`CREATE INDEX incident_opened_idx ON incident (opened_at)`);
    await q.query(`CREATE INDEX incident_reservation_idx ON incident (reservation_id) WHERE reservation_id IS NOT NULL`);
    await q.query(`CREATE INDEX incident_endpoint_idx ON incident (endpoint_id, opened_at) WHERE endpoint_id IS NOT NULL`);
    await q.query(`CREATE INDEX incident_points_idx ON incident USING gin (point_ids)`);
    await q.query(`CREATE INDEX incident_open_idx ON incident (opened_at) WHERE resolved_at IS NULL`);
    // Media incidents of issue 6: one incident per meeting the worker carried (or one without a meeting).
    await q.query(`
      INSERT INTO incident (kind, severity, source, cause, detail, reservation_id, point_ids, data, opened_at, resolved_at, resolution, resolved_by, dedupe_key)
      SELECT 'media.worker-died', CASE WHEN m.recovered THEN 'warning' ELSE 'failure' END, 'media', m.kind, m.detail, r.id,
             COALESCE((SELECT array_agg(DISTINCT room.point_id) FROM room_slot s JOIN room ON room.id = s.room_id WHERE s.reservation_id = r.id), '{}'),
             jsonb_build_object('workerPid', m.worker_pid), m.occurred_at,
             CASE WHEN m.recovered THEN m.occurred_at END, CASE WHEN m.recovered THEN 'Meeting moved to a new media worker' END,
             CASE WHEN m.recovered THEN 'system' END,
             'media.worker-died:' || m.id || ':' || COALESCE(r.id::text, '-')
        FROM media_incident m
        LEFT JOIN LATERAL unnest(m.reservation_ids) AS u(id) ON true
        LEFT JOIN reservation r ON r.id = u.id`);
    await q.query(`DROP TABLE media_incident`);
    await q.query(`ALTER TABLE meeting_attendance ADD COLUMN channel text NOT NULL DEFAULT 'browser' CHECK (channel IN ('browser', 'sip'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_attendance DROP COLUMN channel`);
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
    await q.query(`DROP TABLE incident`);
  }
}
