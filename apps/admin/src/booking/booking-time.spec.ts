import { addDays, bookableDates, clockAt, dayHeading, daysBetween, defaultDuration, durationChoices, formatDuration, localDate, slotsByDay, zonedInstant, zoneOffsetMs } from './booking-time';

const PARIS = 'Europe/Paris';

describe('wall-clock time in the point’s zone, for the booking flow', () => {
  it('Paris is UTC+1 in winter and UTC+2 in summer', () => {
    expect(zoneOffsetMs(Date.parse('2026-12-08T12:00:00Z'), PARIS)).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-14T12:00:00Z'), PARIS)).toBe(7_200_000);
  });

  it('midnight and 10:00 local on a winter day, and across the March and October changes', () => {
    expect(new Date(zonedInstant('2026-12-08', 0, PARIS)).toISOString()).toBe('2026-12-07T23:00:00.000Z');
    expect(new Date(zonedInstant('2026-12-08', 600, PARIS)).toISOString()).toBe('2026-12-08T09:00:00.000Z');
    // 29 March 2026: 02:00 → 03:00. Midnight is still UTC+1, 10:00 is UTC+2.
    expect(new Date(zonedInstant('2026-03-29', 0, PARIS)).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-29', 600, PARIS)).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // 25 October 2026: 03:00 → 02:00. The day after starts at 23:00 UTC.
    expect(new Date(zonedInstant('2026-10-26', 0, PARIS)).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('the local date of an instant: 23:30 UTC on 7 December is already the 8th in Paris', () => {
    expect(localDate(Date.parse('2026-12-07T23:30:00Z'), PARIS)).toBe('2026-12-08');
    expect(localDate(Date.parse('2026-12-07T22:59:00Z'), PARIS)).toBe('2026-12-07');
  });

  it('moves local dates by days, across months and years', () => {
    expect(addDays('2026-12-28', 6)).toBe('2027-01-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-28', '2027-01-03')).toBe(6);
  });

  it('durations from the policy: 1 h to 12 h in 30 min steps makes 23 choices, 2 h first', () => {
    const choices = durationChoices({ minDurationMinutes: 60, maxDurationMinutes: 720, granularityMinutes: 30 });
    expect(choices).toHaveLength(23);
    expect(choices.slice(0, 3)).toEqual([60, 90, 120]);
    expect(choices[choices.length - 1]).toBe(720);
    expect(defaultDuration(choices)).toBe(120);
    expect(defaultDuration(durationChoices({ minDurationMinutes: 180, maxDurationMinutes: 480, granularityMinutes: 60 }))).toBe(180);
    // A minimum off the granularity starts at the next step.
    expect(durationChoices({ minDurationMinutes: 45, maxDurationMinutes: 120, granularityMinutes: 30 })).toEqual([60, 90, 120]);
  });

  it('writes durations and clock times the French and the English way', () => {
    expect([formatDuration(120, 'fr'), formatDuration(90, 'fr'), formatDuration(45, 'fr')]).toEqual(['2 h', '1 h 30', '45 min']);
    expect(formatDuration(90, 'en')).toBe('1 h 30 min');
    expect(clockAt('2026-12-08T09:00:00.000Z', PARIS, 'fr')).toBe('10 h 00');
    expect(clockAt('2026-12-08T17:30:00.000Z', PARIS, 'en')).toBe('18:30');
    expect(dayHeading('2026-12-08', 'fr')).toBe('mardi 8 décembre 2026');
    expect(dayHeading('2026-12-08', 'en')).toBe('Tuesday, 8 December 2026');
  });

  it('groups slots by local day in start order', () => {
    const slot = (start: string, end: string, onRequest = false) => ({ start, end, onRequest });
    const days = slotsByDay(
      [slot('2026-12-09T08:00:00.000Z', '2026-12-09T10:00:00.000Z'), slot('2026-12-08T17:00:00.000Z', '2026-12-08T19:00:00.000Z', true), slot('2026-12-08T09:00:00.000Z', '2026-12-08T11:00:00.000Z')],
      PARIS,
    );
    expect(days.map((d) => [d.date, d.slots.map((s) => clockAt(s.start, PARIS, 'fr'))])).toEqual([
      ['2026-12-08', ['10 h 00', '18 h 00']],
      ['2026-12-09', ['9 h 00']],
    ]);
  });

  it('the bookable dates: 48 h notice and a 365-day horizon from Sunday 22 November 2026, 22:00 in Paris', () => {
    const now = Date.parse('2026-11-22T21:00:00Z');
    expect(bookableDates(now, { minLeadMinutes: 48 * 60, horizonDays: 365 }, PARIS)).toEqual({ first: '2026-11-24', last: '2027-11-22' });
  });
});
