import { invalidInput } from '../errors/domain-error';
import { parseIsoDate, utcMs } from './iso-date';

/** Which set of French public holidays applies ('alsace-moselle' adds Good Friday and 26 December). */
export type HolidayCalendar = 'metropole' | 'alsace-moselle';

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ['metropole', 'alsace-moselle'];

export interface PublicHoliday {
  /** Local calendar date, 'YYYY-MM-DD'. */
  date: string;
  /** French name, e.g. 'Fête nationale'. */
  name: string;
}

/** Gregorian years for which the computation is meaningful. */
export const MIN_HOLIDAY_YEAR = 1583;
export const MAX_HOLIDAY_YEAR = 9999;

const DAY_MS = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

const isoFromUtcMs = (ms: number): string => {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
};

function assertYear(year: number, field: ReadonlyArray<string | number>): void {
  if (!Number.isInteger(year) || year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
    throw invalidInput(field, `Year must be an integer between ${MIN_HOLIDAY_YEAR} and ${MAX_HOLIDAY_YEAR}`, {
      messageFr: `L'année doit être un entier entre ${MIN_HOLIDAY_YEAR} et ${MAX_HOLIDAY_YEAR}`,
      details: { year },
    });
  }
}

function assertCalendar(calendar: string, field: ReadonlyArray<string | number>): asserts calendar is HolidayCalendar {
  if (!(HOLIDAY_CALENDARS as readonly string[]).includes(calendar)) {
    throw invalidInput(field, `Unknown holiday calendar '${calendar}'`, {
      messageFr: `Calendrier des jours fériés inconnu : « ${calendar} »`,
      details: { allowed: [...HOLIDAY_CALENDARS] },
    });
  }
}

/** Easter Sunday of a Gregorian year ('YYYY-MM-DD'), by the Anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  assertYear(year, ['year']);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromUtcMs(utcMs(year, month, day));
}

/** The French public holidays of `year`, sorted by date (11 in metropolitan France, 13 in Alsace-Moselle). */
export function frenchPublicHolidays(year: number, calendar: HolidayCalendar = 'metropole'): PublicHoliday[] {
  assertYear(year, ['year']);
  assertCalendar(calendar, ['calendar']);
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (days: number): string => isoFromUtcMs(easter + days * DAY_MS);
  const fixed = (month: number, day: number): string => isoFromUtcMs(utcMs(year, month, day));
  const list: PublicHoliday[] = [
    { date: fixed(1, 1), name: "Jour de l'an" },
    { date: fromEaster(1), name: 'Lundi de Pâques' },
    { date: fixed(5, 1), name: 'Fête du Travail' },
    { date: fixed(5, 8), name: 'Victoire 1945' },
    { date: fromEaster(39), name: 'Ascension' },
    { date: fromEaster(50), name: 'Lundi de Pentecôte' },
    { date: fixed(7, 14), name: 'Fête nationale' },
    { date: fixed(8, 15), name: 'Assomption' },
    { date: fixed(11, 1), name: 'Toussaint' },
    { date: fixed(11, 11), name: 'Armistice 1918' },
    { date: fixed(12, 25), name: 'Noël' },
  ];
  if (calendar === 'alsace-moselle') {
    list.push({ date: fromEaster(-2), name: 'Vendredi saint' }, { date: fixed(12, 26), name: 'Saint-Étienne' });
  }
  // Stable sort: when two feasts fall on the same day (e.g. 1 May = Ascension in 2008), both are kept.
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Per (calendar, year) cache: date → name(s). Bounded by the finite year range. */
const cache = new Map<string, ReadonlyMap<string, string>>();

function holidayMap(year: number, calendar: HolidayCalendar): ReadonlyMap<string, string> {
  const key = `${calendar}:${year}`;
  let map = cache.get(key);
  if (!map) {
    const m = new Map<string, string>();
    for (const h of frenchPublicHolidays(year, calendar)) {
      const prev = m.get(h.date);
      m.set(h.date, prev ? `${prev} / ${h.name}` : h.name);
    }
    map = m;
    cache.set(key, map);
  }
  return map;
}

/** French name of the public holiday on `date` ('YYYY-MM-DD'), or undefined. Throws BAD_USER_INPUT on a malformed date. */
export function frenchPublicHolidayName(date: string, calendar: HolidayCalendar = 'metropole'): string | undefined {
  const parsed = parseIsoDate(date);
  if (!parsed) {
    throw invalidInput(['date'], `Malformed date '${date}', expected YYYY-MM-DD`, {
      messageFr: `Date invalide « ${date} », format attendu AAAA-MM-JJ`,
    });
  }
  assertCalendar(calendar, ['calendar']);
  if (parsed.year < MIN_HOLIDAY_YEAR || parsed.year > MAX_HOLIDAY_YEAR) return undefined;
  return holidayMap(parsed.year, calendar).get(date);
}

/** Whether `date` ('YYYY-MM-DD') is a French public holiday (per-year cache). */
export function isFrenchPublicHoliday(date: string, calendar: HolidayCalendar = 'metropole'): boolean {
  return frenchPublicHolidayName(date, calendar) !== undefined;
}
