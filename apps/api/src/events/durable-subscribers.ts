import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventName } from '@maillage/core';

/** A Nest handler that must see every event once: it runs in the transaction that records it handled. */
export interface TransactionalHandler {
  kind: 'transactional';
  handle(event: DomainEvent, em: EntityManager): Promise<void>;
}

/** A handler with effects outside the database (an adapter): called with a time limit, recorded after. */
export interface ExternalHandler {
  kind: 'external';
  handle(event: DomainEvent): Promise<void>;
}

export type DurableHandler = TransactionalHandler | ExternalHandler;

/**
 * A source of durable subscribers whose set depends on data (the adapter host: one subscriber per
 * binding). `route` names, for each event of a batch, the subscribers that must receive it; it runs
 * in the relay's publishing transaction. `resolve` finds the handler of one of its subscribers.
 */
export interface SubscriberSource {
  owns(subscriber: string): boolean;
  route(events: readonly DomainEvent[], em: EntityManager): Promise<string[][]>;
  resolve(subscriber: string): DurableHandler;
}

/**
 * Where durable subscribers register. Each gets every event it subscribes to at least once, in
 * outbox order per aggregate, with retries and dead letters (see OutboxRelay). Register in
 * `onModuleInit` so that the relay knows the subscriber before it publishes.
 */
@Injectable()
export class DurableSubscribers {
  private readonly handlers = new Map<string, { events: ReadonlySet<EventName>; handler: TransactionalHandler }>();
  private readonly sources: SubscriberSource[] = [];

  register(name: string, events: readonly EventName[], handle: TransactionalHandler['handle']): void {
    if (this.handlers.has(name) || name.includes(':')) throw new Error(`durable subscriber name ${name} is taken or contains ':'`);
    this.handlers.set(name, { events: new Set(events), handler: { kind: 'transactional', handle } });
  }

  unregister(name: string): void {
    this.handlers.delete(name);
  }

  addSource(source: SubscriberSource): void {
    this.sources.push(source);
  }

  async route(events: readonly DomainEvent[], em: EntityManager): Promise<string[][]> {
    const routes = events.map((e) => [...this.handlers].filter(([, h]) => h.events.has(e.name)).map(([name]) => name));
    for (const source of this.sources) {
      const extra = await source.route(events, em);
      extra.forEach((names, i) => routes[i].push(...names));
    }
    return routes;
  }

  resolve(subscriber: string): DurableHandler | undefined {
    const own = this.handlers.get(subscriber);
    if (own) return own.handler;
    return this.sources.find((s) => s.owns(subscriber))?.resolve(subscriber);
  }
}
