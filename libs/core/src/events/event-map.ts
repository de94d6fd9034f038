/**
 * Every event of the platform: one map from event name to payload type, checked by the compiler.
 * Payloads are JSON (ISO instants as strings) because they travel through the outbox table.
 */
import type { EndpointState } from '../adapters/endpoint-kind';

export type ReservationStatus = 'HELD' | 'EXPIRED' | 'REQUESTED' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'COMPLETED' | 'NO_SHOW';

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
  /** The meeting's SIP address room systems dial (sip:<reference>@SIP_DOMAIN); absent or null when the API runs without SIP. */
  sipUri?: string | null;
}

/**
 * An anonymous request holds its slots until its organiser confirms it from the e-mail this event asks
 * the point's notification adapter to send (`confirmUrl`, single use, valid until `expiresAt`). Nothing
 * goes to participants before that.
 */
export interface BookingHeldPayload {
  holdId: string;
  pointIds: string[];
  organiser: { name: string; email: string };
  expiresAt: string;
  confirmUrl: string;
  timeZone: string;
  /** Each reservation of the request, with the page where its organiser manages it. */
  reservations: (ReservationEventPayload & { manageUrl: string })[];
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

export type MeetingCloseReason = 'ended' | 'cancelled' | 'closed-by-operator';

/** A live meeting (the reservation's bridge); `pointIds` lets adapters of those points receive it. */
export interface MeetingEventPayload {
  reservationId: string;
  pointIds: string[];
  startsAt: string;
  endsAt: string;
  /** When the bridge closes: the end plus the grace period. */
  closesAt: string;
}

export interface MeetingOpenedPayload extends MeetingEventPayload {
  /** The conferencing adapter that opened the bridge ('mediasoup' when built in) and its bridge id. */
  adapterId: string;
  bridgeId: string;
}

export interface MeetingEndingSoonPayload extends MeetingEventPayload {
  /** True when every room of the reservation is free for `extensionMinutes` after the end. */
  extensionAvailable: boolean;
  extensionMinutes: number;
}

export interface MeetingClosedPayload extends MeetingEventPayload {
  reason: MeetingCloseReason;
}

export interface MeetingParticipantPayload {
  reservationId: string;
  pointIds: string[];
  participantId: string;
  name: string;
  role: 'host' | 'room' | 'guest';
  /** ISO instant of the join or of the departure. */
  at: string;
  /** For `meeting.participant-left`: left, disconnected, replaced (joined again elsewhere), meeting-closed, server-stopped. */
  reason?: string;
}

/** A media worker died; its meetings were moved to a live one (`recovered`) or not. */
export interface MediaIncidentPayload {
  kind: 'worker-died';
  at: string;
  workerPid: number;
  reservationIds: string[];
  detail: string;
  recovered: boolean;
}

export type IncidentSeverity = 'warning' | 'failure';

/**
 * Something went wrong, or may go wrong, under a meeting, a point or a room system: a media worker
 * that died, a SIP call that failed, a room system that failed its pre-call test. One shape for
 * every source, so that operators get one list and the evaluation counts failures by cause.
 */
export interface IncidentPayload {
  incidentId: string;
  /** Dotted, lowercase: '<source area>.<what>', e.g. 'media.worker-died', 'sip.call-failed', 'endpoint.preflight-failed'. */
  kind: string;
  severity: IncidentSeverity;
  /** Who reported it: 'media', an adapter id ('sip-drachtio', 'room-cisco-xapi', …), 'preflight'. */
  source: string;
  /** Machine-readable cause, e.g. 'worker-died', 'sip-486', 'no-answer', 'diagnostics-warning'. */
  cause: string;
  detail: string;
  reservationId: string | null;
  pointIds: string[];
  endpointId: string | null;
  openedAt: string;
  /** Set on `incident.resolved` (and on an incident opened already resolved, e.g. a recovered worker). */
  resolvedAt: string | null;
  resolution: string | null;
}

/** After a meeting that took place, its organiser is asked how it went (e-mail with the survey link). */
export interface SurveyRequestedPayload {
  reservationId: string;
  reference: string;
  title: string;
  pointIds: string[];
  organiser: { name: string; email: string };
  /** Path of the survey page, e.g. '/enquete/<token>' (the token is the only credential; one answer per respondent). */
  surveyPath: string;
}

/** A respondent answered the satisfaction survey of a reservation (the evaluation refines the record). */
export interface SurveySubmittedPayload {
  reservationId: string;
  pointIds: string[];
  respondent: 'organiser' | 'guest';
  satisfaction: number;
}

/** One room system's result in a pre-call test. */
export interface PreflightRoomResult {
  endpointId: string;
  endpointName: string;
  roomId: string;
  roomName: string;
  pointId: string;
  pointName: string;
  outcome: 'ok' | 'warning' | 'failed';
  /** Machine-readable cause when not ok ('offline', 'auth-failed', 'diagnostics-warning', 'call-failed', …). */
  cause: string | null;
  detail: string | null;
}

/**
 * The pre-call test of a reservation's rooms (T-30 `first`, T-15 `second`, or `manual`), with the
 * organiser for the e-mail; `notifyHost` tells notification adapters whether to write to them
 * (the first round always, the second when the result is not ok or changed).
 */
export interface MeetingPreflightPayload {
  reservationId: string;
  reference: string;
  title: string;
  start: string;
  end: string;
  timeZone: string;
  organiser: { name: string; email: string };
  pointIds: string[];
  round: 'first' | 'second';
  outcome: 'ok' | 'warning' | 'failed';
  results: PreflightRoomResult[];
  notifyHost: boolean;
}

/** A room system's status changed (its driver pushed it or a poll saw it). */
export interface EndpointStatusChangedPayload {
  endpointId: string;
  roomId: string;
  pointId: string;
  adapterId: string;
  state: EndpointState;
  previousState: EndpointState | null;
  at: string;
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
  /** An anonymous request waits for its organiser's e-mail confirmation (ADR 0010). */
  'reservation.held': BookingHeldPayload;
  /** A hold nobody confirmed in time: its slots are free again. */
  'reservation.expired': ReservationEventPayload;
  'availability.changed': AvailabilityChangedPayload;
  'concierge.call-status-changed': ConciergeCallStatusChangedPayload;
  'meeting.opened': MeetingOpenedPayload;
  /** Five minutes before the end, once per end time (an extension warns again). */
  'meeting.ending-soon': MeetingEndingSoonPayload;
  'meeting.closed': MeetingClosedPayload;
  'meeting.participant-joined': MeetingParticipantPayload;
  'meeting.participant-left': MeetingParticipantPayload;
  'media.incident': MediaIncidentPayload;
  'incident.opened': IncidentPayload;
  'incident.resolved': IncidentPayload;
  'survey.requested': SurveyRequestedPayload;
  'survey.submitted': SurveySubmittedPayload;
  /** The pre-call test of a reservation's room systems finished (T-30, then T-15). */
  'meeting.preflight': MeetingPreflightPayload;
  'endpoint.status-changed': EndpointStatusChangedPayload;
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
  'reservation.held': true,
  'reservation.expired': true,
  'availability.changed': true,
  'concierge.call-status-changed': true,
  'meeting.opened': true,
  'meeting.ending-soon': true,
  'meeting.closed': true,
  'meeting.participant-joined': true,
  'meeting.participant-left': true,
  'media.incident': true,
  'incident.opened': true,
  'incident.resolved': true,
  'survey.requested': true,
  'survey.submitted': true,
  'meeting.preflight': true,
  'endpoint.status-changed': true,
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
