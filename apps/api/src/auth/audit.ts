import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

/** Appends an audit entry inside the caller's transaction. */
export async function audit(em: EntityManager, actor: Actor, action: string, entityType: string, entityId: string, data: Record<string, unknown>): Promise<void> {
  await em.query(`INSERT INTO audit_entry (actor, action, entity_type, entity_id, data) VALUES ($1, $2, $3, $4, $5)`, [
    actor.label,
    action,
    entityType,
    entityId,
    JSON.stringify(data),
  ]);
}
