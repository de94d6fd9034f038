import { quote } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';
import { PriceListVersion } from './types';

describe('a point that charges extra out of hours: +25 % at weekends, +50 % pro rata and a 10 € key hand-over in the evening', () => {
  const list: PriceListVersion = {
    ...territoryPriceList,
    surcharges: [
      { when: 'WEEKEND', percent: 25 },
      { when: 'OFF_HOURS', percent: 50, fixedCents: 1000 },
    ],
  };

  it('a Saturday day is capped first (70 €), then pays 25 % on the capped price: 87,50 €', () => {
    const q = quote(list, request({ start: at('2016-03-19T09:00'), end: at('2016-03-19T17:00') }));
    expect(q.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ['BASE', '4 créneaux de 2 h, entreprise, sur le territoire', 12000],
      ['CAP', 'Plafond journalier : 70,00 € × 1 jour', -5000],
      ['SURCHARGE', 'Majoration week-end : 25 %', 1750],
    ]);
    expect(q.totalInclVatCents).toBe(8750);
    expect(q.totalExclVatCents).toBe(7292); // 8750 / 1,2 = 7291,67 → 7292
    expect(q.vatCents).toBe(1458);
    expect(q.lines.reduce((s, l) => s + l.amountExclVatCents, 0)).toBe(7292);
  });

  it('a weekday 17:00–19:00 with one hour after closing pays 50 % on half the price, plus the hand-over: 30 + 7,50 + 10 = 47,50 €', () => {
    const q = quote(list, request({ start: at('2016-03-15T17:00'), end: at('2016-03-15T19:00'), offHoursMinutes: 60 }));
    expect(q.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ['BASE', '1 créneau de 2 h, entreprise, sur le territoire', 3000],
      ['SURCHARGE', 'Majoration hors horaires d’ouverture : 50 % sur 1 h de 2 h', 750],
      ['SURCHARGE', 'Forfait hors horaires d’ouverture', 1000],
    ]);
    expect(q.totalInclVatCents).toBe(4750);
  });

  it('the caller may say explicitly that a booking is not a weekend one (e.g. a Saturday open day)', () => {
    const q = quote(list, request({ start: at('2016-03-19T10:00'), end: at('2016-03-19T12:00'), isWeekend: false }));
    expect(q.totalInclVatCents).toBe(3000);
  });
});
