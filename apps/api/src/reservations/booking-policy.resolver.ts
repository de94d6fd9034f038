import { Args, Field, ID, Int, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type BookingPolicy, notFound, validateBookingPolicy } from '@maillage/core';
import { type Actor, assertCanActFor, CurrentActor } from '../auth/actor';
import { audit } from '../auth/audit';
import { Role } from '../common/enums';
import { Point } from '../points/point.entity';
import { Room } from '../points/room.entity';
import { DEFAULT_BOOKING_POLICY } from './booking-context';
import { BookingPolicyInput } from './dtos/reservation.inputs';
import { RequesterCategory } from './reservation.entity';

@ObjectType('BookingPolicy')
export class BookingPolicyType {
  @Field(() => Int) minLeadMinutes!: number;
  @Field(() => Int) minDurationMinutes!: number;
  @Field(() => Int) maxDurationMinutes!: number;
  @Field(() => Int) granularityMinutes!: number;
  @Field(() => Int) setupBufferMinutes!: number;
  @Field(() => Int) teardownBufferMinutes!: number;
  @Field(() => Int) horizonDays!: number;
  @Field(() => [RequesterCategory]) approvalCategories!: string[];
}

/** Booking rules of a point (or one of its rooms): public to read, set by the host. */
@Resolver(() => Point)
export class BookingPolicyResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @ResolveField(() => BookingPolicyType, { description: 'Booking rules (the platform default when the host set none).' })
  bookingPolicy(@Parent() point: Point): BookingPolicy {
    return point.bookingPolicy ?? DEFAULT_BOOKING_POLICY;
  }

  @Mutation(() => BookingPolicyType, { description: 'Sets the booking rules of a point, or of one of its rooms when roomId is given.' })
  async setBookingPolicy(
    @CurrentActor() actor: Actor,
    @Args('pointId', { type: () => ID }) pointId: string,
    @Args('policy') input: BookingPolicyInput,
    @Args('roomId', { type: () => ID, nullable: true }) roomId?: string,
  ): Promise<BookingPolicy> {
    const point = await this.db.getRepository(Point).findOneBy({ id: pointId });
    if (!point) throw notFound('Point', pointId);
    assertCanActFor(actor, point.organisationId, Role.ORGANISATION_ADMIN);
    const policy = validateBookingPolicy({ ...input, approvalCategories: [...input.approvalCategories] }, ['policy']);
    await this.db.transaction(async (em) => {
      if (roomId) {
        const updated = await em.getRepository(Room).update({ id: roomId, pointId }, { bookingPolicy: policy });
        if (!updated.affected) throw notFound('Room', roomId);
      } else {
        await em.getRepository(Point).update({ id: pointId }, { bookingPolicy: policy });
      }
      await audit(em, actor, 'booking-policy.set', roomId ? 'room' : 'point', roomId ?? pointId, { ...policy });
    });
    return policy;
  }
}
