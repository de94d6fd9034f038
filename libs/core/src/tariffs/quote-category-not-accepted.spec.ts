import { DomainError } from '../errors/domain-error';
import { quote, CATEGORY_NOT_ALLOWED } from './quote';
import { request, territoryPriceList } from './__fixtures__/study-price-lists';

describe('a point open to individuals from its own territory only', () => {
  it('refuses an individual from outside the territory with a typed error', () => {
    let error: unknown;
    try {
      quote(territoryPriceList, request({ category: 'INDIVIDUAL', territory: 'OUT' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['request', 'category'],
      details: { reason: CATEGORY_NOT_ALLOWED, category: 'INDIVIDUAL', territory: 'OUT' },
      messageFr: 'Ce point n’est pas ouvert à cette catégorie de demandeur (particulier, hors territoire)',
    });
  });

  it('rejects a booking that ends before it starts, or off-hours minutes beyond its length', () => {
    const r = request();
    expect(() => quote(territoryPriceList, { ...r, end: r.start })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['request', 'end'] }));
    expect(() => quote(territoryPriceList, { ...r, offHoursMinutes: 121 })).toThrow(expect.objectContaining({ field: ['request', 'offHoursMinutes'] }));
  });
});
