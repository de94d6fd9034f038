import type { CSSProperties } from 'react';
import { clockAt } from '../booking/booking-time';
import type { Lang } from '../i18n';
import type { CalendarData, CalendarReservation } from './ReservationsCalendarPage';
import { type CalendarMessageKey, type CalendarTranslate, useCalendarI18n } from './messages';
import { segmentsOfDay, visibleHours, weekDays } from './week';

type Block = CalendarData['hostBlocks'][number];
type Item = { kind: 'reservation'; start: string; end: string; reservation: CalendarReservation } | { kind: 'block'; start: string; end: string; block: Block };

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');
const utcDate = (date: string) => {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const dayLabel = (date: string, lang: Lang) => {
  const text = new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDate(date));
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const longDate = (date: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDate(date));

export function weekTitle(monday: string, lang: Lang, t: CalendarTranslate): string {
  const sunday = weekDays(monday)[6]!;
  return t('cal.weekOf', { from: longDate(monday, lang), to: longDate(sunday, lang) });
}

interface Props {
  monday: string;
  timeZone: string;
  roomName: string;
  reservations: readonly CalendarReservation[];
  blocks: readonly Block[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/**
 * One room's week: a column per day with its bookings (buttons that open the details) and the host's
 * blocks, placed by wall-clock time. On a phone the columns become a list of days.
 */
/** The worst outcome of a reservation's room tests (failed > warning > ok). */
export const worstPreflight = (results: readonly { outcome: string }[]): 'ok' | 'warning' | 'failed' =>
  results.some((p) => p.outcome === 'failed') ? 'failed' : results.some((p) => p.outcome === 'warning') ? 'warning' : 'ok';

export function WeekGrid({ monday, timeZone, roomName, reservations, blocks, selectedId, onSelect }: Props) {
  const { t, lang } = useCalendarI18n();
  const items: Item[] = [
    ...reservations.map((r): Item => ({ kind: 'reservation', start: r.start, end: r.end, reservation: r })),
    ...blocks.map((b): Item => ({ kind: 'block', start: b.start, end: b.end, block: b })),
  ];
  const days = weekDays(monday).map((date) => ({ date, segments: segmentsOfDay(items, date, timeZone) }));
  const { first, last } = visibleHours(days.flatMap((d) => d.segments));
  const span = (last - first) * 60;
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const gridStyle = { '--hours': last - first } as CSSProperties;

  return (
    <div className="week-grid" role="group" aria-label={t('cal.grid', { room: roomName })} style={gridStyle} data-testid="week-grid">
      <div className="week-hours" aria-hidden="true">
        <div className="week-corner" />
        <ol>
          {hours.map((h) => (
            <li key={h}>{lang === 'fr' ? `${h} h` : `${String(h).padStart(2, '0')}:00`}</li>
          ))}
        </ol>
      </div>
      {days.map(({ date, segments }) => (
        <section key={date} className="week-day" aria-labelledby={`day-${date}`} data-testid="calendar-day" data-date={date}>
          <h3 id={`day-${date}`}>{dayLabel(date, lang)}</h3>
          {segments.length === 0 && <p className="day-empty">{t('cal.empty')}</p>}
          <ol className="day-events">
            {segments.map((s) => {
              const top = ((Math.max(s.from, first * 60) - first * 60) / span) * 100;
              const height = ((Math.min(s.to, last * 60) - Math.max(s.from, first * 60)) / span) * 100;
              const style = { top: `${top}%`, height: `${height}%`, left: `${(s.lane / s.lanes) * 100}%`, width: `${100 / s.lanes}%` } as CSSProperties;
              const time = `${clockAt(s.item.start, timeZone, lang)} – ${clockAt(s.item.end, timeZone, lang)}`;
              if (s.item.kind === 'block') {
                return (
                  <li key={`b-${s.item.block.id}`} className="event block" style={style} data-testid="calendar-block">
                    <span className="event-time">{time}</span> <span>{t('cal.block')}</span> <span className="event-title">{s.item.block.summary ?? t('cal.blockDefault')}</span>
                  </li>
                );
              }
              const r = s.item.reservation;
              return (
                <li key={`r-${r.id}`} className="event-slot" style={style}>
                  <button
                    type="button"
                    className={`event status-${r.status.toLowerCase()}${r.preflight.length ? ` preflight-${worstPreflight(r.preflight)}` : ''}${selectedId === r.id ? ' selected' : ''}`}
                    aria-pressed={selectedId === r.id}
                    onClick={() => onSelect(r.id)}
                    data-testid="calendar-event"
                    data-reference={r.reference}
                    data-status={r.status}
                  >
                    <span className="event-time">
                      {s.continuesBefore ? `(${t('cal.continues')}) ` : ''}
                      {time}
                    </span>{' '}
                    <span className="event-status">{t(`status.${r.status}` as CalendarMessageKey)}</span> <span className="event-title">{r.title}</span>
                    {r.preflight.length > 0 && (
                      <span className={`event-preflight preflight-${worstPreflight(r.preflight)}`} data-testid="event-preflight">
                        {' '}
                        {t(`preflight.badge.${worstPreflight(r.preflight)}` as CalendarMessageKey)}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
