/**
 * Islands of Brittany reached by boat, keyed by the INSEE code of the commune. A trip that starts or
 * ends on one crosses to its mainland port by ferry, then goes on by road or rail.
 *
 * These are documented assumptions (docs/adr/0008-impact-methodology-and-meeting-records.md), not timetables: sea
 * distances and crossing times are rounded from the operators' published crossings (Penn ar Bed for
 * Ouessant, Molène and Sein; Compagnie Océane for Groix, Houat, Hoëdic and Belle-Île; Vedettes de
 * Bréhat; Armein for Batz), the first arrival on the mainland and the last departure back are typical
 * winter weekday services. A meeting that cannot fit between them costs a night on the mainland.
 */
import type { Coordinates } from '../geo/distance';

export interface IslandCrossing {
  /** INSEE code of the island commune. */
  readonly code: string;
  readonly name: string;
  /** The island's main village (approximate): GeoNames lists few of these communes. */
  readonly centre: Coordinates;
  readonly port: { readonly name: string } & Coordinates;
  readonly seaKm: number;
  readonly crossingMinutes: number;
  /** Earliest arrival at the mainland port, local time 'HH:mm'. */
  readonly firstArrivalOnMainland: string;
  /** Last boat back from the mainland port, local time 'HH:mm'. */
  readonly lastDepartureFromMainland: string;
  /** Return fare of one passenger, cents. */
  readonly returnFareCents: number;
}

const island = (x: IslandCrossing): IslandCrossing => Object.freeze({ ...x, centre: Object.freeze({ ...x.centre }), port: Object.freeze({ ...x.port }) });

const LE_CONQUET = { name: 'Le Conquet', latitude: 48.3597, longitude: -4.7708 };
const QUIBERON = { name: 'Quiberon (Port-Maria)', latitude: 47.4829, longitude: -3.1197 };

export const ISLANDS: readonly IslandCrossing[] = Object.freeze([
  island({ code: '29155', name: 'Ouessant', centre: { latitude: 48.4578, longitude: -5.0947 }, port: LE_CONQUET, seaKm: 30, crossingMinutes: 75, firstArrivalOnMainland: '09:15', lastDepartureFromMainland: '16:45', returnFareCents: 4000 }),
  island({ code: '29084', name: 'Île-Molène', centre: { latitude: 48.3967, longitude: -4.9567 }, port: LE_CONQUET, seaKm: 15, crossingMinutes: 40, firstArrivalOnMainland: '09:00', lastDepartureFromMainland: '16:45', returnFareCents: 3500 }),
  island({ code: '29083', name: 'Île-de-Sein', centre: { latitude: 48.0369, longitude: -4.8497 }, port: { name: 'Audierne (Sainte-Evette)', latitude: 48.0094, longitude: -4.5539 }, seaKm: 25, crossingMinutes: 60, firstArrivalOnMainland: '09:30', lastDepartureFromMainland: '16:30', returnFareCents: 3500 }),
  island({ code: '29082', name: 'Île-de-Batz', centre: { latitude: 48.7450, longitude: -4.0097 }, port: { name: 'Roscoff', latitude: 48.7226, longitude: -3.9863 }, seaKm: 3, crossingMinutes: 15, firstArrivalOnMainland: '07:30', lastDepartureFromMainland: '19:30', returnFareCents: 1000 }),
  island({ code: '22016', name: 'Île-de-Bréhat', centre: { latitude: 48.8461, longitude: -3.0000 }, port: { name: 'Ploubazlanec (L’Arcouest)', latitude: 48.8201, longitude: -3.0105 }, seaKm: 2, crossingMinutes: 10, firstArrivalOnMainland: '08:00', lastDepartureFromMainland: '19:00', returnFareCents: 1200 }),
  island({ code: '56069', name: 'Groix', centre: { latitude: 47.6383, longitude: -3.4544 }, port: { name: 'Lorient', latitude: 47.7459, longitude: -3.3618 }, seaKm: 14, crossingMinutes: 45, firstArrivalOnMainland: '08:15', lastDepartureFromMainland: '18:30', returnFareCents: 3000 }),
  island({ code: '56086', name: 'Houat', centre: { latitude: 47.3925, longitude: -2.9586 }, port: QUIBERON, seaKm: 15, crossingMinutes: 40, firstArrivalOnMainland: '09:30', lastDepartureFromMainland: '17:00', returnFareCents: 3500 }),
  island({ code: '56085', name: 'Hoëdic', centre: { latitude: 47.3397, longitude: -2.8772 }, port: QUIBERON, seaKm: 22, crossingMinutes: 60, firstArrivalOnMainland: '09:45', lastDepartureFromMainland: '17:00', returnFareCents: 3500 }),
  island({ code: '56152', name: 'Le Palais (Belle-Île)', centre: { latitude: 47.3464, longitude: -3.1556 }, port: QUIBERON, seaKm: 15, crossingMinutes: 45, firstArrivalOnMainland: '08:15', lastDepartureFromMainland: '19:00', returnFareCents: 3500 }),
  island({ code: '56087', name: 'Île-aux-Moines', centre: { latitude: 47.5964, longitude: -2.8439 }, port: { name: 'Baden (Port-Blanc)', latitude: 47.6144, longitude: -2.8531 }, seaKm: 1, crossingMinutes: 5, firstArrivalOnMainland: '07:15', lastDepartureFromMainland: '21:00', returnFareCents: 600 }),
  island({ code: '56088', name: 'Île-d’Arz', centre: { latitude: 47.5936, longitude: -2.7964 }, port: { name: 'Séné (Barrarac’h)', latitude: 47.6237, longitude: -2.7330 }, seaKm: 2, crossingMinutes: 10, firstArrivalOnMainland: '07:15', lastDepartureFromMainland: '20:00', returnFareCents: 700 }),
]);

export const islandByCode = (code: string | null | undefined): IslandCrossing | undefined => (code ? ISLANDS.find((i) => i.code === code) : undefined);
