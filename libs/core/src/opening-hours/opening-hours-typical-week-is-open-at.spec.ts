import { isOpenAt, openIntervals } from './index';
import { at, typicalWeek } from './opening-hours.fixtures';

describe('a typical week (Mon–Fri 09:00–17:30) in Paris, week of 2 February 2026', () => {
  const s = typicalWeek();

  it('is open on Monday at 09:00 and closes at 17:30', () => {
    expect(isOpenAt(s, at('2026-02-02T09:00:00+01:00'))).toEqual({ open: true, onRequest: false, closesAt: at('2026-02-02T17:30:00+01:00') });
  });

  it('is closed at 17:30 sharp (half-open intervals) and at 08:59', () => {
    expect(isOpenAt(s, at('2026-02-02T17:30:00+01:00')).open).toBe(false);
    expect(isOpenAt(s, at('2026-02-02T08:59:00+01:00')).open).toBe(false);
  });

  it('is closed on Saturday', () => {
    expect(isOpenAt(s, at('2026-02-07T11:00:00+01:00')).open).toBe(false);
  });

  it('has five openings of 8h30 in the week, clipped to the window', () => {
    const week = openIntervals(s, at('2026-02-02T12:00:00+01:00'), at('2026-02-09T00:00:00+01:00'));
    expect(week).toHaveLength(5);
    expect(week[0].start).toBe(at('2026-02-02T12:00:00+01:00'));
    expect(week.slice(1).every((i) => i.end - i.start === 8.5 * 3_600_000)).toBe(true);
  });

  it('returns nothing for an empty or reversed window', () => {
    expect(openIntervals(s, at('2026-02-02T12:00:00+01:00'), at('2026-02-02T12:00:00+01:00'))).toEqual([]);
    expect(openIntervals(s, at('2026-02-03T12:00:00+01:00'), at('2026-02-02T12:00:00+01:00'))).toEqual([]);
  });
});
