import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { PeerInfo } from '@maillage/media';
import { appendEvent } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import type { LeftReason } from './meeting.entities';

/** A participant connected to a meeting through this process (one signalling socket). */
export interface ParticipantSession {
  readonly meetingId: string;
  readonly peer: PeerInfo;
  readonly pointIds: string[];
  readonly joinedAt: Date;
  /** How they joined: a browser (signalling socket) or a SIP call (the SIP gateway). */
  readonly channel: 'browser' | 'sip';
  /** The meeting_attendance row of this presence. */
  readonly attendanceId: string;
  /** Closes the socket (the connection forgets the session first: no second `left`). */
  disconnect(code: number, reason: string): void;
}

/** WebSocket close codes the gateway uses (4000-4999: the application's). */
export const CLOSE_CODES = {
  left: 1000,
  serverStopping: 1001,
  tooLarge: 1009,
  refused: 4001,
  joinTimeout: 4002,
  replaced: 4003,
  meetingClosed: 4004,
} as const;

const LEFT_CLOSE: Record<Exclude<LeftReason, 'left' | 'disconnected'>, number> = {
  replaced: CLOSE_CODES.replaced,
  'meeting-closed': CLOSE_CODES.meetingClosed,
  'server-stopped': CLOSE_CODES.serverStopping,
};

/**
 * Who is connected to which meeting in this process, and their attendance: a row in
 * meeting_attendance per join, closed (left_at, left_reason) when they leave, are disconnected,
 * join again elsewhere (replaced) or the meeting closes; `meeting.participant-joined` / `-left`
 * in the same transactions. `changes$` emits a meeting id whenever its participants change.
 */
@Injectable()
export class MeetingSessions {
  private readonly log = new Logger('MeetingSessions');
  private readonly byMeeting = new Map<string, Map<string, ParticipantSession>>();
  private readonly changes = new Subject<string>();
  private readonly pending = new Set<Promise<unknown>>();
  readonly changes$: Observable<string> = this.changes.asObservable();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  /** Records the join; a previous session of the same participant is ended as `replaced`. */
  async joined(meetingId: string, peer: PeerInfo, pointIds: string[], disconnect: ParticipantSession['disconnect'], channel: ParticipantSession['channel'] = 'browser'): Promise<ParticipantSession> {
    const joinedAt = new Date();
    const attendanceId = await this.db.transaction(async (em) => {
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO meeting_attendance (reservation_id, participant_id, name, role, joined_at, channel) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [meetingId, peer.peerId, peer.name, peer.role, joinedAt, channel],
      );
      await appendEvent(em, 'meeting.participant-joined', { type: 'reservation', id: meetingId }, { reservationId: meetingId, pointIds, participantId: peer.peerId, name: peer.name, role: peer.role, at: joinedAt.toISOString() }, `meeting.participant-joined:${row.id}`);
      return row.id;
    });
    this.relay.kick();
    const session: ParticipantSession = { meetingId, peer: { ...peer }, pointIds, joinedAt, channel, attendanceId, disconnect };
    const meeting = this.byMeeting.get(meetingId) ?? new Map<string, ParticipantSession>();
    this.byMeeting.set(meetingId, meeting);
    const previous = meeting.get(peer.peerId);
    meeting.set(peer.peerId, session);
    if (previous) await this.end(previous, 'replaced', false);
    this.changes.next(meetingId);
    return session;
  }

  /** The participant left or was disconnected; nothing when the session was already ended. */
  async left(session: ParticipantSession, reason: LeftReason): Promise<void> {
    const meeting = this.byMeeting.get(session.meetingId);
    if (meeting?.get(session.peer.peerId) === session) {
      meeting.delete(session.peer.peerId);
      if (meeting.size === 0) this.byMeeting.delete(session.meetingId);
    }
    await this.record(session, reason);
    this.changes.next(session.meetingId);
  }

  /** The sessions of a meeting in this process. */
  connected(meetingId: string): ParticipantSession[] {
    return [...(this.byMeeting.get(meetingId)?.values() ?? [])];
  }

  /** Every participant of a meeting is disconnected with `reason` (after the bridge told them why). */
  async endMeeting(meetingId: string, reason: 'meeting-closed' | 'server-stopped'): Promise<void> {
    const sessions = this.connected(meetingId);
    this.byMeeting.delete(meetingId);
    await Promise.all(sessions.map((s) => this.end(s, reason, true)));
    if (sessions.length) this.changes.next(meetingId);
  }

  async endAll(reason: 'server-stopped'): Promise<void> {
    await Promise.all([...this.byMeeting.keys()].map((id) => this.endMeeting(id, reason)));
    await Promise.allSettled([...this.pending]);
  }

  private async end(session: ParticipantSession, reason: Exclude<LeftReason, 'left' | 'disconnected'>, removed: boolean): Promise<void> {
    if (!removed) {
      const meeting = this.byMeeting.get(session.meetingId);
      if (meeting?.get(session.peer.peerId) === session) meeting.delete(session.peer.peerId);
    }
    session.disconnect(LEFT_CLOSE[reason], reason);
    await this.record(session, reason);
  }

  /** Closes the attendance row once (the first reason wins) and writes `meeting.participant-left`. */
  private record(session: ParticipantSession, reason: LeftReason): Promise<void> {
    const work = this.db
      .transaction(async (em) => {
        const leftAt = new Date();
        const [row]: { id: string }[] = await em.query(
          `WITH u AS (UPDATE meeting_attendance SET left_at = greatest($2::timestamptz, joined_at), left_reason = $3 WHERE id = $1 AND left_at IS NULL RETURNING id) SELECT id FROM u`,
          [session.attendanceId, leftAt, reason],
        );
        if (!row) return false;
        await appendEvent(
          em,
          'meeting.participant-left',
          { type: 'reservation', id: session.meetingId },
          { reservationId: session.meetingId, pointIds: session.pointIds, participantId: session.peer.peerId, name: session.peer.name, role: session.peer.role, at: leftAt.toISOString(), reason },
          `meeting.participant-left:${session.attendanceId}`,
        );
        return true;
      })
      .then((wrote) => {
        if (wrote) this.relay.kick();
      })
      .catch((error: unknown) => this.log.error(`attendance of ${session.peer.peerId} in ${session.meetingId} not recorded: ${error instanceof Error ? error.message : String(error)}`));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }
}
