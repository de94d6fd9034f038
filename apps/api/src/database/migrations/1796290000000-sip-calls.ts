import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls placed by meetings (issue 11, dial-out): one `sip_call` per reservation and target (a
 * reservation participant of kind SIP, or an endpoint of its rooms with a SIP address and no
 * driver), its live status and the last attempt's outcome; one `sip_call_attempt` per INVITE sent.
 * A call that finally failed is recorded in the attendance as `failed` with its SIP cause.
 */
export class SipCalls1796290000000 implements MigrationInterface {
  name = 'SipCalls1796290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sip_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reservation_id uuid NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
        participant_id uuid REFERENCES reservation_participant (id) ON DELETE CASCADE,
        endpoint_id uuid REFERENCES endpoint (id) ON DELETE CASCADE,
        display_name text NOT NULL,
        sip_uri text NOT NULL,
        direction text NOT NULL DEFAULT 'out' CHECK (direction IN ('out')),
        status text NOT NULL CHECK (status IN ('dialling', 'retrying', 'connected', 'ended', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        sip_status integer,
        cause text CHECK (cause IN ('busy', 'no-answer', 'declined', 'not-found', 'unreachable', 'incompatible', 'meeting-closed', 'failed')),
        reason text,
        call_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        connected_at timestamptz,
        ended_at timestamptz,
        CHECK ((participant_id IS NULL) <> (endpoint_id IS NULL)),
        UNIQUE (reservation_id, participant_id),
        UNIQUE (reservation_id, endpoint_id)
      )`);
    await q.query(`CREATE INDEX sip_call_call_id_idx ON sip_call (call_id) WHERE call_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE sip_call_attempt (
        id bigserial PRIMARY KEY,
        sip_call_id uuid NOT NULL REFERENCES sip_call (id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('connected', 'failed')),
        sip_status integer,
        cause text,
        reason text,
        call_id text
      )`);
    await q.query(`CREATE INDEX sip_call_attempt_call_idx ON sip_call_attempt (sip_call_id, id)`);
    await q.query(`ALTER TABLE meeting_attendance DROP CONSTRAINT meeting_attendance_left_reason_check`);
    await q.query(`ALTER TABLE meeting_attendance ADD CONSTRAINT meeting_attendance_left_reason_check CHECK (left_reason IN ('left', 'disconnected', 'replaced', 'meeting-closed', 'server-stopped', 'failed'))`);
    await q.query(`ALTER TABLE meeting_attendance ADD COLUMN sip_cause text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_attendance DROP COLUMN sip_cause`);
    await q.query(`DELETE FROM meeting_attendance WHERE left_reason = 'failed'`);
    await q.query(`ALTER TABLE meeting_attendance DROP CONSTRAINT meeting_attendance_left_reason_check`);
    await q.query(`ALTER TABLE meeting_attendance ADD CONSTRAINT meeting_attendance_left_reason_check CHECK (left_reason IN ('left', 'disconnected', 'replaced', 'meeting-closed', 'server-stopped'))`);
    await q.query(`DROP TABLE sip_call_attempt`);
    await q.query(`DROP TABLE sip_call`);
  }
}
