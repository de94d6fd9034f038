/**
 * The impact calculator: what a videoconference avoided, trip by trip, and what it cost itself.
 *
 * For each avoided trip (people who would have travelled from `from` to the meeting at `to`):
 *  - distance: the road km when known, else great-circle km × the table's detour factor; an island at
 *    either end adds a sea crossing to its mainland port (islands.ts) and the road starts at the port;
 *  - mode: the one given, else by one-way distance (≤ 250 km car, ≤ 800 km TGV, beyond: plane);
 *  - CO2e: round trip × factor (per vehicle-km for cars, per passenger-km otherwise), plus the car's
 *    construction and the plane's contrails when switched on, plus the ferry, plus hotel nights;
 *  - nights: a trip that cannot leave after the day-trip departure (or the first boat) and be back
 *    before the day-trip return (or the last boat) costs a night before and/or after, per person;
 *  - time saved: round-trip travel time × people, and its value (France Stratégie value of time);
 *  - money saved: the kilometre scale per car (or average fares per person), ferry fares, night allowances.
 * The meeting's own footprint (ADEME's digital model, grams per endpoint-hour by picture quality) is
 * subtracted from the gross: net = gross − footprint, so net ≤ gross always (it is negative when the
 * meeting replaced no trip). Every line says what it multiplied, as quotes do. CO2e in integer grams,
 * money in integer cents, time in minutes.
 */
import { invalidInput } from '../errors/domain-error';
import { type Coordinates, haversineKm } from '../geo/distance';
import { formatEuros } from '../tariffs/money';
import { type Factor, type ImpactFactorTable, TRANSPORT_MODES, type TransportMode } from './factors';
import { type IslandCrossing, islandByCode } from './islands';

export interface ImpactPlace extends Coordinates {
  readonly label: string;
  /** INSEE code of the commune, when known: an island code adds the crossing. */
  readonly communeCode?: string | null;
}

export interface AvoidedTripInput {
  readonly from: ImpactPlace;
  readonly to: ImpactPlace;
  readonly people: number;
  readonly mode?: TransportMode | null;
  /** Cars used (CAR only); default: people / the table's car occupancy, rounded up. */
  readonly vehicles?: number | null;
  /** One-way road km of the mainland part, when known (replaces great-circle × detour). */
  readonly roadKm?: number | null;
}

export interface MeetingFootprintInput {
  /** Local start and end of the meeting at `to`, 'HH:mm' (decides the nights). */
  readonly startLocal: string;
  readonly endLocal: string;
  readonly durationMinutes: number;
  readonly sdEndpoints: number;
  readonly hdEndpoints: number;
}

export interface ImpactOptions {
  readonly includeConstruction: boolean;
  readonly includeContrails: boolean;
}
export const DEFAULT_IMPACT_OPTIONS: ImpactOptions = Object.freeze({ includeConstruction: true, includeContrails: true });

export type ImpactLineKind = 'TRAVEL' | 'CONSTRUCTION' | 'CONTRAILS' | 'FERRY' | 'NIGHT' | 'DIGITAL';

export interface ImpactLine {
  readonly kind: ImpactLineKind;
  /** French: what was multiplied by what. */
  readonly label: string;
  readonly quantity: number;
  readonly unit: string;
  readonly factor: number;
  readonly factorUnit: string;
  readonly source: string;
  readonly co2eGrams: number;
}

export interface TripImpact {
  readonly from: string;
  readonly to: string;
  readonly mode: TransportMode;
  readonly people: number;
  readonly vehicles: number;
  readonly greatCircleKm: number;
  /** One-way km on land (road or rail) and at sea. */
  readonly landKm: number;
  readonly seaKm: number;
  readonly roundTripKm: number;
  readonly nights: number;
  readonly co2eGrams: number;
  readonly timeSavedMinutes: number;
  readonly timeValueCents: number;
  readonly moneySavedCents: number;
  readonly lines: readonly ImpactLine[];
  /** French sentences: the assumptions behind the figures. */
  readonly explanation: readonly string[];
}

export interface ImpactResult {
  readonly factorTableVersion: number;
  readonly options: ImpactOptions;
  readonly trips: readonly TripImpact[];
  readonly meetingLines: readonly ImpactLine[];
  readonly grossCo2eGrams: number;
  readonly meetingCo2eGrams: number;
  readonly netCo2eGrams: number;
  readonly kmAvoided: number;
  readonly timeSavedMinutes: number;
  readonly timeValueCents: number;
  readonly moneySavedCents: number;
}

const MODE_FR: Record<TransportMode, string> = { CAR: 'voiture', TER: 'TER', TGV: 'TGV', COACH: 'autocar', PLANE: 'avion', FERRY: 'bateau' };
const km1 = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
const num = (n: number) => String(n).replace('.', ',');
const grams = (kgPerUnit: number, quantity: number) => Math.round(kgPerUnit * quantity * 1000);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function minutesOf(hhmm: string, field: (string | number)[]): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw invalidInput(field, `Expected a local time HH:mm, got ${String(hhmm)}`, { messageFr: 'Heure invalide (HH:mm)' });
  return Number(m[1]) * 60 + Number(m[2]);
}

const isCount = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

function validatePlace(p: ImpactPlace, field: (string | number)[]): void {
  const ok = (v: unknown, lim: number) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= lim;
  if (!ok(p?.latitude, 90) || !ok(p?.longitude, 180)) throw invalidInput(field, 'A place needs a latitude and a longitude', { messageFr: 'Lieu sans coordonnées valides' });
}

function validate(trips: readonly AvoidedTripInput[], meeting: MeetingFootprintInput): void {
  trips.forEach((t, i) => {
    validatePlace(t.from, ['trips', i, 'from']);
    validatePlace(t.to, ['trips', i, 'to']);
    if (!isCount(t.people, 1000) || t.people < 1) throw invalidInput(['trips', i, 'people'], 'people must be an integer between 1 and 1000', { messageFr: 'Nombre de personnes invalide (1 à 1000)' });
    if (t.mode != null && !TRANSPORT_MODES.includes(t.mode)) throw invalidInput(['trips', i, 'mode'], `Unknown transport mode ${String(t.mode)}`, { messageFr: 'Mode de transport inconnu' });
    if (t.vehicles != null && (!isCount(t.vehicles, 1000) || t.vehicles < 1)) throw invalidInput(['trips', i, 'vehicles'], 'vehicles must be an integer between 1 and 1000', { messageFr: 'Nombre de véhicules invalide' });
    if (t.roadKm != null && !(typeof t.roadKm === 'number' && t.roadKm >= 0 && t.roadKm <= 20_000)) throw invalidInput(['trips', i, 'roadKm'], 'roadKm must be between 0 and 20000', { messageFr: 'Distance routière invalide' });
  });
  minutesOf(meeting.startLocal, ['meeting', 'startLocal']);
  minutesOf(meeting.endLocal, ['meeting', 'endLocal']);
  if (!isCount(meeting.durationMinutes, 31 * 24 * 60)) throw invalidInput(['meeting', 'durationMinutes'], 'durationMinutes must be a whole number of minutes', { messageFr: 'Durée invalide' });
  if (!isCount(meeting.sdEndpoints, 1000) || !isCount(meeting.hdEndpoints, 1000)) throw invalidInput(['meeting', 'endpoints'], 'Endpoint counts must be integers between 0 and 1000', { messageFr: 'Nombre de postes invalide' });
}

const defaultMode = (oneWayKm: number): TransportMode => (oneWayKm <= 250 ? 'CAR' : oneWayKm <= 800 ? 'TGV' : 'PLANE');

const line = (kind: ImpactLineKind, label: string, quantity: number, unit: string, factor: Factor): ImpactLine => ({
  kind, label, quantity, unit, factor: factor.value, factorUnit: factor.unit, source: factor.source, co2eGrams: grams(factor.value, quantity),
});

function tripImpact(t: AvoidedTripInput, meeting: MeetingFootprintInput, table: ImpactFactorTable, options: ImpactOptions): TripImpact {
  const fromIsland = islandByCode(t.from.communeCode);
  const toIsland = islandByCode(t.to.communeCode);
  const sameIsland = fromIsland !== undefined && fromIsland === toIsland;
  const crossings: IslandCrossing[] = sameIsland ? [] : [fromIsland, toIsland].filter((x): x is IslandCrossing => x !== undefined);
  const landFrom: Coordinates = fromIsland && !sameIsland ? fromIsland.port : t.from;
  const landTo: Coordinates = toIsland && !sameIsland ? toIsland.port : t.to;
  const greatCircleKm = haversineKm(t.from, t.to);
  const landGreatCircle = haversineKm(landFrom, landTo);
  const landKm = t.roadKm ?? landGreatCircle * table.roadDetourFactor.value;
  const seaKm = crossings.reduce((s, c) => s + c.seaKm, 0);
  const mode = t.mode ?? defaultMode(landKm + seaKm);
  const factors = table.modes[mode];
  const vehicles = mode === 'CAR' ? (t.vehicles ?? Math.ceil(t.people / table.carOccupancy.value)) : 0;
  const roundLand = 2 * landKm;
  const roundSea = 2 * seaKm;
  const route = `${t.from.label} → ${t.to.label}`;
  const distanceWhy = t.roadKm != null ? `${km1(landKm)} km par la route` : `${km1(landGreatCircle)} km à vol d’oiseau × ${num(table.roadDetourFactor.value)}`;
  const lines: ImpactLine[] = [];
  const explanation: string[] = [];
  if (mode === 'CAR') {
    lines.push(line('TRAVEL', `${plural(vehicles, 'voiture', 'voitures')} × ${km1(roundLand)} km aller-retour (${route}, ${distanceWhy})`, vehicles * roundLand, 'véhicule.km', factors.co2e));
    if (options.includeConstruction && factors.construction) lines.push(line('CONSTRUCTION', `Construction des véhicules : ${plural(vehicles, 'voiture', 'voitures')} × ${km1(roundLand)} km`, vehicles * roundLand, 'véhicule.km', factors.construction));
  } else {
    lines.push(line('TRAVEL', `${plural(t.people, 'personne', 'personnes')} × ${km1(roundLand)} km aller-retour en ${MODE_FR[mode]} (${route}, ${distanceWhy})`, t.people * roundLand, 'passager.km', factors.co2e));
    if (mode === 'PLANE' && options.includeContrails && factors.contrails) lines.push(line('CONTRAILS', `Traînées de condensation : ${plural(t.people, 'personne', 'personnes')} × ${km1(roundLand)} km`, t.people * roundLand, 'passager.km', factors.contrails));
  }
  for (const c of crossings) {
    lines.push(line('FERRY', `Traversée ${c.name} ↔ ${c.port.name} : ${plural(t.people, 'personne', 'personnes')} × ${num(2 * c.seaKm)} km en bateau`, t.people * 2 * c.seaKm, 'passager.km', table.modes.FERRY.co2e));
  }

  // Travel time, one way: the land leg at the mode's speed plus its access time, plus the crossings.
  const landMinutes = factors.accessMinutes.value + (landKm / factors.speedKmh.value) * 60;
  const crossingMinutes = crossings.reduce((s, c) => s + c.crossingMinutes, 0);
  const oneWayMinutes = Math.round(landMinutes + crossingMinutes);

  // Nights: can the traveller arrive before the start and be home before the end of the day?
  const start = minutesOf(meeting.startLocal, ['meeting', 'startLocal']);
  const end = minutesOf(meeting.endLocal, ['meeting', 'endLocal']);
  const earliest = minutesOf(table.dayTripEarliestDeparture, ['table']);
  const latest = minutesOf(table.dayTripLatestReturn, ['table']);
  let earliestArrival = earliest + oneWayMinutes;
  let latestLeave = latest - oneWayMinutes;
  if (fromIsland && !sameIsland) {
    earliestArrival = Math.max(earliestArrival, minutesOf(fromIsland.firstArrivalOnMainland, ['island']) + Math.round(landMinutes));
    latestLeave = Math.min(latestLeave, minutesOf(fromIsland.lastDepartureFromMainland, ['island']) - Math.round(landMinutes));
    explanation.push(`Depuis ${fromIsland.name} : premier bateau à ${fromIsland.port.name} à ${fromIsland.firstArrivalOnMainland}, dernier retour à ${fromIsland.lastDepartureFromMainland}.`);
  }
  const multiDay = meeting.durationMinutes > 0 && end <= start;
  const nightBefore = earliestArrival > start ? 1 : 0;
  const nightAfter = multiDay || end > latestLeave ? 1 : 0;
  const nights = nightBefore + nightAfter;
  if (nights > 0) {
    lines.push(line('NIGHT', `${plural(t.people * nights, 'nuitée', 'nuitées')} d’hôtel (${[nightBefore ? 'la veille' : '', nightAfter ? 'le soir' : ''].filter(Boolean).join(' et ')})`, t.people * nights, 'nuitée', table.hotelNightCo2e));
    explanation.push(nightBefore ? `Arrivée au plus tôt ${hhmm(earliestArrival)} pour un début à ${meeting.startLocal} : une nuit la veille.` : '', nightAfter ? `Départ au plus tard ${hhmm(latestLeave)} pour une fin à ${meeting.endLocal} : une nuit après.` : '');
  }
  explanation.push(`Mode : ${MODE_FR[mode]}${t.mode ? '' : ' (déduit de la distance)'} ; ${Math.round(oneWayMinutes)} min de trajet aller.`);

  const timeSavedMinutes = t.people * 2 * oneWayMinutes;
  const timeValueCents = Math.round((timeSavedMinutes / 60) * table.valueOfTimeCentsPerHour.value);
  const travelCents = mode === 'CAR' ? vehicles * roundLand * factors.costCentsPerKm.value : t.people * roundLand * factors.costCentsPerKm.value;
  const fares = crossings.reduce((s, c) => s + t.people * c.returnFareCents, 0);
  const allowances = t.people * nights * table.nightAllowanceCents.value;
  const moneySavedCents = Math.round(travelCents) + fares + allowances;
  explanation.push(`Économie : ${formatEuros(Math.round(travelCents))} de trajet${fares ? `, ${formatEuros(fares)} de bateau` : ''}${allowances ? `, ${formatEuros(allowances)} de nuitées` : ''}.`);
  return {
    from: t.from.label, to: t.to.label, mode, people: t.people, vehicles, greatCircleKm, landKm, seaKm, roundTripKm: roundLand + roundSea, nights,
    co2eGrams: lines.reduce((s, l) => s + l.co2eGrams, 0), timeSavedMinutes, timeValueCents, moneySavedCents, lines, explanation: explanation.filter(Boolean),
  };
}

const hhmm = (minutes: number) => `${String(Math.floor(Math.max(0, minutes) / 60)).padStart(2, '0')}:${String(Math.max(0, minutes) % 60).padStart(2, '0')}`;

/** The meeting's own footprint (endpoints × hours × grams per endpoint-hour). */
export function meetingFootprintLines(meeting: MeetingFootprintInput, table: ImpactFactorTable): ImpactLine[] {
  const hours = meeting.durationMinutes / 60;
  const out: ImpactLine[] = [];
  const add = (n: number, quality: string, factor: Factor) => {
    if (n === 0) return;
    out.push({ ...line('DIGITAL', `${plural(n, 'poste', 'postes')} en ${quality} × ${num(Math.round(hours * 100) / 100)} h`, n * hours, 'poste.h', factor), co2eGrams: Math.round(factor.value * n * hours) });
  };
  add(meeting.hdEndpoints, 'HD', table.digitalHdGramsPerEndpointHour);
  add(meeting.sdEndpoints, 'SD', table.digitalSdGramsPerEndpointHour);
  return out;
}

/** What a meeting avoided (its trips) net of its own footprint, with the lines that explain it. */
export function computeImpact(trips: readonly AvoidedTripInput[], meeting: MeetingFootprintInput, table: ImpactFactorTable, options: ImpactOptions = DEFAULT_IMPACT_OPTIONS): ImpactResult {
  validate(trips, meeting);
  const computed = trips.map((t) => tripImpact(t, meeting, table, options));
  const meetingLines = meetingFootprintLines(meeting, table);
  const sum = (k: 'co2eGrams' | 'timeSavedMinutes' | 'timeValueCents' | 'moneySavedCents') => computed.reduce((s, t) => s + t[k], 0);
  const grossCo2eGrams = sum('co2eGrams');
  const meetingCo2eGrams = meetingLines.reduce((s, l) => s + l.co2eGrams, 0);
  return {
    factorTableVersion: table.version,
    options,
    trips: computed,
    meetingLines,
    grossCo2eGrams,
    meetingCo2eGrams,
    netCo2eGrams: grossCo2eGrams - meetingCo2eGrams,
    kmAvoided: Math.round(computed.reduce((s, t) => s + t.roundTripKm * t.people, 0) * 10) / 10,
    timeSavedMinutes: sum('timeSavedMinutes'),
    timeValueCents: sum('timeValueCents'),
    moneySavedCents: sum('moneySavedCents'),
  };
}
