/**
 * Operating costs of a point and cost per completed call, with quoted revenue next to costs.
 *
 * Months are 'YYYY-MM' and ranges of months are inclusive at both ends (a subscription
 * `{ from: '2015-01', to: '2015-12' }` is paid twelve times). Dates are 'YYYY-MM-DD'. Costs and
 * revenue are integer cents in whatever VAT basis the caller uses for both (a public body that does
 * not recover VAT will use amounts including VAT). Items dated outside the period are ignored.
 * Cost per meeting = round half-up(total cost / completed meetings), null when there are none.
 */
import { invalidInput } from '../errors/domain-error';
import { isIsoDate, isIsoMonth, monthOf, monthsBetween } from './calendar';
import { mulDivHalfUp } from './money';

export const RECURRING_COST_KINDS = ['CONCIERGE_SUBSCRIPTION', 'LINE', 'MAINTENANCE', 'OTHER'] as const;
export type RecurringCostKind = (typeof RECURRING_COST_KINDS)[number];

export interface RecurringCost {
  readonly kind: RecurringCostKind;
  readonly monthlyCents: number;
  /** First month paid. */
  readonly from: string;
  /** Last month paid (inclusive); open-ended when absent. */
  readonly to?: string;
  readonly label?: string;
}

export interface OneOffCost {
  readonly date: string;
  readonly amountCents: number;
  readonly label: string;
}

export interface CompletedMeeting {
  readonly date: string;
}

export interface DatedRevenue {
  readonly date: string;
  readonly amountCents: number;
}

export interface CostPerCallInput {
  readonly recurringCosts: readonly RecurringCost[];
  readonly oneOffCosts: readonly OneOffCost[];
  readonly completedMeetings: readonly CompletedMeeting[];
  /** Inclusive months. At most 120 months. */
  readonly period: { readonly from: string; readonly to: string };
  /**
   * Revenue from quotes: either one total for the whole period (then months and years show null),
   * or dated amounts (then also broken down by month and year). Absent = no revenue (0).
   */
  readonly quotedRevenueCents?: number | readonly DatedRevenue[];
}

export interface CostFigures {
  readonly recurringCents: number;
  readonly recurringByKind: Readonly<Record<RecurringCostKind, number>>;
  readonly oneOffCents: number;
  readonly totalCostCents: number;
  readonly completedMeetings: number;
  /** null when no meeting was completed. */
  readonly costPerMeetingCents: number | null;
  /** null when revenue was given only as a period total (months, years). */
  readonly revenueCents: number | null;
  /** revenue − cost; null with revenueCents. */
  readonly netCents: number | null;
}

export interface MonthCostFigures extends CostFigures {
  readonly month: string;
}

export interface YearCostFigures extends CostFigures {
  readonly year: number;
  /** Months of this calendar year inside the period (12 for a full year). */
  readonly monthCount: number;
}

export interface CostPerCallReport {
  readonly period: { readonly from: string; readonly to: string };
  readonly months: readonly MonthCostFigures[];
  /** Calendar years touched by the period ("per year"); partial years say so in monthCount. */
  readonly years: readonly YearCostFigures[];
  readonly total: CostFigures;
}

export const MAX_PERIOD_MONTHS = 120;

const isCents = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function validate(input: CostPerCallInput): void {
  const { period } = input;
  if (!isIsoMonth(period.from)) throw invalidInput(['period', 'from'], 'period.from must be YYYY-MM', { messageFr: 'Mois de début invalide (AAAA-MM)' });
  if (!isIsoMonth(period.to)) throw invalidInput(['period', 'to'], 'period.to must be YYYY-MM', { messageFr: 'Mois de fin invalide (AAAA-MM)' });
  if (period.to < period.from) throw invalidInput(['period', 'to'], 'period.to must not precede period.from', { messageFr: 'La période se termine avant de commencer' });
  if (monthsBetween(period.from, period.to).length > MAX_PERIOD_MONTHS) {
    throw invalidInput(['period'], `A period spans at most ${MAX_PERIOD_MONTHS} months`, { messageFr: 'Période trop longue (10 ans au plus)' });
  }
  input.recurringCosts.forEach((c, i) => {
    const p = ['recurringCosts', i];
    if (!(RECURRING_COST_KINDS as readonly string[]).includes(c.kind)) throw invalidInput([...p, 'kind'], `Unknown cost kind ${String(c.kind)}`, { messageFr: 'Type de coût inconnu' });
    if (!isCents(c.monthlyCents)) throw invalidInput([...p, 'monthlyCents'], 'monthlyCents must be a non-negative integer', { messageFr: 'Montant mensuel invalide' });
    if (!isIsoMonth(c.from)) throw invalidInput([...p, 'from'], 'from must be YYYY-MM', { messageFr: 'Mois de début invalide (AAAA-MM)' });
    if (c.to !== undefined && (!isIsoMonth(c.to) || c.to < c.from)) throw invalidInput([...p, 'to'], 'to must be YYYY-MM, not before from', { messageFr: 'Mois de fin invalide' });
  });
  input.oneOffCosts.forEach((c, i) => {
    if (!isIsoDate(c.date)) throw invalidInput(['oneOffCosts', i, 'date'], 'date must be YYYY-MM-DD', { messageFr: 'Date invalide' });
    if (!isCents(c.amountCents)) throw invalidInput(['oneOffCosts', i, 'amountCents'], 'amountCents must be a non-negative integer', { messageFr: 'Montant invalide' });
  });
  input.completedMeetings.forEach((m, i) => {
    if (!isIsoDate(m.date)) throw invalidInput(['completedMeetings', i, 'date'], 'date must be YYYY-MM-DD', { messageFr: 'Date invalide' });
  });
  const rev = input.quotedRevenueCents;
  if (typeof rev === 'number') {
    if (!isCents(rev)) throw invalidInput(['quotedRevenueCents'], 'quotedRevenueCents must be a non-negative integer', { messageFr: 'Recettes invalides' });
  } else if (rev !== undefined) {
    rev.forEach((r, i) => {
      if (!isIsoDate(r.date)) throw invalidInput(['quotedRevenueCents', i, 'date'], 'date must be YYYY-MM-DD', { messageFr: 'Date invalide' });
      if (!isCents(r.amountCents)) throw invalidInput(['quotedRevenueCents', i, 'amountCents'], 'amountCents must be a non-negative integer', { messageFr: 'Montant invalide' });
    });
  }
}

const zeroByKind = (): Record<RecurringCostKind, number> => ({ CONCIERGE_SUBSCRIPTION: 0, LINE: 0, MAINTENANCE: 0, OTHER: 0 });

interface Bucket {
  recurringByKind: Record<RecurringCostKind, number>;
  oneOffCents: number;
  completedMeetings: number;
  revenueCents: number | null;
}

function figures(b: Bucket): CostFigures {
  const recurringCents = RECURRING_COST_KINDS.reduce((s, k) => s + b.recurringByKind[k], 0);
  const totalCostCents = recurringCents + b.oneOffCents;
  return {
    recurringCents,
    recurringByKind: { ...b.recurringByKind },
    oneOffCents: b.oneOffCents,
    totalCostCents,
    completedMeetings: b.completedMeetings,
    costPerMeetingCents: b.completedMeetings === 0 ? null : mulDivHalfUp(totalCostCents, 1, b.completedMeetings),
    revenueCents: b.revenueCents,
    netCents: b.revenueCents === null ? null : b.revenueCents - totalCostCents,
  };
}

function merge(into: Bucket, b: Bucket): void {
  for (const k of RECURRING_COST_KINDS) into.recurringByKind[k] += b.recurringByKind[k];
  into.oneOffCents += b.oneOffCents;
  into.completedMeetings += b.completedMeetings;
  into.revenueCents = into.revenueCents === null || b.revenueCents === null ? null : into.revenueCents + b.revenueCents;
}

/** Costs, completed meetings, cost per meeting and revenue, by month, by calendar year and for the period. */
export function costPerCall(input: CostPerCallInput): CostPerCallReport {
  validate(input);
  const months = monthsBetween(input.period.from, input.period.to);
  const revenue = input.quotedRevenueCents;
  const dated = Array.isArray(revenue);
  const buckets = new Map<string, Bucket>(
    months.map((m) => [m, { recurringByKind: zeroByKind(), oneOffCents: 0, completedMeetings: 0, revenueCents: typeof revenue === 'number' ? null : 0 }]),
  );

  for (const m of months) {
    const b = buckets.get(m);
    if (b === undefined) continue;
    for (const c of input.recurringCosts) {
      if (c.from <= m && (c.to === undefined || m <= c.to)) b.recurringByKind[c.kind] += c.monthlyCents;
    }
  }
  for (const c of input.oneOffCosts) {
    const b = buckets.get(monthOf(c.date));
    if (b !== undefined) b.oneOffCents += c.amountCents;
  }
  for (const meeting of input.completedMeetings) {
    const b = buckets.get(monthOf(meeting.date));
    if (b !== undefined) b.completedMeetings += 1;
  }
  if (dated) {
    for (const r of revenue as readonly DatedRevenue[]) {
      const b = buckets.get(monthOf(r.date));
      if (b !== undefined && b.revenueCents !== null) b.revenueCents += r.amountCents;
    }
  }

  const monthFigures: MonthCostFigures[] = months.map((m) => ({ month: m, ...figures(buckets.get(m) as Bucket) }));

  const yearBuckets = new Map<number, { bucket: Bucket; monthCount: number }>();
  const totalBucket: Bucket = { recurringByKind: zeroByKind(), oneOffCents: 0, completedMeetings: 0, revenueCents: typeof revenue === 'number' ? null : 0 };
  for (const m of months) {
    const b = buckets.get(m) as Bucket;
    const year = Number(m.slice(0, 4));
    let y = yearBuckets.get(year);
    if (y === undefined) {
      y = { bucket: { recurringByKind: zeroByKind(), oneOffCents: 0, completedMeetings: 0, revenueCents: typeof revenue === 'number' ? null : 0 }, monthCount: 0 };
      yearBuckets.set(year, y);
    }
    merge(y.bucket, b);
    y.monthCount += 1;
    merge(totalBucket, b);
  }
  if (typeof revenue === 'number') totalBucket.revenueCents = revenue;

  return {
    period: { from: input.period.from, to: input.period.to },
    months: monthFigures,
    years: [...yearBuckets.entries()].map(([year, y]) => ({ year, monthCount: y.monthCount, ...figures(y.bucket) })),
    total: figures(totalBucket),
  };
}

/** One tier of a concierge subscription: up to `maxEndpoints` connected endpoints for `monthlyCents`. */
export interface ConciergeTier {
  readonly maxEndpoints: number;
  readonly monthlyCents: number;
}

/**
 * Price negotiated by the operator with the concierge vendor, in force since 1 January 2015:
 * 60 € a month for one connected endpoint, 80 € a month for 2 to 7.
 */
export const CONCIERGE_TIERS_2015: readonly ConciergeTier[] = [
  { maxEndpoints: 1, monthlyCents: 6_000 },
  { maxEndpoints: 7, monthlyCents: 8_000 },
];

/**
 * Monthly concierge subscription for a number of endpoints, from ascending tiers (default: 2015).
 * BAD_USER_INPUT for a count that is not a positive integer, and beyond the last tier (the study
 * gives no price beyond 7 endpoints: that is a quote from the vendor).
 */
export function conciergeSubscriptionMonthlyCents(endpointCount: number, tiers: readonly ConciergeTier[] = CONCIERGE_TIERS_2015): number {
  if (!Number.isSafeInteger(endpointCount) || endpointCount < 1) {
    throw invalidInput(['endpointCount'], 'endpointCount must be a positive integer', { messageFr: 'Nombre de postes invalide', details: { endpointCount } });
  }
  const tier = tiers.find((t) => endpointCount <= t.maxEndpoints);
  if (tier === undefined) {
    const maxEndpoints = tiers.length === 0 ? 0 : tiers[tiers.length - 1].maxEndpoints;
    throw invalidInput(['endpointCount'], `No subscription tier beyond ${maxEndpoints} endpoints`, {
      messageFr: `Au-delà de ${maxEndpoints} postes, l’abonnement de conciergerie est sur devis`,
      details: { endpointCount, maxEndpoints },
    });
  }
  return tier.monthlyCents;
}
