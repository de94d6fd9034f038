import { conciergeSubscriptionMonthlyCents } from './operating-costs';

describe('concierge subscription since 2015: 60 € a month for one endpoint, 80 € for 2 to 7', () => {
  it('one endpoint: 60 €', () => {
    expect(conciergeSubscriptionMonthlyCents(1)).toBe(6000);
  });

  it.each([2, 3, 7])('%i endpoints: 80 €', (n) => {
    expect(conciergeSubscriptionMonthlyCents(n)).toBe(8000);
  });

  it('beyond 7 endpoints the price is on quote: typed error', () => {
    expect(() => conciergeSubscriptionMonthlyCents(8)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['endpointCount'], details: { endpointCount: 8, maxEndpoints: 7 } }),
    );
  });

  it('no endpoint, or a fraction of one, is an error', () => {
    expect(() => conciergeSubscriptionMonthlyCents(0)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => conciergeSubscriptionMonthlyCents(1.5)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
