// Amounts as a person types and reads them in the console's forms: integer cents inside, euros outside.
import type { Lang } from '../i18n';

/** Euros typed by a person ("30", "30,50", "30.5") as integer cents; NaN when not a number. */
export function eurosToCents(text: string): number {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{0,2})?$/.test(normalised)) return Number.NaN;
  return Math.round(Number(normalised) * 100);
}

/** Cents as the euros a person types: 3050 → "30,50" (fr) / "30.50" (en); whole euros without decimals. */
export function centsToEuros(cents: number, lang: Lang): string {
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return lang === 'fr' ? text.replace('.', ',') : text;
}
