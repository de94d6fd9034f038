import { formatClock } from '../format';
import type { Lang } from '../i18n';

// Meeting times, in the participant's own time zone (a guest may be elsewhere than the point).

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** "lundi 24 novembre 2026" / "Monday, 24 November 2026". */
export function formatMeetingDate(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso));
}

/** "14 h 30" / "14:30". */
export function formatMeetingTime(iso: string, lang: Lang, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(new Date(iso));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return formatClock(`${hour}:${minute}`, lang);
}
