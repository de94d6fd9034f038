import { DateTime } from 'luxon';
import type { GraphQLResponse, TestApi } from './harness';
import { PARIS } from './booking-fixtures';

export const QUOTE_FIELDS = `pointId priceListId priceListVersionId version vatRateBp pricesInclude territory durationMinutes offHoursMinutes units localDays
  lines { kind label quantity unitCents amountCents amountExclVatCents amountInclVatCents allowanceId minutes }
  totalExclVatCents vatCents totalInclVatCents allowanceUse { allowanceId label minutes remainingMinutes }`;

export const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { ${QUOTE_FIELDS} } }`;
export const RESERVATION_QUOTE = `query($id: ID!, $token: String) { reservationQuote(reservationId: $id, accessToken: $token) { reservationId frozenAt quote { ${QUOTE_FIELDS} } } }`;
export const TARIFFS = `query($p: ID!) { tariffs(pointId: $p) { pointId current { version validFrom validTo status } upcoming { version }
  priceList { id name versions { id version validFrom validTo status vatRateBp pricesInclude unitKind unitHours definition } } } }`;
export const CREATE_PRICE_LIST = `mutation($input: CreatePriceListInput!) { createPriceList(input: $input) { id pointId organisationId name versions { version } } }`;
export const PUBLISH = `mutation($id: ID!, $input: PriceListVersionInput!) { publishPriceListVersion(priceListId: $id, input: $input) { id versions { id version validFrom validTo status } } }`;

export interface QuoteLine {
  kind: string;
  label: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
  amountExclVatCents: number;
  amountInclVatCents: number;
  allowanceId: string | null;
  minutes: number | null;
}
export interface QuoteResult {
  pointId: string;
  priceListId: string;
  priceListVersionId: string;
  version: number;
  territory: string;
  durationMinutes: number;
  offHoursMinutes: number;
  lines: QuoteLine[];
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
  allowanceUse: { allowanceId: string; label: string; minutes: number; remainingMinutes: number }[];
}

export const quoteInput = (roomIds: string[], start: string, end: string, extra: Record<string, unknown> = {}) => ({
  roomIds,
  start,
  end,
  requesterCategory: 'COMPANY',
  requesterPostcode: '22300',
  ...extra,
});

/** The study's territory tariff as GraphQL input (prices incl. VAT 20 %), with overrides. */
export const territoryVersionInput = (extra: Record<string, unknown> = {}) => ({
  validFrom: '2015-01-01',
  vatRateBp: 2000,
  pricesInclude: 'INCL_VAT',
  unit: { kind: 'SLOT', hours: 2 },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
  ],
  ...extra,
});

export function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** Today's local date at the points (Europe/Paris). */
export const todayInParis = () => DateTime.now().setZone(PARIS).toISODate()!;

export const monthOfIso = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(PARIS).toFormat('yyyy-MM');

export async function countRows(api: TestApi, table: string): Promise<number> {
  const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** Sum of every line in both bases equals the totals. */
export function expectLinesAddUp(q: QuoteResult): void {
  expect(q.lines.reduce((s, l) => s + l.amountExclVatCents, 0)).toBe(q.totalExclVatCents);
  expect(q.lines.reduce((s, l) => s + l.amountInclVatCents, 0)).toBe(q.totalInclVatCents);
  expect(q.totalExclVatCents + q.vatCents).toBe(q.totalInclVatCents);
  for (const l of q.lines) expect(l.amountCents).toBe(l.quantity * l.unitCents);
}
