import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSignedIn } from '../admin/auth';
import { request } from '../api';
import { addDays, localDate, zonedInstant } from '../booking/booking-time';
import type { CalendarPointsQuery, PointCalendarQuery } from '../generated/graphql';
import { navigate, useLocation } from '../router';
import { useCalendarI18n } from './messages';
import { CALENDAR_POINTS, POINT_CALENDAR } from './operations';
import { ReservationPanel } from './ReservationPanel';
import { WeekGrid, weekTitle } from './WeekGrid';
import { mondayOf } from './week';
import './calendar.css';

export type CalendarPoint = CalendarPointsQuery['points']['edges'][number]['node']['point'];
export type CalendarData = PointCalendarQuery['pointCalendar'];
export type CalendarReservation = CalendarData['reservations'][number];

const INACTIVE = new Set(['CANCELLED', 'REJECTED']);

/** The URL keeps the view (point, room, week, cancelled shown): a reload or a shared link opens the same week. */
function viewFrom(url: URL) {
  const q = url.searchParams;
  return { pointId: q.get('point') ?? '', roomId: q.get('salle') ?? '', week: q.get('semaine') ?? '', inactive: q.get('annulees') === '1' };
}
type View = ReturnType<typeof viewFrom>;

function hrefOf(view: View): string {
  const q = new URLSearchParams();
  if (view.pointId) q.set('point', view.pointId);
  if (view.roomId) q.set('salle', view.roomId);
  if (view.week) q.set('semaine', view.week);
  if (view.inactive) q.set('annulees', '1');
  const s = q.toString();
  return s ? `/admin/reservations?${s}` : '/admin/reservations';
}

/**
 * /admin/reservations: the week calendar of one room for its host's operators (their organisation's
 * points; every point for a network admin), with approve / reject (reason) / cancel (reason) / extend.
 */
export function ReservationsCalendarPage() {
  const { t, lang } = useCalendarI18n();
  const { user } = useSignedIn();
  const location = useLocation();
  const view = useMemo(() => viewFrom(location), [location]);
  const [points, setPoints] = useState<CalendarPoint[] | null>(null);
  const [data, setData] = useState<CalendarData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [reloads, setReloads] = useState(0);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    document.title = `${t('cal.title')} — Maillage`;
  }, [t]);

  useEffect(() => {
    const controller = new AbortController();
    const filter = user.role === 'NETWORK_ADMIN' ? { statuses: ['ACTIVE' as const, 'ON_HOLD' as const] } : { organisationId: user.organisationId, statuses: ['ACTIVE' as const, 'ON_HOLD' as const] };
    request(CALENDAR_POINTS, { filter }, controller.signal)
      .then((d) => {
        const list = d.points.edges.map((e) => e.node.point);
        list.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'fr') || a.name.localeCompare(b.name, 'fr'));
        setPoints(list);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [user.role, user.organisationId]);

  const point = points?.find((p) => p.id === view.pointId) ?? points?.[0];
  const room = point?.rooms.find((r) => r.id === view.roomId) ?? point?.rooms[0];
  const tz = point?.timeZone ?? 'Europe/Paris';
  const monday = mondayOf(/^\d{4}-\d{2}-\d{2}$/.test(view.week) ? view.week : localDate(Date.now(), tz));

  const go = useCallback((patch: Partial<View>) => navigate(hrefOf({ ...view, ...patch }), { replace: true }), [view]);

  useEffect(() => {
    if (!point) return;
    const controller = new AbortController();
    setError(null);
    request(POINT_CALENDAR, { pointId: point.id, from: new Date(zonedInstant(monday, 0, tz)).toISOString(), to: new Date(zonedInstant(addDays(monday, 7), 0, tz)).toISOString() }, controller.signal)
      .then((d) => setData(d.pointCalendar))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [point, monday, tz, reloads]);

  const reload = useCallback((message?: string) => {
    if (message !== undefined) setStatus(message);
    setReloads((n) => n + 1);
  }, []);

  const ofRoom = (data?.reservations ?? []).filter((r) => r.rooms.some((x) => x.roomId === room?.id));
  const shown = ofRoom.filter((r) => view.inactive || !INACTIVE.has(r.status));
  const blocks = (data?.hostBlocks ?? []).filter((b) => b.roomId === room?.id);
  const pending = (data?.reservations ?? []).filter((r) => r.status === 'REQUESTED');
  const selected = data?.reservations.find((r) => r.id === selectedId) ?? null;
  const byOrganisation = useMemo(() => {
    const groups = new Map<string, CalendarPoint[]>();
    for (const p of points ?? []) groups.set(p.organisation.name, [...(groups.get(p.organisation.name) ?? []), p]);
    return [...groups.entries()];
  }, [points]);

  if (error && !points) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (!points) return <p role="status">{t('cal.loading')}</p>;
  if (!point || !room) return <p>{t('cal.noPoint')}</p>;

  return (
    <div className="calendar-page">
      <h1>{t('cal.title')}</h1>
      <p>{t('cal.intro')}</p>
      <div className="filters calendar-controls">
        <div className="field">
          <label htmlFor="cal-point">{t('cal.point')}</label>
          <select id="cal-point" value={point.id} onChange={(e) => go({ pointId: e.target.value, roomId: '' })}>
            {byOrganisation.length > 1
              ? byOrganisation.map(([organisation, list]) => (
                  <optgroup key={organisation} label={organisation}>
                    {list.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.town})
                      </option>
                    ))}
                  </optgroup>
                ))
              : points.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.town})
                  </option>
                ))}
          </select>
        </div>
        {point.rooms.length > 1 && (
          <div className="field">
            <label htmlFor="cal-room">{t('cal.room')}</label>
            <select id="cal-room" value={room.id} onChange={(e) => go({ roomId: e.target.value })}>
              {point.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field date">
          <label htmlFor="cal-week">{t('cal.week')}</label>
          <input id="cal-week" type="date" value={monday} onChange={(e) => e.target.value && go({ week: mondayOf(e.target.value) })} />
        </div>
        <div className="field checkbox">
          <input id="cal-inactive" type="checkbox" checked={view.inactive} onChange={(e) => go({ inactive: e.target.checked })} />
          <label htmlFor="cal-inactive">{t('cal.showInactive')}</label>
        </div>
      </div>
      <nav className="week-nav" aria-label={t('cal.week')}>
        <button type="button" className="secondary" onClick={() => go({ week: addDays(monday, -7) })}>
          ← {t('cal.previous')}
        </button>
        <button type="button" className="secondary" onClick={() => go({ week: '' })}>
          {t('cal.thisWeek')}
        </button>
        <button type="button" className="secondary" onClick={() => go({ week: addDays(monday, 7) })}>
          {t('cal.next')} →
        </button>
      </nav>
      <h2 data-testid="week-title">{weekTitle(monday, lang, t)}</h2>
      <p role="status" className="saved" data-testid="calendar-status" ref={statusRef}>
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && (
        <>
          <section className="pending" aria-labelledby="pending-heading">
            <h3 id="pending-heading">{pending.length ? t('cal.pending', { count: pending.length }) : t('cal.pendingNone')}</h3>
            {pending.length > 0 && (
              <ul data-testid="pending">
                {pending.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="link-button" onClick={() => setSelectedId(r.id)}>
                      {r.reference} · {r.title} · {r.rooms.map((x) => x.roomName).join(', ')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p className="hint">{t('cal.count', { count: shown.length, blocks: blocks.length })}</p>
          <div className={`calendar-layout${selected ? ' with-panel' : ''}`}>
            <WeekGrid monday={monday} timeZone={tz} roomName={room.name} reservations={shown} blocks={blocks} selectedId={selectedId} onSelect={setSelectedId} />
            {selected && (
              <ReservationPanel
                key={selected.id}
                reservation={selected}
                timeZone={tz}
                onClose={() => {
                  // Back to the booking the panel was opened from (keyboard users keep their place).
                  const reference = selected.reference;
                  setSelectedId(null);
                  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid=calendar-event][data-reference="${reference}"]`)?.focus());
                }}
                onChanged={(message) => reload(message)}
                onConflict={() => reload()}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
