import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Inject } from '@nestjs/common';
import { concatMap, filter, from, merge, of } from 'rxjs';
import { DataSource } from 'typeorm';
import { conflict, invalidInput, notFound } from '@maillage/core';
import { type Actor, CurrentActor } from '../auth/actor';
import { toAsyncIterator } from '../events/event-bus';
import { Reservation, ReservationStatus } from '../reservations/reservation.entity';
import { AbuseLimits } from '../security/abuse-limits';
import { ClientIp } from '../security/client-ip';
import { SipDialOut } from '../sip/sip-dial-out';
import { Conferencing } from './conferencing';
import { fromMeetingRole, JoinLink, Meeting, MeetingInvitation, MeetingRole, toMeetingRole } from './dtos/meeting.outputs';
import { MAX_PARTICIPANT_NAME } from './join-token';
import { JoinTokens } from './join-tokens';
import { MeetingAccess } from './meeting-access';
import { MeetingClock } from './meeting-clock';
import { MeetingRow } from './meeting.entities';
import { MeetingSessions } from './meeting-sessions';
import { MeetingState } from './meeting-state';
import { meetingStatus } from './meeting-times';
import { MeetingsService } from './meetings.service';

function participantName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 1 || trimmed.length > MAX_PARTICIPANT_NAME || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw invalidInput(['name'], `A name of 1 to ${MAX_PARTICIPANT_NAME} characters is required`, { messageFr: `Indiquez un nom (${MAX_PARTICIPANT_NAME} caractères au plus)` });
  }
  return trimmed;
}

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccess,
    private readonly meetings: MeetingsService,
    private readonly state: MeetingState,
    private readonly sessions: MeetingSessions,
    private readonly conferencing: Conferencing,
    private readonly clock: MeetingClock,
    @Inject(JoinTokens) private readonly tokens: JoinTokens,
    private readonly limits: AbuseLimits,
    private readonly dialOut: SipDialOut,
  ) {}

  @Mutation(() => JoinLink, {
    description:
      'A personal join link to a reservation’s meeting, for one participant. The organiser (access token or booking account), its organisation’s members, the host’s operators and network admins.',
  })
  async createJoinLink(
    @CurrentActor() actor: Actor,
    @Args('reservationId', { type: () => ID }) reservationId: string,
    @Args('name') name: string,
    @Args('role', { type: () => MeetingRole, defaultValue: MeetingRole.GUEST }) role: MeetingRole,
    @ClientIp() ip: string,
    @Args('accessToken', { nullable: true, description: 'The reservation’s access token, for an organiser without an account.' }) accessToken?: string,
  ): Promise<JoinLink> {
    const participant = { name: participantName(name), role: fromMeetingRole(role) };
    await this.limits.anonymous(actor, 'joinLinkPerIp', ip);
    const r = await this.access.authorise(actor, reservationId, 'participate', accessToken);
    if (r.status === ReservationStatus.HELD) throw conflict('The organiser has not confirmed this booking from the e-mail yet: no links before', { reservationId: r.id, status: r.status });
    const row = await this.db.getRepository(MeetingRow).findOneBy({ reservationId: r.id });
    const status = meetingStatus(r.status, row, this.meetings.times(r), this.clock.now());
    if (status === 'CANCELLED' || status === 'CLOSED') throw conflict(`The meeting is ${status.toLowerCase()}: no more links`, { reservationId: r.id, status });
    const conferencing = row ? await this.conferencing.forBinding(row.adapterId, row.bindingId) : await this.conferencing.forPoint(await this.firstPoint(r.id));
    if (!conferencing) throw conflict('The conferencing service of this meeting is unavailable', { reservationId: r.id });
    const bridgeId = row?.bridgeId ?? r.id;
    const info = await this.conferencing.call(conferencing, 'joinInfo', (a) => a.joinInfo(bridgeId, participant));
    return { url: info.url, token: info.token ?? null, validFrom: new Date(info.validFrom), validUntil: new Date(info.validUntil) };
  }

  @Query(() => MeetingInvitation, { description: 'What a join link leads to (public): the join page says whether the meeting is open, not yet, or over. UNAUTHENTICATED for a tampered or malformed token.' })
  async meetingByToken(@Args('token') token: string): Promise<MeetingInvitation> {
    const claims = this.tokens.read(token);
    const r = await this.db.getRepository(Reservation).findOneBy({ id: claims.meetingId });
    if (!r) throw notFound('Meeting', claims.meetingId);
    return {
      meetingId: r.id,
      ...(await this.state.timing(r)),
      participantName: claims.name,
      participantRole: toMeetingRole(claims.role),
    };
  }

  @Query(() => Meeting, { description: 'The live state of a reservation’s meeting: status, who is connected, attendance. Same access as createJoinLink.' })
  async meeting(
    @CurrentActor() actor: Actor,
    @Args('reservationId', { type: () => ID }) reservationId: string,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ): Promise<Meeting> {
    return this.state.of(await this.access.authorise(actor, reservationId, 'participate', accessToken));
  }

  @Mutation(() => Meeting, { description: 'Ends a meeting now: participants are told (closed-by-operator) and disconnected. The host’s operators and network admins; CONFLICT when it is not open.' })
  async closeMeeting(@CurrentActor() actor: Actor, @Args('reservationId', { type: () => ID }) reservationId: string): Promise<Meeting> {
    const r = await this.access.authorise(actor, reservationId, 'operate');
    await this.meetings.closeByOperator(r.id);
    return this.state.of(r);
  }

  @Subscription(() => Meeting, {
    description: 'The meeting’s state now, then again whenever it opens, changes, closes, someone joins or leaves, or one of its SIP calls changes. Same access as `meeting` (sign in through connectionParams.authorization, or give the access token).',
  })
  async meetingState(
    @CurrentActor() actor: Actor,
    @Args('reservationId', { type: () => ID }) reservationId: string,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ) {
    const r = await this.access.authorise(actor, reservationId, 'participate', accessToken);
    const changed = merge(this.meetings.changes$, this.sessions.changes$, this.dialOut.changes$).pipe(filter((id) => id === r.id));
    return toAsyncIterator(
      merge(of(r.id), changed).pipe(
        concatMap(() => from(this.reload(r.id))),
        filter((m): m is Meeting => m !== undefined),
        concatMap((m) => of({ meetingState: m })),
      ),
    );
  }

  private async reload(id: string): Promise<Meeting | undefined> {
    const r = await this.db.getRepository(Reservation).findOneBy({ id });
    return r ? this.state.of(r) : undefined;
  }

  private async firstPoint(reservationId: string): Promise<string | undefined> {
    const [row]: { point_id: string }[] = await this.db.query(
      `SELECT m.point_id FROM room_slot s JOIN room m ON m.id = s.room_id WHERE s.reservation_id = $1 ORDER BY s.id LIMIT 1`,
      [reservationId],
    );
    return row?.point_id;
  }
}
