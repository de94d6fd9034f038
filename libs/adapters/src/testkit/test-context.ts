import type { AdapterContext, AdapterLogger, DomainEvent, EventName, HttpClient, ReservationEventPayload } from '@maillage/core';

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}

export interface TestContext<Config> extends AdapterContext<Config> {
  /** What the adapter logged, for assertions. */
  logged: LoggedLine[];
  /** What the adapter published back to the platform. */
  published: { name: EventName; payload: unknown }[];
}

/** An HttpClient over the runtime's fetch, with a time-out per request (the host gives the same shape). */
export const fetchHttpClient: HttpClient = {
  async fetch(url, init = {}) {
    const response = await fetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers, text: () => response.text() };
  },
};

/**
 * A context like the host's, for adapter specs and the conformance checks: an in-memory logger and
 * publish log, the real clock, fetch, the given secrets. `overrides` replaces any part (e.g. an
 * IdempotencyStore shared between two instances, a fake clock).
 */
export function createTestContext<Config>(config: Config, secrets: Record<string, string> = {}, overrides: Partial<Omit<AdapterContext<Config>, 'config'>> = {}): TestContext<Config> {
  const logged: LoggedLine[] = [];
  const published: { name: EventName; payload: unknown }[] = [];
  const logger: AdapterLogger = {
    info: (message, data) => logged.push({ level: 'info', message, data }),
    warn: (message, data) => logged.push({ level: 'warn', message, data }),
    error: (message, data) => logged.push({ level: 'error', message, data }),
  };
  return {
    config,
    secrets: { get: (name) => secrets[name] },
    logger,
    clock: { now: () => Date.now() },
    http: fetchHttpClient,
    async publish(name, payload) {
      published.push({ name, payload });
    },
    ...overrides,
    logged,
    published,
  };
}

let counter = 0;

/** A reservation payload with plausible values (Fontainebleau, Europe/Paris), for specs. */
export function sampleReservationPayload(overrides: Partial<ReservationEventPayload> = {}): ReservationEventPayload {
  return {
    reservationId: '3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10',
    reference: 'MLG-7K2Q',
    status: 'CONFIRMED',
    start: '2026-03-12T13:00:00.000Z',
    end: '2026-03-12T15:00:00.000Z',
    roomIds: ['a1c2e3f4-0000-4000-8000-000000000001'],
    pointIds: ['b1c2e3f4-0000-4000-8000-000000000001'],
    sequence: 0,
    reason: null,
    title: 'Comité de pilotage du tiers-lieu',
    organiser: { name: 'Camille Martin', email: 'camille.martin@example.org' },
    timeZone: 'Europe/Paris',
    rooms: [{ roomId: 'a1c2e3f4-0000-4000-8000-000000000001', roomName: 'Salle Molière', pointId: 'b1c2e3f4-0000-4000-8000-000000000001', pointName: 'Maison France Services de Fontainebleau', address: '12 rue Grande, 77300 Fontainebleau' }],
    ...overrides,
  };
}

/** A domain event as the relay delivers it; the idempotency key defaults to a fresh one. */
export function sampleEvent<N extends EventName>(name: N, payload: DomainEvent<N>['payload'], overrides: Partial<Omit<DomainEvent<N>, 'name' | 'payload'>> = {}): DomainEvent<N> {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return { id, name, payload, occurredAt: new Date().toISOString(), idempotencyKey: `${name}:${id}`, ...overrides };
}
