import type { ReservationEventPayload } from '@maillage/core';
import type { RoomContext } from './booking-context';
import type { Reservation } from './reservation.entity';

/**
 * The payload of every `reservation.*` event (confirmed, changed, cancelled, reminder…): the
 * reservation as it is now, with its rooms and points, in the order of `contexts`.
 */
export function reservationEventPayload(r: Reservation, contexts: RoomContext[]): ReservationEventPayload {
  return {
    reservationId: r.id,
    reference: r.reference,
    status: r.status,
    start: r.start.toISOString(),
    end: r.end.toISOString(),
    roomIds: contexts.map((c) => c.room.id),
    pointIds: [...new Set(contexts.map((c) => c.point.id))],
    sequence: r.sequence,
    reason: r.statusReason,
    title: r.title,
    organiser: { name: r.organiserName, email: r.organiserEmail },
    timeZone: contexts[0].point.timeZone,
    rooms: contexts.map((c) => ({
      roomId: c.room.id,
      roomName: c.room.name,
      pointId: c.point.id,
      pointName: c.point.name,
      address: `${c.point.address}, ${c.point.postcode} ${c.point.town}`,
    })),
  };
}
