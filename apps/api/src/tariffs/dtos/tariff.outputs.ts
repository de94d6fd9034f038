import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from '../../common/json-scalar';

@ObjectType()
export class PriceListVersionView {
  @Field(() => ID) id!: string;
  @Field(() => ID) priceListId!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'First local date of validity (inclusive).' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'End of validity (exclusive); null: open-ended.' }) validTo!: string | null;
  @Field({ description: 'PAST, CURRENT or FUTURE, on today’s date in the point’s time zone.' }) status!: string;
  @Field(() => Int, { description: 'VAT rate, basis points (2000 = 20 %).' }) vatRateBp!: number;
  @Field({ description: 'EXCL_VAT or INCL_VAT.' }) pricesInclude!: string;
  @Field({ description: 'SLOT, HOUR, HALF_DAY or DAY.' }) unitKind!: string;
  @Field(() => Float, { nullable: true }) unitHours!: number | null;
  @Field(() => GraphQLJSON, { description: 'The whole version as the tariff engine reads it (rates, surcharges, allowances, promotions...).' })
  definition!: Record<string, unknown>;
  @Field() createdAt!: Date;
}

@ObjectType()
export class PriceListView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) pointId!: string | null;
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field(() => [PriceListVersionView], { description: 'Every version, oldest first: the history stays readable.' }) versions!: PriceListVersionView[];
}

@ObjectType()
export class PointTariffs {
  @Field(() => ID) pointId!: string;
  @Field(() => PriceListView, { nullable: true, description: 'The point’s own list, else its organisation’s; null: no tariff published.' })
  priceList!: PriceListView | null;
  @Field(() => PriceListVersionView, { nullable: true }) current!: PriceListVersionView | null;
  @Field(() => [PriceListVersionView]) upcoming!: PriceListVersionView[];
}

@ObjectType()
export class QuoteLineView {
  @Field({ description: 'BASE, CAP, MINIMUM, SURCHARGE, ALLOWANCE or PROMOTION.' }) kind!: string;
  @Field() label!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { description: 'In the price list’s basis (pricesInclude).' }) unitCents!: number;
  @Field(() => Int) amountCents!: number;
  @Field(() => Int) amountExclVatCents!: number;
  @Field(() => Int) amountInclVatCents!: number;
  @Field(() => String, { nullable: true }) allowanceId?: string;
  @Field(() => Int, { nullable: true }) minutes?: number;
}

@ObjectType()
export class AllowanceUseView {
  @Field() allowanceId!: string;
  @Field() label!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => Int) remainingMinutes!: number;
}

@ObjectType()
export class QuoteView {
  @Field(() => ID) pointId!: string;
  @Field(() => ID) priceListId!: string;
  @Field(() => ID, { nullable: true, description: 'The published version that priced it; null for a draft version (the admin’s live preview).' }) priceListVersionId!: string | null;
  @Field(() => Int) version!: number;
  @Field() currency!: string;
  @Field(() => Int) vatRateBp!: number;
  @Field() pricesInclude!: string;
  @Field({ description: 'IN or OUT of the host’s territory.' }) territory!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => Int, { description: 'Minutes outside regular opening hours.' }) offHoursMinutes!: number;
  @Field(() => Int) units!: number;
  @Field(() => Int) localDays!: number;
  @Field(() => [QuoteLineView]) lines!: QuoteLineView[];
  @Field(() => Int) totalExclVatCents!: number;
  @Field(() => Int) vatCents!: number;
  @Field(() => Int) totalInclVatCents!: number;
  @Field(() => [AllowanceUseView]) allowanceUse!: AllowanceUseView[];
}

@ObjectType()
export class FrozenQuoteView {
  @Field(() => ID) reservationId!: string;
  @Field() frozenAt!: Date;
  @Field(() => QuoteView) quote!: QuoteView;
}

@ObjectType()
export class OperatingCostView {
  @Field(() => ID) id!: string;
  @Field(() => ID) pointId!: string;
  @Field() kind!: string;
  @Field() label!: string;
  @Field(() => Int, { nullable: true }) monthlyCents!: number | null;
  @Field(() => String, { nullable: true }) fromMonth!: string | null;
  @Field(() => String, { nullable: true }) toMonth!: string | null;
  @Field(() => Int, { nullable: true }) amountCents!: number | null;
  @Field(() => String, { nullable: true }) date!: string | null;
}

@ObjectType()
export class RecurringByKindView {
  @Field(() => Int) conciergeSubscription!: number;
  @Field(() => Int) line!: number;
  @Field(() => Int) maintenance!: number;
  @Field(() => Int) other!: number;
}

@ObjectType()
export class CostFiguresView {
  @Field(() => Int) recurringCents!: number;
  @Field(() => RecurringByKindView) recurringByKind!: RecurringByKindView;
  @Field(() => Int) oneOffCents!: number;
  @Field(() => Int) totalCostCents!: number;
  @Field(() => Int) completedMeetings!: number;
  @Field(() => Int, { nullable: true, description: 'null when no meeting was completed.' }) costPerMeetingCents!: number | null;
  @Field(() => Int, { nullable: true, description: 'Frozen quotes of the completed meetings, including VAT.' }) revenueCents!: number | null;
  @Field(() => Int, { nullable: true }) netCents!: number | null;
}

@ObjectType()
export class MonthCostFiguresView extends CostFiguresView {
  @Field() month!: string;
}

@ObjectType()
export class YearCostFiguresView extends CostFiguresView {
  @Field(() => Int) year!: number;
  @Field(() => Int) monthCount!: number;
}

@ObjectType()
export class CostPerCallView {
  @Field(() => ID) pointId!: string;
  @Field() fromMonth!: string;
  @Field() toMonth!: string;
  @Field(() => [MonthCostFiguresView]) months!: MonthCostFiguresView[];
  @Field(() => [YearCostFiguresView]) years!: YearCostFiguresView[];
  @Field(() => CostFiguresView) total!: CostFiguresView;
  @Field(() => [OperatingCostView]) costs!: OperatingCostView[];
}
