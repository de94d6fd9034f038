import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { GraphQLRequestError, request } from '../api';
import { clockAt, dayHeading, formatDuration, localDate } from '../booking/booking-time';
import { bookingTranslator, type BookingMessageKey } from '../booking/messages';
import type { Lang } from '../i18n';
import type { CalendarReservation } from './ReservationsCalendarPage';
import { type CalendarMessageKey, useCalendarI18n } from './messages';
import { APPROVE_RESERVATION, CANCEL_RESERVATION, EXTEND_RESERVATION, REJECT_RESERVATION } from './operations';
import { extensionChoices } from './week';
import { causeName } from '../admin/endpoints/messages';
import { SipCallsPanel } from './SipCallsPanel';

type Mode = 'view' | 'reject' | 'cancel' | 'extend';
interface Errors {
  reason?: string;
  end?: string;
  general?: string;
}

/**
 * The API's errors for the panel's fields: `reason` (reject / cancel) and the new end (extend: the
 * engine names `end` or `start`). French: messageFr; English: the API's message. CONFLICT is general.
 */
function errorsOf(error: unknown, lang: Lang, fallback: { reason: string; end: string; conflict: string }): { errors: Errors; conflict: boolean } {
  if (!(error instanceof GraphQLRequestError)) return { errors: { general: error instanceof Error ? error.message : String(error) }, conflict: false };
  const errors: Errors = {};
  let conflict = false;
  for (const e of error.errors) {
    const text = lang === 'fr' ? (e.extensions?.messageFr ?? e.message) : e.message;
    const field = e.extensions?.field?.[0];
    if (e.extensions?.code === 'CONFLICT') {
      conflict = true;
      errors.general = fallback.conflict;
    } else if (field === 'reason') errors.reason ??= text || fallback.reason;
    else if (field === 'end' || field === 'start') errors.end ??= text || fallback.end;
    else errors.general = errors.general ? `${errors.general} ; ${text}` : text;
  }
  return { errors, conflict };
}

interface Props {
  reservation: CalendarReservation;
  timeZone: string;
  onClose(): void;
  onChanged(message: string): void;
  onConflict(): void;
}

/** A booking's details and what the operator can do with it now. */
export function ReservationPanel({ reservation: r, timeZone, onClose, onChanged, onConflict }: Props) {
  const { t, tp, lang } = useCalendarI18n();
  const bt = bookingTranslator(lang);
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const choices = extensionChoices(r.end);
  const [newEnd, setNewEnd] = useState(choices[0] ?? r.end);
  const [errors, setErrors] = useState<Errors>({});
  const [working, setWorking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);
  const ids = { reason: useId(), reasonHint: useId(), reasonError: useId(), end: useId(), endError: useId() };

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (mode !== 'view') field.current?.focus();
  }, [mode]);

  const day = dayHeading(localDate(Date.parse(r.start), timeZone), lang);
  const time = `${clockAt(r.start, timeZone, lang)} – ${clockAt(r.end, timeZone, lang)}`;
  const fallback = { reason: t('error.reason'), end: t('error.end'), conflict: t('error.conflict') };

  const run = async (action: () => Promise<{ end: string }>, done: (end: string) => string) => {
    setWorking(true);
    setErrors({});
    try {
      const result = await action();
      setMode('view');
      onChanged(done(result.end));
    } catch (e) {
      const found = errorsOf(e, lang, fallback);
      setErrors(found.errors);
      if (found.conflict) onConflict();
    } finally {
      setWorking(false);
    }
  };

  const approve = () => run(async () => (await request(APPROVE_RESERVATION, { id: r.id })).approveReservation, () => t('done.approved', { reference: r.reference }));
  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'reject') void run(async () => (await request(REJECT_RESERVATION, { id: r.id, reason })).rejectReservation, () => t('done.rejected', { reference: r.reference }));
    else void run(async () => (await request(CANCEL_RESERVATION, { id: r.id, reason })).cancelReservation, () => t('done.cancelled', { reference: r.reference }));
  };
  const submitExtend = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => (await request(EXTEND_RESERVATION, { id: r.id, end: newEnd })).extendReservation, (end) => t('done.extended', { reference: r.reference, time: clockAt(end, timeZone, lang) }));
  };

  const room = r.rooms[0];
  const o = r.organiser;
  return (
    <section className="reservation-panel" aria-labelledby="panel-heading" data-testid="reservation-panel">
      <div className="panel-head">
        <h3 id="panel-heading" ref={heading} tabIndex={-1}>
          {t('detail.title', { reference: r.reference })}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
      <p className="panel-title">{r.title}</p>
      <dl className="facts">
        <dt>{t('detail.status')}</dt>
        <dd data-testid="panel-status">{t(`status.${r.status}` as CalendarMessageKey)}</dd>
        {r.statusReason && (
          <>
            <dt>{t('detail.reason')}</dt>
            <dd>{r.statusReason}</dd>
          </>
        )}
        <dt>{t('detail.when')}</dt>
        <dd data-testid="panel-when">
          {day}, {time} ({formatDuration(Math.round((Date.parse(r.end) - Date.parse(r.start)) / 60_000), lang)})
          {room ? ` — ${room.roomName}` : ''}
        </dd>
        <dt>{t('detail.organiser')}</dt>
        <dd>{o.name}</dd>
        <dt>{t('detail.contact')}</dt>
        <dd>
          <a href={`mailto:${o.email}`}>{o.email}</a>
          {o.phone && (
            <>
              {' · '}
              <a href={`tel:${o.phone.replace(/\s/g, '')}`}>{o.phone}</a>
            </>
          )}
        </dd>
        <dt>{t('detail.category')}</dt>
        <dd>{tp(`category.${r.requesterCategory}`)}</dd>
        <dt>{t('detail.territory')}</dt>
        <dd>{t(r.inTerritory ? 'detail.inTerritory' : 'detail.outTerritory', { postcode: o.postcode ?? t('detail.unknown') })}</dd>
        <dt>{t('detail.purpose')}</dt>
        <dd>{bt(`purpose.${r.purpose}` as BookingMessageKey)}</dd>
        <dt>{t('detail.participants')}</dt>
        <dd>{room?.expectedParticipants ?? t('detail.unknown')}</dd>
        {r.preflight.length > 0 && (
          <>
            <dt>{t('detail.preflight')}</dt>
            <dd>
              <ul className="preflight-results" data-testid="panel-preflight">
                {r.preflight.map((p) => (
                  <li key={p.endpointId} className={`preflight-${p.outcome}`}>
                    {t('preflight.line', {
                      endpoint: p.endpointName,
                      room: p.roomName,
                      outcome: t(`preflight.outcome.${p.outcome}` as CalendarMessageKey),
                      cause: p.cause ? ` (${causeName(lang, p.cause)})` : '',
                      round: t(`preflight.round.${p.round}` as CalendarMessageKey),
                    })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>

      {(r.status === 'CONFIRMED' || r.status === 'COMPLETED') && <SipCallsPanel reservationId={r.id} />}

      {errors.general && (
        <p role="alert" className="error" data-testid="panel-error">
          {errors.general}
        </p>
      )}

      {mode === 'view' && (
        <div className="actions panel-actions">
          {r.status === 'REQUESTED' && (
            <>
              <button type="button" className="primary" disabled={working} onClick={() => void approve()}>
                {working ? t('action.working') : t('action.approve')}
              </button>
              <button type="button" className="danger" onClick={() => setMode('reject')}>
                {t('action.reject')}
              </button>
            </>
          )}
          {r.status === 'CONFIRMED' && (
            <>
              <button type="button" className="secondary" onClick={() => setMode('extend')}>
                {t('action.extend')}
              </button>
              <button type="button" className="danger" onClick={() => setMode('cancel')}>
                {t('action.cancel')}
              </button>
            </>
          )}
        </div>
      )}

      {(mode === 'reject' || mode === 'cancel') && (
        <form onSubmit={submitReason} noValidate className="stack">
          <div className="field">
            <label htmlFor={ids.reason}>{mode === 'reject' ? t('action.reasonReject') : t('action.reasonCancel')}</label>
            <textarea
              id={ids.reason}
              ref={field}
              value={reason}
              rows={3}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={[ids.reasonHint, errors.reason ? ids.reasonError : null].filter(Boolean).join(' ')}
              onChange={(e) => setReason(e.target.value)}
            />
            <span id={ids.reasonHint} className="hint">
              {t('action.reasonHint')}
            </span>
            {errors.reason && (
              <span id={ids.reasonError} className="field-error" data-testid="error-reason">
                {errors.reason}
              </span>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="danger" disabled={working}>
              {working ? t('action.working') : mode === 'reject' ? t('action.confirmReject') : t('action.confirmCancel')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              {t('action.back')}
            </button>
          </div>
        </form>
      )}

      {mode === 'extend' && (
        <form onSubmit={submitExtend} noValidate className="stack">
          <div className="field">
            <label htmlFor={ids.end}>{t('action.newEnd')}</label>
            <select
              id={ids.end}
              ref={field}
              value={newEnd}
              aria-invalid={errors.end ? true : undefined}
              aria-describedby={errors.end ? ids.endError : undefined}
              onChange={(e) => setNewEnd(e.target.value)}
            >
              {choices.map((c) => (
                <option key={c} value={c}>
                  {t('action.endOption', { time: clockAt(c, timeZone, lang), added: formatDuration(Math.round((Date.parse(c) - Date.parse(r.end)) / 60_000), lang) })}
                </option>
              ))}
            </select>
            {errors.end && (
              <span id={ids.endError} className="field-error" data-testid="error-end">
                {errors.end}
              </span>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={working}>
              {working ? t('action.working') : t('action.confirmExtend')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              {t('action.back')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
