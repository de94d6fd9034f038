// The tariff editor's state, built from a published version's definition, and its conversion to the
// API's PriceListVersionInput with the map from an error's field path back to the input that caused it.
import type { PriceListVersionInput, RequesterCategory } from '../../generated/graphql';
import { centsToEuros, eurosToCents } from '../money';
import type { Lang } from '../../i18n';
import { newKey } from './schedule-draft';

export const CATEGORIES: readonly RequesterCategory[] = ['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'];
export const TERRITORIES = ['IN', 'OUT'] as const;
export type Territory = (typeof TERRITORIES)[number];
export const UNIT_KINDS = ['SLOT', 'HOUR', 'HALF_DAY', 'DAY'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const cellKey = (category: string, territory: string) => `rate.${category}.${territory}`;

export interface SurchargeDraft {
  key: string;
  when: 'OFF_HOURS' | 'WEEKEND';
  percent: string;
  fixedEuros: string;
}

export interface AllowanceDraft {
  key: string;
  id: string;
  label: string;
  categories: RequesterCategory[];
  requesterGroup: string;
  minutesPerMonth: string;
}

export interface TariffDraft {
  validFrom: string;
  validTo: string;
  pricesInclude: 'INCL_VAT' | 'EXCL_VAT';
  vatPercent: string;
  unitKind: UnitKind;
  unitHours: string;
  dayCapEuros: string;
  minimumEuros: string;
  /** Euros by cellKey(category, territory); '' = the category is not accepted there. */
  rates: Record<string, string>;
  /** Per-rate day caps of the version started from (kept as they were: the matrix edits prices). */
  rateCaps: Record<string, number>;
  surcharges: SurchargeDraft[];
  allowances: AllowanceDraft[];
  /** Promotions of the version started from, kept unchanged. */
  promotions: PriceListVersionInput['promotions'];
}

interface Definition {
  vatRateBp?: number;
  pricesInclude?: string;
  unit?: { kind?: string; hours?: number };
  dayCapCents?: number;
  minimumChargeCents?: number;
  rates?: { category: string; territory: string; amountCents: number; dayCapCents?: number }[];
  surcharges?: { when: string; percent?: number; fixedCents?: number }[];
  allowances?: { id: string; label: string; categories: string[]; requesterGroup?: string; minutesPerMonth: number }[];
  promotions?: { kind: string; months?: string[]; categories?: string[] }[];
}

const decimal = (n: number, lang: Lang) => (lang === 'fr' ? String(n).replace('.', ',') : String(n));

/** The form for a new version, starting from `definition` (the latest version) or from nothing. */
export function draftFrom(definition: unknown, validFrom: string, lang: Lang): TariffDraft {
  const d = (definition && typeof definition === 'object' ? definition : {}) as Definition;
  const rates: Record<string, string> = {};
  const rateCaps: Record<string, number> = {};
  for (const r of d.rates ?? []) {
    rates[cellKey(r.category, r.territory)] = centsToEuros(r.amountCents, lang);
    if (r.dayCapCents !== undefined) rateCaps[cellKey(r.category, r.territory)] = r.dayCapCents;
  }
  const unitKind = (UNIT_KINDS as readonly string[]).includes(d.unit?.kind ?? '') ? (d.unit!.kind as UnitKind) : 'HOUR';
  return {
    validFrom,
    validTo: '',
    pricesInclude: d.pricesInclude === 'EXCL_VAT' ? 'EXCL_VAT' : 'INCL_VAT',
    vatPercent: decimal((d.vatRateBp ?? 2000) / 100, lang),
    unitKind,
    unitHours: d.unit?.hours !== undefined ? decimal(d.unit.hours, lang) : unitKind === 'SLOT' ? '2' : '',
    dayCapEuros: d.dayCapCents !== undefined ? centsToEuros(d.dayCapCents, lang) : '',
    minimumEuros: d.minimumChargeCents !== undefined ? centsToEuros(d.minimumChargeCents, lang) : '',
    rates,
    rateCaps,
    surcharges: (d.surcharges ?? []).map((s) => ({
      key: newKey('s'),
      when: s.when === 'WEEKEND' ? 'WEEKEND' : 'OFF_HOURS',
      percent: s.percent !== undefined ? decimal(s.percent, lang) : '',
      fixedEuros: s.fixedCents !== undefined ? centsToEuros(s.fixedCents, lang) : '',
    })),
    allowances: (d.allowances ?? []).map((a) => ({
      key: newKey('a'),
      id: a.id,
      label: a.label,
      categories: a.categories.filter((c): c is RequesterCategory => (CATEGORIES as readonly string[]).includes(c)),
      requesterGroup: a.requesterGroup ?? '',
      minutesPerMonth: String(a.minutesPerMonth),
    })),
    promotions: (d.promotions ?? []).map((p) => ({ kind: p.kind, months: p.months ?? null, categories: p.categories ?? null })),
  };
}

const number = (text: string): number => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' ? Number.NaN : n;
};

/**
 * The mutation's input, the inputs that are not numbers (checked here: GraphQL would refuse the whole
 * request without saying which field), and the map from an API field path ('input' or 'draft' first)
 * to the form's field key ('validFrom', 'rate.COMPANY.IN', 'surcharge.<key>.percent'…).
 */
export function versionInputOf(draft: TariffDraft): { input: PriceListVersionInput; invalid: string[]; targetOf(path: readonly (string | number)[]): string | null } {
  const invalid: string[] = [];
  const cents = (text: string, key: string): number | null => {
    if (text.trim() === '') return null;
    const value = eurosToCents(text);
    if (Number.isNaN(value)) invalid.push(key);
    return Number.isNaN(value) ? 0 : value;
  };
  const rateKeys: string[] = [];
  const rates = CATEGORIES.flatMap((category) =>
    TERRITORIES.flatMap((territory) => {
      const key = cellKey(category, territory);
      const amount = cents(draft.rates[key] ?? '', key);
      if (amount === null) return [];
      rateKeys.push(key);
      return [{ category, territory, amountCents: amount, dayCapCents: draft.rateCaps[key] ?? null }];
    }),
  );
  const vat = number(draft.vatPercent);
  if (Number.isNaN(vat)) invalid.push('vatPercent');
  const hours = draft.unitKind === 'SLOT' || draft.unitKind === 'HALF_DAY' ? number(draft.unitHours) : Number.NaN;
  if (draft.unitKind === 'SLOT' && Number.isNaN(hours)) invalid.push('unitHours');
  const surcharges = draft.surcharges.map((s) => {
    const percent = s.percent.trim() === '' ? null : number(s.percent);
    if (percent !== null && Number.isNaN(percent)) invalid.push(`surcharge.${s.key}.percent`);
    return { when: s.when, percent: percent !== null && !Number.isNaN(percent) ? percent : null, fixedCents: cents(s.fixedEuros, `surcharge.${s.key}.fixedEuros`) };
  });
  const allowances = draft.allowances.map((a) => {
    const minutes = number(a.minutesPerMonth);
    if (!Number.isInteger(minutes)) invalid.push(`allowance.${a.key}.minutesPerMonth`);
    return { id: a.id.trim(), label: a.label.trim(), categories: a.categories, requesterGroup: a.requesterGroup.trim() || null, minutesPerMonth: Number.isInteger(minutes) ? minutes : 0 };
  });
  const input: PriceListVersionInput = {
    validFrom: draft.validFrom,
    validTo: draft.validTo || null,
    vatRateBp: Number.isNaN(vat) ? 0 : Math.round(vat * 100),
    pricesInclude: draft.pricesInclude,
    unit: { kind: draft.unitKind, hours: Number.isNaN(hours) ? null : hours },
    dayCapCents: cents(draft.dayCapEuros, 'dayCapEuros'),
    minimumChargeCents: cents(draft.minimumEuros, 'minimumEuros'),
    rates,
    surcharges,
    allowances,
    promotions: draft.promotions,
  };
  const targetOf = (path: readonly (string | number)[]): string | null => {
    const [root, field, index, sub] = path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
    if (root !== 'input' && root !== 'draft') return null;
    switch (field) {
      case 'validFrom':
      case 'validTo':
      case 'pricesInclude':
        return field;
      case 'vatRateBp':
        return 'vatPercent';
      case 'unit':
        return index === 'hours' ? 'unitHours' : 'unitKind';
      case 'dayCapCents':
        return 'dayCapEuros';
      case 'minimumChargeCents':
        return 'minimumEuros';
      case 'rates':
        return typeof index === 'number' ? (rateKeys[index] ?? null) : null;
      case 'surcharges': {
        const s = typeof index === 'number' ? draft.surcharges[index] : undefined;
        return s ? `surcharge.${s.key}.${sub === 'fixedCents' ? 'fixedEuros' : sub === 'when' ? 'when' : 'percent'}` : null;
      }
      case 'allowances': {
        const a = typeof index === 'number' ? draft.allowances[index] : undefined;
        return a ? `allowance.${a.key}.${typeof sub === 'string' && ['id', 'label', 'categories', 'requesterGroup', 'minutesPerMonth'].includes(sub) ? sub : 'label'}` : null;
      }
      default:
        return null;
    }
  };
  return { input, invalid, targetOf };
}
