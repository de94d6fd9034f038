import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reservations that cannot collide. Every slot a room is held for — a reservation (with its
 * set-up and tear-down buffers) or a host block of a shared room — is a row of room_slot, and one
 * exclusion constraint forbids two active rows of the same room from overlapping. PostgreSQL, not
 * JavaScript, decides who wins a race (docs/adr/0003-database-enforced-booking-exclusivity.md).
 */
export class Reservations1763850000000 implements MigrationInterface {
  name = 'Reservations1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE point ADD COLUMN booking_policy jsonb`);
    await q.query(`ALTER TABLE room ADD COLUMN booking_policy jsonb`);
    await q.query(`CREATE SEQUENCE reservation_reference_seq`);
    await q.query(`
      CREATE TABLE reservation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE DEFAULT ('MLG-' || lpad(nextval('reservation_reference_seq')::text, 7, '0')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        organiser_name text NOT NULL CHECK (length(organiser_name) BETWEEN 1 AND 200),
        organiser_email text NOT NULL CHECK (length(organiser_email) <= 254),
        organiser_phone text,
        requester_category text NOT NULL CHECK (requester_category IN ('COMPANY','ASSOCIATION','PUBLIC_SERVICE','INDIVIDUAL','INTERNAL')),
        requester_postcode text CHECK (requester_postcode ~ '^[0-9]{5}$'),
        in_territory boolean NOT NULL,
        purpose text NOT NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED','CONFIRMED','REJECTED','CANCELLED','COMPLETED','NO_SHOW')),
        series_id uuid,
        series_index integer,
        access_token_hash text NOT NULL,
        created_by text NOT NULL,
        status_reason text,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_at > start_at)
      )`);
    await q.query(`CREATE INDEX reservation_start_idx ON reservation (start_at)`);
    await q.query(`CREATE INDEX reservation_series_idx ON reservation (series_id) WHERE series_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE room_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES room(id) ON DELETE CASCADE,
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
        kind text NOT NULL CHECK (kind IN ('RESERVATION','HOST_BLOCK')),
        active boolean NOT NULL DEFAULT true,
        reservation_id uuid REFERENCES reservation(id) ON DELETE CASCADE,
        expected_participants integer CHECK (expected_participants BETWEEN 1 AND 1000),
        block_source text,
        block_uid text,
        block_summary text,
        CHECK ((kind = 'RESERVATION') = (reservation_id IS NOT NULL)),
        CONSTRAINT room_slot_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (active)
      )`);
    await q.query(`CREATE INDEX room_slot_reservation_idx ON room_slot (reservation_id)`);
    await q.query(`CREATE UNIQUE INDEX room_slot_block_uid_idx ON room_slot (room_id, block_source, block_uid) WHERE kind = 'HOST_BLOCK'`);
    await q.query(`
      CREATE TABLE reservation_participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reservation_id uuid NOT NULL REFERENCES reservation(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SIP','WEB_GUEST','PHONE')),
        name text,
        email text,
        sip_uri text,
        phone text
      )`);
    await q.query(`CREATE INDEX reservation_participant_idx ON reservation_participant (reservation_id)`);
    await q.query(`
      CREATE TABLE reservation_change (
        id bigserial PRIMARY KEY,
        reservation_id uuid NOT NULL REFERENCES reservation(id) ON DELETE CASCADE,
        kind text NOT NULL,
        actor text NOT NULL,
        reason text,
        from_start timestamptz, from_end timestamptz, to_start timestamptz, to_end timestamptz,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reservation_change_idx ON reservation_change (reservation_id, at)`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        event_type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outbox', 'reservation_change', 'reservation_participant', 'room_slot', 'reservation']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP SEQUENCE IF EXISTS reservation_reference_seq`);
    await q.query(`ALTER TABLE room DROP COLUMN IF EXISTS booking_policy`);
    await q.query(`ALTER TABLE point DROP COLUMN IF EXISTS booking_policy`);
  }
}
