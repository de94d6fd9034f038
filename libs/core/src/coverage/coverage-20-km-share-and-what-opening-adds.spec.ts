import { bestOpenings, computeCoverage, openingGain } from './coverage';

// Real centres and 2022 populations of five communes of the Trégor and one island.
const communes = [
  { code: '22113', name: 'Lannion', population: 20_315, latitude: 48.7326, longitude: -3.4566 },
  { code: '22168', name: 'Perros-Guirec', population: 7_200, latitude: 48.8146, longitude: -3.4396 },
  { code: '22093', name: 'Guingamp', population: 6_900, latitude: 48.5615, longitude: -3.1500 },
  { code: '22013', name: 'Bourbriac', population: 2_300, latitude: 48.4744, longitude: -3.1867 },
  { code: '29155', name: 'Ouessant', population: 800, latitude: 48.4578, longitude: -5.0947 },
];
const lannionPoint = { id: 'p-lannion', latitude: 48.7326, longitude: -3.4566 };

describe('coverage of the territory within 20 km of an active point', () => {
  it('with only the Lannion point: Lannion and Perros-Guirec (9 km) are covered, Guingamp (29 km), Bourbriac and Ouessant are not', () => {
    const c = computeCoverage(communes, [lannionPoint]);
    expect(c.population).toBe(37_515);
    expect(c.coveredPopulation).toBe(27_515);
    expect(c.share).toBeCloseTo(0.7334, 4);
    expect(c.uncovered.map((u) => u.name)).toEqual(['Guingamp', 'Bourbriac', 'Ouessant']);
    expect(c.uncovered[0].nearestKm).toBeCloseTo(29.3, 0);
  });

  it('opening a point in Guingamp adds Guingamp and Bourbriac (10 km away): 9 200 people', () => {
    const g = openingGain(communes, [lannionPoint], '22093');
    expect(g.addedPopulation).toBe(9_200);
    expect(g.newlyCovered).toEqual(['22093', '22013']);
    expect(g.shareAfter).toBeCloseTo(36_715 / 37_515, 6);
  });

  it('ranks the sites by the population they would add (ties by INSEE code)', () => {
    expect(bestOpenings(communes, [lannionPoint], 2).map((g) => [g.name, g.addedPopulation])).toEqual([
      ['Bourbriac', 9_200],
      ['Guingamp', 9_200],
    ]);
  });

  it('with no point at all nobody is covered; a bad radius or an unknown commune is refused', () => {
    expect(computeCoverage(communes, []).coveredPopulation).toBe(0);
    expect(() => computeCoverage(communes, [], 0)).toThrow('radiusKm');
    expect(() => openingGain(communes, [], '99999')).toThrow('Unknown commune');
  });
});
