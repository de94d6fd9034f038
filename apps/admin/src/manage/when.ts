import type { Lang } from '../i18n';
import { clockAt, dayHeading, localDate } from '../booking/booking-time';

export const PARIS = 'Europe/Paris';

/** "mardi 8 décembre 2026, 10 h 00 – 11 h 00" in the point's zone. */
export function period(start: string, end: string, lang: Lang, tz = PARIS): string {
  return `${dayHeading(localDate(Date.parse(start), tz), lang)}, ${clockAt(start, tz, lang)} – ${clockAt(end, tz, lang)}`;
}

/** "10 h 30" (fr) / "10:30" (en): a hold's deadline. */
export const clock = (iso: string, lang: Lang, tz = PARIS) => clockAt(iso, tz, lang);

/** HH:MM (24 h) of an instant in the zone, for a time input. */
export function wallTime(iso: string, tz = PARIS): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
