import { computeImpact } from './calculator';
import { CURRENT_IMPACT_FACTOR_VERSION, IMPACT_FACTOR_TABLES, type ImpactFactorTable, impactFactorTable } from './factors';

const lannion = { label: 'Lannion', latitude: 48.7326, longitude: -3.4566 };
const rennes = { label: 'Rennes', latitude: 48.1173, longitude: -1.6778 };
const meeting = { startLocal: '14:00', endLocal: '16:00', durationMinutes: 120, sdEndpoints: 0, hdEndpoints: 2 };
const trips = [{ from: rennes, to: lannion, people: 2, mode: 'CAR' as const, vehicles: 2 }];

describe('impact factor tables are versioned data with a source and a date', () => {
  it('version 1 holds the ADEME figures of the issue, each with its source, date and an id or "not verified"', () => {
    const v1 = impactFactorTable(1);
    expect([v1.modes.CAR.co2e.value, v1.modes.CAR.construction?.value, v1.modes.TER.co2e.value, v1.modes.TGV.co2e.value, v1.modes.COACH.co2e.value, v1.modes.PLANE.co2e.value]).toEqual([0.192, 0.0256, 0.0229, 0.0023, 0.0331, 0.1232]);
    for (const m of Object.values(v1.modes)) {
      expect(m.co2e.source).not.toBe('');
      expect(m.co2e.sourceDate).toMatch(/^\d{4}(-\d{2})?/);
      expect(m.co2e.baseEmpreinteId === null ? m.co2e.note ?? m.co2e.source : m.co2e.baseEmpreinteId).toBeTruthy();
    }
  });

  it('a published table cannot be edited in place', () => {
    const v1 = impactFactorTable(1) as { modes: { CAR: { co2e: { value: number } } } };
    expect(() => {
      v1.modes.CAR.co2e.value = 0.3;
    }).toThrow(TypeError);
    expect(Object.isFrozen(IMPACT_FACTOR_TABLES)).toBe(true);
  });

  it('a record computed with version 1 gives the same figures whatever newer table exists', () => {
    const before = computeImpact(trips, meeting, impactFactorTable(1));
    // A hypothetical version 2 with a corrected car factor: new records change, v1 records do not.
    const v1 = impactFactorTable(1);
    const v2: ImpactFactorTable = { ...v1, version: 2, modes: { ...v1.modes, CAR: { ...v1.modes.CAR, co2e: { ...v1.modes.CAR.co2e, value: 0.218 } } } };
    const withV2 = computeImpact(trips, meeting, v2);
    const again = computeImpact(trips, meeting, impactFactorTable(before.factorTableVersion));
    expect(withV2.factorTableVersion).toBe(2);
    expect(withV2.grossCo2eGrams).toBeGreaterThan(before.grossCo2eGrams);
    expect(again).toEqual(before);
  });

  it('an unknown version is refused rather than silently replaced by the current one', () => {
    expect(() => impactFactorTable(CURRENT_IMPACT_FACTOR_VERSION + 1)).toThrow(RangeError);
  });
});
