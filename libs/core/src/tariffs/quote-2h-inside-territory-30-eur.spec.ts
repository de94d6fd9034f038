import { quote } from './quote';
import { request, territoryPriceList } from './__fixtures__/study-price-lists';

describe('a local company books the point for 2 hours: 30 € including VAT', () => {
  const q = quote(territoryPriceList, request());

  it('charges one 2-hour slot at the inside-territory rate', () => {
    expect(q.lines).toEqual([
      {
        kind: 'BASE',
        label: '1 créneau de 2 h, entreprise, sur le territoire',
        quantity: 1,
        unitCents: 3000,
        amountCents: 3000,
        amountExclVatCents: 2500,
        amountInclVatCents: 3000,
      },
    ]);
    expect(q.units).toBe(1);
    expect(q.durationMinutes).toBe(120);
  });

  it('shows 25 € excluding VAT + 5 € VAT = 30 €', () => {
    expect(q.totalInclVatCents).toBe(3000);
    expect(q.totalExclVatCents).toBe(2500);
    expect(q.vatCents).toBe(500);
    expect(q).toMatchObject({ priceListId: 'pl-cc-territoire', version: 1, pricesInclude: 'INCL_VAT', vatRateBp: 2000 });
  });

  it('a 1-hour booking still pays the 2-hour minimum slot ("deux heures c’est le temps minimum")', () => {
    const short = quote(territoryPriceList, request({ end: request().start + 60 * 60_000 }));
    expect(short.totalInclVatCents).toBe(3000);
  });
});
