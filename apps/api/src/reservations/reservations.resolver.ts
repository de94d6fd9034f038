import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { filter, map } from 'rxjs';
import { DataSource } from 'typeorm';
import { invalidInput, notFound } from '@maillage/core';
import { type Actor, CurrentActor } from '../auth/actor';
import { sha256 } from '../auth/passwords';
import { EventBus, toAsyncIterator } from '../events/event-bus';
import { AvailabilityService } from './availability.service';
import { AvailabilityInput, RecurringReservationInput, RemoteParticipantInput, ReservationInput } from './dtos/reservation.inputs';
import { Availability, AvailabilityChange, BookingPayload, RecurringBookingPayload, ReservationRoom } from './dtos/reservation.outputs';
import { Reservation, ReservationChange, ReservationOutcome, ReservationParticipant, ReservationStatus } from './reservation.entity';
import { EachValidationPipe } from '../common/validation.pipe';
import { rememberedRooms } from './new-reservations';
import { MAX_BOOKINGS_PER_REQUEST, tooManyBookings } from './booking-request';
import { ReservationsService } from './reservations.service';
import { UnmetDemandRecorder } from '../evaluation/unmet-demand';
import { DomainError } from '@maillage/core';
import { BookingHolds } from './holds/booking-holds.service';
import { ClientIp } from '../security/client-ip';
import { AbuseLimits } from '../security/abuse-limits';
import { ParticipantsService } from './participants.service';

const reasonArg = (reason: string) => {
  if (!reason.trim() || reason.length > 1000) throw invalidInput(['reason'], 'A reason of 1 to 1000 characters is required', { messageFr: 'Indiquez un motif' });
  return reason.trim();
};

@Resolver(() => Reservation)
export class ReservationsResolver {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly availabilityService: AvailabilityService,
    private readonly bus: EventBus,
    private readonly holds: BookingHolds,
    private readonly participantsService: ParticipantsService,
    private readonly limits: AbuseLimits,
    @InjectDataSource() private readonly db: DataSource,
    private readonly unmet: UnmetDemandRecorder,
  ) {}

  @Query(() => Availability, { description: 'Free slots common to the rooms over a period (at most 62 days).' })
  async availability(@Args('input') input: AvailabilityInput): Promise<Availability> {
    const found = await this.availabilityService.find(input);
    // Issue 12: a search that found nothing is unmet demand (noted in memory, written in batches).
    if (!found.slots.length) this.unmet.note('NO_FREE_SLOT', input.roomIds);
    const toSlot = (s: { start: number; end: number; onRequest: boolean }) => ({ start: new Date(s.start), end: new Date(s.end), onRequest: s.onRequest });
    return { slots: found.slots.map(toSlot), windows: found.windows.map(toSlot) };
  }

  @Query(() => Reservation, { description: 'A reservation, for its organiser (reference + access token).' })
  async reservationByReference(@Args('reference') reference: string, @Args('accessToken') accessToken: string): Promise<Reservation> {
    const r = await this.db.getRepository(Reservation).findOneBy({ reference });
    if (!r || r.accessTokenHash !== sha256(accessToken)) throw notFound('Reservation', reference);
    return r;
  }

  @Mutation(() => BookingPayload, { description: 'Books one or several rooms; CONFLICT names the slot when a room is taken.' })
  book(@CurrentActor() actor: Actor, @Args('input') input: ReservationInput, @ClientIp() ip: string): Promise<BookingPayload> {
    return this.reservations.book(actor, input, ip).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'CONFLICT') this.unmet.note('CONFLICT', input.rooms.map((r) => r.roomId), input.requesterCategory);
      throw error;
    });
  }

  @Mutation(() => [BookingPayload], {
    description: `Books several reservations (at most ${MAX_BOOKINGS_PER_REQUEST}) in one transaction, all or nothing, e.g. a term's planning. Same checks as \`book\`; an error names its input: field ["inputs", index, …], a CONFLICT included.`,
  })
  bookMany(
    @CurrentActor() actor: Actor,
    @Args('inputs', { type: () => [ReservationInput] }, new EachValidationPipe(ReservationInput, MAX_BOOKINGS_PER_REQUEST, tooManyBookings)) inputs: ReservationInput[],
    @ClientIp() ip: string,
  ): Promise<BookingPayload[]> {
    return this.reservations.bookMany(actor, inputs, ip);
  }

  @Mutation(() => RecurringBookingPayload)
  bookRecurring(@CurrentActor() actor: Actor, @Args('input') input: RecurringReservationInput, @ClientIp() ip: string): Promise<RecurringBookingPayload> {
    return this.reservations.bookRecurring(actor, input, ip);
  }

  @Mutation(() => [Reservation], {
    description:
      'Follows the link of the e-mail an anonymous booking sent to its organiser: the request’s reservations become CONFIRMED (REQUESTED when the host must approve). UNAUTHENTICATED for a forged or expired link, CONFLICT when already used.',
  })
  confirmBooking(@Args('token') token: string): Promise<Reservation[]> {
    return this.holds.confirm(token);
  }

  @Mutation(() => Reservation)
  changeReservation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('start', { type: () => Date }) start: Date,
    @Args('end', { type: () => Date }) end: Date,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ): Promise<Reservation> {
    return this.reservations.change(actor, id, start, end, accessToken);
  }

  @Mutation(() => Reservation)
  extendReservation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('end', { type: () => Date }) end: Date,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ): Promise<Reservation> {
    return this.reservations.extend(actor, id, end, accessToken);
  }

  @Mutation(() => Reservation)
  cancelReservation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ): Promise<Reservation> {
    return this.reservations.cancel(actor, id, reasonArg(reason), accessToken);
  }

  @Mutation(() => ReservationParticipant, {
    description: 'Invites a remote party (SIP room, web guest, phone) to a confirmed reservation: its organiser (access token), its organisation or its host. CONFLICT while an anonymous booking awaits its e-mail confirmation.',
  })
  async addParticipant(
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string,
    @Args('reservationId', { type: () => ID }) reservationId: string,
    @Args('participant') participant: RemoteParticipantInput,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ): Promise<ReservationParticipant> {
    await this.limits.anonymous(actor, 'joinLinkPerIp', ip);
    return this.participantsService.add(actor, reservationId, participant, accessToken);
  }

  @Mutation(() => Reservation, { description: 'The host approves a request (off-hours, category needing approval).' })
  approveReservation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Reservation> {
    return this.reservations.approve(actor, id);
  }

  @Mutation(() => Reservation)
  rejectReservation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Reservation> {
    return this.reservations.reject(actor, id, reasonArg(reason));
  }

  @Mutation(() => Reservation, { description: 'After its start, the host records that the meeting took place (COMPLETED) or that nobody came (NO_SHOW).' })
  recordReservationOutcome(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('outcome', { type: () => ReservationOutcome }) outcome: ReservationOutcome,
  ): Promise<Reservation> {
    return this.reservations.recordOutcome(actor, id, outcome === ReservationOutcome.COMPLETED ? ReservationStatus.COMPLETED : ReservationStatus.NO_SHOW);
  }

  @Subscription(() => AvailabilityChange, { description: 'Tells a page when the availability of a point changes.' })
  availabilityChanged(@Args('pointId', { type: () => ID }) pointId: string) {
    return toAsyncIterator(
      this.bus.on('availability.changed').pipe(
        filter((e) => e.payload.pointIds.includes(pointId)),
        map((e) => ({ availabilityChanged: { ...e.payload, from: new Date(e.payload.from), to: new Date(e.payload.to) } })),
      ),
    );
  }

  @ResolveField(() => [ReservationRoom])
  async rooms(@Parent() r: Reservation): Promise<ReservationRoom[]> {
    const written = rememberedRooms(r); // a reservation this request wrote: the write returned its rooms
    if (written) return written;
    const rows: { room_id: string; room_name: string; point_id: string; point_name: string; held_from: Date; held_until: Date; expected_participants: number | null }[] =
      await this.db.query(
        `SELECT s.room_id, m.name AS room_name, p.id AS point_id, p.name AS point_name, lower(s.during) AS held_from, upper(s.during) AS held_until, s.expected_participants
           FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id WHERE s.reservation_id = $1 ORDER BY p.name`,
        [r.id],
      );
    return rows.map((x) => ({ roomId: x.room_id, roomName: x.room_name, pointId: x.point_id, pointName: x.point_name, heldFrom: x.held_from, heldUntil: x.held_until, expectedParticipants: x.expected_participants }));
  }

  @ResolveField(() => [ReservationParticipant])
  participants(@Parent() r: Reservation): Promise<ReservationParticipant[]> {
    return this.db.getRepository(ReservationParticipant).findBy({ reservationId: r.id });
  }

  @ResolveField(() => [ReservationChange], { description: 'Creation, changes, extensions, approvals and cancellations.' })
  history(@Parent() r: Reservation): Promise<ReservationChange[]> {
    return this.db.getRepository(ReservationChange).find({ where: { reservationId: r.id }, order: { at: 'ASC', id: 'ASC' } });
  }
}
