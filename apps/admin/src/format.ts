import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** Straight-line distance for the results list: metres under 1 km, one decimal under 10 km, whole km beyond. */
export function formatDistance(km: number, lang: Lang): string {
  if (!Number.isFinite(km) || km < 0) return '';
  if (km < 1) return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(Math.round(km * 100) * 10)} m`;
  const digits = km < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(km)} km`;
}

/** Integer cents as euros: "30,00 €" / "€30.00". */
export function formatPrice(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "24:00" is midnight at the end of the day; French writes 9 h 00, English 09:00. */
export function formatClock(hhmm: string, lang: Lang): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  return lang === 'fr' ? `${Number(h)} h ${m}` : `${h.padStart(2, '0')}:${m}`;
}

/** An instant in the point's zone: "lun. 23 nov., 09:00". */
export function formatInstant(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
