import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DomainError, invalidInput } from '@maillage/core';
import { type Actor, assertCanActFor } from '../auth/actor';
import { Role } from '../common/enums';
import { type Cell, type CsvFormat, int, money, text, toCsv } from './statement-csv';
import type { FrozenQuote } from './tariff.entities';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HEADERS: Record<CsvFormat, string[]> = {
  fr: ['Type', 'Référence', 'Date', 'Début', 'Fin', 'Point', 'Objet', 'Organisateur', 'Courriel', 'Catégorie', 'Territoire', 'Statut', 'Ligne', 'Libellé', 'Quantité', 'Prix unitaire', 'Base', 'Montant HT', 'TVA', 'Montant TTC', 'Minutes de forfait'],
  en: ['Type', 'Reference', 'Date', 'Start', 'End', 'Point', 'Title', 'Organiser', 'E-mail', 'Category', 'Territory', 'Status', 'Line', 'Label', 'Quantity', 'Unit price', 'Basis', 'Excl. VAT', 'VAT', 'Incl. VAT', 'Allowance minutes'],
};
const WORDS: Record<CsvFormat, { line: string; allowance: string; total: string; in: string; out: string; excl: string; incl: string }> = {
  fr: { line: 'LIGNE', allowance: 'FORFAIT', total: 'TOTAL', in: 'Territoire', out: 'Hors territoire', excl: 'HT', incl: 'TTC' },
  en: { line: 'LINE', allowance: 'ALLOWANCE', total: 'TOTAL', in: 'Inside', out: 'Outside', excl: 'Excl. VAT', incl: 'Incl. VAT' },
};

interface QuoteRow {
  reservation_id: string;
  reference: string;
  title: string;
  organiser_name: string;
  organiser_email: string;
  requester_category: string;
  in_territory: boolean;
  status: string;
  start_at: Date;
  end_at: Date;
  point_name: string;
  time_zone: string;
  quote: FrozenQuote;
  total_excl_vat_cents: number;
  vat_cents: number;
  total_incl_vat_cents: number;
}

interface UsageRow {
  reservation_id: string;
  allowance_id: string;
  requester: string;
  minutes: number;
}

export interface Statement {
  filename: string;
  csv: string;
}

/**
 * The monthly statement of an organisation: one line per line of every frozen quote of its points'
 * reservations starting that month (local time; cancelled and rejected ones left out), the
 * allowance minutes consumed, and a totals line.
 */
@Injectable()
export class StatementsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async monthly(actor: Actor, organisationId: string, month: string, format: CsvFormat): Promise<Statement> {
    if (!UUID.test(organisationId)) throw invalidInput(['organisationId'], 'organisationId must be a UUID', { messageFr: 'Organisation invalide' });
    if (!MONTH.test(month)) throw invalidInput(['month'], 'month must be YYYY-MM', { messageFr: 'Mois invalide (AAAA-MM)' });
    assertCanActFor(actor, organisationId, Role.ORGANISATION_ADMIN);
    const orgs: { slug: string }[] = await this.db.query(`SELECT slug FROM organisation WHERE id = $1`, [organisationId]);
    if (!orgs[0]) throw new DomainError('NOT_FOUND', `Organisation ${organisationId} not found`, { details: { what: 'Organisation', id: organisationId }, messageFr: 'Organisation introuvable' });
    const quotes: QuoteRow[] = await this.db.query(
      `SELECT r.id AS reservation_id, r.reference, r.title, r.organiser_name, r.organiser_email, r.requester_category, r.in_territory, r.status, r.start_at, r.end_at,
              p.name AS point_name, p.time_zone, q.quote, q.total_excl_vat_cents, q.vat_cents, q.total_incl_vat_cents
         FROM reservation_quote q JOIN reservation r ON r.id = q.reservation_id JOIN point p ON p.id = q.point_id
        WHERE q.organisation_id = $1 AND to_char(r.start_at AT TIME ZONE p.time_zone, 'YYYY-MM') = $2 AND r.status NOT IN ('CANCELLED', 'REJECTED')
        ORDER BY r.start_at, r.reference`,
      [organisationId, month],
    );
    const usage: UsageRow[] = await this.db.query(
      `SELECT u.reservation_id, u.allowance_id, u.requester, u.minutes FROM allowance_usage u JOIN reservation r ON r.id = u.reservation_id
        WHERE u.organisation_id = $1 AND u.month = $2 AND r.status NOT IN ('CANCELLED', 'REJECTED') ORDER BY u.created_at, u.reservation_id, u.allowance_id`,
      [organisationId, month],
    );
    const w = WORDS[format];
    const rows: Cell[][] = [HEADERS[format].map((h) => text(h))];
    const when = (d: Date, tz: string) => DateTime.fromJSDate(d, { zone: tz });
    const dateOf = (d: Date, tz: string) => when(d, tz).toFormat(format === 'fr' ? 'dd/MM/yyyy' : 'yyyy-MM-dd');
    const timeOf = (d: Date, tz: string) => when(d, tz).toFormat('HH:mm');
    const head = (r: QuoteRow): Cell[] => [
      text(r.reference),
      text(dateOf(r.start_at, r.time_zone)),
      text(timeOf(r.start_at, r.time_zone)),
      text(timeOf(r.end_at, r.time_zone)),
      text(r.point_name),
      text(r.title),
      text(r.organiser_name),
      text(r.organiser_email),
      text(r.requester_category),
      text(r.in_territory ? w.in : w.out),
      text(r.status),
    ];
    let excl = 0;
    let vat = 0;
    let incl = 0;
    for (const r of quotes) {
      const basis = r.quote.pricesInclude === 'EXCL_VAT' ? w.excl : w.incl;
      for (const l of r.quote.lines) {
        rows.push([
          text(w.line), ...head(r), text(l.kind), text(l.label), int(l.quantity), money(l.unitCents), text(basis),
          money(l.amountExclVatCents), money(l.amountInclVatCents - l.amountExclVatCents), money(l.amountInclVatCents), l.minutes !== undefined ? int(l.minutes) : null,
        ]);
      }
      excl += r.total_excl_vat_cents;
      vat += r.vat_cents;
      incl += r.total_incl_vat_cents;
    }
    let minutes = 0;
    for (const u of usage) {
      const r = quotes.find((q) => q.reservation_id === u.reservation_id);
      const label = r?.quote.allowanceUse.find((a) => a.allowanceId === u.allowance_id)?.label ?? u.allowance_id;
      rows.push([
        text(w.allowance), ...(r ? head(r) : [null, null, null, null, null, null, null, text(u.requester), null, null, null]),
        text(u.allowance_id), text(label), null, null, null, null, null, null, int(u.minutes),
      ]);
      minutes += u.minutes;
    }
    rows.push([text(w.total), text(month), null, null, null, null, null, null, null, null, null, null, null, text(format === 'fr' ? `${quotes.length} réservation(s)` : `${quotes.length} reservation(s)`), null, null, null, money(excl), money(vat), money(incl), int(minutes)]);
    return { filename: `${format === 'fr' ? 'releve' : 'statement'}-${orgs[0].slug}-${month}.csv`, csv: toCsv(rows, format) };
  }
}
