// The network administrator, in a real browser against the real API and seeded network, configures the rest of
// a point of another organisation (Pôle Phoenix, Lannion-Trégor Communauté): booking rules, a new room and an
// endpoint, two operating costs and the cost per call of the year, an e-mail adapter whose password stays
// write-only, and the point's record. Each refusal of the API appears in French next to its field.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { axeViolations, buildWebApp, describeInBrowser, launchBrowser, newPage, SHOTS, signInThroughLoginPage } from './admin-browser';

const POINT_SLUG = 'lannion-tregor-communaute-pole-phoenix';

const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
const euros = (text: string | null) => (text ?? '').replace(/\u202f|\u00a0/g, ' ');

/** The error tied to an input through aria-describedby (the last id: hints come first). */
async function errorOf(page: Page, input: ReturnType<Page['getByLabel']>): Promise<string | null> {
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await input.elementHandle());
  const ids = (await input.getAttribute('aria-describedby'))!.split(' ');
  return page.locator(`[id="${ids.at(-1)}"]`).textContent();
}

describeInBrowser('the network admin configures a point of another organisation from the console', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let pointId: string;
  let base: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const [row] = await api.sql<{ id: string }>(`SELECT id FROM point WHERE slug = $1`, [POINT_SLUG]);
    pointId = row!.id;
    base = `/admin/points/${pointId}`;
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
    // Asked for a console page while signed out: the login page brings the admin back to it.
    await page.goto(`${api.url}${base}/regles`);
    await page.waitForURL((url) => url.pathname === '/admin/connexion');
    await signInThroughLoginPage(page, api.url, ADMIN.email, ADMIN.password, `${base}/regles`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const gql = async <T,>(query: string) => (await api.gql<T>(query, { id: pointId }, admin)).data!;

  it('booking rules: a minimum longer than the maximum is refused next to it; then 30 min to 8 h with companies on approval', async () => {
    await page.getByRole('heading', { level: 2, name: 'Règles de réservation' }).waitFor();
    await page.getByLabel('Durée minimale (min)').fill('240');
    await page.getByLabel('Durée maximale (min)').fill('120');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await errorOf(page, page.getByLabel('Durée minimale (min)'))).toBe('La durée minimale dépasse la durée maximale');
    await page.getByLabel('Durée minimale (min)').fill('30');
    await page.getByLabel('Durée maximale (min)').fill('480');
    await page.getByRole('checkbox', { name: 'Entreprise' }).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    const { point } = await gql<{ point: { bookingPolicy: { minDurationMinutes: number; maxDurationMinutes: number; approvalCategories: string[] } } }>(
      `query($id: ID!) { point(id: $id) { bookingPolicy { minDurationMinutes maxDurationMinutes approvalCategories } } }`,
    );
    expect(point.bookingPolicy).toEqual({ minDurationMinutes: 30, maxDurationMinutes: 480, approvalCategories: ['COMPANY'] });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('rooms: adds a shared council room with its equipment, and an endpoint whose SIP address is checked', async () => {
    await page.getByRole('navigation', { name: 'Sections du point' }).getByRole('link', { name: 'Salles et équipements' }).click();
    await page.getByRole('heading', { level: 2, name: 'Salles et équipements' }).waitFor();
    const before = (await gql<{ point: { rooms: { id: string }[] } }>(`query($id: ID!) { point(id: $id) { rooms { id } } }`)).point.rooms.length;
    const newRoom = page.getByRole('region', { name: 'Ajouter une salle' });
    await newRoom.getByLabel('Nom de la salle').fill('Salle du conseil');
    await newRoom.getByLabel('Places').fill('20');
    await newRoom.getByLabel(/Salle dédiée/).uncheck();
    await newRoom.getByLabel('Équipement').fill('Écran 75 pouces\nCaméra motorisée');
    await newRoom.getByRole('button', { name: 'Ajouter une salle' }).click();
    await page.getByRole('heading', { name: `Salle ${before + 1} : Salle du conseil` }).waitFor();
    const { point } = await gql<{ point: { rooms: { name: string; capacity: number; dedicated: boolean; equipment: string[] }[] } }>(`query($id: ID!) { point(id: $id) { rooms { name capacity dedicated equipment } } }`);
    expect(point.rooms.find((r) => r.name === 'Salle du conseil')).toEqual({ name: 'Salle du conseil', capacity: 20, dedicated: false, equipment: ['Écran 75 pouces', 'Caméra motorisée'] });

    const firstRoom = page.getByTestId('admin-room').first();
    await firstRoom.locator('summary', { hasText: 'Ajouter un terminal' }).click();
    const endpoint = firstRoom.getByRole('form', { name: 'Ajouter un terminal' });
    await endpoint.getByLabel('Nom du terminal').fill('Codec de la salle');
    await endpoint.getByLabel('Adresse SIP').fill('salle-phoenix@lannion');
    await endpoint.getByRole('button', { name: 'Ajouter un terminal' }).click();
    expect(await errorOf(page, endpoint.getByLabel('Adresse SIP'))).toBe('Valeur invalide');
    await endpoint.getByLabel('Adresse SIP').fill('sip:salle-phoenix@visio.lannion.test');
    await endpoint.getByRole('button', { name: 'Ajouter un terminal' }).click();
    await firstRoom.getByRole('form', { name: 'Terminal Codec de la salle' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'admin-rooms-editor.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('costs: a 250 € line every month since January and a 300 € repair make the year’s costs; no meeting held yet', async () => {
    await page.getByRole('navigation', { name: 'Sections du point' }).getByRole('link', { name: 'Coûts' }).click();
    await page.getByRole('heading', { level: 2, name: 'Coûts' }).waitFor();
    const month = thisMonth();
    const months = Number(month.slice(5, 7));
    const form = page.getByTestId('add-cost');
    await form.getByLabel('Libellé').fill('Ligne ADSL dédiée');
    await form.getByLabel('Montant mensuel (€)').fill('-250');
    await form.getByLabel('Premier mois').fill(`${month.slice(0, 4)}-01`);
    await form.getByRole('button', { name: 'Ajouter un coût' }).click();
    expect(await errorOf(page, form.getByLabel('Montant mensuel (€)'))).toBe('Montant invalide (centimes, positif ou nul)');
    await form.getByLabel('Montant mensuel (€)').fill('250');
    await form.getByRole('button', { name: 'Ajouter un coût' }).click();
    await page.getByTestId('operating-costs').locator('li').first().waitFor();
    await form.getByLabel('Nature').selectOption({ label: 'Maintenance' });
    await form.getByLabel('Fréquence').selectOption({ label: 'Ponctuel' });
    await form.getByLabel('Libellé').fill('Réparation de la caméra');
    await form.getByLabel('Montant (€)').fill('300');
    await form.getByLabel('Date').fill(`${month}-02`);
    await form.getByRole('button', { name: 'Ajouter un coût' }).click();
    await page.getByTestId('operating-costs').locator('li').nth(1).waitFor();
    const total = (250 * months + 300).toLocaleString('fr-FR', { minimumFractionDigits: 2 }).replace(/\u202f|\u00a0/g, ' ');
    await page.getByTestId('cost-per-call').filter({ hasText: 'aucune réunion tenue' }).waitFor();
    expect(euros(await page.getByTestId('cost-per-call').textContent())).toBe(`Coûts de la période : ${total} € ; aucune réunion tenue, pas de coût par appel.`);
    expect(await page.getByTestId('costs-by-month').locator('tbody tr').count()).toBe(months);
    await page.screenshot({ path: join(SHOTS, 'admin-costs.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adapters: the e-mail adapter’s form comes from its schema; a bad port is refused next to it; the password is never shown back', async () => {
    await page.getByRole('navigation', { name: 'Sections du point' }).getByRole('link', { name: 'Adaptateurs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Adaptateurs' }).waitFor();
    const form = page.getByTestId('bind-adapter');
    await form.getByLabel('Adaptateur').selectOption({ label: 'E-mail (SMTP) (notification, v1.0.0)' });
    await form.getByLabel('Serveur SMTP *').waitFor();
    expect(await form.getByLabel('Port *').inputValue()).toBe('587');
    expect(await form.getByLabel('Mot de passe').getAttribute('type')).toBe('password');
    await form.getByLabel('Serveur SMTP *').fill('127.0.0.1');
    await form.getByLabel('Port *').fill('99999');
    await form.getByLabel('Expéditeur *').fill('Maillage <visio@lannion.test>');
    await form.getByLabel('Mot de passe').fill('s3cret-smtp-pass');
    await form.getByLabel('Délai d’attente (ms)').fill('1000');
    await form.getByRole('button', { name: 'Brancher' }).click();
    expect(await errorOf(page, form.getByLabel('Port *'))).toMatch(/^Configuration invalide \(port\)/);
    await form.getByLabel('Port *').fill('9');
    await form.getByRole('button', { name: 'Brancher' }).click();
    await form.getByTestId('saved').filter({ hasText: 'E-mail (SMTP) branché.' }).waitFor();
    const binding = page.getByTestId('adapter-bindings').locator('li').first();
    await binding.getByText('secret enregistré (non affichable)').waitFor();
    expect(await page.content()).not.toContain('s3cret-smtp-pass');
    expect(await form.getByLabel('Mot de passe').inputValue()).toBe('');
    const { adapterBindings } = await gql<{ adapterBindings: { adapterId: string; config: Record<string, unknown>; secretNames: string[] }[] }>(`query($id: ID!) { adapterBindings(pointId: $id) { adapterId config secretNames } }`);
    expect(adapterBindings).toEqual([{ adapterId: 'notification-smtp', config: expect.objectContaining({ host: '127.0.0.1', port: 9, from: 'Maillage <visio@lannion.test>', timeoutMs: 1000 }), secretNames: ['password'] }]);
    expect(adapterBindings[0]!.config).not.toHaveProperty('password');
    await page.screenshot({ path: join(SHOTS, 'admin-adapters.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the record: a bandwidth that is not a number is caught before sending; a new phone number is saved', async () => {
    await page.getByRole('navigation', { name: 'Sections du point' }).getByRole('link', { name: 'Fiche' }).click();
    await page.getByRole('heading', { level: 2, name: 'Fiche' }).waitFor();
    await page.getByLabel('Débit garanti (kbit/s)').fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await errorOf(page, page.getByLabel('Débit garanti (kbit/s)'))).toBe('Montant ou nombre invalide.');
    await page.getByLabel('Débit garanti (kbit/s)').fill('4096');
    await page.getByLabel('Téléphone').fill('02 96 00 00 01');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('saved').filter({ hasText: 'Enregistré.' }).waitFor();
    const { point } = await gql<{ point: { bandwidthKbps: number; phone: string } }>(`query($id: ID!) { point(id: $id) { bandwidthKbps phone } }`);
    expect(point).toEqual({ bandwidthKbps: 4096, phone: '02 96 00 00 01' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('switches the console to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Record' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByTestId('signed-in-role').textContent()).toBe('network administrator');
    await page.getByRole('button', { name: 'Français' }).click();
  });
});
