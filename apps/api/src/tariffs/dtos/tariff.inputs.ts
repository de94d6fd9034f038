import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { RECURRING_COST_KINDS, type RecurringCostKind } from '@maillage/core';
import { RequesterCategory } from '../../reservations/reservation.entity';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Price-list fields are deliberately loose here (strings, signed integers): the tariff engine's
 * validatePriceList checks them and reports the path of the first offending field, e.g.
 * ['input', 'rates', 0, 'category'], so the rules live in one place (libs/core/src/tariffs).
 */
@InputType()
export class TariffUnitInput {
  @Field({ description: 'SLOT (blocks of `hours`), HOUR, HALF_DAY (blocks of `hours`, default 4) or DAY.' }) kind!: string;
  @Field(() => Float, { nullable: true }) hours?: number | null;
}

@InputType()
export class TariffRateInput {
  @Field({ description: 'COMPANY, ASSOCIATION, PUBLIC_SERVICE, INDIVIDUAL or INTERNAL.' }) category!: string;
  @Field({ description: 'IN (inside the host’s territory) or OUT.' }) territory!: string;
  @Field(() => Int, { description: 'Price of one unit in cents, in the basis of `pricesInclude`; 0 = free.' }) amountCents!: number;
  @Field(() => Int, { nullable: true, description: 'Day-rate cap for this combination.' }) dayCapCents?: number | null;
}

@InputType()
export class SurchargeInput {
  @Field({ description: 'OFF_HOURS (pro rata of the minutes outside opening hours) or WEEKEND.' }) when!: string;
  @Field(() => Float, { nullable: true }) percent?: number | null;
  @Field(() => Int, { nullable: true }) fixedCents?: number | null;
}

@InputType()
export class AllowanceInput {
  @Field() id!: string;
  @Field() label!: string;
  @Field(() => [String]) categories!: string[];
  @Field(() => String, { nullable: true }) requesterGroup?: string | null;
  @Field(() => Int) minutesPerMonth!: number;
}

@InputType()
export class PromotionInput {
  @Field({ description: 'FIRST_USE_FREE or FREE_MONTHS.' }) kind!: string;
  @Field(() => [String], { nullable: true, description: 'YYYY-MM, for FREE_MONTHS.' }) months?: string[] | null;
  @Field(() => [String], { nullable: true }) categories?: string[] | null;
}

@InputType()
export class PriceListVersionInput {
  @Field({ description: 'First local date of validity, YYYY-MM-DD (inclusive).' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'End of validity, YYYY-MM-DD (exclusive); open-ended when absent.' }) validTo?: string | null;
  @Field(() => Int, { description: 'VAT rate in basis points: 2000 = 20 %.' }) vatRateBp!: number;
  @Field({ description: 'EXCL_VAT or INCL_VAT: the basis of every amount of the version.' }) pricesInclude!: string;
  @Field(() => TariffUnitInput) @Type(() => TariffUnitInput) unit!: TariffUnitInput;
  @Field(() => Int, { nullable: true }) dayCapCents?: number | null;
  @Field(() => [TariffRateInput]) @Type(() => TariffRateInput) @ArrayMaxSize(100) rates!: TariffRateInput[];
  @Field(() => [SurchargeInput], { defaultValue: [] }) @Type(() => SurchargeInput) @ArrayMaxSize(20) surcharges!: SurchargeInput[];
  @Field(() => [AllowanceInput], { defaultValue: [] }) @Type(() => AllowanceInput) @ArrayMaxSize(20) allowances!: AllowanceInput[];
  @Field(() => [PromotionInput], { defaultValue: [] }) @Type(() => PromotionInput) @ArrayMaxSize(20) promotions!: PromotionInput[];
  @Field(() => Int, { nullable: true }) minimumChargeCents?: number | null;
}

@InputType()
export class CreatePriceListInput {
  @Field(() => ID, { nullable: true, description: 'The point priced; absent: the organisation’s list for its points without their own.' })
  @IsOptional() @IsUUID() pointId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required without pointId; must be the point’s organisation with it.' })
  @IsOptional() @IsUUID() organisationId?: string | null;
  @Field() @IsString() @Length(1, 200) name!: string;
}

@InputType()
export class QuoteInput {
  @Field(() => [ID], { description: 'The rooms of the draft reservation; the first room’s point prices it.' })
  @IsUUID('all', { each: true }) @ArrayMinSize(1) @ArrayMaxSize(10) roomIds!: string[];
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => RequesterCategory) @IsEnum(RequesterCategory) requesterCategory!: RequesterCategory;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'requesterPostcode must have 5 digits' }) requesterPostcode?: string;
  @Field({ nullable: true, description: 'The organiser’s e-mail: included allowances already used this month and first use.' })
  @IsOptional() @IsEmail() @MaxLength(254) requesterEmail?: string;
}

@InputType()
export class OperatingCostInput {
  @Field(() => ID) @IsUUID() pointId!: string;
  @Field(() => String, { description: 'CONCIERGE_SUBSCRIPTION, LINE, MAINTENANCE or OTHER.' }) @IsIn([...RECURRING_COST_KINDS]) kind!: RecurringCostKind;
  @Field() @IsString() @Length(1, 200) label!: string;
  @Field(() => Int, { nullable: true, description: 'Recurring: paid every month from `fromMonth` to `toMonth`.' }) @IsOptional() @IsInt() monthlyCents?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(MONTH, { message: 'fromMonth must be YYYY-MM' }) fromMonth?: string | null;
  @Field(() => String, { nullable: true, description: 'Last month paid (inclusive); open-ended when absent.' })
  @IsOptional() @Matches(MONTH, { message: 'toMonth must be YYYY-MM' }) toMonth?: string | null;
  @Field(() => Int, { nullable: true, description: 'One-off: paid once on `date`.' }) @IsOptional() @IsInt() amountCents?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date?: string | null;
}
