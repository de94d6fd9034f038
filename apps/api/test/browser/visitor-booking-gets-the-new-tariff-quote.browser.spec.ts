// A tariff change reaches a visitor's booking, in a real browser against the real API and seeded network.
// Setup, through GraphQL as the network admin (the console's tariff editor is tested by the admin specs):
// the Lannion-Trégor point publishes version 2 from today, 40 € per 2-hour slot for a company of the
// territory, capped at 90 € a day. A visitor then books Thursday 10:00–17:00: the quote explains
// 4 slots × 40 € = 160 €, minus 70 € for the daily cap = 90 € incl. VAT (75 € + 15 € VAT); the
// confirmation keeps that price, in English too, and the database froze 9 000 cents of version 2.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { roomOf, type SeededRoom } from '../booking-fixtures';
import { ok, PUBLISH, TARIFFS, territoryVersionInput, todayInParis } from '../tariff-fixtures';
import { axeViolations, buildWebApp, describeInBrowser, launchBrowser, newPage, SHOTS } from './admin-browser';
import { followConfirmationLink, chooseTariff, dayOf, fillDetails, normalise, ordinaryMonday, parisInstant, quoteRows, searchSlots } from './booking-browser';

describeInBrowser('after a tariff change, a visitor’s booking gets the new quote', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let room: SeededRoom;
  let thursday: string;

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    thursday = dayOf(ordinaryMonday(7), 3);
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const { tariffs } = ok(await api.gql<{ tariffs: { priceList: { id: string } } }>(TARIFFS, { p: room.pointId }));
    ok(
      await api.gql(
        PUBLISH,
        {
          id: tariffs.priceList.id,
          input: territoryVersionInput({
            validFrom: todayInParis(),
            rates: [
              { category: 'COMPANY', territory: 'IN', amountCents: 4000, dayCapCents: 9000 },
              { category: 'COMPANY', territory: 'OUT', amountCents: 6000, dayCapCents: 13000 },
              { category: 'ASSOCIATION', territory: 'IN', amountCents: 2000 },
            ],
          }),
        },
        admin,
      ),
    );
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the point page shows version 2: 40 € inside the territory, 60 € outside, for a company', async () => {
    await page.goto(`${api.url}/points/${room.pointId}`);
    const tariff = page.getByTestId('tariff');
    await tariff.waitFor();
    expect((await tariff.locator('tbody tr').first().locator('th, td').allTextContents()).map(normalise)).toEqual(['Entreprise', '40,00 €', '60,00 €']);
    await page.getByText(/^Version 2, en vigueur depuis le/).waitFor();
  });

  it('Thursday 10:00–17:00 as a company of 22300: 4 × 40 € = 160 €, daily cap −70 €, 90 € incl. VAT', async () => {
    await searchSlots(page, { duration: '7 h', date: thursday });
    await page.getByRole('radio', { name: '10 h 00 – 17 h 00' }).check();
    await chooseTariff(page, 'Entreprise', '22300', '90,00 €');
    expect(await quoteRows(page)).toEqual([
      ['Prix de base', '4 créneaux de 2 h, entreprise, sur le territoire (4 × 40,00 €)', '160,00 €'],
      ['Plafond journalier', 'Plafond journalier : 90,00 € × 1 jour', '-70,00 €'],
    ]);
    const quote = page.getByTestId('quote');
    expect(normalise((await quote.locator('caption').textContent())!)).toBe('Détail du prix (tarif version 2, sur le territoire)');
    expect(normalise((await quote.getByTestId('total-excl').textContent())!)).toBe('75,00 €');
    await page.screenshot({ path: join(SHOTS, 'booking-new-tariff-quote.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('books it: the confirmation keeps 90 €, the database froze 9 000 cents of version 2; in English the lines are named too', async () => {
    await fillDetails(page, { name: 'SARL Trégor Numérique', email: 'contact@tregor-numerique.example.org', title: 'Formation des équipes', purpose: 'Formation', participants: '10' });
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    const reference = (await page.getByTestId('reference').textContent())!;
    await followConfirmationLink(api, page.context(), reference);
    await page.getByRole('heading', { name: 'Réservation confirmée' }).waitFor();
    const confirmation = page.getByTestId('confirmation');
    await confirmation.locator('caption', { hasText: 'Prix retenu pour cette réservation' }).waitFor();
    expect(normalise((await confirmation.getByTestId('total-incl').textContent())!)).toBe('90,00 €');
    const [row] = await api.sql<{ total: number; version: number; start_at: Date }>(
      `SELECT q.total_incl_vat_cents AS total, v.version, r.start_at FROM reservation r JOIN reservation_quote q ON q.reservation_id = r.id
         JOIN price_list_version v ON v.id = q.price_list_version_id WHERE r.reference = $1`,
      [reference],
    );
    expect(row).toEqual({ total: 9000, version: 2, start_at: new Date(parisInstant(thursday, 10)) });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('confirmed');
    expect((await quoteRows(page, confirmation)).map((r) => [r[0], r[2]])).toEqual([
      ['Base price', '€160.00'],
      ['Daily cap', '-€70.00'],
    ]);
    await page.screenshot({ path: join(SHOTS, 'booking-confirmation-english.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Français' }).click();
  });
});
