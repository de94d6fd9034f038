/**
 * A concierge vendor in a box: a real node:http server on 127.0.0.1 serving the VENDOR side of
 * ./openapi.json (in-memory calls and tickets, bearer auth, Idempotency-Key, problem+json errors),
 * and sending signed status webhooks to each call's callback URL — plus tampered and replayed ones,
 * for tests. Also handy for local demos:
 *
 *   const vendor = await ConciergeVendorSimulator.start({ apiKey, webhookSecret });
 *   // bind concierge-http with baseUrl = vendor.baseUrl, then:
 *   await vendor.sendStatus(vendorCallId, 'tested');
 */
import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from './webhook-signature';

export type SimulatedCallStatus = 'scheduled' | 'tested' | 'in-progress' | 'completed' | 'failed' | 'cancelled';

export interface SimulatedCall {
  vendorCallId: string;
  reservationId: string;
  start: string;
  end: string;
  title?: string;
  participants: { name: string; phone?: string; sipUri?: string }[];
  callbackUrl: string;
  status: SimulatedCallStatus;
  preCallTests: number;
}

export interface SimulatedTicket {
  vendorTicketId: string;
  subject: string;
  description: string;
  pointId: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One webhook as sent: enough to replay it byte for byte. */
export interface WebhookDelivery {
  url: string;
  headers: Record<string, string>;
  rawBody: string;
  response: { status: number; body: string };
}

/** The vendor routes the simulator serves; the spec checks each is in openapi.json. */
export const VENDOR_SIMULATOR_ROUTES = [
  { method: 'POST', path: '/calls' },
  { method: 'DELETE', path: '/calls/{vendorCallId}' },
  { method: 'POST', path: '/calls/{vendorCallId}/pre-call-test' },
  { method: 'POST', path: '/tickets' },
  { method: 'GET', path: '/health' },
] as const;

interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_BODY_BYTES = 1_000_000;

export interface VendorSimulatorOptions {
  apiKey: string;
  webhookSecret: string;
  /** Clock used to timestamp webhooks (ms). Default: Date.now. */
  now?: () => number;
}

export class ConciergeVendorSimulator {
  readonly calls = new Map<string, SimulatedCall>();
  readonly tickets = new Map<string, SimulatedTicket>();
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private readonly idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  private readonly failures: Problem[] = [];
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly options: VendorSimulatorOptions,
  ) {}

  static async start(options: VendorSimulatorOptions): Promise<ConciergeVendorSimulator> {
    const holder: { simulator?: ConciergeVendorSimulator } = {};
    const server = createServer((req, res) => {
      void holder.simulator?.route(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    holder.simulator = new ConciergeVendorSimulator(server, `http://127.0.0.1:${port}/api/v1`, options);
    return holder.simulator;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** The next vendor request (after auth; health checks excepted) answers this problem instead of being served. */
  failNext(problem: Problem): void {
    this.failures.push(problem);
  }

  /** Sends a correctly signed status webhook for a call to its callback URL. */
  async sendStatus(
    vendorCallId: string,
    status: string,
    options: { eventId?: string; occurredAt?: string; timestampSeconds?: number; detail?: string; tamper?: boolean } = {},
  ): Promise<WebhookDelivery> {
    const call = this.calls.get(vendorCallId);
    if (!call) throw new Error(`simulator: no call ${vendorCallId}`);
    const event = {
      vendorCallId,
      status,
      occurredAt: options.occurredAt ?? new Date(this.now()).toISOString(),
      eventId: options.eventId ?? randomUUID(),
      ...(options.detail ? { detail: options.detail } : {}),
    };
    const rawBody = JSON.stringify(event);
    const headers = signWebhook(this.options.webhookSecret, rawBody, options.timestampSeconds ?? Math.floor(this.now() / 1000));
    // Tampered: signed, then altered on the way (a status changed by a man in the middle).
    const sentBody = options.tamper ? rawBody.replace(`"status":"${status}"`, `"status":"${status === 'cancelled' ? 'completed' : 'cancelled'}"`) : rawBody;
    const delivery = await this.post(call.callbackUrl, headers, sentBody);
    if (delivery.response.status < 300 && !options.tamper && isCallStatus(status)) call.status = status;
    return delivery;
  }

  /** Signs any body (malformed ones included) and posts it to a URL. */
  async sendSigned(url: string, rawBody: string, timestampSeconds = Math.floor(this.now() / 1000)): Promise<WebhookDelivery> {
    return this.post(url, signWebhook(this.options.webhookSecret, rawBody, timestampSeconds), rawBody);
  }

  /** Sends a delivery again, byte for byte (what an attacker who captured it would do). */
  async replay(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    return this.post(delivery.url, delivery.headers, delivery.rawBody);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async post(url: string, headers: Record<string, string>, rawBody: string): Promise<WebhookDelivery> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody, signal: AbortSignal.timeout(5_000) });
    const delivery = { url, headers, rawBody, response: { status: response.status, body: await response.text() } };
    this.deliveries.push(delivery);
    return delivery;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const rawBody = await readBody(req);
      let body: unknown;
      if (rawBody.length > 0) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          return problem(res, { title: 'Malformed JSON', status: 400, detail: 'The request body is not JSON.' });
        }
      }
      this.requests.push({ method: req.method ?? '', path, headers: req.headers, body });

      const match = /^\/api\/v1(\/calls|\/tickets|\/health)(?:\/([^/]+))?(\/pre-call-test)?$/.exec(path);
      if (!match) return problem(res, { title: 'Not found', status: 404, detail: `No route ${path}` });
      if (!this.authorised(req.headers.authorization)) {
        res.setHeader('www-authenticate', 'Bearer');
        return problem(res, { title: 'Unauthorized', status: 401, detail: 'Missing or invalid bearer API key.' });
      }
      const [, collection, rawId, preCallTest] = match;
      if (collection === '/health' && rawId === undefined && !preCallTest && req.method === 'GET') return json(res, 200, { status: 'ok' });
      const failure = this.failures.shift();
      if (failure) return problem(res, failure);

      const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
      const method = req.method ?? '';
      if (collection === '/calls' && id === undefined && !preCallTest && method === 'POST') return this.idempotently(req, res, body, () => this.createCall(body));
      if (collection === '/calls' && id !== undefined && !preCallTest && method === 'DELETE') return this.cancelCall(res, id);
      if (collection === '/calls' && id !== undefined && preCallTest && method === 'POST') return this.preCallTest(res, id);
      if (collection === '/tickets' && id === undefined && !preCallTest && method === 'POST') return this.idempotently(req, res, body, () => this.createTicket(body));
      return problem(res, { title: 'Method not allowed', status: 405, detail: `${method} ${path}` });
    } catch (error) {
      return problem(res, { title: 'Internal error', status: 500, detail: error instanceof Error ? error.message : String(error) });
    }
  }

  private authorised(header: string | undefined): boolean {
    const match = /^Bearer (.+)$/.exec(header ?? '');
    if (!match) return false;
    const digest = (value: string) => createHash('sha256').update(value).digest();
    return timingSafeEqual(digest(match[1]), digest(this.options.apiKey));
  }

  private idempotently(req: IncomingMessage, res: ServerResponse, body: unknown, create: () => { status: number; body: unknown }): void {
    const key = req.headers['idempotency-key'];
    const fingerprint = JSON.stringify(body ?? null);
    if (typeof key === 'string') {
      const scope = `${req.url} ${key}`;
      const previous = this.idempotent.get(scope);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return problem(res, { title: 'Idempotency-Key reused', status: 409, detail: 'This Idempotency-Key was used with a different body.' });
        }
        res.setHeader('idempotent-replayed', 'true');
        return json(res, previous.status, previous.body);
      }
      const result = create();
      if (result.status < 300) this.idempotent.set(scope, { fingerprint, ...result });
      return sendResult(res, result);
    }
    return sendResult(res, create());
  }

  private createCall(body: unknown): { status: number; body: unknown } {
    const errors: { field: string; message: string }[] = [];
    const input = isRecord(body) ? body : {};
    if (!isRecord(body)) errors.push({ field: '', message: 'a JSON object is required' });
    for (const field of ['reservationId', 'start', 'end', 'callbackUrl'] as const) {
      if (typeof input[field] !== 'string' || input[field] === '') errors.push({ field, message: 'required string' });
    }
    for (const field of ['start', 'end'] as const) {
      const value = input[field];
      if (typeof value === 'string' && (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))) errors.push({ field, message: 'ISO 8601 instant expected' });
    }
    if (typeof input['start'] === 'string' && typeof input['end'] === 'string' && Date.parse(input['end']) <= Date.parse(input['start'])) {
      errors.push({ field: 'end', message: 'must be after start' });
    }
    if (typeof input['callbackUrl'] === 'string' && !/^https?:\/\//.test(input['callbackUrl'])) errors.push({ field: 'callbackUrl', message: 'http(s) URL expected' });
    const participants = input['participants'];
    if (!Array.isArray(participants) || participants.length === 0) {
      errors.push({ field: 'participants', message: 'at least one participant is required' });
    } else {
      participants.forEach((participant: unknown, index) => {
        if (!isRecord(participant) || typeof participant['name'] !== 'string' || participant['name'] === '') errors.push({ field: `participants/${index}/name`, message: 'required string' });
      });
    }
    if (errors.length > 0) return { status: 400, body: validationProblem(errors) };

    const vendorCallId = `call-${++this.sequence}`;
    const call: SimulatedCall = {
      vendorCallId,
      reservationId: input['reservationId'] as string,
      start: input['start'] as string,
      end: input['end'] as string,
      ...(typeof input['title'] === 'string' ? { title: input['title'] } : {}),
      participants: participants as SimulatedCall['participants'],
      callbackUrl: input['callbackUrl'] as string,
      status: 'scheduled',
      preCallTests: 0,
    };
    this.calls.set(vendorCallId, call);
    return { status: 201, body: { vendorCallId, status: call.status } };
  }

  private createTicket(body: unknown): { status: number; body: unknown } {
    const input = isRecord(body) ? body : {};
    const errors = (['subject', 'description', 'pointId'] as const)
      .filter((field) => typeof input[field] !== 'string' || input[field] === '')
      .map((field) => ({ field, message: 'required string' }));
    if (errors.length > 0) return { status: 400, body: validationProblem(errors) };
    const vendorTicketId = `ticket-${++this.sequence}`;
    this.tickets.set(vendorTicketId, { vendorTicketId, subject: input['subject'] as string, description: input['description'] as string, pointId: input['pointId'] as string });
    return { status: 201, body: { vendorTicketId } };
  }

  private cancelCall(res: ServerResponse, id: string): void {
    const call = this.calls.get(id);
    if (!call) return problem(res, { title: 'Call not found', status: 404, detail: `No call ${id}` });
    if (call.status === 'completed' || call.status === 'failed') return problem(res, { title: 'Call is over', status: 409, detail: `Call ${id} is ${call.status}` });
    call.status = 'cancelled';
    res.writeHead(204).end();
  }

  private preCallTest(res: ServerResponse, id: string): void {
    const call = this.calls.get(id);
    if (!call) return problem(res, { title: 'Call not found', status: 404, detail: `No call ${id}` });
    if (call.status === 'cancelled' || call.status === 'completed') return problem(res, { title: 'Call is over', status: 409, detail: `Call ${id} is ${call.status}` });
    call.preCallTests += 1;
    res.writeHead(202).end();
  }
}

function isCallStatus(value: string): value is SimulatedCallStatus {
  return ['scheduled', 'tested', 'in-progress', 'completed', 'failed', 'cancelled'].includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validationProblem(errors: { field: string; message: string }[]): Problem {
  return { type: 'https://maillage.example/problems/validation', title: 'Invalid request', status: 400, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors };
}

function sendResult(res: ServerResponse, result: { status: number; body: unknown }): void {
  if (result.status >= 400) return problem(res, result.body as Problem);
  return json(res, result.status, result.body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(res: ServerResponse, body: Problem): void {
  res.writeHead(body.status, { 'content-type': 'application/problem+json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
