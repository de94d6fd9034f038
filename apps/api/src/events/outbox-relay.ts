import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type DomainEvent, type EventName, isEventName, runContained } from '@maillage/core';
import { DurableSubscribers } from './durable-subscribers';
import { EventBus } from './event-bus';
import { PgNotifications } from './pg-notifications';
import { backoffDelay, relaySettings, type RelaySettings } from './relay-settings';

const PUBLISH_BATCH = 200;
const DELIVERY_CONCURRENCY = 32;
/** Deliveries of one subscriber in flight at once in a process: a slow adapter cannot take every slot. */
const PER_SUBSCRIBER = 4;
/** NOTIFY channel: `o:<outbox ids>` (published rows, for every process's bus) or `k` (deliveries due). */
export const OUTBOX_CHANNEL = 'maillage_outbox';
/** pg advisory lock key held (per transaction) by the one process publishing at a time. */
const PUBLISH_LOCK = 0x6d61696c;
/** Subscriber name of the relay's own dead letters (events it refused to publish, e.g. unknown names). */
export const RELAY_SUBSCRIBER = 'relay';

interface OutboxRow {
  id: string;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: DomainEvent['payload'];
  idempotency_key: string;
  created_at: Date;
}

interface ClaimedDelivery extends OutboxRow {
  delivery_id: string;
  subscriber: string;
  attempts: number;
}

const toEvent = (row: OutboxRow): DomainEvent =>
  ({ id: row.event_id, name: row.event_type as EventName, payload: row.payload, occurredAt: row.created_at.toISOString(), idempotencyKey: row.idempotency_key }) as DomainEvent;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Runs `pass` now or right after the running one: passes never overlap within a process. */
class SingleFlight {
  private running?: Promise<void>;
  private again = false;
  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}

/**
 * The outbox relay (ADR 0005). Two stages, both safe with several API processes on one database:
 *
 * 1. **Publish** (one process at a time: pg advisory lock + FOR UPDATE SKIP LOCKED): unpublished
 *    outbox rows, in id order, get one `event_delivery` row per durable subscriber that wants them,
 *    are marked published, and are announced with NOTIFY (sent on commit). Every process LISTENs and
 *    emits the announced events on its own in-process bus (GraphQL subscriptions). An event whose
 *    name is not in the event map is not published: it becomes a dead letter with the reason.
 * 2. **Deliver** (any process; rows claimed with SKIP LOCKED and leased): each pending delivery
 *    whose earlier deliveries to the same subscriber for the same aggregate are done, is handed to
 *    its handler with a time limit. Success records `handled_event` (subscriber, idempotency key);
 *    failure retries with exponential backoff; after `maxAttempts` failures the delivery is dead.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  readonly settings: RelaySettings = relaySettings();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly publisher = new SingleFlight(
    () => this.publishPass(),
    (error) => this.log.error(`publish pass failed: ${message(error)}`),
  );
  private readonly deliverer = new SingleFlight(
    () => this.deliverPass(),
    (error) => this.log.error(`delivery pass failed: ${message(error)}`),
  );
  private readonly inFlight = new Map<string, Promise<void>>();
  private emitting: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: EventBus,
    private readonly subscribers: DurableSubscribers,
    private readonly notifications: PgNotifications,
  ) {}

  onModuleInit(): void {
    this.notifications.on(OUTBOX_CHANNEL, (payload) => this.onNotification(payload));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all([this.publisher.idle(), this.deliverer.idle(), this.emitting, ...this.inFlight.values()]);
  }

  /** Asks for a publish pass and a delivery pass (after a write, on the timer, on NOTIFY). */
  kick(): void {
    if (this.stopped) return;
    this.publisher.kick();
    this.deliverer.kick();
  }

  /** Waits until nothing is being published or delivered by this process (tests, benchmarks). */
  async settle(): Promise<void> {
    await Promise.all([this.publisher.idle(), this.deliverer.idle(), this.emitting, ...this.inFlight.values()]);
  }

  // ---- stage 1: publish ------------------------------------------------------------------------

  private async publishPass(): Promise<void> {
    for (let claimed = PUBLISH_BATCH; claimed === PUBLISH_BATCH && !this.stopped; ) {
      const result = await this.db.transaction((em) => this.publishBatch(em));
      if (result === 'busy') {
        // Another process holds the publish lock; it may have looked before our rows committed.
        setTimeout(() => this.publisher.kick(), 100).unref();
        return;
      }
      claimed = result.claimed;
      if (result.published.length && !this.notifications.connected) await this.emit(result.published);
      if (result.delivered) this.deliverer.kick();
    }
  }

  private async publishBatch(em: EntityManager): Promise<'busy' | { claimed: number; published: string[]; delivered: boolean }> {
    const [{ locked }]: { locked: boolean }[] = await em.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [PUBLISH_LOCK]);
    if (!locked) return 'busy';
    const rows: OutboxRow[] = await em.query(
      `SELECT id, event_id, event_type, aggregate_type, aggregate_id, payload, idempotency_key, created_at FROM outbox
        WHERE published_at IS NULL ORDER BY id LIMIT ${PUBLISH_BATCH} FOR UPDATE SKIP LOCKED`,
    );
    if (!rows.length) return { claimed: 0, published: [], delivered: false };
    const known = rows.filter((r) => isEventName(r.event_type));
    const unknown = rows.filter((r) => !isEventName(r.event_type));
    const routes = await this.subscribers.route(known.map(toEvent), em);
    const deliveries = known.flatMap((row, i) => routes[i].map((subscriber) => ({ row, subscriber })));
    if (deliveries.length) {
      await em.query(
        `INSERT INTO event_delivery (outbox_id, event_id, subscriber, aggregate_key)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[]) ON CONFLICT (event_id, subscriber) DO NOTHING`,
        [deliveries.map((d) => d.row.id), deliveries.map((d) => d.row.event_id), deliveries.map((d) => d.subscriber), deliveries.map((d) => `${d.row.aggregate_type}:${d.row.aggregate_id}`)],
      );
    }
    for (const row of unknown) {
      const reason = `unknown event name ${JSON.stringify(row.event_type)}: not in the event map, not published`;
      this.log.error(`outbox row ${row.id}: ${reason}`);
      await em.query(
        `INSERT INTO event_delivery (outbox_id, event_id, subscriber, aggregate_key, status, attempts, last_error)
         VALUES ($1, $2, $3, $4, 'dead', 1, $5)
         ON CONFLICT (event_id, subscriber) DO UPDATE SET status = 'dead', attempts = event_delivery.attempts + 1, last_error = $5, updated_at = now()`,
        [row.id, row.event_id, RELAY_SUBSCRIBER, `${row.aggregate_type}:${row.aggregate_id}`, reason],
      );
      await em.query(`UPDATE outbox SET last_error = $2 WHERE id = $1`, [row.id, reason]);
    }
    await em.query(`UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
    const published = known.map((r) => r.id);
    // NOTIFY is delivered on commit, to every LISTENing process including this one. 8000-byte limit.
    for (let i = 0; i < published.length; i += 500) await em.query(`SELECT pg_notify($1, $2)`, [OUTBOX_CHANNEL, `o:${published.slice(i, i + 500).join(',')}`]);
    return { claimed: rows.length, published, delivered: deliveries.length > 0 };
  }

  private onNotification(payload: string): void {
    if (this.stopped) return;
    if (payload.startsWith('o:')) {
      const ids = payload.slice(2).split(',').filter((id) => /^\d+$/.test(id));
      this.emitting = this.emitting.then(() => this.emit(ids)).catch((error: unknown) => {
        if (!this.stopped) this.log.error(`emitting events failed: ${message(error)}`);
      });
    }
    this.deliverer.kick();
  }

  /** Loads published rows and emits them, in id order, on this process's bus. */
  private async emit(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows: OutboxRow[] = await this.db.query(
      `SELECT id, event_id, event_type, aggregate_type, aggregate_id, payload, idempotency_key, created_at FROM outbox WHERE id = ANY($1) ORDER BY id`,
      [ids],
    );
    for (const row of rows) {
      try {
        this.bus.publish(toEvent(row));
      } catch (error) {
        this.log.error(`in-process subscriber failed on ${row.event_type}: ${message(error)}`);
      }
    }
  }

  // ---- stage 2: deliver ------------------------------------------------------------------------

  private async deliverPass(): Promise<void> {
    while (!this.stopped) {
      // Claim in batches: wait until half the slots are free (each claim is a transaction).
      const room = DELIVERY_CONCURRENCY - this.inFlight.size;
      if (room < DELIVERY_CONCURRENCY / 2) return;
      const claimed = await this.claim(room);
      for (const delivery of claimed) {
        const run = this.deliver(delivery).finally(() => {
          this.inFlight.delete(delivery.delivery_id);
          this.deliverer.kick();
        });
        this.inFlight.set(delivery.delivery_id, run);
      }
      if (claimed.length < room) return;
    }
  }

  /**
   * Claims due deliveries and leases them to this process, at most PER_SUBSCRIBER in flight per
   * external subscriber (adapters; counting those already running here): rows beyond its share are
   * left unleased, and the query is run again without the subscribers now full, so others are served.
   * Fewer adapter calls in flight also means fewer effects to repeat after a crash (ADR 0005).
   */
  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const load = new Map<string, number>();
    for (const key of this.inFlightSubscribers.values()) load.set(key, (load.get(key) ?? 0) + 1);
    const claimed = await this.db.transaction(async (em) => {
      const kept: ClaimedDelivery[] = [];
      // Each round that leaves a row out fills one more subscriber: at most one round per subscriber.
      for (;;) {
        const want = limit - kept.length;
        const saturated = [...load].filter(([, n]) => n >= PER_SUBSCRIBER).map(([s]) => s);
        const rows: ClaimedDelivery[] = await em.query(
          `SELECT d.id AS delivery_id, d.subscriber, d.attempts, o.id, o.event_id, o.event_type, o.aggregate_type, o.aggregate_id, o.payload, o.idempotency_key, o.created_at
             FROM event_delivery d JOIN outbox o ON o.id = d.outbox_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND NOT (d.subscriber = ANY($2::text[])) AND NOT (d.id = ANY($3::bigint[]))
              AND NOT EXISTS (SELECT 1 FROM event_delivery e WHERE e.status = 'pending' AND e.subscriber = d.subscriber AND e.aggregate_key = d.aggregate_key AND e.outbox_id < d.outbox_id)
            ORDER BY d.next_attempt_at, d.id LIMIT $1 FOR UPDATE OF d SKIP LOCKED`,
          [want, saturated, kept.map((r) => r.delivery_id)],
        );
        let leftOut = false;
        for (const row of rows) {
          const n = load.get(row.subscriber) ?? 0;
          // Transactional handlers are not capped: their effect commits with the delivery (and they are fast).
          if (n >= PER_SUBSCRIBER && this.subscribers.resolve(row.subscriber)?.kind !== 'transactional') {
            leftOut = true;
            continue;
          }
          load.set(row.subscriber, n + 1);
          kept.push(row);
        }
        if (!leftOut || rows.length < want || kept.length >= limit) break;
      }
      if (kept.length) {
        await em.query(`UPDATE event_delivery SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond', updated_at = now() WHERE id = ANY($1)`, [
          kept.map((r) => r.delivery_id),
          this.settings.leaseMs,
        ]);
      }
      return kept.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
    for (const d of claimed) this.inFlightSubscribers.set(d.delivery_id, d.subscriber);
    return claimed;
  }

  private readonly inFlightSubscribers = new Map<string, string>();

  private async deliver(d: ClaimedDelivery): Promise<void> {
    try {
      if (d.subscriber === RELAY_SUBSCRIBER) return await this.republish(d);
      const event = toEvent(d);
      const handler = this.subscribers.resolve(d.subscriber);
      if (!handler) throw new Error(`no durable subscriber named ${d.subscriber} in this process`);
      const label = `${d.subscriber}(${d.event_type})`;
      if (handler.kind === 'transactional') {
        await this.db.transaction(async (em) => {
          if (await this.markHandled(em, d)) {
            const result = await runContained(() => handler.handle(event, em), this.settings.callTimeoutMs, label);
            if (!result.ok) throw new Error(`${result.failure.kind}: ${result.failure.message}`);
          }
          await this.markDone(em, d);
        });
      } else {
        const seen: unknown[] = await this.db.query(`SELECT 1 FROM handled_event WHERE subscriber = $1 AND idempotency_key = $2`, [d.subscriber, d.idempotency_key]);
        if (!seen.length) {
          const result = await runContained(() => handler.handle(event), this.settings.callTimeoutMs, label);
          if (!result.ok) throw new Error(`${result.failure.kind}: ${result.failure.message}`);
        }
        await this.db.transaction(async (em) => {
          await this.markHandled(em, d);
          await this.markDone(em, d);
        });
      }
    } catch (error) {
      await this.fail(d, message(error)).catch((e: unknown) => this.log.error(`recording a failed delivery failed: ${message(e)}`));
    } finally {
      this.inFlightSubscribers.delete(d.delivery_id);
    }
  }

  private async markHandled(em: EntityManager, d: ClaimedDelivery): Promise<boolean> {
    const inserted: unknown[] = await em.query(`INSERT INTO handled_event (subscriber, idempotency_key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`, [d.subscriber, d.idempotency_key]);
    return inserted.length > 0;
  }

  private async markDone(em: EntityManager, d: ClaimedDelivery): Promise<void> {
    await em.query(`UPDATE event_delivery SET status = 'done', last_error = NULL, updated_at = now() WHERE id = $1`, [d.delivery_id]);
  }

  private async fail(d: ClaimedDelivery, error: string, permanent = false): Promise<void> {
    const dead = permanent || d.attempts >= this.settings.maxAttempts;
    if (dead) this.log.warn(`delivery ${d.delivery_id} of ${d.event_type} to ${d.subscriber} is dead after ${d.attempts} attempts: ${error}`);
    await this.db.query(
      `UPDATE event_delivery SET status = $2, next_attempt_at = now() + $3 * interval '1 millisecond', last_error = $4, updated_at = now() WHERE id = $1`,
      [d.delivery_id, dead ? 'dead' : 'pending', backoffDelay(this.settings, d.attempts), error],
    );
  }

  /** A replayed dead letter of the relay itself: publish the row again if its name is known now. */
  private async republish(d: ClaimedDelivery): Promise<void> {
    if (!isEventName(d.event_type)) return this.fail(d, `unknown event name ${JSON.stringify(d.event_type)}: not in the event map, not published`, true);
    await this.db.transaction(async (em) => {
      await em.query(`UPDATE outbox SET published_at = NULL, last_error = NULL WHERE id = $1`, [d.id]);
      await this.markDone(em, d);
    });
    this.publisher.kick();
  }
}
