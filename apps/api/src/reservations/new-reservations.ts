import type { EntityManager } from 'typeorm';
import type { Interval } from '@maillage/core';
import { rowMapper } from '../database/raw-rows';
import type { ReservationRoom } from './dtos/reservation.outputs';
import { type ParticipantKind, type Purpose, type RequesterCategory, Reservation, type ReservationStatus } from './reservation.entity';

/** A reservation the engine accepted, as it is written: its row, the slots it holds, its remote participants. */
export interface NewReservation {
  /** Chosen by the caller, so that slots and participants name their reservation in the same statement. */
  id: string;
  title: string;
  organiserName: string;
  organiserEmail: string;
  organiserPhone: string | null;
  requesterCategory: RequesterCategory;
  requesterPostcode: string | null;
  inTerritory: boolean;
  purpose: Purpose;
  start: Date;
  end: Date;
  status: ReservationStatus;
  seriesId: string | null;
  seriesIndex: number | null;
  accessTokenHash: string;
  createdBy: string;
  /** HELD reservations: their request's hold, its deadline, and whether the host must approve them once confirmed. */
  hold: { id: string; expiresAt: Date; needsApproval: boolean } | null;
  holds: { roomId: string; held: Interval; expectedParticipants: number | null }[];
  participants: { kind: ParticipantKind; name: string | null; email: string | null; sipUri: string | null; phone: string | null; originPostcode: string | null; originCountry: string | null }[];
}

export interface StoredReservation {
  reservation: Reservation;
  /** The reservation's rooms, as the `rooms` field answers them (by point name). */
  rooms: ReservationRoom[];
}

/**
 * Writes new reservations, their room slots (the exclusion constraint decides here), their remote
 * participants and their CREATED history rows in one statement, whatever their number. The reference
 * and timestamps come from the database; the rooms come back with them. Returns them in the order given.
 */
export async function insertNewReservations(em: EntityManager, rows: readonly NewReservation[]): Promise<StoredReservation[]> {
  if (!rows.length) return [];
  const reservation = rowMapper(em, Reservation, 'res');
  const slots = rows.flatMap((r) => r.holds.map((h) => ({ ...h, reservationId: r.id })));
  const participants = rows.flatMap((r) => r.participants.map((p) => ({ ...p, reservationId: r.id })));
  const stored: (Record<string, unknown> & { rooms: (Omit<ReservationRoom, 'heldFrom' | 'heldUntil'> & { heldFrom: string; heldUntil: string })[] | null })[] = await em.query(
    `WITH res AS (
       INSERT INTO reservation (id, title, organiser_name, organiser_email, organiser_phone, requester_category, requester_postcode, in_territory, purpose,
                                start_at, end_at, status, series_id, series_index, access_token_hash, created_by, hold_id, hold_expires_at, hold_needs_approval)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[],
                            $10::timestamptz[], $11::timestamptz[], $12::text[], $13::uuid[], $14::int[], $15::text[], $16::text[], $30::uuid[], $31::timestamptz[], $32::boolean[])
       RETURNING *
     ), slot AS (
       INSERT INTO room_slot (room_id, during, kind, active, reservation_id, expected_participants)
       SELECT room_id, tstzrange(held_from, held_until, '[)'), 'RESERVATION', true, reservation_id, expected_participants
         FROM unnest($17::uuid[], $18::timestamptz[], $19::timestamptz[], $20::uuid[], $21::int[]) AS s(room_id, held_from, held_until, reservation_id, expected_participants)
       RETURNING reservation_id, room_id, during, expected_participants
     ), participant AS (
       INSERT INTO reservation_participant (reservation_id, kind, name, email, sip_uri, phone, origin_postcode, origin_country)
       SELECT * FROM unnest($22::uuid[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[])
     ), created AS (
       INSERT INTO reservation_change (reservation_id, kind, actor, to_start, to_end)
       SELECT id, 'CREATED', created_by, start_at, end_at FROM res
     )
     SELECT ${reservation.select},
            (SELECT json_agg(json_build_object('roomId', s.room_id, 'roomName', m.name, 'pointId', p.id, 'pointName', p.name,
                                               'heldFrom', lower(s.during), 'heldUntil', upper(s.during), 'expectedParticipants', s.expected_participants) ORDER BY p.name)
               FROM slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id
              WHERE s.reservation_id = res.id) AS rooms
       FROM res`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.title),
      rows.map((r) => r.organiserName),
      rows.map((r) => r.organiserEmail),
      rows.map((r) => r.organiserPhone),
      rows.map((r) => r.requesterCategory),
      rows.map((r) => r.requesterPostcode),
      rows.map((r) => r.inTerritory),
      rows.map((r) => r.purpose),
      rows.map((r) => r.start),
      rows.map((r) => r.end),
      rows.map((r) => r.status),
      rows.map((r) => r.seriesId),
      rows.map((r) => r.seriesIndex),
      rows.map((r) => r.accessTokenHash),
      rows.map((r) => r.createdBy),
      slots.map((s) => s.roomId),
      slots.map((s) => new Date(s.held.start)),
      slots.map((s) => new Date(s.held.end)),
      slots.map((s) => s.reservationId),
      slots.map((s) => s.expectedParticipants),
      participants.map((p) => p.reservationId),
      participants.map((p) => p.kind),
      participants.map((p) => p.name),
      participants.map((p) => p.email),
      participants.map((p) => p.sipUri),
      participants.map((p) => p.phone),
      participants.map((p) => p.originPostcode),
      participants.map((p) => p.originCountry),
      rows.map((r) => r.hold?.id ?? null),
      rows.map((r) => r.hold?.expiresAt ?? null),
      rows.map((r) => r.hold?.needsApproval ?? null),
    ],
  );
  const byId = new Map(
    stored.map((row) => [
      row.id as string,
      {
        reservation: reservation.map(row),
        rooms: (row.rooms ?? []).map((x) => ({ ...x, heldFrom: new Date(x.heldFrom), heldUntil: new Date(x.heldUntil) })),
      },
    ]),
  );
  return rows.map((r) => byId.get(r.id)!);
}

/**
 * The rooms of reservations written by this process's requests, for the `rooms` field of the answer: the
 * write returned them, so the field needs no query. Entries go with the reservation objects.
 */
const heldRooms = new WeakMap<Reservation, ReservationRoom[]>();
export const rememberRooms = (stored: StoredReservation): void => void heldRooms.set(stored.reservation, stored.rooms);
export const rememberedRooms = (reservation: Reservation): ReservationRoom[] | undefined => heldRooms.get(reservation);
