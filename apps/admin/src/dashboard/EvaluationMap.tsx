import { MAP_HEIGHT, MAP_WIDTH, OUTLINE_PATH, project, PX_PER_KM } from '../map/outline';
import type { EvaluationMetricsQuery, TerritoryCoverageQuery } from '../generated/graphql';
import { useDashboardI18n } from './messages';

type PointRow = EvaluationMetricsQuery['evaluationMetrics']['byPoint'][number];
type Uncovered = TerritoryCoverageQuery['territoryCoverage']['uncovered'][number];

/**
 * The offline map of the evaluation (the directory's outline and projection): a marker per point sized by
 * its uses, the coverage circle around each, the most populous uncovered communes as crosses. One image:
 * the tables next to it (points, uncovered communes) carry the same data for screen-reader users.
 */
export function EvaluationMap({ points, uncovered, radiusKm }: { points: readonly PointRow[]; uncovered: readonly Uncovered[]; radiusKm: number }) {
  const { t } = useDashboardI18n();
  const most = Math.max(1, ...points.map((p) => p.uses));
  return (
    <figure className="map evaluation-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT.toFixed(0)}`} role="img" aria-label={t('eval.mapLabel', { points: points.length, radius: radiusKm, uncovered: uncovered.length })} data-testid="evaluation-map">
        <title>{t('eval.map', { radius: radiusKm })}</title>
        <rect width={MAP_WIDTH} height={MAP_HEIGHT} className="sea" />
        <path d={OUTLINE_PATH} className="land" />
        <g className="coverage">
          {points.map((p) => {
            const [x, y] = project(p.longitude, p.latitude);
            return <circle key={p.pointId} cx={x.toFixed(1)} cy={y.toFixed(1)} r={(PX_PER_KM * radiusKm).toFixed(1)} />;
          })}
        </g>
        {uncovered.map((u) => {
          const [x, y] = project(u.longitude, u.latitude);
          return <path key={u.code} className="uncovered" d={`M${(x - 4).toFixed(1)},${(y - 4).toFixed(1)}l8,8m-8,0l8,-8`} />;
        })}
        {points.map((p) => {
          const [x, y] = project(p.longitude, p.latitude);
          return <circle key={p.pointId} className="marker" data-testid="usage-marker" cx={x.toFixed(1)} cy={y.toFixed(1)} r={(3 + 7 * Math.sqrt(p.uses / most)).toFixed(1)} />;
        })}
      </svg>
      <figcaption>{t('eval.mapNote', { radius: radiusKm })}</figcaption>
    </figure>
  );
}
