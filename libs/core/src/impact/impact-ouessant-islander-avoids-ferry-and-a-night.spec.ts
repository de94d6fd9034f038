import { computeImpact } from './calculator';
import { impactFactorTable } from './factors';
import { islandByCode } from './islands';

const ouessant = { label: 'Ouessant', latitude: 48.4578, longitude: -5.0947, communeCode: '29155' };
const rennes = { label: 'Rennes', latitude: 48.1173, longitude: -1.6778, communeCode: '35238' };
const brest = { label: 'Brest', latitude: 48.3904, longitude: -4.4861, communeCode: '29019' };
const v1 = impactFactorTable(1);

describe('an islander on Ouessant following a 1h30 meeting in Rennes from the island’s point', () => {
  // 9:30–11:00 in Rennes: the first boat reaches Le Conquet at 9:15, so the islander would have left the day before.
  const meeting = { startLocal: '09:30', endLocal: '11:00', durationMinutes: 90, sdEndpoints: 0, hdEndpoints: 2 };
  const result = computeImpact([{ from: ouessant, to: rennes, people: 1, mode: 'CAR' }], meeting, v1);
  const trip = result.trips[0];

  it('crosses 30 km by boat to Le Conquet and drives from the port, not from the island', () => {
    expect(islandByCode('29155')?.port.name).toBe('Le Conquet');
    expect(trip.seaKm).toBe(30);
    expect(trip.landKm).toBeCloseTo(299.8, 1); // Le Conquet → Rennes 230.6 km × 1.3
    expect(trip.lines.map((l) => l.kind)).toEqual(['TRAVEL', 'CONSTRUCTION', 'FERRY', 'NIGHT']);
    expect(trip.lines[2]).toMatchObject({ label: 'Traversée Ouessant ↔ Le Conquet : 1 personne × 60 km en bateau', co2eGrams: 6_900 });
  });

  it('cannot arrive for 9:30 after the first boat: a night on the mainland the day before', () => {
    expect(trip.nights).toBe(1);
    expect(trip.lines[3]).toMatchObject({ label: '1 nuitée d’hôtel (la veille)', co2eGrams: 6_900 });
    expect(trip.explanation[0]).toBe('Depuis Ouessant : premier bateau à Le Conquet à 09:15, dernier retour à 16:45.');
  });

  it('saves the ferry fare (40 €) and the night allowance (90 €) on top of the kilometre scale', () => {
    expect(trip.moneySavedCents).toBe(Math.round(2 * trip.landKm * 41) + 4_000 + 9_000);
  });

  it('an afternoon meeting in Rennes misses the 16:45 boat back: a night after', () => {
    const afternoon = computeImpact([{ from: ouessant, to: rennes, people: 1, mode: 'CAR' }], { ...meeting, startLocal: '14:00', endLocal: '15:30' }, v1);
    expect(afternoon.trips[0].nights).toBe(1);
    expect(afternoon.trips[0].lines.at(-1)?.label).toBe('1 nuitée d’hôtel (le soir)');
  });

  it('a 1.5 h meeting in Brest at 10:00 fits in a day trip: the ferry but no night', () => {
    const day = computeImpact([{ from: ouessant, to: brest, people: 1, mode: 'CAR' }], { ...meeting, startLocal: '10:00', endLocal: '11:30' }, v1);
    expect(day.trips[0].nights).toBe(0);
    expect(day.trips[0].lines.map((l) => l.kind)).toEqual(['TRAVEL', 'CONSTRUCTION', 'FERRY']);
  });

  it('two islanders of the same island need no crossing between them', () => {
    const local = computeImpact([{ from: ouessant, to: { ...ouessant, label: 'Ouessant (bourg)' }, people: 1, mode: 'CAR' }], meeting, v1);
    expect(local.trips[0].seaKm).toBe(0);
  });
});
