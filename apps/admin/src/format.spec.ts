import { formatClock, formatDistance, formatPrice } from './format';
import { findTown, normaliseTownName, townList } from './towns';

// Intl puts a narrow no-break space in French numbers and before "€"; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for the directory', () => {
  it('writes distances in metres under 1 km, one decimal under 10 km, whole km beyond', () => {
    expect(formatDistance(0.843, 'fr')).toBe('840 m');
    expect(formatDistance(4.26, 'fr')).toBe('4,3 km');
    expect(formatDistance(4.26, 'en')).toBe('4.3 km');
    expect(formatDistance(0, 'en')).toBe('0 m');
    expect(formatDistance(27.6, 'fr')).toBe('28 km');
    expect(plain(formatDistance(1234.5, 'fr'))).toBe('1 235 km');
    expect(formatDistance(Number.NaN, 'fr')).toBe('');
  });

  it('writes prices and clock times the French or English way', () => {
    expect(plain(formatPrice(3000, 'fr'))).toBe('30,00 €');
    expect(formatPrice(4500, 'en')).toBe('€45.00');
    expect(formatClock('09:00', 'fr')).toBe('9 h 00');
    expect(formatClock('24:00', 'en')).toBe('24:00');
  });

  it('finds a town whatever its accents, case and hyphens, including towns of loaded points', () => {
    expect(normaliseTownName('Saint-Brieuc')).toBe(normaliseTownName('saint brieuc'));
    const towns = townList([{ name: 'Pleumeur-Bodou', latitude: 48.77, longitude: -3.52 }]);
    expect(findTown(towns, 'pleumeur bodou')?.name).toBe('Pleumeur-Bodou');
    expect(findTown(towns, 'FOUGERES')?.name).toBe('Fougères');
    expect(findTown(towns, '')).toBeUndefined();
    expect(findTown(towns, 'Paris')).toBeUndefined();
  });
});
