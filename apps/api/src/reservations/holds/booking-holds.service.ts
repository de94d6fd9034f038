import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, rateLimited } from '@maillage/core';
import { ANONYMOUS, type Actor, SYSTEM } from '../../auth/actor';
import { audit } from '../../auth/audit';
import { sha256 } from '../../auth/passwords';
import { type OutboxEvent, appendEvents } from '../../events/outbox';
import { OutboxRelay } from '../../events/outbox-relay';
import { RateLimiter } from '../../security/rate-limiter';
import { PublicUrl } from '../../security/public-url';
import { SECURITY_SETTINGS } from '../../security/tokens';
import type { SecuritySettings } from '../../security/security-settings';
import { QuotesService } from '../../tariffs/quotes.service';
import { loadRoomContexts, type RoomContext } from '../booking-context';
import { rowMapper } from '../../database/raw-rows';
import { Reservation, ReservationStatus } from '../reservation.entity';
import { availabilityEvent, reservationEventPayload, reservationEvents } from '../reservation-event-payload';
import { HoldTokens } from './hold-token';
import type { ApiConfig } from '../../config';
import { SIP_SETTINGS } from '../../sip/sip-address';

export const HOLD_TOKENS = Symbol('HOLD_TOKENS');

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
const returned = (result: unknown): Record<string, unknown>[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as Record<string, unknown>[]));

/** The hold of one anonymous request: every reservation it writes is HELD under this id until `expiresAt`. */
export interface Hold {
  id: string;
  expiresAt: Date;
}

/** The page where an organiser manages a reservation (apps/admin: /reservation/<reference>?jeton=<access token>). */
export const manageUrl = (base: string, reference: string, accessToken: string) =>
  `${base}/reservation/${encodeURIComponent(reference)}?jeton=${encodeURIComponent(accessToken)}`;

/**
 * Anonymous bookings are confirmed by their organiser (ADR 0010): `begin` checks the abuse limits of
 * an anonymous request (per IP, per organiser address, pending holds per address) and gives it a hold;
 * the booking is written HELD and `heldEvent` asks the points' notification adapters to e-mail a signed,
 * single-use link; `confirm` (the link) makes the hold's reservations CONFIRMED, or REQUESTED when the
 * host must approve, freezing their quotes and writing their usual events (invitations, vendors — never
 * before). A hold nobody confirmed expires (`expireDue`, every HOLD_SWEEP_MS): its slots are freed and
 * `availability.changed` says so. Signed-in bookers and API keys are known: they skip all this.
 */
@Injectable()
export class BookingHolds implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('BookingHolds');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SECURITY_SETTINGS) private readonly settings: SecuritySettings,
    @Inject(HOLD_TOKENS) private readonly tokens: HoldTokens,
    private readonly limiter: RateLimiter,
    private readonly publicUrl: PublicUrl,
    private readonly quotes: QuotesService,
    private readonly relay: OutboxRelay,
    @Inject(SIP_SETTINGS) private readonly sip: ApiConfig['sip'],
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.expireDue().catch((e: unknown) => this.log.warn(`expiring holds failed: ${e instanceof Error ? e.message : String(e)}`)), this.settings.holdSweepMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * For an anonymous caller: the request's hold, after its limits (each booking counts once against the
   * caller's IP and its organiser's address; the cap on unconfirmed requests is checked in the booking's
   * transaction, `assertPendingCap`). RATE_LIMITED, nothing written, when a limit is reached. Null for
   * signed-in users and API keys.
   */
  async begin(actor: Actor, ip: string, organiserEmails: readonly string[], now = Date.now()): Promise<Hold | null> {
    if (actor.kind !== 'anonymous') return null;
    const { rules } = this.settings;
    await this.limiter.enforce(rules.bookingPerIp, ip, organiserEmails.length);
    const emails = [...new Set(organiserEmails.map((e) => e.trim().toLowerCase()))];
    for (const email of emails) {
      await this.limiter.enforce(rules.bookingPerOrganiser, email, organiserEmails.filter((e) => e.trim().toLowerCase() === email).length);
    }
    return { id: randomUUID(), expiresAt: new Date(now + this.settings.bookingHoldMinutes * 60_000) };
  }

  /**
   * In the booking's transaction, before its rows: an address with too many requests awaiting their
   * e-mail confirmation waits for one to be confirmed or to expire (RATE_LIMITED, nothing written).
   * Writers for one address queue on an advisory lock, so concurrent requests cannot all slip under the cap.
   */
  async assertPendingCap(em: EntityManager, organiserEmails: readonly string[], now = Date.now()): Promise<void> {
    const emails = [...new Set(organiserEmails.map((e) => e.trim().toLowerCase()))].sort();
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('booking-hold:' || e)) FROM unnest($1::text[]) AS e ORDER BY e`, [emails]);
    for (const email of emails) {
      const [pending]: { holds: number; next_expiry: Date | null }[] = await em.query(
        `SELECT count(DISTINCT hold_id)::int AS holds, min(hold_expires_at) AS next_expiry FROM reservation WHERE status = 'HELD' AND lower(organiser_email) = $1 AND hold_expires_at > now()`,
        [email],
      );
      if (pending.holds >= this.settings.maxPendingHoldsPerEmail) {
        const wait = pending.next_expiry ? Math.max(1, Math.ceil((pending.next_expiry.getTime() - now) / 1000)) : 60;
        throw Object.assign(rateLimited('pending-holds-per-email', wait), {
          messageFr: `Cette adresse a déjà ${pending.holds} réservation(s) à confirmer : ouvrez le lien reçu par e-mail, ou attendez ${Math.ceil(wait / 60)} min`,
        });
      }
    }
  }

  /** The events of a request written HELD: one `reservation.held` (the e-mail with the link), then each reservation's `availability.changed`. */
  heldEvents(hold: Hold, written: readonly { reservation: Reservation; contexts: RoomContext[]; accessToken: string }[]): OutboxEvent[] {
    const base = this.publicUrl.get();
    const reservations = written.map((w) => ({ ...reservationEventPayload(w.reservation, w.contexts, this.sip), manageUrl: manageUrl(base, w.reservation.reference, w.accessToken) }));
    const first = written[0];
    const held: OutboxEvent = {
      name: 'reservation.held',
      aggregate: { type: 'booking-hold', id: hold.id },
      payload: {
        holdId: hold.id,
        pointIds: [...new Set(reservations.flatMap((r) => r.pointIds))],
        organiser: { name: first.reservation.organiserName, email: first.reservation.organiserEmail },
        expiresAt: hold.expiresAt.toISOString(),
        confirmUrl: `${base}/confirmer/${this.tokens.sign(hold.id, hold.expiresAt)}`,
        timeZone: first.contexts[0].point.timeZone,
        reservations,
      },
      idempotencyKey: `reservation.held:${hold.id}`,
    };
    return [held, ...written.map((w) => availabilityEvent(w.reservation, w.contexts, 'reservation.held'))];
  }

  /** The link of the e-mail: the hold's reservations become CONFIRMED (or REQUESTED); CONFLICT when already used or expired. */
  async confirm(token: string, now = Date.now()): Promise<Reservation[]> {
    const holdId = this.tokens.verify(token, now);
    const mapper = rowMapper(this.db.manager, Reservation, 'reservation');
    const confirmed = await this.db.transaction(async (em) => {
      const rows = returned(await em.query(
        `UPDATE reservation SET status = CASE WHEN hold_needs_approval THEN 'REQUESTED' ELSE 'CONFIRMED' END, updated_at = now()
          WHERE hold_id = $1 AND status = 'HELD' AND hold_expires_at > now() RETURNING ${mapper.select}`,
        [holdId],
      ));
      if (!rows.length) {
        const [state]: { status: string }[] = await em.query(`SELECT status FROM reservation WHERE hold_id = $1 ORDER BY created_at LIMIT 1`, [holdId]);
        if (!state) throw conflict('Nothing is held under this link', { holdId });
        throw Object.assign(conflict(`This link was already used or has expired (the reservation is ${state.status})`, { holdId, status: state.status }), {
          messageFr: state.status === 'HELD' || state.status === 'EXPIRED' ? 'Ce lien a expiré : le créneau a été libéré' : 'Cette réservation a déjà été confirmée',
        });
      }
      const reservations = rows.map((row) => mapper.map(row));
      const events: OutboxEvent[] = [];
      for (const r of reservations) {
        const contexts = await this.contextsOf(r.id);
        if (r.status === ReservationStatus.CONFIRMED) await this.quotes.freezeFor(em, r, contexts);
        await audit(em, { ...ANONYMOUS, label: `email:${sha256(r.organiserEmail.toLowerCase()).slice(0, 16)}` }, 'reservation.confirmed-by-email', 'reservation', r.id, { holdId, status: r.status });
        // The slots were held already: availability did not change, only the reservation's status.
        events.push(reservationEvents(r, contexts, r.status === ReservationStatus.CONFIRMED ? 'reservation.confirmed' : 'reservation.requested', this.sip)[0]);
      }
      await appendEvents(em, events);
      return reservations;
    });
    this.relay.kick();
    return confirmed;
  }

  /** Frees the slots of holds past their deadline (EXPIRED, `reservation.expired`, `availability.changed`). Returns how many. */
  async expireDue(): Promise<number> {
    const mapper = rowMapper(this.db.manager, Reservation, 'r');
    const expired = await this.db.transaction(async (em) => {
      const rows = returned(await em.query(
        `WITH due AS (SELECT id FROM reservation WHERE status = 'HELD' AND hold_expires_at <= now() ORDER BY hold_expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
         UPDATE reservation r SET status = 'EXPIRED', status_reason = 'not confirmed by e-mail in time', updated_at = now()
           FROM due WHERE r.id = due.id RETURNING ${mapper.select}`,
      ));
      if (!rows.length) return 0;
      const reservations = rows.map((row) => mapper.map(row));
      await em.query(`UPDATE room_slot SET active = false WHERE reservation_id = ANY($1::uuid[])`, [reservations.map((r) => r.id)]);
      const events: OutboxEvent[] = [];
      for (const r of reservations) {
        await em.query(`INSERT INTO reservation_change (reservation_id, kind, actor, reason, to_start, to_end) VALUES ($1, 'EXPIRED', $2, $3, $4, $5)`, [r.id, SYSTEM.label, r.statusReason, r.start, r.end]);
        events.push(...reservationEvents(r, await this.contextsOf(r.id), 'reservation.expired', this.sip));
      }
      await appendEvents(em, events);
      return reservations.length;
    });
    if (expired) this.relay.kick();
    return expired;
  }

  private async contextsOf(reservationId: string): Promise<RoomContext[]> {
    const slots: { room_id: string }[] = await this.db.query(`SELECT room_id FROM room_slot WHERE reservation_id = $1 ORDER BY id`, [reservationId]);
    return loadRoomContexts(this.db.manager, slots.map((s) => s.room_id), ['id'], { requireActivePoint: false });
  }
}
