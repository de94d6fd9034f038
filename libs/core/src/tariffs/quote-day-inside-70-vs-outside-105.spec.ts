import { quote } from './quote';
import { at, dayPriceList, request } from './__fixtures__/study-price-lists';

describe('a whole day, 9:00–17:30: 70 € inside the territory, 105 € outside', () => {
  const day = { start: at('2016-03-15T09:00'), end: at('2016-03-15T17:30') };

  it('inside: one day at 70 €, i.e. 58,33 € + 11,67 € VAT (excl. rounded half-up from 58,333…)', () => {
    const q = quote(dayPriceList, request(day));
    expect(q.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([['BASE', '1 journée, entreprise, sur le territoire', 7000]]);
    expect(q.totalInclVatCents).toBe(7000);
    expect(q.totalExclVatCents).toBe(5833);
    expect(q.vatCents).toBe(1167);
  });

  it('outside: one day at 105 €, i.e. 87,50 € + 17,50 € VAT', () => {
    const q = quote(dayPriceList, request({ ...day, territory: 'OUT' }));
    expect(q.totalInclVatCents).toBe(10500);
    expect(q.totalExclVatCents).toBe(8750);
    expect(q.vatCents).toBe(1750);
  });

  it('two local calendar days are two day rates: 140 €', () => {
    const q = quote(dayPriceList, request({ start: at('2016-03-15T09:00'), end: at('2016-03-16T17:30') }));
    expect(q.lines[0].label).toBe('2 journées, entreprise, sur le territoire');
    expect(q.totalInclVatCents).toBe(14000);
  });
});
