import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeetingClock } from './meeting-clock';
import { MeetingAttendanceRow, MeetingRow } from './meeting.entities';
import { MeetingSessions } from './meeting-sessions';
import { meetingStatus } from './meeting-times';
import { MeetingsService } from './meetings.service';
import { SipGateway } from '../sip/sip-gateway';
import { SipCallRow } from '../sip/sip-call.entity';
import { toSipCall } from '../sip/dtos/sip-call.outputs';
import { type Meeting, MeetingParticipantKind, toMeetingRole, toMeetingStatus } from './dtos/meeting.outputs';

const kindOf = (channel: 'browser' | 'sip') => (channel === 'sip' ? MeetingParticipantKind.SIP : MeetingParticipantKind.BROWSER);

type ReservationTimes = { id: string; reference: string; title: string; status: string; start: Date; end: Date };

/** The live state of a reservation's meeting, as `meeting` and `meetingState` return it. */
@Injectable()
export class MeetingState {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingsService,
    private readonly sessions: MeetingSessions,
    private readonly clock: MeetingClock,
    private readonly sip: SipGateway,
  ) {}

  /** Status, times and SIP address: what the join page shows too (`meetingByToken`). */
  async timing(r: ReservationTimes, row?: MeetingRow | null) {
    const meeting = row === undefined ? await this.db.getRepository(MeetingRow).findOneBy({ reservationId: r.id }) : row;
    const times = this.meetings.times(r);
    return {
      title: r.title,
      status: toMeetingStatus(meetingStatus(r.status, meeting, times, this.clock.now())),
      opensAt: new Date(times.opensAt),
      startsAt: new Date(times.startsAt),
      endsAt: new Date(times.endsAt),
      closesAt: new Date(times.closesAt),
      sipUri: this.sip.sipUri(r.reference),
    };
  }

  async of(r: ReservationTimes): Promise<Meeting> {
    const row = await this.db.getRepository(MeetingRow).findOneBy({ reservationId: r.id });
    const attendance = await this.db.getRepository(MeetingAttendanceRow).find({ where: { reservationId: r.id }, order: { joinedAt: 'ASC', id: 'ASC' } });
    const sipCalls = await this.db.getRepository(SipCallRow).find({ where: { reservationId: r.id }, order: { displayName: 'ASC', id: 'ASC' } });
    return {
      reservationId: r.id,
      ...(await this.timing(r, row)),
      closeReason: row?.closeReason ?? null,
      adapterId: row?.adapterId ?? null,
      participants: this.sessions.connected(r.id).map((s) => ({ participantId: s.peer.peerId, name: s.peer.name, role: toMeetingRole(s.peer.role), kind: kindOf(s.channel), onHold: s.channel === 'sip' && this.sip.onHold(s.peer.peerId), joinedAt: s.joinedAt })),
      attendance: attendance.map((a) => ({ participantId: a.participantId, name: a.name, role: toMeetingRole(a.role), kind: kindOf(a.channel), joinedAt: a.joinedAt, leftAt: a.leftAt, leftReason: a.leftReason, sipCause: a.sipCause })),
      sipCalls: sipCalls.map(toSipCall),
    };
  }
}
