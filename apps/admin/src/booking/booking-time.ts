// Wall-clock arithmetic in the point's time zone with Intl only (no date library in the browser bundle).
import type { Lang } from '../i18n';

const MINUTE = 60_000;
const DAY = 86_400_000;
const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormat.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (Paris in winter: +3 600 000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local date (YYYY-MM-DD) plus `minutes` of wall-clock time in the zone (DST-safe outside the skipped hour). */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(instant: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days between two local dates (b − a). */
export function daysBetween(a: string, b: string): number {
  const at = (s: string) => {
    const [y = 1970, m = 1, d = 1] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((at(b) - at(a)) / DAY);
}

export interface PolicyDurations {
  minDurationMinutes: number;
  maxDurationMinutes: number;
  granularityMinutes: number;
}

/** The durations a visitor may pick: from the minimum to the maximum in steps of the granularity (at most 48 choices). */
export function durationChoices(policy: PolicyDurations): number[] {
  const step = Math.max(1, policy.granularityMinutes);
  const first = Math.ceil(policy.minDurationMinutes / step) * step;
  const out: number[] = [];
  for (let m = first; m <= policy.maxDurationMinutes && out.length < 48; m += step) out.push(m);
  return out;
}

/** The preferred first choice: 2 h when allowed (the study's usual slot), else the shortest. */
export function defaultDuration(choices: readonly number[]): number {
  return choices.includes(120) ? 120 : (choices[0] ?? 120);
}

/** "2 h", "1 h 30" (fr) / "2 h", "1 h 30 min" (en); under an hour "45 min". */
export function formatDuration(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  if (m === 0) return `${h} h`;
  return lang === 'fr' ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h ${m} min`;
}

/** Wall-clock time of an instant in the zone: "10 h 00" (fr) / "10:00" (en). */
export function clockAt(iso: string, timeZone: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  const [h = '00', m = '00'] = text.split(':');
  return lang === 'fr' ? `${Number(h)} h ${m}` : `${h}:${m}`;
}

/** A local date as a day heading: "mardi 8 décembre 2026" / "Tuesday 8 December 2026". */
export function dayHeading(date: string, lang: Lang): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export interface Slot {
  start: string;
  end: string;
  onRequest: boolean;
}

/** Slots by local day, in order. */
export function slotsByDay<T extends Slot>(slots: readonly T[], timeZone: string): { date: string; slots: T[] }[] {
  const days: { date: string; slots: T[] }[] = [];
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const date = localDate(Date.parse(slot.start), timeZone);
    const last = days[days.length - 1];
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

/** The first local date a booking may start on (now + notice), and the last one (now + horizon). */
export function bookableDates(now: number, policy: { minLeadMinutes: number; horizonDays: number }, timeZone: string): { first: string; last: string } {
  return { first: localDate(now + policy.minLeadMinutes * MINUTE, timeZone), last: localDate(now + policy.horizonDays * DAY, timeZone) };
}
