import { addDays, monthsBefore, nextWeekday, todayIn, zonedIso } from './time';

describe('console dates in the point’s time zone', () => {
  it('10:00 in Paris is 09:00Z in winter and 08:00Z in summer, across the DST changes', () => {
    expect(zonedIso('2026-11-24', '10:00', 'Europe/Paris')).toBe('2026-11-24T09:00:00.000Z');
    expect(zonedIso('2026-07-14', '10:00', 'Europe/Paris')).toBe('2026-07-14T08:00:00.000Z');
    expect(zonedIso('2026-03-29', '03:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedIso('2026-10-25', '12:00', 'Europe/Paris')).toBe('2026-10-25T11:00:00.000Z');
    expect(zonedIso('2026-11-24', '25:00', 'Europe/Paris')).toBeNull();
    expect(zonedIso('24/11/2026', '10:00', 'Europe/Paris')).toBeNull();
  });

  it('today in Paris just after midnight is already the next day', () => {
    expect(todayIn('Europe/Paris', Date.parse('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });

  it('the next Tuesday after Sunday 22 November 2026 is the 24th; after a Tuesday, the one a week later', () => {
    expect(nextWeekday('2026-11-22', 2)).toBe('2026-11-24');
    expect(nextWeekday('2026-11-24', 2)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthsBefore('2026-02', 3)).toBe('2025-11');
  });
});
