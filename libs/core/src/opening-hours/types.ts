import type { Interval } from '../time/interval';
import type { HolidayCalendar } from '../holidays/french-public-holidays';

/** ISO weekday, Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A range of local wall-clock time within one day: 'HH:mm', `closes` may be '24:00' (midnight at the
 * end of the day) and must be after `opens`. Overnight ranges are not allowed: split them over two days.
 */
export interface TimeRange {
  opens: string;
  closes: string;
}

/** A recurring weekly range. `onRequest`: bookable only on request (needs approval), e.g. evenings. */
export interface WeeklyRule extends TimeRange {
  weekday: IsoWeekday;
  onRequest?: boolean;
}

/**
 * A one-day exception, on a local date 'YYYY-MM-DD'.
 * - 'closed': the whole day is closed;
 * - 'hours': the day's hours are REPLACED by `ranges` (to extend or shorten a day).
 * An exception always wins over the weekly rules and over public holidays.
 */
export interface DatedException {
  date: string;
  kind: 'closed' | 'hours';
  ranges?: (TimeRange & { onRequest?: boolean })[];
  reason?: string;
}

export interface OpeningSchedule {
  /** IANA zone in which the wall times are read, 'Europe/Paris' by default. */
  timeZone: string;
  weekly: WeeklyRule[];
  exceptions: DatedException[];
  /** Closed on French public holidays (unless a dated exception for that date says otherwise). */
  closedOnPublicHolidays: boolean;
  /** Which French public holidays apply, 'metropole' by default. */
  holidayCalendar?: HolidayCalendar;
}

/** A span of real time (UTC epoch ms, half-open) during which the place is open. */
export interface OpenInterval extends Interval {
  onRequest: boolean;
}

export interface OpenAtResult {
  /** True when open, including "on request" periods. */
  open: boolean;
  /** True when the current period is bookable only on request. */
  onRequest: boolean;
  /**
   * End of the current period of the same kind (an "on request" extension that follows directly
   * is a new period). Undefined when closed, or when the period does not end within a year.
   */
  closesAt?: number;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const MAX_WEEKLY_RULES = 50;
export const MAX_EXCEPTIONS = 1000;
