import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { request } from '../api';
import { MapView } from '../components/MapView';
import { formatDistance } from '../format';
import type { DirectoryQuery, DirectoryQueryVariables, PointFilter } from '../generated/graphql';
import { useI18n } from '../i18n-context';
import { DIRECTORY } from '../operations';
import { Link, navigate, useLocation } from '../router';
import { findTown, townList, type Town } from '../towns';

type Hit = DirectoryQuery['points']['edges'][number]['node'];

interface Criteria {
  town: string;
  radius: string;
  openAt: string;
  minCapacity: string;
  accessible: boolean;
}

function criteriaFrom(url: URL): Criteria {
  const q = url.searchParams;
  return { town: q.get('town') ?? '', radius: q.get('radius') ?? '30', openAt: q.get('openAt') ?? '', minCapacity: q.get('minCapacity') ?? '', accessible: q.get('accessible') === '1' };
}

function queryString(c: Criteria): string {
  const q = new URLSearchParams();
  if (c.town) q.set('town', c.town);
  if (c.town && c.radius) q.set('radius', c.radius);
  if (c.openAt) q.set('openAt', c.openAt);
  if (c.minCapacity) q.set('minCapacity', c.minCapacity);
  if (c.accessible) q.set('accessible', '1');
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

let firstResultsMarked = false;

export function DirectoryPage() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const applied = useMemo(() => criteriaFrom(location), [location]);
  const [form, setForm] = useState<Criteria>(applied);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [known, setKnown] = useState<Town[]>([]);
  const towns = useMemo(() => townList(known), [known]);
  const centreTown = applied.town ? findTown(towns, applied.town) : undefined;
  const radiusKm = Math.min(500, Math.max(1, Number(applied.radius) || 30));
  const townError = applied.town && !centreTown && hits !== null ? t('directory.townUnknown') : null;
  const ids = { town: useId(), townHint: useId(), townError: useId(), radius: useId(), openAt: useId(), capacity: useId(), accessible: useId() };
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => setForm(applied), [applied]);

  useEffect(() => {
    // A town that is only a point's town is found once the first (unfiltered) answer has named it.
    const controller = new AbortController();
    const filter: PointFilter = {};
    if (centreTown) filter.near = { latitude: centreTown.latitude, longitude: centreTown.longitude, radiusKm };
    if (applied.openAt) {
      const at = new Date(applied.openAt);
      if (!Number.isNaN(at.getTime())) filter.openAt = at.toISOString();
    }
    if (Number(applied.minCapacity) > 0) filter.minCapacity = Math.floor(Number(applied.minCapacity));
    if (applied.accessible) filter.accessible = true;
    const variables: DirectoryQueryVariables = { filter, first: 100 };
    setError(null);
    request(DIRECTORY, variables, controller.signal)
      .then((data) => {
        const found = data.points.edges.map((e) => e.node);
        setHits(found);
        setKnown((previous) => townList([...previous, ...found.map((h) => h.point)]));
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [applied, centreTown?.name, radiusKm]);

  useEffect(() => {
    if (hits && !firstResultsMarked) {
      firstResultsMarked = true;
      performance.mark('results-rendered');
    }
  }, [hits]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(queryString(form));
    resultsHeading.current?.focus();
  };
  const summary = hits === null ? t('directory.loading') : centreTown ? t('directory.resultsNear', { count: hits.length, radius: radiusKm, town: centreTown.name }) : t('directory.results', { count: hits.length });

  return (
    <div className="directory">
      <h1>{t('directory.title')}</h1>
      <form className="filters" onSubmit={submit} aria-label={t('directory.filters')} noValidate>
        <div className="field">
          <label htmlFor={ids.town}>{t('directory.town')}</label>
          <input
            id={ids.town}
            name="town"
            list={`${ids.town}-list`}
            autoComplete="off"
            value={form.town}
            aria-describedby={townError ? `${ids.townHint} ${ids.townError}` : ids.townHint}
            aria-invalid={townError ? true : undefined}
            onChange={(e) => setForm({ ...form, town: e.target.value })}
          />
          <datalist id={`${ids.town}-list`}>
            {towns.map((town) => (
              <option key={town.name} value={town.name} />
            ))}
          </datalist>
          <span className="hint" id={ids.townHint}>
            {t('directory.townHint')}
          </span>
          {townError && (
            <span className="field-error" id={ids.townError}>
              {townError}
            </span>
          )}
        </div>
        <div className="field narrow">
          <label htmlFor={ids.radius}>{t('directory.radius')}</label>
          <input id={ids.radius} name="radius" type="number" inputMode="numeric" min={1} max={500} value={form.radius} onChange={(e) => setForm({ ...form, radius: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.openAt}>{t('directory.openAt')}</label>
          <input id={ids.openAt} name="openAt" type="datetime-local" value={form.openAt} onChange={(e) => setForm({ ...form, openAt: e.target.value })} />
        </div>
        <div className="field narrow">
          <label htmlFor={ids.capacity}>{t('directory.minCapacity')}</label>
          <input id={ids.capacity} name="minCapacity" type="number" inputMode="numeric" min={1} value={form.minCapacity} onChange={(e) => setForm({ ...form, minCapacity: e.target.value })} />
        </div>
        <div className="field checkbox">
          <input id={ids.accessible} name="accessible" type="checkbox" checked={form.accessible} onChange={(e) => setForm({ ...form, accessible: e.target.checked })} />
          <label htmlFor={ids.accessible}>{t('directory.accessible')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('directory.search')}
          </button>
          <Link href="/" className="secondary">
            {t('directory.reset')}
          </Link>
        </div>
      </form>
      <div className="results-and-map">
        <section className="results" aria-labelledby="results-heading">
          <h2 id="results-heading" ref={resultsHeading} tabIndex={-1} aria-live="polite">
            {summary}
          </h2>
          {error && (
            <p role="alert" className="error">
              {t('directory.error', { message: error })}
            </p>
          )}
          {hits && hits.length === 0 && <p>{t('directory.none')}</p>}
          {hits && hits.length > 0 && (
            <ol className="result-list" data-testid="results">
              {hits.map(({ point, distanceKm }) => (
                <li key={point.id} data-testid="result">
                  <h3>
                    <Link href={`/points/${encodeURIComponent(point.id)}`}>{point.name}</Link>
                  </h3>
                  <p className="meta">
                    <span>
                      {point.postcode} {point.town}
                    </span>
                    {distanceKm !== null && <span data-testid="distance">{formatDistance(distanceKm, lang)}</span>}
                    <span>{t('directory.seats', { count: Math.max(0, ...point.rooms.map((r) => r.capacity)) })}</span>
                    {point.accessibleReducedMobility && <span className="badge">♿ {t('point.accessible')}</span>}
                    <span>{t(`policy.${point.accessPolicy}`)}</span>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
        <MapView
          points={(hits ?? []).map((h) => h.point)}
          centre={centreTown ? { name: centreTown.name, latitude: centreTown.latitude, longitude: centreTown.longitude, radiusKm } : undefined}
        />
      </div>
    </div>
  );
}
