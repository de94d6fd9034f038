import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import type { RequesterCategory } from '../../generated/graphql';
import { FieldError, FormStatus, formErrorsOf, NO_ERRORS, SelectField, TextField, useFieldIds, type FormErrors } from '../forms';
import { useAdminI18n, type AdminMessageKey } from '../messages';
import { SAVE_BOOKING_POLICY } from '../operations';
import type { AdminPoint } from './PointEditorPage';
import { CATEGORIES } from './tariff-draft';

const NUMBERS = ['minLeadMinutes', 'minDurationMinutes', 'maxDurationMinutes', 'granularityMinutes', 'setupBufferMinutes', 'teardownBufferMinutes', 'horizonDays'] as const;
type NumberField = (typeof NUMBERS)[number];

/**
 * The booking rules of the point, or of one of its rooms (a room without its own follows the point's):
 * lead time, durations, granularity, buffers, horizon, categories needing approval.
 */
export function BookingPolicyForm({ point, onSaved }: { point: AdminPoint; onSaved(): void }) {
  const { t } = useAdminI18n();
  const [roomId, setRoomId] = useState('');
  const room = point.rooms.find((r) => r.id === roomId);
  return (
    <>
      {point.rooms.length > 0 && (
        <SelectField
          label={t('policy.appliesTo')}
          value={roomId}
          onChange={setRoomId}
          options={[{ value: '', label: t('policy.wholePoint') }, ...point.rooms.map((r) => ({ value: r.id, label: t(r.bookingPolicy ? 'policy.roomOwn' : 'policy.roomInherits', { name: r.name }) }))]}
        />
      )}
      <PolicyFields key={roomId} point={point} roomId={room?.id} policy={room?.bookingPolicy ?? point.bookingPolicy} onSaved={onSaved} />
    </>
  );
}

function PolicyFields({ point, roomId, policy, onSaved }: { point: AdminPoint; roomId?: string; policy: AdminPoint['bookingPolicy']; onSaved(): void }) {
  const { t, tp, lang } = useAdminI18n();
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(() => Object.fromEntries(NUMBERS.map((k) => [k, String(policy[k])])) as Record<NumberField, string>);
  const [approval, setApproval] = useState<RequesterCategory[]>(policy.approvalCategories);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const approvalIds = useFieldIds();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Object.fromEntries(NUMBERS.map((k) => [k, Number(numbers[k].trim())])) as Record<NumberField, number>;
    const invalid = NUMBERS.filter((k) => numbers[k].trim() === '' || !Number.isInteger(parsed[k]));
    if (invalid.length) {
      setErrors({ fields: Object.fromEntries(invalid.map((k) => [`policy.${k}`, t('policy.wholeNumber')])), general: null });
      return;
    }
    setBusy(true);
    try {
      await request(SAVE_BOOKING_POLICY, { pointId: point.id, roomId: roomId ?? null, policy: { ...parsed, approvalCategories: approval } });
      setErrors(NO_ERRORS);
      setSaved(t('admin.saved'));
      onSaved();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => /^policy\.(\w+)/.test(key)));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (k: string) => errors.fields[`policy.${k}`] ?? Object.entries(errors.fields).find(([key]) => key.startsWith(`policy.${k}.`))?.[1];

  return (
    <form onSubmit={submit} noValidate data-testid="booking-policy">
      <p className="hint">{t('policy.intro')}</p>
      <div className="form-grid">
        {NUMBERS.map((k) => (
          <TextField
            key={k}
            className="narrow"
            label={t(`policy.${k}` as AdminMessageKey)}
            inputMode="numeric"
            value={numbers[k]}
            onChange={(v) => {
              setNumbers((n) => ({ ...n, [k]: v }));
              setSaved(null);
            }}
            error={fieldError(k)}
          />
        ))}
      </div>
      <fieldset aria-describedby={fieldError('approvalCategories') ? approvalIds.error : undefined}>
        <legend>{t('policy.approvalCategories')}</legend>
        <p className="hint">{t('policy.approvalHint')}</p>
        <div className="form-grid">
          {CATEGORIES.map((c) => (
            <label key={c} className="field checkbox">
              <input type="checkbox" checked={approval.includes(c)} onChange={(e) => setApproval((list) => (e.target.checked ? [...list, c] : list.filter((x) => x !== c)))} />
              {tp(`category.${c}`)}
            </label>
          ))}
        </div>
        <FieldError id={approvalIds.error} message={fieldError('approvalCategories')} />
      </fieldset>
      <FormStatus errors={errors} saved={saved} summary={(count) => t('admin.formErrors', { count })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}
