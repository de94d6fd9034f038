import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ParticipantKind, Purpose, RequesterCategory } from '../reservation.entity';

export enum RecurrenceMode {
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  SKIP_CLASHES = 'SKIP_CLASHES',
}
registerEnumType(RecurrenceMode, { name: 'RecurrenceMode' });

@InputType()
export class ReservationRoomInput {
  @Field(() => ID) @IsUUID() roomId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) expectedParticipants?: number;
}

@InputType()
export class OrganiserInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 40) phone?: string;
}

@InputType()
export class RemoteParticipantInput {
  @Field(() => ParticipantKind) @IsEnum(ParticipantKind) kind!: ParticipantKind;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^sips?:[^\s@]+@[^\s@]+$/, { message: 'sipUri must look like sip:room@host' }) @MaxLength(300) sipUri?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'phone must be a phone number' }) phone?: string;
  @Field({ nullable: true, description: 'Postcode of the commune the participant joins from (France), for the evaluation.' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'originPostcode must have 5 digits' }) originPostcode?: string;
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 country the participant joins from, when not France.' })
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'originCountry must be an ISO 3166 alpha-2 code' }) originCountry?: string;
}

@InputType()
export class ReservationInput {
  @Field() @IsString() @Length(1, 200) title!: string;
  @Field(() => [ReservationRoomInput], { description: 'One room, or several at different points for a multi-point meeting.' })
  @ValidateNested({ each: true }) @Type(() => ReservationRoomInput) @ArrayMinSize(1) @ArrayMaxSize(10) rooms!: ReservationRoomInput[];
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => OrganiserInput) @ValidateNested() @Type(() => OrganiserInput) organiser!: OrganiserInput;
  @Field(() => RequesterCategory) @IsEnum(RequesterCategory) requesterCategory!: RequesterCategory;
  @Field({ nullable: true, description: 'Postcode of the requester’s commune: decides in or out of territory.' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'requesterPostcode must have 5 digits' }) requesterPostcode?: string;
  @Field(() => Purpose) @IsEnum(Purpose) purpose!: Purpose;
  @Field(() => [RemoteParticipantInput], { defaultValue: [] }) @ValidateNested({ each: true }) @Type(() => RemoteParticipantInput) @ArrayMaxSize(50) participants!: RemoteParticipantInput[];
}

@InputType()
export class RecurringReservationInput extends ReservationInput {
  @Field({ description: 'RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TH;COUNT=10' }) @IsString() @Length(1, 500) rrule!: string;
  @Field(() => RecurrenceMode, { defaultValue: RecurrenceMode.ALL_OR_NOTHING }) @IsIn(Object.values(RecurrenceMode)) mode!: RecurrenceMode;
}

@InputType()
export class AvailabilityInput {
  @Field(() => [ID], { description: 'Rooms that must all be free at once (several points: a multi-point meeting).' })
  @IsUUID('all', { each: true }) @ArrayMinSize(1) @ArrayMaxSize(10) roomIds!: string[];
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => Int) @IsInt() @Min(15) @Max(24 * 60) durationMinutes!: number;
  @Field({ defaultValue: false, description: 'Include off-hours bookable on request (flagged onRequest).' }) includeOnRequest!: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

@InputType()
export class BookingPolicyInput {
  @Field(() => Int) @IsInt() @Min(0) minLeadMinutes!: number;
  @Field(() => Int) @IsInt() @Min(1) minDurationMinutes!: number;
  @Field(() => Int) @IsInt() @Min(1) maxDurationMinutes!: number;
  @Field(() => Int) @IsInt() @Min(1) granularityMinutes!: number;
  @Field(() => Int) @IsInt() @Min(0) setupBufferMinutes!: number;
  @Field(() => Int) @IsInt() @Min(0) teardownBufferMinutes!: number;
  @Field(() => Int) @IsInt() @Min(1) horizonDays!: number;
  @Field(() => [RequesterCategory], { defaultValue: [] }) @IsEnum(RequesterCategory, { each: true }) approvalCategories!: RequesterCategory[];
}
