import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tariffs (issue 4). Price lists are versioned and versions are immutable: a change is a new version,
 * and the previous open-ended version is closed on the new one's first day in the same transaction.
 * PostgreSQL forbids two versions of one list from overlapping (btree_gist exclusion constraint), so
 * a race between two publishers cannot leave an ambiguous history. A confirmed reservation freezes
 * its quote in reservation_quote; allowance_usage records the included minutes each one consumed.
 */
export class Tariffs1763860000000 implements MigrationInterface {
  name = 'Tariffs1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE price_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        point_id uuid REFERENCES point(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One price list per point, and at most one organisation-wide list (used by its points without their own).
    await q.query(`CREATE UNIQUE INDEX price_list_point_idx ON price_list (point_id) WHERE point_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX price_list_organisation_idx ON price_list (organisation_id) WHERE point_id IS NULL`);
    await q.query(`
      CREATE TABLE price_list_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        price_list_id uuid NOT NULL REFERENCES price_list(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to > valid_from),
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT price_list_version_number_key UNIQUE (price_list_id, version),
        CONSTRAINT price_list_version_no_overlap EXCLUDE USING gist (price_list_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
      )`);
    await q.query(`
      CREATE TABLE reservation_quote (
        reservation_id uuid PRIMARY KEY REFERENCES reservation(id) ON DELETE CASCADE,
        price_list_version_id uuid NOT NULL REFERENCES price_list_version(id) ON DELETE RESTRICT,
        point_id uuid NOT NULL REFERENCES point(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        quote jsonb NOT NULL,
        total_excl_vat_cents integer NOT NULL,
        vat_cents integer NOT NULL,
        total_incl_vat_cents integer NOT NULL CHECK (total_incl_vat_cents = total_excl_vat_cents + vat_cents),
        frozen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reservation_quote_organisation_idx ON reservation_quote (organisation_id)`);
    await q.query(`CREATE INDEX reservation_quote_point_idx ON reservation_quote (point_id)`);
    await q.query(`
      CREATE TABLE allowance_usage (
        reservation_id uuid NOT NULL REFERENCES reservation(id) ON DELETE CASCADE,
        allowance_id text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        requester text NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        minutes integer NOT NULL CHECK (minutes > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reservation_id, allowance_id)
      )`);
    await q.query(`CREATE INDEX allowance_usage_balance_idx ON allowance_usage (organisation_id, requester, month)`);
    await q.query(`
      CREATE TABLE operating_cost (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        point_id uuid NOT NULL REFERENCES point(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('CONCIERGE_SUBSCRIPTION','LINE','MAINTENANCE','OTHER')),
        monthly_cents integer CHECK (monthly_cents >= 0),
        amount_cents integer CHECK (amount_cents >= 0),
        date date,
        from_month text CHECK (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        to_month text CHECK (to_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND to_month >= from_month),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CHECK (
          (monthly_cents IS NOT NULL AND from_month IS NOT NULL AND amount_cents IS NULL AND date IS NULL)
          OR (amount_cents IS NOT NULL AND date IS NOT NULL AND monthly_cents IS NULL AND from_month IS NULL AND to_month IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX operating_cost_point_idx ON operating_cost (point_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['operating_cost', 'allowance_usage', 'reservation_quote', 'price_list_version', 'price_list']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
