// Shared by the booking flow's browser tests: dates of an ordinary week, the flow's steps as a visitor
// does them on a point page, and the downloaded .ics read with the API's own iCalendar reader.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { parseIcs, unfold } from '../../src/reservations/ical/ics-parser';
import { confirmationLink, PARIS } from '../booking-fixtures';
import type { TestApi } from '../harness';

const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
/** Days that may be movable holidays (Easter Monday, Ascension, Whit Monday) or close to them: avoided. */
const maybeHoliday = (d: DateTime) => FIXED_HOLIDAYS.includes(d.toFormat('MM-dd')) || d.month === 5 || (d.month === 4 && d.day < 10) || (d.month === 6 && d.day < 10);

/** The Monday (Paris, YYYY-MM-DD) of the first week at least `minDaysAhead` days ahead whose Monday to Friday are ordinary working days. */
export function ordinaryMonday(minDaysAhead = 7): string {
  let monday = DateTime.now().setZone(PARIS).plus({ days: minDaysAhead }).startOf('week');
  if (monday < DateTime.now().setZone(PARIS).plus({ days: minDaysAhead }).startOf('day')) monday = monday.plus({ weeks: 1 });
  while ([0, 1, 2, 3, 4].some((i) => maybeHoliday(monday.plus({ days: i })))) monday = monday.plus({ weeks: 1 });
  return monday.toISODate()!;
}

/** A local date of that week (0 = Monday) and an instant at hh:mm Paris time on it. */
export const dayOf = (monday: string, weekday: number) => DateTime.fromISO(monday, { zone: PARIS }).plus({ days: weekday }).toISODate()!;
export const parisInstant = (date: string, hour: number, minute = 0) => DateTime.fromISO(date, { zone: PARIS }).set({ hour, minute }).toUTC().toISO()!;

/** "10 h 00 – 12 h 00": how the flow labels a slot in French. */
export function slotLabelFr(startIso: string, endIso: string): string {
  const clock = (iso: string) => {
    const d = DateTime.fromISO(iso).setZone(PARIS);
    return `${d.hour} h ${String(d.minute).padStart(2, '0')}`;
  };
  return `${clock(startIso)} – ${clock(endIso)}`;
}

/** Step 1 of the flow on a point page: duration, one day, optionally the on-request slots; waits for the answer. */
export async function searchSlots(page: Page, options: { duration: string; date: string; onRequest?: boolean }): Promise<void> {
  await page.getByRole('heading', { name: '1. Quand ?' }).waitFor();
  await page.getByLabel('Durée de la réunion').selectOption({ label: options.duration });
  await page.getByLabel('Du', { exact: true }).fill(options.date);
  await page.getByLabel('Au (inclus)').fill(options.date);
  const onRequest = page.getByLabel(/Montrer aussi les créneaux hors horaires/);
  if (options.onRequest) await onRequest.check();
  else await onRequest.uncheck();
  await page.getByRole('button', { name: 'Voir les créneaux libres' }).click();
  await page.getByTestId('slots-summary').waitFor();
}

/** Step 3: the requester's category and commune; waits until the quote shows `total` (incl. VAT, e.g. "30,00 €"). */
export async function chooseTariff(page: Page, category: string, postcode: string, total: string): Promise<void> {
  await page.getByLabel('Vous réservez en tant que').selectOption({ label: category });
  await page.getByLabel('Code postal de votre commune').fill(postcode);
  await page.getByTestId('quote').getByTestId('total-incl').filter({ hasText: total }).waitFor();
}

export interface RequesterDetails {
  name: string;
  email: string;
  phone?: string;
  title: string;
  purpose: string;
  participants?: string;
}

/** Step 4: the requester's details (labels as a visitor reads them). */
export async function fillDetails(page: Page, d: RequesterDetails): Promise<void> {
  await page.getByLabel('Nom et prénom, ou structure').fill(d.name);
  await page.getByLabel('Adresse e-mail').fill(d.email);
  if (d.phone) await page.getByLabel('Téléphone (facultatif)').fill(d.phone);
  await page.getByLabel('Objet de la réunion').fill(d.title);
  await page.getByLabel('Motif').selectOption({ label: d.purpose });
  if (d.participants) await page.getByLabel('Nombre de personnes dans la salle').fill(d.participants);
}

/** The quote's rows as shown: [kind, explanation, amount], spaces normalised (Intl writes narrow no-break spaces). */
export async function quoteRows(page: Page, scope = page.getByTestId('quote').first()): Promise<string[][]> {
  const rows = await scope.getByTestId('quote-line').all();
  const out: string[][] = [];
  for (const row of rows) out.push((await row.locator('th, td').allTextContents()).map(normalise));
  return out;
}

export const normalise = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();

/** The downloaded invitation: its text, its unfolded lines and its events read by the API's iCalendar reader. */
export async function readIcs(download: Download): Promise<{ text: string; lines: string[]; events: ReturnType<typeof parseIcs> }> {
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  return { text, lines: unfold(text), events: parseIcs(text, PARIS) };
}

/**
 * What the organiser of an anonymous booking does next: opens the link of the e-mail (the one the
 * `reservation.held` event gave the notification adapter) in another tab of the same browser and sees
 * the confirm page say `heading`; the booking page, still open, notices and shows the confirmed booking.
 */
export async function followConfirmationLink(api: TestApi, context: BrowserContext, reference: string, heading = 'C’est confirmé'): Promise<void> {
  const [row] = await api.sql<{ id: string }>(`SELECT id FROM reservation WHERE reference = $1`, [reference]);
  const tab = await context.newPage();
  await tab.goto(await confirmationLink(api, row.id));
  await tab.getByRole('heading', { name: heading }).waitFor();
  await tab.close();
}
