import { freeSlots, freeWindows } from './index';
import { PARIS, dailyOpen, local, paris, studyPolicy } from './spec-helpers';

// Monday 15 June 2026: a meeting between the points of two EPCI with different opening hours.
describe('two points with different opening hours', () => {
  const now = paris('2026-06-01T09:00');
  const day = { from: paris('2026-06-15T00:00'), to: paris('2026-06-16T00:00') };
  const openA = dailyOpen('2026-06-15', 1, [['09:00', '17:30']]);
  const openB = dailyOpen('2026-06-15', 1, [
    ['08:30', '12:00'],
    ['14:00', '18:00'],
  ]);
  const times = (slots: { start: number; end: number }[]) => slots.map((s) => `${local(s.start).slice(11)}–${local(s.end).slice(11)}`);

  it('offers the common slots (no buffers)', () => {
    const policy = studyPolicy({ setupBufferMinutes: 0, teardownBufferMinutes: 0 });
    const slots = freeSlots({
      rooms: [
        { roomId: 'A', open: openA, busy: [], policy },
        { roomId: 'B', open: openB, busy: [], policy },
      ],
      ...day,
      durationMinutes: 120,
      now,
      timeZone: PARIS,
    });
    expect(times(slots)).toEqual(['09:00–11:00', '09:30–11:30', '10:00–12:00', '14:00–16:00', '14:30–16:30', '15:00–17:00', '15:30–17:30']);
    expect(slots.every((s) => !s.onRequest)).toBe(true);
  });

  it('shrinks them by each room’s set-up and tear-down buffers', () => {
    const policy = studyPolicy({ setupBufferMinutes: 15, teardownBufferMinutes: 15 });
    const rooms = [
      { roomId: 'A', open: openA, busy: [], policy },
      { roomId: 'B', open: openB, busy: [], policy },
    ];
    expect(times(freeSlots({ rooms, ...day, durationMinutes: 120, now, timeZone: PARIS }))).toEqual(['09:30–11:30', '14:30–16:30', '15:00–17:00']);
    const windows = freeWindows({ rooms, ...day, now, timeZone: PARIS });
    expect(times(windows)).toEqual(['09:15–11:45', '14:15–17:15']);
    expect(windows.every((w) => !w.onRequest)).toBe(true);
    expect(freeWindows({ rooms, ...day, now, timeZone: PARIS, durationMinutes: 160 })).toHaveLength(1);
  });

  it('aligns on the strictest granularity and respects the other point’s bookings', () => {
    const rooms = [
      { roomId: 'A', open: openA, busy: [{ start: paris('2026-06-15T14:00'), end: paris('2026-06-15T15:00') }], policy: studyPolicy({ setupBufferMinutes: 0, teardownBufferMinutes: 0 }) },
      { roomId: 'B', open: openB, busy: [], policy: studyPolicy({ granularityMinutes: 60, setupBufferMinutes: 0, teardownBufferMinutes: 0 }) },
    ];
    expect(times(freeSlots({ rooms, ...day, durationMinutes: 120, now, timeZone: PARIS }))).toEqual(['09:00–11:00', '10:00–12:00', '15:00–17:00']);
    expect(() => freeSlots({ rooms, ...day, durationMinutes: 150, now, timeZone: PARIS })).toThrow(/multiple of 60/);
  });

  it('finds nothing when one point is booked all day, and honours the limit', () => {
    const policy = studyPolicy({ setupBufferMinutes: 0, teardownBufferMinutes: 0 });
    const full = [{ roomId: 'A', open: openA, busy: [{ start: day.from, end: day.to }], policy }, { roomId: 'B', open: openB, busy: [], policy }];
    expect(freeSlots({ rooms: full, ...day, durationMinutes: 120, now, timeZone: PARIS })).toEqual([]);
    const rooms = [{ roomId: 'A', open: openA, busy: [], policy }, { roomId: 'B', open: openB, busy: [], policy }];
    expect(freeSlots({ rooms, ...day, durationMinutes: 120, now, timeZone: PARIS, limit: 2 })).toHaveLength(2);
  });
});
