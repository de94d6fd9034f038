import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SipCall } from '../../sip/dtos/sip-call.outputs';
import type { MeetingStatus as Status } from '../meeting-times';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
export enum MeetingRole {
  HOST = 'HOST',
  ROOM = 'ROOM',
  GUEST = 'GUEST',
}
export enum MeetingParticipantKind {
  BROWSER = 'BROWSER',
  SIP = 'SIP',
}
registerEnumType(MeetingParticipantKind, { name: 'MeetingParticipantKind', description: 'BROWSER: through a join link; SIP: a room system or softphone that dialled the meeting’s SIP address.' });
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: 'SCHEDULED: not open yet (or awaiting approval); OPEN: joinable now; CLOSED: over; CANCELLED.' });
registerEnumType(MeetingRole, { name: 'MeetingRole', description: 'HOST: the organiser side; ROOM: a point’s room system; GUEST: anyone invited.' });

export const toMeetingStatus = (status: Status) => MeetingStatus[status];
export const toMeetingRole = (role: 'host' | 'room' | 'guest') => ({ host: MeetingRole.HOST, room: MeetingRole.ROOM, guest: MeetingRole.GUEST })[role];
export const fromMeetingRole = (role: MeetingRole) => ({ [MeetingRole.HOST]: 'host', [MeetingRole.ROOM]: 'room', [MeetingRole.GUEST]: 'guest' }) [role] as 'host' | 'room' | 'guest';

@ObjectType({ description: 'A personal link to a meeting: anyone holding it joins under the given name, from 10 minutes before the start until the end plus the grace period.' })
export class JoinLink {
  @Field({ description: '`/rejoindre/<token>` (absolute when the conferencing binding sets a public address).' }) url!: string;
  @Field(() => String, { nullable: true, description: 'The signed join token inside the link (built-in bridge only).' }) token!: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
}

@ObjectType({ description: 'What a join link leads to, for the public join page (no account).' })
export class MeetingInvitation {
  @Field(() => ID) meetingId!: string;
  @Field() title!: string;
  @Field(() => MeetingStatus) status!: MeetingStatus;
  @Field(() => Date, { description: 'When joining opens (10 minutes before the start).' }) opensAt!: Date;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Date, { description: 'When the bridge closes (end plus the grace period).' }) closesAt!: Date;
  @Field(() => String, { nullable: true, description: 'The address room systems dial instead, e.g. sip:MLG-0000042@visio.example (null when this API runs without SIP).' }) sipUri!: string | null;
  @Field() participantName!: string;
  @Field(() => MeetingRole) participantRole!: MeetingRole;
}

@ObjectType({ description: 'A participant connected now.' })
export class MeetingParticipant {
  @Field(() => ID) participantId!: string;
  @Field() name!: string;
  @Field(() => MeetingRole) role!: MeetingRole;
  @Field(() => MeetingParticipantKind) kind!: MeetingParticipantKind;
  @Field({ description: 'A SIP room system holds the call (re-INVITE a=sendonly or a=inactive): it is sent nothing until it resumes.' }) onHold!: boolean;
  @Field(() => Date) joinedAt!: Date;
}

@ObjectType({ description: 'One presence in the meeting: who, when they joined, when and why they left.' })
export class MeetingAttendance {
  @Field(() => ID) participantId!: string;
  @Field() name!: string;
  @Field(() => MeetingRole) role!: MeetingRole;
  @Field(() => MeetingParticipantKind) kind!: MeetingParticipantKind;
  @Field(() => Date) joinedAt!: Date;
  @Field(() => Date, { nullable: true }) leftAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'left, disconnected, replaced (joined again elsewhere), meeting-closed, server-stopped; failed: a call the meeting placed that never connected (see sipCause).' }) leftReason!: string | null;
  @Field(() => String, { nullable: true, description: 'A failed dial-out’s cause: busy, no-answer, declined, not-found, unreachable, incompatible, failed.' }) sipCause!: string | null;
}

@ObjectType({ description: 'The live meeting of a reservation.' })
export class Meeting {
  @Field(() => ID) reservationId!: string;
  @Field() title!: string;
  @Field(() => MeetingStatus) status!: MeetingStatus;
  @Field(() => Date) opensAt!: Date;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Date) closesAt!: Date;
  @Field(() => String, { nullable: true, description: 'ended, cancelled or closed-by-operator, once closed.' }) closeReason!: string | null;
  @Field(() => String, { nullable: true, description: 'The conferencing adapter that opened the bridge (mediasoup when built in).' }) adapterId!: string | null;
  @Field(() => String, { nullable: true, description: 'The address room systems dial, e.g. sip:MLG-0000042@visio.example (null when this API runs without SIP).' }) sipUri!: string | null;
  @Field(() => [MeetingParticipant], { description: 'Connected now.' }) participants!: MeetingParticipant[];
  @Field(() => [MeetingAttendance], { description: 'Every join, oldest first.' }) attendance!: MeetingAttendance[];
  @Field(() => [SipCall], { description: 'The calls the meeting places to the reservation’s SIP participants and its rooms’ SIP endpoints without a driver (from its opening).' }) sipCalls!: SipCall[];
}
