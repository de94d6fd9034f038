export interface Coordinates {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine on the mean Earth radius). */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Road distance is estimated as the great-circle distance times 1.3, the detour index commonly
 * used for French rural and peri-urban road networks (between 1.2 and 1.4 in published studies).
 * Islands are not covered by it: a crossing is counted separately by the impact calculator.
 */
export const ROAD_DETOUR_FACTOR = 1.3;

export const roadKm = (a: Coordinates, b: Coordinates) => haversineKm(a, b) * ROAD_DETOUR_FACTOR;
