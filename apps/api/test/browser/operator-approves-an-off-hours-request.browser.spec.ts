// An off-hours request, end to end in a real browser against the real API and seeded network: a visitor
// asks for Wednesday 19:00–21:00 at the Lannion-Trégor point (18:00–24:00 is "on request") and is told
// "demande en attente de validation"; an operator of Lannion-Trégor Communauté signs in, finds it in the
// week calendar, is told in French next to the field that declining needs a reason, approves it
// (CONFIRMED, its quote frozen), extends it by 30 minutes, and cancels another booking with a reason.
// An operator of another organisation never sees that point. axe-core on every page; screenshots.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, roomOf, type SeededRoom } from '../booking-fixtures';
import { organisationOfPoint } from '../reservation-scenario-helpers';
import { axeViolations, buildWebApp, createUser, describeInBrowser, horizontalOverflow, launchBrowser, newPage, SHOTS, signInThroughLoginPage, signInWithToken } from './admin-browser';
import { followConfirmationLink, chooseTariff, dayOf, fillDetails, normalise, ordinaryMonday, parisInstant, quoteRows, searchSlots } from './booking-browser';

describeInBrowser('an operator approves an off-hours request in the week calendar', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let room: SeededRoom;
  let monday: string;
  let wednesday: string;
  let operator: { email: string; password: string };
  let requestRef: string;
  let thursdayRef: string;

  const statusOf = async (reference: string) =>
    (await api.sql<{ status: string; status_reason: string | null; start_at: Date; end_at: Date }>(`SELECT status, status_reason, start_at, end_at FROM reservation WHERE reference = $1`, [reference]))[0]!;
  const calendarUrl = () => `${api.url}/admin/reservations?point=${room.pointId}&semaine=${monday}`;
  const event = (reference: string) => page.locator(`[data-testid=calendar-event][data-reference="${reference}"]`);

  beforeAll(async () => {
    buildWebApp();
    api = await startTestApi();
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    monday = ordinaryMonday(7);
    wednesday = dayOf(monday, 2);
    operator = await createUser(api, 'POINT_OPERATOR', await organisationOfPoint(api, room.pointId), 'accueil@lannion-tregor.test');
    // A confirmed booking on Thursday 10:00–12:00, to be cancelled by the operator.
    const thursday = dayOf(monday, 3);
    const booked = await bookConfirmed<{ book: { reservation: { reference: string; status: string } } }>(api, BOOK, {
      input: bookingInput([room.roomId], parisInstant(thursday, 10), parisInstant(thursday, 12), { title: 'Comité de pilotage Lannion' }),
    });
    thursdayRef = booked.data!.book.reservation.reference;
    expect(booked.data!.book.reservation.status).toBe('CONFIRMED');
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('a visitor asks for Wednesday 19:00–21:00 (on request): the quote counts 2 h off hours, the answer is "demande en attente de validation"', async () => {
    await page.goto(`${api.url}/points/${room.pointId}`);
    await searchSlots(page, { duration: '2 h', date: wednesday, onRequest: true });
    const evening = page.getByRole('radio', { name: /^19 h 00 – 21 h 00/ });
    expect(normalise((await page.getByTestId('slot').filter({ hasText: '19 h 00 – 21 h 00' }).textContent())!)).toBe('19 h 00 – 21 h 00 sur demande');
    await evening.check();
    await page.getByText('Ce créneau est en dehors des horaires d’ouverture : votre demande devra être validée par le point d’accueil.').waitFor();
    await chooseTariff(page, 'Association', '22300', '15,00 €');
    // Same price day and night at this point (no surcharge); the quote says how much is off hours.
    expect(await quoteRows(page)).toEqual([['Prix de base', '1 créneau de 2 h, association, sur le territoire', '15,00 €']]);
    await page.getByText('Dont 2 h en dehors des horaires d’ouverture.').waitFor();
    await fillDetails(page, { name: 'Club de voile de Trébeurden', email: 'contact@cv-trebeurden.example.org', title: 'Assemblée générale du club', purpose: 'Réunion de coordination', participants: '8' });
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    requestRef = (await page.getByTestId('reference').textContent())!;
    // The e-mail's link confirms the request, which then waits for the host's approval.
    await followConfirmationLink(api, page.context(), requestRef, 'Demande transmise au point d’accueil');
    await page.getByRole('heading', { name: 'Demande envoyée : en attente de validation' }).waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('demande en attente de validation');
    const row = await statusOf(requestRef);
    expect(row).toEqual({ status: 'REQUESTED', status_reason: null, start_at: new Date(parisInstant(wednesday, 19)), end_at: new Date(parisInstant(wednesday, 21)) });
    // No price is frozen before approval: the page shows the estimate.
    await page.getByTestId('confirmation').locator('caption', { hasText: 'Prix estimé (retenu à la validation)' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'booking-request-pending.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the operator signs in and sees the request in the week of its point: pending list and a dashed block on Wednesday', async () => {
    const operatorPage = page;
    await operatorPage.context().clearCookies();
    await signInThroughLoginPage(operatorPage, api.url, operator.email, operator.password, '/admin/reservations');
    await operatorPage.goto(calendarUrl());
    await event(requestRef).waitFor();
    expect(await event(requestRef).getAttribute('data-status')).toBe('REQUESTED');
    expect(normalise((await event(requestRef).textContent())!)).toBe('19 h 00 – 21 h 00 Demande Assemblée générale du club');
    expect(await page.locator(`[data-testid=calendar-day][data-date="${wednesday}"]`).locator('[data-testid=calendar-event]').count()).toBe(1);
    expect(await event(thursdayRef).getAttribute('data-status')).toBe('CONFIRMED');
    await page.getByRole('heading', { name: '1 demande(s) à valider cette semaine' }).waitFor();
    expect(await page.getByTestId('week-title').textContent()).toMatch(/^Semaine du \d+ \p{L}+ \d{4} au \d+ \p{L}+ \d{4}$/u);
    await page.screenshot({ path: join(SHOTS, 'calendar-week.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('declining without a reason: the API’s French "Indiquez un motif" next to the reason field, the request unchanged', async () => {
    await event(requestRef).click();
    const panel = page.getByTestId('reservation-panel');
    await panel.getByRole('heading', { name: `Réservation ${requestRef}` }).waitFor();
    expect(normalise((await panel.getByTestId('panel-when').textContent())!)).toMatch(/^mercredi \d+ \p{L}+ \d{4}, 19 h 00 – 21 h 00 \(2 h\) — Salle de visioconférence$/u);
    await panel.getByText('contact@cv-trebeurden.example.org').waitFor();
    await panel.getByRole('button', { name: 'Refuser la demande' }).click();
    await panel.getByRole('button', { name: 'Confirmer le refus' }).click();
    const error = panel.getByTestId('error-reason');
    await error.waitFor();
    expect(await error.textContent()).toBe('Indiquez un motif');
    const reason = panel.getByLabel('Motif du refus');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect((await reason.getAttribute('aria-describedby'))!.split(' ')).toContain(await error.getAttribute('id'));
    expect((await statusOf(requestRef)).status).toBe('REQUESTED');
    await page.screenshot({ path: join(SHOTS, 'calendar-reason-required.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Retour' }).click();
  });

  it('approves it: CONFIRMED in the calendar and in the database, its 15 € quote frozen', async () => {
    await page.getByTestId('reservation-panel').getByRole('button', { name: 'Valider la demande' }).click();
    await page.getByTestId('calendar-status').filter({ hasText: `Demande ${requestRef} validée : la réservation est confirmée.` }).waitFor();
    await page.locator(`[data-testid=calendar-event][data-reference="${requestRef}"][data-status=CONFIRMED]`).waitFor();
    expect(await page.getByTestId('panel-status').textContent()).toBe('Confirmée');
    await page.getByRole('heading', { name: 'Aucune demande à valider cette semaine.' }).waitFor();
    expect((await statusOf(requestRef)).status).toBe('CONFIRMED');
    const [{ total }] = await api.sql<{ total: number }>(`SELECT q.total_incl_vat_cents AS total FROM reservation_quote q JOIN reservation r ON r.id = q.reservation_id WHERE r.reference = $1`, [requestRef]);
    expect(total).toBe(1500);
  });

  it('extends it by 30 minutes: it ends at 21:30', async () => {
    const panel = page.getByTestId('reservation-panel');
    await panel.getByRole('button', { name: 'Prolonger' }).click();
    await panel.getByLabel('Nouvelle heure de fin').selectOption({ label: 'jusqu’à 21 h 30 (+30 min)' });
    await panel.getByRole('button', { name: 'Confirmer la prolongation' }).click();
    await page.getByTestId('calendar-status').filter({ hasText: `Réservation ${requestRef} prolongée jusqu’à 21 h 30.` }).waitFor();
    await event(requestRef).filter({ hasText: '21 h 30' }).waitFor(); // the calendar reloads after the answer
    expect(normalise((await event(requestRef).textContent())!)).toBe('19 h 00 – 21 h 30 Confirmée Assemblée générale du club');
    expect((await statusOf(requestRef)).end_at).toEqual(new Date(parisInstant(wednesday, 21, 30)));
  });

  it('cancels Thursday’s booking with a reason: it leaves the calendar, shown again struck through with the cancelled ones', async () => {
    await event(thursdayRef).click();
    const panel = page.getByTestId('reservation-panel');
    await panel.getByRole('heading', { name: `Réservation ${thursdayRef}` }).waitFor();
    await panel.getByRole('button', { name: 'Annuler la réservation' }).click();
    await panel.getByLabel('Motif de l’annulation').fill('Salle fermée pour travaux');
    await panel.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await page.getByTestId('calendar-status').filter({ hasText: `Réservation ${thursdayRef} annulée.` }).waitFor();
    await event(thursdayRef).waitFor({ state: 'detached' });
    expect(await statusOf(thursdayRef)).toMatchObject({ status: 'CANCELLED', status_reason: 'Salle fermée pour travaux' });
    await page.getByLabel('Afficher les réservations annulées et refusées').check();
    await page.locator(`[data-testid=calendar-event][data-reference="${thursdayRef}"][data-status=CANCELLED]`).waitFor();
    expect(new URL(page.url()).searchParams.get('annulees')).toBe('1');
    // Closing the details puts the keyboard focus back on the booking they were opened from.
    await page.getByTestId('reservation-panel').getByRole('button', { name: 'Fermer' }).click();
    await page.getByTestId('reservation-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(`document.activeElement?.getAttribute('data-reference') === ${JSON.stringify(thursdayRef)}`);
    await event(thursdayRef).click();
    await page.screenshot({ path: join(SHOTS, 'calendar-after-actions.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on a phone the week is a list of days, without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(calendarUrl());
    await event(requestRef).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'calendar-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('an operator of Morlaix Communauté is never shown the Lannion point, even by its URL', async () => {
    const [{ id: morlaix }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'morlaix-communaute'`);
    const other = await createUser(api, 'POINT_OPERATOR', morlaix, 'accueil@morlaix.test');
    const { context, page: otherPage } = await newPage(browser);
    await signInWithToken(context, await api.loginAs(other.email, other.password));
    await otherPage.goto(calendarUrl());
    await otherPage.getByTestId('week-grid').waitFor();
    const options = await otherPage.getByLabel('Point', { exact: true }).locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(0);
    expect(options.some((o) => o.includes('Lannion'))).toBe(false);
    expect(await otherPage.locator(`[data-reference="${requestRef}"]`).count()).toBe(0);
    await context.close();
  });
});
