/**
 * Integer money arithmetic. Every division goes through `mulDivHalfUp`, computed exactly with
 * BigInt, so no floating-point error can move a cent.
 *
 * Rounding rule 'HALF_UP' (the only one offered): round to the nearest cent, halves away from
 * zero — 12.5 c → 13 c, −12.5 c → −13 c.
 */

/** round(value × numerator / denominator), halves away from zero. All arguments integers, denominator > 0. */
export function mulDivHalfUp(value: number, numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`mulDivHalfUp needs safe integers and a positive denominator (${value}, ${numerator}, ${denominator})`);
  }
  const p = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = p < 0n;
  const abs = negative ? -p : p;
  const q = (2n * abs + d) / (2n * d);
  return Number(negative ? -q : q);
}

/** VAT owed on an amount excluding VAT: half-up to the cent. */
export const vatOnExcl = (exclVatCents: number, vatRateBp: number): number => mulDivHalfUp(exclVatCents, vatRateBp, 10_000);

/** Part excluding VAT of an amount including VAT: incl × 10000 / (10000 + rate), half-up to the cent. */
export const exclFromIncl = (inclVatCents: number, vatRateBp: number): number =>
  mulDivHalfUp(inclVatCents, 10_000, 10_000 + vatRateBp);

/** Percentages are accepted with at most two decimals; returns hundredths of a percent (basis points). */
export const percentToBp = (percent: number): number => Math.round(percent * 100);

/** '70,00 €', '1 234,50 €', '-15,00 €' (plain spaces, for stable labels). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}

/** '2 h', '1 h 30', '45 min'. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
