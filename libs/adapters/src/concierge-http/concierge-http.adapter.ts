/**
 * concierge-http: Maillage's side of the generic concierge-vendor contract (./openapi.json).
 * Schedules a call with the vendor when a reservation is confirmed, cancels it when the reservation
 * is cancelled or rejected, asks for pre-call tests, opens tickets, and verifies the vendor's signed
 * status webhooks (HMAC-SHA256, 300 s tolerance, replay protection).
 */
import {
  conflict,
  DomainError,
  invalidInput,
  MemoryIdempotencyStore,
  type AdapterContext,
  type AdapterDefinition,
  type AdapterHealth,
  type ConciergeAdapter,
  type ConciergeCallStatus,
  type DomainEvent,
  type EventName,
  type IdempotencyStore,
  type ReservationEventPayload,
} from '@maillage/core';
import { inMemoryConciergeHttpStores, type ConciergeHttpStores } from './stores';
import { headerValue, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature, WEBHOOK_TOLERANCE_SECONDS } from './webhook-signature';

import {
  conciergeHttpManifest,
  ConciergeVendorError,
  DEFAULT_TIMEOUT_MS,
  HEALTH_TIMEOUT_MS,
  mapVendorStatus,
  VENDOR_STATUS_MAPPING,
  type ConciergeHttpConfig,
  type ConciergeVendorOperation,
  type ProblemDetails,
} from './concierge-http.contract';

export * from './concierge-http.contract';

export interface ConciergeWebhookResult {
  vendorCallId: string;
  status: ConciergeCallStatus;
  eventId: string;
  occurredAt: string;
  /** Known when the call was scheduled through this adapter's store. */
  reservationId?: string;
  detail?: string;
}

type ScheduledCall = Parameters<ConciergeAdapter['scheduleCall']>[0];
type ReservationEventName = 'reservation.confirmed' | 'reservation.cancelled' | 'reservation.rejected';

function isHandledEvent(event: DomainEvent): event is DomainEvent<ReservationEventName> {
  return (conciergeHttpManifest.subscribes as readonly EventName[]).includes(event.name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

export class ConciergeHttpAdapter implements ConciergeAdapter {
  private state: 'created' | 'ready' | 'disposed' = 'created';
  private lastFailure?: { at: number; message: string };
  /** One chain of work per reservation, so that two deliveries of one event never race. */
  private readonly locks = new Map<string, Promise<void>>();
  /** Platform events already acted on: the host's (database) store, or an in-memory one. */
  readonly idempotency: IdempotencyStore;

  constructor(
    private readonly context: AdapterContext<ConciergeHttpConfig>,
    readonly stores: ConciergeHttpStores = inMemoryConciergeHttpStores(),
  ) {
    this.idempotency = context.idempotency ?? new MemoryIdempotencyStore();
  }

  async init(): Promise<void> {
    for (const field of ['baseUrl', 'callbackUrl'] as const) {
      const value = this.context.config[field];
      if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
        throw invalidInput(['config', field], `concierge-http: ${field} must be an http(s) URL`);
      }
    }
    this.secret('apiKey');
    this.secret('webhookSecret');
    this.state = 'ready';
  }

  async dispose(): Promise<void> {
    this.state = 'disposed';
  }

  /** Asks the vendor (`GET /health`, with the API key, short time-out): down when unreachable or the key is refused. */
  async health(): Promise<AdapterHealth> {
    if (this.state !== 'ready') return { status: 'down', detail: this.state === 'created' ? 'not initialised' : 'disposed' };
    try {
      await this.request('health', 'GET', '/health', undefined, {}, Math.min(this.timeoutMs(), HEALTH_TIMEOUT_MS));
    } catch (error) {
      if (!(error instanceof ConciergeVendorError)) throw error;
      const down = error.status === null || error.status === 401 || error.status === 403;
      return { status: down ? 'down' : 'degraded', detail: error.message };
    }
    if (this.lastFailure) return { status: 'degraded', detail: `vendor answers; last request failed: ${this.lastFailure.message}` };
    return { status: 'up' };
  }

  async handle(event: DomainEvent): Promise<void> {
    this.assertReady();
    if (!isHandledEvent(event)) {
      throw invalidInput(['event', 'name'], `concierge-http does not handle event "${event.name}" (subscribes to ${conciergeHttpManifest.subscribes.join(', ')})`);
    }
    assertReservationPayload(event);
    if (await this.idempotency.seen(event.idempotencyKey)) return;
    await this.serialised(event.payload.reservationId, async () => {
      if (await this.idempotency.seen(event.idempotencyKey)) return;
      if (event.name === 'reservation.confirmed') await this.scheduleReservation(event.payload, event.idempotencyKey);
      else await this.cancelReservation(event.payload.reservationId);
      await this.idempotency.remember(event.idempotencyKey);
    });
  }

  async scheduleCall(call: ScheduledCall, options: { idempotencyKey?: string } = {}): Promise<{ vendorCallId: string }> {
    this.assertReady();
    const body = { ...call, callbackUrl: this.context.config.callbackUrl };
    const headers = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : undefined;
    const response = await this.request('scheduleCall', 'POST', '/calls', body, headers);
    const vendorCallId = isRecord(response) ? response['vendorCallId'] : undefined;
    if (!nonEmptyString(vendorCallId)) {
      throw new ConciergeVendorError('scheduleCall', 201, { title: 'Vendor answered without a vendorCallId', status: 502 }, false);
    }
    await this.stores.calls.save({ reservationId: call.reservationId, vendorCallId, status: 'scheduled' });
    this.context.logger.info('concierge call scheduled', { reservationId: call.reservationId, vendorCallId });
    return { vendorCallId };
  }

  async cancelCall(vendorCallId: string): Promise<void> {
    this.assertReady();
    await this.request('cancelCall', 'DELETE', `/calls/${encodeURIComponent(vendorCallId)}`);
    const record = await this.stores.calls.findByVendorCallId(vendorCallId);
    if (record) await this.stores.calls.save({ ...record, status: 'cancelled' });
    this.context.logger.info('concierge call cancelled', { vendorCallId, reservationId: record?.reservationId });
  }

  async requestPreCallTest(vendorCallId: string): Promise<void> {
    this.assertReady();
    await this.request('requestPreCallTest', 'POST', `/calls/${encodeURIComponent(vendorCallId)}/pre-call-test`);
  }

  async openTicket(ticket: { subject: string; description: string; pointId: string }, options: { idempotencyKey?: string } = {}): Promise<{ vendorTicketId: string }> {
    this.assertReady();
    const headers = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : undefined;
    const response = await this.request('openTicket', 'POST', '/tickets', ticket, headers);
    const vendorTicketId = isRecord(response) ? response['vendorTicketId'] : undefined;
    if (!nonEmptyString(vendorTicketId)) {
      throw new ConciergeVendorError('openTicket', 201, { title: 'Vendor answered without a vendorTicketId', status: 502 }, false);
    }
    return { vendorTicketId };
  }

  /**
   * Verifies a status webhook: signature first (nothing else is said to an unauthenticated caller),
   * then the timestamp's freshness, the body, and replay. Refusals change no store.
   * The host maps the DomainError codes to HTTP: UNAUTHENTICATED 401, BAD_USER_INPUT 400, CONFLICT 409.
   */
  async receiveWebhook(request: { headers: Record<string, string>; rawBody: string }): Promise<ConciergeWebhookResult> {
    this.assertReady();
    const signature = headerValue(request.headers, SIGNATURE_HEADER);
    const timestamp = headerValue(request.headers, TIMESTAMP_HEADER);
    if (signature === undefined || timestamp === undefined) {
      throw new DomainError('UNAUTHENTICATED', 'Bad webhook signature', {
        details: { reason: `missing ${signature === undefined ? SIGNATURE_HEADER : TIMESTAMP_HEADER} header` },
      });
    }
    if (!verifySignature(this.secret('webhookSecret'), timestamp, request.rawBody, signature)) {
      throw new DomainError('UNAUTHENTICATED', 'Bad webhook signature');
    }
    if (!/^\d{1,12}$/.test(timestamp)) {
      throw invalidInput(['headers', TIMESTAMP_HEADER], `Malformed ${TIMESTAMP_HEADER} "${timestamp}": unix seconds expected`);
    }
    const nowSeconds = Math.floor(this.context.clock.now() / 1000);
    const skew = nowSeconds - Number(timestamp);
    if (Math.abs(skew) > WEBHOOK_TOLERANCE_SECONDS) {
      throw invalidInput(
        ['headers', TIMESTAMP_HEADER],
        `Stale webhook: timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'in the past' : 'in the future'}, tolerance is ${WEBHOOK_TOLERANCE_SECONDS} s`,
        { details: { timestamp: Number(timestamp), now: nowSeconds, toleranceSeconds: WEBHOOK_TOLERANCE_SECONDS } },
      );
    }
    const event = parseStatusEvent(request.rawBody);

    const expiresAtMs = (Math.max(nowSeconds, Number(timestamp)) + WEBHOOK_TOLERANCE_SECONDS) * 1000;
    if (!(await this.stores.replays.remember(event.eventId, expiresAtMs, this.context.clock.now()))) {
      throw conflict(`Replayed webhook: event ${event.eventId} was already received`, { eventId: event.eventId });
    }
    try {
      const record = await this.stores.calls.findByVendorCallId(event.vendorCallId);
      if (!record) {
        this.context.logger.warn('concierge webhook for a call this binding did not schedule', { vendorCallId: event.vendorCallId, status: event.status });
      } else if (record.statusAt === undefined || Date.parse(event.occurredAt) >= Date.parse(record.statusAt)) {
        // Webhooks may arrive out of order: an older status never overwrites a newer one.
        await this.stores.calls.save({ ...record, status: event.status, statusAt: event.occurredAt });
      }
      return { ...event, ...(record ? { reservationId: record.reservationId } : {}) };
    } catch (error) {
      await this.stores.replays.forget(event.eventId);
      throw error;
    }
  }

  private async scheduleReservation(reservation: ReservationEventPayload, idempotencyKey: string): Promise<void> {
    const existing = await this.stores.calls.findByReservation(reservation.reservationId);
    if (existing && existing.status !== 'cancelled') {
      this.context.logger.info('concierge call already scheduled', { reservationId: reservation.reservationId, vendorCallId: existing.vendorCallId });
      return;
    }
    await this.scheduleCall(
      {
        reservationId: reservation.reservationId,
        start: reservation.start,
        end: reservation.end,
        participants: [
          ...reservation.rooms.map((room) => ({ name: `${room.pointName} — ${room.roomName}` })),
          { name: reservation.organiser.name },
        ],
      },
      { idempotencyKey },
    );
  }

  private async cancelReservation(reservationId: string): Promise<void> {
    const existing = await this.stores.calls.findByReservation(reservationId);
    if (!existing || existing.status === 'cancelled') return;
    await this.cancelCall(existing.vendorCallId);
  }

  private async request(
    operation: ConciergeVendorOperation,
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    timeoutMs = this.timeoutMs(),
  ): Promise<unknown> {
    const { baseUrl } = this.context.config;
    const url = new URL(path.slice(1), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', authorization: `Bearer ${this.secret('apiKey')}`, ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Awaited<ReturnType<AdapterContext['http']['fetch']>>;
    let text: string;
    try {
      response = await this.context.http.fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs });
      text = await response.text();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw this.failed(new ConciergeVendorError(operation, null, { title: 'Concierge vendor unreachable', status: 503, detail }, true));
    }
    if (response.status >= 200 && response.status < 300) {
      if (operation !== 'health') this.lastFailure = undefined;
      if (text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw this.failed(new ConciergeVendorError(operation, response.status, { title: 'Vendor answered with malformed JSON', status: 502 }, false));
      }
    }
    const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
    throw this.failed(new ConciergeVendorError(operation, response.status, parseProblem(text, response.status), retryable));
  }

  private timeoutMs(): number {
    return this.context.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private failed(error: ConciergeVendorError): ConciergeVendorError {
    // Only failures that say something about the vendor's health (not a refused request) degrade it.
    if (error.operation !== 'health' && error.retryable) this.lastFailure = { at: this.context.clock.now(), message: error.message };
    this.context.logger.warn('concierge vendor request failed', { operation: error.operation, status: error.status, title: error.problem.title, retryable: error.retryable });
    return error;
  }

  private secret(name: 'apiKey' | 'webhookSecret'): string {
    const value = this.context.secrets.get(name);
    if (!value) throw invalidInput(['secrets', name], `concierge-http: secret ${name} is not set`);
    return value;
  }

  private assertReady(): void {
    if (this.state !== 'ready') throw conflict(`concierge-http adapter is ${this.state === 'created' ? 'not initialised' : 'disposed'}`);
  }

  private async serialised(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.locks.set(key, tail);
    try {
      await current;
    } finally {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }
}

/** The relay delivers JSON from the outbox: check what this adapter reads before acting on it. */
function assertReservationPayload(event: DomainEvent<ReservationEventName>): void {
  const payload: unknown = event.payload;
  const problems: string[] = [];
  if (!isRecord(payload)) throw invalidInput(['event', 'payload'], `Malformed ${event.name} payload: an object is expected`);
  if (!nonEmptyString(payload['reservationId'])) problems.push('reservationId');
  if (event.name === 'reservation.confirmed') {
    for (const field of ['start', 'end'] as const) if (typeof payload[field] !== 'string' || Number.isNaN(Date.parse(payload[field]))) problems.push(field);
    if (!Array.isArray(payload['rooms']) || !payload['rooms'].every((room) => isRecord(room) && typeof room['pointName'] === 'string' && typeof room['roomName'] === 'string')) problems.push('rooms');
    if (!isRecord(payload['organiser']) || typeof payload['organiser']['name'] !== 'string') problems.push('organiser');
  }
  if (problems.length > 0) throw invalidInput(['event', 'payload', problems[0]], `Malformed ${event.name} payload: bad ${problems.join(', ')}`);
}

function parseProblem(text: string, status: number): ProblemDetails {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && typeof parsed['title'] === 'string') {
      const problem: ProblemDetails = { title: parsed['title'], status: typeof parsed['status'] === 'number' ? parsed['status'] : status };
      if (typeof parsed['type'] === 'string') problem.type = parsed['type'];
      if (typeof parsed['detail'] === 'string') problem.detail = parsed['detail'];
      if (typeof parsed['instance'] === 'string') problem.instance = parsed['instance'];
      if (Array.isArray(parsed['errors'])) {
        problem.errors = parsed['errors'].filter(isRecord).map((e) => ({ field: String(e['field']), message: String(e['message']) }));
      }
      return problem;
    }
  } catch {
    // Not JSON: fall through to a problem built from the status.
  }
  return { title: `HTTP ${status}`, status, ...(text ? { detail: text.slice(0, 500) } : {}) };
}

function parseStatusEvent(rawBody: string): Omit<ConciergeWebhookResult, 'reservationId'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw invalidInput(['body'], 'Malformed webhook body: not JSON');
  }
  if (!isRecord(parsed)) throw invalidInput(['body'], 'Malformed webhook body: a JSON object is expected');
  for (const field of ['vendorCallId', 'eventId', 'status', 'occurredAt'] as const) {
    if (!nonEmptyString(parsed[field])) throw invalidInput(['body', field], `Malformed webhook body: ${field} must be a non-empty string`);
  }
  const { vendorCallId, eventId, occurredAt } = parsed as Record<'vendorCallId' | 'eventId' | 'occurredAt' | 'status', string>;
  const status = mapVendorStatus(parsed['status'] as string);
  if (!status) {
    throw invalidInput(['body', 'status'], `Malformed webhook body: unknown status "${String(parsed['status'])}" (expected ${Object.keys(VENDOR_STATUS_MAPPING).join(', ')})`);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    throw invalidInput(['body', 'occurredAt'], `Malformed webhook body: occurredAt "${occurredAt}" is not an ISO 8601 instant`);
  }
  const detail = typeof parsed['detail'] === 'string' ? parsed['detail'] : undefined;
  return { vendorCallId, eventId, status, occurredAt, ...(detail ? { detail } : {}) };
}

export interface ConciergeHttpOptions {
  /** Per instance state; the host passes database-backed stores. Default: in memory. */
  stores?: (context: AdapterContext<ConciergeHttpConfig>) => ConciergeHttpStores;
}

export function createConciergeHttpDefinition(options: ConciergeHttpOptions = {}): AdapterDefinition<ConciergeHttpConfig, ConciergeHttpAdapter> {
  return {
    manifest: conciergeHttpManifest,
    create: (context) => new ConciergeHttpAdapter(context, options.stores?.(context) ?? inMemoryConciergeHttpStores()),
  };
}

/** The definition with in-memory stores: fine for tests and one-instance demos. */
export const conciergeHttpAdapter = createConciergeHttpDefinition();

/** HTTP status a webhook endpoint answers for an error thrown by `receiveWebhook` (contract: 400/401/409). */
export function webhookErrorStatus(error: unknown): number {
  if (error instanceof DomainError) {
    return { UNAUTHENTICATED: 401, BAD_USER_INPUT: 400, CONFLICT: 409, NOT_FOUND: 404, FORBIDDEN: 403, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 }[error.code];
  }
  return 500;
}
