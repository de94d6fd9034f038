import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Reservation } from '../reservation.entity';

@ObjectType()
export class TimeSlot {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field({ description: 'Only bookable on request (needs the host’s approval).' }) onRequest!: boolean;
}

@ObjectType()
export class Availability {
  @Field(() => [TimeSlot], { description: 'Bookable start times for the requested duration.' }) slots!: TimeSlot[];
  @Field(() => [TimeSlot], { description: 'Maximal free windows common to every room.' }) windows!: TimeSlot[];
}

@ObjectType()
export class BookingPayload {
  @Field(() => Reservation) reservation!: Reservation;
  @Field({ description: 'Shown once: lets the organiser view, change or cancel without an account.' }) accessToken!: string;
}

@ObjectType()
export class SkippedOccurrence {
  @Field(() => Int) index!: number;
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field() reason!: string;
}

@ObjectType()
export class RecurringBookingPayload {
  @Field(() => ID) seriesId!: string;
  @Field() accessToken!: string;
  @Field(() => [Reservation]) reservations!: Reservation[];
  @Field(() => [SkippedOccurrence]) skipped!: SkippedOccurrence[];
}

@ObjectType()
export class ReservationRoom {
  @Field(() => ID) roomId!: string;
  @Field() roomName!: string;
  @Field(() => ID) pointId!: string;
  @Field() pointName!: string;
  @Field(() => Date) heldFrom!: Date;
  @Field(() => Date) heldUntil!: Date;
  @Field(() => Int, { nullable: true }) expectedParticipants!: number | null;
}

@ObjectType()
export class AvailabilityChange {
  @Field(() => [ID]) pointIds!: string[];
  @Field(() => [ID]) roomIds!: string[];
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
}
