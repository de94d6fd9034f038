import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api';
import { formatDate, formatPrice } from '../../format';
import type { AdminCostsQuery, OperatingCostInput } from '../../generated/graphql';
import { eurosToCents } from '../money';
import { ScrollBox, FormStatus, formErrorsOf, NO_ERRORS, SelectField, TextField, type FormErrors } from '../forms';
import { useAdminI18n, type AdminMessageKey } from '../messages';
import { ADD_OPERATING_COST, ADMIN_COSTS, REMOVE_OPERATING_COST } from '../operations';
import { todayIn } from '../time';
import type { AdminPoint } from './PointEditorPage';

type Report = AdminCostsQuery['costPerCall'];
const KINDS = ['LINE', 'MAINTENANCE', 'CONCIERGE_SUBSCRIPTION', 'OTHER'] as const;

/** Operating costs of the point (monthly or one-off) and the cost per call, by month and by year, next to revenue. */
export function CostsPanel({ point }: { point: AdminPoint }) {
  const { t, lang } = useAdminI18n();
  const thisMonth = todayIn(point.timeZone).slice(0, 7);
  const [from, setFrom] = useState(`${thisMonth.slice(0, 4)}-01`);
  const [to, setTo] = useState(thisMonth);
  const [report, setReport] = useState<Report | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const load = useCallback(async () => {
    try {
      const data = await request(ADMIN_COSTS, { pointId: point.id, fromMonth: from, toMonth: to });
      setReport(data.costPerCall);
      setErrors(NO_ERRORS);
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => key === 'fromMonth' || key === 'toMonth'));
    }
  }, [point.id, from, to, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : formatPrice(cents, lang));
  const remove = async (id: string) => {
    try {
      await request(REMOVE_OPERATING_COST, { id });
      await load();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, () => false));
    }
  };

  return (
    <div>
      <div className="form-grid filters">
        <TextField className="narrow" type="month" label={t('costs.from')} hint={t('costs.monthHint')} value={from} onChange={setFrom} error={errors.fields.fromMonth} />
        <TextField className="narrow" type="month" label={t('costs.to')} hint={t('costs.monthHint')} value={to} onChange={setTo} error={errors.fields.toMonth} />
      </div>
      {errors.general && (
        <p role="alert" className="error">
          {errors.general}
        </p>
      )}
      {report && (
        <>
          <p className="total" data-testid="cost-per-call">
            {report.total.costPerMeetingCents === null
              ? t('costs.noMeeting', { total: money(report.total.totalCostCents) })
              : t('costs.perCall', { cost: money(report.total.costPerMeetingCents), total: money(report.total.totalCostCents), count: report.total.completedMeetings })}
          </p>
          <h3>{t('costs.byYear')}</h3>
          <ScrollBox label={t('costs.byYear')}>
            <table className="admin-table" data-testid="costs-by-year">
              <thead>
                <tr>
                  <th scope="col">{t('costs.year')}</th>
                  <th scope="col">{t('costs.total')}</th>
                  <th scope="col">{t('costs.meetings')}</th>
                  <th scope="col">{t('costs.costPerMeeting')}</th>
                  <th scope="col">{t('costs.revenue')}</th>
                  <th scope="col">{t('costs.net')}</th>
                </tr>
              </thead>
              <tbody>
                {report.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td>{money(y.totalCostCents)}</td>
                    <td>{y.completedMeetings}</td>
                    <td>{money(y.costPerMeetingCents)}</td>
                    <td>{money(y.revenueCents)}</td>
                    <td>{money(y.netCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>{t('costs.byMonth')}</h3>
          <ScrollBox label={t('costs.byMonth')}>
            <table className="admin-table" data-testid="costs-by-month">
              <thead>
                <tr>
                  <th scope="col">{t('costs.month')}</th>
                  <th scope="col">{t('costs.recurring')}</th>
                  <th scope="col">{t('costs.oneOff')}</th>
                  <th scope="col">{t('costs.total')}</th>
                  <th scope="col">{t('costs.meetings')}</th>
                  <th scope="col">{t('costs.costPerMeeting')}</th>
                  <th scope="col">{t('costs.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {report.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td>{money(m.recurringCents)}</td>
                    <td>{money(m.oneOffCents)}</td>
                    <td>{money(m.totalCostCents)}</td>
                    <td>{m.completedMeetings}</td>
                    <td>{money(m.costPerMeetingCents)}</td>
                    <td>{money(m.revenueCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>{t('costs.list')}</h3>
          {report.costs.length === 0 && <p className="hint">{t('costs.none')}</p>}
          <ul data-testid="operating-costs">
            {report.costs.map((c) => (
              <li key={c.id}>
                {c.label} ({t(`costKind.${c.kind}` as AdminMessageKey)}) —{' '}
                {c.monthlyCents !== null
                  ? t('costs.monthly', { amount: money(c.monthlyCents), from: c.fromMonth ?? '', to: c.toMonth ?? '…' })
                  : t('costs.once', { amount: money(c.amountCents), date: c.date ? formatDate(c.date, lang) : '' })}{' '}
                <button type="button" className="danger" onClick={() => void remove(c.id)} aria-label={t('costs.remove', { label: c.label })}>
                  {t('admin.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <AddCostForm pointId={point.id} defaultMonth={thisMonth} onAdded={load} />
    </div>
  );
}

function AddCostForm({ pointId, defaultMonth, onAdded }: { pointId: string; defaultMonth: string; onAdded(): Promise<void> }) {
  const { t, lang } = useAdminI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('LINE');
  const [label, setLabel] = useState('');
  const [recurring, setRecurring] = useState<'monthly' | 'once'>('monthly');
  const [amount, setAmount] = useState('');
  const [fromMonth, setFromMonth] = useState(defaultMonth);
  const [toMonth, setToMonth] = useState('');
  const [date, setDate] = useState(`${defaultMonth}-01`);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const error = (k: string) => errors.fields[`input.${k}`];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = eurosToCents(amount);
    const amountField = recurring === 'monthly' ? 'monthlyCents' : 'amountCents';
    if (Number.isNaN(cents)) {
      setErrors({ fields: { [`input.${amountField}`]: t('tariff.notANumber') }, general: null });
      return;
    }
    const input: OperatingCostInput =
      recurring === 'monthly' ? { pointId, kind, label: label.trim(), monthlyCents: cents, fromMonth, toMonth: toMonth || null } : { pointId, kind, label: label.trim(), amountCents: cents, date };
    setBusy(true);
    try {
      await request(ADD_OPERATING_COST, { input });
      setErrors(NO_ERRORS);
      setSaved(t('rooms.added'));
      setLabel('');
      setAmount('');
      await onAdded();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => key.startsWith('input.')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-cost" data-testid="add-cost">
      <h3 id="add-cost">{t('costs.add')}</h3>
      <div className="form-grid">
        <SelectField label={t('costs.kind')} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`costKind.${k}`) }))} error={error('kind')} />
        <TextField label={t('costs.label')} value={label} onChange={setLabel} error={error('label')} />
        <SelectField
          label={t('costs.frequency')}
          value={recurring}
          onChange={setRecurring}
          options={[
            { value: 'monthly', label: t('costs.frequencyMonthly') },
            { value: 'once', label: t('costs.frequencyOnce') },
          ]}
        />
        <TextField className="narrow" label={recurring === 'monthly' ? t('costs.monthlyAmount') : t('costs.amount')} inputMode="decimal" value={amount} onChange={setAmount} error={error(recurring === 'monthly' ? 'monthlyCents' : 'amountCents')} />
        {recurring === 'monthly' ? (
          <>
            <TextField className="narrow" type="month" label={t('costs.fromMonth')} hint={t('costs.monthHint')} value={fromMonth} onChange={setFromMonth} error={error('fromMonth')} />
            <TextField className="narrow" type="month" label={t('costs.toMonth')} hint={t('costs.monthHint')} value={toMonth} onChange={setToMonth} error={error('toMonth')} />
          </>
        ) : (
          <TextField className="narrow" type="date" label={t('costs.date')} value={date} onChange={setDate} error={error('date')} />
        )}
      </div>
      <FormStatus errors={errors} saved={saved} summary={(count) => t('admin.formErrors', { count })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('costs.add')}
        </button>
      </div>
    </form>
  );
}
