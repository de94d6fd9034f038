import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import GraphQLJSON from '../../common/json-scalar';
import { RequesterCategory } from '../../reservations/reservation.entity';

export enum TravelMode {
  CAR = 'CAR',
  TER = 'TER',
  TGV = 'TGV',
  COACH = 'COACH',
  PLANE = 'PLANE',
  FERRY = 'FERRY',
}
export enum MeetingOutcomeKind {
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
  FAILED = 'FAILED',
  CANCELLED_LATE = 'CANCELLED_LATE',
}
registerEnumType(TravelMode, { name: 'TravelMode', description: 'How a trip would have been made (the impact factors of each mode are in libs/core/src/impact/factors.ts).' });
registerEnumType(MeetingOutcomeKind, { name: 'MeetingOutcome', description: 'COMPLETED (a use), NO_SHOW (booked, nobody came), FAILED (it did not work), CANCELLED_LATE (cancelled less than 24 h before).' });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class EvaluationFilter {
  @Field({ description: 'First month, YYYY-MM (inclusive).' }) @Matches(MONTH, { message: 'from must be YYYY-MM' }) from!: string;
  @Field({ description: 'Last month, YYYY-MM (inclusive); at most 120 months after `from`.' }) @Matches(MONTH, { message: 'to must be YYYY-MM' }) to!: string;
  @Field(() => ID, { nullable: true, description: 'An organisation (EPCI): its points only. Implied for an organisation’s own staff.' }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() pointId?: string;
  @Field(() => RequesterCategory, { nullable: true }) @IsOptional() @IsEnum(RequesterCategory) category?: RequesterCategory;
}

@ObjectType()
export class EvaluationFigures {
  @Field(() => Int, { description: 'Records: every reservation that ended (uses, no-shows, failures, late cancellations).' }) records!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) noShows!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) cancelledLate!: number;
  @Field(() => Int, { description: 'Uses: completed + failed.' }) uses!: number;
  @Field(() => Float) bookedHours!: number;
  @Field(() => Float) kmAvoided!: number;
  @Field(() => Float) co2eGrossKg!: number;
  @Field(() => Float, { description: 'Avoided minus the meetings’ own footprint.' }) co2eNetKg!: number;
  @Field(() => Float) timeSavedHours!: number;
  @Field(() => Float, { description: 'Euros (kilometre scale, fares, night allowances).' }) moneySavedEuros!: number;
  @Field(() => Float, { nullable: true, description: '1–5; null without answers.' }) satisfaction!: number | null;
  @Field(() => Int) surveyAnswers!: number;
  @Field(() => Int) participantsInRoom!: number;
  @Field(() => Int) browserGuests!: number;
  @Field(() => Int) sipSystems!: number;
}

@ObjectType()
export class MonthFigures extends EvaluationFigures {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Int, { description: 'Requester categories that used a point this month (the widening of the public).' }) categories!: number;
}

@ObjectType()
export class PointFigures extends EvaluationFigures {
  @Field(() => ID) pointId!: string;
  @Field() pointName!: string;
  @Field() town!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => Float, { nullable: true, description: 'Booked hours / regular opening hours over the period (0–1).' }) occupancyRate!: number | null;
}

@ObjectType()
export class KeyFigures extends EvaluationFigures {
  @Field({ description: 'The category, purpose, destination (LOCAL, BRITTANY, FRANCE, ABROAD, UNKNOWN) or internal (true/false).' }) key!: string;
}

@ObjectType()
export class CountByKey {
  @Field() key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class UnmetDemandFigures {
  @Field(() => Int, { description: 'Availability searches that found no free slot.' }) searchesWithoutSlot!: number;
  @Field(() => Int, { description: 'Requests the host refused.' }) rejected!: number;
  @Field(() => Int, { description: 'Bookings refused because the slot was taken meanwhile.' }) conflicts!: number;
}

@ObjectType()
export class EvaluationMetrics {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field(() => EvaluationFigures) totals!: EvaluationFigures;
  @Field(() => [MonthFigures]) byMonth!: MonthFigures[];
  @Field(() => [PointFigures]) byPoint!: PointFigures[];
  @Field(() => [KeyFigures]) byCategory!: KeyFigures[];
  @Field(() => [KeyFigures]) byPurpose!: KeyFigures[];
  @Field(() => [KeyFigures]) byDestination!: KeyFigures[];
  @Field(() => [KeyFigures], { description: 'key "true": internal use by the host’s own staff; "false": external users.' }) internalVsExternal!: KeyFigures[];
  @Field(() => [CountByKey], { description: 'Incidents of the period’s meetings by cause.' }) failuresByCause!: CountByKey[];
  @Field(() => UnmetDemandFigures) unmetDemand!: UnmetDemandFigures;
  @Field(() => Float, { nullable: true, description: 'Booked hours / regular opening hours of the points in scope (0–1).' }) occupancyRate!: number | null;
  @Field(() => Float, { description: 'Operating costs of the points in scope over the period, euros.' }) operatingCostEuros!: number;
  @Field(() => Float, { nullable: true, description: 'Operating cost per use, euros; null without uses.' }) costPerUseEuros!: number | null;
  @Field(() => Int) factorTableVersion!: number;
}

@ObjectType({ description: 'The network’s anonymised summary: counts and sums only, no names, e-mails or references.' })
export class PublicEvaluationSummary {
  @Field(() => Int) year!: number;
  @Field(() => EvaluationFigures) totals!: EvaluationFigures;
  @Field(() => [MonthFigures]) byMonth!: MonthFigures[];
  @Field(() => [KeyFigures]) byCategory!: KeyFigures[];
  @Field(() => [KeyFigures]) byDestination!: KeyFigures[];
  @Field(() => Int) activePoints!: number;
}

@ObjectType()
export class MeetingRecordView {
  @Field(() => ID) reservationId!: string;
  @Field() reference!: string;
  @Field(() => MeetingOutcomeKind) outcome!: MeetingOutcomeKind;
  @Field({ description: 'host, bridge or cancellation.' }) outcomeSource!: string;
  @Field() bookedStart!: Date;
  @Field() bookedEnd!: Date;
  @Field(() => Date, { nullable: true }) actualStart!: Date | null;
  @Field(() => Date, { nullable: true }) actualEnd!: Date | null;
  @Field(() => ID) pointId!: string;
  @Field() pointName!: string;
  @Field(() => [ID]) pointIds!: string[];
  @Field(() => Int) participantsInRoom!: number;
  @Field(() => Int) browserGuests!: number;
  @Field(() => Int) sipSystems!: number;
  @Field(() => Int) phoneParticipants!: number;
  @Field(() => RequesterCategory) requesterCategory!: RequesterCategory;
  @Field() purpose!: string;
  @Field() internal!: boolean;
  @Field() destinationScope!: string;
  @Field(() => GraphQLJSON, { description: 'The remote parties: [{ kind, label, scope }].' }) destinations!: unknown;
  @Field(() => GraphQLJSON) incidents!: unknown;
  @Field(() => Int, { nullable: true }) quoteInclVatCents!: number | null;
  @Field(() => Int) factorTableVersion!: number;
  @Field(() => GraphQLJSON, { description: 'The impact calculator’s result: every trip and line with its inputs, the meeting’s footprint.' }) impact!: unknown;
  @Field(() => Float) kmAvoided!: number;
  @Field(() => Float) co2eNetKg!: number;
  @Field(() => Float) co2eGrossKg!: number;
  @Field(() => Int) timeSavedMinutes!: number;
  @Field(() => Float) moneySavedEuros!: number;
  @Field(() => Float, { nullable: true }) satisfaction!: number | null;
}

@ObjectType()
export class MeetingRecordPage {
  @Field(() => [MeetingRecordView]) records!: MeetingRecordView[];
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class SurveyTripInput {
  @Field({ description: 'Postcode of the commune the people would have come from.' }) @Matches(/^\d{5}$/, { message: 'fromPostcode must have 5 digits' }) fromPostcode!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) people!: number;
  @Field(() => TravelMode, { nullable: true }) @IsOptional() @IsEnum(TravelMode) mode?: TravelMode;
}

@InputType()
export class SurveyAnswerInput {
  @Field({ description: 'Did the meeting work (picture, sound, connection)?' }) @IsBoolean() worked!: boolean;
  @Field({ description: 'Did it replace a trip?' }) @IsBoolean() replacedTrip!: boolean;
  @Field(() => [SurveyTripInput], { defaultValue: [] }) @ValidateNested({ each: true }) @Type(() => SurveyTripInput) @ArrayMaxSize(10) trips!: SurveyTripInput[];
  @Field(() => Int, { nullable: true, description: 'People in the room (organiser).' }) @IsOptional() @IsInt() @Min(0) @Max(1000) peopleInRoom?: number;
  @Field(() => Int, { description: '1 (bad) to 5 (very good).' }) @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@ObjectType({ description: 'What a survey link is about (no personal data).' })
export class SurveyView {
  @Field() reference!: string;
  @Field() title!: string;
  @Field() start!: Date;
  @Field() pointName!: string;
  @Field({ description: 'organiser or guest.' }) respondent!: string;
  @Field() answered!: boolean;
}

@ObjectType()
export class SurveyLink {
  @Field({ description: '`/enquete/<token>`' }) path!: string;
}

@ObjectType()
export class UncoveredCommuneView {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) population!: number;
  @Field(() => Float) nearestKm!: number;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
}

@ObjectType()
export class OpeningGainView {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) addedPopulation!: number;
  @Field(() => Float) shareAfter!: number;
  @Field(() => [String]) newlyCovered!: readonly string[];
}

@ObjectType({ description: 'Coverage of Brittany: share of the population within the radius of an active point.' })
export class TerritoryCoverage {
  @Field(() => Float) radiusKm!: number;
  @Field(() => Int) communes!: number;
  @Field(() => Int) population!: number;
  @Field(() => Int) coveredPopulation!: number;
  @Field(() => Float) share!: number;
  @Field(() => Int) activePoints!: number;
  @Field(() => Int, { description: 'Communes whose centre is approximate (not listed by GeoNames; see README).' }) approximateCentres!: number;
  @Field(() => [UncoveredCommuneView], { description: 'Most populous first.' }) uncovered!: UncoveredCommuneView[];
  @Field(() => Int) uncoveredCount!: number;
  @Field(() => [OpeningGainView], { description: 'Where a new point would add the most population.' }) bestOpenings!: OpeningGainView[];
}

export const COVERAGE_LIMIT = { uncovered: 200, openings: 20 };
