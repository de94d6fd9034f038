import { useCallback, useEffect, useState } from 'react';
import { GraphQLRequestError, request } from '../../api';
import type { AdminPointQuery } from '../../generated/graphql';
import { Link } from '../../router';
import { hasRole, useSignedIn } from '../auth';
import { useAdminI18n, type AdminMessageKey } from '../messages';
import { ADMIN_POINT } from '../operations';
import { AdaptersPanel } from './AdaptersPanel';
import { BookingPolicyForm } from './BookingPolicyForm';
import { CostsPanel } from './CostsPanel';
import { OpeningHoursEditor } from './OpeningHoursEditor';
import { PointFieldsForm } from './PointFieldsForm';
import { RoomsEditor } from './RoomsEditor';
import { TariffEditor } from './TariffEditor';
import { EndpointsPanel } from '../endpoints/EndpointsPanel';

export type AdminPoint = AdminPointQuery['point'];

/** The editor's sections, each at /admin/points/<id>/<slug> ('' = the point's record). */
const SECTIONS: { slug: string; label: AdminMessageKey }[] = [
  { slug: '', label: 'editor.fields' },
  { slug: 'salles', label: 'editor.rooms' },
  { slug: 'systemes', label: 'editor.endpoints' },
  { slug: 'horaires', label: 'editor.hours' },
  { slug: 'regles', label: 'editor.policy' },
  { slug: 'tarifs', label: 'editor.tariffs' },
  { slug: 'couts', label: 'editor.costs' },
  { slug: 'adaptateurs', label: 'editor.adapters' },
];

/** `/admin/points/<id>[/<section>]`: one point of the signed-in user's organisation (any, for a network admin). */
export function PointEditorPage({ id, section }: { id: string; section: string }) {
  const { t, lang } = useAdminI18n();
  const { user } = useSignedIn();
  const [point, setPoint] = useState<AdminPoint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    request(ADMIN_POINT, { id, year: new Date().getFullYear() }, controller.signal)
      .then((data) => setPoint(data.point))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const codes = e instanceof GraphQLRequestError ? e.errors.map((x) => x.extensions?.code) : [];
        if (codes.includes('FORBIDDEN')) setError(t('editor.forbidden'));
        else if (codes.includes('NOT_FOUND') || codes.includes('BAD_USER_INPUT')) setError(t('editor.notFound'));
        else setError(t('admin.error', { message: e instanceof Error ? e.message : String(e) }));
      });
    return () => controller.abort();
  }, [id, version, t]);

  const current = SECTIONS.find((s) => s.slug === section) ?? SECTIONS[0]!;
  useEffect(() => {
    if (point) document.title = `${t(current.label)} — ${point.name} — Maillage`;
  }, [point, current, t]);

  if (error)
    return (
      <>
        <p>
          <Link href="/admin">← {t('editor.back')}</Link>
        </p>
        <p role="alert" className="error">
          {error}
        </p>
      </>
    );
  if (!point || point.id !== id) return <p role="status">{t('admin.loading')}</p>;
  const admin = hasRole(user, 'ORGANISATION_ADMIN');
  const base = `/admin/points/${encodeURIComponent(point.id)}`;
  return (
    <article aria-labelledby="point-title">
      <p>
        <Link href="/admin">← {t('editor.back')}</Link>
      </p>
      <h1 id="point-title">{point.name}</h1>
      <p className="meta">
        <span>{point.organisation.name}</span>
        <span>
          {point.postcode} {point.town}
        </span>
        <Link href={`/points/${encodeURIComponent(point.id)}`}>{t('editor.publicPage')}</Link>
      </p>
      <nav aria-label={t('editor.sections')} className="admin-tabs">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.slug}>
              <Link href={s.slug ? `${base}/${s.slug}` : base} ariaCurrent={s === current ? 'page' : undefined}>
                {t(s.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="section-title" lang={lang}>
        <h2 id="section-title">{t(current.label)}</h2>
        {!admin && ['tarifs', 'couts', 'adaptateurs'].includes(current.slug) ? <p className="notice">{t('editor.adminsOnly')}</p> : null}
        {current.slug === '' && <PointFieldsForm key={point.id} point={point} onSaved={reload} />}
        {current.slug === 'salles' && <RoomsEditor key={point.id} point={point} onSaved={reload} />}
        {current.slug === 'systemes' && <EndpointsPanel key={point.id} point={point} />}
        {current.slug === 'horaires' && <OpeningHoursEditor key={point.id} point={point} onSaved={reload} />}
        {current.slug === 'regles' && <BookingPolicyForm key={point.id} point={point} onSaved={reload} />}
        {current.slug === 'tarifs' && <TariffEditor key={point.id} point={point} />}
        {current.slug === 'couts' && <CostsPanel key={point.id} point={point} />}
        {current.slug === 'adaptateurs' && <AdaptersPanel key={point.id} point={point} />}
      </section>
    </article>
  );
}
