// The week grid's arithmetic: which days, which part of each event falls on each day, where it sits.
import { addDays, zonedInstant, zoneOffsetMs } from '../booking/booking-time';

const MINUTE = 60_000;

/** The Monday of the week of a local date (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

/** The seven local dates of the week starting on `monday`. */
export const weekDays = (monday: string): string[] => [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));

export interface Timed {
  start: string;
  end: string;
}

export interface DaySegment<T> {
  item: T;
  /** Minutes since local midnight (0 … 1440), clipped to the day. */
  from: number;
  to: number;
  /** The event goes on from the day before / into the day after. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  /** Side-by-side position when events overlap (e.g. a cancelled booking under a new one). */
  lane: number;
  lanes: number;
}

/** The parts of `items` that fall on a local date, with their lanes; DST days have 23 or 25 hours, minutes are wall-clock. */
export function segmentsOfDay<T extends Timed>(items: readonly T[], date: string, timeZone: string): DaySegment<T>[] {
  const dayStart = zonedInstant(date, 0, timeZone);
  const dayEnd = zonedInstant(addDays(date, 1), 0, timeZone);
  // Wall-clock minutes since local midnight (10:00 is 600 even on a DST day).
  const wallMinutes = (instant: number) => Math.round((instant + zoneOffsetMs(instant, timeZone) - (dayStart + zoneOffsetMs(dayStart, timeZone))) / MINUTE);
  const segments: DaySegment<T>[] = [];
  for (const item of items) {
    const start = Date.parse(item.start);
    const end = Date.parse(item.end);
    if (!(end > dayStart && start < dayEnd)) continue;
    const from = start <= dayStart ? 0 : Math.min(1440, wallMinutes(start));
    const to = end >= dayEnd ? 1440 : Math.min(1440, wallMinutes(end));
    segments.push({ item, from, to: Math.max(to, from), continuesBefore: start < dayStart, continuesAfter: end > dayEnd, lane: 0, lanes: 1 });
  }
  segments.sort((a, b) => a.from - b.from || b.to - a.to);
  // Greedy lanes per cluster of overlapping segments.
  let cluster: DaySegment<T>[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((s) => s.lane + 1));
    for (const s of cluster) s.lanes = lanes;
    cluster = [];
  };
  for (const s of segments) {
    if (s.from >= clusterEnd && cluster.length) close();
    const laneEnds: number[] = [];
    for (const c of cluster) laneEnds[c.lane] = Math.max(laneEnds[c.lane] ?? 0, c.to);
    let lane = laneEnds.findIndex((e) => e <= s.from);
    if (lane === -1) lane = laneEnds.length;
    s.lane = lane;
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, s.to);
  }
  if (cluster.length) close();
  return segments;
}

/** The hours the grid shows: 7:00–22:00 at least, widened to the events of the week (whole hours). */
export function visibleHours(segments: readonly { from: number; to: number }[]): { first: number; last: number } {
  const first = Math.min(7, ...segments.map((s) => Math.floor(s.from / 60)));
  const last = Math.max(22, ...segments.map((s) => Math.ceil(s.to / 60)));
  return { first: Math.max(0, first), last: Math.min(24, last) };
}

/** End choices for an extension: +30 min steps up to +4 h (the API re-checks hours, buffers and the next booking). */
export function extensionChoices(end: string, stepMinutes = 30, maxMinutes = 240): string[] {
  const at = Date.parse(end);
  const out: string[] = [];
  for (let m = stepMinutes; m <= maxMinutes; m += stepMinutes) out.push(new Date(at + m * MINUTE).toISOString());
  return out;
}
