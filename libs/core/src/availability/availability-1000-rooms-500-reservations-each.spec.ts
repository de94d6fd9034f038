import { freeSlots, freeWindows } from './index';
import type { Interval } from '../time/interval';
import { PARIS, dailyOpen, paris, studyPolicy } from './spec-helpers';

/**
 * 1 000 rooms, 30 days, 500 reservations each (deterministic pseudo-random data): the engine's answers
 * at the scale of the network stay right. How fast it is, is measured by `npm run bench:booking`
 * (phase c, BENCHMARKS.md), not timed here: a timing bound in a test fails on a busy machine.
 */
describe('availability of 1 000 rooms with 500 reservations each over 30 days', () => {
  const from = paris('2026-09-01T00:00');
  const to = paris('2026-10-01T00:00');
  const now = paris('2026-08-25T09:00');
  const open = [...dailyOpen('2026-09-01', 30, [['07:00', '21:00']], { weekdays: [1, 2, 3, 4, 5, 6, 7] }), ...dailyOpen('2026-09-01', 30, [['21:00', '23:30']], { onRequest: true, weekdays: [1, 2, 3, 4, 5, 6, 7] })];
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const rooms = Array.from({ length: 1000 }, (_, i) => {
    const busy: Interval[] = Array.from({ length: 500 }, () => {
      const start = from + Math.floor(rand() * 30 * 48) * 30 * 60_000;
      return { start, end: start + (1 + Math.floor(rand() * 3)) * 30 * 60_000 };
    });
    return { roomId: `room-${i}`, open, busy, policy: studyPolicy({ minLeadMinutes: 0, horizonDays: 60 }) };
  });
  const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
  // Opening hours merged: a slot may run from the regular hours into the on-request evening.
  const merged = [...open].sort((a, b) => a.start - b.start).reduce<{ start: number; end: number }[]>((acc, o) => {
    const last = acc[acc.length - 1];
    if (last && o.start <= last.end) last.end = Math.max(last.end, o.end);
    else acc.push({ start: o.start, end: o.end });
    return acc;
  }, []);
  const insideOpen = (s: Interval) => merged.some((o) => o.start <= s.start && s.end <= o.end);

  it('gives every room 2-hour slots that avoid each of its 500 reservations and lie inside its opening hours', () => {
    let total = 0;
    const wrong: string[] = [];
    for (const room of rooms) {
      const slots = freeSlots({ rooms: [room], from, to, durationMinutes: 120, now, timeZone: PARIS, includeOnRequest: true });
      total += slots.length;
      for (const slot of slots) {
        if (slot.end - slot.start !== 120 * 60_000 || !insideOpen(slot) || room.busy.some((b) => overlaps(slot, b))) wrong.push(`${room.roomId} ${slot.start}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThan(1000);
  });

  it('intersects the 1 000 rooms into windows free in every one of them', () => {
    const windows = freeWindows({ rooms, from, to, now, timeZone: PARIS, includeOnRequest: true });
    for (const w of windows) expect(rooms.every((r) => !r.busy.some((b) => overlaps(w, b)))).toBe(true);
    const three = rooms.slice(0, 3);
    const slots = freeSlots({ rooms: three, from, to, durationMinutes: 120, now, timeZone: PARIS });
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) expect(three.some((r) => r.busy.some((b) => overlaps(slot, b)))).toBe(false);
  });
});
