import { initialLang, MESSAGES, translator } from './i18n';

describe('the i18n dictionary', () => {
  it('speaks French first and English on request, with the same keys and no empty message', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.fr).sort());
    for (const lang of ['fr', 'en'] as const) for (const [key, text] of Object.entries(MESSAGES[lang])) expect([key, text.trim().length > 0]).toEqual([key, true]);
    expect(translator('fr')('directory.search')).toBe('Rechercher');
    expect(translator('en')('directory.search')).toBe('Search');
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(translator('fr')('directory.resultsNear', { count: 4, radius: 30, town: 'Lannion' })).toBe('4 point(s) à moins de 30 km de Lannion');
    expect(translator('en')('directory.resultsNear', { count: 4, radius: 30, town: 'Lannion' })).toBe('4 point(s) within 30 km of Lannion');
    expect(translator('en')('directory.seats', {})).toBe('{count} seats');
  });

  it('starts in the saved language, else French unless the browser prefers English', () => {
    expect(initialLang('en', ['fr-FR'])).toBe('en');
    expect(initialLang(null, ['en-GB', 'fr'])).toBe('en');
    expect(initialLang(null, ['br', 'fr'])).toBe('fr');
    expect(initialLang('de', [])).toBe('fr');
  });
});
