import { invalidInput } from '../errors/domain-error';
import { frenchPublicHolidayName, MAX_HOLIDAY_YEAR, MIN_HOLIDAY_YEAR } from '../holidays/french-public-holidays';
import { DEFAULT_TIME_ZONE, type OpenAtResult, type OpeningSchedule, type OpenInterval } from './types';
import { validateSchedule } from './validate-schedule';
import { DAY_MS, isoDateOfEpochDay, isoWeekdayOfEpochDay, MINUTE_MS, parseHHmm, ZoneClock } from './wall-time';

/** Longest window `openIntervals` accepts in one call (about ten years). */
export const MAX_OPEN_INTERVALS_WINDOW_DAYS = 3700;
/** Longest horizon `nextOpenings` accepts. */
export const MAX_NEXT_OPENINGS_HORIZON_DAYS = 3700;

interface DayRange {
  start: number; // minutes since local midnight
  end: number;
  onRequest: boolean;
}

/** A validated schedule, ready for day-by-day evaluation. */
interface Compiled {
  clock: ZoneClock;
  weekly: Map<number, DayRange[]>;
  exceptions: Map<string, DayRange[]>;
  closedOnPublicHolidays: boolean;
  calendar: 'metropole' | 'alsace-moselle';
}

const minutes = (hhmm: string, allow24: boolean): number => parseHHmm(hhmm, allow24) as number; // validated beforehand

function compile(s: OpeningSchedule): Compiled {
  validateSchedule(s);
  const weekly = new Map<number, DayRange[]>();
  for (const rule of s.weekly) {
    const list = weekly.get(rule.weekday) ?? [];
    list.push({ start: minutes(rule.opens, false), end: minutes(rule.closes, true), onRequest: rule.onRequest === true });
    weekly.set(rule.weekday, list);
  }
  const exceptions = new Map<string, DayRange[]>();
  for (const ex of s.exceptions) {
    exceptions.set(
      ex.date,
      ex.kind === 'closed'
        ? []
        : (ex.ranges ?? []).map((r) => ({ start: minutes(r.opens, false), end: minutes(r.closes, true), onRequest: r.onRequest === true })),
    );
  }
  return {
    clock: new ZoneClock(s.timeZone ?? DEFAULT_TIME_ZONE),
    weekly,
    exceptions,
    closedOnPublicHolidays: s.closedOnPublicHolidays,
    calendar: s.holidayCalendar ?? 'metropole',
  };
}

function rangesOfDay(c: Compiled, day: number): DayRange[] {
  const date = isoDateOfEpochDay(day);
  const exception = c.exceptions.get(date);
  if (exception) return exception; // exceptions win over weekly rules and public holidays
  if (c.closedOnPublicHolidays) {
    const year = Number(date.slice(0, 4));
    if (year >= MIN_HOLIDAY_YEAR && year <= MAX_HOLIDAY_YEAR && frenchPublicHolidayName(date, c.calendar) !== undefined) return [];
  }
  return c.weekly.get(isoWeekdayOfEpochDay(day)) ?? [];
}

function assertInstant(value: number, field: string): void {
  if (!Number.isFinite(value)) {
    throw invalidInput([field], `${field} must be a finite epoch-millisecond instant`, { messageFr: 'Date ou heure invalide' });
  }
}

function compute(c: Compiled, from: number, to: number): OpenInterval[] {
  if (to <= from) return [];
  const raw: OpenInterval[] = [];
  // One day of margin on each side: a local day's ranges can spill past the day the instants fall on.
  const firstDay = c.clock.epochDay(from) - 1;
  const lastDay = c.clock.epochDay(to) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY_MS;
    for (const r of rangesOfDay(c, day)) {
      const start = Math.max(from, c.clock.toInstant(midnight + r.start * MINUTE_MS));
      const end = Math.min(to, c.clock.toInstant(midnight + r.end * MINUTE_MS));
      if (end > start) raw.push({ start, end, onRequest: r.onRequest });
    }
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: OpenInterval[] = [];
  for (const i of raw) {
    const last = out[out.length - 1];
    if (last && last.onRequest === i.onRequest && i.start <= last.end) out[out.length - 1] = { ...last, end: Math.max(last.end, i.end) };
    else out.push(i);
  }
  return out;
}

/**
 * The open intervals (UTC epoch ms, half-open) intersecting [from, to), clipped to it, sorted, with
 * touching intervals of the same kind merged. Wall times are read day by day in the schedule's zone:
 * at the March change a range containing the skipped hour is one hour shorter, at the October change
 * a range covering the repeated hour is one hour longer. Throws BAD_USER_INPUT on an invalid schedule.
 */
export function openIntervals(s: OpeningSchedule, from: number, to: number): OpenInterval[] {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  if (to - from > MAX_OPEN_INTERVALS_WINDOW_DAYS * DAY_MS) {
    throw invalidInput(['to'], `Window longer than ${MAX_OPEN_INTERVALS_WINDOW_DAYS} days`, {
      messageFr: `La période demandée dépasse ${MAX_OPEN_INTERVALS_WINDOW_DAYS} jours`,
    });
  }
  return compute(compile(s), from, to);
}

const CHUNK_MS = 31 * DAY_MS;
const YEAR_MS = 366 * DAY_MS;

/** End of the same-kind period containing `at` (which starts `first`), or undefined if it lasts past `limit`. */
function periodEnd(c: Compiled, first: OpenInterval, limit: number): number | undefined {
  let current = first;
  while (current.end < limit) {
    const windowEnd = Math.min(current.end + CHUNK_MS, limit);
    const next = compute(c, current.end, windowEnd)[0];
    if (!next || next.start !== current.end || next.onRequest !== current.onRequest) return current.end;
    current = next;
    if (current.end < windowEnd) return current.end;
  }
  return undefined;
}

/** Whether the place is open at instant `at` ("on request" periods count as open). */
export function isOpenAt(s: OpeningSchedule, at: number): OpenAtResult {
  assertInstant(at, 'at');
  const c = compile(s);
  const probeEnd = at + 2 * DAY_MS; // most periods end within the day; look further only if needed
  const here = compute(c, at, probeEnd)[0];
  if (!here || here.start !== at) return { open: false, onRequest: false };
  const closesAt = here.end < probeEnd ? here.end : periodEnd(c, here, at + YEAR_MS);
  return closesAt === undefined ? { open: true, onRequest: here.onRequest } : { open: true, onRequest: here.onRequest, closesAt };
}

/**
 * The next `count` open intervals that end after `from`, starting before `from + horizonDays`.
 * An interval open at `from` is returned whole (its start may be before `from`, looked up to
 * `horizonDays` back); the last one may be cut at the horizon. The search is bounded by the horizon.
 */
export function nextOpenings(s: OpeningSchedule, from: number, count: number, horizonDays = 366): OpenInterval[] {
  assertInstant(from, 'from');
  if (!Number.isFinite(horizonDays) || horizonDays <= 0 || horizonDays > MAX_NEXT_OPENINGS_HORIZON_DAYS) {
    throw invalidInput(['horizonDays'], `horizonDays must be between 0 and ${MAX_NEXT_OPENINGS_HORIZON_DAYS}`, {
      messageFr: `L'horizon doit être compris entre 1 et ${MAX_NEXT_OPENINGS_HORIZON_DAYS} jours`,
    });
  }
  if (!Number.isFinite(count) || count < 1) return [];
  const wanted = Math.floor(count);
  const c = compile(s);
  const horizonMs = horizonDays * DAY_MS;
  const horizonEnd = from + horizonMs;

  const out: OpenInterval[] = [];
  // Forward, chunk by chunk, merging across chunk boundaries; stop once the wanted-th is complete.
  for (let cursor = from; cursor < horizonEnd && out.length <= wanted; ) {
    const chunkEnd = Math.min(cursor + CHUNK_MS, horizonEnd);
    for (const i of compute(c, cursor, chunkEnd)) {
      const last = out[out.length - 1];
      if (last && last.end === i.start && last.onRequest === i.onRequest) out[out.length - 1] = { ...last, end: i.end };
      else out.push(i);
    }
    cursor = chunkEnd;
  }

  // Backward: the true start of an interval already open at `from`.
  const first = out[0];
  if (first && first.start === from) {
    let start = from;
    for (let step = 0; step * CHUNK_MS < horizonMs; step++) {
      const windowStart = start - CHUNK_MS;
      const before = compute(c, windowStart, start);
      const last = before[before.length - 1];
      if (!last || last.end !== start || last.onRequest !== first.onRequest) break;
      start = last.start;
      if (start > windowStart) break; // the true start is inside this window
    }
    out[0] = { ...first, start };
  }
  return out.slice(0, wanted);
}
