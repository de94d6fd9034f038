import { GraphQLRequestError } from '../api';
import { formErrorsOf } from './form-errors';
import { centsToEuros, eurosToCents } from './money';

describe('amounts and API errors in the console’s forms', () => {
  it('reads euros as a person types them and writes them back', () => {
    expect([eurosToCents('30'), eurosToCents('30,5'), eurosToCents(' 1 250,00 '), eurosToCents('-5'), eurosToCents('3,005'), eurosToCents('abc')]).toEqual([3000, 3050, 125000, -500, Number.NaN, Number.NaN]);
    expect([centsToEuros(3000, 'fr'), centsToEuros(1550, 'fr'), centsToEuros(1550, 'en')]).toEqual(['30', '15,50', '15.50']);
  });

  it('puts a typed error next to its field (French message in French, English in English); an unknown field goes to the general message with its path', () => {
    const error = new GraphQLRequestError([
      { message: 'Prix must be an integer number of cents', extensions: { code: 'BAD_USER_INPUT', field: ['input', 'rates', 0, 'amountCents'], messageFr: 'Prix : montant invalide' } },
      { message: 'Something else', extensions: { code: 'BAD_USER_INPUT', field: ['input', 'mystery'] } },
    ]);
    const known = (key: string) => key.startsWith('input.rates');
    expect(formErrorsOf(error, 'fr', known)).toEqual({ fields: { 'input.rates.0.amountCents': 'Prix : montant invalide' }, general: 'Something else (input.mystery)' });
    expect(formErrorsOf(error, 'en', known).fields).toEqual({ 'input.rates.0.amountCents': 'Prix must be an integer number of cents' });
    expect(formErrorsOf(new Error('Failed to fetch'), 'fr')).toEqual({ fields: {}, general: 'Failed to fetch' });
  });
});
