// An EPCI puts the booking widget on its own site: a page served from another origin (another free port)
// frames /widget/<organisation>?cle=<API key>; the API lets the key's allowed origin frame it
// (frame-ancestors) and nobody else. Inside, a visitor searches the point's free slots. The integrators'
// GraphQL documentation page lists the schema. axe-core and screenshots on each.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { axeViolations, buildWebApp, describeInBrowser, launchBrowser, newPage, SHOTS } from './admin-browser';
import { ordinaryMonday } from './booking-browser';

/** A foreign site on 127.0.0.1 and a free port: one page that frames `src`. */
async function foreignSite(src: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Lannion-Trégor Communauté</title></head><body><main><h1>Réserver la salle de visioconférence</h1><iframe src="${src()}" title="Réservation Maillage" width="1000" height="1400"></iframe></main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describeInBrowser('an EPCI site frames the booking widget with its API key; integrators read the GraphQL documentation', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let widgetUrl = '';
  let pointLabel = '';
  let allowed: Awaited<ReturnType<typeof foreignSite>>;
  let stranger: Awaited<ReturnType<typeof foreignSite>>;

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    allowed = await foreignSite(() => widgetUrl);
    stranger = await foreignSite(() => widgetUrl);
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const [{ organisation_id, name, town }] = await api.sql<{ organisation_id: string; name: string; town: string }>(`SELECT organisation_id, name, town FROM point WHERE id = $1`, [room.pointId]);
    pointLabel = `${name} (${town})`;
    const created = expectData(
      await api.gql<{ createApiKey: { key: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        { input: { organisationId: organisation_id, name: 'Site de l’EPCI', role: 'BOOKER', allowedOrigins: [allowed.origin] } },
        admin,
      ),
    );
    widgetUrl = `${api.url}/widget/${organisation_id}?cle=${encodeURIComponent(created.createApiKey.key)}`;
    browser = await launchBrowser();
    page = (await newPage(browser, { width: 1100, height: 1500 })).page;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await allowed?.close();
    await stranger?.close();
  });

  it('the allowed site frames the widget: the organisation’s points, then a point’s free slots', async () => {
    const res = await fetch(widgetUrl, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors ${allowed.origin}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    await page.goto(allowed.origin);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { level: 1, name: /^Réserver un point de visioconférence — / }).waitFor();
    const choice = frame.getByLabel('Point', { exact: true });
    if (await choice.count()) await choice.selectOption({ label: pointLabel });
    await frame.getByRole('heading', { name: '1. Quand ?' }).waitFor();
    const monday = ordinaryMonday(7);
    await frame.getByLabel('Du', { exact: true }).fill(monday);
    await frame.getByLabel('Au (inclus)').fill(monday);
    await frame.getByRole('button', { name: 'Voir les créneaux libres' }).click();
    await frame.getByTestId('slots-summary').waitFor();
    expect(await frame.getByTestId('slot').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'widget-on-an-epci-site.png'), fullPage: true });
    const inner = page.frames().find((f) => f.url().startsWith(`${api.url}/widget/`))!;
    expect(await axeViolations(inner as unknown as Page)).toEqual([]);
  });

  it('another site cannot frame it, and the console and public pages are never framed', async () => {
    const denied: string[] = [];
    page.on('console', (m) => denied.push(m.text()));
    await page.goto(stranger.origin);
    await page.waitForTimeout(1500);
    const inner = page.frames().find((f) => f !== page.mainFrame());
    expect(inner ? await inner.locator('[data-testid=widget]').count() : 0).toBe(0);
    expect(denied.some((text) => /frame-ancestors|Refused to frame/i.test(text))).toBe(true);
    const home = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
    expect(home.headers.get('x-frame-options')).toBe('DENY');
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('the GraphQL documentation lists the schema, with its descriptions, and filters it', async () => {
    await page.goto(`${api.url}/docs/graphql`);
    await page.getByRole('heading', { level: 1, name: 'API GraphQL : documentation pour les intégrateurs' }).waitFor();
    const count = Number(/(\d+)/.exec((await page.getByTestId('docs-count').textContent())!)![1]);
    expect(count).toBeGreaterThan(50);
    await page.getByText('confirmBooking(token: String!): [Reservation!]!').waitFor();
    await page.getByLabel('Filtrer les types et les champs').fill('ApiKey');
    await page.getByTestId('docs-count').filter({ hasText: /^[1-9]\d? type\(s\)$/ }).waitFor();
    await page.getByText(/allowedOrigins: \[String!\]!/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'graphql-docs.png'), fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });
});
