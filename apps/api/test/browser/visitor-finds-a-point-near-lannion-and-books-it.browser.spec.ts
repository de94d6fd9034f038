// A visitor in a real browser (Debian's chromium) against the real API and seeded network: finds the
// Lannion-Trégor point within 30 km of Lannion, asks for the free 2-hour slots of a Tuesday, gets the
// quote (30 € incl. VAT inside the territory, 45 € outside), is told in French next to the field that
// the e-mail is invalid, books, and downloads an invitation whose SUMMARY and DTSTART;TZID are right.
// axe-core on every step; screenshots in tmp/screenshots/; the directory never loads the flow's code.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { roomOf, type SeededRoom } from '../booking-fixtures';
import { axeViolations, buildWebApp, describeInBrowser, horizontalOverflow, launchBrowser, newPage, SHOTS } from './admin-browser';
import { followConfirmationLink, chooseTariff, dayOf, fillDetails, normalise, ordinaryMonday, parisInstant, quoteRows, readIcs, searchSlots, slotLabelFr } from './booking-browser';

const POINT_NAME = 'Point visio de Lannion-Trégor Communauté';
const AVAILABILITY = `query($input: AvailabilityInput!) { availability(input: $input) { slots { start end onRequest } } }`;

describeInBrowser('a visitor finds a point near Lannion and books it', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let room: SeededRoom;
  let tuesday: string;
  let reference: string;
  const requested: string[] = [];

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    tuesday = dayOf(ordinaryMonday(7), 1);
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the directory near Lannion lists the point; its page offers the booking flow, loaded apart from the directory', async () => {
    await page.goto(`${api.url}/`);
    await page.getByLabel('Commune').fill('Lannion');
    await page.getByLabel('Rayon (km)').fill('30');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('heading', { name: /à moins de 30 km de Lannion/ }).waitFor();
    const scripts = () => requested.filter((p) => p.startsWith('/assets/') && p.endsWith('.js'));
    // The directory: the entry chunk and shared library chunks only; no lazily loaded page (named after
    // its component: BookingFlow, AdminApp, ReservationsCalendarPage, JoinPage…).
    const chunks = scripts().map((p) => p.replace(/^\/assets\//, '').replace(/-[\w-]+\.js$/, ''));
    expect(chunks).toContain('index');
    expect(chunks.filter((c) => /^[A-Z]/.test(c))).toEqual([]);
    await page.getByRole('link', { name: POINT_NAME }).click();
    await page.getByRole('heading', { level: 1, name: POINT_NAME }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Réserver ce point' }).waitFor();
    await page.getByRole('heading', { name: '1. Quand ?' }).waitFor();
    expect(scripts().some((p) => p.startsWith('/assets/BookingFlow-'))).toBe(true);
    expect(scripts().some((p) => /\/assets\/(AdminApp|ReservationsCalendarPage|JoinPage)-/.test(p))).toBe(false);
  });

  it('asks for the free 2-hour slots of a Tuesday and sees exactly those the availability query gives: 13, from 9:30 to 15:30', async () => {
    await searchSlots(page, { duration: '2 h', date: tuesday });
    const api2 = await api.gql<{ availability: { slots: { start: string; end: string; onRequest: boolean }[] } }>(AVAILABILITY, {
      input: { roomIds: [room.roomId], durationMinutes: 120, from: parisInstant(tuesday, 0), to: parisInstant(dayOf(tuesday, 1), 0), includeOnRequest: false, limit: 200 },
    });
    const expected = api2.data!.availability.slots.map((s) => slotLabelFr(s.start, s.end));
    // Mon–Fri 9:00–18:00 (seeded), 2 h in 30-minute steps, held with 15 minutes of set-up and tear-down
    // inside the opening hours: 9:30–11:30 … 15:30–17:30.
    expect(expected).toHaveLength(13);
    expect([expected[0], expected[12]]).toEqual(['9 h 30 – 11 h 30', '15 h 30 – 17 h 30']);
    const shown = (await page.getByTestId('slot').allTextContents()).map(normalise);
    expect(shown).toEqual(expected);
    expect(normalise((await page.getByTestId('slots-summary').textContent())!)).toBe('13 créneau(x) libre(s) de 2 h');
    expect(await page.getByTestId('slot-day').locator('legend').allTextContents()).toEqual([expect.stringMatching(/^mardi \d+ \p{L}+ \d{4}$/u)]);
    await page.screenshot({ path: join(SHOTS, 'booking-slots.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('picks 10:00–12:00 as a company of 22300: one line, 30 € incl. VAT = 25 € + 5 € VAT; from Brest (29200) it is 45 €', async () => {
    await page.getByRole('radio', { name: '10 h 00 – 12 h 00' }).check();
    await page.getByTestId('chosen-slot').filter({ hasText: '10 h 00 – 12 h 00' }).waitFor();
    await chooseTariff(page, 'Entreprise', '22300', '30,00 €');
    expect(await quoteRows(page)).toEqual([['Prix de base', '1 créneau de 2 h, entreprise, sur le territoire', '30,00 €']]);
    const quote = page.getByTestId('quote');
    expect(normalise((await quote.getByTestId('total-excl').textContent())!)).toBe('25,00 €');
    expect(normalise((await quote.locator('caption').textContent())!)).toBe('Détail du prix (tarif version 1, sur le territoire)');
    await page.getByLabel('Code postal de votre commune').fill('29200');
    await quote.getByTestId('total-incl').filter({ hasText: '45,00 €' }).waitFor();
    expect(await quoteRows(page)).toEqual([['Prix de base', '1 créneau de 2 h, entreprise, hors territoire', '45,00 €']]);
    await page.getByLabel('Code postal de votre commune').fill('22300');
    await quote.getByTestId('total-incl').filter({ hasText: '30,00 €' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'booking-quote.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an invalid e-mail comes back from the API as a French error next to the e-mail field; nothing is booked', async () => {
    await fillDetails(page, { name: 'Camille Le Goff', email: 'camille.legoff@', phone: '06 12 34 56 78', title: 'Entretien de recrutement', purpose: 'Recrutement', participants: '3' });
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    const error = page.getByTestId('error-email');
    await error.waitFor();
    expect(await error.textContent()).toBe('Adresse e-mail invalide : par exemple prenom.nom@exemple.fr.');
    const email = page.getByLabel('Adresse e-mail');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect((await email.getAttribute('aria-describedby'))!.split(' ')).toContain(await error.getAttribute('id'));
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('email');
    expect(await page.getByTestId('booking-error').textContent()).toBe('La réservation n’a pas été enregistrée : corrigez les champs signalés.');
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservation`);
    expect(n).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'booking-field-error.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('books: "Vérifiez votre boîte mail", then, the e-mail link followed, "Réservation confirmée", its reference, the frozen 30 € quote, and an .ics with SUMMARY and DTSTART;TZID=Europe/Paris', async () => {
    await page.getByLabel('Adresse e-mail').fill('camille.legoff@example.org');
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    expect(await page.getByTestId('check-mailbox').textContent()).toContain('camille.legoff@example.org');
    reference = (await page.getByTestId('reference').textContent())!;
    await page.screenshot({ path: join(SHOTS, 'booking-check-your-mailbox.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await followConfirmationLink(api, page.context(), reference);
    await page.getByRole('heading', { name: 'Réservation confirmée' }).waitFor();
    expect(reference).toMatch(/^MLG-\d{7}$/);
    expect(await page.getByTestId('status').textContent()).toBe('confirmée');
    const confirmation = page.getByTestId('confirmation');
    await confirmation.locator('caption', { hasText: 'Prix retenu pour cette réservation' }).waitFor();
    expect(await quoteRows(page, confirmation)).toEqual([['Prix de base', '1 créneau de 2 h, entreprise, sur le territoire', '30,00 €']]);

    const [row] = await api.sql<{ status: string; title: string; organiser_email: string; start_at: Date; end_at: Date; total: number }>(
      `SELECT r.status, r.title, r.organiser_email, r.start_at, r.end_at, q.total_incl_vat_cents AS total FROM reservation r JOIN reservation_quote q ON q.reservation_id = r.id WHERE r.reference = $1`,
      [reference],
    );
    expect(row).toEqual({ status: 'CONFIRMED', title: 'Entretien de recrutement', organiser_email: 'camille.legoff@example.org', start_at: new Date(parisInstant(tuesday, 10)), end_at: new Date(parisInstant(tuesday, 12)), total: 3000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${reference}.ics`);
    const ics = await readIcs(download);
    expect(ics.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.lines).toEqual(expect.arrayContaining(['METHOD:REQUEST', 'STATUS:CONFIRMED', 'SUMMARY:Entretien de recrutement', `DTSTART;TZID=Europe/Paris:${tuesday.replace(/-/g, '')}T100000`, `DTEND;TZID=Europe/Paris:${tuesday.replace(/-/g, '')}T120000`]));
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0]).toMatchObject({ summary: 'Entretien de recrutement', zone: 'Europe/Paris', start: Date.parse(parisInstant(tuesday, 10)), end: Date.parse(parisInstant(tuesday, 12)), cancelled: false });
    await page.screenshot({ path: join(SHOTS, 'booking-confirmation.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the booking and the slots it overlaps with its buffers are gone: 7 of the 13 slots are left that Tuesday', async () => {
    await page.getByRole('button', { name: 'Faire une autre réservation' }).click();
    await searchSlots(page, { duration: '2 h', date: tuesday });
    const shown = (await page.getByTestId('slot').allTextContents()).map(normalise);
    // 10:00–12:00 is held 9:45–12:15 (15-minute set-up and tear-down): 9:30 … 12:00 starts clash, 12:30 is the first free.
    expect(shown).toEqual(['12 h 30 – 14 h 30', '13 h 00 – 15 h 00', '13 h 30 – 15 h 30', '14 h 00 – 16 h 00', '14 h 30 – 16 h 30', '15 h 00 – 17 h 00', '15 h 30 – 17 h 30']);
  });

  it('fits a phone (390 px): slots, quote and form without horizontal scrolling', async () => {
    const phone = (await newPage(browser, { width: 390, height: 844 })).page;
    await phone.goto(`${api.url}/points/${room.pointId}`);
    await searchSlots(phone, { duration: '1 h 30', date: dayOf(tuesday, 1) });
    await phone.getByTestId('slot').first().click();
    await chooseTariff(phone, 'Association', '22300', '15,00 €');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SHOTS, 'booking-phone.png'), fullPage: true });
    await phone.context().close();
  });
});
