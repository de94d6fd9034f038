import { MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH, OUTLINE_PATH, project, PX_PER_KM } from '../map/outline';
import { useI18n } from '../i18n-context';

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

/**
 * The offline map: Brittany's rough outline (map/brittany.geo.json) as SVG with a marker per point and the
 * search circle. No tile server (VITE_TILE_URL is reserved for an optional background later). The list next
 * to it carries the same information for keyboard and screen-reader users, so the map is one image.
 */
export function MapView({ points, centre }: { points: readonly MapPoint[]; centre?: { name: string; latitude: number; longitude: number; radiusKm: number } }) {
  const { t } = useI18n();
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT.toFixed(0)}`} role="img" aria-label={t('directory.mapLabel', { count: points.length })} data-testid="map">
        <title>{t('directory.map')}</title>
        <rect width={WIDTH} height={HEIGHT} className="sea" />
        <path d={OUTLINE_PATH} className="land" />
        {centre && (
          <g className="search-area">
            <circle cx={project(centre.longitude, centre.latitude)[0]} cy={project(centre.longitude, centre.latitude)[1]} r={PX_PER_KM * centre.radiusKm} />
            <path d={`M${project(centre.longitude, centre.latitude).map((v) => v.toFixed(1)).join(',')}m-6,0h12m-6,-6v12`} className="centre" />
          </g>
        )}
        {points.map((p) => {
          const [x, y] = project(p.longitude, p.latitude);
          return <circle key={p.id} className="marker" data-testid="marker" data-point-id={p.id} cx={x.toFixed(1)} cy={y.toFixed(1)} r={5} />;
        })}
      </svg>
      <figcaption>{t('directory.mapNote')}</figcaption>
    </figure>
  );
}
