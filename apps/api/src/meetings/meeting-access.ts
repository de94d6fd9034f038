import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, forbidden, notFound } from '@maillage/core';
import { type Actor, canActFor, hasRole, requireSignedIn } from '../auth/actor';
import { sha256 } from '../auth/passwords';
import { Role } from '../common/enums';
import { Reservation } from '../reservations/reservation.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may do what with a reservation's meeting:
 * - `participate` (join links, the live state): the organiser (its access token, or the account
 *   that booked), members of the organiser's organisation, the host operators of any of its points,
 *   network admins;
 * - `operate` (close the meeting): the host operators of its points and network admins.
 */
@Injectable()
export class MeetingAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async authorise(actor: Actor, reservationId: string, purpose: 'participate' | 'operate', accessToken?: string | null): Promise<Reservation> {
    // Operating is for signed-in staff only: anonymous callers learn nothing, not even whether the reservation exists.
    if (purpose === 'operate') requireSignedIn(actor);
    const reservation = UUID.test(reservationId) ? await this.db.getRepository(Reservation).findOneBy({ id: reservationId }) : null;
    if (!reservation) throw notFound('Reservation', reservationId);
    if (actor.role === Role.NETWORK_ADMIN && actor.kind !== 'anonymous') return reservation;
    if (actor.kind !== 'anonymous' && (await this.isHostStaff(actor, reservationId))) return reservation;
    if (purpose === 'participate') {
      if (accessToken && sha256(accessToken) === reservation.accessTokenHash) return reservation;
      if (actor.kind !== 'anonymous' && (reservation.createdBy === actor.label || (await this.isOrganiserColleague(actor, reservation)))) return reservation;
    }
    if (actor.kind === 'anonymous' && !accessToken) throw new DomainError('UNAUTHENTICATED', 'Sign in, or give the reservation’s access token', { messageFr: 'Connexion requise' });
    throw forbidden(purpose === 'operate' ? 'Only the host of the meeting may close it' : 'Only the organiser, its organisation or the host may invite to this meeting');
  }

  private async isHostStaff(actor: Actor, reservationId: string): Promise<boolean> {
    const rows: { organisation_id: string }[] = await this.db.query(
      `SELECT DISTINCT p.organisation_id FROM room_slot s JOIN room r ON r.id = s.room_id JOIN point p ON p.id = r.point_id WHERE s.reservation_id = $1`,
      [reservationId],
    );
    return rows.some((row) => canActFor(actor, row.organisation_id, Role.POINT_OPERATOR));
  }

  /** The booking account's organisation (a user's or an API key's), when the actor belongs to it. */
  private async isOrganiserColleague(actor: Actor, reservation: Reservation): Promise<boolean> {
    if (!actor.organisationId || !hasRole(actor, Role.BOOKER)) return false;
    const match = /^(user|api-key):([0-9a-f-]{36})$/i.exec(reservation.createdBy);
    if (!match) return false;
    const table = match[1] === 'user' ? 'app_user' : 'api_key';
    const [row]: { organisation_id: string | null }[] = await this.db.query(`SELECT organisation_id FROM ${table} WHERE id = $1`, [match[2]]);
    return row?.organisation_id === actor.organisationId;
  }
}
