import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DomainEvent, EventName } from '@maillage/core';
import { EventBus } from './event-bus';

const BATCH = 200;
const POLL_MS = 500;

/**
 * Publishes committed outbox rows to the bus in id order, at least once. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several API instances never publish the same row at the same time.
 * Runs after each write (kick) and on a timer, to pick up rows written by a process that died.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Asks for a relay pass; passes never overlap within a process. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.log.error(`relay pass failed: ${String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (let published = BATCH; published === BATCH && !this.stopped; ) {
      published = await this.db.transaction(async (em) => {
        const rows: { id: string; event_id: string; event_type: EventName; payload: DomainEvent['payload']; idempotency_key: string; created_at: Date }[] = await em.query(
          `SELECT id, event_id, event_type, payload, idempotency_key, created_at FROM outbox
            WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        for (const row of rows) {
          this.bus.publish({ id: row.event_id, name: row.event_type, payload: row.payload, occurredAt: row.created_at.toISOString(), idempotencyKey: row.idempotency_key } as DomainEvent);
        }
        if (rows.length) await em.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
        return rows.length;
      });
    }
  }
}
