import { DomainError } from '../errors/domain-error';
import { validatePriceList, validateVersionHistory } from './price-list';
import { territoryPriceList } from './__fixtures__/study-price-lists';
import { PriceListVersion, RequesterCategory } from './types';

const errorOf = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('a price list is rejected with the path of the offending field', () => {
  it('accepts the study’s price list', () => {
    expect(validatePriceList(territoryPriceList)).toBe(territoryPriceList);
  });

  it('negative price', () => {
    const v: PriceListVersion = { ...territoryPriceList, rates: [{ category: 'COMPANY', territory: 'IN', amountCents: -3000 }] };
    expect(errorOf(() => validatePriceList(v))).toMatchObject({ code: 'BAD_USER_INPUT', field: ['rates', 0, 'amountCents'] });
  });

  it('price in fractions of a cent', () => {
    const v: PriceListVersion = { ...territoryPriceList, rates: [{ category: 'COMPANY', territory: 'IN', amountCents: 29.5 }] };
    expect(errorOf(() => validatePriceList(v)).field).toEqual(['rates', 0, 'amountCents']);
  });

  it('unknown requester category, in a rate or an allowance', () => {
    const rate: PriceListVersion = { ...territoryPriceList, rates: [{ category: 'STUDENT' as RequesterCategory, territory: 'IN', amountCents: 1000 }] };
    expect(errorOf(() => validatePriceList(rate, ['input']))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'rates', 0, 'category'],
      details: { category: 'STUDENT' },
    });
    const allowance: PriceListVersion = {
      ...territoryPriceList,
      allowances: [{ id: 'a', label: 'Forfait', categories: ['COMPANY', 'STARTUP' as RequesterCategory], minutesPerMonth: 60 }],
    };
    expect(errorOf(() => validatePriceList(allowance)).field).toEqual(['allowances', 0, 'categories', 1]);
  });

  it('VAT outside 0–100 %', () => {
    expect(errorOf(() => validatePriceList({ ...territoryPriceList, vatRateBp: 10_001 }))).toMatchObject({ field: ['vatRateBp'], messageFr: 'Taux de TVA invalide (entre 0 et 100 %)' });
    expect(errorOf(() => validatePriceList({ ...territoryPriceList, vatRateBp: -1 })).field).toEqual(['vatRateBp']);
    expect(validatePriceList({ ...territoryPriceList, vatRateBp: 0 }).vatRateBp).toBe(0);
    expect(validatePriceList({ ...territoryPriceList, vatRateBp: 10_000 }).vatRateBp).toBe(10_000);
  });

  it('the same category and territory priced twice', () => {
    const v: PriceListVersion = { ...territoryPriceList, rates: [...territoryPriceList.rates, { category: 'COMPANY', territory: 'IN', amountCents: 1 }] };
    expect(errorOf(() => validatePriceList(v)).field).toEqual(['rates', territoryPriceList.rates.length]);
  });

  it('a minimum charge above the day cap, a free month that is not YYYY-MM, validTo not after validFrom', () => {
    expect(errorOf(() => validatePriceList({ ...territoryPriceList, minimumChargeCents: 8000 })).field).toEqual(['minimumChargeCents']);
    expect(errorOf(() => validatePriceList({ ...territoryPriceList, promotions: [{ kind: 'FREE_MONTHS', months: ['2016-13'] }] })).field).toEqual(['promotions', 0, 'months', 0]);
    expect(errorOf(() => validatePriceList({ ...territoryPriceList, validTo: '2015-01-01' })).field).toEqual(['validTo']);
  });

  it('overlapping validity of two versions', () => {
    const v1: PriceListVersion = { ...territoryPriceList, version: 1, validFrom: '2015-01-01', validTo: '2016-01-01' };
    const v2: PriceListVersion = { ...territoryPriceList, version: 2, validFrom: '2015-12-31' };
    expect(errorOf(() => validateVersionHistory([v1, v2]))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: [1, 'validFrom'],
      details: { version: 2, overlapsVersion: 1 },
    });
    // validTo is exclusive: back-to-back versions are fine.
    expect(validateVersionHistory([v1, { ...v2, validFrom: '2016-01-01' }])).toHaveLength(2);
  });

  it('two open-ended versions overlap', () => {
    const v1: PriceListVersion = { ...territoryPriceList, version: 1, validFrom: '2015-01-01' };
    const v2: PriceListVersion = { ...territoryPriceList, version: 2, validFrom: '2017-01-01' };
    expect(errorOf(() => validateVersionHistory([v1, v2])).field).toEqual([1, 'validFrom']);
  });
});
