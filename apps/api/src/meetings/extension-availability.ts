import type { EntityManager } from 'typeorm';
import { checkBookingRequest } from '@maillage/core';
import { loadRoomContexts, openAround } from '../reservations/booking-context';
import { EXTENSION_MINUTES } from './meeting-times';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Could a reservation be extended by EXTENSION_MINUTES now? The rules of `extendReservation`
 * (opening hours, maximum duration, no lead time) for every one of its rooms, and no other slot of
 * those rooms in the way (their set-up and tear-down buffers included).
 */
export async function extensionAvailable(
  em: EntityManager,
  r: { id: string; start: number; end: number; roomIds: string[]; category: string },
  now: number,
): Promise<boolean> {
  try {
    const contexts = await loadRoomContexts(em, r.roomIds, ['id'], { requireActivePoint: false });
    const end = r.end + EXTENSION_MINUTES * MINUTE;
    for (const ctx of contexts) {
      const busy: { start: Date; end: Date }[] = await em.query(
        `SELECT lower(during) AS start, upper(during) AS end FROM room_slot
          WHERE active AND room_id = $1 AND reservation_id IS DISTINCT FROM $2 AND during && tstzrange($3, $4, '[)')`,
        [ctx.room.id, r.id, new Date(r.start - DAY), new Date(end + DAY)],
      );
      checkBookingRequest({
        policy: { ...ctx.policy, minLeadMinutes: 0 },
        open: openAround(ctx, r.start, end),
        start: r.start,
        end,
        now: Math.min(now, r.start),
        category: r.category,
        timeZone: ctx.point.timeZone,
        busy: busy.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
      });
    }
    return contexts.length > 0;
  } catch {
    return false;
  }
}
