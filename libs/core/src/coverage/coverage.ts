/**
 * Coverage of the territory: the Region's aim is that nobody lives more than 20 km (great-circle,
 * from the centre of their commune) from an active public point. Pure functions over the communes
 * (population, centre) and the points (coordinates); the API feeds them the communes of Brittany
 * from the dataset packages and the active points from the database.
 */
import { invalidInput } from '../errors/domain-error';
import { type Coordinates, haversineKm } from '../geo/distance';

export const COVERAGE_RADIUS_KM = 20;

export interface CoverageCommune extends Coordinates {
  /** INSEE code. */
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly epciCode?: string | null;
  /** True when the centre is an approximation (see the dataset loader). */
  readonly approximateCentre?: boolean;
}

export interface CoveragePoint extends Coordinates {
  readonly id: string;
}

export interface UncoveredCommune {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  /** Distance to the nearest active point, km (Infinity when there is none). */
  readonly nearestKm: number;
}

export interface Coverage {
  readonly radiusKm: number;
  readonly communes: number;
  readonly population: number;
  readonly coveredPopulation: number;
  /** coveredPopulation / population, 0..1. */
  readonly share: number;
  /** Communes farther than the radius from every point, most populous first. */
  readonly uncovered: readonly UncoveredCommune[];
}

export interface OpeningGain {
  readonly code: string;
  readonly name: string;
  /** Population that opening a point at this commune's centre would bring within the radius. */
  readonly addedPopulation: number;
  readonly newlyCovered: readonly string[];
  readonly shareAfter: number;
}

function checkRadius(radiusKm: number): void {
  if (!(typeof radiusKm === 'number' && radiusKm > 0 && radiusKm <= 200)) throw invalidInput(['radiusKm'], 'radiusKm must be between 0 and 200', { messageFr: 'Rayon invalide (0 à 200 km)' });
}

const nearestKm = (c: Coordinates, points: readonly Coordinates[]): number => points.reduce((best, p) => Math.min(best, haversineKm(c, p)), Infinity);

/** Share of the population within `radiusKm` of a point, and the communes left out. */
export function computeCoverage(communes: readonly CoverageCommune[], points: readonly CoveragePoint[], radiusKm = COVERAGE_RADIUS_KM): Coverage {
  checkRadius(radiusKm);
  let population = 0;
  let covered = 0;
  const uncovered: UncoveredCommune[] = [];
  for (const c of communes) {
    population += c.population;
    const d = nearestKm(c, points);
    if (d <= radiusKm) covered += c.population;
    else uncovered.push({ code: c.code, name: c.name, population: c.population, nearestKm: d });
  }
  uncovered.sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
  return { radiusKm, communes: communes.length, population, coveredPopulation: covered, share: population ? covered / population : 0, uncovered };
}

/** What opening a point at the centre of commune `code` would add to the coverage. */
export function openingGain(communes: readonly CoverageCommune[], points: readonly CoveragePoint[], code: string, radiusKm = COVERAGE_RADIUS_KM): OpeningGain {
  checkRadius(radiusKm);
  const site = communes.find((c) => c.code === code);
  if (!site) throw invalidInput(['communeCode'], `Unknown commune ${code}`, { messageFr: 'Commune inconnue' });
  const before = computeCoverage(communes, points, radiusKm);
  return gainOf(site, before, uncoveredCentres(communes, before), radiusKm);
}

/** The uncovered communes with their centres, in the coverage's order. */
const uncoveredCentres = (communes: readonly CoverageCommune[], before: Coverage): { u: UncoveredCommune; at: Coordinates }[] => {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  return before.uncovered.map((u) => ({ u, at: byCode.get(u.code)! }));
};

function gainOf(site: CoverageCommune, before: Coverage, uncovered: readonly { u: UncoveredCommune; at: Coordinates }[], radiusKm: number): OpeningGain {
  const newly = uncovered.filter((x) => haversineKm(site, x.at) <= radiusKm).map((x) => x.u);
  const added = newly.reduce((s, u) => s + u.population, 0);
  return { code: site.code, name: site.name, addedPopulation: added, newlyCovered: newly.map((u) => u.code), shareAfter: before.population ? (before.coveredPopulation + added) / before.population : 0 };
}

/** The communes where a new point would add the most population, best first. */
export function bestOpenings(communes: readonly CoverageCommune[], points: readonly CoveragePoint[], limit = 10, radiusKm = COVERAGE_RADIUS_KM): OpeningGain[] {
  checkRadius(radiusKm);
  const before = computeCoverage(communes, points, radiusKm);
  const uncovered = uncoveredCentres(communes, before);
  const gains = communes.map((c) => gainOf(c, before, uncovered, radiusKm)).filter((g) => g.addedPopulation > 0);
  gains.sort((a, b) => b.addedPopulation - a.addedPopulation || a.code.localeCompare(b.code));
  return gains.slice(0, Math.max(0, limit));
}
