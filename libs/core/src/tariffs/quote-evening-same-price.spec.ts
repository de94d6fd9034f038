import { quote } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';

describe('"c’est le même tarif pour tout le monde", day or night: no surcharge', () => {
  it('an evening booking 19:00–21:00, entirely outside opening hours, costs the same 30 €', () => {
    const day = quote(territoryPriceList, request());
    const evening = quote(territoryPriceList, request({ start: at('2016-03-15T19:00'), end: at('2016-03-15T21:00'), offHoursMinutes: 120 }));
    expect(evening.lines).toEqual(day.lines);
    expect(evening.totalInclVatCents).toBe(3000);
    expect(evening.lines.some((l) => l.kind === 'SURCHARGE')).toBe(false);
  });

  it('a Saturday booking costs the same too', () => {
    const saturday = quote(territoryPriceList, request({ start: at('2016-03-19T10:00'), end: at('2016-03-19T12:00') }));
    expect(saturday.totalInclVatCents).toBe(3000);
  });
});
