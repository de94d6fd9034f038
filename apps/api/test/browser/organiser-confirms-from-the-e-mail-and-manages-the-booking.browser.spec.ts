// The organiser of an anonymous booking, in a real browser: the e-mail (a real SMTP server, the point's
// notification-smtp binding) carries the confirmation link and the "manage my booking" link. The confirm
// page confirms once (a second visit says it was already done); the manage page changes the time, makes
// join links, invites a remote party and cancels, French first; axe-core and screenshots on each.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectData } from '../e2e-assertions';
import { BIND } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { startTestMailbox, type TestMailbox } from '../mailbox-fixtures';
import { axeViolations, buildWebApp, describeInBrowser, horizontalOverflow, launchBrowser, newPage, SHOTS } from './admin-browser';

describeInBrowser('the organiser confirms from the e-mail, then manages the booking without an account', () => {
  let api: TestApi;
  let mailbox: TestMailbox;
  let browser: Browser;
  let page: Page;
  let links: { confirm: string; manage: string };
  let reference: string;
  const start = nextWeekdayAt(2, 10);

  beforeAll(async () => {
    buildWebApp();
    mailbox = await startTestMailbox();
    api = await startTestApi({ env: { EVENT_POLL_MS: '100' } });
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    expectData(await api.gql(BIND, { p: room.pointId, a: 'notification-smtp', c: mailbox.bindingConfig() }, admin));
    const booked = expectData(
      await api.gql<{ book: { reservation: { reference: string; status: string } } }>(BOOK, {
        input: bookingInput([room.roomId], start, plusMinutes(start, 60), { title: 'Comité de pilotage', organiser: { name: 'Camille Le Goff', email: 'camille@lannion.example' } }),
      }),
    ).book;
    expect(booked.reservation.status).toBe('HELD');
    reference = booked.reservation.reference;
    const [mail] = await mailbox.waitFor((m) => m.to === 'camille@lannion.example' && /^Confirmez/.test(m.subject));
    links = { confirm: /(http:\/\/\S+\/confirmer\/\S+)/.exec(mail.text)![1], manage: /(http:\/\/\S+\/reservation\/\S+)/.exec(mail.text)![1] };
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await mailbox?.stop();
  });

  it('the manage page of a held booking asks to confirm from the e-mail first', async () => {
    await page.goto(links.manage);
    await page.getByRole('heading', { level: 1, name: 'Gérer ma réservation' }).waitFor();
    expect(await page.getByTestId('manage-status').textContent()).toBe('à confirmer depuis l’e-mail');
    await page.getByText(/^Confirmez d’abord la réservation avec le lien reçu par e-mail/).waitFor();
    expect(await page.getByRole('heading', { name: 'Changer l’horaire' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the e-mail’s link confirms: « C’est confirmé »; a second visit says the link was used', async () => {
    await page.goto(links.confirm);
    await page.getByRole('heading', { level: 1, name: 'C’est confirmé' }).waitFor();
    expect(await page.getByTestId('confirmed-reservation').textContent()).toContain(reference);
    await page.screenshot({ path: join(SHOTS, 'confirm-from-email.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect((await api.sql<{ status: string }>(`SELECT status FROM reservation WHERE reference = $1`, [reference]))[0].status).toBe('CONFIRMED');
    await page.goto(links.confirm);
    await page.getByRole('heading', { level: 1, name: 'La confirmation n’a pas abouti' }).waitFor();
    expect(await page.getByTestId('confirm-error').textContent()).toBe('Cette réservation a déjà été confirmée');
  });

  it('manages it: a new time, a join link for the organiser, a web guest invited, then cancelled with a reason', async () => {
    await page.goto(links.manage);
    await page.getByTestId('manage-status').filter({ hasText: 'confirmée' }).waitFor();
    // 10:00–11:00 → 14:00–15:30.
    await page.getByLabel('Début').fill('14:00');
    await page.getByLabel('Fin').fill('15:30');
    await page.getByRole('button', { name: 'Enregistrer le nouvel horaire' }).click();
    await page.getByTestId('saved').filter({ hasText: 'Nouvel horaire enregistré.' }).waitFor();
    await page.getByTestId('manage-when').filter({ hasText: '14 h 00 – 15 h 30' }).waitFor();
    const [moved] = await api.sql<{ start_at: Date; end_at: Date }>(`SELECT start_at, end_at FROM reservation WHERE reference = $1`, [reference]);
    expect(moved.end_at.getTime() - moved.start_at.getTime()).toBe(90 * 60_000);

    await page.getByLabel('Nom affiché').fill('Camille Le Goff');
    await page.getByRole('button', { name: 'Créer un lien' }).click();
    const link = page.getByTestId('join-link').locator('a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^(https?:\/\/[^/]+)?\/rejoindre\/[^/]+$/);

    await page.getByLabel('Type').selectOption({ label: 'personne avec un navigateur' });
    await page.getByLabel('Nom', { exact: true }).fill('Dr Morvan');
    await page.getByLabel('Adresse e-mail').fill('morvan@hopital.example');
    await page.getByRole('button', { name: 'Ajouter le participant' }).click();
    await page.getByTestId('participants').filter({ hasText: 'Dr Morvan' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'manage-my-booking.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel('Motif de l’annulation').fill('Réunion reportée');
    await page.getByRole('button', { name: 'Annuler définitivement' }).click();
    await page.getByTestId('manage-status').filter({ hasText: 'annulée' }).waitFor();
    const [row] = await api.sql<{ status: string; status_reason: string; active: number }>(
      `SELECT r.status, r.status_reason, (SELECT count(*)::int FROM room_slot s WHERE s.reservation_id = r.id AND s.active) AS active FROM reservation r WHERE reference = $1`,
      [reference],
    );
    expect(row).toEqual({ status: 'CANCELLED', status_reason: 'Réunion reportée', active: 0 });
  });
});
