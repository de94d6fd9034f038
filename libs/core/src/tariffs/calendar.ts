/** Calendar helpers for the tariff engine (local dates, months, zones). */
import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** True for a real calendar date written 'YYYY-MM-DD'. Such strings compare correctly as strings. */
export const isIsoDate = (s: unknown): s is string => typeof s === 'string' && ISO_DATE.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;

/** True for a month written 'YYYY-MM'. */
export const isIsoMonth = (s: unknown): s is string => typeof s === 'string' && ISO_MONTH.test(s) && DateTime.fromISO(`${s}-01`, { zone: 'UTC' }).isValid;

export const isValidZone = (zone: unknown): zone is string => typeof zone === 'string' && zone.length > 0 && DateTime.now().setZone(zone).isValid;

/** Local calendar date 'YYYY-MM-DD' of an instant in a zone. */
export const localDateOf = (epochMs: number, timeZone: string): string => DateTime.fromMillis(epochMs, { zone: timeZone }).toISODate() ?? '';

/** Local calendar dates touched by [start, end) (end exclusive), in order. */
export function localDatesTouched(start: number, end: number, timeZone: string): string[] {
  const first = DateTime.fromMillis(start, { zone: timeZone }).startOf('day');
  const last = DateTime.fromMillis(Math.max(start, end - 1), { zone: timeZone }).startOf('day');
  const out: string[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 }).startOf('day')) out.push(d.toISODate() ?? '');
  return out;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' date. */
export const isoWeekday = (date: string): number => DateTime.fromISO(date, { zone: 'UTC' }).weekday;

/** 'YYYY-MM' of a 'YYYY-MM-DD'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Months from `from` to `to`, both 'YYYY-MM', inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let d = DateTime.fromISO(`${from}-01`, { zone: 'UTC' });
  const last = DateTime.fromISO(`${to}-01`, { zone: 'UTC' });
  while (d <= last) {
    out.push(d.toFormat('yyyy-MM'));
    d = d.plus({ months: 1 });
  }
  return out;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** '2016-03' → 'mars 2016'. */
export const monthLabelFr = (month: string): string => `${MONTHS_FR[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
