import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { merge, type Observable, Subject, type Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { conflict, DomainError, type MeetingEventPayload, type EventName, type SipMeetingLookup } from '@maillage/core';
import { MediaServer, type MeetingBridge, SignallingError } from '@maillage/media';
import { appendEventOnce } from '../events/outbox';
import { EventBus } from '../events/event-bus';
import { OutboxRelay } from '../events/outbox-relay';
import { SYSTEM } from '../auth/actor';
import { ReservationStatus } from '../reservations/reservation.entity';
import { ReservationsService } from '../reservations/reservations.service';
import { meetingSnapshot } from './built-in-bridges';
import { BUILT_IN_CONFERENCING, Conferencing } from './conferencing';
import type { JoinClaims } from './join-token';
import { JoinTokens } from './join-tokens';
import { MeetingClock } from './meeting-clock';
import type { MeetingCloseReason } from './meeting.entities';
import { extensionAvailable } from './extension-availability';
import { EXTENSION_MINUTES, meetingTimes, type MeetingTimes } from './meeting-times';

const MINUTE = 60_000;
/** Meetings are planned this far ahead; the plan is rebuilt at least every REPLAN_MS and on every reservation event that can change it. */
const HORIZON_MS = 2 * 60 * MINUTE;
const REPLAN_MS = 5 * MINUTE;
/** After a failed open (adapter down), the next attempt waits this long. */
const RETRY_MS = 30_000;

const REFRESHING_EVENTS = ['reservation.confirmed', 'reservation.cancelled', 'reservation.rejected', 'reservation.changed', 'reservation.extended'] as const satisfies EventName[];
const ENDED_STATUSES = new Set<string>([ReservationStatus.CANCELLED, ReservationStatus.REJECTED, ReservationStatus.EXPIRED]);

/** A reservation the lifecycle looks at, with its meeting row when there is one. */
interface MeetingCandidate {
  id: string;
  title: string;
  status: string;
  start: Date;
  end: Date;
  category: string;
  roomIds: string[];
  pointIds: string[];
  meeting: { status: 'OPEN' | 'CLOSED'; adapterId: string; bindingId: string | null; bridgeId: string; endingSoonFor: Date | null } | null;
}

interface CandidateRow {
  id: string;
  title: string;
  status: string;
  start_at: Date;
  end_at: Date;
  requester_category: string;
  room_ids: string[];
  point_ids: string[];
  meeting_status: 'OPEN' | 'CLOSED' | null;
  adapter_id: string | null;
  binding_id: string | null;
  bridge_id: string | null;
  ending_soon_for: Date | null;
}

const SELECT_CANDIDATES = `
  SELECT r.id, r.title, r.status, r.start_at, r.end_at, r.requester_category,
         array(SELECT s.room_id FROM room_slot s WHERE s.reservation_id = r.id ORDER BY s.id) AS room_ids,
         array(SELECT m2.point_id FROM room_slot s JOIN room m2 ON m2.id = s.room_id WHERE s.reservation_id = r.id ORDER BY s.id) AS point_ids,
         m.status AS meeting_status, m.adapter_id, m.binding_id, m.bridge_id, m.ending_soon_for
    FROM reservation r LEFT JOIN meeting m ON m.reservation_id = r.id`;

const toCandidate = (r: CandidateRow): MeetingCandidate => ({
  id: r.id,
  title: r.title,
  status: r.status,
  start: r.start_at,
  end: r.end_at,
  category: r.requester_category,
  roomIds: r.room_ids,
  pointIds: [...new Set(r.point_ids)],
  meeting: r.meeting_status
    ? { status: r.meeting_status, adapterId: r.adapter_id!, bindingId: r.binding_id, bridgeId: r.bridge_id!, endingSoonFor: r.ending_soon_for }
    : null,
});

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The meeting lifecycle, driven by the reservations: for a CONFIRMED reservation the bridge opens
 * 10 minutes before the start (through the conferencing adapter of its first point, the built-in
 * "mediasoup" one by default), `meeting.ending-soon` goes out 5 minutes before the end (with
 * `extensionAvailable` when every room could be extended by 30 minutes), and the bridge closes at
 * the end plus the grace period. A cancellation closes it at once; an extension or change moves
 * its times (`meetingUpdated`). The state of record is the `meeting` table; the timers live in the
 * process, planned over a bounded horizon and rebuilt on start, every few minutes, and on each
 * reservation event. Time comes from MeetingClock; `tick()` runs one pass (tests call it).
 *
 * One API process runs the meetings: bridges are in-process (ADR 0006).
 */
@Injectable()
export class MeetingsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Meetings');
  /** Meetings whose bridge this process opened (after a restart, open meetings are opened again). */
  private readonly live = new Map<string, { start: number; end: number; title: string }>();
  private readonly retryAt = new Map<string, number>();
  private readonly changes = new Subject<string>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private subscription?: Subscription;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
    private readonly bus: EventBus,
    private readonly clock: MeetingClock,
    private readonly conferencing: Conferencing,
    @Inject(MediaServer) private readonly media: MediaServer,
    @Inject(JoinTokens) private readonly tokens: JoinTokens,
    private readonly reservations: ReservationsService,
  ) {}

  get graceMinutes(): number {
    return this.tokens.graceMinutes;
  }

  /** Emits a reservation id when its meeting opens, changes times or closes. */
  get changes$(): Observable<string> {
    return this.changes.asObservable();
  }

  times(r: { start: Date | number; end: Date | number }): MeetingTimes {
    return meetingTimes(r.start, r.end, this.graceMinutes);
  }

  onApplicationBootstrap(): void {
    this.subscription = merge(...REFRESHING_EVENTS.map((name) => this.bus.on(name))).subscribe(({ payload }) => {
      if (this.mayChangePlan(payload)) this.kick();
    });
    this.kick();
  }

  /**
   * Whether a reservation event can change what a pass does: its meeting is open here, or it now falls
   * within the planning horizon. Any other reservation is found by the replan every REPLAN_MS, well
   * before it enters the horizon; a pass for it would only scan the candidates again (bookings for
   * next month, imported by the hundred, each cost a full pass otherwise).
   */
  private mayChangePlan(r: { reservationId: string; start: string; end: string }): boolean {
    const now = this.clock.now();
    return this.live.has(r.reservationId) || (Date.parse(r.start) <= now + HORIZON_MS + 10 * MINUTE && Date.parse(r.end) > now - this.graceMinutes * MINUTE);
  }

  /** A pass in the background (errors logged). */
  kick(): void {
    this.tick().catch((error: unknown) => this.log.error(`meeting pass failed: ${message(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.subscription?.unsubscribe();
    await this.chain.catch(() => undefined);
  }

  /** One pass over every meeting due now (opens, warnings, closings), then the next timer. Passes never overlap. */
  tick(): Promise<void> {
    return this.serial(async () => {
      const now = this.clock.now();
      const rows: CandidateRow[] = await this.db.query(
        `${SELECT_CANDIDATES}
          WHERE m.status = 'OPEN'
             OR (m.reservation_id IS NULL AND r.status = $1 AND r.start_at <= $2 AND r.end_at > $3)
          ORDER BY r.start_at`,
        [ReservationStatus.CONFIRMED, new Date(now + HORIZON_MS + 10 * MINUTE), new Date(now - this.graceMinutes * MINUTE)],
      );
      let next = now + REPLAN_MS;
      for (const row of rows) {
        if (this.stopped) return;
        const candidate = toCandidate(row);
        await this.step(candidate, now).catch((error: unknown) => this.log.error(`meeting ${candidate.id}: ${message(error)}`));
        const t = this.times(candidate);
        for (const at of [t.opensAt, t.endingSoonAt, t.closesAt, this.retryAt.get(candidate.id) ?? 0]) if (at > now && at < next) next = at;
      }
      this.schedule(next - now);
    });
  }

  /** The host (or a network admin) ends a meeting now. CONFLICT when it is not open. */
  closeByOperator(reservationId: string): Promise<void> {
    return this.serial(async () => {
      const candidate = await this.candidate(reservationId);
      if (candidate?.meeting?.status !== 'OPEN') throw conflict('The meeting is not open', { reservationId });
      await this.close(candidate, 'closed-by-operator');
    });
  }

  /**
   * The host (a join link with role `host`) accepts the extension `meeting.ending-soon` offered: the
   * reservation is extended by EXTENSION_MINUTES under the rules of `extendReservation`, recorded as
   * done through that link; the reservation.extended event then tells everyone (`meetingUpdated`).
   */
  async extendByHost(claims: JoinClaims): Promise<{ endsAt: string }> {
    if (claims.role !== 'host') throw new SignallingError('FORBIDDEN', 'only the meeting’s host may extend it');
    const candidate = await this.candidate(claims.meetingId);
    if (!candidate || candidate.meeting?.status !== 'OPEN') throw new SignallingError('ENDED', 'this meeting is over');
    const end = new Date(candidate.end.getTime() + EXTENSION_MINUTES * MINUTE);
    try {
      const extended = await this.reservations.extend({ ...SYSTEM, label: `join-link:${claims.participantId}` }, candidate.id, end, undefined, this.clock.now());
      return { endsAt: extended.end.toISOString() };
    } catch (error) {
      if (error instanceof DomainError) throw new SignallingError(error.code === 'CONFLICT' ? 'CONFLICT' : 'BAD_REQUEST', error.messageFr ?? error.message);
      throw error;
    }
  }

  /**
   * Lets a participant in: the meeting must exist, not be cancelled or closed, and be within both
   * its own window and the token's (an extension keeps earlier links valid); the bridge is opened
   * now when its timer has not fired yet. SignallingErrors: ENDED, NOT_OPEN, FORBIDDEN.
   */
  admit(claims: JoinClaims, token: string): Promise<{ bridge: MeetingBridge; pointIds: string[] }> {
    const now = this.clock.now();
    const ready = (candidate: MeetingCandidate) => {
      const bridge = this.media.bridge(candidate.id);
      return bridge && !bridge.isClosed && this.live.has(candidate.id) ? { bridge, pointIds: candidate.pointIds } : undefined;
    };
    return (async () => {
      // The common case, without queueing behind the lifecycle: the meeting is open here.
      const first = await this.candidate(claims.meetingId);
      this.assertAdmissible(first, token, now);
      const open = ready(first);
      if (open) return open;
      return this.serial(async () => {
        const candidate = await this.candidate(claims.meetingId);
        this.assertAdmissible(candidate, token, now);
        await this.step(candidate, now);
        this.assertAdmissible(candidate, token, now);
        const opened = ready(candidate);
        if (!opened) throw new SignallingError('UNAVAILABLE', 'the meeting could not be opened; try again in a moment');
        return opened;
      });
    })();
  }

  /**
   * Whether a SIP call may join a reservation's meeting now, under the same rules as a join link
   * (`admit`, without the token): cancelled, closed or over → closed; before its window (or not
   * confirmed) → too-early with the opening time; open → the bridge, opened now when its timer has
   * not fired yet. Only meetings on the built-in bridge take SIP calls.
   */
  async sipAdmission(reservationId: string): Promise<SipMeetingLookup> {
    const now = this.clock.now();
    const refusal = (c: MeetingCandidate | undefined): SipMeetingLookup | undefined => {
      if (!c) return { status: 'unknown' };
      if (ENDED_STATUSES.has(c.status)) return { status: 'closed', detail: 'the meeting was cancelled' };
      if (c.meeting?.status === 'CLOSED' || now >= this.times(c).closesAt) return { status: 'closed', detail: 'the meeting is over' };
      if (now < this.times(c).opensAt || (c.status !== ReservationStatus.CONFIRMED && !c.meeting)) return { status: 'too-early', opensAt: new Date(this.times(c).opensAt).toISOString() };
      if (c.meeting && c.meeting.adapterId !== BUILT_IN_CONFERENCING) return { status: 'closed', detail: 'the meeting takes place on another bridge' };
      return undefined;
    };
    const ready = (c: MeetingCandidate): SipMeetingLookup | undefined => {
      const bridge = this.media.bridge(c.id);
      return bridge && !bridge.isClosed && this.live.has(c.id) ? { status: 'open', meetingId: c.id, title: c.title } : undefined;
    };
    const first = await this.candidate(reservationId);
    const refused = refusal(first);
    if (refused) return refused;
    const open = ready(first!);
    if (open) return open;
    return this.serial(async () => {
      const candidate = await this.candidate(reservationId);
      const before = refusal(candidate);
      if (before) return before;
      await this.step(candidate!, now);
      return refusal(candidate) ?? ready(candidate!) ?? { status: 'closed', detail: 'the meeting could not be opened, try again in a moment' };
    });
  }

  /** The points of a reservation's rooms (attendance events name them). */
  async pointIdsOf(reservationId: string): Promise<string[]> {
    return (await this.candidate(reservationId))?.pointIds ?? [];
  }

  private assertAdmissible(candidate: MeetingCandidate | undefined, token: string, now: number): asserts candidate is MeetingCandidate {
    if (!candidate || ENDED_STATUSES.has(candidate.status)) throw new SignallingError('ENDED', 'this meeting was cancelled');
    if (candidate.meeting?.status === 'CLOSED') throw new SignallingError('ENDED', 'this meeting is over');
    const times = this.times(candidate);
    this.tokens.verify(token, { now, meetingId: candidate.id, expiresNoEarlierThan: times.closesAt });
    if (now >= times.closesAt) throw new SignallingError('ENDED', 'this meeting is over');
    if (now < times.opensAt || (candidate.status !== ReservationStatus.CONFIRMED && !candidate.meeting)) {
      throw new SignallingError('NOT_OPEN', `the meeting opens at ${new Date(times.opensAt).toISOString()}`);
    }
    if (candidate.meeting && candidate.meeting.adapterId !== BUILT_IN_CONFERENCING) throw new SignallingError('FORBIDDEN', 'this meeting takes place on another bridge');
  }

  // ---- one meeting ----------------------------------------------------------------------------

  private async step(c: MeetingCandidate, now: number): Promise<void> {
    const t = this.times(c);
    const open = c.meeting?.status === 'OPEN';
    if (c.meeting?.status === 'CLOSED') return;
    if (open && ENDED_STATUSES.has(c.status)) return this.close(c, 'cancelled');
    if (now >= t.closesAt) {
      if (open) await this.close(c, 'ended');
      return;
    }
    if (!open) {
      if (c.status !== ReservationStatus.CONFIRMED || now < t.opensAt || (this.retryAt.get(c.id) ?? 0) > now) return;
      if (!(await this.open(c))) return;
    } else if (!this.live.has(c.id)) {
      await this.reattach(c);
    } else {
      this.updateTimes(c);
    }
    if (now >= t.endingSoonAt && c.meeting?.endingSoonFor?.getTime() !== c.end.getTime()) await this.endingSoon(c, now);
  }

  private payload(c: MeetingCandidate): MeetingEventPayload {
    const t = this.times(c);
    return { reservationId: c.id, pointIds: c.pointIds, startsAt: c.start.toISOString(), endsAt: c.end.toISOString(), closesAt: new Date(t.closesAt).toISOString() };
  }

  private async open(c: MeetingCandidate): Promise<boolean> {
    const conferencing = await this.conferencing.forPoint(c.pointIds[0]);
    let bridgeId: string;
    try {
      ({ bridgeId } = await this.conferencing.call(conferencing, 'openBridge', (a) => a.openBridge({ reservationId: c.id, start: c.start.toISOString(), end: c.end.toISOString() })));
    } catch (error) {
      this.retryAt.set(c.id, this.clock.now() + RETRY_MS);
      this.log.error(`meeting ${c.id}: ${conferencing.adapterId} could not open the bridge: ${message(error)}`);
      return false;
    }
    this.retryAt.delete(c.id);
    const recorded = await this.db.transaction(async (em) => {
      const rows: unknown[] = await em.query(
        `INSERT INTO meeting (reservation_id, status, adapter_id, binding_id, bridge_id, opened_at) VALUES ($1, 'OPEN', $2, $3, $4, now())
         ON CONFLICT (reservation_id) DO NOTHING RETURNING reservation_id`,
        [c.id, conferencing.adapterId, conferencing.bindingId, bridgeId],
      );
      if (rows.length === 0) return false;
      await appendEventOnce(em, 'meeting.opened', { type: 'reservation', id: c.id }, { ...this.payload(c), adapterId: conferencing.adapterId, bridgeId }, `meeting.opened:${c.id}`);
      return true;
    });
    if (!recorded) {
      // Closed (or opened by another pass) meanwhile: this bridge is one too many.
      await this.conferencing.call(conferencing, 'closeBridge', (a) => a.closeBridge(bridgeId, 'ended')).catch(() => undefined);
      return false;
    }
    c.meeting = { status: 'OPEN', adapterId: conferencing.adapterId, bindingId: conferencing.bindingId, bridgeId, endingSoonFor: null };
    this.live.set(c.id, { start: c.start.getTime(), end: c.end.getTime(), title: c.title });
    this.relay.kick();
    this.changes.next(c.id);
    this.log.log(`meeting ${c.id} opened on ${conferencing.adapterId}`);
    return true;
  }

  /** An open meeting this process has no bridge for (after a restart): open it again, idempotently. */
  private async reattach(c: MeetingCandidate): Promise<void> {
    const conferencing = await this.conferencing.forBinding(c.meeting!.adapterId, c.meeting!.bindingId);
    if (!conferencing) return;
    await this.conferencing.call(conferencing, 'openBridge', (a) => a.openBridge({ reservationId: c.id, start: c.start.toISOString(), end: c.end.toISOString() }));
    this.live.set(c.id, { start: c.start.getTime(), end: c.end.getTime(), title: c.title });
    this.changes.next(c.id);
  }

  /** An extension or a change of an open meeting: the bridge and its participants learn the new times. */
  private updateTimes(c: MeetingCandidate): void {
    const known = this.live.get(c.id);
    if (!known || (known.start === c.start.getTime() && known.end === c.end.getTime() && known.title === c.title)) return;
    this.live.set(c.id, { start: c.start.getTime(), end: c.end.getTime(), title: c.title });
    const bridge = this.media.bridge(c.id);
    if (bridge) {
      bridge.meeting = meetingSnapshot(c, this.graceMinutes);
      bridge.notify({ notification: 'meetingUpdated', data: bridge.meeting });
    }
    this.changes.next(c.id);
  }

  private async endingSoon(c: MeetingCandidate, now: number): Promise<void> {
    const available = await extensionAvailable(this.db.manager, { id: c.id, start: c.start.getTime(), end: c.end.getTime(), roomIds: c.roomIds, category: c.category }, now);
    const wrote = await this.db.transaction(async (em) => {
      const rows: unknown[] = await em.query(
        `WITH u AS (UPDATE meeting SET ending_soon_for = $2 WHERE reservation_id = $1 AND status = 'OPEN' AND ending_soon_for IS DISTINCT FROM $2 RETURNING reservation_id) SELECT * FROM u`,
        [c.id, c.end],
      );
      if (rows.length === 0) return false;
      await appendEventOnce(em, 'meeting.ending-soon', { type: 'reservation', id: c.id }, { ...this.payload(c), extensionAvailable: available, extensionMinutes: EXTENSION_MINUTES }, `meeting.ending-soon:${c.id}:${c.end.toISOString()}`);
      return true;
    });
    if (!wrote) return;
    c.meeting!.endingSoonFor = c.end;
    this.media.bridge(c.id)?.notify({ notification: 'meetingEndingSoon', data: { endsAt: c.end.toISOString(), extensionAvailable: available, extensionMinutes: EXTENSION_MINUTES } });
    this.relay.kick();
  }

  private async close(c: MeetingCandidate, reason: MeetingCloseReason): Promise<void> {
    const [row]: { adapter_id: string; binding_id: string | null; bridge_id: string }[] = await this.db.transaction(async (em) => {
      const rows: { adapter_id: string; binding_id: string | null; bridge_id: string }[] = await em.query(
        `WITH u AS (UPDATE meeting SET status = 'CLOSED', closed_at = now(), close_reason = $2 WHERE reservation_id = $1 AND status = 'OPEN' RETURNING adapter_id, binding_id, bridge_id) SELECT * FROM u`,
        [c.id, reason],
      );
      if (rows.length) await appendEventOnce(em, 'meeting.closed', { type: 'reservation', id: c.id }, { ...this.payload(c), reason }, `meeting.closed:${c.id}`);
      return rows;
    });
    this.live.delete(c.id);
    this.retryAt.delete(c.id);
    if (!row) return;
    c.meeting = { ...c.meeting!, status: 'CLOSED' };
    this.relay.kick();
    const conferencing = await this.conferencing.forBinding(row.adapter_id, row.binding_id);
    if (conferencing) {
      await this.conferencing
        .call(conferencing, 'closeBridge', (a) => a.closeBridge(row.bridge_id, reason))
        .catch((error: unknown) => this.log.error(`meeting ${c.id}: ${row.adapter_id} could not close the bridge: ${message(error)}`));
    }
    this.changes.next(c.id);
    this.log.log(`meeting ${c.id} closed (${reason})`);
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private async candidate(id: string): Promise<MeetingCandidate | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row]: CandidateRow[] = await this.db.query(`${SELECT_CANDIDATES} WHERE r.id = $1`, [id]);
    return row ? toCandidate(row) : undefined;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), Math.max(50, Math.min(delayMs, REPLAN_MS)));
    this.timer.unref();
  }
}
