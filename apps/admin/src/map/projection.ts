// An equirectangular projection centred on Brittany (x scaled by cos of the mean latitude): at this size
// and latitude the distortion is well under the outline's own roughness.
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export const BRITTANY_BOX: Box = { west: -5.3, south: 47.15, east: -0.9, north: 49.15 };

export function projector(box: Box, width: number) {
  const k = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
  const scale = width / ((box.east - box.west) * k);
  const height = (box.north - box.south) * scale;
  return {
    width,
    height,
    project: (longitude: number, latitude: number): [number, number] => [(longitude - box.west) * k * scale, (box.north - latitude) * scale],
  };
}

/** An SVG path for GeoJSON polygon rings. */
export function ringsToPath(rings: readonly (readonly (readonly number[])[])[], project: (lon: number, lat: number) => [number, number]): string {
  return rings
    .map((ring) => ring.map(([lon = 0, lat = 0], i) => `${i ? 'L' : 'M'}${project(lon, lat).map((v) => v.toFixed(1)).join(',')}`).join('') + 'Z')
    .join('');
}
