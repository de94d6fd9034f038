/**
 * Impact factors are data, versioned: a meeting record stores the version of the table it was computed
 * with, so publishing a new table (a corrected ADEME figure, a new kilometre scale) never rewrites past
 * records. A version is frozen once published: add a new one, never edit an old one
 * (`impact-factor-table-v1-is-frozen.spec.ts` pins version 1's figures).
 *
 * Every factor names its source and the date of the figure. `baseEmpreinteId` is the identifier in
 * ADEME's Base Empreinte when it was checked; `null` means "id not verified" (we did not invent one).
 * `verified: false` marks a figure taken from memory of the publication or chosen as an assumption:
 * it must be checked against the source before the Region publishes the figures.
 */

export type TransportMode = 'CAR' | 'TER' | 'TGV' | 'COACH' | 'PLANE' | 'FERRY';
export const TRANSPORT_MODES: readonly TransportMode[] = ['CAR', 'TER', 'TGV', 'COACH', 'PLANE', 'FERRY'];

export interface Factor {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  /** Date of the figure at its source (YYYY-MM or YYYY-MM-DD). */
  readonly sourceDate: string;
  /** ADEME Base Empreinte identifier, or null when not verified. */
  readonly baseEmpreinteId: string | null;
  readonly verified: boolean;
  readonly note?: string;
}

export interface ModeFactors {
  /** kgCO2e per vehicle-km (CAR) or per passenger-km (the others), combustion and upstream. */
  readonly co2e: Factor;
  /** Construction of the vehicle, kgCO2e per vehicle-km (CAR only; counted when `includeConstruction`). */
  readonly construction?: Factor;
  /** Non-CO2 effects of contrails, kgCO2e per passenger-km (PLANE only; counted when `includeContrails`). */
  readonly contrails?: Factor;
  /** Door-to-door average speed on the distance travelled, km/h. */
  readonly speedKmh: Factor;
  /** Fixed access time per one-way trip (station, airport), minutes. */
  readonly accessMinutes: Factor;
  /** What the trip costs: € cents per km (kilometre scale for CAR, an average fare otherwise). */
  readonly costCentsPerKm: Factor;
}

export interface ImpactFactorTable {
  readonly version: number;
  /** Date the table was published in Maillage. */
  readonly publishedOn: string;
  readonly modes: Readonly<Record<TransportMode, ModeFactors>>;
  /** Great-circle km × detour = road km, when no road distance is known. */
  readonly roadDetourFactor: Factor;
  /** People per car when a trip gives people and no vehicle count. */
  readonly carOccupancy: Factor;
  /** One hotel night, kgCO2e per person-night. */
  readonly hotelNightCo2e: Factor;
  /** Night allowance (public agents' scale, province), cents per person-night. */
  readonly nightAllowanceCents: Factor;
  /** Value of one hour of professional travel time, cents. */
  readonly valueOfTimeCentsPerHour: Factor;
  /** The meeting's own footprint, grams CO2e per endpoint-hour, by picture quality. */
  readonly digitalSdGramsPerEndpointHour: Factor;
  readonly digitalHdGramsPerEndpointHour: Factor;
  /** A trip must leave after this local time and be back before `dayTripLatestReturn`, else a night is counted. */
  readonly dayTripEarliestDeparture: string;
  readonly dayTripLatestReturn: string;
}

const ADEME = 'ADEME, Base Empreinte';
const IMPACT_CO2 = 'ADEME, impactCO2.fr « Comparateur visio »';
const FRANCE_STRATEGIE = 'France Stratégie, « L’évaluation socioéconomique des investissements publics » (rapport Quinet), valeurs du temps';
const KM_SCALE = 'Arrêté du 3 juillet 2006 modifié (indemnités kilométriques des agents publics), barème 2023';
const MAILLAGE = 'Hypothèse Maillage (documentée dans docs/adr/0008-impact-methodology-and-meeting-records.md)';

const f = (value: number, unit: string, source: string, sourceDate: string, baseEmpreinteId: string | null, verified: boolean, note?: string): Factor =>
  Object.freeze({ value, unit, source, sourceDate, baseEmpreinteId, verified, ...(note ? { note } : {}) });

/** Version 1, the figures cited by issue 12. */
const V1: ImpactFactorTable = {
  version: 1,
  publishedOn: '2026-12-03',
  modes: {
    CAR: {
      co2e: f(0.192, 'kgCO2e/véhicule.km', `${ADEME}, voiture particulière thermique (combustion + amont)`, '2023', null, true, 'id not verified'),
      construction: f(0.0256, 'kgCO2e/véhicule.km', `${ADEME}, construction de la voiture particulière`, '2023', null, true, 'id not verified'),
      speedKmh: f(70, 'km/h', MAILLAGE, '2026-12', null, false, 'average on rural and peri-urban roads of Brittany, door to door'),
      accessMinutes: f(0, 'min', MAILLAGE, '2026-12', null, false),
      costCentsPerKm: f(41, 'c€/km', `${KM_SCALE}, véhicule de 6 et 7 CV, jusqu’à 2 000 km`, '2023', null, false),
    },
    TER: {
      co2e: f(0.0229, 'kgCO2e/passager.km', `${ADEME}, TER`, '2023', null, true, 'id not verified'),
      speedKmh: f(80, 'km/h', MAILLAGE, '2026-12', null, false),
      accessMinutes: f(30, 'min', MAILLAGE, '2026-12', null, false, 'to and from the station'),
      costCentsPerKm: f(12, 'c€/km', MAILLAGE, '2026-12', null, false, 'average regional fare'),
    },
    TGV: {
      co2e: f(0.0023, 'kgCO2e/passager.km', `${ADEME}, TGV`, '2023', null, true, 'id not verified'),
      speedKmh: f(200, 'km/h', MAILLAGE, '2026-12', null, false),
      accessMinutes: f(45, 'min', MAILLAGE, '2026-12', null, false),
      costCentsPerKm: f(15, 'c€/km', MAILLAGE, '2026-12', null, false, 'average second-class fare'),
    },
    COACH: {
      co2e: f(0.0331, 'kgCO2e/passager.km', `${ADEME}, autocar`, '2023', null, true, 'id not verified'),
      speedKmh: f(60, 'km/h', MAILLAGE, '2026-12', null, false),
      accessMinutes: f(20, 'min', MAILLAGE, '2026-12', null, false),
      costCentsPerKm: f(8, 'c€/km', MAILLAGE, '2026-12', null, false),
    },
    PLANE: {
      co2e: f(0.1232, 'kgCO2e/passager.km', `${ADEME}, avion court-courrier, hors traînées`, '2023', null, true, 'id not verified'),
      contrails: f(0.1016, 'kgCO2e/passager.km', `${ADEME}, avion court-courrier, part des traînées de condensation`, '2023', null, false, 'contrails share to be checked against Base Empreinte'),
      speedKmh: f(600, 'km/h', MAILLAGE, '2026-12', null, false),
      accessMinutes: f(120, 'min', MAILLAGE, '2026-12', null, false, 'airport access, check-in, boarding'),
      costCentsPerKm: f(20, 'c€/km', MAILLAGE, '2026-12', null, false),
    },
    FERRY: {
      co2e: f(0.115, 'kgCO2e/passager.km', MAILLAGE, '2026-12', null, false, 'passenger boat of the islands; no ADEME id found for these vessels'),
      speedKmh: f(22, 'km/h', MAILLAGE, '2026-12', null, false, 'crossing times are given per island'),
      accessMinutes: f(0, 'min', MAILLAGE, '2026-12', null, false),
      costCentsPerKm: f(0, 'c€/km', MAILLAGE, '2026-12', null, false, 'fares are given per island'),
    },
  },
  roadDetourFactor: f(1.3, '×', 'Indice de détour des réseaux routiers ruraux et périurbains français (1,2 à 1,4 selon les études)', '2016', null, false),
  carOccupancy: f(1, 'personnes/véhicule', `${MAILLAGE}: professional trips, one person per car`, '2026-12', null, false),
  hotelNightCo2e: f(6.9, 'kgCO2e/nuitée', `${ADEME}, nuitée d’hôtel en France`, '2023', null, false, 'to be checked'),
  nightAllowanceCents: f(9000, 'c€/nuitée', 'Arrêté du 3 juillet 2006 modifié, indemnité de nuitée (hors grandes villes)', '2023', null, false),
  valueOfTimeCentsPerHour: f(2200, 'c€/h', `${FRANCE_STRATEGIE}, déplacements professionnels`, '2013', null, false, 'euros 2010, not actualised'),
  digitalSdGramsPerEndpointHour: f(42, 'gCO2e/poste.h', `${IMPACT_CO2}: 84 g for 2 laptops in SD for 1 h`, '2023', null, true),
  digitalHdGramsPerEndpointHour: f(70, 'gCO2e/poste.h', `${IMPACT_CO2}: 350 g for 5 screens in HD for 1 h`, '2023', null, true),
  dayTripEarliestDeparture: '06:00',
  dayTripLatestReturn: '22:00',
};

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

/** Every published table, oldest first. Append new versions; never edit a published one. */
export const IMPACT_FACTOR_TABLES: readonly ImpactFactorTable[] = deepFreeze([V1]);

export const CURRENT_IMPACT_FACTOR_VERSION = IMPACT_FACTOR_TABLES[IMPACT_FACTOR_TABLES.length - 1].version;

/** The table of a version; throws for an unknown one (a record naming a version we do not ship is a bug). */
export function impactFactorTable(version: number = CURRENT_IMPACT_FACTOR_VERSION): ImpactFactorTable {
  const table = IMPACT_FACTOR_TABLES.find((t) => t.version === version);
  if (!table) throw new RangeError(`Unknown impact factor table version ${version}`);
  return table;
}
