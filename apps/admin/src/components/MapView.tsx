import outline from '../map/brittany.geo.json';
import { BRITTANY_BOX, projector, ringsToPath } from '../map/projection';
import { useI18n } from '../i18n-context';

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

const WIDTH = 640;
const { height: HEIGHT, project } = projector(BRITTANY_BOX, WIDTH);
const KM_PER_DEGREE_LAT = 111.2;
const OUTLINE_PATH = (outline as { features: { geometry: { coordinates: number[][][][] } }[] }).features
  .flatMap((f) => f.geometry.coordinates)
  .map((polygon) => ringsToPath(polygon, project))
  .join('');

/**
 * The offline map: Brittany's rough outline (map/brittany.geo.json) as SVG with a marker per point and the
 * search circle. No tile server (VITE_TILE_URL is reserved for an optional background later). The list next
 * to it carries the same information for keyboard and screen-reader users, so the map is one image.
 */
export function MapView({ points, centre }: { points: readonly MapPoint[]; centre?: { name: string; latitude: number; longitude: number; radiusKm: number } }) {
  const { t } = useI18n();
  const pxPerKm = (project(0, 0)[1] - project(0, -1)[1]) / -KM_PER_DEGREE_LAT;
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT.toFixed(0)}`} role="img" aria-label={t('directory.mapLabel', { count: points.length })} data-testid="map">
        <title>{t('directory.map')}</title>
        <rect width={WIDTH} height={HEIGHT} className="sea" />
        <path d={OUTLINE_PATH} className="land" />
        {centre && (
          <g className="search-area">
            <circle cx={project(centre.longitude, centre.latitude)[0]} cy={project(centre.longitude, centre.latitude)[1]} r={Math.abs(pxPerKm) * centre.radiusKm} />
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
