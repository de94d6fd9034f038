import { computeImpact } from './calculator';
import { impactFactorTable } from './factors';

const lannion = { label: 'Lannion', latitude: 48.7326, longitude: -3.4566, communeCode: '22113' };
const rennes = { label: 'Rennes', latitude: 48.1173, longitude: -1.6778, communeCode: '35238' };
const v1 = impactFactorTable(1);
// A 2-hour meeting at the Lannion point, 14:00–16:00, one HD room system at each end.
const meeting = { startLocal: '14:00', endLocal: '16:00', durationMinutes: 120, sdEndpoints: 0, hdEndpoints: 2 };

describe('a 2-hour meeting Lannion ↔ Rennes replacing 2 car trips', () => {
  const result = computeImpact([{ from: rennes, to: lannion, people: 2, mode: 'CAR', vehicles: 2 }], meeting, v1);
  const trip = result.trips[0];

  it('counts 148.0 km as the crow flies × 1.3 = 192.4 km by road, 384.8 km per car there and back', () => {
    expect(trip.greatCircleKm).toBeCloseTo(148.0, 1);
    expect(trip.landKm).toBeCloseTo(192.4, 1);
    expect(trip.roundTripKm).toBeCloseTo(384.8, 1);
  });

  it('avoids 2 × 384.8 km × (0.192 + 0.0256 construction) = 167.5 kg CO2e, each line explaining its inputs', () => {
    expect(trip.lines.map((l) => [l.kind, l.co2eGrams])).toEqual([
      ['TRAVEL', 147_776],
      ['CONSTRUCTION', 19_703],
    ]);
    expect(trip.lines[0].label).toBe('2 voitures × 384,8 km aller-retour (Rennes → Lannion, 148 km à vol d’oiseau × 1,3)');
    expect(trip.lines[0].factor).toBe(0.192);
    expect(result.grossCo2eGrams).toBe(167_479);
  });

  it('subtracts the meeting’s own footprint: 2 HD endpoints × 2 h × 70 g = 280 g, net 167.2 kg', () => {
    expect(result.meetingLines).toEqual([expect.objectContaining({ kind: 'DIGITAL', label: '2 postes en HD × 2 h', co2eGrams: 280 })]);
    expect(result.netCo2eGrams).toBe(167_199);
  });

  it('saves 2 people × 2 × 165 min = 11 h of travel and 2 × 384.8 km × 0.41 € = 315.56 € of kilometre allowances', () => {
    expect(result.timeSavedMinutes).toBe(2 * 2 * 165);
    expect(result.timeValueCents).toBe(24_200);
    expect(result.moneySavedCents).toBe(31_556);
    expect(trip.nights).toBe(0);
  });

  it('without construction counts only the 147.8 kg of driving', () => {
    const lean = computeImpact([{ from: rennes, to: lannion, people: 2, mode: 'CAR', vehicles: 2 }], meeting, v1, { includeConstruction: false, includeContrails: true });
    expect(lean.grossCo2eGrams).toBe(147_776);
  });

  it('uses a known road distance instead of the detour estimate', () => {
    const road = computeImpact([{ from: rennes, to: lannion, people: 1, mode: 'CAR', roadKm: 175 }], meeting, v1);
    expect(road.trips[0].roundTripKm).toBe(350);
    expect(road.trips[0].lines[0].label).toContain('175 km par la route');
  });
});
