import { DateTime, IANAZone } from 'luxon';

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) computed from the runtime's time-zone database with luxon,
 * for ical-generator's `timezone.generator`. No package needed: the offset transitions of a range of
 * years are found by scanning, then
 * - when every year has the same two transitions on the same "n-th / last weekday of a month at a
 *   local time" (Europe/Paris: last Sunday of March 02:00, last Sunday of October 03:00), one
 *   STANDARD and one DAYLIGHT observance with a yearly RRULE are written — the form Outlook expects;
 * - otherwise each transition of the range is its own observance (exact, but only for the range);
 * - a zone without transitions gets a single STANDARD observance.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

interface Transition {
  /** Instant of the change (epoch ms). */
  at: number;
  /** Offsets in minutes, before and after. */
  from: number;
  to: number;
  /** Wall-clock time of the onset, read in the offset before the change (what DTSTART holds). */
  local: DateTime;
}

const offsetAt = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone }).offset;

/** Offset transitions of `zone` in [from, to): a daily scan, then a binary search to the minute. */
export function offsetTransitions(zone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let previous = offsetAt(zone, from);
  for (let t = from; t < to; t += DAY) {
    const next = offsetAt(zone, Math.min(t + DAY, to));
    if (next === previous) continue;
    let lo = t;
    let hi = Math.min(t + DAY, to);
    while (hi - lo > 60_000) {
      const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / 60_000)) * 60_000;
      if (offsetAt(zone, mid) === previous) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: previous, to: next, local: DateTime.fromMillis(hi, { zone: 'UTC' }).plus({ minutes: previous }) });
    previous = next;
  }
  return out;
}

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

const localStamp = (d: DateTime) => d.toFormat("yyyyLLdd'T'HHmmss");

/** The zone's abbreviation for an instant (CET, CEST), or the offset when the runtime knows none. */
function abbreviation(zone: string, at: number, offset: number): string {
  const name = DateTime.fromMillis(at, { zone }).toFormat('ZZZZ', { locale: 'en-GB' });
  return /^[A-Z]{2,6}$/.test(name) ? name : formatOffset(offset);
}

/** BYDAY for the onset day: '-1SU' when it is the last such weekday of its month, '2SU' for the second, … */
function weekdayRule(d: DateTime): { last: string; nth: string } {
  const weekday = WEEKDAYS[d.weekday - 1];
  const nth = Math.ceil(d.day / 7);
  return { last: d.day + 7 > d.daysInMonth! ? `-1${weekday}` : '', nth: `${nth}${weekday}` };
}

/** One yearly rule fits every transition of a kind when month, local time and weekday position agree. */
function yearlyRule(transitions: Transition[]): string | null {
  const first = transitions[0];
  const sameShape = transitions.every((t) => t.from === first.from && t.to === first.to && t.local.month === first.local.month && t.local.toFormat('HHmmss') === first.local.toFormat('HHmmss') && t.local.weekday === first.local.weekday);
  if (!sameShape) return null;
  const rules = transitions.map((t) => weekdayRule(t.local));
  if (rules.every((r) => r.last !== '')) return `FREQ=YEARLY;BYMONTH=${first.local.month};BYDAY=${rules[0].last}`;
  if (rules.every((r) => r.nth === rules[0].nth)) return `FREQ=YEARLY;BYMONTH=${first.local.month};BYDAY=${rules[0].nth}`;
  return null;
}

function observance(zone: string, t: Transition, rrule: string | null): string[] {
  const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localStamp(t.local)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatOffset(t.from)}`,
    `TZOFFSETTO:${formatOffset(t.to)}`,
    `TZNAME:${abbreviation(zone, t.at, t.to)}`,
    `END:${kind}`,
  ];
}

const cache = new Map<string, string | null>();

/**
 * The VTIMEZONE of an IANA zone, from `fromYear` to `toYear` (default: last year to five years on),
 * or null for an unknown zone. Lines are joined with CRLF.
 */
export function vtimezone(zone: string, fromYear = new Date().getUTCFullYear() - 1, toYear = fromYear + 6): string | null {
  const key = `${zone}|${fromYear}|${toYear}`;
  if (cache.has(key)) return cache.get(key)!;
  if (!IANAZone.isValidZone(zone)) return null;
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const transitions = offsetTransitions(zone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  if (transitions.length === 0) {
    const offset = offsetAt(zone, from);
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${formatOffset(offset)}`, `TZOFFSETTO:${formatOffset(offset)}`, `TZNAME:${abbreviation(zone, from, offset)}`, 'END:STANDARD');
  } else {
    const forward = transitions.filter((t) => t.to > t.from);
    const backward = transitions.filter((t) => t.to < t.from);
    const years = toYear - fromYear + 1;
    const forwardRule = forward.length === years ? yearlyRule(forward) : null;
    const backwardRule = backward.length === years ? yearlyRule(backward) : null;
    if (forwardRule && backwardRule) {
      lines.push(...observance(zone, forward[0], forwardRule), ...observance(zone, backward[0], backwardRule));
    } else {
      // The offset in force at the start of the range, then every change of the range.
      const initial = transitions[0].from;
      lines.push('BEGIN:STANDARD', `DTSTART:${localStamp(DateTime.fromMillis(from, { zone: 'UTC' }).plus({ minutes: initial }))}`, `TZOFFSETFROM:${formatOffset(initial)}`, `TZOFFSETTO:${formatOffset(initial)}`, `TZNAME:${abbreviation(zone, from, initial)}`, 'END:STANDARD');
      for (const t of transitions) lines.push(...observance(zone, t, null));
    }
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  cache.set(key, text);
  return text;
}

/** For ical-generator: `cal.timezone({ name: null, generator: vtimezoneGenerator })`. */
export const vtimezoneGenerator = (zone: string): string | null => vtimezone(zone);
