import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '../../api';
import { formatInstant } from '../../format';
import type { AdminAdaptersQuery } from '../../generated/graphql';
import { FormStatus, formErrorsOf, NO_ERRORS, SelectField, type FormErrors } from '../forms';
import { useAdminI18n } from '../messages';
import { ADMIN_ADAPTERS, BIND_ADAPTER, UNBIND_ADAPTER } from '../operations';
import type { AdminPoint } from './PointEditorPage';
import { configOf, fieldsOf, initialValues, type SchemaField } from './schema-form';
import { SchemaFields } from './SchemaFields';

type Data = AdminAdaptersQuery;
type Manifest = Data['adapters'][number];

/** The point's adapter bindings (with health), and a form generated from the chosen adapter's configSchema. */
export function AdaptersPanel({ point }: { point: AdminPoint }) {
  const { t, tp, lang } = useAdminI18n();
  const [data, setData] = useState<Data | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const load = useCallback(async () => {
    try {
      setData(await request(ADMIN_ADAPTERS, { pointId: point.id }));
    } catch (e) {
      setErrors(formErrorsOf(e, lang, () => false));
    }
  }, [point.id, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const unbind = async (id: string, name: string) => {
    if (!window.confirm(t('adapters.confirmUnbind', { name }))) return;
    try {
      await request(UNBIND_ADAPTER, { id });
      await load();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, () => false));
    }
  };

  if (!data)
    return errors.general ? (
      <p role="alert" className="error">
        {errors.general}
      </p>
    ) : (
      <p role="status">{t('admin.loading')}</p>
    );
  const nameOf = (id: string) => data.adapters.find((a) => a.id === id)?.displayName ?? id;
  /** A property's title in the adapter's schema (its name when the schema has none). */
  const titleOf = (adapterId: string, name: string) => fieldsOf(data.adapters.find((a) => a.id === adapterId)?.configSchema).find((f) => f.name === name)?.title ?? name;
  return (
    <div>
      {errors.general && (
        <p role="alert" className="error">
          {errors.general}
        </p>
      )}
      <h3>{t('adapters.bindings')}</h3>
      {data.adapterBindings.length === 0 && <p className="hint">{t('adapters.none')}</p>}
      <ul className="result-list" data-testid="adapter-bindings">
        {data.adapterBindings.map((b) => (
          <li key={b.id}>
            <h4>{nameOf(b.adapterId)}</h4>
            <p className="meta">
              <span>{t('adapters.health', { status: t(`health.${b.health.status}` as 'health.up'), detail: b.health.detail ?? '' })}</span>
              <span>{t('adapters.since', { date: formatInstant(b.createdAt, point.timeZone, lang) })}</span>
            </p>
            <dl className="facts">
              {Object.entries(b.config as Record<string, unknown>).map(([key, value]) => (
                <FactRow key={key} name={titleOf(b.adapterId, key)} value={typeof value === 'boolean' ? (value ? tp('yes') : tp('no')) : String(value)} />
              ))}
              {b.secretNames.map((name) => (
                <FactRow key={name} name={titleOf(b.adapterId, name)} value={t('adapters.secretSet')} />
              ))}
            </dl>
            <button type="button" className="danger" onClick={() => void unbind(b.id, nameOf(b.adapterId))}>
              {t('adapters.unbind', { name: nameOf(b.adapterId) })}
            </button>
          </li>
        ))}
      </ul>
      <BindForm pointId={point.id} adapters={data.adapters} onBound={load} />
    </div>
  );
}

function FactRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}

function BindForm({ pointId, adapters, onBound }: { pointId: string; adapters: Manifest[]; onBound(): Promise<void> }) {
  const { t, lang } = useAdminI18n();
  const [adapterId, setAdapterId] = useState(adapters[0]?.id ?? '');
  const manifest = adapters.find((a) => a.id === adapterId);
  const fields = useMemo(() => fieldsOf(manifest?.configSchema), [manifest]);
  const [values, setValues] = useState<Record<string, string | boolean>>(() => initialValues(fields));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValues(initialValues(fields));
    setErrors(NO_ERRORS);
  }, [fields]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { config, secrets, invalid } = configOf(fields, values);
    if (invalid.length) {
      setErrors({ fields: Object.fromEntries(invalid.map((name) => [`config.${name}`, t('tariff.notANumber')])), general: null });
      return;
    }
    setBusy(true);
    try {
      await request(BIND_ADAPTER, { pointId, adapterId, config, secrets: Object.keys(secrets).length ? secrets : null });
      setErrors(NO_ERRORS);
      setSaved(t('adapters.bound', { name: manifest?.displayName ?? adapterId }));
      setValues(initialValues(fields));
      await onBound();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => /^(config|secrets)\.\w+$/.test(key)));
    } finally {
      setBusy(false);
    }
  };
  const error = (f: SchemaField) => errors.fields[`${f.secret ? 'secrets' : 'config'}.${f.name}`] ?? errors.fields[`config.${f.name}`];

  return (
    <form onSubmit={submit} noValidate className="schema-form" aria-labelledby="bind-title" data-testid="bind-adapter">
      <h3 id="bind-title">{t('adapters.bind')}</h3>
      <SelectField label={t('adapters.adapter')} value={adapterId} onChange={setAdapterId} options={adapters.map((a) => ({ value: a.id, label: `${a.displayName} (${t(`adapterKind.${a.kind}` as 'adapterKind.notification')}, v${a.version})` }))} />
      {fields.length === 0 && <p className="hint">{t('adapters.noConfig')}</p>}
      <SchemaFields fields={fields} values={values} onChange={(name, v) => setValues((x) => ({ ...x, [name]: v }))} error={error} />
      <p className="hint">{t('adapters.requiredHint')}</p>
      <FormStatus errors={errors} saved={saved} summary={(count) => t('admin.formErrors', { count })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !manifest}>
          {t('adapters.bindSubmit')}
        </button>
      </div>
    </form>
  );
}
