import { quote } from './quote';
import { request, territoryPriceList } from './__fixtures__/study-price-lists';

describe('a local association pays less than a company ("moins cher pour les associations locales")', () => {
  it('15 € for 2 hours instead of 30 €', () => {
    const association = quote(territoryPriceList, request({ category: 'ASSOCIATION' }));
    const company = quote(territoryPriceList, request({ category: 'COMPANY' }));
    expect(association.lines[0].label).toBe('1 créneau de 2 h, association, sur le territoire');
    expect(association.totalInclVatCents).toBe(1500);
    expect(association.totalExclVatCents).toBe(1250);
    expect(association.vatCents).toBe(250);
    expect(company.totalInclVatCents).toBe(3000);
  });

  it('an association from outside the territory pays the outside rate, 45 €', () => {
    expect(quote(territoryPriceList, request({ category: 'ASSOCIATION', territory: 'OUT' })).totalInclVatCents).toBe(4500);
  });
});
