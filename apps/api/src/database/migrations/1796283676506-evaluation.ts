import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation (issue 12): one meeting_record per reservation that ended (completed, no-show, failed,
 * cancelled late), written by a durable event handler from the state of record and replayable; the
 * satisfaction survey's answers (one per respondent: the organiser, each guest); unmet demand
 * (searches with no free slot, refused requests, conflicts at booking); where the remote parties of a
 * reservation come from (postcode in France, or a country).
 */
export class Evaluation1796283676506 implements MigrationInterface {
  name = 'Evaluation1796283676506';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reservation_participant ADD COLUMN origin_postcode text CHECK (origin_postcode ~ '^[0-9]{5}$')`);
    await q.query(`ALTER TABLE reservation_participant ADD COLUMN origin_country text CHECK (origin_country ~ '^[A-Z]{2}$')`);
    await q.query(`
      CREATE TABLE meeting_record (
        reservation_id uuid PRIMARY KEY REFERENCES reservation (id) ON DELETE CASCADE,
        reference text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('COMPLETED', 'NO_SHOW', 'FAILED', 'CANCELLED_LATE')),
        outcome_source text NOT NULL CHECK (outcome_source IN ('host', 'bridge', 'cancellation')),
        is_use boolean NOT NULL,
        booked_start timestamptz NOT NULL,
        booked_end timestamptz NOT NULL,
        actual_start timestamptz,
        actual_end timestamptz,
        month date NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        organisation_ids uuid[] NOT NULL,
        point_id uuid NOT NULL REFERENCES point (id) ON DELETE CASCADE,
        point_ids uuid[] NOT NULL,
        room_ids uuid[] NOT NULL,
        participants_in_room integer NOT NULL CHECK (participants_in_room >= 0),
        browser_guests integer NOT NULL CHECK (browser_guests >= 0),
        sip_systems integer NOT NULL CHECK (sip_systems >= 0),
        phone_participants integer NOT NULL CHECK (phone_participants >= 0),
        requester_category text NOT NULL,
        purpose text NOT NULL,
        internal boolean NOT NULL,
        in_territory boolean NOT NULL,
        destination_scope text NOT NULL CHECK (destination_scope IN ('LOCAL', 'BRITTANY', 'FRANCE', 'ABROAD', 'UNKNOWN')),
        destinations jsonb NOT NULL,
        incidents jsonb NOT NULL,
        failure_incidents integer NOT NULL,
        quote_incl_vat_cents integer,
        factor_table_version integer NOT NULL,
        impact jsonb NOT NULL,
        km_avoided double precision NOT NULL,
        co2e_gross_grams bigint NOT NULL,
        co2e_net_grams bigint NOT NULL,
        time_saved_minutes integer NOT NULL,
        money_saved_cents bigint NOT NULL,
        satisfaction_sum integer NOT NULL DEFAULT 0,
        satisfaction_count integer NOT NULL DEFAULT 0,
        survey_answers integer NOT NULL DEFAULT 0,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_record_month_idx ON meeting_record (month, organisation_id)`);
    await q.query(`CREATE INDEX meeting_record_organisations_idx ON meeting_record USING gin (organisation_ids)`);
    // The yearly report reads this rollup, kept by the record writer in the record's transaction (one
    // row per month × point × category × dimension value; a record adds 4 rows per point). Flags say
    // which rows count a record once for the network (its first point) and once per organisation.
    await q.query(`
      CREATE TABLE meeting_record_rollup (
        month date NOT NULL,
        organisation_id uuid NOT NULL,
        point_id uuid NOT NULL,
        network_primary boolean NOT NULL,
        org_primary boolean NOT NULL,
        requester_category text NOT NULL,
        dim text NOT NULL CHECK (dim IN ('total', 'purpose', 'destination', 'internal')),
        value text NOT NULL,
        records integer NOT NULL,
        completed integer NOT NULL,
        no_show integer NOT NULL,
        failed integer NOT NULL,
        cancelled_late integer NOT NULL,
        booked_minutes bigint NOT NULL,
        km_avoided double precision NOT NULL,
        co2e_gross_grams bigint NOT NULL,
        co2e_net_grams bigint NOT NULL,
        time_saved_minutes bigint NOT NULL,
        money_saved_cents bigint NOT NULL,
        satisfaction_sum bigint NOT NULL,
        satisfaction_count bigint NOT NULL,
        participants_in_room bigint NOT NULL,
        browser_guests bigint NOT NULL,
        sip_systems bigint NOT NULL,
        failure_incidents bigint NOT NULL,
        PRIMARY KEY (month, organisation_id, point_id, network_primary, org_primary, requester_category, dim, value)
      )`);
    await q.query(`
      CREATE TABLE survey_answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reservation_id uuid NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
        respondent text NOT NULL CHECK (respondent = 'organiser' OR respondent ~ '^guest:[0-9a-f-]{36}$'),
        worked boolean NOT NULL,
        replaced_trip boolean NOT NULL,
        trips jsonb NOT NULL DEFAULT '[]',
        people_in_room integer CHECK (people_in_room BETWEEN 0 AND 1000),
        satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        comment text CHECK (length(comment) <= 2000),
        answered_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reservation_id, respondent)
      )`);
    await q.query(`
      CREATE TABLE unmet_demand (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('NO_FREE_SLOT', 'REJECTED', 'CONFLICT')),
        at timestamptz NOT NULL DEFAULT now(),
        month date NOT NULL,
        point_ids uuid[] NOT NULL,
        organisation_ids uuid[] NOT NULL,
        requester_category text,
        reservation_id uuid REFERENCES reservation (id) ON DELETE CASCADE,
        UNIQUE (kind, reservation_id)
      )`);
    await q.query(`CREATE INDEX unmet_demand_month_idx ON unmet_demand (month)`);
    await q.query(`CREATE INDEX unmet_demand_organisations_idx ON unmet_demand USING gin (organisation_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['unmet_demand', 'survey_answer', 'meeting_record_rollup', 'meeting_record']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`ALTER TABLE reservation_participant DROP COLUMN IF EXISTS origin_country`);
    await q.query(`ALTER TABLE reservation_participant DROP COLUMN IF EXISTS origin_postcode`);
  }
}
