import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, points, rooms, endpoints, identity, audit. btree_gist for the reservations' exclusion constraints. */
export class Foundation1763840000000 implements MigrationInterface {
  name = 'Foundation1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('NETWORK_OPERATOR','EPCI','COMMUNE','ASSOCIATION','COMPANY')),
        siret text CHECK (siret ~ '^[0-9]{14}$'),
        address text NOT NULL,
        postcode text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
        town text NOT NULL,
        territory_postcodes text[] NOT NULL DEFAULT '{}',
        contact_email text,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE point (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        host_site_type text NOT NULL,
        access_policy text NOT NULL,
        address text NOT NULL,
        postcode text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
        town text NOT NULL,
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        phone text,
        time_zone text NOT NULL DEFAULT 'Europe/Paris',
        accessible_reduced_mobility boolean NOT NULL DEFAULT false,
        independent_entrance boolean NOT NULL DEFAULT false,
        reception_on_site boolean NOT NULL DEFAULT false,
        technician_on_site boolean NOT NULL DEFAULT false,
        network_line text NOT NULL,
        bandwidth_kbps integer NOT NULL CHECK (bandwidth_kbps >= 0),
        fixed_ip text,
        internal_notes text,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','ON_HOLD','DISMANTLED')),
        rules_of_use text,
        opening_schedule jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX point_organisation_idx ON point (organisation_id)`);
    await q.query(`CREATE INDEX point_lat_lon_idx ON point (latitude, longitude)`);
    await q.query(`
      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        point_id uuid NOT NULL REFERENCES point(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        dedicated boolean NOT NULL DEFAULT true,
        equipment text[] NOT NULL DEFAULT '{}',
        UNIQUE (point_id, name)
      )`);
    await q.query(`
      CREATE TABLE endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES room(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL,
        protocol text NOT NULL,
        sip_uri text,
        vendor text,
        model text,
        adapter_id text,
        adapter_config jsonb NOT NULL DEFAULT '{}',
        adapter_secrets text,
        secret_names text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX endpoint_room_idx ON endpoint (room_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('NETWORK_ADMIN','ORGANISATION_ADMIN','POINT_OPERATOR','BOOKER','GUEST')),
        organisation_id uuid REFERENCES organisation(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role = 'NETWORK_ADMIN' OR role = 'GUEST' OR organisation_id IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('ORGANISATION_ADMIN','POINT_OPERATOR','BOOKER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_entry', 'api_key', 'session', 'app_user', 'endpoint', 'room', 'point', 'organisation']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
