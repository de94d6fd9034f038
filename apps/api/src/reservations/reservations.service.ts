import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkBookingRequest, conflict, DomainError, expandRecurrence, forbidden, type Interval, invalidInput, notFound, planRecurringBooking, type EventName,
} from '@maillage/core';
import { type Actor, canActFor, requireSignedIn } from '../auth/actor';
import { randomToken, sha256 } from '../auth/passwords';
import { Role } from '../common/enums';
import { appendEvent } from '../events/outbox';
import { SlotWriter } from './slot-writer';
import { busyByRoom, loadRoomContexts, openAround, type RoomContext } from './booking-context';
import { reservationEventPayload } from './reservation-event-payload';
import { QuotesService } from '../tariffs/quotes.service';
import type { RecurringReservationInput, ReservationInput } from './dtos/reservation.inputs';
import { HOLDING_STATUSES, Reservation, ReservationStatus, RoomSlot } from './reservation.entity';

const MINUTE = 60_000;
const MAX_RECURRENCE = 200;

export interface BookingResult {
  reservation: Reservation;
  /** Lets the organiser manage the reservation without an account; shown once. */
  accessToken: string;
}

interface Held {
  ctx: RoomContext;
  held: Interval;
  approval?: boolean;
  expectedParticipants?: number;
}

const range = (i: Interval) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()];

/**
 * Booking use cases. Every rule that can be checked before writing is checked by the pure engine
 * (libs/core availability); exclusivity is left to PostgreSQL's exclusion constraint, so two
 * concurrent requests for one slot can never both succeed.
 */
@Injectable()
export class ReservationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly slots: SlotWriter,
    private readonly quotes: QuotesService,
  ) {}

  async book(actor: Actor, input: ReservationInput, now = Date.now()): Promise<BookingResult> {
    const contexts = await loadRoomContexts(this.db.manager, input.rooms.map((r) => r.roomId));
    const { status, holds } = this.check(contexts, input, input.start.getTime(), input.end.getTime(), now);
    const accessToken = randomToken('mlr');
    const reservation = await this.slots.write(contexts, async (em) => {
      const r = await this.insertReservation(em, actor, input, contexts, status, accessToken, input.start, input.end, null);
      await this.hold(em, r.id, holds.map((h, i) => ({ ...h, expectedParticipants: input.rooms[i].expectedParticipants })));
      await this.insertParticipants(em, r.id, input);
      await this.recordChange(em, r, actor, 'CREATED', null, null);
      await this.emit(em, r, contexts, status === ReservationStatus.CONFIRMED ? 'reservation.confirmed' : 'reservation.requested');
      return r;
    });
    return { reservation, accessToken };
  }

  /** Expands the RRULE, reports every clash (closed day, holiday, taken slot), then books all or the free ones in one transaction. */
  async bookRecurring(actor: Actor, input: RecurringReservationInput, now = Date.now()) {
    const contexts = await loadRoomContexts(this.db.manager, input.rooms.map((r) => r.roomId));
    const durationMinutes = (input.end.getTime() - input.start.getTime()) / MINUTE;
    if (!(durationMinutes > 0)) throw invalidInput(['input', 'end'], 'end must be after start', { messageFr: 'La fin doit suivre le début' });
    const occurrences = expandRecurrence({
      rrule: input.rrule,
      start: input.start.getTime(),
      durationMinutes,
      timeZone: contexts[0].point.timeZone,
      maxOccurrences: MAX_RECURRENCE,
      until: now + Math.min(...contexts.map((c) => c.policy.horizonDays)) * 86_400_000,
    });
    const last = occurrences[occurrences.length - 1];
    const busy = await busyByRoom(this.db.manager, contexts.map((c) => c.room.id), occurrences[0].start, last.end);
    const checks = new Map<number, { status: ReservationStatus; holds: Held[] }>();
    const plan = planRecurringBooking(
      occurrences,
      (occ) => {
        try {
          const checked = this.check(contexts, input, occ.start, occ.end, now);
          const taken = checked.holds.find((h) => busy.get(h.ctx.room.id)!.some((b) => b.start < h.held.end && h.held.start < b.end));
          if (taken) return `room ${taken.ctx.room.name} (${taken.ctx.point.name}) is already held`;
          checks.set(occ.index, checked);
          return null;
        } catch (error) {
          if (error instanceof DomainError) return error.messageFr ?? error.message;
          throw error;
        }
      },
      input.mode,
    );
    const seriesId = randomUUID();
    const accessToken = randomToken('mlr');
    const reservations = await this.slots.write(contexts, async (em) => {
      const booked: Reservation[] = [];
      for (const occ of plan.toBook) {
        const { status, holds } = checks.get(occ.index)!;
        const r = await this.insertReservation(em, actor, input, contexts, status, accessToken, new Date(occ.start), new Date(occ.end), { seriesId, index: occ.index });
        await this.hold(em, r.id, holds.map((h, i) => ({ ...h, expectedParticipants: input.rooms[i].expectedParticipants })));
        await this.insertParticipants(em, r.id, input);
        await this.recordChange(em, r, actor, 'CREATED', null, null);
        await this.emit(em, r, contexts, status === ReservationStatus.CONFIRMED ? 'reservation.confirmed' : 'reservation.requested');
        booked.push(r);
      }
      return booked;
    });
    return {
      seriesId,
      accessToken,
      reservations,
      skipped: plan.skipped.map(({ occ, reason }) => ({ index: occ.index, start: new Date(occ.start), end: new Date(occ.end), reason })),
    };
  }

  /** Moves a reservation to another time (same rooms); re-checked by the engine and the constraint. */
  async change(actor: Actor, id: string, start: Date, end: Date, token?: string, now = Date.now()): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, token, Role.BOOKER);
    this.assertHolding(reservation);
    const { status, holds } = this.check(contexts, this.asInput(reservation), start.getTime(), end.getTime(), now);
    return this.reschedule(actor, reservation, contexts, holds, start, end, 'CHANGED', 'reservation.changed', status);
  }

  /** Extends the end of a reservation, e.g. when the meeting runs late and the room is free. Lead time does not apply. */
  async extend(actor: Actor, id: string, end: Date, token?: string, now = Date.now()): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, token, Role.BOOKER);
    this.assertHolding(reservation);
    if (end.getTime() <= reservation.end.getTime()) throw invalidInput(['end'], 'An extension must end later than the reservation', { messageFr: 'La prolongation doit finir plus tard' });
    const lenient = contexts.map((c) => ({ ...c, policy: { ...c.policy, minLeadMinutes: 0 } }));
    const checkNow = Math.min(now, reservation.start.getTime());
    const { holds } = this.check(lenient, this.asInput(reservation), reservation.start.getTime(), end.getTime(), checkNow);
    return this.reschedule(actor, reservation, contexts, holds, reservation.start, end, 'EXTENDED', 'reservation.extended', reservation.status);
  }

  async cancel(actor: Actor, id: string, reason: string, token?: string): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, token, Role.BOOKER);
    this.assertHolding(reservation);
    return this.setStatus(actor, reservation, contexts, ReservationStatus.CANCELLED, reason, 'CANCELLED', 'reservation.cancelled');
  }

  /** The host approves a request (off-hours on request, a category needing approval). */
  async approve(actor: Actor, id: string): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, undefined, Role.POINT_OPERATOR);
    if (reservation.status !== ReservationStatus.REQUESTED) throw invalidInput(['id'], `Reservation is ${reservation.status}, not REQUESTED`, { messageFr: 'Cette demande a déjà été traitée' });
    return this.setStatus(actor, reservation, contexts, ReservationStatus.CONFIRMED, null, 'CONFIRMED', 'reservation.confirmed');
  }

  async reject(actor: Actor, id: string, reason: string): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, undefined, Role.POINT_OPERATOR);
    if (reservation.status !== ReservationStatus.REQUESTED) throw invalidInput(['id'], `Reservation is ${reservation.status}, not REQUESTED`, { messageFr: 'Cette demande a déjà été traitée' });
    return this.setStatus(actor, reservation, contexts, ReservationStatus.REJECTED, reason, 'REJECTED', 'reservation.rejected');
  }

  /** After the meeting's start, the host records whether it took place (the evaluation counts it) or nobody came. */
  async recordOutcome(actor: Actor, id: string, outcome: ReservationStatus.COMPLETED | ReservationStatus.NO_SHOW, now = Date.now()): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, undefined, Role.POINT_OPERATOR);
    if (reservation.status !== ReservationStatus.CONFIRMED) throw invalidInput(['id'], `Reservation is ${reservation.status}, not CONFIRMED`, { messageFr: 'Seule une réservation confirmée peut être clôturée' });
    if (reservation.start.getTime() > now) throw invalidInput(['outcome'], 'The meeting has not started yet', { messageFr: 'La réunion n’a pas encore commencé' });
    const event = outcome === ReservationStatus.COMPLETED ? 'reservation.completed' : 'reservation.no-show';
    return this.setStatus(actor, reservation, contexts, outcome, null, outcome, event);
  }

  /** Checks the request against every room's policy and hours; the slowest rule decides the status. */
  private check(contexts: RoomContext[], input: Pick<ReservationInput, 'requesterCategory'>, start: number, end: number, now: number) {
    const holds: Held[] = contexts.map((ctx, i) => {
      try {
        const checked = checkBookingRequest({ policy: ctx.policy, open: openAround(ctx, start, end), start, end, now, category: input.requesterCategory, timeZone: ctx.point.timeZone });
        return { ctx, held: checked.heldInterval, approval: checked.status === 'NEEDS_APPROVAL' };
      } catch (error) {
        if (error instanceof DomainError && contexts.length > 1) {
          throw new DomainError(error.code, `${ctx.point.name}: ${error.message}`, { field: ['input', 'rooms', i], details: error.details, messageFr: `${ctx.point.name} : ${error.messageFr ?? error.message}` });
        }
        throw error;
      }
    });
    const needsApproval = holds.some((h) => h.approval);
    return { status: needsApproval ? ReservationStatus.REQUESTED : ReservationStatus.CONFIRMED, holds };
  }

  private async insertReservation(
    em: EntityManager, actor: Actor, input: ReservationInput, contexts: RoomContext[], status: ReservationStatus, accessToken: string,
    start: Date, end: Date, series: { seriesId: string; index: number } | null,
  ): Promise<Reservation> {
    const host = contexts[0].organisation;
    const inTerritory = input.requesterCategory === 'INTERNAL' || (!!input.requesterPostcode && host.territoryPostcodes.includes(input.requesterPostcode));
    const repo = em.getRepository(Reservation);
    // INSERT … RETURNING: the reference and timestamps come back without a second query.
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({
        title: input.title,
        organiserName: input.organiser.name,
        organiserEmail: input.organiser.email,
        organiserPhone: input.organiser.phone ?? null,
        requesterCategory: input.requesterCategory,
        requesterPostcode: input.requesterPostcode ?? null,
        inTerritory,
        purpose: input.purpose,
        start,
        end,
        status,
        seriesId: series?.seriesId ?? null,
        seriesIndex: series?.index ?? null,
        accessTokenHash: sha256(accessToken),
        createdBy: actor.label,
      })
      .returning('*')
      .execute();
    const row = inserted.raw[0] as Record<string, unknown>;
    const reservation = repo.create(Object.fromEntries(repo.metadata.columns.map((c) => [c.propertyName, row[c.databaseName]])) as Partial<Reservation>);
    // Issue 4: a reservation confirmed at booking freezes its quote in the same transaction.
    if (status === ReservationStatus.CONFIRMED) await this.quotes.freezeFor(em, reservation, contexts);
    return reservation;
  }

  private async hold(em: EntityManager, reservationId: string, holds: Held[]): Promise<void> {
    for (const h of holds) {
      await em.query(
        `INSERT INTO room_slot (room_id, during, kind, active, reservation_id, expected_participants) VALUES ($1, tstzrange($2, $3, '[)'), 'RESERVATION', true, $4, $5)`,
        [h.ctx.room.id, ...range(h.held), reservationId, h.expectedParticipants ?? null],
      );
    }
  }

  private async insertParticipants(em: EntityManager, reservationId: string, input: ReservationInput): Promise<void> {
    for (const p of input.participants ?? []) {
      if (p.kind === 'SIP' && !p.sipUri) throw invalidInput(['input', 'participants'], 'A SIP participant needs a sipUri');
      if (p.kind === 'WEB_GUEST' && (!p.name || !p.email)) throw invalidInput(['input', 'participants'], 'A web guest needs a name and an e-mail');
      if (p.kind === 'PHONE' && !p.phone) throw invalidInput(['input', 'participants'], 'A phone participant needs a phone number');
      await em.query(`INSERT INTO reservation_participant (reservation_id, kind, name, email, sip_uri, phone) VALUES ($1, $2, $3, $4, $5, $6)`, [
        reservationId, p.kind, p.name ?? null, p.email ?? null, p.sipUri ?? null, p.phone ?? null,
      ]);
    }
  }

  private async recordChange(em: EntityManager, r: Reservation, actor: Actor, kind: string, reason: string | null, from: { start: Date; end: Date } | null) {
    await em.query(`INSERT INTO reservation_change (reservation_id, kind, actor, reason, from_start, from_end, to_start, to_end) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
      r.id, kind, actor.label, reason, from?.start ?? null, from?.end ?? null, r.start, r.end,
    ]);
  }

  private async emit(em: EntityManager, r: Reservation, contexts: RoomContext[], name: EventName & `reservation.${string}`) {
    const payload = reservationEventPayload(r, contexts);
    await appendEvent(em, name, { type: 'reservation', id: r.id }, payload, `${name}:${r.id}:${r.sequence}`);
    await appendEvent(em, 'availability.changed', { type: 'reservation', id: r.id }, { pointIds: payload.pointIds, roomIds: payload.roomIds, from: payload.start, to: payload.end }, `availability.changed:${r.id}:${r.sequence}:${name}`);
  }

  private async reschedule(
    actor: Actor, r: Reservation, contexts: RoomContext[], holds: Held[], start: Date, end: Date,
    kind: 'CHANGED' | 'EXTENDED', event: 'reservation.changed' | 'reservation.extended', status: ReservationStatus,
  ): Promise<Reservation> {
    const from = { start: r.start, end: r.end };
    return this.slots.write(contexts, async (em) => {
      await this.lockUnchanged(em, r);
      // Keep each room's declared head count: the re-checked holds do not carry it.
      const previous: { room_id: string; expected_participants: number | null }[] = await em.query(
        `SELECT room_id, expected_participants FROM room_slot WHERE reservation_id = $1`,
        [r.id],
      );
      await em.query(`DELETE FROM room_slot WHERE reservation_id = $1`, [r.id]);
      await this.hold(em, r.id, holds.map((h) => ({ ...h, expectedParticipants: previous.find((p) => p.room_id === h.ctx.room.id)?.expected_participants ?? undefined })));
      const saved = await em.getRepository(Reservation).save({ ...r, start, end, status, sequence: r.sequence + 1 });
      await this.recordChange(em, saved, actor, kind, null, from);
      await this.emit(em, saved, contexts, event);
      return saved;
    }, { self: r.id });
  }

  private async setStatus(
    actor: Actor, r: Reservation, contexts: RoomContext[], status: ReservationStatus, reason: string | null, kind: string, event: EventName & `reservation.${string}`,
  ): Promise<Reservation> {
    return this.slots.write(contexts, async (em) => {
      await this.lockUnchanged(em, r);
      await em.query(`UPDATE room_slot SET active = $2 WHERE reservation_id = $1`, [r.id, HOLDING_STATUSES.has(status)]);
      const saved = await em.getRepository(Reservation).save({ ...r, status, statusReason: reason, sequence: r.sequence + 1 });
      // Issue 4: a request approved (REQUESTED -> CONFIRMED) freezes its quote in the same transaction.
      if (status === ReservationStatus.CONFIRMED) await this.quotes.freezeFor(em, saved, contexts);
      await this.recordChange(em, saved, actor, kind, reason, null);
      await this.emit(em, saved, contexts, event);
      return saved;
    });
  }

  /**
   * Locks the reservation row for the transaction and checks nobody changed it since it was read
   * (e.g. an approval racing a cancellation): the loser gets CONFLICT and changes nothing.
   */
  private async lockUnchanged(em: EntityManager, r: Reservation): Promise<void> {
    const [row]: { sequence: number }[] = await em.query(`SELECT sequence FROM reservation WHERE id = $1 FOR UPDATE`, [r.id]);
    if (row?.sequence !== r.sequence) throw conflict(`Reservation ${r.reference} changed meanwhile; read it again`, { reservationId: r.id });
  }

  private assertHolding(r: Reservation): void {
    if (!HOLDING_STATUSES.has(r.status)) throw invalidInput(['id'], `Reservation is ${r.status}`, { messageFr: 'Cette réservation n’est plus active' });
  }

  private asInput(r: Reservation): Pick<ReservationInput, 'requesterCategory'> {
    return { requesterCategory: r.requesterCategory };
  }

  /**
   * The organiser (with the access token) or the staff of a host organisation of one of the rooms.
   */
  private async loadForUpdate(actor: Actor, id: string, token: string | undefined, staffRole: Role) {
    const reservation = await this.db.getRepository(Reservation).findOneBy({ id });
    if (!reservation) throw notFound('Reservation', id);
    const slots = await this.db.getRepository(RoomSlot).find({ where: { reservationId: id }, order: { id: 'ASC' } });
    // A reservation at a point suspended since can still be cancelled or moved by its host.
    const contexts = await loadRoomContexts(this.db.manager, slots.map((s) => s.roomId), ['id'], { requireActivePoint: false });
    // Organiser and creator may change, extend or cancel (staffRole BOOKER), never approve or reject their own request.
    const ownerMayAct = staffRole === Role.BOOKER;
    const isOrganiser = ownerMayAct && token !== undefined && sha256(token) === reservation.accessTokenHash;
    const isCreator = ownerMayAct && actor.kind !== 'anonymous' && reservation.createdBy === actor.label;
    if (!isOrganiser && !isCreator) {
      requireSignedIn(actor);
      const role = staffRole === Role.BOOKER ? Role.POINT_OPERATOR : staffRole;
      if (!contexts.some((c) => canActFor(actor, c.organisation.id, role))) throw forbidden('Only the organiser or the host may change this reservation');
    }
    return { reservation, contexts };
  }
}
