import { isOpenAt, nextOpenings, openIntervals } from './index';
import { at, typicalWeek } from './opening-hours.fixtures';

describe('a point closed on public holidays, on Tuesday 14 July 2026 (Fête nationale)', () => {
  const schedule = typicalWeek();

  it('has no opening on 14 July but opens as usual on 13 and 15 July', () => {
    const intervals = openIntervals(schedule, at('2026-07-13T00:00:00+02:00'), at('2026-07-16T00:00:00+02:00'));
    expect(intervals).toEqual([
      { start: at('2026-07-13T09:00:00+02:00'), end: at('2026-07-13T17:30:00+02:00'), onRequest: false },
      { start: at('2026-07-15T09:00:00+02:00'), end: at('2026-07-15T17:30:00+02:00'), onRequest: false },
    ]);
  });

  it('is closed at 10:00 on 14 July', () => {
    expect(isOpenAt(schedule, at('2026-07-14T10:00:00+02:00'))).toEqual({ open: false, onRequest: false });
  });

  it('next opening after the evening of 13 July is on 15 July', () => {
    const [next] = nextOpenings(schedule, at('2026-07-13T18:00:00+02:00'), 1);
    expect(next.start).toBe(at('2026-07-15T09:00:00+02:00'));
  });

  it('is open on 14 July when the point does not close on public holidays', () => {
    const open = typicalWeek({ closedOnPublicHolidays: false });
    expect(isOpenAt(open, at('2026-07-14T10:00:00+02:00'))).toEqual({ open: true, onRequest: false, closesAt: at('2026-07-14T17:30:00+02:00') });
  });

  it('opens on 14 July when a dated exception says so (exceptions win over holidays)', () => {
    const s = typicalWeek({ exceptions: [{ date: '2026-07-14', kind: 'hours', ranges: [{ opens: '10:00', closes: '12:00' }], reason: 'Permanence' }] });
    expect(openIntervals(s, at('2026-07-14T00:00:00+02:00'), at('2026-07-15T00:00:00+02:00'))).toEqual([
      { start: at('2026-07-14T10:00:00+02:00'), end: at('2026-07-14T12:00:00+02:00'), onRequest: false },
    ]);
  });
});
