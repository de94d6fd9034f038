import { lazy, Suspense, useEffect, useState } from 'react';
import { request } from '../api';
import type { AdminPointsQuery, PointFilter } from '../generated/graphql';
import { Link } from '../router';
import { hasRole, isNetworkAdmin, useSignedIn } from './auth';

// Creating a point (issue 14's console screens): its own chunk.
const NewPointForm = lazy(() => import('../console/NewPointForm').then((m) => ({ default: m.NewPointForm })));
import { ScrollBox, SelectField } from './forms';
import { useAdminI18n } from './messages';
import { ADMIN_POINTS } from './operations';

type PointRow = AdminPointsQuery['points']['edges'][number]['node']['point'];
const ALL_STATUSES: PointFilter['statuses'] = ['ACTIVE', 'ON_HOLD', 'DISMANTLED'];

/** Every point of a filter, page by page (the API gives at most 100 at a time). */
async function allPoints(filter: PointFilter, signal: AbortSignal): Promise<PointRow[]> {
  const rows: PointRow[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: AdminPointsQuery = await request(ADMIN_POINTS, { filter, first: 100, after }, signal);
    rows.push(...data.points.edges.map((e) => e.node.point));
    if (!data.points.pageInfo.hasNextPage) break;
    after = data.points.pageInfo.endCursor;
  }
  return rows.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'fr') || a.name.localeCompare(b.name, 'fr'));
}

/** `/admin`: the points of the signed-in user's organisation; network admins choose among all organisations. */
export function PointsPage() {
  const { t, tp } = useAdminI18n();
  const { user, organisations } = useSignedIn();
  const network = isNetworkAdmin(user);
  const [organisationId, setOrganisationId] = useState<string>(network ? '' : (user.organisationId ?? ''));
  const [points, setPoints] = useState<PointRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setPoints(null);
    setError(null);
    const filter: PointFilter = { statuses: ALL_STATUSES, ...(organisationId ? { organisationId } : {}) };
    allPoints(filter, controller.signal)
      .then(setPoints)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(t('admin.error', { message: e instanceof Error ? e.message : String(e) }));
      });
    return () => controller.abort();
  }, [organisationId, t]);

  return (
    <section aria-labelledby="points-title">
      <h1 id="points-title">{t('points.title')}</h1>
      {network ? (
        <div className="filters">
          <SelectField
            label={t('points.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            options={[{ value: '', label: t('points.allOrganisations', { count: organisations.length }) }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </div>
      ) : (
        <p>{t('points.ofOrganisation', { name: organisations[0]?.name ?? '' })}</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!points && !error && <p role="status">{t('admin.loading')}</p>}
      {points && (
        <>
          <p role="status" data-testid="points-count">
            {t('points.count', { count: points.length })}
          </p>
          <ScrollBox label={t('points.title')}>
            <table className="admin-table" data-testid="admin-points">
              <thead>
                <tr>
                  <th scope="col">{t('points.name')}</th>
                  <th scope="col">{t('points.town')}</th>
                  {network && <th scope="col">{t('points.organisation')}</th>}
                  <th scope="col">{t('points.status')}</th>
                  <th scope="col">{t('points.rooms')}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/admin/points/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                    </th>
                    <td>
                      {p.postcode} {p.town}
                    </td>
                    {network && <td>{p.organisation.name}</td>}
                    <td>{t(`status.${p.status}`)}</td>
                    <td>{p.rooms.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          {points.length === 0 && <p>{tp('directory.none')}</p>}
        </>
      )}
      {hasRole(user, 'ORGANISATION_ADMIN') && (organisationId || user.organisationId) && (
        <Suspense fallback={null}>
          <NewPointForm organisationId={organisationId || user.organisationId!} />
        </Suspense>
      )}
    </section>
  );
}
