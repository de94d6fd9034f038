import { DomainError } from '../errors/domain-error';
import { frenchPublicHolidayName, frenchPublicHolidays, isFrenchPublicHoliday } from './index';

describe('French public holidays of 2026, metropolitan France and Alsace-Moselle', () => {
  it('lists the 11 metropolitan holidays, sorted, with their French names', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: "Jour de l'an" },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle (13 days)', () => {
    const list = frenchPublicHolidays(2026, 'alsace-moselle');
    expect(list).toHaveLength(13);
    expect(list).toContainEqual({ date: '2026-04-03', name: 'Vendredi saint' });
    expect(list).toContainEqual({ date: '2026-12-26', name: 'Saint-Étienne' });
  });

  it('answers isFrenchPublicHoliday per calendar', () => {
    expect(isFrenchPublicHoliday('2026-07-14')).toBe(true);
    expect(isFrenchPublicHoliday('2026-07-15')).toBe(false);
    expect(isFrenchPublicHoliday('2026-12-26')).toBe(false);
    expect(isFrenchPublicHoliday('2026-12-26', 'alsace-moselle')).toBe(true);
    expect(isFrenchPublicHoliday('2026-04-03', 'alsace-moselle')).toBe(true);
    expect(frenchPublicHolidayName('2026-07-14')).toBe('Fête nationale');
  });

  it('keeps both names when two holidays coincide (1 May 2008 was also Ascension)', () => {
    expect(frenchPublicHolidays(2008).filter((h) => h.date === '2008-05-01')).toHaveLength(2);
    expect(frenchPublicHolidayName('2008-05-01')).toBe('Fête du Travail / Ascension');
  });

  it('rejects malformed dates and years', () => {
    expect(() => isFrenchPublicHoliday('2026-02-30')).toThrow(DomainError);
    expect(() => frenchPublicHolidays(2026.5)).toThrow(DomainError);
  });
});
