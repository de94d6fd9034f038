import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError, localDateOf, openIntervals, type PriceListVersion, type Quote, quote as priceWithEngine, type QuoteRequest, selectVersion, type Territory, validatePriceList,
} from '@maillage/core';
import { type Actor, canActFor } from '../auth/actor';
import { sha256 } from '../auth/passwords';
import { Role } from '../common/enums';
import { loadRoomContexts, type RoomContext } from '../reservations/booking-context';
import { RequesterCategory, Reservation } from '../reservations/reservation.entity';
import type { PriceListVersionInput, QuoteInput } from './dtos/tariff.inputs';
import type { FrozenQuoteView, QuoteView } from './dtos/tariff.outputs';
import { type PriceListDefinition, toEngineVersion, versionFromInput } from './price-list-definition';
import type { FrozenQuote } from './tariff.entities';

export interface VersionRecord {
  id: string;
  priceListId: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  definition: PriceListDefinition;
  createdAt: Date;
}

export interface PriceListRecord {
  id: string;
  pointId: string | null;
  organisationId: string;
  name: string;
}

/** Everything a quote is computed from, and the result. */
export interface Priced {
  ctx: RoomContext;
  list: PriceListRecord;
  /** null when a draft version priced the request (the admin's live preview). */
  versionRow: VersionRecord | null;
  request: QuoteRequest;
  requester: string | null;
  month: string;
  quote: Quote;
}

interface PriceArgs {
  ctx: RoomContext;
  category: RequesterCategory;
  territory: Territory;
  requester: string | null;
  start: Date;
  end: Date;
  /** When freezing: the reservation itself is not a prior use, and its own usage is not counted. */
  reservationId?: string;
  /** Serialise concurrent bookings of one requester (allowances are consumed once, in order). */
  lock: boolean;
  /** A version not yet published, priced instead of the one in force (checked first; errors under ['draft', …]). */
  draft?: PriceListVersionInput;
  /** Price lists already read for this request (else read here). */
  lists?: PriceLists;
  /** Called before reading allowance balances or prior uses, e.g. to write the quotes priced before. */
  beforeStateRead?: () => Promise<void>;
}

/** The price lists of some points with all their versions, read once for a request (a booking of many reservations). */
export class PriceLists {
  constructor(private readonly lists: readonly { list: PriceListRecord; versions: VersionRecord[] }[]) {}

  /** The point's own price list, else its organisation's (as QuotesService.listFor); null when neither exists. */
  of(pointId: string, organisationId: string): { list: PriceListRecord; versions: VersionRecord[] } | null {
    return this.lists.find((l) => l.list.pointId === pointId) ?? this.lists.find((l) => l.list.pointId === null && l.list.organisationId === organisationId) ?? null;
  }
}

/** Quotes and allowance minutes priced, not yet written. */
interface FrozenRows {
  quotes: { reservationId: string; versionId: string; pointId: string; organisationId: string; frozen: FrozenQuote; q: Quote }[];
  allowances: { reservationId: string; allowanceId: string; organisationId: string; requester: string; month: string; minutes: number }[];
}

const VERSION_COLUMNS = `id, price_list_id AS "priceListId", version, valid_from::text AS "validFrom", valid_to::text AS "validTo", definition, created_at AS "createdAt"`;

/** Minutes of [start, end) outside the point's regular (not on-request) opening intervals. */
export function offHoursMinutes(ctx: RoomContext, start: number, end: number): number {
  const regular = openIntervals(ctx.point.openingSchedule, start, end)
    .filter((i) => !i.onRequest)
    .reduce((sum, i) => sum + (Math.min(i.end, end) - Math.max(i.start, start)), 0);
  return Math.max(0, Math.round((end - start - regular) / 60_000));
}

/** In the host's territory, as ReservationsService decides it: internal use, or a postcode of the host organisation's territory. */
export const territoryOf = (ctx: RoomContext, category: RequesterCategory, postcode: string | null | undefined): Territory =>
  category === RequesterCategory.INTERNAL || (!!postcode && ctx.organisation.territoryPostcodes.includes(postcode)) ? 'IN' : 'OUT';

const REQUEST_FIELDS: Record<string, string> = { category: 'requesterCategory', territory: 'requesterPostcode', start: 'start', end: 'end' };

/** The engine names request fields ['request', 'category']; the API's callers know ['input', 'requesterCategory']. */
function asInputError(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.field?.[0] !== 'request') return error;
  const name = REQUEST_FIELDS[String(error.field[1])] ?? String(error.field[1]);
  return new DomainError(error.code, error.message, { field: ['input', name], details: error.details, messageFr: error.messageFr });
}

export function toQuoteView(q: Quote, extra: { pointId: string; priceListVersionId: string | null; territory: string; offHoursMinutes: number }): QuoteView {
  return {
    ...extra,
    priceListId: q.priceListId,
    version: q.version,
    currency: q.currency,
    vatRateBp: q.vatRateBp,
    pricesInclude: q.pricesInclude,
    durationMinutes: q.durationMinutes,
    units: q.units,
    localDays: q.localDays,
    lines: q.lines.map((l) => ({ ...l })),
    totalExclVatCents: q.totalExclVatCents,
    vatCents: q.vatCents,
    totalInclVatCents: q.totalInclVatCents,
    allowanceUse: q.allowanceUse.map((a) => ({ ...a })),
  };
}

/**
 * Quotes for draft reservations, and the quote a reservation freezes when it is confirmed. The
 * first room's point prices the booking (its own price list, else its organisation's), with the
 * version in force on the local date of the start; a multi-point meeting is priced by that host.
 */
@Injectable()
export class QuotesService {
  private readonly log = new Logger('Quotes');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The point's own price list, else its organisation's; null when neither exists. */
  async listFor(em: EntityManager, pointId: string, organisationId: string): Promise<PriceListRecord | null> {
    const rows: PriceListRecord[] = await em.query(
      `SELECT id, point_id AS "pointId", organisation_id AS "organisationId", name FROM price_list
        WHERE point_id = $1 OR (point_id IS NULL AND organisation_id = $2) ORDER BY point_id NULLS LAST LIMIT 1`,
      [pointId, organisationId],
    );
    return rows[0] ?? null;
  }

  async versionsOf(em: EntityManager, priceListId: string): Promise<VersionRecord[]> {
    return em.query(`SELECT ${VERSION_COLUMNS} FROM price_list_version WHERE price_list_id = $1 ORDER BY version`, [priceListId]);
  }

  /** The price lists that price `points` (their own, their organisations'), with their versions: one query. */
  async priceLists(em: EntityManager, points: readonly { id: string; organisationId: string }[]): Promise<PriceLists> {
    const rows: (Omit<VersionRecord, 'id'> & { id: string | null; list_id: string; list_point_id: string | null; list_organisation_id: string; list_name: string })[] = await em.query(
      `SELECT l.id AS list_id, l.point_id AS list_point_id, l.organisation_id AS list_organisation_id, l.name AS list_name,
              v.id, v.price_list_id AS "priceListId", v.version, v.valid_from::text AS "validFrom", v.valid_to::text AS "validTo", v.definition, v.created_at AS "createdAt"
         FROM price_list l LEFT JOIN price_list_version v ON v.price_list_id = l.id
        WHERE l.point_id = ANY($1::uuid[]) OR (l.point_id IS NULL AND l.organisation_id = ANY($2::uuid[]))
        ORDER BY l.id, v.version`,
      [[...new Set(points.map((p) => p.id))], [...new Set(points.map((p) => p.organisationId))]],
    );
    const lists = new Map<string, { list: PriceListRecord; versions: VersionRecord[] }>();
    for (const { list_id, list_point_id, list_organisation_id, list_name, ...version } of rows) {
      let entry = lists.get(list_id);
      if (!entry) lists.set(list_id, (entry = { list: { id: list_id, pointId: list_point_id, organisationId: list_organisation_id, name: list_name }, versions: [] }));
      if (version.id !== null) entry.versions.push(version as VersionRecord);
    }
    return new PriceLists([...lists.values()]);
  }

  /** Public: the price of a draft reservation, every euro explained; with `draft`, by that unpublished version. */
  async quote(input: QuoteInput, draft?: PriceListVersionInput): Promise<QuoteView> {
    const contexts = await loadRoomContexts(this.db.manager, input.roomIds, ['input', 'roomIds']);
    const ctx = contexts[0];
    const territory = territoryOf(ctx, input.requesterCategory, input.requesterPostcode);
    const priced = await this.price(this.db.manager, {
      ctx,
      category: input.requesterCategory,
      territory,
      requester: input.requesterEmail?.trim().toLowerCase() ?? null,
      start: input.start,
      end: input.end,
      lock: false,
      draft,
    }).catch((error: unknown) => {
      throw draft && error instanceof DomainError && error.field?.[0] === 'draft' ? error : asInputError(error);
    });
    return toQuoteView(priced.quote, { pointId: ctx.point.id, priceListVersionId: priced.versionRow?.id ?? null, territory, offHoursMinutes: priced.request.offHoursMinutes });
  }

  /**
   * Freezes the quote of a reservation that has just been CONFIRMED, inside the caller's transaction,
   * and records the allowance minutes it consumes. Idempotent (a reservation has one frozen quote).
   * A point without a price list in force, or one that does not price the requester's category,
   * freezes nothing: the booking itself is not refused here (a warning is logged).
   */
  async freezeFor(em: EntityManager, reservation: Reservation, contexts: readonly RoomContext[]): Promise<void> {
    if (!contexts[0]) return;
    const existing: unknown[] = await em.query(`SELECT 1 FROM reservation_quote WHERE reservation_id = $1`, [reservation.id]);
    if (existing.length) return;
    await this.freezeNew(em, [{ reservation, contexts }]);
  }

  /**
   * freezeFor for reservations created CONFIRMED in the caller's transaction (none has a quote yet, so
   * none is looked up), in order: the price lists are read once for all, and the quotes written in one
   * INSERT. Pricing that reads allowance balances or prior uses first writes the quotes priced before
   * it, so it sees them exactly as when each reservation was frozen on its own.
   */
  async freezeNew(em: EntityManager, items: readonly { reservation: Reservation; contexts: readonly RoomContext[] }[]): Promise<void> {
    const priceable = items.filter((i) => i.contexts[0]);
    if (!priceable.length) return;
    const lists = await this.priceLists(em, priceable.map((i) => ({ id: i.contexts[0].point.id, organisationId: i.contexts[0].organisation.id })));
    const pending: FrozenRows = { quotes: [], allowances: [] };
    const flush = () => this.insertFrozen(em, pending);
    for (const { reservation, contexts } of priceable) {
      const ctx = contexts[0];
      let priced: Priced;
      try {
        priced = await this.price(em, {
          ctx,
          category: reservation.requesterCategory,
          territory: reservation.inTerritory ? 'IN' : 'OUT',
          requester: reservation.organiserEmail.trim().toLowerCase(),
          start: reservation.start,
          end: reservation.end,
          reservationId: reservation.id,
          lock: true,
          lists,
          beforeStateRead: flush,
        });
      } catch (error) {
        if (error instanceof DomainError) {
          this.log.debug(`no quote frozen for reservation ${reservation.reference}: ${error.message}`);
          continue;
        }
        throw error;
      }
      const { quote: q, request } = priced;
      const frozen: FrozenQuote = {
        ...q,
        pointId: ctx.point.id,
        priceListVersionId: priced.versionRow!.id,
        request: {
          start: reservation.start.toISOString(),
          end: reservation.end.toISOString(),
          timeZone: request.timeZone,
          category: request.category,
          territory: request.territory,
          offHoursMinutes: request.offHoursMinutes,
          requester: priced.requester,
          month: priced.month,
          allowanceBalance: request.allowanceBalance,
          priorUsesByRequester: request.priorUsesByRequester,
        },
      };
      pending.quotes.push({ reservationId: reservation.id, versionId: priced.versionRow!.id, pointId: ctx.point.id, organisationId: priced.list.organisationId, frozen, q });
      for (const use of q.allowanceUse) {
        if (use.minutes <= 0 || priced.requester === null) continue;
        pending.allowances.push({ reservationId: reservation.id, allowanceId: use.allowanceId, organisationId: priced.list.organisationId, requester: priced.requester, month: priced.month, minutes: use.minutes });
      }
    }
    await flush();
  }

  /** Writes (and empties) `pending`: one INSERT for the quotes, one for the allowance minutes. */
  private async insertFrozen(em: EntityManager, pending: FrozenRows): Promise<void> {
    const quotes = pending.quotes.splice(0);
    const allowances = pending.allowances.splice(0);
    if (quotes.length) {
      await em.query(
        `INSERT INTO reservation_quote (reservation_id, price_list_version_id, point_id, organisation_id, quote, total_excl_vat_cents, vat_cents, total_incl_vat_cents)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::jsonb[], $6::int[], $7::int[], $8::int[])
         ON CONFLICT (reservation_id) DO NOTHING`,
        [
          quotes.map((r) => r.reservationId),
          quotes.map((r) => r.versionId),
          quotes.map((r) => r.pointId),
          quotes.map((r) => r.organisationId),
          quotes.map((r) => JSON.stringify(r.frozen)),
          quotes.map((r) => r.q.totalExclVatCents),
          quotes.map((r) => r.q.vatCents),
          quotes.map((r) => r.q.totalInclVatCents),
        ],
      );
    }
    if (allowances.length) {
      await em.query(
        `INSERT INTO allowance_usage (reservation_id, allowance_id, organisation_id, requester, month, minutes)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::int[])
         ON CONFLICT (reservation_id, allowance_id) DO NOTHING`,
        [
          allowances.map((a) => a.reservationId),
          allowances.map((a) => a.allowanceId),
          allowances.map((a) => a.organisationId),
          allowances.map((a) => a.requester),
          allowances.map((a) => a.month),
          allowances.map((a) => a.minutes),
        ],
      );
    }
  }

  /** The frozen quote of a reservation: for its organiser (access token or creator) and the staff of its host. */
  async frozen(actor: Actor, reservationId: string, accessToken?: string): Promise<FrozenQuoteView | null> {
    const reservation = await this.db.getRepository(Reservation).findOneBy({ id: reservationId });
    if (!reservation) throw new DomainError('NOT_FOUND', `Reservation ${reservationId} not found`, { details: { what: 'Reservation', id: reservationId }, messageFr: 'Réservation introuvable' });
    const rows: { quote: FrozenQuote; frozen_at: Date; organisation_id: string }[] = await this.db.query(
      `SELECT quote, frozen_at, organisation_id FROM reservation_quote WHERE reservation_id = $1`,
      [reservationId],
    );
    const hostOrgs: { organisation_id: string }[] = await this.db.query(
      `SELECT DISTINCT p.organisation_id FROM room_slot s JOIN room r ON r.id = s.room_id JOIN point p ON p.id = r.point_id WHERE s.reservation_id = $1`,
      [reservationId],
    );
    const isOrganiser = accessToken !== undefined && sha256(accessToken) === reservation.accessTokenHash;
    const isCreator = actor.kind !== 'anonymous' && reservation.createdBy === actor.label;
    const isStaff = actor.kind !== 'anonymous' && hostOrgs.some((o) => canActFor(actor, o.organisation_id, Role.POINT_OPERATOR));
    if (!isOrganiser && !isCreator && !isStaff) {
      // Same answer as an unknown id: do not reveal that the reservation exists.
      throw new DomainError('NOT_FOUND', `Reservation ${reservationId} not found`, { details: { what: 'Reservation', id: reservationId }, messageFr: 'Réservation introuvable' });
    }
    const row = rows[0];
    if (!row) return null;
    const q = row.quote;
    return {
      reservationId,
      frozenAt: row.frozen_at,
      quote: toQuoteView(q, { pointId: q.pointId, priceListVersionId: q.priceListVersionId, territory: q.request.territory, offHoursMinutes: q.request.offHoursMinutes }),
    };
  }

  /** Builds the engine request from the database (opening hours, allowance balance, prior uses) and prices it. */
  async price(em: EntityManager, a: PriceArgs): Promise<Priced> {
    const { ctx } = a;
    const found = (a.lists ?? (await this.priceLists(em, [{ id: ctx.point.id, organisationId: ctx.organisation.id }]))).of(ctx.point.id, ctx.organisation.id);
    const list = found?.list;
    if (!found || !list) {
      throw new DomainError('NOT_FOUND', `Point ${ctx.point.name} has no price list`, {
        details: { what: 'PriceList', pointId: ctx.point.id },
        messageFr: 'Ce point n’a pas encore publié de tarif',
      });
    }
    const start = a.start.getTime();
    const end = a.end.getTime();
    const timeZone = ctx.point.timeZone;
    const rows = found.versions;
    const versions: PriceListVersion[] = rows.map(toEngineVersion);
    const localDate = localDateOf(start, timeZone);
    const next = rows.reduce((m, r) => Math.max(m, r.version), 0) + 1;
    const version = a.draft ? validatePriceList(versionFromInput(list.id, next, a.draft), ['draft']) : selectVersion(versions, localDate);
    if (!version) {
      throw new DomainError('NOT_FOUND', `No price-list version of ${list.name} in force on ${localDate}`, {
        details: { what: 'PriceListVersion', priceListId: list.id, localDate },
        messageFr: 'Aucun tarif en vigueur à cette date',
      });
    }
    const versionRow = a.draft ? null : rows.find((r) => r.version === version.version)!;
    const month = localDate.slice(0, 7);
    const needsBalance = version.allowances.length > 0;
    const needsPriorUses = version.promotions.some((p) => p.kind === 'FIRST_USE_FREE');
    const requester = a.requester;
    if (requester !== null && (needsBalance || needsPriorUses)) await a.beforeStateRead?.();
    if (a.lock && requester !== null && (needsBalance || needsPriorUses)) {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`tariff:${list.organisationId}:${requester}`]);
    }
    const allowanceBalance: Record<string, number> = {};
    if (needsBalance && requester !== null) {
      const used: { allowance_id: string; minutes: number }[] = await em.query(
        `SELECT allowance_id, sum(minutes)::int AS minutes FROM allowance_usage
          WHERE organisation_id = $1 AND requester = $2 AND month = $3 AND reservation_id IS DISTINCT FROM $4 GROUP BY allowance_id`,
        [list.organisationId, requester, month, a.reservationId ?? null],
      );
      for (const u of used) allowanceBalance[u.allowance_id] = u.minutes;
    }
    let priorUsesByRequester = 0;
    if (needsPriorUses && requester !== null) {
      const [{ n }]: { n: number }[] = await em.query(
        `SELECT count(*)::int AS n FROM reservation_quote q JOIN reservation r ON r.id = q.reservation_id
          WHERE q.organisation_id = $1 AND lower(r.organiser_email) = $2 AND r.status NOT IN ('CANCELLED', 'REJECTED') AND q.reservation_id IS DISTINCT FROM $3`,
        [list.organisationId, requester, a.reservationId ?? null],
      );
      priorUsesByRequester = n;
    }
    const request: QuoteRequest = {
      start,
      end,
      timeZone,
      category: a.category,
      territory: a.territory,
      offHoursMinutes: end > start ? offHoursMinutes(ctx, start, end) : 0,
      allowanceBalance,
      priorUsesByRequester,
    };
    return { ctx, list, versionRow, request, requester, month, quote: priceWithEngine(version, request) };
  }
}
