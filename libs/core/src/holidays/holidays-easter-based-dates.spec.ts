import { easterSunday, frenchPublicHolidays } from './index';

describe('Easter-based French public holidays', () => {
  it.each([
    [2024, '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-17'],
  ])('in %i: Easter %s, Easter Monday %s, Ascension %s, Whit Monday %s', (year, easter, monday, ascension, whitMonday) => {
    expect(easterSunday(year)).toBe(easter);
    const byName = new Map(frenchPublicHolidays(year).map((h) => [h.name, h.date]));
    expect(byName.get('Lundi de Pâques')).toBe(monday);
    expect(byName.get('Ascension')).toBe(ascension);
    expect(byName.get('Lundi de Pentecôte')).toBe(whitMonday);
  });

  it('handles the extreme Easter dates (22 March 2285, 25 April 2038)', () => {
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('puts Good Friday two days before Easter in Alsace-Moselle', () => {
    const goodFriday = frenchPublicHolidays(2026, 'alsace-moselle').find((h) => h.name === 'Vendredi saint');
    expect(goodFriday?.date).toBe('2026-04-03');
  });
});
