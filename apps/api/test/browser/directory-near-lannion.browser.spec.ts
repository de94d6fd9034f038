// A visitor in a real browser (Debian's chromium driven by playwright-core) against the real API and
// database: finds the Trégor points near Lannion (list and map), opens one, switches to English; axe-core
// finds no serious or critical violation. Screenshots go to tmp/screenshots/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { axeViolations, buildWebApp, describeInBrowser, launchBrowser, SHOTS } from './admin-browser';

const NEAR_LANNION = `query { points(filter: { near: { latitude: 48.7326, longitude: -3.4566, radiusKm: 30 } }, first: 100) { edges { node { point { id name town } } } } }`;

describeInBrowser('a visitor finds a point near Lannion in the web app', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let tregor: { id: string; name: string; town: string }[];

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    expect(api.webAppDir).toBeDefined();
    const res = await api.gql<{ points: { edges: { node: { point: { id: string; name: string; town: string } } }[] } }>(NEAR_LANNION);
    tregor = res.data!.points.edges.map((e) => e.node.point);
    expect(tregor.length).toBeGreaterThanOrEqual(3);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('searches within 30 km of Lannion and sees the Trégor points in the list and on the map', async () => {
    await page.goto(`${api.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Commune').fill('Lannion');
    await page.getByLabel('Rayon (km)').fill('30');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('heading', { name: /à moins de 30 km de Lannion/ }).waitFor();
    const names = await page.getByTestId('result').locator('h3').allTextContents();
    expect(names.sort()).toEqual(tregor.map((p) => p.name).sort());
    expect(await page.getByTestId('marker').count()).toBe(tregor.length);
    const distances = await page.getByTestId('distance').allTextContents();
    expect(distances.every((d) => /^\d+(,\d)? k?m$/.test(d.replace(/\u202f/g, ' ')))).toBe(true);
    expect(page.url()).toContain('town=Lannion');
    await page.screenshot({ path: join(SHOTS, 'directory-near-lannion.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens a point page with its hours for the week and its equipment', async () => {
    const lannion = tregor.find((p) => p.town === 'Lannion') ?? tregor[0]!;
    await page.getByRole('link', { name: lannion.name }).click();
    await page.getByRole('heading', { level: 1, name: lannion.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/points/${lannion.id}`);
    const hours = page.getByTestId('hours');
    await hours.getByRole('rowheader', { name: 'Lundi' }).waitFor();
    expect(await hours.locator('tbody tr').count()).toBe(7);
    expect(await hours.locator('tbody td').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/\d+ h \d\d – \d+ h \d\d/)]));
    expect(await page.getByTestId('equipment').locator('li').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Tarif' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'point-page.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    // A reload on a client-side route is answered by the API with the app (SPA fallback).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: lannion.name }).waitFor();
  });

  it('switches to English: labels and <html lang> change, and the choice sticks', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Opening hours this week' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('rowheader', { name: 'Monday' }).waitFor();
    await page.getByRole('link', { name: /Back to the directory/ }).click();
    await page.getByRole('heading', { name: 'Find a videoconference point' }).waitFor();
    await page.getByLabel('Town').waitFor();
    await page.screenshot({ path: join(SHOTS, 'directory-english.png'), fullPage: true });
    await page.getByRole('button', { name: 'Français' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.url}/?town=Lannion&radius=30`);
    await page.getByTestId('result').first().waitFor();
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'directory-phone.png'), fullPage: true });
  });
});
