import fc from 'fast-check';
import { type AvoidedTripInput, computeImpact } from './calculator';
import { impactFactorTable, TRANSPORT_MODES } from './factors';
import { ISLANDS } from './islands';

const v1 = impactFactorTable(1);
const hhmm = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const place = fc.record({
  label: fc.constant('lieu'),
  latitude: fc.double({ min: 42, max: 51, noNaN: true }),
  longitude: fc.double({ min: -5.2, max: 8, noNaN: true }),
  communeCode: fc.option(fc.constantFrom(...ISLANDS.map((i) => i.code), '22113', '35238'), { nil: null }),
});
const trip: fc.Arbitrary<AvoidedTripInput> = fc.record({
  from: place,
  to: place,
  people: fc.integer({ min: 1, max: 30 }),
  mode: fc.option(fc.constantFrom(...TRANSPORT_MODES), { nil: null }),
  vehicles: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  roadKm: fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: null }),
});
const meeting = fc.record({ startLocal: hhmm, endLocal: hhmm, durationMinutes: fc.integer({ min: 0, max: 600 }), sdEndpoints: fc.integer({ min: 0, max: 20 }), hdEndpoints: fc.integer({ min: 0, max: 20 }) });
const options = fc.record({ includeConstruction: fc.boolean(), includeContrails: fc.boolean() });

describe('impact calculator properties', () => {
  it('the net CO2e never exceeds the gross, and gross, footprint, km, time and money are never negative', () => {
    fc.assert(
      fc.property(fc.array(trip, { maxLength: 6 }), meeting, options, (trips, m, o) => {
        const r = computeImpact(trips, m, v1, o);
        expect(r.netCo2eGrams).toBeLessThanOrEqual(r.grossCo2eGrams);
        expect(r.netCo2eGrams).toBe(r.grossCo2eGrams - r.meetingCo2eGrams);
        for (const v of [r.grossCo2eGrams, r.meetingCo2eGrams, r.kmAvoided, r.timeSavedMinutes, r.timeValueCents, r.moneySavedCents]) expect(v).toBeGreaterThanOrEqual(0);
        expect(r.grossCo2eGrams).toBe(r.trips.reduce((s, t) => s + t.lines.reduce((x, l) => x + l.co2eGrams, 0), 0));
      }),
      { numRuns: 300 },
    );
  });

  it('switching construction or contrails off never increases the gross', () => {
    fc.assert(
      fc.property(fc.array(trip, { maxLength: 4 }), meeting, (trips, m) => {
        const full = computeImpact(trips, m, v1, { includeConstruction: true, includeContrails: true });
        const lean = computeImpact(trips, m, v1, { includeConstruction: false, includeContrails: false });
        expect(lean.grossCo2eGrams).toBeLessThanOrEqual(full.grossCo2eGrams);
      }),
      { numRuns: 200 },
    );
  });

  it('more people on a trip (by train, coach or plane) never avoids less', () => {
    fc.assert(
      fc.property(trip, meeting, fc.integer({ min: 1, max: 20 }), (t, m, extra) => {
        const base = { ...t, mode: t.mode === 'CAR' || t.mode == null ? ('TER' as const) : t.mode };
        const a = computeImpact([base], m, v1);
        const b = computeImpact([{ ...base, people: base.people + extra }], m, v1);
        expect(b.grossCo2eGrams).toBeGreaterThanOrEqual(a.grossCo2eGrams);
        expect(b.timeSavedMinutes).toBeGreaterThanOrEqual(a.timeSavedMinutes);
      }),
      { numRuns: 200 },
    );
  });
});
