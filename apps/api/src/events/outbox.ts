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
