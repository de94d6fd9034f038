import { cellKey, draftFrom, versionInputOf } from './tariff-draft';

// The seeded "Tarif territoire (2 h, plafond journée)": 30 € / 45 € a 2 h slot for companies, incl. VAT 20 %.
const territory = {
  currency: 'EUR',
  vatRateBp: 2000,
  pricesInclude: 'INCL_VAT',
  unit: { kind: 'SLOT', hours: 2 },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'ASSOCIATION', territory: 'IN', amountCents: 1550 },
  ],
  surcharges: [{ when: 'WEEKEND', percent: 25 }],
  allowances: [{ id: 'pepiniere', label: '1 h par mois', categories: ['COMPANY'], requesterGroup: 'pepiniere', minutesPerMonth: 60 }],
  promotions: [{ kind: 'FIRST_USE_FREE' }],
  rounding: 'HALF_UP',
};

describe('the tariff editor’s draft', () => {
  it('starts from the latest version in euros with a decimal comma, and sends the same version back in cents', () => {
    const draft = draftFrom(territory, '2026-11-22', 'fr');
    expect(draft.rates[cellKey('COMPANY', 'IN')]).toBe('30');
    expect(draft.rates[cellKey('ASSOCIATION', 'IN')]).toBe('15,50');
    expect(draft.vatPercent).toBe('20');
    expect([draft.unitKind, draft.unitHours]).toEqual(['SLOT', '2']);
    const { input, invalid } = versionInputOf(draft);
    expect(invalid).toEqual([]);
    expect(input).toMatchObject({ validFrom: '2026-11-22', validTo: null, vatRateBp: 2000, pricesInclude: 'INCL_VAT', unit: { kind: 'SLOT', hours: 2 }, dayCapCents: null, minimumChargeCents: null });
    // Matrix order: category by category, IN then OUT; the per-rate day caps are kept.
    expect(input.rates).toEqual([
      { category: 'COMPANY', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
      { category: 'COMPANY', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
      { category: 'ASSOCIATION', territory: 'IN', amountCents: 1550, dayCapCents: null },
    ]);
    expect(input.surcharges).toEqual([{ when: 'WEEKEND', percent: 25, fixedCents: null }]);
    expect(input.allowances).toEqual([{ id: 'pepiniere', label: '1 h par mois', categories: ['COMPANY'], requesterGroup: 'pepiniere', minutesPerMonth: 60 }]);
    expect(input.promotions).toEqual([{ kind: 'FIRST_USE_FREE', months: null, categories: null }]);
  });

  it('an emptied cell is a category no longer accepted; "36,5" is 3 650 cents; VAT 5,5 % is 550 bp', () => {
    const draft = draftFrom(territory, '2026-11-22', 'fr');
    draft.rates[cellKey('ASSOCIATION', 'IN')] = '';
    draft.rates[cellKey('COMPANY', 'IN')] = '36,5';
    draft.vatPercent = '5,5';
    const { input } = versionInputOf(draft);
    expect(input.rates.map((r) => [r.category, r.territory, r.amountCents])).toEqual([
      ['COMPANY', 'IN', 3650],
      ['COMPANY', 'OUT', 4500],
    ]);
    expect(input.vatRateBp).toBe(550);
  });

  it('a negative price is sent (the API refuses it with its field); an error on rates[1] lands on the Company/Outside cell', () => {
    const draft = draftFrom(territory, '2026-11-22', 'fr');
    draft.rates[cellKey('COMPANY', 'OUT')] = '-5';
    const { input, targetOf } = versionInputOf(draft);
    expect(input.rates[1]!.amountCents).toBe(-500);
    expect(targetOf(['input', 'rates', 1, 'amountCents'])).toBe(cellKey('COMPANY', 'OUT'));
    expect(targetOf(['draft', 'rates', '1', 'amountCents'])).toBe(cellKey('COMPANY', 'OUT'));
    expect(targetOf(['input', 'vatRateBp'])).toBe('vatPercent');
    expect(targetOf(['input', 'surcharges', 0, 'percent'])).toBe(`surcharge.${draft.surcharges[0]!.key}.percent`);
    expect(targetOf(['schedule', 'weekly'])).toBeNull();
  });

  it('what is not a number is reported by field instead of being sent', () => {
    const draft = draftFrom(territory, '2026-11-22', 'en');
    draft.rates[cellKey('COMPANY', 'IN')] = 'thirty';
    draft.vatPercent = '';
    expect(versionInputOf(draft).invalid).toEqual([cellKey('COMPANY', 'IN'), 'vatPercent']);
  });

  it('a point without any version starts from an empty matrix, per hour, VAT 20 %', () => {
    const draft = draftFrom(null, '2026-11-22', 'fr');
    expect([draft.unitKind, draft.vatPercent, Object.keys(draft.rates)]).toEqual(['HOUR', '20', []]);
  });
});
