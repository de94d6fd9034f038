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

/** A concierge vendor reported a call's new status through its signed webhook. */
export interface ConciergeCallStatusChangedPayload {
  bindingId: string;
  pointId: string;
  vendorCallId: string;
  status: 'scheduled' | 'tested' | 'in-progress' | 'completed' | 'failed' | 'cancelled';
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
  /** Emitted by the platform the day before a confirmed reservation starts (notification adapters send a reminder). */
  'reservation.reminder': ReservationEventPayload;
  'availability.changed': AvailabilityChangedPayload;
  'concierge.call-status-changed': ConciergeCallStatusChangedPayload;
}

export type EventName = keyof EventMap;

/**
 * Every key of EventMap, once. `satisfies` makes the compiler refuse a name missing here (or one
 * that is not in EventMap): add an event to both.
 */
const EVENT_NAME_SET = {
  'reservation.requested': true,
  'reservation.confirmed': true,
  'reservation.rejected': true,
  'reservation.cancelled': true,
  'reservation.changed': true,
  'reservation.extended': true,
  'reservation.completed': true,
  'reservation.no-show': true,
  'reservation.reminder': true,
  'availability.changed': true,
  'concierge.call-status-changed': true,
} as const satisfies Record<EventName, true>;

/** The event names known at run time (manifests, the outbox and the bus check names against it). */
export const EVENT_NAMES: readonly EventName[] = Object.freeze(Object.keys(EVENT_NAME_SET) as EventName[]);

export const isEventName = (name: string): name is EventName => Object.prototype.hasOwnProperty.call(EVENT_NAME_SET, name);

export interface DomainEvent<N extends EventName = EventName> {
  /** Unique id of this event (the outbox row's event_id). */
  id: string;
  name: N;
  payload: EventMap[N];
  occurredAt: string;
  /** Handlers that must act once use it to drop duplicates (delivery is at least once). */
  idempotencyKey: string;
}
