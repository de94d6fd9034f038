/**
 * Types of the tariff engine. Money is always an integer number of cents (EUR); rates of VAT are in
 * basis points (2000 bp = 20 %). Calendar dates are 'YYYY-MM-DD', months 'YYYY-MM'.
 */

export const REQUESTER_CATEGORIES = ['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'] as const;
export type RequesterCategory = (typeof REQUESTER_CATEGORIES)[number];

export const TERRITORIES = ['IN', 'OUT'] as const;
/** 'IN': the requester belongs to the host's territory (EPCI); 'OUT': anyone else. */
export type Territory = (typeof TERRITORIES)[number];

/**
 * How a booking is counted.
 * - SLOT: blocks of `hours` (the study's "2 h minimum, set-up included": `{ kind: 'SLOT', hours: 2 }`);
 * - HOUR: blocks of one hour;
 * - HALF_DAY: blocks of `hours` (default 4);
 * - DAY: one unit per local calendar day touched by the booking (a day rate covers the whole day).
 * SLOT, HOUR and HALF_DAY count ceil(duration / unit length) over the whole booking.
 */
export type TariffUnit =
  | { readonly kind: 'SLOT'; readonly hours: number }
  | { readonly kind: 'HOUR' }
  | { readonly kind: 'HALF_DAY'; readonly hours?: number }
  | { readonly kind: 'DAY' };

export interface TariffRate {
  readonly category: RequesterCategory;
  readonly territory: Territory;
  /** Price of one unit, in the basis given by `PriceListVersion.pricesInclude`. 0 = free. */
  readonly amountCents: number;
  /** Day-rate cap for this combination; overrides `PriceListVersion.dayCapCents`. */
  readonly dayCapCents?: number;
}

export type SurchargeWhen = 'OFF_HOURS' | 'WEEKEND';

/**
 * A surcharge: `percent` of the time price (for OFF_HOURS, pro rata of the minutes outside opening
 * hours), and/or a `fixedCents` amount once per booking. At most two decimals in `percent`.
 */
export interface Surcharge {
  readonly when: SurchargeWhen;
  readonly percent?: number;
  readonly fixedCents?: number;
}

/**
 * Minutes included each month for a group of requesters (the incubator's "one hour of
 * videoconference per month"). Eligible when the requester's category is listed and, if
 * `requesterGroup` is set, the request names that group (e.g. 'pepiniere').
 */
export interface Allowance {
  readonly id: string;
  readonly label: string;
  readonly categories: readonly RequesterCategory[];
  readonly requesterGroup?: string;
  readonly minutesPerMonth: number;
}

/** A promotion makes the whole booking free. Optional `categories` restricts who benefits. */
export type Promotion =
  | { readonly kind: 'FIRST_USE_FREE'; readonly categories?: readonly RequesterCategory[] }
  | { readonly kind: 'FREE_MONTHS'; readonly months: readonly string[]; readonly categories?: readonly RequesterCategory[] };

export type PricesInclude = 'EXCL_VAT' | 'INCL_VAT';

/** Rounding rule. HALF_UP: to the nearest cent, halves away from zero (commercial rounding). */
export type RoundingRule = 'HALF_UP';

/** One version of the price list of a point (or of an organisation for all its points). */
export interface PriceListVersion {
  /** Identifier of the price list; shared by all its versions. */
  readonly id: string;
  /** Version number (positive integer), unique within the price list. */
  readonly version: number;
  /** First local date of validity, inclusive. */
  readonly validFrom: string;
  /** End of validity, exclusive; open-ended when absent. */
  readonly validTo?: string;
  readonly currency: 'EUR';
  /** VAT rate in basis points, 0–10000. */
  readonly vatRateBp: number;
  /** Whether rates, caps, fixed surcharges and the minimum charge are stated excluding or including VAT. */
  readonly pricesInclude: PricesInclude;
  readonly unit: TariffUnit;
  /** Day-rate cap per local calendar day, unless a rate sets its own. */
  readonly dayCapCents?: number;
  /** A missing (category, territory) combination means that category is not accepted. */
  readonly rates: readonly TariffRate[];
  readonly surcharges: readonly Surcharge[];
  readonly allowances: readonly Allowance[];
  readonly promotions: readonly Promotion[];
  /** Minimum time price of a chargeable booking (applies when the time price is > 0). */
  readonly minimumChargeCents?: number;
  readonly rounding: RoundingRule;
}

export interface QuoteRequest {
  /** Start and end of the booking, epoch milliseconds, on whole minutes. */
  readonly start: number;
  readonly end: number;
  /** IANA zone of the point, e.g. 'Europe/Paris'. */
  readonly timeZone: string;
  readonly category: RequesterCategory;
  readonly territory: Territory;
  /** Groups the requester belongs to (for allowances restricted to a group). */
  readonly requesterGroups?: readonly string[];
  /** Minutes of the booking outside regular opening hours (computed by the caller). */
  readonly offHoursMinutes: number;
  /** Whether the weekend surcharge applies; when absent, true if the booking touches a local Saturday or Sunday. */
  readonly isWeekend?: boolean;
  /** Minutes of each allowance already used this month by this requester, by allowance id. */
  readonly allowanceBalance: Readonly<Record<string, number>>;
  /** Completed or booked uses by this requester before this one (for FIRST_USE_FREE). */
  readonly priorUsesByRequester: number;
}

export type QuoteLineKind = 'BASE' | 'CAP' | 'MINIMUM' | 'SURCHARGE' | 'ALLOWANCE' | 'PROMOTION';

/**
 * One line of a quote. `amountCents === quantity * unitCents`, in the price list's basis
 * (`Quote.pricesInclude`); `amountExclVatCents` and `amountInclVatCents` split it so that the
 * lines add up exactly to the quote's totals.
 */
export interface QuoteLine {
  readonly kind: QuoteLineKind;
  /** French, for the user: '2 créneaux de 2 h, entreprise, hors territoire'. */
  readonly label: string;
  readonly quantity: number;
  readonly unitCents: number;
  readonly amountCents: number;
  readonly amountExclVatCents: number;
  readonly amountInclVatCents: number;
  /** For ALLOWANCE lines. */
  readonly allowanceId?: string;
  /** For ALLOWANCE lines: minutes of the allowance consumed. */
  readonly minutes?: number;
}

export interface AllowanceUse {
  readonly allowanceId: string;
  readonly label: string;
  /** Minutes consumed by this booking (add them to the balance for the next quote). */
  readonly minutes: number;
  /** Minutes left this month after this booking. */
  readonly remainingMinutes: number;
}

export interface Quote {
  readonly priceListId: string;
  readonly version: number;
  readonly currency: 'EUR';
  readonly vatRateBp: number;
  readonly pricesInclude: PricesInclude;
  readonly durationMinutes: number;
  /** Units counted for the BASE line. */
  readonly units: number;
  /** Local calendar days touched by the booking. */
  readonly localDays: number;
  readonly lines: readonly QuoteLine[];
  readonly totalExclVatCents: number;
  readonly vatCents: number;
  readonly totalInclVatCents: number;
  /** Allowances consumed, in the order they were consumed (only those with minutes > 0). */
  readonly allowanceUse: readonly AllowanceUse[];
}
