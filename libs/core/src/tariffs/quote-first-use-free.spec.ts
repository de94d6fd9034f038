import { quote } from './quote';
import { incubatorPriceList, request } from './__fixtures__/study-price-lists';
import { PriceListVersion } from './types';

describe('first use free, to let companies try before buying', () => {
  const list: PriceListVersion = { ...incubatorPriceList, promotions: [{ kind: 'FIRST_USE_FREE' }] };
  const tenant = { requesterGroups: ['pepiniere'] };

  it('the first use is free and does not consume the included hour', () => {
    const q = quote(list, request({ ...tenant, priorUsesByRequester: 0 }));
    expect(q.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ['BASE', '2 heures, entreprise, sur le territoire', 3000],
      ['PROMOTION', 'Première utilisation offerte', -3000],
    ]);
    expect(q.allowanceUse).toEqual([]);
    expect(q.totalInclVatCents).toBe(0);
  });

  it('the second use is charged (after the included hour): 15 € excl. VAT', () => {
    const q = quote(list, request({ ...tenant, priorUsesByRequester: 1 }));
    expect(q.lines.map((l) => l.kind)).toEqual(['BASE', 'ALLOWANCE']);
    expect(q.totalExclVatCents).toBe(1500);
  });
});
