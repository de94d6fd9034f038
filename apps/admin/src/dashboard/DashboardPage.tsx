import { type FormEvent, useEffect, useState } from 'react';
import { request } from '../api';
import type { EvaluationMetricsQuery, RequesterCategory, TerritoryCoverageQuery } from '../generated/graphql';
import { isNetworkAdmin, useSignedIn } from '../admin/auth';
import { SelectField, TextField } from '../admin/forms';
import { Link } from '../router';
import { Bars, ChartFigure, DataTable, SERIES, Trend } from './charts';
import { EvaluationMap } from './EvaluationMap';
import { downloadExport, exportQuery } from './exports';
import { type DashboardTranslate, useDashboardI18n } from './messages';
import { EVALUATION_METRICS, TERRITORY_COVERAGE } from './operations';

export type Metrics = EvaluationMetricsQuery['evaluationMetrics'];
export type Coverage = TerritoryCoverageQuery['territoryCoverage'];
type Figures = Metrics['totals'];

const CATEGORIES: RequesterCategory[] = ['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'];
const RADIUS_KM = 20;

export interface Filter {
  from: string;
  to: string;
  organisationId: string;
  category: '' | RequesterCategory;
}

const thisYear = () => String(new Date().getFullYear());
export const yearFilter = (year: string, organisationId = ''): Filter => ({ from: `${year}-01`, to: `${year}-12`, organisationId, category: '' });

/** Loads the metrics of a filter and the coverage of Brittany; null while loading. */
export function useEvaluation(filter: Filter) {
  const [data, setData] = useState<{ metrics: Metrics; coverage: Coverage } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setData(null);
    setError(null);
    Promise.all([
      request(EVALUATION_METRICS, { filter: { from: filter.from, to: filter.to, ...(filter.organisationId ? { organisationId: filter.organisationId } : {}), ...(filter.category ? { category: filter.category } : {}) } }, controller.signal),
      request(TERRITORY_COVERAGE, { radiusKm: RADIUS_KM }, controller.signal),
    ])
      .then(([m, c]) => setData({ metrics: m.evaluationMetrics, coverage: c.territoryCoverage }))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [filter.from, filter.to, filter.organisationId, filter.category]);
  return { data, error };
}

/** The key figures as (label, value) pairs, shared by the dashboard and the printed report. */
export function keyFigures(t: DashboardTranslate, n: (v: number) => string, m: Metrics): [string, string][] {
  const f = m.totals;
  return [
    [t('eval.uses'), n(f.uses)],
    [t('eval.noShows'), n(f.noShows)],
    [t('eval.failed'), n(f.failed)],
    [t('eval.cancelledLate'), n(f.cancelledLate)],
    [t('eval.km'), t('eval.unit.km', { value: n(f.kmAvoided) })],
    [t('eval.co2'), t('eval.unit.kg', { value: n(f.co2eNetKg) })],
    [t('eval.time'), t('eval.unit.h', { value: n(f.timeSavedHours) })],
    [t('eval.money'), t('eval.unit.eur', { value: n(f.moneySavedEuros) })],
    [t('eval.satisfaction'), f.satisfaction === null ? t('eval.none') : n(f.satisfaction)],
    [t('eval.costPerUse'), m.costPerUseEuros === null ? t('eval.none') : t('eval.unit.eur', { value: n(m.costPerUseEuros) })],
    [t('eval.occupancy'), m.occupancyRate === null ? t('eval.none') : t('eval.unit.pct', { value: n(m.occupancyRate * 100) })],
  ];
}

const figureRow = (label: string, f: Figures): (string | number)[] => [label, f.records, f.uses, f.noShows, f.co2eNetKg];

/** The sections every view of the evaluation shows: charts with their tables, points, coverage. */
export function EvaluationSections({ metrics, coverage }: { metrics: Metrics; coverage: Coverage }) {
  const { t, n } = useDashboardI18n();
  const months = metrics.byMonth.map((m) => ({ ...m, label: m.month }));
  const keyHeaders = [t('eval.key'), t('eval.records'), t('eval.uses'), t('eval.noShows'), t('eval.co2')];
  return (
    <>
      <section aria-labelledby="kpis">
        <h2 id="kpis">{t('eval.kpis')}</h2>
        <dl className="kpis" data-testid="kpis">
          {keyFigures(t, n, metrics).map(([label, value]) => (
            <div key={label} className="kpi">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">
          {t('eval.answers', { count: metrics.totals.surveyAnswers })} · {t('eval.co2Gross')} : {t('eval.unit.kg', { value: n(metrics.totals.co2eGrossKg) })} · {t('eval.factors', { version: metrics.factorTableVersion })}
        </p>
      </section>
      <div className="chart-grid">
        <ChartFigure
          testId="chart-uses"
          title={t('eval.byMonth')}
          description={t('eval.byMonthChart')}
          chart={<Bars data={months} x="label" stacked series={[{ key: 'uses', name: t('eval.uses'), colour: SERIES.primary }, { key: 'noShows', name: t('eval.noShows'), colour: SERIES.secondary }, { key: 'failed', name: t('eval.failed'), colour: SERIES.tertiary }]} />}
          table={<DataTable caption={t('eval.byMonth')} format={n} headers={[t('eval.month'), t('eval.uses'), t('eval.noShows'), t('eval.failed'), t('eval.categories')]} rows={metrics.byMonth.map((m) => [m.month, m.uses, m.noShows, m.failed, m.categories])} />}
        />
        <ChartFigure
          testId="chart-co2"
          title={t('eval.co2ByMonth')}
          description={t('eval.co2ByMonthChart')}
          chart={<Trend data={months} x="label" y="co2eNetKg" name={t('eval.co2')} />}
          table={<DataTable caption={t('eval.co2ByMonth')} format={n} headers={[t('eval.month'), t('eval.co2'), t('eval.km'), t('eval.time')]} rows={metrics.byMonth.map((m) => [m.month, m.co2eNetKg, m.kmAvoided, m.timeSavedHours])} />}
        />
        <ChartFigure
          testId="chart-destinations"
          title={t('eval.byDestination')}
          description={t('eval.byDestinationChart')}
          chart={<Bars data={metrics.byDestination} x="key" series={[{ key: 'records', name: t('eval.records'), colour: SERIES.primary }]} />}
          table={<DataTable caption={t('eval.byDestination')} format={n} headers={keyHeaders} rows={metrics.byDestination.map((d) => figureRow(d.key, d))} />}
        />
        <ChartFigure
          testId="chart-categories"
          title={t('eval.byCategory')}
          description={t('eval.byCategoryChart')}
          chart={<Bars data={metrics.byCategory} x="key" series={[{ key: 'records', name: t('eval.records'), colour: SERIES.secondary }]} />}
          table={<DataTable caption={t('eval.byCategory')} format={n} headers={keyHeaders} rows={metrics.byCategory.map((d) => figureRow(d.key, d))} />}
        />
      </div>
      <section aria-labelledby="purposes" className="two-columns">
        <div>
          <h2 id="purposes">{t('eval.byPurpose')}</h2>
          <DataTable caption={t('eval.byPurpose')} format={n} headers={keyHeaders} rows={metrics.byPurpose.map((d) => figureRow(d.key, d))} />
        </div>
        <div>
          <h2>{t('eval.internal')}</h2>
          <DataTable caption={t('eval.internal')} format={n} headers={keyHeaders} rows={metrics.internalVsExternal.map((d) => figureRow(d.key === 'true' ? t('survey.yes') : t('survey.no'), d))} />
        </div>
      </section>
      <section aria-labelledby="map-title" className="two-columns">
        <div>
          <h2 id="map-title">{t('eval.map', { radius: coverage.radiusKm })}</h2>
          <EvaluationMap points={metrics.byPoint} uncovered={coverage.uncovered} radiusKm={coverage.radiusKm} />
        </div>
        <div>
          <h2>{t('eval.coverage')}</h2>
          <p data-testid="coverage-share">
            {t('eval.coverageShare', { share: n(coverage.share * 100), radius: coverage.radiusKm, covered: n(coverage.coveredPopulation), population: n(coverage.population) })}
          </p>
          <p className="hint">{t('eval.coverageApprox', { count: coverage.approximateCentres })}</p>
          <DataTable caption={t('eval.uncovered', { count: coverage.uncoveredCount })} format={n} headers={[t('eval.commune'), t('eval.population'), t('eval.nearest')]} rows={coverage.uncovered.map((u) => [u.name, u.population, t('eval.unit.km', { value: n(u.nearestKm) })])} />
          <DataTable caption={t('eval.openings')} format={n} headers={[t('eval.commune'), t('eval.added'), t('eval.shareAfter')]} rows={coverage.bestOpenings.map((o) => [o.name, o.addedPopulation, t('eval.unit.pct', { value: n(o.shareAfter * 100) })])} />
        </div>
      </section>
      <section aria-labelledby="points-title">
        <h2 id="points-title">{t('eval.byPoint')}</h2>
        <DataTable
          caption={t('eval.byPoint')}
          testId="points-table"
          format={n}
          headers={[t('eval.point'), t('eval.town'), t('eval.uses'), t('eval.noShows'), t('eval.co2'), t('eval.occupancy')]}
          rows={metrics.byPoint.map((p) => [p.pointName, p.town, p.uses, p.noShows, p.co2eNetKg, p.occupancyRate === null ? t('eval.none') : t('eval.unit.pct', { value: n(p.occupancyRate * 100) })])}
        />
      </section>
      <section aria-labelledby="failures-title" className="two-columns">
        <div>
          <h2 id="failures-title">{t('eval.failures')}</h2>
          {metrics.failuresByCause.length ? (
            <DataTable caption={t('eval.failures')} format={n} headers={[t('eval.cause'), t('eval.count')]} rows={metrics.failuresByCause.map((f) => [f.key, f.count])} />
          ) : (
            <p>{t('eval.noFailure')}</p>
          )}
        </div>
        <div>
          <h2>{t('eval.unmet')}</h2>
          <dl className="kpis small">
            {[
              [t('eval.unmetSearches'), metrics.unmetDemand.searchesWithoutSlot],
              [t('eval.unmetRejected'), metrics.unmetDemand.rejected],
              [t('eval.unmetConflicts'), metrics.unmetDemand.conflicts],
            ].map(([label, value]) => (
              <div key={label} className="kpi">
                <dt>{label}</dt>
                <dd>{n(Number(value))}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
    </>
  );
}

/** The evaluation once loaded, or why not yet (loading, or the API's refusal). */
export function EvaluationBody({ data, error }: ReturnType<typeof useEvaluation>) {
  const { t } = useDashboardI18n();
  if (error)
    return (
      <p role="alert" className="error">
        {t('eval.error', { message: error })}
      </p>
    );
  if (!data) return <p role="status">{t('eval.loading')}</p>;
  return <EvaluationSections metrics={data.metrics} coverage={data.coverage} />;
}

/** `/admin/evaluation`: the Region's dashboard (network admin) or an EPCI's (its staff): filters, charts, map, exports. */
export function DashboardPage() {
  const { t } = useDashboardI18n();
  const { user, organisations } = useSignedIn();
  const network = isNetworkAdmin(user);
  const initial = yearFilter(thisYear(), network ? '' : (user.organisationId ?? ''));
  const [draft, setDraft] = useState<Filter>(initial);
  const [filter, setFilter] = useState<Filter>(initial);
  const [exportError, setExportError] = useState<string | null>(null);
  const evaluation = useEvaluation(filter);
  useEffect(() => {
    document.title = `${t('eval.title')} — Maillage`;
  }, [t]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const query = exportQuery(filter);
  const year = filter.from.slice(0, 4);
  const exportAs = (kind: 'csv' | 'xlsx') => {
    setExportError(null);
    downloadExport(kind, query).catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="dashboard">
      <h1>{t('eval.title')}</h1>
      <p>{t('eval.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('eval.filters')}>
        <TextField label={t('eval.from')} type="month" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <TextField label={t('eval.to')} type="month" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        {network && (
          <SelectField
            label={t('eval.organisation')}
            value={draft.organisationId}
            options={[{ value: '', label: t('eval.allNetwork') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            onChange={(organisationId) => setDraft({ ...draft, organisationId })}
          />
        )}
        <SelectField<'' | RequesterCategory>
          label={t('eval.category')}
          value={draft.category}
          options={[{ value: '', label: t('eval.allCategories') }, ...CATEGORIES.map((c) => ({ value: c, label: c }))]}
          onChange={(category) => setDraft({ ...draft, category })}
        />
        <button type="submit" className="primary">
          {t('eval.apply')}
        </button>
      </form>
      <div className="export-bar">
        <span>{t('eval.exports')} :</span>
        <button type="button" className="secondary" onClick={() => exportAs('csv')}>
          {t('eval.csv')}
        </button>
        <button type="button" className="secondary" onClick={() => exportAs('xlsx')}>
          {t('eval.xlsx')}
        </button>
        <Link href={`/admin/evaluation/rapport?annee=${year}${filter.organisationId ? `&organisation=${filter.organisationId}` : ''}`}>{t('eval.report')}</Link>
      </div>
      {exportError && (
        <p role="alert" className="error">
          {exportError}
        </p>
      )}
      <EvaluationBody {...evaluation} />
    </div>
  );
}
