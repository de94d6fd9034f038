import { quote } from './quote';
import { freePriceList, request } from './__fixtures__/study-price-lists';

describe('"le tarif est attractif, voire gratuit": a point free for everyone', () => {
  it('an individual from outside the territory pays nothing, and the quote says so', () => {
    const q = quote(freePriceList, request({ category: 'INDIVIDUAL', territory: 'OUT' }));
    expect(q.lines).toEqual([
      {
        kind: 'BASE',
        label: '1 créneau de 2 h, particulier, hors territoire (gratuit)',
        quantity: 1,
        unitCents: 0,
        amountCents: 0,
        amountExclVatCents: 0,
        amountInclVatCents: 0,
      },
    ]);
    expect([q.totalExclVatCents, q.vatCents, q.totalInclVatCents]).toEqual([0, 0, 0]);
  });
});
