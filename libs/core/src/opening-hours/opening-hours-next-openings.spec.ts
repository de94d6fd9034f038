import { nextOpenings, type OpeningSchedule } from './index';
import { at, everyDay, typicalWeek } from './opening-hours.fixtures';

describe('nextOpenings over the Christmas week 2026', () => {
  const schedule = typicalWeek({
    exceptions: [{ date: '2026-12-24', kind: 'hours', ranges: [{ opens: '09:00', closes: '12:00' }], reason: 'Veille de Noël' }],
  });

  it('lists the next openings, skipping Christmas (Friday) and the weekend', () => {
    const list = nextOpenings(schedule, at('2026-12-23T18:00:00+01:00'), 3);
    expect(list).toEqual([
      { start: at('2026-12-24T09:00:00+01:00'), end: at('2026-12-24T12:00:00+01:00'), onRequest: false },
      { start: at('2026-12-28T09:00:00+01:00'), end: at('2026-12-28T17:30:00+01:00'), onRequest: false },
      { start: at('2026-12-29T09:00:00+01:00'), end: at('2026-12-29T17:30:00+01:00'), onRequest: false },
    ]);
  });

  it('returns the interval open at `from` whole', () => {
    const [first] = nextOpenings(schedule, at('2026-12-23T10:00:00+01:00'), 1);
    expect(first).toEqual({ start: at('2026-12-23T09:00:00+01:00'), end: at('2026-12-23T17:30:00+01:00'), onRequest: false });
  });

  it('returns nothing for a schedule that never opens, within the horizon', () => {
    const closed: OpeningSchedule = { timeZone: 'Europe/Paris', weekly: [], exceptions: [], closedOnPublicHolidays: true };
    expect(nextOpenings(closed, at('2026-01-01T00:00:00+01:00'), 5)).toEqual([]);
  });

  it('stops at the horizon', () => {
    expect(nextOpenings(schedule, at('2026-12-23T18:00:00+01:00'), 10, 5)).toHaveLength(2);
  });

  it('a 24/7 point is one single interval, cut at the horizon', () => {
    const from = at('2026-06-01T12:00:00+02:00');
    const list = nextOpenings(everyDay('00:00', '24:00'), from, 3, 40);
    expect(list).toEqual([{ start: list[0].start, end: from + 40 * 86_400_000, onRequest: false }]);
    expect(list[0].start).toBeLessThan(from);
  });
});
