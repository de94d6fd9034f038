import { quote } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';
import { PriceListVersion } from './types';

describe('hourly price of 8 € with a minimum charge of 10 €', () => {
  const list: PriceListVersion = {
    ...territoryPriceList,
    unit: { kind: 'HOUR' },
    minimumChargeCents: 1000,
    rates: [{ category: 'COMPANY', territory: 'IN', amountCents: 800, dayCapCents: 5000 }],
  };

  it('one hour costs 10 €, the top-up on its own line', () => {
    const q = quote(list, request({ end: at('2016-03-15T11:00') }));
    expect(q.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ['BASE', '1 heure, entreprise, sur le territoire', 800],
      ['MINIMUM', 'Minimum de facturation : 10,00 €', 200],
    ]);
    expect(q.totalInclVatCents).toBe(1000);
  });

  it('two hours (16 €) are above the minimum', () => {
    expect(quote(list, request()).lines.map((l) => l.kind)).toEqual(['BASE']);
  });
});
