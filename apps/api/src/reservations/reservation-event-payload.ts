import type { EventName, ReservationEventPayload } from '@maillage/core';
import type { ApiConfig } from '../config';
import type { OutboxEvent } from '../events/outbox';
import { meetingSipAddress } from '../sip/sip-address';
import type { RoomContext } from './booking-context';
import type { Reservation } from './reservation.entity';

/**
 * The payload of every `reservation.*` event (confirmed, changed, cancelled, reminder…): the
 * reservation as it is now, with its rooms and points, in the order of `contexts`, and the meeting's
 * SIP address when the API runs with SIP (`sip`: ApiConfig.sip), for invitations.
 */
export function reservationEventPayload(r: Reservation, contexts: RoomContext[], sip: ApiConfig['sip']): ReservationEventPayload {
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
    sipUri: meetingSipAddress(sip, r.reference),
  };
}

/** The event of a reservation's change, then `availability.changed` for its rooms and period: written together. */
export function reservationEvents(r: Reservation, contexts: RoomContext[], name: Exclude<EventName & `reservation.${string}`, 'reservation.held'>, sip: ApiConfig['sip']): OutboxEvent[] {
  const payload = reservationEventPayload(r, contexts, sip);
  return [{ name, aggregate: { type: 'reservation', id: r.id }, payload, idempotencyKey: `${name}:${r.id}:${r.sequence}` } as OutboxEvent, availabilityEvent(r, contexts, name)];
}

/** `availability.changed` for a reservation's rooms and period, caused by its event `cause`. */
export function availabilityEvent(r: Reservation, contexts: RoomContext[], cause: EventName): OutboxEvent {
  const roomIds = contexts.map((c) => c.room.id);
  return {
    name: 'availability.changed',
    aggregate: { type: 'reservation', id: r.id },
    payload: { pointIds: [...new Set(contexts.map((c) => c.point.id))], roomIds, from: r.start.toISOString(), to: r.end.toISOString() },
    idempotencyKey: `availability.changed:${r.id}:${r.sequence}:${cause}`,
  };
}
