import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AdapterContext, type ConferencingAdapter, runContained } from '@maillage/core';
import { conferencingMediasoupAdapter } from '@maillage/adapters';
import { AdapterHost } from '../adapters/adapter-host';
import { OutboxRelay } from '../events/outbox-relay';
import { BuiltInBridges } from './built-in-bridges';

/** The id of the built-in conferencing adapter, used when a point binds none. */
export const BUILT_IN_CONFERENCING = conferencingMediasoupAdapter.manifest.id;

export interface ResolvedConferencing {
  adapterId: string;
  /** Null for the built-in default (no binding). */
  bindingId: string | null;
  adapter: ConferencingAdapter;
}

/**
 * Which conferencing adapter runs a reservation's meeting: the enabled conferencing binding of its
 * first point, else the built-in "mediasoup" one (one instance for the process, on the built-in
 * bridges). Every call to an adapter goes through `call`: time limit, failures contained.
 */
@Injectable()
export class Conferencing {
  private readonly log = new Logger('Conferencing');
  private builtIn?: Promise<ConferencingAdapter>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly adapters: AdapterHost,
    private readonly bridges: BuiltInBridges,
    private readonly relay: OutboxRelay,
  ) {}

  async forPoint(pointId: string | undefined): Promise<ResolvedConferencing> {
    if (pointId) {
      const bindings: { id: string; adapter_id: string }[] = await this.db.query(`SELECT id, adapter_id FROM adapter_binding WHERE point_id = $1 AND enabled ORDER BY created_at, id`, [pointId]);
      for (const b of bindings) {
        if (this.adapters.registry.get(b.adapter_id)?.manifest.kind !== 'conferencing') continue;
        const resolved = await this.forBinding(b.adapter_id, b.id);
        if (resolved) return resolved;
      }
    }
    return { adapterId: BUILT_IN_CONFERENCING, bindingId: null, adapter: await this.defaultAdapter() };
  }

  /** The adapter that opened a meeting (to close it); undefined when its binding is gone or down. */
  async forBinding(adapterId: string, bindingId: string | null): Promise<ResolvedConferencing | undefined> {
    if (!bindingId) return adapterId === BUILT_IN_CONFERENCING ? { adapterId, bindingId: null, adapter: await this.defaultAdapter() } : undefined;
    const loaded = await this.adapters.get(bindingId);
    if (!loaded || loaded.initError || loaded.definition.manifest.kind !== 'conferencing') {
      this.log.warn(`conferencing binding ${bindingId} (${adapterId}) is ${loaded ? `down: ${loaded.initError ?? 'not conferencing'}` : 'gone'}`);
      return undefined;
    }
    return { adapterId, bindingId, adapter: loaded.instance as ConferencingAdapter };
  }

  /** Runs an adapter call with the host's time limit; a throw or a hang becomes an Error. */
  async call<T>(resolved: ResolvedConferencing, label: string, work: (adapter: ConferencingAdapter) => Promise<T>): Promise<T> {
    const result = await runContained(() => work(resolved.adapter), this.relay.settings.callTimeoutMs, `${resolved.adapterId}.${label}`);
    if (result.ok) return result.value;
    const cause = result.failure.cause;
    if (cause instanceof Error && result.failure.kind === 'error') throw cause;
    throw new Error(result.failure.message);
  }

  private defaultAdapter(): Promise<ConferencingAdapter> {
    this.builtIn ??= (async () => {
      const logger = new Logger(`adapter:${BUILT_IN_CONFERENCING}:built-in`);
      const context: AdapterContext<Record<string, unknown>> = {
        config: {},
        secrets: { get: () => undefined },
        logger: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        clock: { now: () => Date.now() },
        http: { fetch: () => Promise.reject(new Error('the built-in conferencing adapter makes no http call')) },
        publish: () => Promise.reject(new Error('the built-in conferencing adapter publishes nothing')),
        bridges: this.bridges,
      };
      const adapter = conferencingMediasoupAdapter.create(context);
      await adapter.init();
      return adapter;
    })();
    return this.builtIn;
  }
}
