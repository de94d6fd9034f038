import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { SipCallRow } from '../sip-call.entity';

export enum SipCallStatus {
  DIALLING = 'DIALLING',
  RETRYING = 'RETRYING',
  CONNECTED = 'CONNECTED',
  ENDED = 'ENDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
export enum SipCallDirection {
  OUT = 'OUT',
}
registerEnumType(SipCallStatus, {
  name: 'SipCallStatus',
  description: 'DIALLING: ringing; RETRYING: waiting for the next attempt; CONNECTED: in the meeting; ENDED: hung up; FAILED: given up (see cause); CANCELLED: stopped before it connected (an operator, or the meeting closed).',
});
registerEnumType(SipCallDirection, { name: 'SipCallDirection', description: 'OUT: the meeting called (dial-out).' });

@ObjectType({ description: 'A call the meeting places to a SIP participant of its reservation, or to a room’s SIP endpoint without a driver, when it opens.' })
export class SipCall {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The SIP address called, e.g. sip:salle@visio.example.' }) uri!: string;
  @Field(() => SipCallDirection) direction!: SipCallDirection;
  @Field(() => SipCallStatus) status!: SipCallStatus;
  @Field(() => Int, { nullable: true, description: 'The last attempt’s final SIP status (200 when answered, 486 busy…).' }) sipStatus!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed: busy, no-answer, declined, not-found, unreachable, incompatible, meeting-closed, failed.' }) cause!: string | null;
  @Field(() => String, { nullable: true, description: 'The SIP reason phrase, or what ended the call.' }) reason!: string | null;
  @Field(() => Int, { description: 'Attempts of the current round (a redial or “call again” starts a new one).' }) attempts!: number;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The SIP Call-ID of the answered call.' }) callId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The reservation participant called.' }) participantId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The endpoint called.' }) endpointId!: string | null;
}

export const toSipCall = (row: SipCallRow): SipCall => ({
  id: row.id,
  name: row.displayName,
  uri: row.sipUri,
  direction: SipCallDirection.OUT,
  status: SipCallStatus[row.status.toUpperCase() as keyof typeof SipCallStatus],
  sipStatus: row.sipStatus,
  cause: row.cause,
  reason: row.reason,
  attempts: row.attempts,
  lastAttemptAt: row.lastAttemptAt,
  callId: row.callId,
  participantId: row.participantId,
  endpointId: row.endpointId,
});
