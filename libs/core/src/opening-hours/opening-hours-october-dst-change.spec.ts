import { isOpenAt, openIntervals } from './index';
import { at, everyDay, HOUR } from './opening-hours.fixtures';

// Sunday 25 October 2026 in Europe/Paris: 03:00 CEST goes back to 02:00 CET (01:00 UTC).
describe('the October DST change in Europe/Paris (2026-10-25)', () => {
  const dayStart = at('2026-10-25T00:00:00+02:00');
  const dayEnd = at('2026-10-26T00:00:00+01:00');

  it('a 09:00–17:30 day still lasts 8h30 of real time', () => {
    const [i] = openIntervals(everyDay('09:00', '17:30'), dayStart, dayEnd);
    expect(i).toEqual({ start: at('2026-10-25T09:00:00+01:00'), end: at('2026-10-25T17:30:00+01:00'), onRequest: false });
    expect(i.end - i.start).toBe(8.5 * HOUR);
  });

  it('a 02:00–03:00 range covers the repeated hour and lasts two hours', () => {
    const [i] = openIntervals(everyDay('02:00', '03:00'), dayStart, dayEnd);
    expect(i).toEqual({ start: at('2026-10-25T02:00:00+02:00'), end: at('2026-10-25T03:00:00+01:00'), onRequest: false });
    expect(i.end - i.start).toBe(2 * HOUR);
  });

  it('a 01:00–04:00 range lasts four hours', () => {
    const [i] = openIntervals(everyDay('01:00', '04:00'), dayStart, dayEnd);
    expect(i.end - i.start).toBe(4 * HOUR);
  });

  it('the whole day (00:00–24:00) lasts 25 hours', () => {
    const [i] = openIntervals(everyDay('00:00', '24:00'), dayStart, dayEnd);
    expect(i.end - i.start).toBe(25 * HOUR);
  });

  it('is open during both occurrences of 02:30', () => {
    const s = everyDay('02:00', '03:00');
    expect(isOpenAt(s, at('2026-10-25T02:30:00+02:00')).open).toBe(true);
    expect(isOpenAt(s, at('2026-10-25T02:30:00+01:00'))).toEqual({ open: true, onRequest: false, closesAt: at('2026-10-25T03:00:00+01:00') });
  });
});
