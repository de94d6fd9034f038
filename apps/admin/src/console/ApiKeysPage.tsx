import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../api';
import { isNetworkAdmin, useSignedIn } from '../admin/auth';
import { FormStatus, SelectField, TextField } from '../admin/forms';
import type { ConsoleApiKeysQuery, Role } from '../generated/graphql';
import { useConsoleI18n } from './messages';
import { CONSOLE_API_KEYS, CONSOLE_CREATE_API_KEY, CONSOLE_REVOKE_API_KEY, CONSOLE_UPDATE_API_KEY } from './operations';
import { useForm, useOrganisationChoices } from './use-form';

type ApiKey = ConsoleApiKeysQuery['apiKeys'][number];
const KEY_ROLES = ['BOOKER', 'POINT_OPERATOR', 'ORGANISATION_ADMIN'] as const;
const originsOf = (text: string) => text.split(/[\s,]+/).map((o) => o.trim()).filter(Boolean);
const quotaOf = (text: string) => (text.trim() ? Number(text.trim()) : null);

/** `/admin/cles`: an organisation's API keys — create (shown once), quota and allowed sites, revoke; the widget's code. */
export function ApiKeysPage() {
  const { t } = useConsoleI18n();
  const { user } = useSignedIn();
  const organisations = useOrganisationChoices();
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? organisations[0]?.id ?? '');
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (organisationId) setKeys((await request(CONSOLE_API_KEYS, { organisationId })).apiKeys);
  }, [organisationId]);
  useEffect(() => {
    document.title = `${t('keys.title')} — Maillage`;
    setKeys(null);
    void load();
  }, [load, t]);
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{t('keys.title')}</h1>
      <p>{t('keys.intro')}</p>
      {isNetworkAdmin(user) && <SelectField label={t('common.organisation')} value={organisationId} onChange={setOrganisationId} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />}
      {!keys && <p role="status">{t('common.loading')}</p>}
      {keys && (
        <>
          <p role="status" data-testid="keys-count">
            {t('keys.count', { count: keys.length })}
          </p>
          {keys.map((k) => (
            <KeyRow key={k.id} apiKey={k} onChange={load} />
          ))}
        </>
      )}
      <NewKey organisationId={organisationId} onCreated={async (key) => (setCreated(key), await load())} />
      {created && (
        <div className="notice" data-testid="created-key">
          <p>{t('keys.created')}</p>
          <p>
            <code>{created}</code>
          </p>
        </div>
      )}
      <h2>{t('keys.widget')}</h2>
      <p>{t('keys.widgetHint')}</p>
      <pre className="code" tabIndex={0} data-testid="widget-snippet">{`<iframe src="${window.location.origin}/widget/${organisationId}?cle=CLÉ" title="Réservation" style="width:100%;min-height:900px;border:0"></iframe>`}</pre>
    </section>
  );
}

function KeyRow({ apiKey, onChange }: { apiKey: ApiKey; onChange(): Promise<void> }) {
  const { t, lang } = useConsoleI18n();
  const [quota, setQuota] = useState(apiKey.quotaPerHour ? String(apiKey.quotaPerHour) : '');
  const [origins, setOrigins] = useState(apiKey.allowedOrigins.join('\n'));
  const form = useForm();
  const revoked = Boolean(apiKey.revokedAt);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await request(CONSOLE_UPDATE_API_KEY, { id: apiKey.id, input: { quotaPerHour: quotaOf(quota), allowedOrigins: originsOf(origins) } });
      await onChange();
      return t('common.saved');
    });
  };
  const revoke = () =>
    void form.run(async () => {
      await request(CONSOLE_REVOKE_API_KEY, { id: apiKey.id });
      await onChange();
      return t('keys.revokedDone');
    });
  return (
    <form className="admin-card" onSubmit={save} aria-label={apiKey.name} data-testid="api-key" noValidate>
      <h2>{apiKey.name}</h2>
      <dl className="facts">
        <dt>{t('keys.prefix')}</dt>
        <dd>
          <code>{apiKey.prefix}…</code>
        </dd>
        <dt>{t('keys.role')}</dt>
        <dd>{apiKey.role}</dd>
        <dt>{t('keys.state')}</dt>
        <dd data-testid="key-state">{revoked ? t('keys.revoked', { date: new Date(apiKey.revokedAt!).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB') }) : t('keys.active')}</dd>
      </dl>
      {!revoked && (
        <>
          <TextField label={t('keys.quota')} hint={t('keys.quotaHint')} type="number" inputMode="numeric" value={quota} onChange={setQuota} error={form.errors.fields['input.quotaPerHour']} />
          <TextField label={t('keys.origins')} hint={t('keys.originsHint')} value={origins} onChange={setOrigins} multiline error={form.errors.fields['input.allowedOrigins']} />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.busy}>
              {t('keys.save', { name: apiKey.name })}
            </button>
            <button type="button" className="danger" onClick={revoke} disabled={form.busy}>
              {t('keys.revoke', { name: apiKey.name })}
            </button>
          </div>
        </>
      )}
      <FormStatus errors={form.errors} saved={form.saved} summary={(count) => t('common.errors', { count })} />
    </form>
  );
}

function NewKey({ organisationId, onCreated }: { organisationId: string; onCreated(key: string): Promise<void> }) {
  const { t } = useConsoleI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('BOOKER');
  const [quota, setQuota] = useState('');
  const [origins, setOrigins] = useState('');
  const form = useForm();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const { createApiKey } = await request(CONSOLE_CREATE_API_KEY, { input: { organisationId, name: name.trim(), role, quotaPerHour: quotaOf(quota), allowedOrigins: originsOf(origins) } });
      setName('');
      await onCreated(createApiKey.key);
      return null;
    });
  };
  return (
    <form className="admin-card" onSubmit={submit} aria-labelledby="new-key" noValidate>
      <h2 id="new-key">{t('keys.new')}</h2>
      <TextField label={t('common.name')} value={name} onChange={setName} error={form.errors.fields['input.name']} />
      <SelectField<Role> label={t('keys.role')} value={role} onChange={setRole} options={KEY_ROLES.map((r) => ({ value: r, label: r }))} />
      <TextField label={t('keys.quota')} hint={t('keys.quotaHint')} type="number" inputMode="numeric" value={quota} onChange={setQuota} error={form.errors.fields['input.quotaPerHour']} />
      <TextField label={t('keys.origins')} hint={t('keys.originsHint')} value={origins} onChange={setOrigins} multiline error={form.errors.fields['input.allowedOrigins']} />
      <button type="submit" className="primary" disabled={form.busy}>
        {t('common.create')}
      </button>
      <FormStatus errors={form.errors} saved={form.saved} summary={(count) => t('common.errors', { count })} />
    </form>
  );
}


