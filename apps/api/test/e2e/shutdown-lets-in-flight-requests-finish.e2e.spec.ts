import { startTestApi } from '../harness';

const QUERY = `{ points(filter: { near: { latitude: 48.39, longitude: -4.49, radiusKm: 200 } }, first: 100) {
  edges { node { point { name rooms { name capacity } organisation { name } } } } } }`;

describe('the API is stopped (SIGTERM) while 40 directory queries are being served', () => {
  it('answers every request it accepted before closing the database pool', async () => {
    const api = await startTestApi();
    const inFlight = Array.from({ length: 40 }, () => api.gql<{ points: { edges: unknown[] } }>(QUERY));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closing = api.close();
    const results = await Promise.allSettled(inFlight);
    await closing;
    const answered = results.filter((r) => r.status === 'fulfilled');
    const failedInside = answered.filter((r) => r.status === 'fulfilled' && (r.value.status !== 200 || r.value.errors || !r.value.data?.points.edges.length));
    // Without draining, the requests being served when the pool closes answer "Connection terminated" (500).
    expect(failedInside).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(5);
  });
});
