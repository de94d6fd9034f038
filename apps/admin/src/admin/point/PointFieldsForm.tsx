import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import type { AccessPolicy, HostSiteType, NetworkLine, PointStatus, UpdatePointInput } from '../../generated/graphql';
import { CheckboxField, FormStatus, formErrorsOf, NO_ERRORS, SelectField, TextField, type FormErrors } from '../forms';
import { useAdminI18n } from '../messages';
import { UPDATE_POINT } from '../operations';
import type { AdminPoint } from './PointEditorPage';

const HOST_SITE_TYPES: HostSiteType[] = ['EPCI_HEAD_OFFICE', 'TOWN_HALL', 'LIBRARY', 'CYBER_CENTRE', 'BUSINESS_INCUBATOR', 'SCHOOL', 'OTHER'];
const ACCESS_POLICIES: AccessPolicy[] = ['OPEN_TO_ALL', 'COMPANIES_ONLY', 'EPCI_PROJECTS_ONLY', 'INTERNAL_ONLY'];
const NETWORK_LINES: NetworkLine[] = ['FIBRE', 'DEDICATED_ADSL', 'SHARED_QOS'];
const STATUSES: PointStatus[] = ['ACTIVE', 'ON_HOLD', 'DISMANTLED'];

type Text = 'name' | 'address' | 'postcode' | 'town' | 'phone' | 'latitude' | 'longitude' | 'timeZone' | 'rulesOfUse' | 'bandwidthKbps' | 'fixedIp' | 'internalNotes';
type Flags = 'accessibleReducedMobility' | 'independentEntrance' | 'receptionOnSite' | 'technicianOnSite';
interface Draft extends Record<Text, string>, Record<Flags, boolean> {
  status: PointStatus;
  hostSiteType: HostSiteType;
  accessPolicy: AccessPolicy;
  networkLine: NetworkLine;
}

const draftOf = (p: AdminPoint): Draft => ({
  name: p.name,
  address: p.address,
  postcode: p.postcode,
  town: p.town,
  phone: p.phone ?? '',
  latitude: String(p.latitude),
  longitude: String(p.longitude),
  timeZone: p.timeZone,
  rulesOfUse: p.rulesOfUse ?? '',
  bandwidthKbps: String(p.bandwidthKbps),
  fixedIp: p.fixedIp ?? '',
  internalNotes: p.internalNotes ?? '',
  accessibleReducedMobility: p.accessibleReducedMobility,
  independentEntrance: p.independentEntrance,
  receptionOnSite: p.receptionOnSite,
  technicianOnSite: p.technicianOnSite,
  status: p.status,
  hostSiteType: p.hostSiteType,
  accessPolicy: p.accessPolicy,
  networkLine: p.networkLine,
});

/** The changed fields only (the API keeps what is not sent); numbers parsed, NaN reported as a field error. */
function changesOf(before: Draft, after: Draft): { input: UpdatePointInput; invalid: string[] } {
  const input: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(after) as (keyof Draft)[]) {
    if (after[key] === before[key]) continue;
    if (key === 'latitude' || key === 'longitude' || key === 'bandwidthKbps') {
      const n = Number(String(after[key]).replace(',', '.'));
      if (String(after[key]).trim() === '' || Number.isNaN(n)) invalid.push(key);
      else input[key] = key === 'bandwidthKbps' ? Math.round(n) : n;
    } else input[key] = typeof after[key] === 'string' ? (after[key] as string).trim() : after[key];
  }
  return { input: input as UpdatePointInput, invalid };
}

/** The point's record: identity, address and position, host site, access, accessibility, line, private notes. */
export function PointFieldsForm({ point, onSaved }: { point: AdminPoint; onSaved(): void }) {
  const { t, tp, lang } = useAdminI18n();
  const [initial, setInitial] = useState(() => draftOf(point));
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  };
  const error = (key: string) => errors.fields[`input.${key}`];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, invalid } = changesOf(initial, draft);
    if (invalid.length) {
      setErrors({ fields: Object.fromEntries(invalid.map((k) => [`input.${k}`, t('tariff.notANumber')])), general: null });
      return;
    }
    if (Object.keys(input).length === 0) {
      setErrors(NO_ERRORS);
      setSaved(t('fields.nothingChanged'));
      return;
    }
    setBusy(true);
    try {
      await request(UPDATE_POINT, { id: point.id, input });
      setErrors(NO_ERRORS);
      setInitial(draft);
      setSaved(t('admin.saved'));
      onSaved();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => key.startsWith('input.') && key.split('.').length === 2 && key.slice(6) in draft));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="point-fields">
      <fieldset>
        <legend>{t('fields.identity')}</legend>
        <div className="form-grid">
          <TextField label={t('fields.name')} value={draft.name} onChange={set('name')} error={error('name')} />
          <SelectField label={t('fields.status')} value={draft.status} onChange={set('status')} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} error={error('status')} />
          <SelectField label={t('fields.hostSiteType')} value={draft.hostSiteType} onChange={set('hostSiteType')} options={HOST_SITE_TYPES.map((s) => ({ value: s, label: t(`site.${s}`) }))} error={error('hostSiteType')} />
          <SelectField label={tp('point.accessPolicy')} value={draft.accessPolicy} onChange={set('accessPolicy')} options={ACCESS_POLICIES.map((s) => ({ value: s, label: tp(`policy.${s}`) }))} error={error('accessPolicy')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('fields.where')}</legend>
        <div className="form-grid">
          <TextField label={tp('point.address')} value={draft.address} onChange={set('address')} error={error('address')} />
          <TextField className="narrow" label={t('fields.postcode')} inputMode="numeric" value={draft.postcode} onChange={set('postcode')} error={error('postcode')} />
          <TextField label={t('fields.town')} value={draft.town} onChange={set('town')} error={error('town')} />
          <TextField className="narrow" label={t('fields.latitude')} inputMode="decimal" value={draft.latitude} onChange={set('latitude')} error={error('latitude')} />
          <TextField className="narrow" label={t('fields.longitude')} inputMode="decimal" value={draft.longitude} onChange={set('longitude')} error={error('longitude')} />
          <TextField label={t('fields.timeZone')} value={draft.timeZone} onChange={set('timeZone')} error={error('timeZone')} />
          <TextField label={tp('point.phone')} type="tel" value={draft.phone} onChange={set('phone')} error={error('phone')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{tp('point.accessibility')}</legend>
        <CheckboxField label={tp('point.accessible')} checked={draft.accessibleReducedMobility} onChange={set('accessibleReducedMobility')} error={error('accessibleReducedMobility')} />
        <CheckboxField label={tp('point.independentEntrance')} checked={draft.independentEntrance} onChange={set('independentEntrance')} error={error('independentEntrance')} />
        <CheckboxField label={tp('point.reception')} checked={draft.receptionOnSite} onChange={set('receptionOnSite')} error={error('receptionOnSite')} />
        <CheckboxField label={tp('point.technician')} checked={draft.technicianOnSite} onChange={set('technicianOnSite')} error={error('technicianOnSite')} />
      </fieldset>
      <fieldset>
        <legend>{t('fields.line')}</legend>
        <div className="form-grid">
          <SelectField label={t('fields.networkLine')} value={draft.networkLine} onChange={set('networkLine')} options={NETWORK_LINES.map((s) => ({ value: s, label: t(`line.${s}`) }))} error={error('networkLine')} />
          <TextField className="narrow" label={t('fields.bandwidth')} inputMode="numeric" value={draft.bandwidthKbps} onChange={set('bandwidthKbps')} error={error('bandwidthKbps')} />
          <TextField label={t('fields.fixedIp')} hint={t('fields.private')} value={draft.fixedIp} onChange={set('fixedIp')} error={error('fixedIp')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('fields.texts')}</legend>
        <TextArea label={tp('point.rules')} value={draft.rulesOfUse} onChange={set('rulesOfUse')} error={error('rulesOfUse')} />
        <TextArea label={t('fields.internalNotes')} hint={t('fields.private')} value={draft.internalNotes} onChange={set('internalNotes')} error={error('internalNotes')} />
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

export function TextArea({ label, value, onChange, error, hint }: { label: string; value: string; onChange(v: string): void; error?: string; hint?: string }) {
  return <TextField label={label} value={value} onChange={onChange} error={error} hint={hint} multiline />;
}
