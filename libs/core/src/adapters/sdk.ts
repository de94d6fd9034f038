/**
 * The adapter SDK: what a vendor implements to plug a bridge, a room system, a concierge service or
 * a notification channel into Maillage, without reading our internals. An adapter is a package
 * exporting an `AdapterDefinition`; the API's adapter host loads one instance per binding (a point,
 * with its configuration and secrets), calls `init` once and `dispose` once, and contains failures:
 * an adapter that throws or hangs never takes the host down nor blocks other adapters.
 */
import type { DomainEvent, EventName, MeetingCloseReason } from '../events/event-map';
import type { SipCallHost, SipUserAgent } from './sip-host';

export type AdapterKind = 'conferencing' | 'endpoint' | 'concierge' | 'notification';

/** A JSON Schema (draft 2020-12 subset) for the binding's configuration; it also drives the admin form. */
export interface ConfigSchema {
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required?: string[];
  additionalProperties?: boolean;
}

export interface JsonSchemaProperty {
  type: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  enum?: (string | number)[];
  format?: 'uri' | 'email' | 'hostname';
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: string | number | boolean;
  /** Stored encrypted, write-only: never returned by the API. */
  secret?: boolean;
}

export interface AdapterManifest {
  /** Stable id, lowercase-kebab, e.g. 'notification-smtp'. */
  id: string;
  kind: AdapterKind;
  /** Semver of the adapter. */
  version: string;
  displayName: string;
  /** What it can do, e.g. ['email', 'ical-invitation'], ['schedule-call', 'pre-call-test', 'webhooks']. */
  capabilities: string[];
  configSchema: ConfigSchema;
  /** Events the host delivers to `handle`. */
  subscribes: EventName[];
}

export interface AdapterLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Clock {
  now(): number;
}

/** Read-only view of the binding's secrets (decrypted by the host). */
export interface SecretStore {
  get(name: string): string | undefined;
}

export interface HttpClient {
  fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number }): Promise<{ status: number; headers: Record<string, string>; text(): Promise<string> }>;
}

/**
 * Remembers the idempotency keys an adapter has acted on, so that an event delivered twice (delivery
 * is at least once) has one effect. The host gives each binding its own store, backed by the
 * database so that it survives a restart; `MemoryIdempotencyStore` is the in-process default.
 * Call `seen` before the effect and `remember` after it succeeded: a crash between the two repeats
 * the effect once (at least once), never loses it.
 */
export interface IdempotencyStore {
  seen(key: string): Promise<boolean>;
  remember(key: string): Promise<void>;
}

export interface AdapterContext<Config = Record<string, unknown>> {
  /**
   * Validated against the manifest's configSchema (secrets excluded, defaults filled in) with
   * `validateAdapterConfig`. Declare Config as a `type` alias, not an `interface`, so that the
   * definition fits a registry of `AnyAdapterDefinition`.
   */
  config: Config;
  secrets: SecretStore;
  logger: AdapterLogger;
  clock: Clock;
  http: HttpClient;
  /** Publishes an event back to the platform (e.g. a vendor status change). */
  publish<N extends EventName>(name: N, payload: DomainEvent<N>['payload']): Promise<void>;
  /** Optional: where the adapter records handled idempotency keys; absent, use a MemoryIdempotencyStore. */
  idempotency?: IdempotencyStore;
  /**
   * Optional host capability: the platform's built-in meeting bridge (mediasoup). The built-in
   * conferencing adapter opens and closes bridges and issues join links through it; a vendor adapter
   * ignores it and calls its own service over `http` instead.
   */
  bridges?: BridgeHost;
  /**
   * Optional host capability: meetings and media for a SIP gateway adapter (sip-drachtio), which
   * owns SIP signalling and SDP and asks the host which meeting a call is for and to open its media.
   */
  sip?: SipCallHost;
  /**
   * Optional host capability: the SIP gateway's user agent (calls placed by a meeting, OPTIONS), for
   * drivers of SIP room systems (endpoint-sip). Absent when the platform runs without SIP.
   */
  sipAgent?: SipUserAgent;
}

/** The built-in bridge, as the host offers it to conferencing adapters. */
export interface BridgeHost {
  /** Opens (idempotently) the bridge of a reservation; the bridge id is the reservation id. */
  open(meeting: { reservationId: string; start: string; end: string }): Promise<{ bridgeId: string }>;
  /** Closes it: participants are told why, then disconnected. Closing a closed bridge does nothing. */
  close(bridgeId: string, reason: MeetingCloseReason): Promise<void>;
  /** A signed join link for one participant (usable from 10 minutes before the start until the end plus the grace period). */
  issueJoinLink(bridgeId: string, participant: { name: string; role: 'room' | 'guest' | 'host' }): Promise<JoinInfo>;
}

export interface AdapterHealth {
  status: 'up' | 'degraded' | 'down';
  detail?: string;
}

/**
 * What every adapter instance offers, whatever its kind. An instance is single-use: `init` once,
 * then `handle` and the kind's methods, then `dispose`. The host wraps every call in
 * `runContained` (a throw or a hang becomes a typed failure after the host's time-out).
 */
export interface AdapterInstance {
  /** Called once before anything else; may reject (then the host marks the binding down). After `dispose` it rejects: the host creates a new instance instead. */
  init(): Promise<void>;
  /** Idempotent: a second call resolves and does nothing. Called when the binding is removed or the host stops. */
  dispose(): Promise<void>;
  health(): Promise<AdapterHealth>;
  /**
   * Handles one event the manifest subscribes to. Delivery is at least once: use
   * `event.idempotencyKey` to act once.
   */
  handle?(event: DomainEvent): Promise<void>;
}

export interface JoinInfo {
  url: string;
  /** The bearer credential inside `url`, when the bridge uses one (the built-in bridge's signed join token). */
  token?: string;
  sipUri?: string;
  dialInPhone?: string;
  validFrom: string;
  validUntil: string;
}

export interface ConferencingAdapter extends AdapterInstance {
  openBridge(meeting: { reservationId: string; start: string; end: string }): Promise<{ bridgeId: string }>;
  /** `reason` (optional for vendors that cannot say it) is what participants are told. */
  closeBridge(bridgeId: string, reason?: MeetingCloseReason): Promise<void>;
  joinInfo(bridgeId: string, participant: { name: string; role: 'room' | 'guest' | 'host' }): Promise<JoinInfo>;
}

/** The endpoint (room hardware) kind: `EndpointAdapter`, `EndpointStatus` and the shared `EndpointState` live in endpoint-kind.ts. */
export type { EndpointAdapter, EndpointStatus } from './endpoint-kind';

export type ConciergeCallStatus = 'scheduled' | 'tested' | 'in-progress' | 'completed' | 'failed' | 'cancelled';

export interface ConciergeAdapter extends AdapterInstance {
  scheduleCall(call: { reservationId: string; start: string; end: string; participants: { name: string; phone?: string; sipUri?: string }[] }): Promise<{ vendorCallId: string }>;
  cancelCall(vendorCallId: string): Promise<void>;
  requestPreCallTest(vendorCallId: string): Promise<void>;
  openTicket(ticket: { subject: string; description: string; pointId: string }): Promise<{ vendorTicketId: string }>;
  /** Verifies and decodes a vendor webhook (signature, replay); throws a DomainError when refused. */
  receiveWebhook(request: { headers: Record<string, string>; rawBody: string }): Promise<{ vendorCallId: string; status: ConciergeCallStatus }>;
}

export interface NotificationAdapter extends AdapterInstance {
  /** Sends what the platform asks explicitly (e.g. the reminder the day before). */
  /**
   * `messageId`: give the same id when the same message may be sent again (delivery is at least once:
   * a crash after the mail server accepted a message and before it was recorded resends it); mail
   * systems recognise the copy by its Message-ID.
   */
  notify(message: { to: string; subject: string; text: string; calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string }; messageId?: string }): Promise<{ messageId: string }>;
}

export interface AdapterDefinition<Config = Record<string, unknown>, Instance extends AdapterInstance = AdapterInstance> {
  manifest: AdapterManifest;
  /** Builds an instance; must not do I/O (that is `init`'s job). */
  create(context: AdapterContext<Config>): Instance;
}

/** A definition whatever its Config and kind: what the `ADAPTERS` registry of libs/adapters holds. */
export type AnyAdapterDefinition = AdapterDefinition<Record<string, unknown>, AdapterInstance>;
