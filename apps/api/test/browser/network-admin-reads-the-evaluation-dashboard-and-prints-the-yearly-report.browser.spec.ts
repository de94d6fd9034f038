// The evaluation in a real browser, against the real API and the seeded network: an organiser answers the
// survey from the e-mailed link (once); the network admin reads the dashboard (key figures, charts with
// their data tables, the map with 20 km coverage, exports) and prints the Region's yearly report; an EPCI's
// admin sees its own points only. axe-core on every page; screenshots in tmp/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectData } from '../e2e-assertions';
import { OUTCOME, pastMeeting, recordOf, surveyTokenOf } from '../evaluation-fixtures';
import { startTestApi, type TestApi } from '../harness';
import { meetingRoom } from '../meeting-fixtures';
import { ADMIN, axeViolations, buildWebApp, createUser, describeInBrowser, launchBrowser, newPage, SHOTS, signInWithToken } from './admin-browser';

describeInBrowser('the Region’s evaluation dashboard and yearly report', () => {
  let api: TestApi;
  let browser: Browser;
  let meeting: Awaited<ReturnType<typeof pastMeeting>>;
  let lannionOrg: { id: string; name: string };
  let stBrieucPoint: string;

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const lannion = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    const stBrieuc = await meetingRoom(api, 'saint-brieuc-agglomeration-siege');
    [{ name: stBrieucPoint }] = await api.sql<{ name: string }>(`SELECT name FROM point WHERE id = $1`, [stBrieuc.pointId]);
    [lannionOrg] = await api.sql<{ id: string; name: string }>(`SELECT id, name FROM organisation WHERE slug = 'lannion-tregor-communaute'`);
    meeting = await pastMeeting(api, [lannion.roomId, stBrieuc.roomId], {
      rooms: [
        { roomId: lannion.roomId, expectedParticipants: 4 },
        { roomId: stBrieuc.roomId, expectedParticipants: 2 },
      ],
    });
    expectData(await api.gql(OUTCOME, { id: meeting.id, o: 'COMPLETED' }, admin));
    const noShow = await pastMeeting(api, [stBrieuc.roomId], {}, 2);
    expectData(await api.gql(OUTCOME, { id: noShow.id, o: 'NO_SHOW' }, admin));
    await recordOf(api, meeting.id);
    await recordOf(api, noShow.id);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signedIn = async (headers: Record<string, string>): Promise<Page> => {
    const { context, page } = await newPage(browser);
    await signInWithToken(context, headers);
    return page;
  };

  it('the organiser answers the survey from the e-mailed link, once', async () => {
    const token = await surveyTokenOf(api, meeting.id);
    const { page } = await newPage(browser, { width: 390, height: 844 });
    await page.goto(`${api.url}/enquete/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Votre avis sur la réunion' }).waitFor();
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    expect(await page.locator('.field-error').count()).toBe(3); // worked, replaced, satisfaction
    await page.getByRole('group', { name: 'La réunion a-t-elle fonctionné (image, son, connexion) ?' }).getByLabel('Oui').check();
    await page.getByRole('group', { name: 'A-t-elle évité un déplacement ?' }).getByLabel('Oui').check();
    await page.getByLabel('Code postal de départ').fill('22000');
    await page.getByLabel('Nombre de personnes').fill('2');
    await page.getByLabel('Personnes présentes dans la salle').fill('4');
    await page.getByLabel('5 sur 5').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'survey-organiser-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.getByTestId('survey-done').waitFor();
    expect(await page.getByTestId('survey-done').textContent()).toBe('Merci ! Vos réponses sont enregistrées.');
    await page.reload();
    await page.getByTestId('survey-done').waitFor();
    expect(await page.getByTestId('survey-done').textContent()).toBe('Ce lien a déjà servi : merci pour votre réponse.');
    await recordOf(api, meeting.id, (r) => r.survey_answers === 1);
  });

  it('the network admin reads the dashboard: key figures, charts with their tables, the map and coverage; exports the CSV', async () => {
    const page = await signedIn(await api.loginAs(ADMIN.email, ADMIN.password));
    await page.goto(`${api.url}/admin/evaluation`);
    await page.getByRole('heading', { level: 1, name: 'Évaluation du réseau' }).waitFor();
    await page.getByLabel('Du mois').fill(meeting.month);
    await page.getByLabel('Au mois').fill(meeting.month);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByTestId('kpis').waitFor();
    const kpi = async (label: string) => (await page.locator('.kpi', { has: page.locator('dt', { hasText: label }) }).locator('dd').first().textContent())?.trim();
    expect(await kpi('Utilisations')).toBe('1');
    expect(await kpi('Réservations sans venue')).toBe('1');
    expect(await kpi('Satisfaction (1 à 5)')).toBe('5');
    expect(await kpi('CO2e évité net')).toMatch(/^\d[\d\s ]*(,\d)? kg$/);
    // Every chart is drawn (SVG) and has its data table.
    for (const id of ['chart-uses', 'chart-co2', 'chart-destinations', 'chart-categories']) {
      const figure = page.getByTestId(id);
      await figure.locator('svg.recharts-surface').first().waitFor();
      expect(await figure.locator('table caption').count()).toBe(1);
    }
    expect(await page.getByTestId('chart-uses').locator('tbody tr').first().locator('th').textContent()).toBe(meeting.month);
    expect(await page.getByTestId('usage-marker').count()).toBeGreaterThan(40);
    expect(await page.getByTestId('coverage-share').textContent()).toMatch(/% de la population bretonne à moins de 20 km d’un point actif/);
    expect(await page.getByTestId('points-table').locator('tbody tr', { hasText: stBrieucPoint }).locator('td').nth(1).textContent()).toBe('1');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'evaluation-dashboard-network.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (tableur)' }).click()]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(meeting.reference);
  });

  it('prints the Region’s yearly report: the console frame disappears, the figures and tables stay', async () => {
    const page = await signedIn(await api.loginAs(ADMIN.email, ADMIN.password));
    const year = meeting.month.slice(0, 4);
    await page.goto(`${api.url}/admin/evaluation/rapport?annee=${year}`);
    await page.getByTestId('kpis').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(`Rapport annuel ${year} — Région Bretagne (tout le réseau)`);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    // In print, the site header and the console's bar are gone (the test runs in Node: no DOM types here).
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.admin-bar').isVisible()).toBe(false);
    expect(await page.getByTestId('points-table').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'evaluation-report-region-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('an EPCI’s admin gets its own report: its points only', async () => {
    const user = await createUser(api, 'ORGANISATION_ADMIN', lannionOrg.id, 'admin-lannion@test.maillage');
    const page = await signedIn(await api.loginAs(user.email, user.password));
    await page.goto(`${api.url}/admin/evaluation/rapport?annee=${meeting.month.slice(0, 4)}`);
    await page.getByTestId('kpis').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(`Rapport annuel ${meeting.month.slice(0, 4)} — ${lannionOrg.name}`);
    expect(await page.getByTestId('points-table').textContent()).not.toContain(stBrieucPoint);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'evaluation-report-epci.png'), fullPage: true });
  });
});
