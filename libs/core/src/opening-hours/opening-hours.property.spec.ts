import fc from 'fast-check';
import { isOpenAt, openIntervals, type DatedException, type IsoWeekday, type OpeningSchedule, type OpenInterval, type TimeRange, type WeeklyRule } from './index';

const DAY = 86_400_000;
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Disjoint ranges of one day, on a 5-minute grid, possibly touching (including 24:00). */
const dayRanges = (maxRanges: number): fc.Arbitrary<(TimeRange & { onRequest: boolean })[]> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 0, maxLength: maxRanges * 2 })
    .chain((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] * 5, sorted[i + 1] * 5]);
      return fc.tuple(fc.constant(pairs), fc.array(fc.boolean(), { minLength: pairs.length, maxLength: pairs.length }), fc.boolean());
    })
    .map(([pairs, kinds, touch]) =>
      pairs.map(([a, b], i) => {
        // Optionally make consecutive ranges touch, to exercise merging.
        const opens = touch && i > 0 ? pairs[i - 1][1] : a;
        return { opens: hhmm(opens), closes: hhmm(b), onRequest: kinds[i] };
      }),
    );

const DST_ANCHORS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-07-14', '2026-09-27', '2026-10-25', '2026-11-01', '2026-12-25'].map((d) =>
  Date.parse(`${d}T00:00:00Z`),
);
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');

const scheduleArb = (timeZone: string): fc.Arbitrary<OpeningSchedule> =>
  fc
    .record({
      days: fc.array(dayRanges(3), { minLength: 7, maxLength: 7 }),
      exceptions: fc.uniqueArray(
        fc.record({ day: fc.integer({ min: 0, max: 400 }), closed: fc.boolean(), ranges: dayRanges(2) }),
        { maxLength: 12, selector: (e) => e.day },
      ),
      closedOnPublicHolidays: fc.boolean(),
      alsace: fc.boolean(),
    })
    .map(({ days, exceptions, closedOnPublicHolidays, alsace }) => {
      const weekly: WeeklyRule[] = days.flatMap((ranges, i) => ranges.map((r) => ({ weekday: (i + 1) as IsoWeekday, ...r })));
      const dated: DatedException[] = exceptions.map((e) => {
        const date = new Date(YEAR_START + e.day * DAY).toISOString().slice(0, 10);
        return e.closed || e.ranges.length === 0 ? { date, kind: 'closed' } : { date, kind: 'hours', ranges: e.ranges };
      });
      return { timeZone, weekly, exceptions: dated, closedOnPublicHolidays, holidayCalendar: alsace ? 'alsace-moselle' : 'metropole' };
    });

/** A window of up to 12 days, often around a DST change or a holiday. */
const windowArb: fc.Arbitrary<{ from: number; to: number }> = fc
  .tuple(
    fc.oneof(fc.integer({ min: YEAR_START, max: YEAR_START + 365 * DAY }), fc.constantFrom(...DST_ANCHORS).chain((a) => fc.integer({ min: a - 3 * DAY, max: a + 2 * DAY }))),
    fc.integer({ min: 1, max: 12 * DAY }),
  )
  .map(([from, length]) => ({ from, to: from + length }));

function mergeSameKind(list: OpenInterval[]): OpenInterval[] {
  const out: OpenInterval[] = [];
  for (const i of [...list].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last.onRequest === i.onRequest && i.start <= last.end) out[out.length - 1] = { ...last, end: Math.max(last.end, i.end) };
    else out.push(i);
  }
  return out;
}

function checkShape(list: OpenInterval[], from: number, to: number): void {
  list.forEach((i, k) => {
    expect(i.start).toBeGreaterThanOrEqual(from);
    expect(i.end).toBeLessThanOrEqual(to);
    expect(i.end).toBeGreaterThan(i.start);
    const prev = list[k - 1];
    if (prev) {
      expect(prev.end).toBeLessThanOrEqual(i.start);
      if (prev.end === i.start) expect(prev.onRequest).not.toBe(i.onRequest); // touching same-kind ones are merged
    }
  });
}

function checkAgainstIsOpenAt(s: OpeningSchedule, list: OpenInterval[], from: number, to: number, samples: number[]): void {
  const probes = [...samples.map((f) => from + Math.floor(f * (to - from))), ...list.flatMap((i) => [i.start, i.end - 1, i.end])].filter(
    (t) => t >= from && t < to,
  );
  for (const t of probes.slice(0, 24)) {
    const inside = list.find((i) => i.start <= t && t < i.end);
    const state = isOpenAt(s, t);
    expect(state.open).toBe(inside !== undefined);
    expect(state.onRequest).toBe(inside?.onRequest ?? false);
    if (inside && inside.end < to) expect(state.closesAt).toBe(inside.end);
  }
}

const samplesArb = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 8 });

describe('openIntervals properties', () => {
  it('in Europe/Paris: sorted, disjoint, within the window, and agreeing with isOpenAt', () => {
    fc.assert(
      fc.property(scheduleArb('Europe/Paris'), windowArb, samplesArb, (s, { from, to }, samples) => {
        const list = openIntervals(s, from, to);
        checkShape(list, from, to);
        checkAgainstIsOpenAt(s, list, from, to, samples);
      }),
      { numRuns: 120 },
    );
  });

  it('in Europe/Paris: splitting the window in two gives the same union', () => {
    fc.assert(
      fc.property(scheduleArb('Europe/Paris'), windowArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, { from, to }, f) => {
        const mid = from + Math.floor(f * (to - from));
        const whole = openIntervals(s, from, to);
        const parts = mergeSameKind([...openIntervals(s, from, mid), ...openIntervals(s, mid, to)]);
        expect(parts).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it.each(['America/New_York', 'Pacific/Auckland'])('in %s: well-formed, split-invariant and agreeing with isOpenAt', (zone) => {
    fc.assert(
      fc.property(scheduleArb(zone), windowArb, samplesArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, { from, to }, samples, f) => {
        const list = openIntervals(s, from, to);
        checkShape(list, from, to);
        const mid = from + Math.floor(f * (to - from));
        expect(mergeSameKind([...openIntervals(s, from, mid), ...openIntervals(s, mid, to)])).toEqual(list);
        checkAgainstIsOpenAt(s, list, from, to, samples);
      }),
      { numRuns: 60 },
    );
  });

  it('the real duration of a day never differs from its wall duration by more than one hour in Paris', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), dayRanges(3), (dayIndex, ranges) => {
        const date = new Date(YEAR_START + dayIndex * DAY).toISOString().slice(0, 10);
        const s: OpeningSchedule = {
          timeZone: 'Europe/Paris',
          weekly: [],
          exceptions: ranges.length ? [{ date, kind: 'hours', ranges }] : [],
          closedOnPublicHolidays: false,
        };
        const wall = ranges.reduce((sum, r) => sum + (Number(r.closes.slice(0, 2)) * 60 + Number(r.closes.slice(3)) - Number(r.opens.slice(0, 2)) * 60 - Number(r.opens.slice(3))), 0) * 60_000;
        const real = openIntervals(s, YEAR_START + (dayIndex - 1) * DAY, YEAR_START + (dayIndex + 2) * DAY).reduce((sum, i) => sum + i.end - i.start, 0);
        expect(Math.abs(real - wall)).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 200 },
    );
  });
});
