import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type PreflightRoomResult, worstOutcome } from '@maillage/core';
import { appendEventOnce } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { openIncident } from '../incidents/incidents';
import { MeetingClock } from '../meetings/meeting-clock';
import { ReservationStatus } from '../reservations/reservation.entity';
import { EndpointTest, type EndpointTestResult } from './endpoint-test';
import { ConcurrencyLimit } from './limit';
import { PreflightSettings } from './preflight-settings';
import { savePreflightResults } from './preflight-results';
import { Poller } from '../common/poller';

const MINUTE = 60_000;
export type PreflightRound = 'first' | 'second';

/** A room system of a reservation's rooms, with a driver. */
interface RoomSystem {
  endpoint_id: string;
  endpoint_name: string;
  sip_uri: string | null;
  adapter_id: string;
  room_id: string;
  room_name: string;
  point_id: string;
  point_name: string;
}

interface DueRow {
  id: string;
  reference: string;
  title: string;
  start_at: Date;
  end_at: Date;
  organiser_name: string;
  organiser_email: string;
  time_zone: string;
}

/**
 * The automatic pre-call test: for every CONFIRMED reservation whose rooms have a room system with
 * a driver, a first round from PREFLIGHT_FIRST_MINUTES (30) before the start and a second from
 * PREFLIGHT_SECOND_MINUTES (15). Each round is claimed once cluster-wide (`preflight_run` unique per
 * reservation and round, with a lease another instance takes over when the claimer died), tests
 * its room systems with at most PREFLIGHT_CONCURRENCY in flight per process, then writes in one
 * transaction the results, an `endpoint.preflight-failed` incident per failed room system (once per
 * reservation and endpoint) and `meeting.preflight` (once per round), which notification adapters
 * turn into the host's e-mail. Time is MeetingClock's (tests move it); `tick()` runs one pass.
 */
@Injectable()
export class PreflightScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Preflight');
  readonly limit: ConcurrencyLimit;
  private readonly poller: Poller;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
    private readonly clock: MeetingClock,
    private readonly settings: PreflightSettings,
    private readonly test: EndpointTest,
  ) {
    this.limit = new ConcurrencyLimit(settings.concurrency);
    this.poller = new Poller('pre-call pass', settings.pollMs, () => this.tick(), this.log);
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  /** One pass at the clock's time: runs every round due and not yet claimed; returns how many rounds it ran. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    const first = this.settings.firstLeadMinutes * MINUTE;
    const second = this.settings.secondLeadMinutes * MINUTE;
    const due: (DueRow & { round: PreflightRound })[] = await this.db.query(
      `SELECT r.id, r.reference, r.title, r.start_at, r.end_at, r.organiser_name, r.organiser_email,
              (SELECT p.time_zone FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id WHERE s.reservation_id = r.id ORDER BY s.id LIMIT 1) AS time_zone,
              CASE WHEN r.start_at <= $3 THEN 'second' ELSE 'first' END AS round
         FROM reservation r
        WHERE r.status = $1 AND r.start_at > $2 AND r.start_at <= $4
          AND EXISTS (SELECT 1 FROM room_slot s JOIN endpoint e ON e.room_id = s.room_id WHERE s.reservation_id = r.id AND e.adapter_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM preflight_run pr WHERE pr.reservation_id = r.id AND pr.round = CASE WHEN r.start_at <= $3 THEN 'second' ELSE 'first' END AND pr.finished_at IS NOT NULL)
        ORDER BY r.start_at, r.id`,
      [ReservationStatus.CONFIRMED, new Date(now), new Date(now + second), new Date(now + Math.max(first, second))],
    );
    const ran = await Promise.all(due.map((r) => this.runRound(r, r.round).catch((error: unknown) => this.log.error(`pre-call test of ${r.id}: ${error instanceof Error ? error.message : String(error)}`))));
    const count = ran.filter(Boolean).length;
    if (count) this.relay.kick();
    return count;
  }

  /** Claims the round (false when another instance holds it or it is done), tests, records. */
  private async runRound(r: DueRow, round: PreflightRound): Promise<boolean> {
    const [claim]: { id: string }[] = await this.db.query(
      `INSERT INTO preflight_run (reservation_id, round, lease_until) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (reservation_id, round) DO UPDATE SET claimed_at = now(), lease_until = EXCLUDED.lease_until
        WHERE preflight_run.finished_at IS NULL AND preflight_run.lease_until < now()
       RETURNING id`,
      [r.id, round, this.settings.leaseMs / 1000],
    );
    if (!claim) return false;
    const systems: RoomSystem[] = await this.db.query(
      `SELECT e.id AS endpoint_id, e.name AS endpoint_name, e.sip_uri, e.adapter_id, m.id AS room_id, m.name AS room_name, p.id AS point_id, p.name AS point_name
         FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id JOIN endpoint e ON e.room_id = m.id
        WHERE s.reservation_id = $1 AND e.adapter_id IS NOT NULL
        ORDER BY s.id, e.name, e.id`,
      [r.id],
    );
    const results = await Promise.all(systems.map((s) => this.limit.run(() => this.test.run({ id: s.endpoint_id, sipUri: s.sip_uri }, r.id))));
    await this.db.transaction((em) => this.record(em, claim.id, r, round, systems, results));
    return true;
  }

  private async record(em: EntityManager, runId: string, r: DueRow, round: PreflightRound, systems: RoomSystem[], results: EndpointTestResult[]): Promise<void> {
    const [run]: { finished_at: Date | null }[] = await em.query(`SELECT finished_at FROM preflight_run WHERE id = $1 FOR UPDATE`, [runId]);
    if (run?.finished_at) return; // another instance took over the lease and finished first
    await savePreflightResults(em, results, { runId, reservationId: r.id, round });
    const rooms: PreflightRoomResult[] = results.map((result, i) => ({
      endpointId: systems[i].endpoint_id,
      endpointName: systems[i].endpoint_name,
      roomId: systems[i].room_id,
      roomName: systems[i].room_name,
      pointId: systems[i].point_id,
      pointName: systems[i].point_name,
      outcome: result.outcome,
      cause: result.cause,
      detail: result.detail,
    }));
    const outcome = worstOutcome(rooms.map((room) => ({ id: room.endpointId, outcome: room.outcome }))).outcome;
    await em.query(`UPDATE preflight_run SET finished_at = now(), outcome = $2 WHERE id = $1`, [runId, outcome]);
    for (const [i, room] of rooms.entries()) {
      if (room.outcome !== 'failed') continue;
      await openIncident(em, {
        kind: 'endpoint.preflight-failed',
        severity: 'failure',
        source: systems[i].adapter_id,
        cause: room.cause ?? 'failed',
        detail: `${room.endpointName} (${room.roomName}, ${room.pointName}): ${room.detail ?? room.cause}`,
        reservationId: r.id,
        endpointId: room.endpointId,
        data: { round, checks: results[i].checks },
        dedupeKey: `endpoint.preflight-failed:${r.id}:${room.endpointId}`,
      });
    }
    const [previous]: { outcome: string | null }[] = round === 'second' ? await em.query(`SELECT outcome FROM preflight_run WHERE reservation_id = $1 AND round = 'first'`, [r.id]) : [];
    await appendEventOnce(
      em,
      'meeting.preflight',
      { type: 'reservation', id: r.id },
      {
        reservationId: r.id,
        reference: r.reference,
        title: r.title,
        start: r.start_at.toISOString(),
        end: r.end_at.toISOString(),
        timeZone: r.time_zone ?? 'Europe/Paris',
        organiser: { name: r.organiser_name, email: r.organiser_email },
        pointIds: [...new Set(rooms.map((room) => room.pointId))],
        round,
        outcome,
        results: rooms,
        notifyHost: round === 'first' || outcome !== 'ok' || previous?.outcome !== outcome,
      },
      `meeting.preflight:${r.id}:${round}`,
    );
  }
}
