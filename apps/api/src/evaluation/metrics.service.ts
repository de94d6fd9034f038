import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { costPerCall, CURRENT_IMPACT_FACTOR_VERSION, forbidden, invalidInput, type OpeningSchedule, openIntervals, type RecurringCostKind } from '@maillage/core';
import { type Actor, hasRole, requireSignedIn } from '../auth/actor';
import { Role } from '../common/enums';
import type { EvaluationFigures, EvaluationFilter, EvaluationMetrics, KeyFigures, MonthFigures, PointFigures, PublicEvaluationSummary } from './dtos/evaluation.dtos';

/** What a caller may see: a period, and the network, one organisation or one point. */
export interface Scope {
  from: string;
  to: string;
  organisationId: string | null;
  pointId: string | null;
  category: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 120;

interface SumsRow {
  records: string;
  completed: string;
  no_show: string;
  failed: string;
  cancelled_late: string;
  booked_minutes: string;
  km_avoided: number;
  co2e_gross_grams: string;
  co2e_net_grams: string;
  time_saved_minutes: string;
  money_saved_cents: string;
  satisfaction_sum: string;
  satisfaction_count: string;
  participants_in_room: string;
  browser_guests: string;
  sip_systems: string;
}

const SUMS = `sum(records) AS records, sum(completed) AS completed, sum(no_show) AS no_show, sum(failed) AS failed, sum(cancelled_late) AS cancelled_late,
  sum(booked_minutes) AS booked_minutes, sum(km_avoided) AS km_avoided, sum(co2e_gross_grams) AS co2e_gross_grams, sum(co2e_net_grams) AS co2e_net_grams,
  sum(time_saved_minutes) AS time_saved_minutes, sum(money_saved_cents) AS money_saved_cents, sum(satisfaction_sum) AS satisfaction_sum,
  sum(satisfaction_count) AS satisfaction_count, sum(participants_in_room) AS participants_in_room, sum(browser_guests) AS browser_guests, sum(sip_systems) AS sip_systems`;

/** Rows of the rollup in scope; each record counted once (at its first point, or its organisation's first point). */
const SCOPED = `month BETWEEN $1::date AND $2::date
  AND (($3::uuid IS NULL AND $4::uuid IS NULL AND network_primary)
    OR ($4::uuid IS NOT NULL AND point_id = $4::uuid AND ($3::uuid IS NULL OR organisation_id = $3::uuid))
    OR ($4::uuid IS NULL AND $3::uuid IS NOT NULL AND organisation_id = $3::uuid AND org_primary))
  AND ($5::text IS NULL OR requester_category = $5::text)`;

/** The dimensions of one point's records, straight from meeting_record (a point holds few records). */
const POINT_DIMENSIONS = `
  SELECT d.dim, d.value, NULL AS month, NULL AS requester_category, 3 AS g,
         count(*) AS records, count(*) FILTER (WHERE outcome = 'COMPLETED') AS completed, count(*) FILTER (WHERE outcome = 'NO_SHOW') AS no_show,
         count(*) FILTER (WHERE outcome = 'FAILED') AS failed, count(*) FILTER (WHERE outcome = 'CANCELLED_LATE') AS cancelled_late,
         sum(extract(epoch FROM booked_end - booked_start)::bigint / 60) AS booked_minutes, sum(km_avoided) AS km_avoided, sum(co2e_gross_grams) AS co2e_gross_grams,
         sum(co2e_net_grams) AS co2e_net_grams, sum(time_saved_minutes) AS time_saved_minutes, sum(money_saved_cents) AS money_saved_cents,
         sum(satisfaction_sum) AS satisfaction_sum, sum(satisfaction_count) AS satisfaction_count, sum(participants_in_room) AS participants_in_room,
         sum(browser_guests) AS browser_guests, sum(sip_systems) AS sip_systems
    FROM meeting_record r
    CROSS JOIN LATERAL (VALUES ('purpose', r.purpose), ('destination', r.destination_scope), ('internal', r.internal::text)) AS d(dim, value)
   WHERE r.month BETWEEN $1::date AND $2::date AND r.point_ids @> ARRAY[$4::uuid] AND ($3::uuid IS NULL OR r.organisation_ids @> ARRAY[$3::uuid])
     AND ($5::text IS NULL OR r.requester_category = $5::text)
   GROUP BY d.dim, d.value`;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function figures(r: SumsRow | undefined): EvaluationFigures {
  const n = (v: string | number | undefined | null) => Number(v ?? 0);
  const completed = n(r?.completed);
  const failed = n(r?.failed);
  const answers = n(r?.satisfaction_count);
  return {
    records: n(r?.records),
    completed,
    noShows: n(r?.no_show),
    failed,
    cancelledLate: n(r?.cancelled_late),
    uses: completed + failed,
    bookedHours: round(n(r?.booked_minutes) / 60, 2),
    kmAvoided: round(n(r?.km_avoided), 1),
    co2eGrossKg: round(n(r?.co2e_gross_grams) / 1000, 3),
    co2eNetKg: round(n(r?.co2e_net_grams) / 1000, 3),
    timeSavedHours: round(n(r?.time_saved_minutes) / 60, 2),
    moneySavedEuros: n(r?.money_saved_cents) / 100,
    satisfaction: answers ? round(n(r?.satisfaction_sum) / answers, 2) : null,
    surveyAnswers: answers,
    participantsInRoom: n(r?.participants_in_room),
    browserGuests: n(r?.browser_guests),
    sipSystems: n(r?.sip_systems),
  };
}

/**
 * Evaluation metrics over the records' rollup (meeting_record_rollup, kept in each record's
 * transaction): one grouping-sets query for the totals, months, categories and dimensions, one for
 * the points; incidents and unmet demand from their own tables. Tenancy: the network administrator
 * sees everything, an organisation's staff its own points only, the public an anonymised summary.
 */
@Injectable()
export class MetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The scope a caller may read with this filter: FORBIDDEN for someone else's organisation or point. */
  async scopeFor(actor: Actor, filter: EvaluationFilter): Promise<Scope> {
    requireSignedIn(actor);
    if (!MONTH.test(filter.from)) throw invalidInput(['filter', 'from'], 'from must be YYYY-MM', { messageFr: 'Mois de début invalide (AAAA-MM)' });
    if (!MONTH.test(filter.to)) throw invalidInput(['filter', 'to'], 'to must be YYYY-MM', { messageFr: 'Mois de fin invalide (AAAA-MM)' });
    const from = DateTime.fromISO(`${filter.from}-01`);
    const to = DateTime.fromISO(`${filter.to}-01`);
    if (to < from) throw invalidInput(['filter', 'to'], 'to must not precede from', { messageFr: 'La période se termine avant de commencer' });
    if (to.diff(from, 'months').months >= MAX_MONTHS) throw invalidInput(['filter', 'to'], `At most ${MAX_MONTHS} months`, { messageFr: 'Période trop longue (10 ans au plus)' });
    let organisationId = filter.organisationId ?? null;
    if (actor.role !== Role.NETWORK_ADMIN) {
      if (!actor.organisationId || !hasRole(actor, Role.POINT_OPERATOR)) throw forbidden('Evaluation metrics are for the staff of a host organisation');
      if (organisationId && organisationId !== actor.organisationId) throw forbidden('Not your organisation');
      organisationId = actor.organisationId;
    }
    if (filter.pointId && organisationId) {
      const [p]: { organisation_id: string }[] = await this.db.query(`SELECT organisation_id FROM point WHERE id = $1`, [filter.pointId]);
      if (p?.organisation_id !== organisationId) throw forbidden('Not a point of your organisation');
    }
    return { from: from.toISODate()!, to: to.toISODate()!, organisationId, pointId: filter.pointId ?? null, category: filter.category ?? null };
  }

  private params = (s: Scope) => [s.from, s.to, s.organisationId, s.pointId, s.category];

  async metrics(scope: Scope): Promise<EvaluationMetrics> {
    const [grouped, points, causes, unmet, costs] = await Promise.all([this.grouped(scope), this.byPoint(scope), this.failuresByCause(scope), this.unmet(scope), this.operatingCostCents(scope)]);
    const totals = grouped.totals;
    const opening = points.reduce((s, p) => s + (p.openHours ?? 0), 0);
    return {
      from: scope.from.slice(0, 7),
      to: scope.to.slice(0, 7),
      organisationId: scope.organisationId,
      ...grouped,
      byPoint: points.map(({ openHours: _, ...p }) => p),
      failuresByCause: causes,
      unmetDemand: unmet,
      occupancyRate: opening > 0 ? round(points.reduce((s, p) => s + p.bookedHours, 0) / opening, 4) : null,
      operatingCostEuros: costs / 100,
      costPerUseEuros: totals.uses > 0 ? Math.round(costs / totals.uses) / 100 : null,
      factorTableVersion: CURRENT_IMPACT_FACTOR_VERSION,
    };
  }

  /** The anonymised network summary of a year (anyone): counts and sums, no names. */
  async publicSummary(year: number): Promise<PublicEvaluationSummary> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalidInput(['year'], 'year must be between 2000 and 2100', { messageFr: 'Année invalide' });
    const scope: Scope = { from: `${year}-01-01`, to: `${year}-12-01`, organisationId: null, pointId: null, category: null };
    const grouped = await this.grouped(scope);
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM point WHERE status = 'ACTIVE'`);
    return { year, totals: grouped.totals, byMonth: grouped.byMonth, byCategory: grouped.byCategory, byDestination: grouped.byDestination, activePoints: n };
  }

  /**
   * A read without PostgreSQL's JIT: these aggregates cost enough for the planner to compile them, which
   * takes longer than running them (measured in tools/bench/evaluation.bench.ts).
   */
  private read<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.transaction(async (em) => {
      await em.query(`SET LOCAL jit = off`);
      return em.query(sql, params);
    });
  }

  /**
   * Totals, months, categories and the other dimensions in one pass over the rollup. The dimension rows are
   * kept per organisation: for one point they come from that point's records instead.
   */
  async grouped(scope: Scope): Promise<Pick<EvaluationMetrics, 'totals' | 'byMonth' | 'byCategory' | 'byPurpose' | 'byDestination' | 'internalVsExternal'>> {
    type Row = SumsRow & { dim: string; value: string | null; month: string | null; requester_category: string | null; g: number };
    const [rollup, ofPoint] = await Promise.all([
      this.read<Row>(
        `SELECT dim, value, to_char(month, 'YYYY-MM') AS month, requester_category,
                GROUPING(value, month, requester_category) AS g, ${SUMS}
           FROM meeting_record_rollup WHERE ${SCOPED}
          GROUP BY dim, GROUPING SETS ((), (value), (month), (requester_category), (month, requester_category))`,
        this.params(scope),
      ),
      scope.pointId ? this.read<Row>(POINT_DIMENSIONS, this.params(scope)) : Promise.resolve([]),
    ]);
    const rows = [...rollup, ...ofPoint];
    // GROUPING bits: value = 4, month = 2, category = 1 (1 = aggregated over).
    const total = rows.filter((r) => r.dim === 'total');
    const keyed = (dim: string): KeyFigures[] => rows.filter((r) => r.dim === dim && r.g === 3).map((r) => ({ key: String(r.value), ...figures(r) })).sort((a, b) => b.records - a.records || a.key.localeCompare(b.key));
    const categoriesPerMonth = new Map<string, number>();
    for (const r of total.filter((x) => x.g === 4 && Number(x.completed) + Number(x.failed) > 0)) categoriesPerMonth.set(String(r.month), (categoriesPerMonth.get(String(r.month)) ?? 0) + 1);
    const byMonth: MonthFigures[] = total
      .filter((r) => r.g === 5)
      .map((r) => ({ month: String(r.month), categories: categoriesPerMonth.get(String(r.month)) ?? 0, ...figures(r) }))
      .sort((a, b) => a.month.localeCompare(b.month));
    return {
      totals: figures(total.find((r) => r.g === 7)),
      byMonth,
      byCategory: total.filter((r) => r.g === 6).map((r) => ({ key: String(r.requester_category), ...figures(r) })).sort((a, b) => b.records - a.records || a.key.localeCompare(b.key)),
      byPurpose: keyed('purpose'),
      byDestination: keyed('destination'),
      internalVsExternal: keyed('internal'),
    };
  }

  /** Every point in scope, with its figures (a multi-point meeting counts at each of its points) and occupancy. */
  private async byPoint(scope: Scope): Promise<(PointFigures & { openHours: number | null })[]> {
    const rows = await this.read<SumsRow & { id: string; name: string; town: string; latitude: number; longitude: number; opening_schedule: OpeningSchedule }>(
      `SELECT p.id, p.name, p.town, p.latitude, p.longitude, p.opening_schedule, x.*
         FROM point p
         LEFT JOIN (SELECT point_id, ${SUMS} FROM meeting_record_rollup
                     WHERE month BETWEEN $1::date AND $2::date AND dim = 'total' AND ($3::uuid IS NULL OR organisation_id = $3::uuid) AND ($5::text IS NULL OR requester_category = $5::text)
                     GROUP BY point_id) x ON x.point_id = p.id
        WHERE ($3::uuid IS NULL OR p.organisation_id = $3::uuid) AND ($4::uuid IS NULL OR p.id = $4::uuid) AND (p.status = 'ACTIVE' OR x.point_id IS NOT NULL)
        ORDER BY p.name`,
      this.params(scope),
    );
    const months: DateTime[] = [];
    for (let m = DateTime.fromISO(scope.from, { zone: 'Europe/Paris' }); m.toISODate()! <= scope.to; m = m.plus({ months: 1 })) months.push(m);
    return rows.map((r) => {
      const f = figures(r);
      const openHours = openHoursOf(r.opening_schedule, months);
      return { pointId: r.id, pointName: r.name, town: r.town, latitude: r.latitude, longitude: r.longitude, ...f, openHours, occupancyRate: openHours ? round(f.bookedHours / openHours, 4) : null };
    });
  }

  private async failuresByCause(scope: Scope): Promise<{ key: string; count: number }[]> {
    return this.db.query(
      `SELECT i.cause AS key, count(*)::int AS count
         FROM incident i JOIN meeting_record r ON r.reservation_id = i.reservation_id
        WHERE r.month BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR r.organisation_ids @> ARRAY[$3::uuid]) AND ($4::uuid IS NULL OR r.point_ids @> ARRAY[$4::uuid])
          AND ($5::text IS NULL OR r.requester_category = $5::text)
        GROUP BY i.cause ORDER BY count(*) DESC, i.cause`,
      this.params(scope),
    );
  }

  private async unmet(scope: Scope) {
    const [r]: { no_slot: number; rejected: number; conflicts: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE kind = 'NO_FREE_SLOT')::int AS no_slot, count(*) FILTER (WHERE kind = 'REJECTED')::int AS rejected, count(*) FILTER (WHERE kind = 'CONFLICT')::int AS conflicts
         FROM unmet_demand
        WHERE month BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR organisation_ids @> ARRAY[$3::uuid]) AND ($4::uuid IS NULL OR point_ids @> ARRAY[$4::uuid])
          AND ($5::text IS NULL OR requester_category IS NULL OR requester_category = $5::text)`,
      this.params(scope),
    );
    return { searchesWithoutSlot: r.no_slot, rejected: r.rejected, conflicts: r.conflicts };
  }

  /** Operating costs of the points in scope over the period (subscriptions per month paid, one-off costs dated inside). */
  private async operatingCostCents(scope: Scope): Promise<number> {
    const rows: { kind: string; monthly_cents: number | null; amount_cents: number | null; date: string | null; from_month: string | null; to_month: string | null; label: string }[] = await this.db.query(
      `SELECT c.kind, c.monthly_cents, c.amount_cents, to_char(c.date, 'YYYY-MM-DD') AS date, c.from_month, c.to_month, c.label
         FROM operating_cost c JOIN point p ON p.id = c.point_id
        WHERE ($1::uuid IS NULL OR p.organisation_id = $1::uuid) AND ($2::uuid IS NULL OR p.id = $2::uuid)`,
      [scope.organisationId, scope.pointId],
    );
    const report = costPerCall({
      period: { from: scope.from.slice(0, 7), to: scope.to.slice(0, 7) },
      recurringCosts: rows.filter((c) => c.monthly_cents !== null).map((c) => ({ kind: c.kind as RecurringCostKind, monthlyCents: c.monthly_cents!, from: c.from_month!, ...(c.to_month ? { to: c.to_month } : {}) })),
      oneOffCosts: rows.filter((c) => c.amount_cents !== null).map((c) => ({ date: c.date!, amountCents: c.amount_cents!, label: c.label })),
      completedMeetings: [],
    });
    return report.total.totalCostCents;
  }
}

/**
 * Regular opening hours (not "on request") of a schedule over whole months, from a cache keyed by the
 * schedule's content and the month: points sharing a schedule, and every report of the same months, reuse
 * it (expanding a year of opening hours for 250 points took most of a report's time).
 */
const OPEN_HOURS = new Map<string, number>();
const MAX_CACHED_MONTHS = 50_000;

function openHoursOf(schedule: OpeningSchedule | null, months: readonly DateTime[]): number | null {
  if (!schedule) return null;
  const digest = createHash('sha1').update(JSON.stringify(schedule)).digest('base64');
  let hours = 0;
  for (const month of months) {
    const key = `${digest}|${month.toISODate()}`;
    let h = OPEN_HOURS.get(key);
    if (h === undefined) {
      try {
        h = openIntervals(schedule, month.toMillis(), month.plus({ months: 1 }).toMillis())
          .filter((i) => !i.onRequest)
          .reduce((s, i) => s + (i.end - i.start) / 3_600_000, 0);
      } catch {
        return null;
      }
      if (OPEN_HOURS.size >= MAX_CACHED_MONTHS) OPEN_HOURS.clear();
      OPEN_HOURS.set(key, h);
    }
    hours += h;
  }
  return hours;
}
