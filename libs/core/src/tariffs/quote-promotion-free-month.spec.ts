import { quote } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';
import { PriceListVersion } from './types';

describe('a free session in chosen months to stimulate use (March 2016)', () => {
  const withFreeMarch: PriceListVersion = { ...territoryPriceList, promotions: [{ kind: 'FREE_MONTHS', months: ['2016-03'] }] };

  it('a booking in March is free, and the quote shows the price it would have cost', () => {
    const q = quote(withFreeMarch, request({ territory: 'OUT' }));
    expect(q.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ['BASE', '1 créneau de 2 h, entreprise, hors territoire', 4500],
      ['PROMOTION', 'Séance offerte en mars 2016', -4500],
    ]);
    expect(q.totalInclVatCents).toBe(0);
    expect(q.vatCents).toBe(0);
  });

  it('a booking in April is charged: 45 €', () => {
    const q = quote(withFreeMarch, request({ territory: 'OUT', start: at('2016-04-12T10:00'), end: at('2016-04-12T12:00') }));
    expect(q.totalInclVatCents).toBe(4500);
  });

  it('the month is the local month of the start: 31 March 23:30 in Brittany is still March', () => {
    const q = quote(withFreeMarch, request({ start: at('2016-03-31T23:30'), end: at('2016-04-01T00:30'), offHoursMinutes: 60 }));
    expect(q.totalInclVatCents).toBe(0);
  });
});
