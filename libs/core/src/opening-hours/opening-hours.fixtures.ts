/** Test fixtures (not exported by the index). */
import type { IsoWeekday, OpeningSchedule, WeeklyRule } from './types';

/** Monday–Friday 09:00–17:30, Paris time, closed on public holidays: a typical EPCI point. */
export function typicalWeek(overrides: Partial<OpeningSchedule> = {}): OpeningSchedule {
  const weekdays: IsoWeekday[] = [1, 2, 3, 4, 5];
  const weekly: WeeklyRule[] = weekdays.map((weekday) => ({ weekday, opens: '09:00', closes: '17:30' }));
  return { timeZone: 'Europe/Paris', weekly, exceptions: [], closedOnPublicHolidays: true, ...overrides };
}

/** Every day of the week with the same range. */
export function everyDay(opens: string, closes: string, timeZone = 'Europe/Paris'): OpeningSchedule {
  const weekdays: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
  return { timeZone, weekly: weekdays.map((weekday) => ({ weekday, opens, closes })), exceptions: [], closedOnPublicHolidays: false };
}

export const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad test instant ${iso}`);
  return t;
};

export const HOUR = 3_600_000;
