import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api';
import { formatDate } from '../../format';
import type { AdminTariffsQuery } from '../../generated/graphql';
import { describedBy, FieldError, ScrollBox, FormStatus, formErrorsOf, NO_ERRORS, SelectField, TextField, useFieldIds, type FormErrors } from '../forms';
import { useAdminI18n } from '../messages';
import { ADMIN_TARIFFS, CREATE_PRICE_LIST, PUBLISH_PRICE_LIST_VERSION } from '../operations';
import { todayIn } from '../time';
import type { AdminPoint } from './PointEditorPage';
import { QuotePreview } from './QuotePreview';
import { newKey } from './schedule-draft';
import { CATEGORIES, cellKey, draftFrom, TERRITORIES, UNIT_KINDS, versionInputOf, type AllowanceDraft, type SurchargeDraft, type TariffDraft } from './tariff-draft';

type PriceList = NonNullable<AdminTariffsQuery['tariffs']['priceList']>;

/**
 * The tariff editor: the point's price list and its versions (immutable once published), and a form for
 * the next version — validity, VAT, unit, the category × territory matrix, surcharges, allowances — with a
 * live quote preview of the draft. Publishing closes the open-ended version in force where the new one starts.
 */
export function TariffEditor({ point }: { point: AdminPoint }) {
  const { t, tp, lang } = useAdminI18n();
  const [list, setList] = useState<PriceList | null | undefined>(undefined);
  const [draft, setDraft] = useState<TariffDraft | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const today = todayIn(point.timeZone);

  const load = useCallback(
    async (resetDraft: boolean) => {
      try {
        const { tariffs } = await request(ADMIN_TARIFFS, { pointId: point.id });
        setList(tariffs.priceList);
        const latest = tariffs.priceList?.versions.at(-1);
        if (resetDraft) setDraft(draftFrom(latest?.definition ?? null, latest && latest.validFrom >= today ? latest.validFrom : today, lang));
      } catch (e) {
        setLoadError(t('admin.error', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    // The language only shapes the decimal separator of a fresh draft: no reload when it changes.
    [point.id, today, t],
  );
  useEffect(() => {
    void load(true);
  }, [load]);

  /** Applies an edit; the errors of the edited fields go (they described the old value). */
  const change = (patch: Partial<TariffDraft>, editedKeys: string[] = Object.keys(patch)) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setSaved(null);
    setErrors((e) => (editedKeys.some((k) => k in e.fields) ? { ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !editedKeys.includes(k))) } : e));
  };

  const createList = async () => {
    setBusy(true);
    try {
      await request(CREATE_PRICE_LIST, { input: { pointId: point.id, name: t('tariff.defaultListName', { point: point.name }) } });
      await load(false);
    } catch (e) {
      setErrors(formErrorsOf(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !list) return;
    const { input, invalid, targetOf } = versionInputOf(draft);
    setSaved(null);
    if (invalid.length) {
      setErrors({ fields: Object.fromEntries(invalid.map((key) => [key, t('tariff.notANumber')])), general: null });
      return;
    }
    setBusy(true);
    try {
      const { publishPriceListVersion } = await request(PUBLISH_PRICE_LIST_VERSION, { priceListId: list.id, input });
      const published = publishPriceListVersion.versions.at(-1)!;
      setErrors(NO_ERRORS);
      setSaved(t('tariff.published', { version: published.version, from: formatDate(published.validFrom, lang) }));
      await load(false);
    } catch (e) {
      const found = formErrorsOf(e, lang, (key) => targetOf(key.split('.')) !== null);
      setErrors({ fields: Object.fromEntries(Object.entries(found.fields).map(([key, message]) => [targetOf(key.split('.'))!, message])), general: found.general });
    } finally {
      setBusy(false);
    }
  };

  if (loadError)
    return (
      <p role="alert" className="error">
        {loadError}
      </p>
    );
  if (list === undefined || !draft) return <p role="status">{t('admin.loading')}</p>;
  if (list === null)
    return (
      <div>
        <p>{t('tariff.noList')}</p>
        <button type="button" className="primary" onClick={() => void createList()} disabled={busy}>
          {t('tariff.createList')}
        </button>
        <FormStatus errors={errors} saved={null} summary={(count) => t('admin.formErrors', { count })} />
      </div>
    );

  const fieldError = (key: string) => errors.fields[key];
  return (
    <div className="two-columns">
      <div>
        <p>
          {t('tariff.list', { name: list.name })} {list.pointId ? t('tariff.ownList') : t('tariff.organisationList')}
        </p>
        <h3>{t('tariff.versions')}</h3>
        <ScrollBox label={t('tariff.versions')}>
          <table className="admin-table" data-testid="tariff-versions">
            <thead>
              <tr>
                <th scope="col">{t('tariff.version')}</th>
                <th scope="col">{t('tariff.validFrom')}</th>
                <th scope="col">{t('tariff.validTo')}</th>
                <th scope="col">{t('tariff.status')}</th>
                <th scope="col">{t('tariff.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {list.versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.version}</th>
                  <td>{formatDate(v.validFrom, lang)}</td>
                  <td>{v.validTo ? formatDate(v.validTo, lang) : '—'}</td>
                  <td>{t(`tariff.status.${v.status}` as 'tariff.status.CURRENT')}</td>
                  <td>{t(`tariff.unit.${v.unitKind}` as 'tariff.unit.HOUR', { hours: v.unitHours ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>

        <form onSubmit={publish} noValidate data-testid="tariff-form">
          <h3>{t('tariff.newVersion', { version: (list.versions.at(-1)?.version ?? 0) + 1 })}</h3>
          <p className="hint">{t('tariff.newVersionHint')}</p>
          <fieldset>
            <legend>{t('tariff.basis')}</legend>
            <div className="form-grid">
              <TextField className="narrow" label={t('tariff.validFrom')} type="date" value={draft.validFrom} onChange={(validFrom) => change({ validFrom })} error={fieldError('validFrom')} />
              <TextField className="narrow" label={t('tariff.validToOptional')} type="date" value={draft.validTo} onChange={(validTo) => change({ validTo })} error={fieldError('validTo')} />
              <SelectField
                label={t('tariff.pricesInclude')}
                value={draft.pricesInclude}
                onChange={(pricesInclude) => change({ pricesInclude })}
                options={[
                  { value: 'INCL_VAT', label: t('tariff.inclVat') },
                  { value: 'EXCL_VAT', label: t('tariff.exclVat') },
                ]}
                error={fieldError('pricesInclude')}
              />
              <TextField className="narrow" label={t('tariff.vat')} inputMode="decimal" value={draft.vatPercent} onChange={(vatPercent) => change({ vatPercent })} error={fieldError('vatPercent')} />
              <SelectField label={t('tariff.unit')} value={draft.unitKind} onChange={(unitKind) => change({ unitKind })} options={UNIT_KINDS.map((k) => ({ value: k, label: t(`tariff.unitKind.${k}`) }))} error={fieldError('unitKind')} />
              {(draft.unitKind === 'SLOT' || draft.unitKind === 'HALF_DAY') && (
                <TextField className="narrow" label={t('tariff.unitHours')} inputMode="decimal" value={draft.unitHours} onChange={(unitHours) => change({ unitHours })} error={fieldError('unitHours')} />
              )}
              <TextField className="narrow" label={t('tariff.dayCap')} inputMode="decimal" value={draft.dayCapEuros} onChange={(dayCapEuros) => change({ dayCapEuros })} error={fieldError('dayCapEuros')} />
              <TextField className="narrow" label={t('tariff.minimum')} inputMode="decimal" value={draft.minimumEuros} onChange={(minimumEuros) => change({ minimumEuros })} error={fieldError('minimumEuros')} />
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('tariff.matrix')}</legend>
            <p className="hint">{t('tariff.matrixHint')}</p>
            <ScrollBox label={t('tariff.matrix')}>
              <table className="tariff-matrix" data-testid="tariff-matrix">
                <thead>
                  <tr>
                    <th scope="col">{t('tariff.category')}</th>
                    <th scope="col">{t('tariff.in')}</th>
                    <th scope="col">{t('tariff.out')}</th>
                  </tr>
                </thead>
                <tbody>
                  {CATEGORIES.map((category) => (
                    <tr key={category}>
                      <th scope="row">{tp(`category.${category}`)}</th>
                      {TERRITORIES.map((territory) => (
                        <td key={territory}>
                          <MoneyCell
                            label={t('tariff.cellLabel', { category: tp(`category.${category}`), territory: t(territory === 'IN' ? 'tariff.in' : 'tariff.out') })}
                            value={draft.rates[cellKey(category, territory)] ?? ''}
                            onChange={(value) => change({ rates: { ...draft.rates, [cellKey(category, territory)]: value } }, [cellKey(category, territory)])}
                            error={fieldError(cellKey(category, territory))}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </fieldset>

          <fieldset>
            <legend>{t('tariff.surcharges')}</legend>
            {draft.surcharges.length === 0 && <p className="hint">{t('tariff.noSurcharge')}</p>}
            {draft.surcharges.map((s, index) => (
              <SurchargeRow
                key={s.key}
                n={index + 1}
                surcharge={s}
                errors={errors.fields}
                onChange={(next) => change({ surcharges: draft.surcharges.map((x) => (x.key === s.key ? next : x)) })}
                onRemove={() => change({ surcharges: draft.surcharges.filter((x) => x.key !== s.key) })}
              />
            ))}
            <button type="button" className="secondary" onClick={() => change({ surcharges: [...draft.surcharges, { key: newKey('s'), when: 'OFF_HOURS', percent: '', fixedEuros: '' }] })}>
              {t('tariff.addSurcharge')}
            </button>
          </fieldset>

          <fieldset>
            <legend>{t('tariff.allowances')}</legend>
            <p className="hint">{t('tariff.allowancesHint')}</p>
            {draft.allowances.map((a, index) => (
              <AllowanceRow
                key={a.key}
                n={index + 1}
                allowance={a}
                errors={errors.fields}
                onChange={(next) => change({ allowances: draft.allowances.map((x) => (x.key === a.key ? next : x)) })}
                onRemove={() => change({ allowances: draft.allowances.filter((x) => x.key !== a.key) })}
              />
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => change({ allowances: [...draft.allowances, { key: newKey('a'), id: `forfait-${draft.allowances.length + 1}`, label: '', categories: ['COMPANY'], requesterGroup: '', minutesPerMonth: '60' }] })}
            >
              {t('tariff.addAllowance')}
            </button>
          </fieldset>

          <fieldset data-testid="promotions">
            <legend>{t('tariff.promotions')}</legend>
            {(draft.promotions ?? []).map((p, i) => (
              <div key={i} className="form-grid">
                <SelectField
                  label={t('tariff.promotionKind', { n: i + 1 })}
                  value={p.kind}
                  onChange={(kind) => change({ promotions: (draft.promotions ?? []).map((x, j) => (j === i ? { ...x, kind, months: kind === 'FREE_MONTHS' ? (x.months ?? []) : null } : x)) })}
                  options={[
                    { value: 'FIRST_USE_FREE', label: t('tariff.firstUseFree') },
                    { value: 'FREE_MONTHS', label: t('tariff.freeMonthsKind') },
                  ]}
                />
                {p.kind === 'FREE_MONTHS' && (
                  <TextField
                    label={t('tariff.promotionMonths', { n: i + 1 })}
                    hint={t('tariff.promotionMonthsHint')}
                    value={(p.months ?? []).join(', ')}
                    onChange={(text) => change({ promotions: (draft.promotions ?? []).map((x, j) => (j === i ? { ...x, months: text.split(/[\s,]+/).filter(Boolean) } : x)) })}
                    error={errors.fields[`version.promotions.${i}.months`]}
                  />
                )}
                <button type="button" className="secondary" onClick={() => change({ promotions: (draft.promotions ?? []).filter((_, j) => j !== i) })}>
                  {t('tariff.removePromotion', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => change({ promotions: [...(draft.promotions ?? []), { kind: 'FREE_MONTHS', months: [], categories: null }] })}>
              {t('tariff.addPromotion')}
            </button>
          </fieldset>

          <FormStatus errors={errors} saved={saved} summary={(count) => t('admin.formErrors', { count })} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('admin.saving') : t('tariff.publish')}
            </button>
          </div>
        </form>
      </div>
      <QuotePreview point={point} draft={draft} publishedVersions={list.versions.length} />
    </div>
  );
}

function MoneyCell({ label, value, onChange, error }: { label: string; value: string; onChange(value: string): void; error?: string }) {
  const ids = useFieldIds();
  return (
    <div>
      <label htmlFor={ids.input} className="visually-hidden">
        {label}
      </label>
      <input id={ids.input} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(ids, false, Boolean(error))} /> €
      <FieldError id={ids.error} message={error} />
    </div>
  );
}

function SurchargeRow({ n, surcharge, errors, onChange, onRemove }: { n: number; surcharge: SurchargeDraft; errors: Record<string, string>; onChange(s: SurchargeDraft): void; onRemove(): void }) {
  const { t } = useAdminI18n();
  const key = `surcharge.${surcharge.key}`;
  return (
    <div className="interval" role="group" aria-label={t('tariff.surchargeN', { n })}>
      <SelectField
        label={t('tariff.when')}
        value={surcharge.when}
        onChange={(when) => onChange({ ...surcharge, when })}
        options={[
          { value: 'OFF_HOURS', label: t('tariff.offHours') },
          { value: 'WEEKEND', label: t('tariff.weekend') },
        ]}
        error={errors[`${key}.when`]}
      />
      <TextField className="narrow" label={t('tariff.percent')} inputMode="decimal" value={surcharge.percent} onChange={(percent) => onChange({ ...surcharge, percent })} error={errors[`${key}.percent`]} />
      <TextField className="narrow" label={t('tariff.fixed')} inputMode="decimal" value={surcharge.fixedEuros} onChange={(fixedEuros) => onChange({ ...surcharge, fixedEuros })} error={errors[`${key}.fixedEuros`]} />
      <button type="button" className="danger" onClick={onRemove} aria-label={t('tariff.removeSurcharge', { n })}>
        {t('admin.remove')}
      </button>
    </div>
  );
}

function AllowanceRow({ n, allowance, errors, onChange, onRemove }: { n: number; allowance: AllowanceDraft; errors: Record<string, string>; onChange(a: AllowanceDraft): void; onRemove(): void }) {
  const { t, tp } = useAdminI18n();
  const key = `allowance.${allowance.key}`;
  const ids = useFieldIds();
  return (
    <div className="day-row" role="group" aria-label={t('tariff.allowanceN', { n })}>
      <div className="intervals">
        <div className="interval">
          <TextField label={t('tariff.allowanceLabel')} value={allowance.label} onChange={(label) => onChange({ ...allowance, label })} error={errors[`${key}.label`]} />
          <TextField className="narrow" label={t('tariff.allowanceId')} value={allowance.id} onChange={(id) => onChange({ ...allowance, id })} error={errors[`${key}.id`]} />
          <TextField className="narrow" label={t('tariff.minutesPerMonth')} inputMode="numeric" value={allowance.minutesPerMonth} onChange={(minutesPerMonth) => onChange({ ...allowance, minutesPerMonth })} error={errors[`${key}.minutesPerMonth`]} />
          <TextField className="narrow" label={t('tariff.requesterGroup')} value={allowance.requesterGroup} onChange={(requesterGroup) => onChange({ ...allowance, requesterGroup })} error={errors[`${key}.requesterGroup`]} />
          <button type="button" className="danger" onClick={onRemove} aria-label={t('tariff.removeAllowance', { n })}>
            {t('admin.remove')}
          </button>
        </div>
        <fieldset aria-describedby={errors[`${key}.categories`] ? ids.error : undefined}>
          <legend>{t('tariff.allowanceCategories')}</legend>
          <div className="form-grid">
            {CATEGORIES.map((c) => (
              <label key={c} className="field checkbox">
                <input
                  type="checkbox"
                  checked={allowance.categories.includes(c)}
                  onChange={(e) => onChange({ ...allowance, categories: e.target.checked ? [...allowance.categories, c] : allowance.categories.filter((x) => x !== c) })}
                />
                {tp(`category.${c}`)}
              </label>
            ))}
          </div>
          <FieldError id={ids.error} message={errors[`${key}.categories`]} />
        </fieldset>
      </div>
    </div>
  );
}
