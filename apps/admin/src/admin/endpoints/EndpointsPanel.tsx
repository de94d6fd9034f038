import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '../../api';
import { formatInstant } from '../../format';
import type { AdminEndpointsQuery, TestEndpointNowMutation } from '../../generated/graphql';
import { FormStatus, formErrorsOf, NO_ERRORS, SelectField, type FormErrors } from '../forms';
import { useAdminI18n } from '../messages';
import type { AdminPoint } from '../point/PointEditorPage';
import { configOf, fieldsOf, initialValues, type SchemaField } from '../point/schema-form';
import { SchemaFields } from '../point/SchemaFields';
import { causeName, checkName, type EndpointMessageKey, useEndpointI18n } from './messages';
import { ADMIN_ENDPOINTS, REFRESH_ENDPOINT_STATUS, SET_ENDPOINT_DRIVER, TEST_ENDPOINT_NOW } from './operations';
import './endpoints.css';

type Data = AdminEndpointsQuery;
type Endpoint = NonNullable<Data['point']['rooms'][number]['endpoints']>[number];
type Incident = Data['incidents']['edges'][number]['node'];
type Manifest = Data['adapters'][number];

/** `/admin/points/<id>/systemes`: each room system's driver, live status, last test, incidents, and "Tester maintenant". */
export function EndpointsPanel({ point }: { point: AdminPoint }) {
  const { t } = useEndpointI18n();
  const { t: ta, lang } = useAdminI18n();
  const [data, setData] = useState<Data | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const load = useCallback(async () => {
    try {
      setData(await request(ADMIN_ENDPOINTS, { id: point.id }));
    } catch (e) {
      setErrors(formErrorsOf(e, lang, () => false));
    }
  }, [point.id, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!data)
    return errors.general ? (
      <p role="alert" className="error">
        {errors.general}
      </p>
    ) : (
      <p role="status">{ta('admin.loading')}</p>
    );
  const drivers = data.adapters.filter((a) => a.kind === 'endpoint');
  const rooms = data.point.rooms.filter((r) => (r.endpoints ?? []).length > 0);
  return (
    <div>
      <p className="hint">{t('ep.intro')}</p>
      {rooms.length === 0 && <p>{t('ep.none')}</p>}
      {rooms.map((room) => (
        <section key={room.id} aria-labelledby={`ep-room-${room.id}`}>
          <h3 id={`ep-room-${room.id}`}>{t('ep.room', { name: room.name })}</h3>
          {(room.endpoints ?? []).map((e) => (
            <EndpointCard key={e.id} endpoint={e} timeZone={data.point.timeZone} drivers={drivers} incidents={data.incidents.edges.map((x) => x.node).filter((i) => i.endpointId === e.id)} onChanged={load} />
          ))}
        </section>
      ))}
    </div>
  );
}

function EndpointCard({ endpoint: e, timeZone, drivers, incidents, onChanged }: { endpoint: Endpoint; timeZone: string; drivers: Manifest[]; incidents: Incident[]; onChanged(): Promise<void> }) {
  const { t, lang } = useEndpointI18n();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestEndpointNowMutation['testEndpointNow'] | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const when = (iso: string) => formatInstant(iso, timeZone, lang);
  const s = e.liveStatus;
  const yesNo = (value: boolean | null | undefined, yes: EndpointMessageKey, no: EndpointMessageKey) => (value === null || value === undefined ? t('ep.unknown') : t(value ? yes : no));
  const testLine = (r: { outcome: string; cause?: string | null; round: string; finishedAt: string }) =>
    t('ep.testLine', { outcome: t(`outcome.${r.outcome}` as EndpointMessageKey), cause: r.cause ? ` (${causeName(lang, r.cause)})` : '', round: t(`round.${r.round}` as EndpointMessageKey), date: when(r.finishedAt) });

  const act = async (work: () => Promise<void>) => {
    setErrors(NO_ERRORS);
    try {
      await work();
      await onChanged();
    } catch (error) {
      setErrors(formErrorsOf(error, lang, () => false));
    }
  };
  const testNow = () =>
    act(async () => {
      setTesting(true);
      setResult(null);
      try {
        setResult((await request(TEST_ENDPOINT_NOW, { id: e.id })).testEndpointNow);
      } finally {
        setTesting(false);
      }
    });

  return (
    <article className="room endpoint-card" aria-labelledby={`ep-${e.id}`} data-testid="endpoint-card">
      <h4 id={`ep-${e.id}`}>
        {e.name}
        {e.vendor || e.model ? ` — ${[e.vendor, e.model].filter(Boolean).join(' ')}` : ''}
      </h4>
      <dl className="facts">
        <dt>{t('ep.driver')}</dt>
        <dd data-testid="endpoint-driver">{e.driver ? e.driver.displayName : t('ep.noDriver')}</dd>
        <dt>{t('ep.state')}</dt>
        <dd data-testid="endpoint-state" className={`endpoint-state state-${s?.state ?? 'unknown'}`}>
          {s ? `${t(`state.${s.state}` as EndpointMessageKey)}${s.callRemote ? ` : ${s.callRemote}` : ''} (${t('ep.since', { date: when(s.at) })})${s.detail ? ` — ${s.detail}` : ''}` : t('ep.unknown')}
        </dd>
        <dt>{t('ep.camera')}</dt>
        <dd>{yesNo(s?.cameraOn, 'ep.on', 'ep.off')}</dd>
        <dt>{t('ep.microphones')}</dt>
        <dd>{yesNo(s?.microphoneMuted, 'ep.muted', 'ep.live')}</dd>
        {s && s.peripherals.length > 0 && (
          <>
            <dt>{t('ep.peripherals')}</dt>
            <dd>{s.peripherals.map((p) => `${p.name} (${t(p.connected ? 'ep.connected' : 'ep.disconnected')})`).join(', ')}</dd>
          </>
        )}
        <dt>{t('ep.lastTest')}</dt>
        <dd data-testid="endpoint-last-test" className={e.lastTest ? `outcome-${e.lastTest.outcome}` : undefined}>
          {e.lastTest ? testLine(e.lastTest) : t('ep.neverTested')}
        </dd>
      </dl>
      {errors.general && (
        <p role="alert" className="error">
          {errors.general}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={testing || !e.driver} onClick={() => void testNow()}>
          {testing ? t('ep.testing') : t('ep.testNow')}
        </button>
        <button type="button" className="secondary" disabled={!e.driver} onClick={() => void act(async () => void (await request(REFRESH_ENDPOINT_STATUS, { id: e.id })))}>
          {t('ep.refresh')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="endpoint-test-result">
        {result && (
          <>
            <p className={`outcome-${result.outcome}`}>{t('ep.result', { name: e.name, outcome: t(`outcome.${result.outcome}` as EndpointMessageKey) })}</p>
            <ul>
              {result.checks.map((c) => (
                <li key={c.id} className={`outcome-${c.outcome}`}>
                  {checkName(t, c.id)} : {t(`outcome.${c.outcome}` as EndpointMessageKey)}
                  {c.detail ? ` — ${c.detail}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <h5>{t('ep.incidents')}</h5>
      {incidents.length === 0 ? (
        <p className="hint">{t('ep.noIncident')}</p>
      ) : (
        <ul data-testid="endpoint-incidents">
          {incidents.map((i) => (
            <li key={i.id}>
              {t('ep.incidentLine', { date: when(i.openedAt), cause: causeName(lang, i.cause), detail: i.detail })} — {i.resolvedAt ? t('ep.incidentResolved', { date: when(i.resolvedAt) }) : t('ep.incidentOpen')}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('ep.configure')}</summary>
        <DriverForm endpoint={e} drivers={drivers} onSaved={onChanged} />
      </details>
    </article>
  );
}

function DriverForm({ endpoint: e, drivers, onSaved }: { endpoint: Endpoint; drivers: Manifest[]; onSaved(): Promise<void> }) {
  const { t } = useEndpointI18n();
  const { t: ta, lang } = useAdminI18n();
  const [adapterId, setAdapterId] = useState(e.adapterId ?? '');
  const manifest = drivers.find((d) => d.id === adapterId);
  const fields = useMemo(() => fieldsOf(manifest?.configSchema), [manifest]);
  const [values, setValues] = useState<Record<string, string | boolean>>(() => initialValues(fields, e.adapterConfig as Record<string, unknown>));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setValues(initialValues(fields, adapterId === e.adapterId ? (e.adapterConfig as Record<string, unknown>) : undefined)), [fields, adapterId, e.adapterId, e.adapterConfig]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { config, secrets, invalid } = configOf(fields, values);
    if (invalid.length) {
      setErrors({ fields: Object.fromEntries(invalid.map((name) => [`input.adapterConfig.${name}`, ta('tariff.notANumber')])), general: null });
      return;
    }
    try {
      await request(SET_ENDPOINT_DRIVER, {
        id: e.id,
        input: { name: e.name, kind: e.kind, protocol: e.protocol, adapterId: adapterId || null, adapterConfig: adapterId ? config : {}, ...(Object.keys(secrets).length ? { adapterSecrets: secrets } : {}) },
      });
      setErrors(NO_ERRORS);
      setSaved(t('ep.driverSaved'));
      await onSaved();
    } catch (error) {
      setErrors(formErrorsOf(error, lang, (key) => key.startsWith('input.')));
    }
  };
  const error = (f: SchemaField) => errors.fields[`input.${f.secret ? 'adapterSecrets' : 'adapterConfig'}.${f.name}`];
  return (
    <form onSubmit={submit} noValidate className="schema-form" data-testid="endpoint-driver-form">
      <SelectField label={t('ep.driverSelect')} value={adapterId} onChange={setAdapterId} options={[{ value: '', label: t('ep.driverNone') }, ...drivers.map((d) => ({ value: d.id, label: `${d.displayName} (v${d.version})` }))]} error={errors.fields['input.adapterId']} />
      {e.secretNames.length > 0 && <p className="hint">{t('ep.secretSet', { names: e.secretNames.join(', ') })}</p>}
      <SchemaFields fields={fields} values={values} onChange={(name, v) => setValues((x) => ({ ...x, [name]: v }))} error={error} />
      <FormStatus errors={errors} saved={saved} summary={(count) => ta('admin.formErrors', { count })} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('ep.driverSave')}
        </button>
      </div>
    </form>
  );
}
