import { quote } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';

describe('2-hour slots, capped at the day rate (30 € / 2 h but never more than 70 € a day inside)', () => {
  it('9:00–17:00 is four slots (120 €) capped at 70 €', () => {
    const q = quote(territoryPriceList, request({ start: at('2016-03-15T09:00'), end: at('2016-03-15T17:00') }));
    expect(q.lines.map((l) => [l.kind, l.label, l.quantity, l.unitCents, l.amountCents])).toEqual([
      ['BASE', '4 créneaux de 2 h, entreprise, sur le territoire', 4, 3000, 12000],
      ['CAP', 'Plafond journalier : 70,00 € × 1 jour', 1, -5000, -5000],
    ]);
    expect(q.totalInclVatCents).toBe(7000);
    expect(q.totalExclVatCents).toBe(5833);
  });

  it('outside the territory the cap is 105 €: 4 × 45 € = 180 € → 105 €', () => {
    const q = quote(territoryPriceList, request({ territory: 'OUT', start: at('2016-03-15T09:00'), end: at('2016-03-15T17:00') }));
    expect(q.totalInclVatCents).toBe(10500);
  });

  it('two slots (60 €) stay under the cap', () => {
    const q = quote(territoryPriceList, request({ start: at('2016-03-15T09:00'), end: at('2016-03-15T13:00') }));
    expect(q.lines.map((l) => l.kind)).toEqual(['BASE']);
    expect(q.totalInclVatCents).toBe(6000);
  });

  it('three slots (90 €) are capped: 70 €', () => {
    const q = quote(territoryPriceList, request({ start: at('2016-03-15T09:00'), end: at('2016-03-15T15:00') }));
    expect(q.totalInclVatCents).toBe(7000);
  });

  it('two calendar days, 9:00 Tuesday to 17:00 Wednesday, are capped at two day rates: 140 €', () => {
    const q = quote(territoryPriceList, request({ start: at('2016-03-15T09:00'), end: at('2016-03-16T17:00') }));
    expect(q.lines[1].label).toBe('Plafond journalier : 70,00 € × 2 jours');
    expect(q.totalInclVatCents).toBe(14000);
  });
});
