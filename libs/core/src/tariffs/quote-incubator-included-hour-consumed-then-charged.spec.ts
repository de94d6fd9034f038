import { quote } from './quote';
import { at, incubatorPriceList, request } from './__fixtures__/study-price-lists';

describe('an incubator tenant has one hour of videoconference a month in its package, then pays 15 € excl. VAT an hour', () => {
  const tenant = { requesterGroups: ['pepiniere'] };
  const first = quote(incubatorPriceList, request({ ...tenant, start: at('2016-03-08T10:00'), end: at('2016-03-08T12:00') }));

  it('a first 2-hour call consumes the included hour and charges the second: 15 € + 3 € VAT', () => {
    expect(first.lines.map((l) => [l.kind, l.label, l.quantity, l.unitCents, l.amountCents])).toEqual([
      ['BASE', '2 heures, entreprise, sur le territoire', 2, 1500, 3000],
      ['ALLOWANCE', 'Forfait pépinière : forfait utilisé pour 1 h sur 2 h (reste 0 min ce mois-ci)', 1, -1500, -1500],
    ]);
    expect(first.lines[1]).toMatchObject({ allowanceId: 'pepiniere-1h', minutes: 60 });
    expect(first.allowanceUse).toEqual([{ allowanceId: 'pepiniere-1h', label: 'Forfait pépinière', minutes: 60, remainingMinutes: 0 }]);
    expect(first.totalExclVatCents).toBe(1500);
    expect(first.vatCents).toBe(300);
    expect(first.totalInclVatCents).toBe(1800);
  });

  it('a second call the same month, with the balance fed forward, is charged in full', () => {
    const balance = { 'pepiniere-1h': first.allowanceUse[0].minutes };
    const second = quote(incubatorPriceList, request({ ...tenant, start: at('2016-03-22T14:00'), end: at('2016-03-22T15:00'), allowanceBalance: balance }));
    expect(second.lines.map((l) => l.kind)).toEqual(['BASE']);
    expect(second.allowanceUse).toEqual([]);
    expect(second.totalExclVatCents).toBe(1500);
  });

  it('a 30-minute call covered by the hour is free and leaves 30 minutes for the month', () => {
    const q = quote(incubatorPriceList, request({ ...tenant, end: at('2016-03-15T10:30') }));
    expect(q.totalInclVatCents).toBe(0);
    expect(q.allowanceUse).toEqual([{ allowanceId: 'pepiniere-1h', label: 'Forfait pépinière', minutes: 30, remainingMinutes: 30 }]);
  });

  it('a company that is not a tenant gets no included hour', () => {
    const q = quote(incubatorPriceList, request({ start: at('2016-03-08T10:00'), end: at('2016-03-08T12:00') }));
    expect(q.totalExclVatCents).toBe(3000);
    expect(q.allowanceUse).toEqual([]);
  });
});
