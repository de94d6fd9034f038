import type { EntityManager } from 'typeorm';
import type { EventMap, EventName } from '@maillage/core';

/**
 * Writes an event in the caller's transaction (the transactional outbox): it exists if and only if
 * the state change committed. The relay publishes outbox rows in id order.
 */
export async function appendEvent<N extends EventName>(
  em: EntityManager,
  name: N,
  aggregate: { type: string; id: string },
  payload: EventMap[N],
  idempotencyKey: string,
): Promise<void> {
  await em.query(
    `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, idempotency_key) VALUES ($1, $2, $3, $4, $5)`,
    [name, aggregate.type, aggregate.id, JSON.stringify(payload), idempotencyKey],
  );
}

/** One event to append: its name, aggregate, payload and idempotency key. */
export type OutboxEvent = { [N in EventName]: { name: N; aggregate: { type: string; id: string }; payload: EventMap[N]; idempotencyKey: string } }[EventName];

/** Several events in one INSERT, in the caller's transaction; the relay publishes them in the order given. */
export async function appendEvents(em: EntityManager, events: readonly OutboxEvent[]): Promise<void> {
  if (!events.length) return;
  await em.query(
    `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, idempotency_key)
     SELECT event_type, aggregate_type, aggregate_id, payload, idempotency_key
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[]) WITH ORDINALITY AS e(event_type, aggregate_type, aggregate_id, payload, idempotency_key, n)
      ORDER BY n`,
    [events.map((e) => e.name), events.map((e) => e.aggregate.type), events.map((e) => e.aggregate.id), events.map((e) => JSON.stringify(e.payload)), events.map((e) => e.idempotencyKey)],
  );
}

/** Like appendEvent, but a second event with the same idempotency key is dropped: returns false then. */
export async function appendEventOnce<N extends EventName>(
  em: EntityManager,
  name: N,
  aggregate: { type: string; id: string },
  payload: EventMap[N],
  idempotencyKey: string,
): Promise<boolean> {
  const inserted: unknown[] = await em.query(
    `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, idempotency_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [name, aggregate.type, aggregate.id, JSON.stringify(payload), idempotencyKey],
  );
  return inserted.length > 0;
}
