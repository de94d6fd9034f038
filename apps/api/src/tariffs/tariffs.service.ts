import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  conflict, costPerCall, type CostFigures, type CostPerCallReport, DomainError, invalidInput, localDateOf, type RecurringCostKind,
  validatePriceList, validateVersionHistory,
} from '@maillage/core';
import { requireSignedIn, type Actor, assertCanActFor } from '../auth/actor';
import { Role } from '../common/enums';
import { Organisation } from '../organisations/organisation.entity';
import { Point } from '../points/point.entity';
import type { CreatePriceListInput, OperatingCostInput, PriceListVersionInput } from './dtos/tariff.inputs';
import type { CostFiguresView, CostPerCallView, OperatingCostView, PointTariffs, PriceListVersionView, PriceListView } from './dtos/tariff.outputs';
import { definitionOf, toEngineVersion, versionFromInput } from './price-list-definition';
import { type PriceListRecord, QuotesService, type VersionRecord } from './quotes.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const pointNotFound = (id: string) => new DomainError('NOT_FOUND', `Point ${id} not found`, { details: { what: 'Point', id }, messageFr: 'Point introuvable' });

function costFigures(f: CostFigures): CostFiguresView {
  const k = f.recurringByKind;
  return { ...f, recurringByKind: { conciergeSubscription: k.CONCIERGE_SUBSCRIPTION, line: k.LINE, maintenance: k.MAINTENANCE, other: k.OTHER } };
}

interface CostRow {
  id: string;
  pointId: string;
  kind: RecurringCostKind;
  label: string;
  monthlyCents: number | null;
  fromMonth: string | null;
  toMonth: string | null;
  amountCents: number | null;
  date: string | null;
}
const COST_COLUMNS = `id, point_id AS "pointId", kind, label, monthly_cents AS "monthlyCents", from_month AS "fromMonth", to_month AS "toMonth", amount_cents AS "amountCents", date::text AS date`;

/**
 * Price lists (versioned, immutable versions), operating costs and cost per call. Administration is
 * scoped to the organisation (ORGANISATION_ADMIN of the owner, or NETWORK_ADMIN); tariffs are public.
 */
@Injectable()
export class TariffsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly quotes: QuotesService,
  ) {}

  private async point(id: string): Promise<Point> {
    const point = await this.db.getRepository(Point).findOneBy({ id });
    if (!point) throw pointNotFound(id);
    return point;
  }

  /** Public: the point's price list (its own, else its organisation's), the version in force today, the upcoming ones, the whole history. */
  async tariffs(pointId: string): Promise<PointTariffs> {
    const point = await this.point(pointId);
    const list = await this.quotes.listFor(this.db.manager, point.id, point.organisationId);
    if (!list) return { pointId, priceList: null, current: null, upcoming: [] };
    const view = await this.listView(this.db.manager, list, localDateOf(Date.now(), point.timeZone));
    return { pointId, priceList: view, current: view.versions.find((v) => v.status === 'CURRENT') ?? null, upcoming: view.versions.filter((v) => v.status === 'FUTURE') };
  }

  private async listView(em: EntityManager, list: PriceListRecord, today: string): Promise<PriceListView> {
    const versions = await this.quotes.versionsOf(em, list.id);
    return { ...list, versions: versions.map((v) => this.versionView(v, today)) };
  }

  private versionView(v: VersionRecord, today: string): PriceListVersionView {
    const status = v.validFrom > today ? 'FUTURE' : v.validTo !== null && v.validTo <= today ? 'PAST' : 'CURRENT';
    const engine = toEngineVersion(v);
    const unit = engine.unit;
    return {
      id: v.id,
      priceListId: v.priceListId,
      version: v.version,
      validFrom: v.validFrom,
      validTo: v.validTo,
      status,
      vatRateBp: engine.vatRateBp,
      pricesInclude: engine.pricesInclude,
      unitKind: unit.kind,
      unitHours: unit.kind === 'SLOT' || unit.kind === 'HALF_DAY' ? (unit.hours ?? null) : null,
      definition: { ...engine } as unknown as Record<string, unknown>,
      createdAt: v.createdAt,
    };
  }

  async createPriceList(actor: Actor, input: CreatePriceListInput): Promise<PriceListView> {
    let organisationId = input.organisationId ?? null;
    if (input.pointId) {
      const point = await this.point(input.pointId);
      if (organisationId !== null && organisationId !== point.organisationId) {
        throw invalidInput(['input', 'organisationId'], 'The point belongs to another organisation', { messageFr: 'Ce point appartient à une autre organisation' });
      }
      organisationId = point.organisationId;
    }
    if (organisationId === null) throw invalidInput(['input', 'organisationId'], 'organisationId or pointId is required', { messageFr: 'Indiquez un point ou une organisation' });
    assertCanActFor(actor, organisationId, Role.ORGANISATION_ADMIN);
    if (!input.pointId && !(await this.db.getRepository(Organisation).existsBy({ id: organisationId }))) {
      throw new DomainError('NOT_FOUND', `Organisation ${organisationId} not found`, { details: { what: 'Organisation', id: organisationId }, messageFr: 'Organisation introuvable' });
    }
    try {
      const [row]: PriceListRecord[] = await this.db.query(
        `INSERT INTO price_list (point_id, organisation_id, name) VALUES ($1, $2, $3) RETURNING id, point_id AS "pointId", organisation_id AS "organisationId", name`,
        [input.pointId ?? null, organisationId, input.name.trim()],
      );
      return { ...row, versions: [] };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw conflict(input.pointId ? 'This point already has a price list: publish a new version of it' : 'This organisation already has a price list for its points', {
          pointId: input.pointId ?? null,
          organisationId,
        });
      }
      throw error;
    }
  }

  /**
   * Publishes a new version (number = last + 1). The open-ended version in force before it is closed
   * on its first day, in the same transaction. Every rule is checked by the engine before anything
   * is written: BAD_USER_INPUT with the path of the offending field; the exclusion constraint backs
   * the overlap rule against concurrent publishers.
   */
  async publishVersion(actor: Actor, priceListId: string, input: PriceListVersionInput): Promise<PriceListView> {
    requireSignedIn(actor); // before any lookup: a visitor learns nothing about ids
    const lists: PriceListRecord[] = await this.db.query(`SELECT id, point_id AS "pointId", organisation_id AS "organisationId", name FROM price_list WHERE id = $1`, [priceListId]);
    const list = lists[0];
    if (!list) throw new DomainError('NOT_FOUND', `Price list ${priceListId} not found`, { details: { what: 'PriceList', id: priceListId }, messageFr: 'Grille tarifaire introuvable' });
    assertCanActFor(actor, list.organisationId, Role.ORGANISATION_ADMIN);
    const point = list.pointId ? await this.point(list.pointId) : null;
    return this.db.transaction(async (em) => {
      await em.query(`SELECT 1 FROM price_list WHERE id = $1 FOR UPDATE`, [priceListId]);
      const rows = await this.quotes.versionsOf(em, priceListId);
      const next = rows.reduce((m, r) => Math.max(m, r.version), 0) + 1;
      const candidate = versionFromInput(priceListId, next, input);
      validatePriceList(candidate, ['input']);
      const existing = rows.map(toEngineVersion);
      const closing = existing.find((v) => v.validTo === undefined && v.validFrom < candidate.validFrom);
      const history = existing.map((v) => (v === closing ? { ...v, validTo: candidate.validFrom } : v));
      try {
        validateVersionHistory([...history, candidate], ['versions']);
      } catch (error) {
        if (error instanceof DomainError && error.field?.[1] === history.length) {
          throw new DomainError(error.code, error.message, { field: ['input', ...error.field.slice(2)], details: error.details, messageFr: error.messageFr });
        }
        throw error;
      }
      if (closing) {
        await em.query(`UPDATE price_list_version SET valid_to = $3 WHERE price_list_id = $1 AND version = $2`, [priceListId, closing.version, candidate.validFrom]);
      }
      await em.query(
        `INSERT INTO price_list_version (price_list_id, version, valid_from, valid_to, definition, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [priceListId, next, candidate.validFrom, candidate.validTo ?? null, JSON.stringify(definitionOf(candidate)), actor.label],
      );
      return this.listView(em, list, localDateOf(Date.now(), point?.timeZone ?? 'Europe/Paris'));
    });
  }

  async addOperatingCost(actor: Actor, input: OperatingCostInput): Promise<OperatingCostView> {
    const point = await this.point(input.pointId);
    assertCanActFor(actor, point.organisationId, Role.ORGANISATION_ADMIN);
    const recurring = input.monthlyCents !== null && input.monthlyCents !== undefined;
    const oneOff = input.amountCents !== null && input.amountCents !== undefined;
    if (recurring === oneOff) {
      throw invalidInput(['input', recurring ? 'amountCents' : 'monthlyCents'], 'Give either monthlyCents with fromMonth (recurring) or amountCents with date (one-off)', {
        messageFr: 'Indiquez soit un montant mensuel et un mois de début, soit un montant ponctuel et sa date',
      });
    }
    const cents = (recurring ? input.monthlyCents : input.amountCents) as number;
    const field = recurring ? 'monthlyCents' : 'amountCents';
    if (!Number.isSafeInteger(cents) || cents < 0) throw invalidInput(['input', field], `${field} must be a non-negative integer`, { messageFr: 'Montant invalide (centimes, positif ou nul)' });
    if (recurring) {
      if (!input.fromMonth || !MONTH.test(input.fromMonth)) throw invalidInput(['input', 'fromMonth'], 'A recurring cost needs fromMonth (YYYY-MM)', { messageFr: 'Mois de début requis (AAAA-MM)' });
      if (input.toMonth && input.toMonth < input.fromMonth) throw invalidInput(['input', 'toMonth'], 'toMonth must not precede fromMonth', { messageFr: 'Le mois de fin précède le mois de début' });
      if (input.date) throw invalidInput(['input', 'date'], 'A recurring cost has no date', { messageFr: 'Un coût mensuel n’a pas de date' });
    } else {
      if (!input.date || !DATE.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
        throw invalidInput(['input', 'date'], 'A one-off cost needs a date (YYYY-MM-DD)', { messageFr: 'Date requise (AAAA-MM-JJ)' });
      }
      if (input.fromMonth || input.toMonth) throw invalidInput(['input', 'fromMonth'], 'A one-off cost has no months', { messageFr: 'Un coût ponctuel n’a pas de période' });
    }
    const [row]: CostRow[] = await this.db.query(
      `INSERT INTO operating_cost (point_id, kind, label, monthly_cents, from_month, to_month, amount_cents, date, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COST_COLUMNS}`,
      [point.id, input.kind, input.label.trim(), recurring ? cents : null, recurring ? input.fromMonth : null, recurring ? (input.toMonth ?? null) : null, recurring ? null : cents, recurring ? null : input.date, actor.label],
    );
    return row;
  }

  async removeOperatingCost(actor: Actor, id: string): Promise<boolean> {
    requireSignedIn(actor); // before any lookup: a visitor learns nothing about ids
    const rows: { point_id: string; organisation_id: string }[] = await this.db.query(
      `SELECT c.point_id, p.organisation_id FROM operating_cost c JOIN point p ON p.id = c.point_id WHERE c.id = $1`,
      [id],
    );
    if (!rows[0]) throw new DomainError('NOT_FOUND', `Operating cost ${id} not found`, { details: { what: 'OperatingCost', id }, messageFr: 'Coût introuvable' });
    assertCanActFor(actor, rows[0].organisation_id, Role.ORGANISATION_ADMIN);
    await this.db.query(`DELETE FROM operating_cost WHERE id = $1`, [id]);
    return true;
  }

  /**
   * Cost per completed meeting of a point, by month, by year and for the period. Completed meetings:
   * reservations holding a room of the point that are COMPLETED, or CONFIRMED and already over (no
   * job marks meetings completed yet). Revenue: their frozen quotes, including VAT (a public body
   * does not recover VAT: costs are entered including VAT too).
   */
  async costPerCall(actor: Actor, pointId: string, fromMonth: string, toMonth: string): Promise<CostPerCallView> {
    const point = await this.point(pointId);
    assertCanActFor(actor, point.organisationId, Role.ORGANISATION_ADMIN);
    if (!MONTH.test(fromMonth)) throw invalidInput(['fromMonth'], 'fromMonth must be YYYY-MM', { messageFr: 'Mois de début invalide (AAAA-MM)' });
    if (!MONTH.test(toMonth)) throw invalidInput(['toMonth'], 'toMonth must be YYYY-MM', { messageFr: 'Mois de fin invalide (AAAA-MM)' });
    const costs: CostRow[] = await this.db.query(`SELECT ${COST_COLUMNS} FROM operating_cost WHERE point_id = $1 ORDER BY created_at, id`, [pointId]);
    const meetings: { date: string; revenue: number | null }[] = await this.db.query(
      `SELECT to_char(r.start_at AT TIME ZONE $2, 'YYYY-MM-DD') AS date, q.total_incl_vat_cents AS revenue
         FROM reservation r
         LEFT JOIN reservation_quote q ON q.reservation_id = r.id AND q.point_id = $1
        WHERE (r.status = 'COMPLETED' OR (r.status = 'CONFIRMED' AND r.end_at <= now()))
          AND EXISTS (SELECT 1 FROM room_slot s JOIN room rm ON rm.id = s.room_id WHERE s.reservation_id = r.id AND rm.point_id = $1)
          AND to_char(r.start_at AT TIME ZONE $2, 'YYYY-MM') BETWEEN $3 AND $4`,
      [pointId, point.timeZone, fromMonth, toMonth],
    );
    let report: CostPerCallReport;
    try {
      report = costPerCall({
        period: { from: fromMonth, to: toMonth },
        recurringCosts: costs
          .filter((c) => c.monthlyCents !== null)
          .map((c) => ({ kind: c.kind, monthlyCents: c.monthlyCents as number, from: c.fromMonth as string, ...(c.toMonth ? { to: c.toMonth } : {}), label: c.label })),
        oneOffCosts: costs.filter((c) => c.amountCents !== null).map((c) => ({ date: c.date as string, amountCents: c.amountCents as number, label: c.label })),
        completedMeetings: meetings.map((m) => ({ date: m.date })),
        quotedRevenueCents: meetings.filter((m) => m.revenue !== null).map((m) => ({ date: m.date, amountCents: m.revenue as number })),
      });
    } catch (error) {
      if (error instanceof DomainError && error.field?.[0] === 'period') {
        const name = error.field[1] === 'from' ? 'fromMonth' : 'toMonth';
        throw new DomainError(error.code, error.message, { field: [name], details: error.details, messageFr: error.messageFr });
      }
      throw error;
    }
    return {
      pointId,
      fromMonth,
      toMonth,
      months: report.months.map((m) => ({ ...costFigures(m), month: m.month })),
      years: report.years.map((y) => ({ ...costFigures(y), year: y.year, monthCount: y.monthCount })),
      total: costFigures(report.total),
      costs,
    };
  }
}
