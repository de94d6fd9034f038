import { isOpenAt, openIntervals, type OpeningSchedule } from './index';
import { at } from './opening-hours.fixtures';

describe('a point open 09:00–18:00, extendable to midnight on request', () => {
  const schedule: OpeningSchedule = {
    timeZone: 'Europe/Paris',
    weekly: [
      { weekday: 3, opens: '09:00', closes: '18:00' },
      { weekday: 3, opens: '18:00', closes: '24:00', onRequest: true },
      { weekday: 4, opens: '09:00', closes: '18:00' },
    ],
    exceptions: [
      // Thursday 8 October 2026: a council evening, the day is extended to midnight on request.
      { date: '2026-10-08', kind: 'hours', ranges: [{ opens: '09:00', closes: '18:00' }, { opens: '18:00', closes: '24:00', onRequest: true }], reason: 'Conseil communautaire' },
    ],
    closedOnPublicHolidays: true,
  };

  it('splits Wednesday 7 October 2026 into a normal period and an on-request evening ending at midnight', () => {
    expect(openIntervals(schedule, at('2026-10-07T00:00:00+02:00'), at('2026-10-08T00:00:00+02:00'))).toEqual([
      { start: at('2026-10-07T09:00:00+02:00'), end: at('2026-10-07T18:00:00+02:00'), onRequest: false },
      { start: at('2026-10-07T18:00:00+02:00'), end: at('2026-10-08T00:00:00+02:00'), onRequest: true },
    ]);
  });

  it('reports 21:00 as open on request, closing at midnight', () => {
    expect(isOpenAt(schedule, at('2026-10-07T21:00:00+02:00'))).toEqual({ open: true, onRequest: true, closesAt: at('2026-10-08T00:00:00+02:00') });
  });

  it('reports 17:00 as open normally, the normal period closing at 18:00', () => {
    expect(isOpenAt(schedule, at('2026-10-07T17:00:00+02:00'))).toEqual({ open: true, onRequest: false, closesAt: at('2026-10-07T18:00:00+02:00') });
  });

  it('replaces the Thursday hours by the exception ranges on 8 October', () => {
    expect(openIntervals(schedule, at('2026-10-08T00:00:00+02:00'), at('2026-10-09T00:00:00+02:00'))).toEqual([
      { start: at('2026-10-08T09:00:00+02:00'), end: at('2026-10-08T18:00:00+02:00'), onRequest: false },
      { start: at('2026-10-08T18:00:00+02:00'), end: at('2026-10-09T00:00:00+02:00'), onRequest: true },
    ]);
  });

  it('keeps the normal Thursday hours on 15 October', () => {
    expect(isOpenAt(schedule, at('2026-10-15T19:00:00+02:00')).open).toBe(false);
  });

  it('merges the on-request evening with a following on-request night across midnight', () => {
    const s: OpeningSchedule = { ...schedule, exceptions: [{ date: '2026-10-08', kind: 'hours', ranges: [{ opens: '00:00', closes: '02:00', onRequest: true }] }] };
    expect(openIntervals(s, at('2026-10-07T20:00:00+02:00'), at('2026-10-08T03:00:00+02:00'))).toEqual([
      { start: at('2026-10-07T20:00:00+02:00'), end: at('2026-10-08T02:00:00+02:00'), onRequest: true },
    ]);
    expect(isOpenAt(s, at('2026-10-07T23:00:00+02:00')).closesAt).toBe(at('2026-10-08T02:00:00+02:00'));
  });
});
