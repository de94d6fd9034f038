// The console's screens of issue 14, in a real browser against the real API: the network admin creates an
// organisation and edits it, creates a user and changes their role, creates an API key (shown once) with
// its allowed site and quota, then revokes it; gives one room of a point booking rules of its own; adds a
// free-month promotion to a point's tariff. French first; axe-core on every screen; screenshots.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { roomOf } from '../booking-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, axeViolations, buildWebApp, describeInBrowser, launchBrowser, newPage, SHOTS, signInThroughLoginPage } from './admin-browser';

describeInBrowser('the network admin manages organisations, users and roles, and API keys from the console', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
    await signInThroughLoginPage(page, api.url, ADMIN.email, ADMIN.password, '/admin/organisations');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('creates the organisation « Communauté de communes du Kreiz-Breizh », refuses a bad postcode next to its field, then edits its contact', async () => {
    await page.getByRole('heading', { level: 1, name: 'Organisations du réseau' }).waitFor();
    const form = page.getByTestId('new-organisation');
    await form.getByLabel('Identifiant (minuscules et tirets)').fill('cc-kreiz-breizh');
    await form.getByLabel('Type').selectOption({ label: 'EPCI' });
    await form.getByLabel('Nom', { exact: true }).fill('Communauté de communes du Kreiz-Breizh');
    await form.getByLabel('Adresse').fill('1 place du Champ de Foire');
    await form.getByLabel('Code postal').fill('2211');
    await form.getByLabel('Commune').fill('Rostrenen');
    await form.getByRole('button', { name: 'Créer' }).click();
    await form.getByTestId('field-error').first().waitFor();
    expect(await form.getByLabel('Code postal').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Code postal').fill('22110');
    await form.getByRole('button', { name: 'Créer' }).click();
    await form.getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    const [created] = await api.sql<{ id: string; name: string; town: string }>(`SELECT id, name, town FROM organisation WHERE slug = 'cc-kreiz-breizh'`);
    expect(created).toMatchObject({ name: 'Communauté de communes du Kreiz-Breizh', town: 'Rostrenen' });
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Communauté de communes du Kreiz-Breizh' });
    const edit = page.getByTestId('organisation-form');
    await edit.getByLabel('E-mail de contact').fill('accueil@kreiz-breizh.example');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    expect((await api.sql<{ contact_email: string }>(`SELECT contact_email FROM organisation WHERE id = $1`, [created.id]))[0].contact_email).toBe('accueil@kreiz-breizh.example');
    await page.screenshot({ path: join(SHOTS, 'console-organisations.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates an operator for Kreiz-Breizh, then makes them its administrator', async () => {
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs et rôles' }).waitFor();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Communauté de communes du Kreiz-Breizh' });
    await page.getByTestId('users-count').filter({ hasText: '0 utilisateur(s)' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill('agent@kreiz-breizh.example');
    await page.getByLabel('Nom affiché').fill('Agent d’accueil');
    await page.getByLabel('Mot de passe provisoire (12 caractères au moins)').fill('provisoire-2026!');
    await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'opérateur de point' });
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('users-count').filter({ hasText: '1 utilisateur(s)' }).waitFor();
    await page.getByLabel('Rôle de Agent d’accueil').selectOption({ label: 'administrateur de l’organisation' });
    await waitFor('the new role', async () => (await api.sql<{ role: string }>(`SELECT role FROM app_user WHERE email = 'agent@kreiz-breizh.example'`))[0].role === 'ORGANISATION_ADMIN', 10_000);
    // The console shows the saved role once the mutation's answer has come back (after the database write).
    await waitFor('the console shows the new role', async () => (await page.getByLabel('Rôle de Agent d’accueil').inputValue()) === 'ORGANISATION_ADMIN', 10_000);
    await page.screenshot({ path: join(SHOTS, 'console-users.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates an API key for the EPCI’s site (shown once), sets its quota, refuses a bad origin, then revokes it', async () => {
    await page.getByRole('link', { name: 'Clés d’API' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clés d’API' }).waitFor();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Communauté de communes du Kreiz-Breizh' });
    await page.getByTestId('keys-count').filter({ hasText: '0 clé(s)' }).waitFor();
    const create = page.locator('form[aria-labelledby="new-key"]');
    await create.getByLabel('Nom', { exact: true }).fill('Site de la CC');
    await create.getByLabel('Sites autorisés (origines, une par ligne)').fill('https://www.kreiz-breizh.example/');
    await create.getByRole('button', { name: 'Créer' }).click();
    await create.getByTestId('form-error').waitFor();
    await create.getByLabel('Sites autorisés (origines, une par ligne)').fill('https://www.kreiz-breizh.example');
    await create.getByRole('button', { name: 'Créer' }).click();
    const shown = (await page.getByTestId('created-key').locator('code').textContent())!;
    expect(shown).toMatch(/^mlk_/);
    const [stored] = await api.sql<{ key_hash: string; allowed_origins: string[]; prefix: string }>(`SELECT key_hash, allowed_origins, prefix FROM api_key WHERE name = 'Site de la CC'`);
    expect(stored.allowed_origins).toEqual(['https://www.kreiz-breizh.example']);
    expect(shown.startsWith(stored.prefix)).toBe(true);
    expect(stored.key_hash).not.toContain(shown);
    expect(await page.getByTestId('widget-snippet').textContent()).toContain('/widget/');
    const card = page.getByTestId('api-key').filter({ hasText: 'Site de la CC' });
    await card.getByLabel('Quota (requêtes par heure)').fill('500');
    await card.getByRole('button', { name: 'Enregistrer Site de la CC' }).click();
    await card.getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    expect((await api.sql<{ quota_per_hour: number }>(`SELECT quota_per_hour FROM api_key WHERE name = 'Site de la CC'`))[0].quota_per_hour).toBe(500);
    await page.screenshot({ path: join(SHOTS, 'console-api-keys.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Révoquer Site de la CC' }).click();
    await page.getByTestId('key-state').filter({ hasText: /^révoquée le/ }).waitFor();
    // The revoked key is refused by the API.
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': shown }, body: JSON.stringify({ query: '{ networkSummary { activePoints } }' }) });
    expect(res.status).toBe(401);
  });

  it('gives the room of a point booking rules of its own (2 h minimum), the point’s others unchanged', async () => {
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await page.goto(`${api.url}/admin/points/${room.pointId}/regles`);
    await page.getByTestId('booking-policy').waitFor();
    const [{ name }] = await api.sql<{ name: string }>(`SELECT name FROM room WHERE id = $1`, [room.roomId]);
    await page.getByLabel('Règles de', { exact: true }).selectOption({ label: `la salle ${name} (suit le point)` });
    await page.getByTestId('booking-policy').getByLabel('Durée minimale (min)').fill('120');
    await page.getByTestId('booking-policy').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('booking-policy').getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    const [rules] = await api.sql<{ room: { minDurationMinutes: number } | null; point: { minDurationMinutes: number } | null }>(
      `SELECT r.booking_policy AS room, p.booking_policy AS point FROM room r JOIN point p ON p.id = r.point_id WHERE r.id = $1`,
      [room.roomId],
    );
    expect(rules.room?.minDurationMinutes).toBe(120);
    expect(rules.point?.minDurationMinutes ?? 60).not.toBe(120);
    await page.screenshot({ path: join(SHOTS, 'console-room-booking-rules.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds February free to the point’s tariff as a new version', async () => {
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await page.goto(`${api.url}/admin/points/${room.pointId}/tarifs`);
    const promotions = page.getByTestId('promotions');
    await promotions.waitFor();
    const before = await promotions.getByRole('button', { name: /^Retirer l’offre/ }).count();
    await promotions.getByRole('button', { name: 'Ajouter une offre' }).click();
    const n = before + 1;
    await promotions.getByLabel(`Mois gratuits de l’offre ${n}`).fill('2031-02');
    await page.getByRole('button', { name: 'Publier la version' }).click();
    await page.getByText(/^Version \d+ publiée/).waitFor();
    const [latest] = await api.sql<{ definition: { promotions: { kind: string; months: string[] | null }[] } }>(
      `SELECT v.definition FROM price_list_version v JOIN price_list l ON l.id = v.price_list_id
        WHERE l.point_id = $1 OR (l.point_id IS NULL AND l.organisation_id = (SELECT organisation_id FROM point WHERE id = $1)) ORDER BY v.created_at DESC LIMIT 1`,
      [room.pointId],
    );
    expect(latest.definition.promotions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'FREE_MONTHS', months: ['2031-02'] })]));
    await promotions.screenshot({ path: join(SHOTS, 'console-tariff-promotion.png') });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates a point for an EPCI; its editor opens next', async () => {
    const [org] = await api.sql<{ id: string; name: string }>(`SELECT id, name FROM organisation WHERE slug LIKE 'lannion%' ORDER BY slug LIMIT 1`);
    await page.goto(`${api.url}/admin`);
    await page.getByLabel('Organisation').selectOption({ label: org.name });
    const form = page.getByTestId('new-point');
    await form.waitFor();
    await form.getByLabel('Identifiant (minuscules et tirets)').fill('pleumeur-bodou-mediatheque');
    await form.getByLabel('Nom', { exact: true }).fill('Médiathèque de Pleumeur-Bodou');
    await form.getByLabel('Type de lieu').selectOption({ label: 'médiathèque' });
    await form.getByLabel('Adresse').fill('Rue de la Poste');
    await form.getByLabel('Code postal').fill('22560');
    await form.getByLabel('Commune').fill('Pleumeur-Bodou');
    await form.getByLabel('Latitude (degrés décimaux)').fill('48,7727');
    await form.getByLabel('Longitude (degrés décimaux)').fill('-3,5216');
    await form.getByRole('button', { name: 'Créer' }).click();
    await page.waitForURL((url) => /^\/admin\/points\/[0-9a-f-]{36}$/.test(url.pathname));
    const [point] = await api.sql<{ name: string; organisation_id: string; latitude: number }>(`SELECT name, organisation_id, latitude FROM point WHERE slug = 'pleumeur-bodou-mediatheque'`);
    expect(point).toEqual({ name: 'Médiathèque de Pleumeur-Bodou', organisation_id: org.id, latitude: 48.7727 });
    expect(await axeViolations(page)).toEqual([]);
  });
});
