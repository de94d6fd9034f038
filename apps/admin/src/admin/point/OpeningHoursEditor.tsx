import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import { formatDate } from '../../format';
import type { MessageKey } from '../../i18n';
import { CheckboxField, FormStatus, formErrorsOf, NO_ERRORS, SelectField, TextField, type FormErrors } from '../forms';
import { useAdminI18n } from '../messages';
import { SAVE_OPENING_HOURS } from '../operations';
import type { AdminPoint } from './PointEditorPage';
import { draftOf, emptyRange, inputOf, newKey, WEEKDAYS, type ExceptionDraft, type RangeDraft, type ScheduleDraft, type Weekday } from './schedule-draft';

/** Errors by row key and input ('opens', 'closes', 'date', 'row'…). */
type RowErrors = Record<string, Record<string, string>>;

/**
 * The opening-hours editor: a weekly grid (several intervals a day, each possibly "on request"), dated
 * exceptions (closed, or special hours), and the public holidays of the year with the "closed on public
 * holidays" rule. Saved in one setOpeningHours; the API's errors land next to the input they name.
 */
export function OpeningHoursEditor({ point, onSaved }: { point: AdminPoint; onSaved(): void }) {
  const { t, tp, lang } = useAdminI18n();
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftOf(point.openingSchedule));
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (next: ScheduleDraft) => {
    setDraft(next);
    setSaved(null);
  };
  const setDay = (weekday: Weekday, ranges: RangeDraft[]) => change({ ...draft, weekly: { ...draft.weekly, [weekday]: ranges } });
  const setException = (key: string, patch: Partial<ExceptionDraft>) => {
    change({ ...draft, exceptions: draft.exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)) });
    forget(key);
  };
  /** The errors of an edited row go: they described its old values. */
  const forget = (key: string) => setRowErrors((errs) => (key in errs ? Object.fromEntries(Object.entries(errs).filter(([k]) => k !== key)) : errs));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { schedule, targetOf } = inputOf(draft);
    setBusy(true);
    setSaved(null);
    try {
      await request(SAVE_OPENING_HOURS, { pointId: point.id, schedule });
      setRowErrors({});
      setErrors(NO_ERRORS);
      setSaved(t('admin.saved'));
      onSaved();
    } catch (error) {
      const found = formErrorsOf(error, lang, (key) => targetOf(key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))) !== null);
      const byRow: RowErrors = {};
      for (const [key, message] of Object.entries(found.fields)) {
        const target = targetOf(key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))!;
        byRow[target.key] = { ...byRow[target.key], [target.input]: message };
      }
      setRowErrors(byRow);
      setErrors(found);
    } finally {
      setBusy(false);
    }
  };

  const year = new Date().getFullYear();
  return (
    <form onSubmit={submit} noValidate data-testid="opening-hours-editor">
      <p className="hint">{t('hours.intro', { zone: point.timeZone })}</p>
      <fieldset>
        <legend>{t('hours.weekly')}</legend>
        {WEEKDAYS.map((weekday) => {
          const dayName = tp(`weekday.${weekday}` as MessageKey);
          const ranges = draft.weekly[weekday];
          return (
            <div key={weekday} className="day-row" role="group" aria-labelledby={`day-${weekday}`} data-testid={`day-${weekday}`}>
              <h3 id={`day-${weekday}`}>{dayName}</h3>
              <div className="intervals">
                {ranges.length === 0 && <p className="hint">{tp('point.closed')}</p>}
                {ranges.map((range, index) => (
                  <RangeRow
                    key={range.key}
                    range={range}
                    label={t('hours.interval', { day: dayName, n: index + 1 })}
                    errors={rowErrors[range.key]}
                    onChange={(next) => {
                      setDay(weekday, ranges.map((r) => (r.key === range.key ? next : r)));
                      forget(range.key);
                    }}
                    onRemove={() => setDay(weekday, ranges.filter((r) => r.key !== range.key))}
                  />
                ))}
                <div>
                  <button type="button" className="secondary" onClick={() => setDay(weekday, [...ranges, ranges.length ? emptyRange('14:00', '18:00') : emptyRange()])}>
                    {t('hours.addInterval', { day: dayName.toLocaleLowerCase(lang) })}
                  </button>
                </div>
              </div>
            </div>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('hours.holidays', { year })}</legend>
        <CheckboxField label={t('hours.closedOnHolidays')} checked={draft.closedOnPublicHolidays} onChange={(v) => change({ ...draft, closedOnPublicHolidays: v })} error={rowErrors.holidays?.row} />
        <ul className="holidays" data-testid="public-holidays">
          {point.publicHolidays.map((h) => (
            <li key={h.date}>
              <time dateTime={h.date}>{formatDate(h.date, lang)}</time> — {h.name}
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset>
        <legend>{t('hours.exceptions')}</legend>
        {draft.exceptions.length === 0 && <p className="hint">{t('hours.noException')}</p>}
        {draft.exceptions.map((exception, index) => (
          <div key={exception.key} className="day-row" role="group" aria-label={t('hours.exceptionN', { n: index + 1 })} data-testid="exception">
            <div className="intervals">
              <div className="interval">
                <TextField className="narrow" label={t('hours.date')} type="date" value={exception.date} onChange={(date) => setException(exception.key, { date })} error={rowErrors[exception.key]?.date} />
                <SelectField
                  label={t('hours.kind')}
                  value={exception.kind}
                  onChange={(kind) => setException(exception.key, { kind, ranges: kind === 'hours' && exception.ranges.length === 0 ? [emptyRange('10:00', '12:00')] : exception.ranges })}
                  options={[
                    { value: 'closed', label: t('hours.kindClosed') },
                    { value: 'hours', label: t('hours.kindHours') },
                  ]}
                  error={rowErrors[exception.key]?.kind}
                />
                <TextField label={t('hours.reason')} value={exception.reason} onChange={(reason) => setException(exception.key, { reason })} error={rowErrors[exception.key]?.reason} />
                <button type="button" className="danger" onClick={() => change({ ...draft, exceptions: draft.exceptions.filter((e) => e.key !== exception.key) })}>
                  {t('hours.removeException', { n: index + 1 })}
                </button>
              </div>
              {rowErrors[exception.key]?.row && <p className="field-error">{rowErrors[exception.key]!.row}</p>}
              {exception.kind === 'hours' &&
                exception.ranges.map((range, rangeIndex) => (
                  <RangeRow
                    key={range.key}
                    range={range}
                    label={t('hours.exceptionInterval', { n: index + 1, m: rangeIndex + 1 })}
                    errors={rowErrors[range.key]}
                    onChange={(next) => {
                      setException(exception.key, { ranges: exception.ranges.map((r) => (r.key === range.key ? next : r)) });
                      forget(range.key);
                    }}
                    onRemove={() => setException(exception.key, { ranges: exception.ranges.filter((r) => r.key !== range.key) })}
                  />
                ))}
              {exception.kind === 'hours' && (
                <div>
                  <button type="button" className="secondary" onClick={() => setException(exception.key, { ranges: [...exception.ranges, emptyRange('14:00', '16:00')] })}>
                    {t('hours.addExceptionInterval', { n: index + 1 })}
                  </button>
                </div>
              )}
            </div>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => change({ ...draft, exceptions: [...draft.exceptions, { key: newKey('e'), date: '', kind: 'closed', reason: '', ranges: [] }] })}>
          {t('hours.addException')}
        </button>
      </fieldset>

      <FormStatus
        errors={{ general: errors.general, fields: Object.fromEntries(Object.entries(rowErrors).flatMap(([row, inputs]) => Object.entries(inputs).map(([input, message]) => [`${row}.${input}`, message]))) }}
        saved={saved}
        summary={(count) => t('admin.formErrors', { count })}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('admin.saving') : t('hours.save')}
        </button>
      </div>
    </form>
  );
}

/** One interval: opens, closes (HH:mm, 24:00 for midnight), on request; errors next to each input. */
function RangeRow({ range, label, errors, onChange, onRemove }: { range: RangeDraft; label: string; errors?: Record<string, string>; onChange(next: RangeDraft): void; onRemove(): void }) {
  const { t } = useAdminI18n();
  return (
    <div className="interval" role="group" aria-label={label} data-testid="interval">
      <TextField className="narrow" label={t('hours.opens')} hint={t('hours.timeHint')} inputMode="numeric" value={range.opens} onChange={(opens) => onChange({ ...range, opens })} error={errors?.opens ?? errors?.row} />
      <TextField className="narrow" label={t('hours.closes')} hint={t('hours.timeHint')} inputMode="numeric" value={range.closes} onChange={(closes) => onChange({ ...range, closes })} error={errors?.closes} />
      <CheckboxField label={t('hours.onRequest')} checked={range.onRequest} onChange={(onRequest) => onChange({ ...range, onRequest })} error={errors?.onRequest} />
      <button type="button" className="danger" onClick={onRemove} aria-label={t('hours.removeInterval', { label })}>
        {t('admin.remove')}
      </button>
    </div>
  );
}
