import { conciergeSubscriptionMonthlyCents, costPerCall } from './operating-costs';

describe('"une facture annuelle supérieure à 3 000 € … ramenée aux vingt connexions annuelles : 150 € par visioconférence"', () => {
  // 60 € concierge (one endpoint) + 150 € line a month = 2 520 €, plus 480 € of out-of-contract help = 3 000 €.
  const meetings = ['01-13', '02-03', '02-17', '03-09', '03-23', '04-06', '04-20', '05-11', '05-25', '06-08', '06-22', '07-06', '09-14', '09-28', '10-12', '10-26', '11-09', '11-23', '12-07', '12-14'].map(
    (d) => ({ date: `2015-${d}` }),
  );
  const report = costPerCall({
    recurringCosts: [
      { kind: 'CONCIERGE_SUBSCRIPTION', monthlyCents: conciergeSubscriptionMonthlyCents(1), from: '2015-01' },
      { kind: 'LINE', monthlyCents: 15_000, from: '2014-06', to: '2015-12' },
    ],
    oneOffCosts: [{ date: '2015-08-20', amountCents: 48_000, label: 'Intervention hors contrat' }],
    completedMeetings: [...meetings, { date: '2016-01-05' }],
    period: { from: '2015-01', to: '2015-12' },
    quotedRevenueCents: [
      { date: '2015-03-09', amountCents: 3_000 },
      { date: '2015-10-12', amountCents: 4_500 },
    ],
  });

  it('the year costs 3 000 € for 20 completed calls: 150 € a call', () => {
    expect(report.total).toMatchObject({
      recurringCents: 252_000,
      recurringByKind: { CONCIERGE_SUBSCRIPTION: 72_000, LINE: 180_000, MAINTENANCE: 0, OTHER: 0 },
      oneOffCents: 48_000,
      totalCostCents: 300_000,
      completedMeetings: 20,
      costPerMeetingCents: 15_000,
    });
    expect(report.years).toEqual([{ year: 2015, monthCount: 12, ...report.total }]);
  });

  it('revenue from quotes (75 €) is shown next to the costs', () => {
    expect(report.total.revenueCents).toBe(7_500);
    expect(report.total.netCents).toBe(7_500 - 300_000);
  });

  it('per month: August has no call, so no cost per call, but pays the out-of-contract help', () => {
    expect(report.months).toHaveLength(12);
    const august = report.months.find((m) => m.month === '2015-08');
    expect(august).toMatchObject({ totalCostCents: 21_000 + 48_000, completedMeetings: 0, costPerMeetingCents: null, revenueCents: 0 });
    const march = report.months.find((m) => m.month === '2015-03');
    expect(march).toMatchObject({ totalCostCents: 21_000, completedMeetings: 2, costPerMeetingCents: 10_500, revenueCents: 3_000, netCents: 3_000 - 21_000 });
  });

  it('a revenue total for the period shows only in the total', () => {
    const lump = costPerCall({ recurringCosts: [], oneOffCosts: [], completedMeetings: [], period: { from: '2015-01', to: '2015-02' }, quotedRevenueCents: 10_000 });
    expect(lump.total).toMatchObject({ revenueCents: 10_000, netCents: 10_000, costPerMeetingCents: null });
    expect(lump.months.map((m) => m.revenueCents)).toEqual([null, null]);
  });

  it('a period ending before it starts is rejected', () => {
    expect(() => costPerCall({ recurringCosts: [], oneOffCosts: [], completedMeetings: [], period: { from: '2015-12', to: '2015-01' } })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['period', 'to'] }),
    );
  });
});
