import { DomainError } from '../errors/domain-error';
import { selectVersion } from './price-list';
import { quoteWithHistory } from './quote';
import { at, request, territoryPriceList } from './__fixtures__/study-price-lists';
import { PriceListVersion } from './types';

describe('the 2015 price list (30 € / 2 h) is replaced on 1 January 2016 by one at 35 €', () => {
  const v1: PriceListVersion = { ...territoryPriceList, version: 1, validFrom: '2015-01-01', validTo: '2016-01-01' };
  const v2: PriceListVersion = {
    ...territoryPriceList,
    version: 2,
    validFrom: '2016-01-01',
    rates: territoryPriceList.rates.map((r) => (r.category === 'COMPANY' && r.territory === 'IN' ? { ...r, amountCents: 3500 } : r)),
  };
  const history = [v2, v1];

  it('selects the version by local date, validTo exclusive', () => {
    expect(selectVersion(history, '2015-12-31')?.version).toBe(1);
    expect(selectVersion(history, '2016-01-01')?.version).toBe(2);
    expect(selectVersion(history, '2014-12-31')).toBeNull();
  });

  it('a booking on New Year’s Eve at 23:00 local time uses 2015 prices, one on 1 January the new ones', () => {
    const eve = quoteWithHistory(history, request({ start: at('2015-12-31T22:00'), end: at('2015-12-31T23:30'), offHoursMinutes: 90 }));
    expect([eve.version, eve.totalInclVatCents]).toEqual([1, 3000]);
    const jan = quoteWithHistory(history, request({ start: at('2016-01-04T10:00'), end: at('2016-01-04T12:00') }));
    expect([jan.version, jan.totalInclVatCents]).toEqual([2, 3500]);
  });

  it('no version in force: NOT_FOUND', () => {
    expect(() => quoteWithHistory(history, request({ start: at('2014-06-02T10:00'), end: at('2014-06-02T12:00') }))).toThrow(DomainError);
    expect(() => quoteWithHistory(history, request({ start: at('2014-06-02T10:00'), end: at('2014-06-02T12:00') }))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
