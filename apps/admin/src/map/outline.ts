import outline from './brittany.geo.json';
import { BRITTANY_BOX, projector, ringsToPath } from './projection';

// The offline map's frame, shared by the directory map and the evaluation map: the projection of Brittany
// at a fixed SVG width, its outline as one path, and the scale (pixels per km, north–south).
export const MAP_WIDTH = 640;
const frame = projector(BRITTANY_BOX, MAP_WIDTH);
export const MAP_HEIGHT = frame.height;
export const project = frame.project;
const KM_PER_DEGREE_LAT = 111.2;
export const PX_PER_KM = Math.abs((project(0, 0)[1] - project(0, -1)[1]) / KM_PER_DEGREE_LAT);
export const OUTLINE_PATH = (outline as { features: { geometry: { coordinates: number[][][][] } }[] }).features
  .flatMap((f) => f.geometry.coordinates)
  .map((polygon) => ringsToPath(polygon, project))
  .join('');
