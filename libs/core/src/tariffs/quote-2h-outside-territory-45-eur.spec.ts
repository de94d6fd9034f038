import { quote } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';

describe('a company from outside the territory books 2 hours: 45 € including VAT', () => {
  it('charges one slot at the outside rate: 37,50 € + 7,50 € VAT', () => {
    const q = quote(territoryPriceList, request({ territory: 'OUT' }));
    expect(q.lines.map((l) => [l.kind, l.label, l.quantity, l.unitCents])).toEqual([['BASE', '1 créneau de 2 h, entreprise, hors territoire', 1, 4500]]);
    expect(q.totalInclVatCents).toBe(4500);
    expect(q.totalExclVatCents).toBe(3750);
    expect(q.vatCents).toBe(750);
  });

  it('2 h 30 is two slots: 90 €', () => {
    const q = quote(territoryPriceList, request({ territory: 'OUT', end: at('2016-03-15T12:30') }));
    expect(q.lines[0].label).toBe('2 créneaux de 2 h, entreprise, hors territoire');
    expect(q.lines[0].quantity).toBe(2);
    expect(q.totalInclVatCents).toBe(9000);
  });
});
