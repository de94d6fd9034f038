import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import ical, { type ICalCalendar, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventBusyStatus, ICalEventClass, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Point } from '../../points/point.entity';
import { Room } from '../../points/room.entity';
import { DEFAULT_BOOKING_POLICY } from '../booking-context';
import { ParticipantKind, Reservation, ReservationParticipant, ReservationStatus } from '../reservation.entity';
import { sipAddressLine, vtimezoneGenerator, withConference } from '@maillage/core';
import type { ApiConfig } from '../../config';
import { meetingSipAddress, SIP_SETTINGS } from '../../sip/sip-address';

const DAY = 86_400_000;
/** Busy feeds start this long ago, and end at the booking horizon. */
export const FEED_PAST_DAYS = 30;
/** How often calendar clients should refresh a feed (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 15 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROD_ID = { company: 'Maillage', product: 'Maillage API', language: 'FR' };

export const reservationUid = (reservationId: string) => `${reservationId}@maillage`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of the token's sha-256 with the stored hash. */
function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(sha256(token), 'utf8');
  const b = Buffer.from(hash, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const STATUS: Record<ReservationStatus, ICalEventStatus> = {
  [ReservationStatus.HELD]: ICalEventStatus.TENTATIVE,
  [ReservationStatus.EXPIRED]: ICalEventStatus.CANCELLED,
  [ReservationStatus.REQUESTED]: ICalEventStatus.TENTATIVE,
  [ReservationStatus.CONFIRMED]: ICalEventStatus.CONFIRMED,
  [ReservationStatus.COMPLETED]: ICalEventStatus.CONFIRMED,
  [ReservationStatus.NO_SHOW]: ICalEventStatus.CONFIRMED,
  [ReservationStatus.REJECTED]: ICalEventStatus.CANCELLED,
  [ReservationStatus.CANCELLED]: ICalEventStatus.CANCELLED,
};

const STATUS_FR: Record<ReservationStatus, string> = {
  [ReservationStatus.HELD]: 'à confirmer par le lien envoyé par e-mail',
  [ReservationStatus.EXPIRED]: 'expirée faute de confirmation',
  [ReservationStatus.REQUESTED]: 'demande en attente de validation par l’hôte',
  [ReservationStatus.CONFIRMED]: 'confirmée',
  [ReservationStatus.COMPLETED]: 'terminée',
  [ReservationStatus.NO_SHOW]: 'non honorée',
  [ReservationStatus.REJECTED]: 'refusée',
  [ReservationStatus.CANCELLED]: 'annulée',
};

interface HeldRoom {
  room_name: string;
  point_id: string;
  point_name: string;
  address: string;
  postcode: string;
  town: string;
  time_zone: string;
  held_from: Date;
  held_until: Date;
}

interface BusyRow {
  room_id: string;
  room_name: string;
  kind: 'RESERVATION' | 'HOST_BLOCK';
  reservation_id: string | null;
  block_source: string | null;
  block_uid: string | null;
  status: ReservationStatus | null;
  sequence: number | null;
  start: Date;
  end: Date;
}

const inZone = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });
const hhmm = (d: Date, zone: string) => inZone(d, zone).toFormat("HH'h'mm");

function calendar(name: string, method: ICalCalendarMethod, zone: string): ICalCalendar {
  const cal = ical({ prodId: PROD_ID, name, method, scale: 'GREGORIAN' });
  // Name null: only the events carry TZID (DTSTAMP, CREATED, LAST-MODIFIED stay in UTC); the generator writes their VTIMEZONE.
  cal.timezone({ name: null, generator: vtimezoneGenerator });
  cal.x('X-WR-TIMEZONE', zone);
  return cal;
}

/** .ics documents: the organiser's invitation for a reservation, and the public busy feeds of points and rooms. */
@Injectable()
export class IcalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SIP_SETTINGS) private readonly sip: ApiConfig['sip'],
  ) {}

  /** The invitation (METHOD REQUEST, or CANCEL once cancelled or rejected); null when the reference or token is wrong. */
  async invitation(reference: string, token: string): Promise<{ filename: string; body: string } | null> {
    const r = await this.db.getRepository(Reservation).findOneBy({ reference });
    if (!r || !tokenMatches(token, r.accessTokenHash)) return null;
    const rooms: HeldRoom[] = await this.db.query(
      `SELECT m.name AS room_name, p.id AS point_id, p.name AS point_name, p.address, p.postcode, p.town, p.time_zone,
              lower(s.during) AS held_from, upper(s.during) AS held_until
         FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id
        WHERE s.reservation_id = $1 ORDER BY p.name, m.name`,
      [r.id],
    );
    const participants = await this.db.getRepository(ReservationParticipant).find({ where: { reservationId: r.id }, order: { id: 'ASC' } });
    const zone = rooms[0]?.time_zone ?? 'Europe/Paris';
    const cancelled = r.status === ReservationStatus.CANCELLED || r.status === ReservationStatus.REJECTED;
    const cal = calendar(`Maillage — ${r.reference}`, cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST, zone);
    const points = [...new Map(rooms.map((x) => [x.point_id, x])).values()];
    const organiser = { name: r.organiserName, email: r.organiserEmail };
    const sipUri = cancelled ? null : meetingSipAddress(this.sip, r.reference);
    cal.createEvent({
      id: reservationUid(r.id),
      sequence: r.sequence,
      stamp: r.updatedAt,
      created: r.createdAt,
      lastModified: r.updatedAt,
      start: inZone(r.start, zone),
      end: inZone(r.end, zone),
      timezone: zone,
      summary: r.title,
      location: points.map((p) => `${p.point_name}, ${p.address}, ${p.postcode} ${p.town}`).join(' ; ') || null,
      description: this.describe(r, rooms, participants, zone, sipUri),
      status: STATUS[r.status],
      organizer: organiser,
      // RFC 5546: REQUEST and CANCEL carry at least one ATTENDEE; the organiser chairs their own meeting.
      attendees: [{ ...organiser, role: ICalAttendeeRole.CHAIR, status: ICalAttendeeStatus.ACCEPTED, rsvp: false }],
      transparency: ICalEventTransparency.OPAQUE,
      busystatus: cancelled ? ICalEventBusyStatus.FREE : ICalEventBusyStatus.BUSY,
      class: ICalEventClass.PRIVATE,
    });
    return { filename: `${r.reference}.ics`, body: sipUri ? withConference(cal.toString(), sipUri, 'Système de visioconférence (SIP)') : cal.toString() };
  }

  private describe(r: Reservation, rooms: HeldRoom[], participants: ReservationParticipant[], zone: string, sipUri: string | null): string {
    const lines = [`Réservation ${r.reference} (Maillage, réseau de points de visioconférence)`, `Statut : ${STATUS_FR[r.status]}`];
    if (r.statusReason) lines.push(`Motif : ${r.statusReason}`);
    lines.push('', rooms.length > 1 ? 'Salles :' : 'Salle :');
    for (const x of rooms) {
      lines.push(`- ${x.room_name} — ${x.point_name}, ${x.address}, ${x.postcode} ${x.town} (salle accessible de ${hhmm(x.held_from, zone)} à ${hhmm(x.held_until, zone)}, installation comprise)`);
    }
    if (participants.length > 0) {
      lines.push('', 'Participants à distance :');
      for (const p of participants) {
        if (p.kind === ParticipantKind.SIP) lines.push(`- Visioconférence (SIP) : ${[p.name, p.sipUri].filter(Boolean).join(' — ')}`);
        else if (p.kind === ParticipantKind.WEB_GUEST) lines.push(`- Invité web : ${p.name ?? ''}${p.email ? ` <${p.email}>` : ''}`);
        else lines.push(`- Téléphone : ${[p.name, p.phone].filter(Boolean).join(' — ')}`);
      }
    } else {
      lines.push('', 'Participants à distance : aucun déclaré');
    }
    if (sipUri) lines.push('', sipAddressLine(sipUri));
    lines.push('', `Pour modifier ou annuler, utilisez la référence ${r.reference} et le code d’accès reçu lors de la réservation.`);
    return lines.join('\n');
  }

  /** Busy feed of every room of a point; null for an unknown point. */
  async pointFeed(pointId: string, now = Date.now()): Promise<{ filename: string; body: string } | null> {
    if (!UUID.test(pointId)) return null;
    const point = await this.db.getRepository(Point).findOneBy({ id: pointId });
    if (!point) return null;
    const rooms = await this.db.getRepository(Room).find({ where: { pointId }, order: { name: 'ASC' } });
    return this.feed(point, rooms, `Maillage — ${point.name}`, `${point.slug}.ics`, now);
  }

  /** Busy feed of one room; null for an unknown room. */
  async roomFeed(roomId: string, now = Date.now()): Promise<{ filename: string; body: string } | null> {
    if (!UUID.test(roomId)) return null;
    const room = await this.db.getRepository(Room).findOne({ where: { id: roomId }, relations: { point: true } });
    if (!room?.point) return null;
    return this.feed(room.point, [room], `Maillage — ${room.point.name} — ${room.name}`, `${room.point.slug}-${room.id.slice(0, 8)}.ics`, now);
  }

  /**
   * Active slots (reservations with their set-up/tear-down buffers, host blocks) from 30 days ago to
   * the furthest booking horizon of the rooms. Only "Réservé" / "Indisponible": no title, organiser,
   * reference or participant; UIDs are hashes, not reservation ids.
   */
  private async feed(point: Point, rooms: Room[], name: string, filename: string, now: number) {
    const horizonDays = Math.max(0, ...rooms.map((m) => (m.bookingPolicy ?? point.bookingPolicy ?? DEFAULT_BOOKING_POLICY).horizonDays));
    const from = new Date(now - FEED_PAST_DAYS * DAY);
    const to = new Date(now + horizonDays * DAY);
    const rows: BusyRow[] = rooms.length
      ? await this.db.query(
          `SELECT s.room_id, m.name AS room_name, s.kind, s.reservation_id, s.block_source, s.block_uid, r.status, r.sequence,
                  lower(s.during) AS start, upper(s.during) AS end
             FROM room_slot s JOIN room m ON m.id = s.room_id LEFT JOIN reservation r ON r.id = s.reservation_id
            WHERE s.active AND s.room_id = ANY($1) AND s.during && tstzrange($2, $3, '[)')
            ORDER BY lower(s.during), m.name`,
          [rooms.map((m) => m.id), from, to],
        )
      : [];
    const zone = point.timeZone;
    const cal = calendar(name, ICalCalendarMethod.PUBLISH, zone);
    cal.description(`Créneaux occupés des salles de ${point.name} (du ${inZone(from, zone).toISODate()} au ${inZone(to, zone).toISODate()}).`);
    cal.ttl(FEED_REFRESH_SECONDS);
    const stamp = new Date(now);
    for (const row of rows) {
      const reserved = row.kind === 'RESERVATION';
      const key = reserved ? `${row.room_id}|reservation|${row.reservation_id}` : `${row.room_id}|block|${row.block_source}|${row.block_uid}`;
      cal.createEvent({
        id: `busy-${sha256(key).slice(0, 32)}@maillage`,
        sequence: row.sequence ?? 0,
        stamp,
        start: inZone(row.start, zone),
        end: inZone(row.end, zone),
        timezone: zone,
        summary: reserved ? 'Réservé' : 'Indisponible',
        location: `${row.room_name}, ${point.name}`,
        status: row.status === ReservationStatus.REQUESTED ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
        transparency: ICalEventTransparency.OPAQUE,
        busystatus: ICalEventBusyStatus.BUSY,
        class: ICalEventClass.PUBLIC,
      });
    }
    return { filename, body: cal.toString() };
  }
}
