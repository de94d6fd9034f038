import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type BridgeHost, DomainError, type JoinInfo, type MeetingCloseReason, notFound } from '@maillage/core';
import { MediaServer, type MeetingSnapshot } from '@maillage/media';
import { JoinTokens } from './join-tokens';
import { MeetingSessions } from './meeting-sessions';
import { meetingTimes } from './meeting-times';

/** Where the guest join page lives in the web app. */
export const JOIN_PATH = '/rejoindre/';

/** The snapshot participants see (join answer, meetingUpdated). */
export function meetingSnapshot(r: { id: string; title: string; start: Date | number; end: Date | number }, graceMinutes: number): MeetingSnapshot {
  const times = meetingTimes(r.start, r.end, graceMinutes);
  return {
    meetingId: r.id,
    title: r.title,
    startsAt: new Date(times.startsAt).toISOString(),
    endsAt: new Date(times.endsAt).toISOString(),
    closesAt: new Date(times.closesAt).toISOString(),
  };
}

/**
 * The platform's own bridge as a host capability (`AdapterContext.bridges`): the built-in
 * "mediasoup" conferencing adapter opens, closes and links meetings through it. The bridge id is
 * the reservation id.
 */
@Injectable()
export class BuiltInBridges implements BridgeHost {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MediaServer) private readonly media: MediaServer,
    @Inject(JoinTokens) private readonly tokens: JoinTokens,
    private readonly sessions: MeetingSessions,
  ) {}

  async open(meeting: { reservationId: string; start: string; end: string }): Promise<{ bridgeId: string }> {
    const r = await this.reservation(meeting.reservationId);
    await this.media.openBridge(r.id, meetingSnapshot(r, this.tokens.graceMinutes));
    return { bridgeId: r.id };
  }

  async close(bridgeId: string, reason: MeetingCloseReason): Promise<void> {
    await this.media.closeBridge(bridgeId, reason);
    await this.sessions.endMeeting(bridgeId, 'meeting-closed');
  }

  async issueJoinLink(bridgeId: string, participant: { name: string; role: 'room' | 'guest' | 'host' }): Promise<JoinInfo> {
    const r = await this.reservation(bridgeId);
    const { token, claims } = this.tokens.issue(r, participant);
    return { url: `${JOIN_PATH}${token}`, token, validFrom: new Date(claims.notBefore).toISOString(), validUntil: new Date(claims.expires).toISOString() };
  }

  private async reservation(id: string): Promise<{ id: string; title: string; start: Date; end: Date }> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('BAD_USER_INPUT', `Not a bridge id: ${id}`);
    const [r]: { id: string; title: string; start_at: Date; end_at: Date }[] = await this.db.query(`SELECT id, title, start_at, end_at FROM reservation WHERE id = $1`, [id]);
    if (!r) throw notFound('Reservation', id);
    return { id: r.id, title: r.title, start: r.start_at, end: r.end_at };
  }
}
