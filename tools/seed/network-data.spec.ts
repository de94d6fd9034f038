import { NETWORK_OPERATOR, SEED_ORGANISATIONS, SeedPoint, SeedWeeklyRule } from './network-data';

const LANNION = { latitude: 48.7326, longitude: -3.4566 };

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

const allOrganisations = [NETWORK_OPERATOR, ...SEED_ORGANISATIONS];
const allPoints: SeedPoint[] = SEED_ORGANISATIONS.flatMap((o) => o.points);
const BRETON_POSTCODE = /^(22|29|35|56)\d{3}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('seed network data', () => {
  it('has the network operator, without points', () => {
    expect(NETWORK_OPERATOR).toMatchObject({ name: 'Mégalis Bretagne', kind: 'NETWORK_OPERATOR', postcode: '35510', points: [] });
  });

  it('has at least 40 organisations, each with at least one point', () => {
    expect(SEED_ORGANISATIONS.length).toBeGreaterThanOrEqual(40);
    expect(SEED_ORGANISATIONS.filter((o) => o.points.length === 0).map((o) => o.slug)).toEqual([]);
    expect(SEED_ORGANISATIONS.some((o) => o.kind === 'NETWORK_OPERATOR')).toBe(false);
  });

  it('gives Brest métropole its 15 points', () => {
    const brest = SEED_ORGANISATIONS.filter((o) => o.slug === 'brest-metropole');
    expect(brest).toHaveLength(1);
    expect(brest[0].points).toHaveLength(15);
  });

  it('has unique, kebab-case slugs across organisations and points', () => {
    const slugs = [...allOrganisations.map((o) => o.slug), ...allPoints.map((p) => p.slug)];
    expect(slugs.filter((s) => !SLUG.test(s))).toEqual([]);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it('places every point inside Brittany', () => {
    const outside = allPoints.filter(
      (p) => !(p.latitude >= 47.2 && p.latitude <= 48.95 && p.longitude >= -5.2 && p.longitude <= -1.0),
    );
    expect(outside.map((p) => p.slug)).toEqual([]);
  });

  it('uses Breton 5-digit postcodes (organisations, territories, points)', () => {
    const bad = [
      ...SEED_ORGANISATIONS.flatMap((o) => [o.postcode, ...o.territoryPostcodes].map((pc) => `${o.slug}:${pc}`)),
      ...allPoints.map((p) => `${p.slug}:${p.postcode}`),
    ].filter((entry) => !BRETON_POSTCODE.test(entry.split(':')[1]));
    expect(bad).toEqual([]);
    for (const o of SEED_ORGANISATIONS) expect(o.territoryPostcodes).toContain(o.postcode);
  });

  it('has well-formed weekly rules, opens < closes, without overlap on a weekday', () => {
    const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
    const problems: string[] = [];
    for (const p of allPoints) {
      const byDay = new Map<number, SeedWeeklyRule[]>();
      for (const r of p.weekly) {
        if (!Number.isInteger(r.weekday) || r.weekday < 1 || r.weekday > 7) problems.push(`${p.slug}: weekday ${r.weekday}`);
        if (!HHMM.test(r.opens) || !HHMM.test(r.closes) || r.opens === '24:00') problems.push(`${p.slug}: format ${r.opens}-${r.closes}`);
        if (minutes(r.opens) >= minutes(r.closes)) problems.push(`${p.slug}: ${r.opens} >= ${r.closes}`);
        byDay.set(r.weekday, [...(byDay.get(r.weekday) ?? []), r]);
      }
      for (const [day, rules] of byDay) {
        const sorted = [...rules].sort((a, b) => minutes(a.opens) - minutes(b.opens));
        for (let i = 1; i < sorted.length; i++) {
          if (minutes(sorted[i].opens) < minutes(sorted[i - 1].closes)) problems.push(`${p.slug}: overlap on day ${day}`);
        }
      }
      if (p.status === 'ACTIVE' && p.weekly.length === 0) problems.push(`${p.slug}: active without opening hours`);
    }
    expect(problems).toEqual([]);
  });

  it('has rooms with capacity 1–200 and a bandwidth of at least 512 kbit/s', () => {
    const bad = allPoints.flatMap((p) => [
      ...(p.rooms.length === 0 ? [`${p.slug}: no room`] : []),
      ...p.rooms.filter((r) => !Number.isInteger(r.capacity) || r.capacity < 1 || r.capacity > 200).map((r) => `${p.slug}: ${r.name} ${r.capacity}`),
      ...(p.bandwidthKbps >= 512 ? [] : [`${p.slug}: ${p.bandwidthKbps} kbit/s`]),
    ]);
    expect(bad).toEqual([]);
  });

  it('has at least 3 active points within 30 km of Lannion', () => {
    const near = allPoints.filter((p) => p.status === 'ACTIVE' && haversineKm(LANNION, p) <= 30);
    expect(near.length).toBeGreaterThanOrEqual(3);
  });

  it('is varied: several access policies, statuses, host-site types, shared and dedicated rooms', () => {
    const distinct = <T>(xs: T[]) => new Set(xs).size;
    expect(distinct(allPoints.map((p) => p.accessPolicy))).toBe(4);
    expect(distinct(allPoints.map((p) => p.status))).toBe(3);
    expect(distinct(allPoints.map((p) => p.hostSiteType))).toBeGreaterThanOrEqual(5);
    expect(distinct(allPoints.flatMap((p) => p.rooms.map((r) => r.dedicated)))).toBe(2);
    expect(allPoints.some((p) => p.weekly.some((r) => r.onRequest && r.closes === '24:00'))).toBe(true);
    expect(allPoints.some((p) => p.weekly.some((r) => r.weekday === 6))).toBe(true);
  });
});
