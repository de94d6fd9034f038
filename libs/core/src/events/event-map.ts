/**
 * Every event of the platform: one map from event name to payload type, checked by the compiler.
 * Payloads are JSON (ISO instants as strings) because they travel through the outbox table.
 */
export type ReservationStatus = 'REQUESTED' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'COMPLETED' | 'NO_SHOW';

export interface ReservationEventPayload {
  reservationId: string;
  reference: string;
  status: ReservationStatus;
  start: string;
  end: string;
  roomIds: string[];
  pointIds: string[];
  /** Increases with every change (iCalendar SEQUENCE). */
  sequence: number;
  reason?: string | null;
  title: string;
  organiser: { name: string; email: string };
  /** IANA zone of the first room's point, for invitations. */
  timeZone: string;
  rooms: { roomId: string; roomName: string; pointId: string; pointName: string; address: string }[];
}

export interface AvailabilityChangedPayload {
  pointIds: string[];
  roomIds: string[];
  /** The period whose availability changed. */
  from: string;
  to: string;
}

export interface EventMap {
  'reservation.requested': ReservationEventPayload;
  'reservation.confirmed': ReservationEventPayload;
  'reservation.rejected': ReservationEventPayload;
  'reservation.cancelled': ReservationEventPayload;
  'reservation.changed': ReservationEventPayload;
  'reservation.extended': ReservationEventPayload;
  'reservation.completed': ReservationEventPayload;
  'reservation.no-show': ReservationEventPayload;
  'availability.changed': AvailabilityChangedPayload;
}

export type EventName = keyof EventMap;

export interface DomainEvent<N extends EventName = EventName> {
  /** Unique id of this event (the outbox row's event_id). */
  id: string;
  name: N;
  payload: EventMap[N];
  occurredAt: string;
  /** Handlers that must act once use it to drop duplicates (delivery is at least once). */
  idempotencyKey: string;
}
