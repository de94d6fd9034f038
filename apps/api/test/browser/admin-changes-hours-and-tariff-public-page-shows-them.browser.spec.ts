// The administrator of Lannion-Trégor Communauté, in a real browser against the real API and seeded network:
// signs in, changes the opening hours of its head-office point (a closing time before the opening time is
// refused in French next to the field), sees the public holidays of the year, publishes tariff version 2
// (a negative price is refused next to its cell; the live quote preview follows the form: 30 € → 36 €),
// and the public point page shows the new hours, the closed date and the new prices; a visitor then books a
// slot only the new hours allow and gets version 2's quote and the .ics. axe-core finds no
// serious or critical violation on these pages; they fit a 390 px phone; screenshots in tmp/screenshots/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { axeViolations, buildWebApp, createUser, describeInBrowser, horizontalOverflow, launchBrowser, newPage, overflowingElements, SHOTS, signInThroughLoginPage } from './admin-browser';
import { followConfirmationLink, chooseTariff, fillDetails, normalise, ordinaryMonday, readIcs, searchSlots } from './booking-browser';

const POINT_SLUG = 'lannion-tregor-communaute-siege';
const POINT_NAME = 'Point visio de Lannion-Trégor Communauté';

/** 'YYYY-MM-DD' in Paris, `days` from now. */
function parisDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}
const frenchDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

interface Schedule {
  weekly: { weekday: number; opens: string; closes: string; onRequest: boolean | null }[];
  exceptions: { date: string; kind: string; reason: string | null }[];
  closedOnPublicHolidays: boolean;
}

describeInBrowser('an administrator changes the opening hours and the tariff; the public point page shows them', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let pointId: string;
  const today = parisDate(0);
  const closedDay = parisDate(12);

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    const [row] = await api.sql<{ id: string; organisation_id: string }>(`SELECT id, organisation_id FROM point WHERE slug = $1`, [POINT_SLUG]);
    pointId = row!.id;
    const admin = await createUser(api, 'ORGANISATION_ADMIN', row!.organisation_id, 'admin@lannion-tregor.test');
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
    await signInThroughLoginPage(page, api.url, admin.email, admin.password);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const schedule = async (): Promise<Schedule> =>
    (await api.gql<{ point: { openingSchedule: Schedule } }>(`query($id: ID!) { point(id: $id) { openingSchedule { weekly { weekday opens closes onRequest } exceptions { date kind reason } closedOnPublicHolidays } } }`, { id: pointId })).data!.point
      .openingSchedule;

  it('opens the point from the list and its opening-hours editor shows the seeded week and the year’s public holidays', async () => {
    await page.getByRole('link', { name: POINT_NAME }).click();
    await page.getByRole('heading', { level: 1, name: POINT_NAME }).waitFor();
    await page.getByRole('navigation', { name: 'Sections du point' }).getByRole('link', { name: 'Horaires' }).click();
    await page.getByRole('heading', { level: 2, name: 'Horaires' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/points/${pointId}/horaires`);
    // Seeded: Monday 9:00–18:00, then 18:00–24:00 on request.
    const monday1 = page.getByRole('group', { name: 'Lundi, plage 1' });
    const monday2 = page.getByRole('group', { name: 'Lundi, plage 2' });
    expect([await monday1.getByLabel('Ouverture').inputValue(), await monday1.getByLabel('Fermeture').inputValue()]).toEqual(['09:00', '18:00']);
    expect([await monday2.getByLabel('Ouverture').inputValue(), await monday2.getByLabel('Fermeture').inputValue(), await monday2.getByLabel('Sur demande').isChecked()]).toEqual(['18:00', '24:00', true]);
    expect(await page.getByTestId('day-6').getByRole('group').count()).toBe(0);
    const year = Number(today.slice(0, 4));
    const holidays = await page.getByTestId('public-holidays').locator('li').allTextContents();
    expect(holidays).toHaveLength(11);
    expect(holidays).toContain(`14 juillet ${year} — Fête nationale`);
    expect(holidays[0]).toBe(`1 janvier ${year} — Jour de l'an`);
    expect(await page.getByLabel('Fermé les jours fériés').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a closing time before the opening time is refused, in French, next to that field; nothing is saved', async () => {
    const before = await schedule();
    const monday1 = page.getByRole('group', { name: 'Lundi, plage 1' });
    await monday1.getByLabel('Ouverture').fill('08:30');
    await monday1.getByLabel('Fermeture').fill('07:00');
    await page.getByRole('button', { name: 'Enregistrer les horaires' }).click();
    const closes = monday1.getByLabel('Fermeture');
    await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await closes.elementHandle());
    const describedBy = (await closes.getAttribute('aria-describedby'))!.split(' ');
    const errorText = await page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(errorText).toBe("L'heure de fermeture (07:00) doit être postérieure à l'heure d'ouverture (08:30) ; une plage de nuit se découpe sur deux jours");
    // The error sits inside the interval's group, right under the field.
    expect(await monday1.getByTestId('field-error').textContent()).toBe(errorText);
    expect(await monday1.getByLabel('Ouverture').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('form-error').textContent()).toBe('Le formulaire contient 1 erreur(s) : corrigez les champs signalés.');
    await page.getByTestId('day-1').screenshot({ path: join(SHOTS, 'admin-hours-closing-before-opening.png') });
    expect(await schedule()).toEqual(before);
  });

  it('saves Monday 8:30–12:00 and 13:30–18:15, Saturday morning and a closed date', async () => {
    const monday1 = page.getByRole('group', { name: 'Lundi, plage 1' });
    const monday2 = page.getByRole('group', { name: 'Lundi, plage 2' });
    await monday1.getByLabel('Fermeture').fill('12:00');
    await monday2.getByLabel('Ouverture').fill('13:30');
    await monday2.getByLabel('Fermeture').fill('18:15');
    await monday2.getByLabel('Sur demande').uncheck();
    await page.getByRole('button', { name: 'Ajouter une plage le samedi' }).click();
    const saturday = page.getByRole('group', { name: 'Samedi, plage 1' });
    await saturday.getByLabel('Ouverture').fill('09:00');
    await saturday.getByLabel('Fermeture').fill('12:00');
    await page.getByRole('button', { name: 'Ajouter une date particulière' }).click();
    const exception = page.getByRole('group', { name: 'Date particulière 1' });
    await exception.getByLabel('Date').fill(closedDay);
    await exception.getByLabel('Motif (facultatif)').fill('Inventaire');
    await page.getByRole('button', { name: 'Enregistrer les horaires' }).click();
    await page.getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    expect(await page.getByTestId('field-error').count()).toBe(0);
    const saved = await schedule();
    expect(saved.weekly.filter((r) => r.weekday === 1)).toEqual([
      { weekday: 1, opens: '08:30', closes: '12:00', onRequest: null },
      { weekday: 1, opens: '13:30', closes: '18:15', onRequest: null },
    ]);
    expect(saved.weekly.filter((r) => r.weekday === 6)).toEqual([{ weekday: 6, opens: '09:00', closes: '12:00', onRequest: null }]);
    // Tuesday to Friday are untouched: 9:00–18:00 and the evening on request.
    expect(saved.weekly.filter((r) => r.weekday === 2).map((r) => [r.opens, r.closes, r.onRequest])).toEqual([
      ['09:00', '18:00', null],
      ['18:00', '24:00', true],
    ]);
    expect(saved.exceptions).toEqual([{ date: closedDay, kind: 'closed', reason: 'Inventaire' }]);
    await page.screenshot({ path: join(SHOTS, 'admin-hours-editor.png'), fullPage: true });
  });

  it('a negative price is refused next to its cell; the live preview follows the form; version 2 is published', async () => {
    await page.getByRole('navigation', { name: 'Sections du point' }).getByRole('link', { name: 'Tarifs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tarifs' }).waitFor();
    const versions = page.getByTestId('tariff-versions');
    await versions.locator('tbody tr').first().waitFor();
    expect(await versions.locator('tbody tr').count()).toBe(1);
    const companyIn = page.getByLabel('Prix Entreprise, Sur le territoire (€)');
    const companyOut = page.getByLabel('Prix Entreprise, Hors territoire (€)');
    // The form starts from version 1, the study's tariff: 30 € / 45 € for a 2 h slot, incl. VAT 20 %.
    expect([await companyIn.inputValue(), await companyOut.inputValue()]).toEqual(['30', '45']);
    expect(await page.getByLabel('En vigueur le').inputValue()).toBe(today);
    // The preview: Tuesday 10:00, 2 h, a company from Lannion (22300, inside the territory).
    const preview = page.getByTestId('quote-preview');
    await preview.getByTestId('preview-total').filter({ hasText: /30,00\s€ TTC/ }).waitFor();
    await preview.getByTestId('preview-current').filter({ hasText: /\(n° 1\) : 30,00\s€/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await companyIn.fill('-5');
    await preview.locator('.error').filter({ hasText: 'Prix : montant invalide' }).waitFor();
    await page.getByRole('button', { name: 'Publier la version' }).click();
    await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await companyIn.elementHandle());
    const describedBy = (await companyIn.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Prix : montant invalide (centimes entiers, positifs ou nuls)');
    expect(await page.getByTestId('tariff-matrix').getByTestId('field-error').count()).toBe(1);
    await page.getByTestId('tariff-matrix').screenshot({ path: join(SHOTS, 'admin-tariff-negative-price.png') });
    const [{ n: versionsAfterRefusal }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM price_list_version v JOIN price_list l ON l.id = v.price_list_id WHERE l.point_id = $1 OR l.organisation_id = (SELECT organisation_id FROM point WHERE id = $1)`, [pointId]);

    await companyIn.fill('36');
    await companyOut.fill('54');
    await preview.getByTestId('preview-total').filter({ hasText: /36,00\s€ TTC/ }).waitFor();
    expect(await preview.getByTestId('preview-lines').locator('tr').allTextContents()).toEqual([expect.stringMatching(/^1 créneau de 2 h, entreprise, sur le territoire36,00\s€$/)]);
    await page.getByLabel('Code postal du demandeur').fill('29200');
    await preview.getByTestId('preview-total').filter({ hasText: /54,00\s€ TTC/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'admin-tariff-editor.png'), fullPage: true });

    await page.getByRole('button', { name: 'Publier la version' }).click();
    await page.getByTestId('saved').filter({ hasText: `Version 2 publiée, en vigueur à partir du ${frenchDate(today)}.` }).waitFor();
    await versions.locator('tbody tr').nth(1).waitFor();
    expect(await versions.locator('tbody tr').nth(0).locator('td').nth(2).textContent()).toBe('passée');
    expect(await versions.locator('tbody tr').nth(1).locator('td').nth(2).textContent()).toBe('en vigueur');
    const [{ n: versionsNow }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM price_list_version v JOIN price_list l ON l.id = v.price_list_id WHERE l.point_id = $1 OR l.organisation_id = (SELECT organisation_id FROM point WHERE id = $1)`, [pointId]);
    expect(versionsNow).toBe(versionsAfterRefusal + 1);
    await preview.getByTestId('preview-current').filter({ hasText: /\(n° 2\) : 54,00\s€/ }).waitFor();
  });

  it('the public point page shows the new hours, the closed date and version 2’s prices', async () => {
    await page.goto(`${api.url}/points/${pointId}`);
    await page.getByRole('heading', { level: 1, name: POINT_NAME }).waitFor();
    const hours = page.getByTestId('hours');
    expect(await hours.getByRole('row', { name: /^Lundi/ }).locator('td').textContent()).toBe('8 h 30 – 12 h 00, 13 h 30 – 18 h 15');
    expect(await hours.getByRole('row', { name: /^Mardi/ }).locator('td').textContent()).toBe('9 h 00 – 18 h 00, 18 h 00 – 24 h 00 (sur demande)');
    expect(await hours.getByRole('row', { name: /^Samedi/ }).locator('td').textContent()).toBe('9 h 00 – 12 h 00');
    expect(await hours.getByRole('row', { name: /^Dimanche/ }).locator('td').textContent()).toBe('Fermé');
    await page.getByText(`${frenchDate(closedDay)} : Fermé (Inventaire)`).waitFor();
    await page.getByText(`Version 2, en vigueur depuis le ${frenchDate(today)}`, { exact: false }).waitFor();
    const company = page.getByTestId('tariff').getByRole('row', { name: /^Entreprise/ });
    expect((await company.locator('td').allTextContents()).map((s) => s.replace(/\u202f|\u00a0/g, ' '))).toEqual(['36,00 €', '54,00 €']);
    await page.screenshot({ path: join(SHOTS, 'point-page-after-admin-changes.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a visitor then books 16:00–18:00 on a Monday, a slot only the new hours allow: version 2’s 36 € is frozen, the .ics is that booking', async () => {
    const { page: visitor, context } = await newPage(browser);
    const monday = ordinaryMonday(14);
    await visitor.goto(`${api.url}/points/${pointId}`);
    await searchSlots(visitor, { duration: '2 h', date: monday });
    // Monday now closes at 18:15: a 16:00–18:00 meeting and its 15-minute tear-down fit (before, 18:00 did not allow it).
    await visitor.getByRole('radio', { name: '16 h 00 – 18 h 00' }).check();
    await chooseTariff(visitor, 'Entreprise', '22300', '36,00 €');
    await fillDetails(visitor, { name: 'Camille Le Goff', email: 'camille.legoff@example.org', title: 'Point d’équipe', purpose: 'Réunion de coordination' });
    await visitor.getByRole('button', { name: 'Réserver', exact: true }).click();
    await visitor.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    const reference = (await visitor.getByTestId('reference').textContent())!;
    await followConfirmationLink(api, visitor.context(), reference);
    await visitor.getByRole('heading', { name: 'Réservation confirmée' }).waitFor();
    expect(normalise((await visitor.getByTestId('confirmation').getByTestId('total-incl').textContent())!)).toBe('36,00 €');
    const [row] = await api.sql<{ total: number; version: number }>(
      `SELECT q.total_incl_vat_cents AS total, v.version FROM reservation r JOIN reservation_quote q ON q.reservation_id = r.id
         JOIN price_list_version v ON v.id = q.price_list_version_id WHERE r.reference = $1`,
      [reference],
    );
    expect(row).toEqual({ total: 3600, version: 2 });
    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click()]);
    const ics = await readIcs(download);
    expect(ics.lines).toEqual(expect.arrayContaining(['SUMMARY:Point d’équipe', `DTSTART;TZID=Europe/Paris:${monday.replace(/-/g, '')}T160000`, `DTEND;TZID=Europe/Paris:${monday.replace(/-/g, '')}T180000`]));
    await visitor.screenshot({ path: join(SHOTS, 'booking-after-admin-changes.png'), fullPage: true });
    await context.close();
  });

  it('the editor pages are accessible and fit a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const section of ['horaires', 'tarifs', '', 'salles', 'regles', 'couts', 'adaptateurs']) {
      await page.goto(`${api.url}/admin/points/${pointId}${section ? `/${section}` : ''}`);
      await page.getByRole('heading', { level: 1, name: POINT_NAME }).waitFor();
      await page.locator('main form').first().waitFor();
      const overflow = await horizontalOverflow(page);
      expect([section, overflow, overflow > 0 ? await overflowingElements(page) : []]).toEqual([section, overflow <= 0 ? overflow : 0, []]);
      expect([section, await axeViolations(page)]).toEqual([section, []]);
      if (section === 'horaires' || section === 'tarifs') await page.screenshot({ path: join(SHOTS, `admin-${section}-phone.png`), fullPage: true });
    }
  });
});
