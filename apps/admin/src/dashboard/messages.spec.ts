import { DASHBOARD_MESSAGES } from './messages';

describe('the evaluation dashboard’s words', () => {
  it('speak French first and English on request, with the same keys and no empty message', () => {
    expect(Object.keys(DASHBOARD_MESSAGES.en).sort()).toEqual(Object.keys(DASHBOARD_MESSAGES.fr).sort());
    for (const lang of ['fr', 'en'] as const) for (const [key, text] of Object.entries(DASHBOARD_MESSAGES[lang])) expect([key, text.trim().length > 0]).toEqual([key, true]);
    expect(DASHBOARD_MESSAGES.fr['eval.co2']).toBe('CO2e évité net');
    expect(DASHBOARD_MESSAGES.en['eval.co2']).toBe('Net CO2e avoided');
  });
});
