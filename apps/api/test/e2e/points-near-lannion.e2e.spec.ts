import { startTestApi, type TestApi } from '../harness';

const NEAR = `query($lat: Float!, $lon: Float!, $km: Float!) {
  points(filter: { near: { latitude: $lat, longitude: $lon, radiusKm: $km } }, first: 50) {
    totalCount
    edges { node { distanceKm point { slug name town organisation { name } rooms { capacity } } } }
  }
}`;

describe('a visitor looks for the points within 30 km of Lannion', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('finds the seeded points of the Trégor, nearest first', async () => {
    const res = await api.gql<{ points: { totalCount: number; edges: { node: { distanceKm: number; point: { slug: string; town: string } } }[] } }>(NEAR, {
      lat: 48.7326,
      lon: -3.4566,
      km: 30,
    });
    expect(res.errors).toBeUndefined();
    const hits = res.data!.points.edges.map((e) => e.node);
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(hits.map((h) => h.point.town)).toEqual(expect.arrayContaining(['Lannion']));
    expect(hits.every((h) => h.distanceKm <= 30)).toBe(true);
    expect(hits.map((h) => h.distanceKm)).toEqual([...hits.map((h) => h.distanceKm)].sort((a, b) => a - b));
    expect(res.data!.points.totalCount).toBe(hits.length);
  });

  it('finds none of them within 30 km of Rennes', async () => {
    const res = await api.gql<{ points: { edges: { node: { point: { town: string } } }[] } }>(NEAR, { lat: 48.1173, lon: -1.6778, km: 30 });
    expect(res.data!.points.edges.map((e) => e.node.point.town)).not.toContain('Lannion');
  });
});
