import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../api';
import { isNetworkAdmin, useSignedIn } from '../admin/auth';
import { FormStatus, SelectField, TextField } from '../admin/forms';
import type { ConsoleOrganisationsQuery, OrganisationKind } from '../generated/graphql';
import { useConsoleI18n } from './messages';
import { CONSOLE_CREATE_ORGANISATION, CONSOLE_ORGANISATIONS, CONSOLE_UPDATE_ORGANISATION } from './operations';
import { ORGANISATION_KINDS, useForm } from './use-form';

type Organisation = ConsoleOrganisationsQuery['organisations'][number];

interface Draft {
  slug: string;
  name: string;
  kind: OrganisationKind;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  contactEmail: string;
  contactPhone: string;
  territory: string;
}

const draftOf = (o?: Organisation): Draft => ({
  slug: o?.slug ?? '',
  name: o?.name ?? '',
  kind: o?.kind ?? 'EPCI',
  address: o?.address ?? '',
  postcode: o?.postcode ?? '',
  town: o?.town ?? '',
  siret: o?.siret ?? '',
  contactEmail: o?.contactEmail ?? '',
  contactPhone: o?.contactPhone ?? '',
  territory: o?.territoryPostcodes.join(', ') ?? '',
});
const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** `/admin/organisations`: network admins create organisations; an organisation admin edits its own. */
export function OrganisationsPage() {
  const { t } = useConsoleI18n();
  const { user } = useSignedIn();
  const [all, setAll] = useState<Organisation[] | null>(null);
  const load = useCallback(async () => setAll((await request(CONSOLE_ORGANISATIONS, {})).organisations), []);
  useEffect(() => {
    document.title = `${t('orgs.title')} — Maillage`;
    void load();
  }, [load, t]);
  const network = isNetworkAdmin(user);
  const [editing, setEditing] = useState<string>(user.organisationId ?? '');
  if (!all) return <p role="status">{t('common.loading')}</p>;
  const mine = network ? all : all.filter((o) => o.id === user.organisationId);
  const current = mine.find((o) => o.id === editing) ?? mine[0];
  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">{t('orgs.title')}</h1>
      <p role="status" data-testid="orgs-count">
        {t('orgs.count', { count: mine.length })}
      </p>
      {network && <SelectField label={t('common.organisation')} value={current?.id ?? ''} onChange={setEditing} options={mine.map((o) => ({ value: o.id, label: o.name }))} />}
      {current && <OrganisationForm key={current.id} organisation={current} onSaved={load} />}
      {network && <OrganisationForm key="new" onSaved={load} />}
    </section>
  );
}

function OrganisationForm({ organisation, onSaved }: { organisation?: Organisation; onSaved(): Promise<void> }) {
  const { t } = useConsoleI18n();
  const [d, setD] = useState<Draft>(() => draftOf(organisation));
  const form = useForm();
  const set = (key: keyof Draft) => (value: string) => setD({ ...d, [key]: value });
  const err = (key: string) => form.errors.fields[`input.${key}`];
  const title = organisation ? t('orgs.edit', { name: organisation.name }) : t('orgs.new');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const common = {
        name: d.name.trim(),
        address: d.address.trim(),
        postcode: d.postcode.trim(),
        town: d.town.trim(),
        siret: optional(d.siret),
        contactEmail: optional(d.contactEmail),
        contactPhone: optional(d.contactPhone),
        territoryPostcodes: d.territory.split(/[\s,]+/).filter(Boolean),
      };
      if (organisation) await request(CONSOLE_UPDATE_ORGANISATION, { id: organisation.id, input: common });
      else {
        await request(CONSOLE_CREATE_ORGANISATION, { input: { ...common, slug: d.slug.trim(), kind: d.kind } });
        setD(draftOf());
      }
      await onSaved();
      return t('common.saved');
    });
  };
  const id = organisation ? `org-${organisation.id}` : 'org-new';
  return (
    <form className="admin-card" onSubmit={submit} aria-labelledby={id} noValidate data-testid={organisation ? 'organisation-form' : 'new-organisation'}>
      <h2 id={id}>{title}</h2>
      {!organisation && (
        <>
          <TextField label={t('orgs.slug')} value={d.slug} onChange={set('slug')} error={err('slug')} />
          <SelectField<OrganisationKind> label={t('orgs.kind')} value={d.kind} onChange={set('kind')} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgs.kind.${k}`) }))} />
        </>
      )}
      <TextField label={t('common.name')} value={d.name} onChange={set('name')} error={err('name')} />
      <TextField label={t('orgs.address')} value={d.address} onChange={set('address')} error={err('address')} />
      <TextField label={t('orgs.postcode')} value={d.postcode} onChange={set('postcode')} error={err('postcode')} inputMode="numeric" />
      <TextField label={t('orgs.town')} value={d.town} onChange={set('town')} error={err('town')} />
      <TextField label={t('orgs.siret')} value={d.siret} onChange={set('siret')} error={err('siret')} inputMode="numeric" />
      <TextField label={t('orgs.contactEmail')} type="email" value={d.contactEmail} onChange={set('contactEmail')} error={err('contactEmail')} />
      <TextField label={t('orgs.contactPhone')} type="tel" value={d.contactPhone} onChange={set('contactPhone')} error={err('contactPhone')} />
      <TextField label={t('orgs.territory')} value={d.territory} onChange={set('territory')} error={err('territoryPostcodes')} />
      <button type="submit" className="primary" disabled={form.busy}>
        {organisation ? t('common.save') : t('common.create')}
      </button>
      <FormStatus errors={form.errors} saved={form.saved} summary={(count) => t('common.errors', { count })} />
    </form>
  );
}
