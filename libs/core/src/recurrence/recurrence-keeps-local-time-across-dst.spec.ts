import { DateTime } from 'luxon';
import { expandRecurrence } from './index';

describe('a recurrence keeps its local time across DST changes', () => {
  const zone = 'Europe/Paris';
  const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
  const show = (t: number) => DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: true });

  it('a weekly Thursday 14:00 meeting stays at 14:00 across 29 March 2026', () => {
    const occ = expandRecurrence({ rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=3', start: at('2026-03-19T14:00'), durationMinutes: 120, timeZone: zone });
    expect(occ.map((o) => show(o.start))).toEqual(['2026-03-19T14:00+01:00', '2026-03-26T14:00+01:00', '2026-04-02T14:00+02:00']);
    expect(occ[2].start - occ[1].start).toBe(7 * 86_400_000 - 3_600_000);
    expect(occ.every((o) => o.end - o.start === 2 * 3_600_000)).toBe(true);
  });

  it('and across 25 October 2026', () => {
    const occ = expandRecurrence({ rrule: 'RRULE:FREQ=WEEKLY;COUNT=2', start: at('2026-10-22T14:00'), durationMinutes: 60, timeZone: zone });
    expect(occ.map((o) => show(o.start))).toEqual(['2026-10-22T14:00+02:00', '2026-10-29T14:00+01:00']);
  });

  it('a monthly first-Tuesday meeting keeps 09:30', () => {
    const occ = expandRecurrence({ rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=4', start: at('2026-02-03T09:30'), durationMinutes: 120, timeZone: zone });
    expect(occ.map((o) => show(o.start))).toEqual(['2026-02-03T09:30+01:00', '2026-03-03T09:30+01:00', '2026-04-07T09:30+02:00', '2026-05-05T09:30+02:00']);
  });

  it('a daily 02:30 occurrence falling in the spring-forward gap moves to 03:30 that day only', () => {
    const occ = expandRecurrence({ rrule: 'FREQ=DAILY;COUNT=3', start: at('2026-03-28T02:30'), durationMinutes: 60, timeZone: zone });
    expect(occ.map((o) => show(o.start))).toEqual(['2026-03-28T02:30+01:00', '2026-03-29T03:30+02:00', '2026-03-30T02:30+02:00']);
  });

  it('UNTIL in UTC is inclusive and compared as an instant', () => {
    const occ = expandRecurrence({ rrule: 'FREQ=WEEKLY;UNTIL=20260416T120000Z', start: at('2026-03-19T14:00'), durationMinutes: 60, timeZone: zone });
    expect(occ).toHaveLength(5);
    expect(show(occ[4].start)).toBe('2026-04-16T14:00+02:00');
  });
});
