import fc from 'fast-check';
import { DateTime } from 'luxon';
import { type Interval, intervalsOverlap, mergeIntervals, subtractIntervals } from '../time/interval';
import { type BookingPolicy, type RoomAvailability, type Slot, checkBookingRequest, freeSlots, freeWindows } from './index';
import { PARIS, paris } from './spec-helpers';
import type { OpenInterval } from './types';

const MIN = 60_000;
const lcm = (a: number, b: number): number => {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a / gcd(a, b)) * b;
};

// Two-day windows, two of them containing a DST change.
const baseDays = ['2026-03-28', '2026-06-15', '2026-10-24'];

// Positions and lengths in quarter-hours from local midnight of the first day.
const openInterval = fc.record({ at: fc.integer({ min: 0, max: 160 }), len: fc.integer({ min: 4, max: 120 }) });
const busyInterval = fc.record({ at: fc.integer({ min: 0, max: 180 }), len: fc.integer({ min: 1, max: 16 }) });
const roomArb = fc.record({
  open: fc.array(fc.record({ i: openInterval, onRequest: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  busy: fc.array(busyInterval, { maxLength: 3 }),
  g: fc.constantFrom(15, 30, 60),
  setup: fc.constantFrom(0, 15, 30),
  teardown: fc.constantFrom(0, 15, 30),
  lead: fc.constantFrom(0, 0, 60, 600),
  horizonDays: fc.integer({ min: 1, max: 4 }),
});
const caseArb = fc.record({
  day: fc.constantFrom(...baseDays),
  rooms: fc.array(roomArb, { minLength: 1, maxLength: 3 }),
  k: fc.integer({ min: 1, max: 4 }),
  nowBack: fc.integer({ min: 0, max: 96 }),
  fromAt: fc.integer({ min: 0, max: 96 }),
  span: fc.integer({ min: 8, max: 192 }),
  includeOnRequest: fc.boolean(),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const base = paris(`${c.day}T00:00`);
  const toI = (x: { at: number; len: number }): Interval => ({ start: base + x.at * 15 * MIN, end: base + (x.at + x.len) * 15 * MIN });
  let granularity = 1;
  const rooms: RoomAvailability[] = c.rooms.map((r, idx) => {
    granularity = lcm(granularity, r.g);
    const policy: BookingPolicy = {
      minLeadMinutes: r.lead,
      minDurationMinutes: 15,
      maxDurationMinutes: 600,
      granularityMinutes: r.g,
      setupBufferMinutes: r.setup,
      teardownBufferMinutes: r.teardown,
      horizonDays: r.horizonDays,
      approvalCategories: ['INDIVIDUAL'],
    };
    return { roomId: `r${idx}`, open: r.open.map((o): OpenInterval => ({ ...toI(o.i), onRequest: o.onRequest })), busy: r.busy.map(toI), policy };
  });
  const from = base + c.fromAt * 15 * MIN;
  return { rooms, from, to: from + c.span * 15 * MIN, now: base - c.nowBack * 15 * MIN, durationMinutes: c.k * granularity, granularity, includeOnRequest: c.includeOnRequest };
}

const covered = (i: Interval, by: readonly Interval[]) => subtractIntervals([i], by).length === 0;

/** Definitional brute force: every minute of the window, every room, every interval. */
function reference(q: ReturnType<typeof build>): Slot[] {
  const out: Slot[] = [];
  const d = q.durationMinutes * MIN;
  for (let t = q.from; t + d <= q.to; t += MIN) {
    let ok = true;
    let onRequest = false;
    for (const r of q.rooms) {
      const p = r.policy;
      const held = { start: t - p.setupBufferMinutes * MIN, end: t + d + p.teardownBufferMinutes * MIN };
      const regular = r.open.filter((o) => !o.onRequest);
      const usable = q.includeOnRequest ? r.open : regular;
      if (t < q.now + p.minLeadMinutes * MIN || t + d > q.now + p.horizonDays * 86_400_000 || !covered(held, usable) || r.busy.some((b) => intervalsOverlap(b, held))) {
        ok = false;
        break;
      }
      if (!covered(held, regular)) onRequest = true;
    }
    if (!ok) continue;
    const local = DateTime.fromMillis(t, { zone: PARIS });
    if ((local.hour * 60 + local.minute) % q.granularity !== 0) continue;
    out.push({ start: t, end: t + d, onRequest });
  }
  return out;
}

describe('availability properties (fast-check)', () => {
  it('free slots equal the brute-force reference on small random inputs', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const q = build(c);
        const slots = freeSlots({ ...q, timeZone: PARIS, limit: 10_000 });
        const ref = reference(q);
        if (ref.length > 0) nonEmpty++;
        expect(slots).toEqual(ref);
      }),
      { numRuns: 200 },
    );
    // The generator must not be vacuous (about a third of the cases have slots).
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('every slot is sorted, aligned, open and free in every room, confirmable by checkBookingRequest, and inside a free window', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const q = build(c);
        const slots = freeSlots({ ...q, timeZone: PARIS, limit: 10_000 });
        const windows = mergeIntervals(freeWindows({ ...q, timeZone: PARIS }));
        slots.forEach((s, i) => {
          if (i > 0) expect(s.start).toBeGreaterThan(slots[i - 1].start);
          const local = DateTime.fromMillis(s.start, { zone: PARIS });
          expect((local.hour * 60 + local.minute) % q.granularity).toBe(0);
          expect(windows.some((w) => w.start <= s.start && s.end <= w.end)).toBe(true);
          let needsApproval = false;
          for (const r of q.rooms) {
            const held = { start: s.start - r.policy.setupBufferMinutes * MIN, end: s.end + r.policy.teardownBufferMinutes * MIN };
            expect(covered(held, r.open)).toBe(true);
            expect(r.busy.some((b) => intervalsOverlap(b, held))).toBe(false);
            const check = checkBookingRequest({ policy: r.policy, open: r.open, busy: r.busy, start: s.start, end: s.end, now: q.now, timeZone: PARIS, category: 'COMPANY' });
            expect(check.heldInterval).toEqual(held);
            if (check.status === 'NEEDS_APPROVAL') needsApproval = true;
          }
          expect(needsApproval).toBe(s.onRequest);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the limit returns a prefix', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 5 }), (c, limit) => {
        const q = build(c);
        expect(freeSlots({ ...q, timeZone: PARIS, limit })).toEqual(freeSlots({ ...q, timeZone: PARIS, limit: 10_000 }).slice(0, limit));
      }),
      { numRuns: 50 },
    );
  });
});
