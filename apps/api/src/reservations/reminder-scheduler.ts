import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendEventOnce } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { Poller } from '../common/poller';
import { loadRoomContexts } from './booking-context';
import { reservationEventPayload } from './reservation-event-payload';
import { Reservation, ReservationStatus, RoomSlot } from './reservation.entity';
import type { ApiConfig } from '../config';
import { SIP_SETTINGS } from '../sip/sip-address';

/** How far ahead a confirmed reservation is reminded: the day before. */
export const REMINDER_WINDOW_MS = 24 * 60 * 60_000;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Writes `reservation.reminder` for every CONFIRMED reservation starting within the next 24 h, once
 * per reservation and sequence: the outbox idempotency key `reservation.reminder:<id>:<sequence>`
 * makes several instances, overlapping passes and restarts remind once (a change after the reminder
 * raises the sequence, so the changed reservation is reminded again). Polls every REMINDER_POLL_MS
 * (default 60 000); notification adapters turn the event into the e-mail of the day before.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ReminderScheduler');
  readonly pollMs = positive(process.env.REMINDER_POLL_MS, 60_000);
  private readonly poller = new Poller('reminder pass', this.pollMs, () => this.runOnce(), this.log);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
    @Inject(SIP_SETTINGS) private readonly sip: ApiConfig['sip'],
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  /** One pass: returns how many reminders it wrote (0 for those another pass or instance already wrote). */
  async runOnce(now = Date.now()): Promise<number> {
    const due: { id: string; sequence: number }[] = await this.db.query(
      `SELECT r.id, r.sequence FROM reservation r
        WHERE r.status = $1 AND r.start_at > $2 AND r.start_at <= $3
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'reservation.reminder:' || r.id || ':' || r.sequence)
        ORDER BY r.start_at`,
      [ReservationStatus.CONFIRMED, new Date(now), new Date(now + REMINDER_WINDOW_MS)],
    );
    let written = 0;
    for (const { id } of due) {
      if (this.poller.isStopped) break;
      const wrote = await this.db.transaction(async (em) => {
        // Locked and read again: a cancellation or change racing the reminder wins or waits.
        const [r] = await em.getRepository(Reservation).find({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!r || r.status !== ReservationStatus.CONFIRMED || r.start.getTime() <= now || r.start.getTime() > now + REMINDER_WINDOW_MS) return false;
        const slots = await em.getRepository(RoomSlot).find({ where: { reservationId: id }, order: { id: 'ASC' } });
        if (slots.length === 0) return false;
        const contexts = await loadRoomContexts(em, slots.map((s) => s.roomId), ['id'], { requireActivePoint: false });
        return appendEventOnce(em, 'reservation.reminder', { type: 'reservation', id }, reservationEventPayload(r, contexts, this.sip), `reservation.reminder:${id}:${r.sequence}`);
      });
      if (wrote) written++;
    }
    if (written > 0) {
      this.relay.kick();
      this.log.log(`${written} reminder(s) written`);
    }
    return written;
  }
}
