import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Observable, Subject, type Subscription } from 'rxjs';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type DomainEvent, nextDialStep, type SipDialOutcome, type SipLegEndReason } from '@maillage/core';
import type { ApiConfig } from '../config';
import { DurableSubscribers, type DurableHandler, type SubscriberSource } from '../events/durable-subscribers';
import { OutboxRelay } from '../events/outbox-relay';
import { openIncident } from '../incidents/incidents';
import { MeetingsService } from '../meetings/meetings.service';
import { SipCallRow } from './sip-call.entity';
import { SIP_SETTINGS, SipGateway } from './sip-gateway';
import { SipMeetings } from './sip-meetings';

const SUBSCRIBER = 'sip:dial-out';
/** How long a redial waits for drachtio to come back (it restarts within a second or two, ADR 0012). */
const REDIAL_WAIT_MS = 15_000;
/** Attendance names are 1 to 80 characters. */
const attendanceName = (name: string) => name.trim().slice(0, 80) || 'SIP';
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Target {
  kind: 'participant' | 'endpoint';
  target_id: string;
  name: string;
  sip_uri: string;
}

/** A reservation's SIP participants with an address, and its rooms' SIP endpoints without a driver (MeetingDialIn has those dial in). */
const TARGETS = `
  SELECT 'participant' AS kind, p.id AS target_id, COALESCE(NULLIF(trim(p.name), ''), p.sip_uri) AS name, p.sip_uri
    FROM reservation_participant p WHERE p.reservation_id = $1 AND p.kind = 'SIP' AND p.sip_uri IS NOT NULL
  UNION ALL
  SELECT DISTINCT 'endpoint', e.id, e.name, e.sip_uri
    FROM room_slot s JOIN endpoint e ON e.room_id = s.room_id WHERE s.reservation_id = $1 AND e.sip_uri IS NOT NULL AND e.adapter_id IS NULL
  ORDER BY 1 DESC, 3, 2`;

/**
 * The meeting calls its SIP participants (issue 11, dial-out). When a meeting opens (T-10,
 * `meeting.opened`, a durable subscriber: at least once, each target once per meeting through
 * `handled_event`), every reservation participant of kind SIP with an address and every SIP endpoint
 * of its rooms without a driver gets a `sip_call` and is dialled through the gateway's user agent.
 * Busy, no answer and unreachable are tried again (SIP_DIAL_ATTEMPTS, SIP_DIAL_RETRY_MS: `nextDialStep`);
 * a call that finally fails is recorded in the attendance as `failed` with its cause, and opens a
 * `sip.dial-out-failed` incident. An answered call joins the meeting like a dial-in (SipMeetings);
 * if its leg ends as `failed` while the meeting is open (drachtio or ffmpeg died), it is dialled
 * again under the same policy. Operators call again or hang up (`callAgain`, `hangUp`). Retry
 * timers live in this process and stop when the meeting closes or the API stops.
 */
@Injectable()
export class SipDialOut implements SubscriberSource, OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('SipDialOut');
  /** Retry timers by sip_call id. */
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; reservationId: string }>();
  /** Answered calls of this process: SIP Call-ID → sip_call id. */
  private readonly byCallId = new Map<string, string>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly changes = new Subject<string>();
  private readonly subscriptions: Subscription[] = [];
  private stopped = false;
  /** A reservation id whenever one of its SIP calls changes. */
  readonly changes$: Observable<string> = this.changes.asObservable();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SIP_SETTINGS) private readonly settings: ApiConfig['sip'],
    private readonly subscribers: DurableSubscribers,
    private readonly relay: OutboxRelay,
    private readonly gateway: SipGateway,
    private readonly sipMeetings: SipMeetings,
    private readonly meetings: MeetingsService,
  ) {}

  onModuleInit(): void {
    this.subscribers.addSource(this);
    this.subscriptions.push(
      this.sipMeetings.legEnded$.subscribe(({ callId, reason }) => this.track(this.legEnded(callId, reason))),
      this.meetings.changes$.subscribe((reservationId) => this.track(this.stopIfClosed(reservationId))),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const s of this.subscriptions.splice(0)) s.unsubscribe();
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    // Attempts in flight end when the gateway stops (its calls fail); bounded wait for their records.
    await Promise.race([Promise.allSettled([...this.running]), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  }

  owns(subscriber: string): boolean {
    return subscriber === SUBSCRIBER;
  }

  async route(events: readonly DomainEvent[], em: EntityManager): Promise<string[][]> {
    const opened = events.filter((e) => e.name === 'meeting.opened').map((e) => (e as DomainEvent<'meeting.opened'>).payload.reservationId);
    if (!opened.length || !this.gateway.enabled) return events.map(() => []);
    const rows: { reservation_id: string }[] = await em.query(
      `SELECT DISTINCT reservation_id FROM reservation_participant WHERE reservation_id = ANY($1::uuid[]) AND kind = 'SIP' AND sip_uri IS NOT NULL
       UNION SELECT DISTINCT s.reservation_id FROM room_slot s JOIN endpoint e ON e.room_id = s.room_id WHERE s.reservation_id = ANY($1::uuid[]) AND e.sip_uri IS NOT NULL AND e.adapter_id IS NULL`,
      [opened],
    );
    const withTargets = new Set(rows.map((r) => r.reservation_id));
    return events.map((e) => (e.name === 'meeting.opened' && withTargets.has((e as DomainEvent<'meeting.opened'>).payload.reservationId) ? [SUBSCRIBER] : []));
  }

  resolve(): DurableHandler {
    return { kind: 'external', handle: (event) => this.opened(event as DomainEvent<'meeting.opened'>) };
  }

  /** The meeting opened: one sip_call per target (once), each dialled in the background. */
  private async opened(event: DomainEvent<'meeting.opened'>): Promise<void> {
    const { reservationId } = event.payload;
    const targets: Target[] = await this.db.query(TARGETS, [reservationId]);
    for (const t of targets) {
      const id = await this.db.transaction(async (em) => {
        const [claimed] = await em.query(`INSERT INTO handled_event (subscriber, idempotency_key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`, [SUBSCRIBER, `${event.idempotencyKey}:${t.target_id}`]);
        if (!claimed) return undefined;
        const [row]: { id: string }[] = await em.query(
          `INSERT INTO sip_call (reservation_id, participant_id, endpoint_id, display_name, sip_uri, status) VALUES ($1, $2, $3, $4, $5, 'dialling') ON CONFLICT DO NOTHING RETURNING id`,
          [reservationId, t.kind === 'participant' ? t.target_id : null, t.kind === 'endpoint' ? t.target_id : null, t.name, t.sip_uri],
        );
        return row?.id;
      });
      if (id) this.track(this.attempt(id));
    }
    this.changes.next(reservationId);
  }

  /**
   * An operator dials a call again now (a new round of attempts); the caller checked access and the
   * meeting. Undefined when the call is ringing or connected by then (two operators at once).
   */
  async callAgain(call: SipCallRow): Promise<SipCallRow | undefined> {
    const claimed = await this.db.getRepository(SipCallRow).update({ id: call.id, status: In(['retrying', 'ended', 'failed', 'cancelled']) }, { status: 'dialling', attempts: 0, reason: null, endedAt: null });
    if (!claimed.affected) return undefined;
    this.clearTimer(call.id);
    this.changes.next(call.reservationId);
    const started = this.attempt(call.id);
    this.track(started);
    return (await this.db.getRepository(SipCallRow).findOneBy({ id: call.id }))!;
  }

  /** An operator hangs a connected call up (BYE) or stops a call that is ringing or waiting for its next attempt. */
  async hangUp(call: SipCallRow): Promise<SipCallRow> {
    const repo = this.db.getRepository(SipCallRow);
    this.clearTimer(call.id);
    if (call.status === 'connected') {
      await repo.update({ id: call.id, status: 'connected' }, { status: 'ended', reason: 'hung up by an operator', endedAt: new Date() });
      if (call.callId) {
        this.byCallId.delete(call.callId);
        // The gateway sends the BYE for any reason but 'bye' (the callee's own); 'cancel' has the attendance say `left`, not `meeting-closed`.
        await (this.sipMeetings.hangUp ? this.sipMeetings.hangUp(call.callId, 'cancel') : this.gateway.agent?.hangUpCall(call.callId));
      }
    } else {
      await repo.update({ id: call.id }, { status: 'cancelled', reason: 'stopped by an operator', endedAt: new Date() });
    }
    this.changes.next(call.reservationId);
    return (await repo.findOneBy({ id: call.id }))!;
  }

  /** One INVITE, then what the policy says: connected, another attempt later, or failed. */
  private async attempt(id: string): Promise<void> {
    const repo = this.db.getRepository(SipCallRow);
    const call = await repo.findOneBy({ id });
    if (!call || call.status !== 'dialling' || this.stopped) return;
    const reference = await this.openReference(call.reservationId);
    if (!reference) return this.cancel(call, 'the meeting is closed');
    const attempts = call.attempts + 1;
    const startedAt = new Date();
    await repo.update({ id }, { attempts, lastAttemptAt: startedAt });
    this.changes.next(call.reservationId);
    const agent = this.gateway.agent;
    const outcome: SipDialOutcome = agent
      ? await agent
          .dialOut({ meeting: reference, to: call.sipUri, displayName: call.displayName, ringTimeoutMs: this.settings.dialOut.ringTimeoutMs })
          .catch((error: unknown): SipDialOutcome => ({ ok: false, status: 500, cause: 'failed', reason: message(error) }))
      : { ok: false, status: 503, cause: 'unreachable', reason: 'the SIP gateway is not running' };
    await this.db.query(
      `INSERT INTO sip_call_attempt (sip_call_id, started_at, finished_at, outcome, sip_status, cause, reason, call_id) VALUES ($1, $2, now(), $3, $4, $5, $6, $7)`,
      outcome.ok ? [id, startedAt, 'connected', 200, null, null, outcome.callId] : [id, startedAt, 'failed', outcome.status, outcome.cause, outcome.reason.slice(0, 500), null],
    );
    const now = await repo.findOneBy({ id });
    if (outcome.ok) {
      if (!now || now.status !== 'dialling' || this.stopped) {
        // Stopped (operator, meeting closed) while it rang: hang the answered call up.
        await agent?.hangUpCall(outcome.callId);
        return;
      }
      this.byCallId.set(outcome.callId, id);
      await repo.update({ id }, { status: 'connected', sipStatus: 200, cause: null, reason: null, callId: outcome.callId, connectedAt: new Date(), endedAt: null });
      this.log.log(`${call.displayName} (${call.sipUri}) answered: ${outcome.callId}`);
      this.changes.next(call.reservationId);
      // Its leg may have ended before we knew its Call-ID.
      if (!agent?.callActive(outcome.callId)) await this.legEnded(outcome.callId, 'failed');
      return;
    }
    if (!now || now.status !== 'dialling') return;
    if (outcome.cause === 'meeting-closed' || !(await this.openReference(call.reservationId))) return this.cancel(now, 'the meeting is closed');
    const step = nextDialStep(this.settings.dialOut, attempts, outcome.cause);
    this.log.log(`${call.displayName} (${call.sipUri}) attempt ${attempts}: ${outcome.status} ${outcome.cause} (${outcome.reason}): ${step.next}`);
    if (step.next === 'give-up') return this.fail(now, outcome);
    await repo.update({ id, status: 'dialling' }, { status: 'retrying', sipStatus: outcome.status, cause: outcome.cause, reason: outcome.reason });
    this.changes.next(call.reservationId);
    this.schedule(now, step.afterMs);
  }

  private schedule(call: SipCallRow, afterMs: number): void {
    this.clearTimer(call.id);
    const timer = setTimeout(() => {
      this.timers.delete(call.id);
      this.track(
        this.db
          .getRepository(SipCallRow)
          .update({ id: call.id, status: 'retrying' }, { status: 'dialling' })
          .then((r) => (r.affected ? this.attempt(call.id) : undefined)),
      );
    }, afterMs);
    this.timers.set(call.id, { timer, reservationId: call.reservationId });
  }

  private clearTimer(id: string): void {
    const entry = this.timers.get(id);
    if (entry) clearTimeout(entry.timer);
    this.timers.delete(id);
  }

  /** Given up: the call, the attendance (failed, with the SIP cause) and an incident, in one transaction. */
  private async fail(call: SipCallRow, outcome: Extract<SipDialOutcome, { ok: false }>): Promise<void> {
    const attempts = call.attempts;
    await this.db.transaction(async (em) => {
      const at = new Date();
      const updated = await em.getRepository(SipCallRow).update({ id: call.id, status: 'dialling' }, { status: 'failed', sipStatus: outcome.status, cause: outcome.cause, reason: outcome.reason, endedAt: at });
      if (!updated.affected) return;
      await em.query(
        `INSERT INTO meeting_attendance (reservation_id, participant_id, name, role, joined_at, left_at, left_reason, channel, sip_cause) VALUES ($1, $2, $3, 'room', $4, $4, 'failed', 'sip', $5)`,
        [call.reservationId, call.id, attendanceName(call.displayName), at, outcome.cause],
      );
      await openIncident(em, {
        kind: 'sip.dial-out-failed',
        severity: 'failure',
        source: 'sip',
        cause: outcome.cause,
        detail: `${call.displayName} (${call.sipUri}) could not be reached: ${outcome.status} ${outcome.reason} (${attempts} attempt${attempts > 1 ? 's' : ''})`,
        reservationId: call.reservationId,
        endpointId: call.endpointId ?? undefined,
        data: { sipCallId: call.id, sipUri: call.sipUri, sipStatus: outcome.status, attempts },
        dedupeKey: `sip.dial-out-failed:${call.reservationId}:${call.participantId ?? call.endpointId}`,
        at,
      });
    });
    this.relay.kick();
    this.log.warn(`${call.displayName} (${call.sipUri}) failed after ${attempts} attempts: ${outcome.status} ${outcome.cause}`);
    this.changes.next(call.reservationId);
  }

  private async cancel(call: SipCallRow, reason: string): Promise<void> {
    this.clearTimer(call.id);
    await this.db.getRepository(SipCallRow).update({ id: call.id, status: call.status }, { status: 'cancelled', reason, endedAt: new Date() });
    this.changes.next(call.reservationId);
  }

  /** A leg ended: a dialled-out call whose leg failed while its meeting is open is dialled again; otherwise it has ended. */
  private async legEnded(callId: string, reason: SipLegEndReason): Promise<void> {
    const repo = this.db.getRepository(SipCallRow);
    const id = this.byCallId.get(callId) ?? (await repo.findOneBy({ callId, status: 'connected' }))?.id;
    if (!id) return;
    this.byCallId.delete(callId);
    const call = await repo.findOneBy({ id });
    if (!call || call.status !== 'connected' || call.callId !== callId) return;
    if (reason === 'failed' && !this.stopped && (await this.openReference(call.reservationId))) {
      const redial = await repo.update({ id, status: 'connected' }, { status: 'dialling', attempts: 0, reason: 'the call dropped: dialling again', endedAt: new Date() });
      this.log.warn(`${call.displayName} (${call.sipUri}): call ${callId} dropped, dialling again`);
      this.changes.next(call.reservationId);
      // drachtio died with the call: dial again once it is back (supervised restart), not into the gap.
      if (redial.affected) {
        await this.untilGatewayUp(REDIAL_WAIT_MS);
        await this.attempt(id);
      }
      return;
    }
    await repo.update({ id, status: 'connected' }, { status: 'ended', reason: `ended: ${reason}`, endedAt: new Date() });
    this.changes.next(call.reservationId);
  }

  /** Waits (bounded, every 200 ms) until the gateway is connected to drachtio; attempts made after the bound go through the retry policy. */
  private async untilGatewayUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stopped && Date.now() < deadline && !(await this.gateway.up())) await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /** The meeting closed: calls still ringing or waiting for their next attempt are cancelled (connected ones are hung up by the meeting). */
  private async stopIfClosed(reservationId: string): Promise<void> {
    if (await this.openReference(reservationId)) return;
    const pending = await this.db.getRepository(SipCallRow).find({ where: [{ reservationId, status: 'retrying' }, { reservationId, status: 'dialling' }] });
    for (const call of pending) await this.cancel(call, 'the meeting is closed');
  }

  /** The reservation's reference while its meeting is open (what the gateway dials from), else undefined. */
  private async openReference(reservationId: string): Promise<string | undefined> {
    const [row]: { reference: string }[] = await this.db.query(`SELECT r.reference FROM meeting m JOIN reservation r ON r.id = m.reservation_id WHERE m.reservation_id = $1 AND m.status = 'OPEN'`, [reservationId]);
    return row?.reference;
  }

  private track(work: Promise<unknown>): void {
    const guarded = work.catch((error: unknown) => this.log.error(`dial-out: ${message(error)}`));
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
  }
}
