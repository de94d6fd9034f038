/**
 * concierge-http against the vendor simulator, over real HTTP on 127.0.0.1: the vendor side of
 * openapi.json served by the simulator, the webhook side served by a small receiver standing in
 * for the API's webhook endpoint.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { DomainError, validateAdapterConfig, type IdempotencyStore } from '@maillage/core';
import { createTestContext, describeAdapterConformance, sampleEvent, sampleReservationPayload } from '../testkit';
import {
  CONCIERGE_VENDOR_OPERATIONS,
  ConciergeHttpAdapter,
  ConciergeVendorError,
  conciergeHttpAdapter,
  conciergeHttpManifest,
  createConciergeHttpDefinition,
  VENDOR_STATUS_MAPPING,
  webhookErrorStatus,
  type ConciergeHttpConfig,
  type ConciergeWebhookResult,
} from './concierge-http.adapter';
import { InMemoryConciergeCallStore, InMemoryReplayStore } from './stores';
import { ConciergeVendorSimulator, VENDOR_SIMULATOR_ROUTES, type WebhookDelivery } from './vendor-simulator';
import { signWebhook } from './webhook-signature';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string } | unknown>>;
  webhooks: Record<string, unknown>;
  components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown>; enum?: string[] }>; pathItems: Record<string, { post?: { parameters?: { $ref: string }[] } }> };
  'x-maillage-status-mapping': { mapping: Record<string, string> };
}

const openapi = JSON.parse(readFileSync(join(__dirname, 'openapi.json'), 'utf8')) as OpenApiDocument;

const API_KEY = 'sk_test_brest_metropole_0001';
const WEBHOOK_SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const secrets = { apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET };

class RecordingIdempotencyStore implements IdempotencyStore {
  readonly keys = new Set<string>();
  async seen(key: string) {
    return this.keys.has(key);
  }
  async remember(key: string) {
    this.keys.add(key);
  }
}

let vendor: ConciergeVendorSimulator;
let receiver: Server;
let webhookUrl: string;
let config: ConciergeHttpConfig;
let closedPortUrl: string;
let adapter: ConciergeHttpAdapter;
const calls = new InMemoryConciergeCallStore();
const replays = new InMemoryReplayStore();
const idempotency = new RecordingIdempotencyStore();
/** What the receiver returned or threw, per delivery. */
const received: (ConciergeWebhookResult | DomainError | Error)[] = [];

const storesSnapshot = () => JSON.stringify({ calls: calls.snapshot(), replays: replays.snapshot(), idempotency: [...idempotency.keys] });

let reservationCounter = 0;
const newReservationId = () => `5b1d0c7e-0000-4000-8000-${String(++reservationCounter).padStart(12, '0')}`;

async function scheduleOne(): Promise<string> {
  const { vendorCallId } = await adapter.scheduleCall({
    reservationId: newReservationId(),
    start: '2026-03-12T13:00:00.000Z',
    end: '2026-03-12T15:00:00.000Z',
    participants: [{ name: 'Point de Lannion — Salle du conseil', sipUri: 'sip:lannion@visio.example' }, { name: 'Port-Tudy (Groix)', phone: '+33 2 97 00 00 00' }],
  });
  return vendorCallId;
}

function createAdapter(overrides: Partial<ConciergeHttpConfig> = {}, secretOverrides: Record<string, string> = secrets): ConciergeHttpAdapter {
  const definition = createConciergeHttpDefinition({ stores: () => ({ calls, replays }) });
  return definition.create(createTestContext({ ...config, ...overrides }, secretOverrides, { idempotency }));
}

beforeAll(async () => {
  vendor = await ConciergeVendorSimulator.start({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET });
  // Stands in for the API's webhook endpoint: raw body in, adapter verdict out as the contract's status codes.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
      adapter.receiveWebhook({ headers, rawBody: Buffer.concat(chunks).toString('utf8') }).then(
        (result) => {
          received.push(result);
          res.writeHead(204).end();
        },
        (error: Error) => {
          received.push(error);
          const status = webhookErrorStatus(error);
          res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: error.message, status }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/concierge`;
  config = { baseUrl: vendor.baseUrl, callbackUrl: webhookUrl, timeoutMs: 2_000 };

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api/v1`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  adapter = createAdapter();
  await adapter.init();
});

afterAll(async () => {
  await adapter?.dispose();
  await vendor?.stop();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe('the contract (openapi.json)', () => {
  const operation = (method: string, path: string) => openapi.paths[path]?.[method.toLowerCase()] as { operationId?: string } | undefined;

  it('is OpenAPI 3.1 and lists every vendor operation the adapter calls', () => {
    expect(openapi.openapi).toMatch(/^3\.1\./);
    for (const { method, path, operationId } of CONCIERGE_VENDOR_OPERATIONS) expect({ method, path, operationId: operation(method, path)?.operationId }).toEqual({ method, path, operationId });
  });

  it('lists every route the simulator serves', () => {
    for (const { method, path } of VENDOR_SIMULATOR_ROUTES) expect({ method, path, declared: operation(method, path) !== undefined }).toEqual({ method, path, declared: true });
  });

  it('declares the signed status webhook, as a callback of POST /calls and under webhooks', () => {
    const post = operation('POST', '/calls') as { callbacks?: Record<string, Record<string, { $ref?: string }>> };
    expect(post.callbacks?.['callStatus']?.['{$request.body#/callbackUrl}']?.$ref).toBe('#/components/pathItems/CallStatusWebhook');
    expect(openapi.webhooks['callStatus']).toEqual({ $ref: '#/components/pathItems/CallStatusWebhook' });
    const parameters = openapi.components.pathItems['CallStatusWebhook'].post?.parameters?.map((p) => p.$ref);
    expect(parameters).toEqual(['#/components/parameters/SignatureTimestamp', '#/components/parameters/Signature']);
    expect(openapi.components.schemas['CallStatusEvent'].required).toEqual(['vendorCallId', 'status', 'occurredAt', 'eventId']);
  });

  it('documents the same status mapping as the adapter, covering every vendor status', () => {
    expect(openapi['x-maillage-status-mapping'].mapping).toEqual(VENDOR_STATUS_MAPPING);
    for (const status of openapi.components.schemas['VendorCallStatus'].enum ?? []) expect(VENDOR_STATUS_MAPPING[status]).toBeDefined();
  });

  it.each([
    ['ScheduleCallRequest', '/calls'],
    ['OpenTicketRequest', '/tickets'],
  ])('simulator refuses a %s missing any required field, with problem+json naming it', async (schemaName, path) => {
    const valid: Record<string, unknown> =
      schemaName === 'ScheduleCallRequest'
        ? { reservationId: 'r-1', start: '2026-03-12T13:00:00Z', end: '2026-03-12T14:00:00Z', participants: [{ name: 'Groix' }], callbackUrl: webhookUrl }
        : { subject: 'Écran noir', description: 'Le codec ne démarre pas', pointId: 'p-1' };
    for (const field of openapi.components.schemas[schemaName].required ?? []) {
      const body = { ...valid };
      delete body[field];
      const response = await fetch(`${vendor.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
  });

  it('the bodies the adapter sends validate against the document’s schemas', async () => {
    await scheduleOne();
    await adapter.openTicket({ subject: 'Caméra figée', description: 'La caméra ne suit plus.', pointId: 'point-groix' });
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('date-time', (v: string) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)));
    ajv.addFormat('uri', (v: string) => URL.canParse(v));
    ajv.addFormat('uri-reference', true);
    ajv.addSchema({ ...openapi, $id: 'https://maillage.example/concierge/openapi.json' });
    const validator = (name: string) => ajv.compile({ $ref: `https://maillage.example/concierge/openapi.json#/components/schemas/${name}` });
    const scheduleBody = vendor.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/calls')).at(-1)?.body;
    const ticketBody = vendor.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/tickets')).at(-1)?.body;
    const schedule = validator('ScheduleCallRequest');
    const ticket = validator('OpenTicketRequest');
    expect({ valid: schedule(scheduleBody), errors: schedule.errors ?? null }).toEqual({ valid: true, errors: null });
    expect({ valid: ticket(ticketBody), errors: ticket.errors ?? null }).toEqual({ valid: true, errors: null });
  });
});

describe('vendor round trips', () => {
  it('schedules a call with the participants, the callback URL and the bearer key', async () => {
    const vendorCallId = await scheduleOne();
    const call = vendor.calls.get(vendorCallId);
    expect(call).toMatchObject({ status: 'scheduled', callbackUrl: webhookUrl, start: '2026-03-12T13:00:00.000Z', end: '2026-03-12T15:00:00.000Z' });
    expect(call?.participants).toEqual([{ name: 'Point de Lannion — Salle du conseil', sipUri: 'sip:lannion@visio.example' }, { name: 'Port-Tudy (Groix)', phone: '+33 2 97 00 00 00' }]);
    expect(vendor.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(await calls.findByVendorCallId(vendorCallId)).toMatchObject({ reservationId: call?.reservationId, status: 'scheduled' });
  });

  it('cancels a call, and cancelling again is harmless', async () => {
    const vendorCallId = await scheduleOne();
    await adapter.cancelCall(vendorCallId);
    await adapter.cancelCall(vendorCallId);
    expect(vendor.calls.get(vendorCallId)?.status).toBe('cancelled');
    expect((await calls.findByVendorCallId(vendorCallId))?.status).toBe('cancelled');
  });

  it('requests a pre-call test', async () => {
    const vendorCallId = await scheduleOne();
    await adapter.requestPreCallTest(vendorCallId);
    expect(vendor.calls.get(vendorCallId)?.preCallTests).toBe(1);
  });

  it('opens a ticket about a point', async () => {
    const { vendorTicketId } = await adapter.openTicket({ subject: 'Pas de son', description: 'Le micro plafond ne capte rien depuis lundi.', pointId: 'point-ouessant' });
    expect(vendor.tickets.get(vendorTicketId)).toEqual({ vendorTicketId, subject: 'Pas de son', description: 'Le micro plafond ne capte rien depuis lundi.', pointId: 'point-ouessant' });
  });

  it('turns a vendor refusal into a ConciergeVendorError carrying the problem detail', async () => {
    const missing = await adapter.requestPreCallTest('call-does-not-exist').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ConciergeVendorError);
    expect(missing).toMatchObject({ operation: 'requestPreCallTest', status: 404, retryable: false, problem: { title: 'Call not found', detail: 'No call call-does-not-exist' } });

    const invalid = await adapter.openTicket({ subject: '', description: 'x', pointId: 'p' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, retryable: false, problem: { title: 'Invalid request', errors: [{ field: 'subject', message: 'required string' }] } });

    vendor.failNext({ title: 'Maintenance', status: 503, detail: 'Back at 14:00' });
    const down = await adapter.openTicket({ subject: 'Écran', description: 'x', pointId: 'p' }).catch((e: unknown) => e);
    expect(down).toMatchObject({ status: 503, retryable: true, problem: { title: 'Maintenance', detail: 'Back at 14:00' } });
    expect((down as Error).message).toBe('Concierge vendor openTicket failed: Maintenance — Back at 14:00 (HTTP 503)');
  });

  it('reports a refused API key as a 401 failure and health down', async () => {
    const wrongKey = createAdapter({}, { ...secrets, apiKey: 'sk_wrong_key_000' });
    await wrongKey.init();
    await expect(wrongKey.openTicket({ subject: 's', description: 'd', pointId: 'p' })).rejects.toMatchObject({ status: 401, problem: { title: 'Unauthorized' } });
    expect(await wrongKey.health()).toMatchObject({ status: 'down' });
    await wrongKey.dispose();
  });

  it('reports health up when the vendor answers, down when it does not', async () => {
    await adapter.openTicket({ subject: 'Vérification', description: 'Après maintenance', pointId: 'p' }); // clears the 503 of the test above
    expect(await adapter.health()).toEqual({ status: 'up' });
    const unreachable = createAdapter({ baseUrl: closedPortUrl });
    await unreachable.init();
    expect(await unreachable.health()).toMatchObject({ status: 'down' });
    await expect(unreachable.openTicket({ subject: 's', description: 'd', pointId: 'p' })).rejects.toMatchObject({ status: null, retryable: true, problem: { title: 'Concierge vendor unreachable' } });
  });
});

describe('reservation events', () => {
  const callsFor = (reservationId: string) => [...vendor.calls.values()].filter((c) => c.reservationId === reservationId);

  it('schedules one call for a confirmed event delivered twice at once and once more later', async () => {
    const reservationId = newReservationId();
    const event = sampleEvent('reservation.confirmed', sampleReservationPayload({ reservationId }));
    await Promise.all([adapter.handle(structuredClone(event)), adapter.handle(structuredClone(event))]);
    await adapter.handle(structuredClone(event));
    expect(callsFor(reservationId)).toHaveLength(1);
    expect(callsFor(reservationId)[0].participants).toEqual([{ name: 'Maison France Services de Fontainebleau — Salle Molière' }, { name: 'Camille Martin' }]);
    expect(idempotency.keys.has(event.idempotencyKey)).toBe(true);
  });

  it('schedules one call even when the adapter lost its stores after the vendor answered (Idempotency-Key)', async () => {
    const reservationId = newReservationId();
    const event = sampleEvent('reservation.confirmed', sampleReservationPayload({ reservationId }));
    await adapter.handle(event);
    // A crash before the stores were written: a fresh instance with empty stores gets the event again.
    const amnesic = conciergeHttpAdapter.create(createTestContext(config, secrets));
    await amnesic.init();
    await amnesic.handle(structuredClone(event));
    expect(callsFor(reservationId)).toHaveLength(1);
    expect((await amnesic.stores.calls.findByReservation(reservationId))?.vendorCallId).toBe(callsFor(reservationId)[0].vendorCallId);
  });

  it('cancels the call when the reservation is cancelled, once', async () => {
    const reservationId = newReservationId();
    const payload = sampleReservationPayload({ reservationId });
    await adapter.handle(sampleEvent('reservation.confirmed', payload));
    const cancelled = sampleEvent('reservation.cancelled', { ...payload, status: 'CANCELLED', sequence: 1 });
    await adapter.handle(cancelled);
    await adapter.handle(structuredClone(cancelled));
    expect(callsFor(reservationId).map((c) => c.status)).toEqual(['cancelled']);
    expect(vendor.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${callsFor(reservationId)[0].vendorCallId}`))).toHaveLength(1);
  });

  it('asks nothing of the vendor when a reservation never scheduled is rejected', async () => {
    const before = vendor.requests.length;
    await adapter.handle(sampleEvent('reservation.rejected', sampleReservationPayload({ reservationId: newReservationId(), status: 'REJECTED' })));
    expect(vendor.requests.length).toBe(before);
  });

  it('rejects an event it does not subscribe to, and a malformed payload, with BAD_USER_INPUT', async () => {
    await expect(adapter.handle(sampleEvent('reservation.changed', sampleReservationPayload()))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('does not handle event "reservation.changed"') });
    const malformed = sampleEvent('reservation.confirmed', { ...sampleReservationPayload(), start: 'tomorrow' });
    await expect(adapter.handle(malformed)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: ['event', 'payload', 'start'] });
  });
});

describe('status webhooks', () => {
  let vendorCallId: string;
  beforeAll(async () => {
    vendorCallId = await scheduleOne();
  });

  const lastReceived = () => received.at(-1);

  async function refused(send: () => Promise<WebhookDelivery>, status: number, code: string, message: RegExp): Promise<void> {
    const before = storesSnapshot();
    const delivery = await send();
    expect(delivery.response.status).toBe(status);
    expect(lastReceived()).toBeInstanceOf(DomainError);
    expect(lastReceived()).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(storesSnapshot()).toBe(before);
  }

  it('accepts a correctly signed status and records it', async () => {
    const delivery = await vendor.sendStatus(vendorCallId, 'tested', { eventId: 'evt-tested-1' });
    expect(delivery.response.status).toBe(204);
    expect(lastReceived()).toMatchObject({ vendorCallId, status: 'tested', eventId: 'evt-tested-1', reservationId: expect.any(String) });
    expect((await calls.findByVendorCallId(vendorCallId))?.status).toBe('tested');
  });

  it('maps tolerated vendor spellings onto the shared enum', async () => {
    await vendor.sendStatus(vendorCallId, 'in_progress');
    expect(lastReceived()).toMatchObject({ status: 'in-progress' });
  });

  it('refuses a tampered body: UNAUTHENTICATED, nothing changed', async () => {
    await refused(() => vendor.sendStatus(vendorCallId, 'completed', { tamper: true }), 401, 'UNAUTHENTICATED', /^Bad webhook signature$/);
  });

  it('refuses a signature made with another secret: UNAUTHENTICATED, nothing changed', async () => {
    const rawBody = JSON.stringify({ vendorCallId, status: 'completed', occurredAt: new Date().toISOString(), eventId: 'evt-forged' });
    const headers = signWebhook('whsec_someone_else_0000000000000000', rawBody, Date.now() / 1000);
    await refused(() => vendor.replay({ url: webhookUrl, headers, rawBody, response: { status: 0, body: '' } }), 401, 'UNAUTHENTICATED', /^Bad webhook signature$/);
  });

  it('refuses a replayed webhook: CONFLICT, nothing changed', async () => {
    const original = await vendor.sendStatus(vendorCallId, 'in-progress', { eventId: 'evt-replayed' });
    expect(original.response.status).toBe(204);
    await refused(() => vendor.replay(original), 409, 'CONFLICT', /^Replayed webhook: event evt-replayed was already received$/);
  });

  it('refuses a stale timestamp, even correctly signed: BAD_USER_INPUT, nothing changed', async () => {
    const stale = Math.floor(Date.now() / 1000) - 301;
    await refused(() => vendor.sendStatus(vendorCallId, 'completed', { timestampSeconds: stale }), 400, 'BAD_USER_INPUT', /^Stale webhook: timestamp is 30[12] s in the past, tolerance is 300 s$/);
    const future = Math.floor(Date.now() / 1000) + 400;
    await refused(() => vendor.sendStatus(vendorCallId, 'completed', { timestampSeconds: future }), 400, 'BAD_USER_INPUT', /in the future/);
  });

  it('refuses a malformed body, even correctly signed: BAD_USER_INPUT, nothing changed', async () => {
    await refused(() => vendor.sendSigned(webhookUrl, '{"vendorCallId": "call-1", '), 400, 'BAD_USER_INPUT', /^Malformed webhook body: not JSON$/);
    await refused(() => vendor.sendSigned(webhookUrl, JSON.stringify({ vendorCallId, status: 'completed', eventId: 'evt-no-date' })), 400, 'BAD_USER_INPUT', /occurredAt must be a non-empty string/);
    await refused(() => vendor.sendStatus(vendorCallId, 'exploded'), 400, 'BAD_USER_INPUT', /unknown status "exploded"/);
  });

  it('refuses a request without signature headers', async () => {
    const before = storesSnapshot();
    await expect(adapter.receiveWebhook({ headers: {}, rawBody: '{}' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Bad webhook signature', details: { reason: 'missing X-Maillage-Signature header' } });
    expect(storesSnapshot()).toBe(before);
  });

  it('keeps the newest status when webhooks arrive out of order', async () => {
    const id = await scheduleOne();
    await vendor.sendStatus(id, 'completed', { occurredAt: '2026-03-12T15:00:00.000Z' });
    await vendor.sendStatus(id, 'in-progress', { occurredAt: '2026-03-12T13:01:00.000Z' });
    expect(lastReceived()).toMatchObject({ status: 'in-progress' });
    expect((await calls.findByVendorCallId(id))?.status).toBe('completed');
  });
});

describe('configuration', () => {
  it('accepts a valid configuration and fills the default time-out', () => {
    expect(validateAdapterConfig(conciergeHttpManifest, { baseUrl: 'https://concierge.vendor.example/api/v1', callbackUrl: 'https://maillage.example/webhooks/concierge/b-1' })).toEqual({
      baseUrl: 'https://concierge.vendor.example/api/v1',
      callbackUrl: 'https://maillage.example/webhooks/concierge/b-1',
      timeoutMs: 10_000,
    });
  });

  it.each([
    ['a base URL that is not a URI', { baseUrl: 'concierge vendor', callbackUrl: 'https://maillage.example/w' }, ['config', 'baseUrl']],
    ['a missing callback URL', { baseUrl: 'https://concierge.vendor.example' }, ['config', 'callbackUrl']],
    ['an unknown property', { baseUrl: 'https://concierge.vendor.example', callbackUrl: 'https://maillage.example/w', vendor: 'retis' }, ['config', 'vendor']],
    ['a time-out out of range', { baseUrl: 'https://concierge.vendor.example', callbackUrl: 'https://maillage.example/w', timeoutMs: 10 }, ['config', 'timeoutMs']],
  ])('rejects %s with BAD_USER_INPUT naming the field', (_label, input, field) => {
    expect(() => validateAdapterConfig(conciergeHttpManifest, input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });

  it('marks the API key and webhook secret as secrets, and refuses to start without them', async () => {
    expect(conciergeHttpManifest.configSchema.properties['apiKey'].secret).toBe(true);
    expect(conciergeHttpManifest.configSchema.properties['webhookSecret'].secret).toBe(true);
    const noSecret = createAdapter({}, { apiKey: API_KEY });
    await expect(noSecret.init()).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: ['secrets', 'webhookSecret'] });
    expect(await noSecret.health()).toMatchObject({ status: 'down' });
  });
});

describeAdapterConformance(conciergeHttpAdapter, () => {
  const reservationId = 'c0ffee00-0000-4000-8000-000000000001';
  return {
    validConfig: config,
    invalidConfig: { ...config, baseUrl: 'not a url' },
    invalidConfigField: ['config', 'baseUrl'],
    secrets,
    duplicates: {
      event: sampleEvent('reservation.confirmed', sampleReservationPayload({ reservationId })),
      effects: () => [...vendor.calls.values()].filter((c) => c.reservationId === reservationId).length,
    },
    unreachableConfig: { ...config, baseUrl: closedPortUrl },
    timeoutMs: 5_000,
  };
});
