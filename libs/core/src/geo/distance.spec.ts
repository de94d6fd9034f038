import { haversineKm, roadKm } from './distance';

describe('distances between points of the network', () => {
  const lannion = { latitude: 48.7326, longitude: -3.4566 };
  const rennes = { latitude: 48.1173, longitude: -1.6778 };

  it('puts Lannion about 148 km from Rennes as the crow flies', () => {
    expect(haversineKm(lannion, rennes)).toBeCloseTo(148.4, 0);
  });

  it('estimates the road distance with the 1.3 detour factor (Lannion–Rennes by road is about 190 km)', () => {
    expect(roadKm(lannion, rennes)).toBeGreaterThan(180);
    expect(roadKm(lannion, rennes)).toBeLessThan(200);
  });

  it('is zero for the same place and symmetric', () => {
    expect(haversineKm(lannion, lannion)).toBe(0);
    expect(haversineKm(lannion, rennes)).toBeCloseTo(haversineKm(rennes, lannion), 9);
  });
});
