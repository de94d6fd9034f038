import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-subscriber delivery of outbox events (retries, backoff, dead letters), handled-event keys for
 * idempotent handlers, and adapter bindings (a point, an adapter, its configuration and sealed secrets).
 */
export class AdaptersAndDelivery1763870000000 implements MigrationInterface {
  name = 'AdaptersAndDelivery1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_delivery (
        id bigserial PRIMARY KEY,
        outbox_id bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        subscriber text NOT NULL,
        aggregate_key text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, subscriber)
      )`);
    await q.query(`CREATE INDEX event_delivery_due_idx ON event_delivery (next_attempt_at, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX event_delivery_order_idx ON event_delivery (subscriber, aggregate_key, outbox_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX event_delivery_dead_idx ON event_delivery (id) WHERE status = 'dead'`);
    await q.query(`
      CREATE TABLE handled_event (
        subscriber text NOT NULL,
        idempotency_key text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscriber, idempotency_key)
      )`);
    await q.query(`
      CREATE TABLE adapter_binding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        point_id uuid NOT NULL REFERENCES point (id) ON DELETE CASCADE,
        adapter_id text NOT NULL,
        config jsonb NOT NULL DEFAULT '{}',
        secrets text,
        secret_names text[] NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX adapter_binding_point_idx ON adapter_binding (point_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['adapter_binding', 'handled_event', 'event_delivery']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
