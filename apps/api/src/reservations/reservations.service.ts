import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkBookingRequest, conflict, DomainError, expandRecurrence, forbidden, type Interval, invalidInput, notFound, planRecurringBooking, type EventName,
} from '@maillage/core';
import { type Actor, canActFor, requireSignedIn } from '../auth/actor';
import { randomToken, sha256 } from '../auth/passwords';
import { Role } from '../common/enums';
import { appendEvents } from '../events/outbox';
import { SlotWriter, type SlotWriteOptions } from './slot-writer';
import { assertNoClashWithin, assertParticipants, INPUT_LIST, MAX_BOOKINGS_PER_REQUEST, ONE_INPUT, type Placement, placed, tooManyBookings } from './booking-request';
import { assertDistinct, busyByRoom, contextsOf, loadRoomContexts, loadRooms, openAround, type RoomContext } from './booking-context';
import { insertNewReservations, type NewReservation, rememberRooms } from './new-reservations';
import { reservationEvents } from './reservation-event-payload';
import { QuotesService } from '../tariffs/quotes.service';
import { BookingHolds, type Hold } from './holds/booking-holds.service';
import type { RecurringReservationInput, ReservationInput } from './dtos/reservation.inputs';
import { HOLDING_STATUSES, Reservation, ReservationStatus, RoomSlot } from './reservation.entity';
import type { ApiConfig } from '../config';
import { SIP_SETTINGS } from '../sip/sip-address';

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

/** A booking the engine accepted (one input, or one occurrence of a series), ready to be written. */
interface Accepted {
  input: ReservationInput;
  contexts: RoomContext[];
  status: ReservationStatus;
  holds: Held[];
  start: Date;
  end: Date;
  series: { seriesId: string; index: number } | null;
  accessToken: string;
}

const roomIdsOf = (input: ReservationInput) => input.rooms.map((r) => r.roomId);

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
    private readonly holds: BookingHolds,
    @Inject(SIP_SETTINGS) private readonly sip: ApiConfig['sip'],
  ) {}

  /** `ip`: the caller's address, for the limits of anonymous bookings (which are HELD until confirmed by e-mail). */
  async book(actor: Actor, input: ReservationInput, ip = 'internal', now = Date.now()): Promise<BookingResult> {
    const [booked] = await this.bookAll(actor, [input], now, ONE_INPUT, ip);
    return booked;
  }

  /**
   * Several bookings (at most MAX_BOOKINGS_PER_REQUEST) in one transaction, all or nothing: the same
   * checks as `book`, each error placed under ['inputs', index, …], a CONFLICT included.
   */
  async bookMany(actor: Actor, inputs: readonly ReservationInput[], ip = 'internal', now = Date.now()): Promise<BookingResult[]> {
    if (inputs.length > MAX_BOOKINGS_PER_REQUEST) throw tooManyBookings(inputs.length);
    return this.bookAll(actor, inputs, now, INPUT_LIST, ip);
  }

  private async bookAll(actor: Actor, inputs: readonly ReservationInput[], now: number, placement: Placement, ip: string): Promise<BookingResult[]> {
    const hold = await this.holds.begin(actor, ip, inputs.map((i) => i.organiser.email), now);
    inputs.forEach((input, i) => placed(placement, i, () => assertDistinct(roomIdsOf(input))));
    // The rooms of every input, read once.
    const rooms = await loadRooms(this.db.manager, inputs.flatMap(roomIdsOf));
    const accepted = inputs.map((input, i) =>
      placed(placement, i, (): Accepted => {
        const contexts = contextsOf(rooms, roomIdsOf(input));
        const { status, holds } = this.check(contexts, input, input.start.getTime(), input.end.getTime(), now);
        assertParticipants(input);
        return { input, contexts, status, holds, start: input.start, end: input.end, series: null, accessToken: randomToken('mlr') };
      }),
    );
    assertNoClashWithin(accepted, placement);
    return this.write(actor, accepted, hold, {
      fieldOf: (roomId, held) => {
        const index = accepted.findIndex((a) => a.holds.some((h) => h.ctx.room.id === roomId && (!held || (h.held.start < held.end && held.start < h.held.end))));
        return index < 0 ? undefined : placement.conflictField(index);
      },
    });
  }

  /** Expands the RRULE, reports every clash (closed day, holiday, taken slot), then books all or the free ones in one transaction. */
  async bookRecurring(actor: Actor, input: RecurringReservationInput, ip = 'internal', now = Date.now()) {
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
    if (plan.toBook.length) assertParticipants(input);
    const seriesId = randomUUID();
    const accessToken = randomToken('mlr');
    const accepted = plan.toBook.map((occ): Accepted => {
      const { status, holds } = checks.get(occ.index)!;
      return { input, contexts, status, holds, start: new Date(occ.start), end: new Date(occ.end), series: { seriesId, index: occ.index }, accessToken };
    });
    const hold = accepted.length ? await this.holds.begin(actor, ip, [input.organiser.email], now) : null;
    const booked = await this.write(actor, accepted, hold);
    return {
      seriesId,
      accessToken,
      reservations: booked.map((b) => b.reservation),
      skipped: plan.skipped.map(({ occ, reason }) => ({ index: occ.index, start: new Date(occ.start), end: new Date(occ.end), reason })),
    };
  }

  /** Moves a reservation to another time (same rooms); re-checked by the engine and the constraint. */
  async change(actor: Actor, id: string, start: Date, end: Date, token?: string, now = Date.now()): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, token, Role.BOOKER);
    this.assertHolding(reservation);
    this.assertNotAwaitingEmail(reservation);
    const { status, holds } = this.check(contexts, this.asInput(reservation), start.getTime(), end.getTime(), now);
    return this.reschedule(actor, reservation, contexts, holds, start, end, 'CHANGED', 'reservation.changed', status);
  }

  /** Extends the end of a reservation, e.g. when the meeting runs late and the room is free. Lead time does not apply. */
  async extend(actor: Actor, id: string, end: Date, token?: string, now = Date.now()): Promise<Reservation> {
    const { reservation, contexts } = await this.loadForUpdate(actor, id, token, Role.BOOKER);
    this.assertHolding(reservation);
    this.assertNotAwaitingEmail(reservation);
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

  /**
   * Writes accepted bookings in one transaction, whatever their number: the reservations with their slots,
   * participants and history in one statement, the quotes of the confirmed ones, then their events in one
   * INSERT (the reservation's event, then availability.changed, for each).
   */
  private async write(actor: Actor, accepted: readonly Accepted[], hold: Hold | null, options: SlotWriteOptions = {}): Promise<BookingResult[]> {
    if (!accepted.length) return [];
    const rows = accepted.map((a) => this.newRow(actor, a, hold));
    const stored = await this.slots.write(
      accepted.flatMap((a) => a.contexts),
      async (em) => {
        if (hold) await this.holds.assertPendingCap(em, rows.map((r) => r.organiserEmail));
        const written = await insertNewReservations(em, rows);
        // Issue 4: a reservation confirmed at booking freezes its quote in the same transaction.
        await this.quotes.freezeNew(
          em,
          written.map((w, i) => ({ reservation: w.reservation, contexts: accepted[i].contexts })).filter((w) => w.reservation.status === ReservationStatus.CONFIRMED),
        );
        await appendEvents(
          em,
          hold
            ? this.holds.heldEvents(hold, written.map((w, i) => ({ reservation: w.reservation, contexts: accepted[i].contexts, accessToken: accepted[i].accessToken })))
            : written.flatMap((w, i) =>
                reservationEvents(w.reservation, accepted[i].contexts, w.reservation.status === ReservationStatus.CONFIRMED ? 'reservation.confirmed' : 'reservation.requested', this.sip),
              ),
        );
        return written;
      },
      options,
    );
    return stored.map((s, i) => {
      rememberRooms(s);
      return { reservation: s.reservation, accessToken: accepted[i].accessToken };
    });
  }

  private newRow(actor: Actor, a: Accepted, hold: Hold | null): NewReservation {
    const { input } = a;
    const host = a.contexts[0].organisation;
    return {
      id: randomUUID(),
      title: input.title,
      organiserName: input.organiser.name,
      organiserEmail: input.organiser.email,
      organiserPhone: input.organiser.phone ?? null,
      requesterCategory: input.requesterCategory,
      requesterPostcode: input.requesterPostcode ?? null,
      inTerritory: input.requesterCategory === 'INTERNAL' || (!!input.requesterPostcode && host.territoryPostcodes.includes(input.requesterPostcode)),
      purpose: input.purpose,
      start: a.start,
      end: a.end,
      status: hold ? ReservationStatus.HELD : a.status,
      hold: hold ? { id: hold.id, expiresAt: hold.expiresAt, needsApproval: a.status === ReservationStatus.REQUESTED } : null,
      seriesId: a.series?.seriesId ?? null,
      seriesIndex: a.series?.index ?? null,
      accessTokenHash: sha256(a.accessToken),
      createdBy: actor.label,
      holds: a.holds.map((h, i) => ({ roomId: h.ctx.room.id, held: h.held, expectedParticipants: input.rooms[i].expectedParticipants ?? null })),
      participants: (input.participants ?? []).map((p) => ({ kind: p.kind, name: p.name ?? null, email: p.email ?? null, sipUri: p.sipUri ?? null, phone: p.phone ?? null, originPostcode: p.originPostcode ?? null, originCountry: p.originCountry ?? null })),
    };
  }

  private async hold(em: EntityManager, reservationId: string, holds: Held[]): Promise<void> {
    for (const h of holds) {
      await em.query(
        `INSERT INTO room_slot (room_id, during, kind, active, reservation_id, expected_participants) VALUES ($1, tstzrange($2, $3, '[)'), 'RESERVATION', true, $4, $5)`,
        [h.ctx.room.id, ...range(h.held), reservationId, h.expectedParticipants ?? null],
      );
    }
  }

  private async recordChange(em: EntityManager, r: Reservation, actor: Actor, kind: string, reason: string | null, from: { start: Date; end: Date } | null) {
    await em.query(`INSERT INTO reservation_change (reservation_id, kind, actor, reason, from_start, from_end, to_start, to_end) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
      r.id, kind, actor.label, reason, from?.start ?? null, from?.end ?? null, r.start, r.end,
    ]);
  }

  private async emit(em: EntityManager, r: Reservation, contexts: RoomContext[], name: Exclude<EventName & `reservation.${string}`, 'reservation.held'>) {
    await appendEvents(em, reservationEvents(r, contexts, name, this.sip));
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
    actor: Actor, r: Reservation, contexts: RoomContext[], status: ReservationStatus, reason: string | null, kind: string, event: Exclude<EventName & `reservation.${string}`, 'reservation.held'>,
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

  /** A HELD booking is changed only once its organiser confirmed it from the e-mail (a change must not skip the confirmation). */
  private assertNotAwaitingEmail(r: Reservation): void {
    if (r.status === ReservationStatus.HELD) {
      throw new DomainError('CONFLICT', 'Confirm the booking from the e-mail first', { messageFr: 'Confirmez d’abord la réservation avec le lien reçu par e-mail', details: { status: r.status } });
    }
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
