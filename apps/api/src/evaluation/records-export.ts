import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { type Cell, type CsvFormat, decimal, int, money, text, toCsv } from '../tariffs/statement-csv';
import type { EvaluationMetrics, MeetingRecordView } from './dtos/evaluation.dtos';

/**
 * Exports of the meeting records: CSV in the project's spreadsheet convention (statement-csv: BOM,
 * `;`, decimal comma in French, formula-safe text) and XLSX through exceljs (a sheet of records and
 * a sheet of monthly figures, numbers as numbers). Text cells pass through the same formula guard.
 */
const HEADERS: Record<CsvFormat, string[]> = {
  fr: ['Référence', 'Date', 'Début', 'Fin', 'Point', 'Issue', 'Catégorie', 'Objet', 'Usage interne', 'Destination', 'En salle', 'Invités navigateur', 'Systèmes SIP', 'Téléphones',
    'Km évités', 'CO2e évité brut (kg)', 'CO2e net (kg)', 'Temps gagné (h)', 'Économies (€)', 'Satisfaction', 'Incidents', 'Montant facturé TTC (€)', 'Version des facteurs'],
  en: ['Reference', 'Date', 'Start', 'End', 'Point', 'Outcome', 'Category', 'Purpose', 'Internal use', 'Destination', 'In the room', 'Browser guests', 'SIP systems', 'Phones',
    'Km avoided', 'Gross CO2e avoided (kg)', 'Net CO2e (kg)', 'Time saved (h)', 'Money saved (€)', 'Satisfaction', 'Incidents', 'Quote incl. VAT (€)', 'Factor table version'],
};

const OUTCOME_FR: Record<string, string> = { COMPLETED: 'Réalisée', NO_SHOW: 'Non venu', FAILED: 'Échec', CANCELLED_LATE: 'Annulée tardivement' };
const ZONE = 'Europe/Paris';
const local = (d: Date, f: string) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat(f);

function recordCells(r: MeetingRecordView, format: CsvFormat): Cell[] {
  const incidents = Array.isArray(r.incidents) ? r.incidents.length : 0;
  return [
    text(r.reference), text(local(r.bookedStart, 'yyyy-MM-dd')), text(local(r.bookedStart, 'HH:mm')), text(local(r.bookedEnd, 'HH:mm')), text(r.pointName),
    text(format === 'fr' ? OUTCOME_FR[r.outcome] : r.outcome), text(r.requesterCategory), text(r.purpose), text(r.internal ? (format === 'fr' ? 'oui' : 'yes') : format === 'fr' ? 'non' : 'no'),
    text(r.destinationScope), int(r.participantsInRoom), int(r.browserGuests), int(r.sipSystems), int(r.phoneParticipants),
    decimal(r.kmAvoided, 1), decimal(r.co2eGrossKg, 3), decimal(r.co2eNetKg, 3), decimal(r.timeSavedMinutes / 60, 2), money(Math.round(r.moneySavedEuros * 100)),
    r.satisfaction === null ? null : decimal(r.satisfaction, 2), int(incidents), r.quoteInclVatCents === null ? null : money(r.quoteInclVatCents), int(r.factorTableVersion),
  ];
}

export function recordsCsv(records: readonly MeetingRecordView[], format: CsvFormat): string {
  return toCsv([HEADERS[format].map((h) => text(h)), ...records.map((r) => recordCells(r, format))], format);
}

const guard = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function recordsXlsx(records: readonly MeetingRecordView[], metrics: EvaluationMetrics): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Maillage';
  const sheet = wb.addWorksheet('Rencontres');
  sheet.addRow(HEADERS.fr);
  sheet.getRow(1).font = { bold: true };
  for (const r of records) {
    sheet.addRow(
      recordCells(r, 'fr').map((c) => {
        if (c === null) return null;
        if ('text' in c) return guard(c.text);
        if ('cents' in c) return c.cents / 100;
        if ('decimal' in c) return Number(c.decimal.toFixed(c.digits));
        return c.int;
      }),
    );
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const months = wb.addWorksheet('Synthèse mensuelle');
  months.addRow(['Mois', 'Utilisations', 'Non venus', 'Échecs', 'Annulations tardives', 'Km évités', 'CO2e net (kg)', 'Temps gagné (h)', 'Économies (€)', 'Catégories d’usagers']);
  months.getRow(1).font = { bold: true };
  for (const m of metrics.byMonth) months.addRow([m.month, m.uses, m.noShows, m.failed, m.cancelledLate, m.kmAvoided, m.co2eNetKg, m.timeSavedHours, m.moneySavedEuros, m.categories]);
  months.addRow(['Total', metrics.totals.uses, metrics.totals.noShows, metrics.totals.failed, metrics.totals.cancelledLate, metrics.totals.kmAvoided, metrics.totals.co2eNetKg, metrics.totals.timeSavedHours, metrics.totals.moneySavedEuros, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
