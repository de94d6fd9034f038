import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@maillage/core';
import { type Actor, CurrentActor, requireSignedIn } from '../auth/actor';
import { MeetingAccess } from '../meetings/meeting-access';
import { SipCall, toSipCall } from './dtos/sip-call.outputs';
import { SipCallRow } from './sip-call.entity';
import { SipDialOut } from './sip-dial-out';
import { SipGateway } from './sip-gateway';

const conflict = (message: string, details: Record<string, unknown>, messageFr: string) => new DomainError('CONFLICT', message, { details, messageFr });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Operators act on the SIP calls of their meetings (the host's operators and network admins, like closeMeeting). */
@Resolver(() => SipCall)
export class SipCallsResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccess,
    private readonly dialOut: SipDialOut,
    private readonly gateway: SipGateway,
  ) {}

  @Mutation(() => SipCall, {
    description: 'Dials a SIP participant of an open meeting again now, with a new round of attempts. NOT_FOUND for an unknown call; CONFLICT when the meeting is not open, the call is ringing or connected, or this API runs without SIP.',
  })
  async callSipParticipantAgain(@CurrentActor() actor: Actor, @Args('sipCallId', { type: () => ID }) sipCallId: string): Promise<SipCall> {
    const call = await this.operated(actor, sipCallId);
    if (!this.gateway.agent) throw conflict('This API runs without SIP: nobody can be called', { sipCallId }, 'Le service SIP ne fonctionne pas : impossible d’appeler');
    const [open] = await this.db.query(`SELECT 1 FROM meeting WHERE reservation_id = $1 AND status = 'OPEN'`, [call.reservationId]);
    if (!open) throw conflict('The meeting is not open: nobody can be called', { sipCallId, reservationId: call.reservationId }, 'La réunion n’est pas ouverte : impossible d’appeler');
    if (call.status === 'dialling' || call.status === 'connected') throw conflict(`The call is ${call.status} already`, { sipCallId, status: call.status }, call.status === 'connected' ? 'Ce participant est déjà en ligne' : 'Ce participant est déjà en cours d’appel');
    const dialling = await this.dialOut.callAgain(call);
    if (!dialling) throw conflict('The call is ringing or connected already', { sipCallId }, 'Ce participant est déjà en cours d’appel');
    return toSipCall(dialling);
  }

  @Mutation(() => SipCall, {
    description: 'Hangs up a connected SIP call (BYE), or stops one that is ringing or waiting for its next attempt. NOT_FOUND for an unknown call; CONFLICT when it is over already.',
  })
  async hangUpSipCall(@CurrentActor() actor: Actor, @Args('sipCallId', { type: () => ID }) sipCallId: string): Promise<SipCall> {
    const call = await this.operated(actor, sipCallId);
    if (call.status === 'ended' || call.status === 'failed' || call.status === 'cancelled') throw conflict(`The call is ${call.status} already`, { sipCallId, status: call.status }, 'Cet appel est déjà terminé');
    return toSipCall(await this.dialOut.hangUp(call));
  }

  private async operated(actor: Actor, sipCallId: string): Promise<SipCallRow> {
    requireSignedIn(actor);
    const call = UUID.test(sipCallId) ? await this.db.getRepository(SipCallRow).findOneBy({ id: sipCallId }) : null;
    if (!call) throw notFound('SipCall', sipCallId);
    await this.access.authorise(actor, call.reservationId, 'operate');
    return call;
  }
}
