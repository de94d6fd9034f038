import { useState, type FormEvent } from 'react';
import { request } from '../api';
import { FormStatus, SelectField, TextField } from '../admin/forms';
import type { AccessPolicy, HostSiteType } from '../generated/graphql';
import { navigate } from '../router';
import { useConsoleI18n } from './messages';
import { CONSOLE_CREATE_POINT } from './operations';
import { useForm } from './use-form';

const SITE_TYPES = ['EPCI_HEAD_OFFICE', 'BUSINESS_INCUBATOR', 'TOWN_HALL', 'CYBER_CENTRE', 'SCHOOL', 'LIBRARY', 'OTHER'] as const;
const number = (text: string) => Number(text.trim().replace(',', '.'));

/**
 * A new point of an organisation, with what the directory needs at once (name, address, coordinates, host
 * site); it starts with no opening hours and no room: the point's editor, opened next, sets the rest.
 */
export function NewPointForm({ organisationId }: { organisationId: string }) {
  const { t } = useConsoleI18n();
  const [d, setD] = useState({ slug: '', name: '', address: '', postcode: '', town: '', latitude: '', longitude: '', hostSiteType: 'EPCI_HEAD_OFFICE' as HostSiteType });
  const set = (key: keyof typeof d) => (value: string) => setD({ ...d, [key]: value });
  const form = useForm();
  const err = (key: string) => form.errors.fields[`input.${key}`];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const { createPoint } = await request(CONSOLE_CREATE_POINT, {
        input: {
          organisationId,
          slug: d.slug.trim(),
          name: d.name.trim(),
          address: d.address.trim(),
          postcode: d.postcode.trim(),
          town: d.town.trim(),
          latitude: number(d.latitude),
          longitude: number(d.longitude),
          hostSiteType: d.hostSiteType,
          accessPolicy: 'OPEN_TO_ALL' as AccessPolicy,
          networkLine: 'FIBRE',
          bandwidthKbps: 1024,
          openingSchedule: { weekly: [], exceptions: [], closedOnPublicHolidays: true },
        },
      });
      navigate(`/admin/points/${encodeURIComponent(createPoint.id)}`);
      return null;
    });
  };
  return (
    <form className="admin-card" onSubmit={submit} aria-labelledby="new-point" noValidate data-testid="new-point">
      <h2 id="new-point">{t('points.new')}</h2>
      <p className="hint">{t('points.newHint')}</p>
      <TextField label={t('orgs.slug')} value={d.slug} onChange={set('slug')} error={err('slug')} />
      <TextField label={t('common.name')} value={d.name} onChange={set('name')} error={err('name')} />
      <SelectField<HostSiteType> label={t('points.siteType')} value={d.hostSiteType} onChange={set('hostSiteType')} options={SITE_TYPES.map((s) => ({ value: s, label: t(`points.site.${s}`) }))} />
      <TextField label={t('orgs.address')} value={d.address} onChange={set('address')} error={err('address')} />
      <TextField label={t('orgs.postcode')} value={d.postcode} onChange={set('postcode')} error={err('postcode')} inputMode="numeric" />
      <TextField label={t('orgs.town')} value={d.town} onChange={set('town')} error={err('town')} />
      <TextField label={t('points.latitude')} value={d.latitude} onChange={set('latitude')} error={err('latitude')} inputMode="decimal" />
      <TextField label={t('points.longitude')} value={d.longitude} onChange={set('longitude')} error={err('longitude')} inputMode="decimal" />
      <button type="submit" className="primary" disabled={form.busy}>
        {t('common.create')}
      </button>
      <FormStatus errors={form.errors} saved={form.saved} summary={(count) => t('common.errors', { count })} />
    </form>
  );
}
