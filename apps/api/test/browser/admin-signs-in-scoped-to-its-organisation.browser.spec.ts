// The admin console's sign-in, in a real browser against the real API and seeded network: a wrong password
// is refused in French; the network admin sees every organisation's points; an organisation admin sees
// only its own; signing out forgets the session; a console page asked for while signed out comes back
// after signing in. axe-core: no serious or critical violation on the login page and the points list.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { ADMIN, AUTH_TOKEN_KEY, axeViolations, buildWebApp, createUser, describeInBrowser, horizontalOverflow, launchBrowser, newPage, SHOTS, signInThroughLoginPage } from './admin-browser';

interface OrgPoints {
  organisations: { id: string; name: string }[];
  points: { totalCount: number; edges: { node: { point: { id: string; name: string; organisationId: string } } }[] };
}

describeInBrowser('an administrator signs in to the console, scoped to its organisation', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let network: OrgPoints;
  let lannion: { id: string; name: string; pointNames: string[] };

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    const res = await api.gql<OrgPoints>(`{ organisations { id name } points(first: 100, filter: { statuses: [ACTIVE, ON_HOLD, DISMANTLED] }) { totalCount edges { node { point { id name organisationId } } } } }`);
    network = res.data!;
    const byOrg = new Map<string, string[]>();
    for (const e of network.points.edges) byOrg.set(e.node.point.organisationId, [...(byOrg.get(e.node.point.organisationId) ?? []), e.node.point.name]);
    const org = network.organisations.find((o) => /Lannion/.test(o.name) && (byOrg.get(o.id)?.length ?? 0) >= 2) ?? network.organisations.find((o) => (byOrg.get(o.id)?.length ?? 0) >= 2)!;
    lannion = { id: org.id, name: org.name, pointNames: byOrg.get(org.id)! };
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('refuses a wrong password with a French message, next to nothing stored', async () => {
    await page.goto(`${api.url}/admin/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion à la console' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Empty fields: said next to each field, tied to it.
    const email = page.getByLabel('Adresse e-mail');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Champ obligatoire.');
    await email.fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toBe('Adresse ou mot de passe incorrect.');
    expect(await page.evaluate((key) => sessionStorage.getItem(key), AUTH_TOKEN_KEY)).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'admin-login-refused.png'), fullPage: true });
  });

  it('the network admin sees every organisation’s points, and can narrow to one', async () => {
    await signInThroughLoginPage(page, api.url, ADMIN.email, ADMIN.password);
    expect(await page.getByTestId('signed-in-role').textContent()).toBe('administrateur du réseau');
    expect(await page.getByTestId('signed-in-organisation').textContent()).toBe('tout le réseau');
    await page.getByTestId('points-count').filter({ hasText: `${network.points.totalCount} point(s)` }).waitFor();
    expect(await page.getByTestId('admin-points').locator('tbody tr').count()).toBe(network.points.totalCount);
    expect(network.points.totalCount).toBeGreaterThanOrEqual(55);
    await page.screenshot({ path: join(SHOTS, 'admin-points-network.png'), fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Organisation').selectOption({ label: lannion.name });
    await page.getByTestId('points-count').filter({ hasText: `${lannion.pointNames.length} point(s)` }).waitFor();
    expect((await page.getByTestId('admin-points').locator('tbody th').allTextContents()).sort()).toEqual([...lannion.pointNames].sort());
  });

  it('signing out forgets the session; a console page asked for signed out comes back after signing in', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion à la console' }).waitFor();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), AUTH_TOKEN_KEY)).toBeNull();
    const someone = lannion.pointNames.length ? network.points.edges.find((e) => e.node.point.organisationId === lannion.id)!.node.point : undefined;
    await page.goto(`${api.url}/admin/points/${someone!.id}`);
    await page.waitForURL((url) => url.pathname === '/admin/connexion');
    expect(new URL(page.url()).searchParams.get('suite')).toBe(`/admin/points/${someone!.id}`);
  });

  it('an organisation admin sees its organisation’s name and only its points', async () => {
    const user = await createUser(api, 'ORGANISATION_ADMIN', lannion.id, 'admin.lannion@test.maillage');
    await signInThroughLoginPage(page, api.url, user.email, user.password);
    expect(await page.getByTestId('signed-in-role').textContent()).toBe('administrateur de l’organisation');
    expect(await page.getByTestId('signed-in-organisation').textContent()).toBe(lannion.name);
    await page.getByTestId('points-count').filter({ hasText: `${lannion.pointNames.length} point(s)` }).waitFor();
    expect(await page.getByLabel('Organisation').count()).toBe(0);
    expect((await page.getByTestId('admin-points').locator('tbody th').allTextContents()).sort()).toEqual([...lannion.pointNames].sort());
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'admin-points-organisation-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
