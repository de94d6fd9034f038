import { randomUUID } from 'node:crypto';
import type { ReservationEventPayload } from '@maillage/core';

/** A reservation event payload for a point (enough for routing and for the test adapters). */
export function reservationPayload(reservationId: string, pointId: string, sequence: number, status: ReservationEventPayload['status'] = 'CONFIRMED'): ReservationEventPayload {
  return {
    reservationId,
    reference: `T-${reservationId.slice(0, 8)}`,
    status,
    start: '2031-03-03T09:00:00.000Z',
    end: '2031-03-03T10:00:00.000Z',
    roomIds: [],
    pointIds: [pointId],
    sequence,
    reason: null,
    title: 'Test',
    organiser: { name: 'Test', email: 'test@example.org' },
    timeZone: 'Europe/Paris',
    rooms: [],
  };
}

/**
 * SQL and parameters inserting, for each of `reservations` new aggregates, `reservation.requested`
 * then `reservation.confirmed` (2 events per reservation, in order) into the outbox, in one statement.
 */
export function outboxInsert(pointId: string, reservations: number): { text: string; params: unknown[] } {
  const names: string[] = [];
  const ids: string[] = [];
  const payloads: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < reservations; i++) {
    const id = randomUUID();
    for (const [n, name] of (['reservation.requested', 'reservation.confirmed'] as const).entries()) {
      names.push(name);
      ids.push(id);
      payloads.push(JSON.stringify(reservationPayload(id, pointId, n, n === 0 ? 'REQUESTED' : 'CONFIRMED')));
      keys.push(`${name}:${id}:${n}`);
    }
  }
  return {
    text: `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, idempotency_key)
           SELECT n, 'reservation', a, p::jsonb, k FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(n, a, p, k)`,
    params: [names, ids, payloads, keys],
  };
}

export const BIND = `mutation($p: ID!, $a: String!, $c: JSON!, $s: JSON) { bindAdapter(pointId: $p, adapterId: $a, config: $c, secrets: $s) { id adapterId secretNames health { status detail } } }`;

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
