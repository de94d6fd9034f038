/** Internal helpers for 'YYYY-MM-DD' calendar dates (not part of the public API). */

/** Epoch ms of UTC midnight of a proleptic Gregorian date (works for years < 100 too). */
export const utcMs = (year: number, month: number, day: number): number => {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict 'YYYY-MM-DD' calendar date; undefined when malformed or not a real date. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | undefined {
  if (typeof date !== 'string') return undefined;
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(utcMs(year, month, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

