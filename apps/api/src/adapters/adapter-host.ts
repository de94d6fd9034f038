import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AdapterContext,
  type AdapterHealth,
  type AdapterInstance,
  type AnyAdapterDefinition,
  type BridgeHost,
  type ConciergeAdapter,
  type DomainEvent,
  type EndpointAdapter,
  type EndpointStatus,
  type HttpClient,
  type SipUserAgent,
  runContained,
  validateAdapterConfig,
} from '@maillage/core';
import { SecretBox } from '../common/secrets';
import { DurableSubscribers, type DurableHandler, type SubscriberSource } from '../events/durable-subscribers';
import { appendEvent } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { PgNotifications } from '../events/pg-notifications';
import { SECRET_BOX } from '../points/points.service';
import { SafeFetcher } from '../security/safe-fetch';
import { AdapterBinding } from './adapter-binding.entity';
import { ADAPTER_REGISTRY, type AdapterRegistry, BINDINGS_CHANNEL, ENDPOINT_BINDING_PREFIX } from './adapter-registry';

export { BINDINGS_CHANNEL } from './adapter-registry';

const PREFIX = 'adapter:';
const HEALTH_TIMEOUT_MS = 2000;

/** Nest token of the built-in meeting bridges, offered to adapters as `context.bridges` (meetings/built-in-bridges.ts). */
export const BRIDGE_HOST = Symbol('BRIDGE_HOST');

export const subscriberOf = (bindingId: string) => `${PREFIX}${bindingId}`;

/** A binding loaded in this process: its definition, its instance, and how its init went. */
export interface LoadedBinding {
  binding: AdapterBinding;
  definition: AnyAdapterDefinition;
  instance: AdapterInstance;
  /** Null when init succeeded. */
  initError: string | null;
}

/** An endpoint's driver loaded in this process (the endpoint row is its binding). */
export interface LoadedEndpoint {
  endpointId: string;
  definition: AnyAdapterDefinition;
  instance: EndpointAdapter;
  initError: string | null;
  unsubscribe?: () => void;
  /** The endpoint's driver columns it was created from: a change notice naming the same ones keeps it. */
  fingerprint: string;
}

type EndpointRow = { id: string; adapter_id: string | null; adapter_config: Record<string, unknown>; adapter_secrets: string | null };
const endpointFingerprint = (row: EndpointRow | undefined) => (row ? JSON.stringify([row.adapter_id, row.adapter_config, row.adapter_secrets]) : '');

/** What a context is built from: a point's binding, or an endpoint's adapter columns. */
type BindingSource = Pick<AdapterBinding, 'id' | 'config' | 'secrets'>;

/** Does an event concern a point? `pointIds`, `rooms[].pointId` or `pointId` of its payload. */
export function concernsPoint(event: DomainEvent, pointId: string): boolean {
  const payload = event.payload as { pointIds?: unknown; rooms?: unknown; pointId?: unknown };
  if (Array.isArray(payload.pointIds) && payload.pointIds.includes(pointId)) return true;
  if (Array.isArray(payload.rooms) && payload.rooms.some((r: { pointId?: unknown }) => r?.pointId === pointId)) return true;
  return payload.pointId === pointId;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Adapters' HTTP: the safe fetcher (public addresses only, each redirect checked, size and time
 * limits while streaming; ADR 0011) with the adapter's time limit, at most the host's per-call limit.
 */
function httpClient(fetcher: SafeFetcher, limitMs: number): HttpClient {
  return {
    async fetch(url, init = {}) {
      const res = await fetcher.fetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, timeoutMs: Math.min(init.timeoutMs ?? limitMs, limitMs) });
      return { status: res.status, headers: res.headers, text: async () => new TextDecoder('utf-8').decode(res.body) };
    },
  };
}

/**
 * Loads the adapters bound to points (one instance per enabled binding), builds their context, and
 * contains their failures: init, handle, health and dispose are each called with a time limit and
 * never throw into the host. Durable deliveries reach `handle` through the relay (one subscriber
 * `adapter:<bindingId>` per binding, for the events its manifest subscribes to that concern its
 * point), with retries, backoff and dead letters.
 */
@Injectable()
export class AdapterHost implements SubscriberSource, OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AdapterHost');
  private readonly loaded = new Map<string, Promise<LoadedBinding | undefined>>();
  private readonly endpoints = new Map<string, Promise<LoadedEndpoint | undefined>>();
  private endpointStatusSink?: (endpointId: string, status: EndpointStatus) => void;
  private stopped = false;
  /**
   * The SIP gateway's user agent, offered to every adapter as `context.sipAgent` (endpoint-sip
   * dials out and pings through it). Set by the gateway (it starts after the drivers may have
   * loaded, and may not run at all): read at each use, never copied.
   */
  sipAgent?: () => SipUserAgent | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ADAPTER_REGISTRY) readonly registry: AdapterRegistry,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly subscribers: DurableSubscribers,
    private readonly relay: OutboxRelay,
    private readonly notifications: PgNotifications,
    private readonly fetcher: SafeFetcher,
    @Optional() @Inject(BRIDGE_HOST) private readonly bridges?: BridgeHost,
  ) {}

  onModuleInit(): void {
    this.subscribers.addSource(this);
    this.notifications.on(BINDINGS_CHANNEL, (id) => void (id.startsWith(ENDPOINT_BINDING_PREFIX) ? this.reloadEndpoint(id.slice(ENDPOINT_BINDING_PREFIX.length)) : this.reload(id)));
  }

  async onApplicationBootstrap(): Promise<void> {
    const bindings = await this.db.getRepository(AdapterBinding).findBy({ enabled: true });
    await Promise.all(bindings.map((b) => this.get(b.id)));
    if (bindings.length) this.log.log(`${bindings.length} adapter binding(s) loaded`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const all = [...this.loaded.values()];
    this.loaded.clear();
    const endpoints = [...this.endpoints.values()];
    this.endpoints.clear();
    await Promise.all([...all.map(async (p) => this.dispose(await p)), ...endpoints.map(async (p) => this.disposeEndpoint(await p))]);
  }

  // ---- SubscriberSource -----------------------------------------------------------------------

  owns(subscriber: string): boolean {
    return subscriber.startsWith(PREFIX);
  }

  async route(events: readonly DomainEvent[], em: EntityManager): Promise<string[][]> {
    const bindings: { id: string; point_id: string; adapter_id: string }[] = await em.query(`SELECT id, point_id, adapter_id FROM adapter_binding WHERE enabled ORDER BY created_at, id`);
    return events.map((event) =>
      bindings
        .filter((b) => this.registry.get(b.adapter_id)?.manifest.subscribes.includes(event.name) && concernsPoint(event, b.point_id))
        .map((b) => subscriberOf(b.id)),
    );
  }

  resolve(subscriber: string): DurableHandler {
    const bindingId = subscriber.slice(PREFIX.length);
    return { kind: 'external', handle: (event) => this.handle(bindingId, event) };
  }

  private async handle(bindingId: string, event: DomainEvent): Promise<void> {
    const loaded = await this.get(bindingId);
    if (!loaded) return; // unbound since: nothing left to deliver to
    if (loaded.initError) {
      // Try again: the vendor may be back. Failing, the relay retries later or dead-letters.
      await this.init(loaded);
      if (loaded.initError) throw new Error(`adapter ${loaded.definition.manifest.id} is down: ${loaded.initError}`);
    }
    if (!loaded.instance.handle) return;
    await loaded.instance.handle(event);
  }

  // ---- bindings -------------------------------------------------------------------------------

  /** The binding's loaded adapter (loading it when needed); undefined when unbound or disabled. */
  get(bindingId: string): Promise<LoadedBinding | undefined> {
    let entry = this.loaded.get(bindingId);
    if (!entry) {
      entry = this.load(bindingId).catch((error: unknown) => {
        this.log.error(`loading binding ${bindingId} failed: ${message(error)}`);
        this.loaded.delete(bindingId);
        return undefined;
      });
      this.loaded.set(bindingId, entry);
      const settled = entry;
      // Unknown, unbound or disabled: not cached (webhooks may name any id).
      void settled.then((l) => {
        if (!l && this.loaded.get(bindingId) === settled) this.loaded.delete(bindingId);
      });
    }
    return entry;
  }

  /** Drops this process's instance of a binding (disposed), to be loaded again from the database. */
  async reload(bindingId: string): Promise<void> {
    const entry = this.loaded.get(bindingId);
    this.loaded.delete(bindingId);
    if (entry) await this.dispose(await entry);
    if (!this.stopped) await this.get(bindingId);
  }

  async health(bindingId: string): Promise<AdapterHealth> {
    const loaded = await this.get(bindingId);
    if (!loaded) return { status: 'down', detail: 'binding disabled or adapter not installed' };
    if (loaded.initError) return { status: 'down', detail: `init failed: ${loaded.initError}` };
    const result = await runContained(() => loaded.instance.health(), HEALTH_TIMEOUT_MS, `${loaded.definition.manifest.id}.health`);
    return result.ok ? result.value : { status: 'down', detail: `health check ${result.failure.kind}: ${result.failure.message}` };
  }

  /** The concierge instance of a binding, for its webhook; undefined when it has none. */
  async concierge(bindingId: string): Promise<{ loaded: LoadedBinding; receiveWebhook: ConciergeAdapter['receiveWebhook'] } | undefined> {
    const loaded = await this.get(bindingId);
    const instance = loaded?.instance as Partial<ConciergeAdapter> | undefined;
    if (!loaded || typeof instance?.receiveWebhook !== 'function') return undefined;
    return { loaded, receiveWebhook: instance.receiveWebhook.bind(instance) };
  }

  // ---- endpoint bindings (a room system's driver: adapter id, configuration and sealed secrets on the endpoint row) ----

  /** Receives every status an endpoint driver pushes (the endpoints service records it). */
  onEndpointStatus(sink: (endpointId: string, status: EndpointStatus) => void): void {
    this.endpointStatusSink = sink;
  }

  /** The endpoint's driver (loaded and initialised when needed); undefined without a driver of kind 'endpoint'. */
  endpoint(endpointId: string): Promise<LoadedEndpoint | undefined> {
    let entry = this.endpoints.get(endpointId);
    if (!entry) {
      entry = this.loadEndpoint(endpointId).catch((error: unknown) => {
        this.log.error(`loading the driver of endpoint ${endpointId} failed: ${message(error)}`);
        return undefined;
      });
      this.endpoints.set(endpointId, entry);
      const settled = entry;
      void settled.then((l) => {
        if (!l && this.endpoints.get(endpointId) === settled) this.endpoints.delete(endpointId);
      });
    }
    return entry;
  }

  /** Drops this process's driver of an endpoint (disposed) and loads it again from the database (its status events flow at once). */
  async reloadEndpoint(endpointId: string): Promise<void> {
    const entry = this.endpoints.get(endpointId);
    // The notice of a change this driver was already loaded from (an insert, a rename): keep it, calls in flight go on.
    const current = await entry;
    if (current && current.fingerprint === endpointFingerprint(await this.endpointRow(endpointId))) return;
    if (this.endpoints.get(endpointId) !== entry) return; // reloaded meanwhile
    this.endpoints.delete(endpointId);
    if (entry) await this.disposeEndpoint(await entry);
    if (!this.stopped) await this.endpoint(endpointId);
  }

  /** Initialises a driver whose init failed before (the device may be back); true when it is ready. */
  async ensureEndpointReady(loaded: LoadedEndpoint): Promise<boolean> {
    if (!loaded.initError) return true;
    const result = await runContained(() => loaded.instance.init(), this.relay.settings.callTimeoutMs, `${loaded.definition.manifest.id}.init`);
    loaded.initError = result.ok ? null : `${result.failure.kind}: ${result.failure.message}`;
    return !loaded.initError;
  }

  private async endpointRow(endpointId: string): Promise<EndpointRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(endpointId)) return undefined;
    const [row]: EndpointRow[] = await this.db.query(`SELECT id, adapter_id, adapter_config, adapter_secrets FROM endpoint WHERE id = $1`, [endpointId]);
    return row;
  }

  private async loadEndpoint(endpointId: string): Promise<LoadedEndpoint | undefined> {
    const row = await this.endpointRow(endpointId);
    const definition = row?.adapter_id ? this.registry.get(row.adapter_id) : undefined;
    if (!row || !definition || definition.manifest.kind !== 'endpoint') return undefined;
    const instance = definition.create(this.context({ id: row.id, config: row.adapter_config, secrets: row.adapter_secrets }, definition)) as EndpointAdapter;
    const loaded: LoadedEndpoint = { endpointId, definition, instance, initError: 'not initialised', fingerprint: endpointFingerprint(row) };
    await this.ensureEndpointReady(loaded);
    if (loaded.initError) this.log.warn(`endpoint ${endpointId} (${definition.manifest.id}) init failed: ${loaded.initError}`);
    if (typeof instance.onStatusChange === 'function') {
      try {
        loaded.unsubscribe = instance.onStatusChange((status) => this.endpointStatusSink?.(endpointId, status));
      } catch (error) {
        this.log.warn(`endpoint ${endpointId}: onStatusChange threw: ${message(error)}`);
      }
    }
    return loaded;
  }

  private async disposeEndpoint(loaded: LoadedEndpoint | undefined): Promise<void> {
    if (!loaded) return;
    loaded.unsubscribe?.();
    const result = await runContained(() => loaded.instance.dispose(), this.relay.settings.callTimeoutMs, `${loaded.definition.manifest.id}.dispose`);
    if (!result.ok) this.log.warn(`endpoint ${loaded.endpointId} dispose ${result.failure.kind}: ${result.failure.message}`);
  }

  private async load(bindingId: string): Promise<LoadedBinding | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(bindingId)) return undefined;
    const binding = await this.db.getRepository(AdapterBinding).findOneBy({ id: bindingId });
    if (!binding?.enabled) return undefined;
    const definition = this.registry.get(binding.adapterId);
    if (!definition) {
      this.log.warn(`binding ${binding.id}: adapter ${binding.adapterId} is not installed`);
      return undefined;
    }
    let instance: AdapterInstance;
    let initError: string | null = null;
    try {
      instance = definition.create(this.context(binding, definition));
    } catch (error) {
      initError = `create failed: ${message(error)}`;
      instance = { init: async () => undefined, dispose: async () => undefined, health: async () => ({ status: 'down', detail: initError ?? '' }) };
      return { binding, definition, instance, initError };
    }
    const loaded: LoadedBinding = { binding, definition, instance, initError };
    await this.init(loaded);
    return loaded;
  }

  private async init(loaded: LoadedBinding): Promise<void> {
    const result = await runContained(() => loaded.instance.init(), this.relay.settings.callTimeoutMs, `${loaded.definition.manifest.id}.init`);
    loaded.initError = result.ok ? null : `${result.failure.kind}: ${result.failure.message}`;
    if (loaded.initError) this.log.warn(`binding ${loaded.binding.id} (${loaded.definition.manifest.id}) init failed: ${loaded.initError}`);
  }

  private async dispose(loaded: LoadedBinding | undefined): Promise<void> {
    if (!loaded) return;
    const result = await runContained(() => loaded.instance.dispose(), this.relay.settings.callTimeoutMs, `${loaded.definition.manifest.id}.dispose`);
    if (!result.ok) this.log.warn(`binding ${loaded.binding.id} dispose ${result.failure.kind}: ${result.failure.message}`);
  }

  private context(binding: BindingSource, definition: AnyAdapterDefinition): AdapterContext {
    const secrets = binding.secrets ? this.box.open(binding.secrets) : {};
    const logger = new Logger(`adapter:${definition.manifest.id}:${binding.id.slice(0, 8)}`);
    const subscriber = subscriberOf(binding.id);
    const format = (text: string, data?: Record<string, unknown>) => (data ? `${text} ${JSON.stringify(data)}` : text);
    const sipAgent = () => this.sipAgent?.();
    return {
      config: validateAdapterConfig(definition.manifest, binding.config),
      secrets: { get: (name) => secrets[name] },
      logger: {
        info: (text, data) => logger.log(format(text, data)),
        warn: (text, data) => logger.warn(format(text, data)),
        error: (text, data) => logger.error(format(text, data)),
      },
      clock: { now: () => Date.now() },
      http: httpClient(this.fetcher, this.relay.settings.callTimeoutMs),
      publish: async (name, payload) => {
        await this.db.transaction((em) => appendEvent(em, name, { type: 'adapter-binding', id: binding.id }, payload, `${name}:${binding.id}:${randomUUID()}`));
        this.relay.kick();
      },
      idempotency: {
        seen: async (key) => ((await this.db.query(`SELECT 1 FROM handled_event WHERE subscriber = $1 AND idempotency_key = $2`, [subscriber, key])) as unknown[]).length > 0,
        remember: async (key) => {
          await this.db.query(`INSERT INTO handled_event (subscriber, idempotency_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [subscriber, key]);
        },
      },
      ...(this.bridges ? { bridges: this.bridges } : {}),
      get sipAgent() {
        return sipAgent();
      },
    };
  }
}
