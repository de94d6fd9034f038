import { isOpenAt, openIntervals } from './index';
import { at, everyDay, HOUR } from './opening-hours.fixtures';

// Sunday 29 March 2026 in Europe/Paris: 02:00 CET becomes 03:00 CEST (01:00 UTC).
describe('the March DST change in Europe/Paris (2026-03-29)', () => {
  const dayStart = at('2026-03-29T00:00:00+01:00');
  const dayEnd = at('2026-03-30T00:00:00+02:00');

  it('a 09:00–17:30 day lasts 8h30 of real time', () => {
    const [i] = openIntervals(everyDay('09:00', '17:30'), dayStart, dayEnd);
    expect(i).toEqual({ start: at('2026-03-29T09:00:00+02:00'), end: at('2026-03-29T17:30:00+02:00'), onRequest: false });
    expect(i.end - i.start).toBe(8.5 * HOUR);
  });

  it('a 01:00–04:00 range, containing the skipped hour, lasts two hours', () => {
    const [i] = openIntervals(everyDay('01:00', '04:00'), dayStart, dayEnd);
    expect(i).toEqual({ start: at('2026-03-29T01:00:00+01:00'), end: at('2026-03-29T04:00:00+02:00'), onRequest: false });
    expect(i.end - i.start).toBe(2 * HOUR);
  });

  it('the whole day (00:00–24:00) lasts 23 hours', () => {
    const [i] = openIntervals(everyDay('00:00', '24:00'), dayStart, dayEnd);
    expect(i.end - i.start).toBe(23 * HOUR);
  });

  it('a range opening inside the skipped hour (02:30) opens at the change, 03:00 CEST', () => {
    const [i] = openIntervals(everyDay('02:30', '05:00'), dayStart, dayEnd);
    expect(i.start).toBe(at('2026-03-29T03:00:00+02:00'));
    expect(i.end - i.start).toBe(2 * HOUR);
  });

  it('a range lying entirely inside the skipped hour does not open at all', () => {
    expect(openIntervals(everyDay('02:00', '02:45'), dayStart, dayEnd)).toEqual([]);
  });

  it('isOpenAt agrees just before and just after the change', () => {
    const s = everyDay('01:00', '04:00');
    expect(isOpenAt(s, at('2026-03-29T01:59:00+01:00'))).toEqual({ open: true, onRequest: false, closesAt: at('2026-03-29T04:00:00+02:00') });
    expect(isOpenAt(s, at('2026-03-29T03:59:00+02:00')).open).toBe(true);
    expect(isOpenAt(s, at('2026-03-29T04:00:00+02:00')).open).toBe(false);
  });
});
