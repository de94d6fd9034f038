import fc from 'fast-check';
import { mulDivHalfUp } from './money';
import { quote } from './quote';
import { at, PARIS } from './__fixtures__/study-price-lists';
import { Allowance, PriceListVersion, Quote, QuoteRequest, Surcharge, TariffUnit } from './types';

const NUM_RUNS = 300;
const MONDAY = at('2016-03-14T00:00');
const QUARTER = 15 * 60_000;

const unitArb: fc.Arbitrary<TariffUnit> = fc.oneof(
  fc.constantFrom(1, 1.5, 2, 3, 4).map((hours): TariffUnit => ({ kind: 'SLOT', hours })),
  fc.constant<TariffUnit>({ kind: 'HOUR' }),
  fc.constantFrom(undefined, 3.5, 4).map((hours): TariffUnit => (hours === undefined ? { kind: 'HALF_DAY' } : { kind: 'HALF_DAY', hours })),
  fc.constant<TariffUnit>({ kind: 'DAY' }),
);

const surchargesArb: fc.Arbitrary<Surcharge[]> = fc.subarray(['OFF_HOURS', 'WEEKEND'] as const).chain((whens) =>
  fc.tuple(
    ...whens.map((when) =>
      fc
        .record({ percent: fc.option(fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100), { nil: undefined }), fixedCents: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }) })
        .map((s): Surcharge => ({ when, ...(s.percent !== undefined ? { percent: s.percent } : {}), ...(s.fixedCents !== undefined || s.percent === undefined ? { fixedCents: s.fixedCents ?? 500 } : {}) })),
    ),
  ),
);

const allowancesArb: fc.Arbitrary<Allowance[]> = fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 3 }).map((mins) =>
  mins.map((minutesPerMonth, i) => ({ id: `a${i}`, label: `Forfait ${i}`, categories: i === 1 ? ['ASSOCIATION' as const] : ['COMPANY' as const, 'ASSOCIATION' as const], minutesPerMonth })),
);

interface VersionOptions {
  surcharges: boolean;
  allowances: boolean;
  promotions: boolean;
  positiveRate?: boolean;
}

const versionArb = (o: VersionOptions): fc.Arbitrary<PriceListVersion> =>
  fc
    .record({
      unit: unitArb,
      pricesInclude: fc.constantFrom('EXCL_VAT' as const, 'INCL_VAT' as const),
      vatRateBp: fc.oneof(fc.constantFrom(0, 550, 1000, 2000, 10_000), fc.integer({ min: 0, max: 10_000 })),
      amountCents: fc.integer({ min: o.positiveRate ? 1 : 0, max: 20_000 }),
      cap: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
      minimum: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
      surcharges: o.surcharges ? surchargesArb : fc.constant([]),
      allowances: o.allowances ? allowancesArb : fc.constant([]),
      freeMarch: o.promotions ? fc.boolean() : fc.constant(false),
      firstUseFree: o.promotions ? fc.boolean() : fc.constant(false),
    })
    .map((r): PriceListVersion => {
      const minimum = r.minimum !== undefined && r.cap !== undefined ? Math.min(r.minimum, r.cap) : r.minimum;
      return {
        id: 'pl-prop',
        version: 1,
        validFrom: '2015-01-01',
        currency: 'EUR',
        vatRateBp: r.vatRateBp,
        pricesInclude: r.pricesInclude,
        unit: r.unit,
        ...(r.cap !== undefined ? { dayCapCents: r.cap } : {}),
        ...(minimum !== undefined ? { minimumChargeCents: minimum } : {}),
        rates: [
          { category: 'COMPANY', territory: 'IN', amountCents: r.amountCents },
          { category: 'ASSOCIATION', territory: 'IN', amountCents: r.amountCents },
        ],
        surcharges: r.surcharges,
        allowances: r.allowances,
        promotions: [...(r.freeMarch ? [{ kind: 'FREE_MONTHS' as const, months: ['2016-03'] }] : []), ...(r.firstUseFree ? [{ kind: 'FIRST_USE_FREE' as const }] : [])],
        rounding: 'HALF_UP',
      };
    });

/** A booking starting on a quarter hour in the fortnight from Monday 14 March 2016 (DST starts on the 27th), up to three days long. */
const bookingArb = fc
  .record({ startQ: fc.integer({ min: 0, max: 14 * 96 - 1 }), durationQ: fc.integer({ min: 1, max: 3 * 96 }), offShare: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ startQ, durationQ, offShare }) => ({ start: MONDAY + startQ * QUARTER, end: MONDAY + (startQ + durationQ) * QUARTER, offHoursMinutes: Math.floor(durationQ * 15 * offShare) }));

const req = (b: { start: number; end: number; offHoursMinutes: number }, over: Partial<QuoteRequest> = {}): QuoteRequest => ({
  ...b,
  timeZone: PARIS,
  category: 'COMPANY',
  territory: 'IN',
  allowanceBalance: {},
  priorUsesByRequester: 1,
  ...over,
});

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const basisTotal = (q: Quote): number => (q.pricesInclude === 'EXCL_VAT' ? q.totalExclVatCents : q.totalInclVatCents);
/** BASE + CAP + MINIMUM: the time price. */
const timePrice = (q: Quote): number => sum(q.lines.filter((l) => l.kind === 'BASE' || l.kind === 'CAP' || l.kind === 'MINIMUM').map((l) => l.amountCents));

describe('tariff engine properties', () => {
  it('the totals are exactly the sums of the lines, and excl. + VAT = incl. with the half-up rule', () => {
    fc.assert(
      fc.property(
        versionArb({ surcharges: true, allowances: true, promotions: true }),
        bookingArb,
        fc.integer({ min: 0, max: 3 }),
        fc.dictionary(fc.constantFrom('a0', 'a1', 'a2'), fc.integer({ min: 0, max: 700 })),
        (version, booking, priorUses, balance) => {
          const q = quote(version, req(booking, { priorUsesByRequester: priorUses, allowanceBalance: balance }));
          for (const l of q.lines) expect(l.amountCents).toBe(l.quantity * l.unitCents);
          expect(sum(q.lines.map((l) => l.amountCents))).toBe(basisTotal(q));
          expect(sum(q.lines.map((l) => l.amountExclVatCents))).toBe(q.totalExclVatCents);
          expect(sum(q.lines.map((l) => l.amountInclVatCents))).toBe(q.totalInclVatCents);
          expect(q.totalExclVatCents + q.vatCents).toBe(q.totalInclVatCents);
          if (q.pricesInclude === 'EXCL_VAT') expect(q.vatCents).toBe(mulDivHalfUp(q.totalExclVatCents, q.vatRateBp, 10_000));
          else expect(q.totalExclVatCents).toBe(mulDivHalfUp(q.totalInclVatCents, 10_000, 10_000 + q.vatRateBp));
          expect(q.totalExclVatCents).toBeGreaterThanOrEqual(0);
          expect(q.vatCents).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('a longer booking never costs less than a shorter one of the same kind; when the cap applies the time price equals it', () => {
    fc.assert(
      fc.property(
        versionArb({ surcharges: true, allowances: false, promotions: false }),
        fc.integer({ min: 0, max: 7 * 96 - 1 }),
        fc.integer({ min: 1, max: 3 * 96 }),
        fc.integer({ min: 1, max: 3 * 96 }),
        fc.boolean(),
        (version, startQ, d1, d2, isWeekend) => {
          const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const booking = (q: number) => ({ start: MONDAY + startQ * QUARTER, end: MONDAY + (startQ + q) * QUARTER, offHoursMinutes: 0 });
          const a = quote(version, req(booking(short), { isWeekend }));
          const b = quote(version, req(booking(long), { isWeekend }));
          expect(basisTotal(b)).toBeGreaterThanOrEqual(basisTotal(a));
          expect(timePrice(b)).toBeGreaterThanOrEqual(timePrice(a));
          for (const q of [a, b]) {
            if (q.lines.some((l) => l.kind === 'CAP')) expect(timePrice(q)).toBe((version.dayCapCents ?? 0) * q.localDays);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('allowances are consumed in order, never beyond their monthly balance, never twice across successive quotes', () => {
    fc.assert(
      fc.property(
        versionArb({ surcharges: true, allowances: true, promotions: false, positiveRate: true }),
        fc.array(bookingArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('COMPANY' as const, 'ASSOCIATION' as const),
        (version, bookings, category) => {
          const eligible = version.allowances.filter((a) => a.categories.includes(category));
          const balance: Record<string, number> = {};
          let booked = 0;
          for (const booking of bookings) {
            const q = quote(version, req(booking, { category, allowanceBalance: { ...balance } }));
            // A booking whose time price is 0 (e.g. a day cap of 0) consumes nothing, by design.
            if (timePrice(q) > 0) booked += q.durationMinutes;
            else expect(q.allowanceUse).toEqual([]);
            // Order: uses follow the version's order, and a later allowance is used only once earlier ones are exhausted.
            const order = q.allowanceUse.map((u) => eligible.findIndex((a) => a.id === u.allowanceId));
            expect(order.every((i) => i >= 0)).toBe(true);
            expect([...order].sort((x, y) => x - y)).toEqual(order);
            q.allowanceUse.slice(0, -1).forEach((u) => expect(u.remainingMinutes).toBe(0));
            // Lines and uses agree; credits never exceed the time price.
            expect(q.lines.filter((l) => l.kind === 'ALLOWANCE').map((l) => [l.allowanceId, l.minutes])).toEqual(q.allowanceUse.map((u) => [u.allowanceId, u.minutes]));
            expect(-sum(q.lines.filter((l) => l.kind === 'ALLOWANCE').map((l) => l.amountCents))).toBeLessThanOrEqual(timePrice(q));
            expect(sum(q.allowanceUse.map((u) => u.minutes))).toBeLessThanOrEqual(q.durationMinutes);
            for (const u of q.allowanceUse) {
              const a = eligible.find((x) => x.id === u.allowanceId);
              const before = balance[u.allowanceId] ?? 0;
              expect(u.minutes).toBeGreaterThan(0);
              expect(before + u.minutes).toBeLessThanOrEqual(a?.minutesPerMonth ?? 0);
              expect(u.remainingMinutes).toBe((a?.minutesPerMonth ?? 0) - before - u.minutes);
              balance[u.allowanceId] = before + u.minutes;
            }
          }
          // Greedy: every chargeable minute booked is covered until every eligible allowance is exhausted.
          expect(sum(Object.values(balance))).toBe(Math.min(booked, sum(eligible.map((a) => a.minutesPerMonth))));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
