import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflict, invalidInput } from '@maillage/core';
import type { Actor } from '../auth/actor';
import { audit } from '../auth/audit';
import { MeetingAccess } from '../meetings/meeting-access';
import { assertParticipants } from './booking-request';
import type { RemoteParticipantInput, ReservationInput } from './dtos/reservation.inputs';
import { ReservationParticipant, ReservationStatus } from './reservation.entity';

const MAX_PARTICIPANTS = 50;

/**
 * Remote parties of a reservation (another point's SIP room, a web guest, a phone), added by its
 * organiser from the "manage my booking" page, or by its organisation or host. Never before the
 * organiser confirmed an anonymous booking from the e-mail: nothing reaches third parties before that.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccess,
  ) {}

  async add(actor: Actor, reservationId: string, participant: RemoteParticipantInput, accessToken?: string): Promise<ReservationParticipant> {
    const r = await this.access.authorise(actor, reservationId, 'participate', accessToken);
    if (r.status === ReservationStatus.HELD) throw conflict('Confirm the booking from the e-mail before inviting anyone', { status: r.status });
    if (r.status !== ReservationStatus.CONFIRMED && r.status !== ReservationStatus.REQUESTED) throw invalidInput(['reservationId'], `Reservation is ${r.status}`, { messageFr: 'Cette réservation n’est plus active' });
    assertParticipants({ participants: [participant] } as ReservationInput);
    return this.db.transaction(async (em) => {
      const [{ n }]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM reservation_participant WHERE reservation_id = $1`, [r.id]);
      if (n >= MAX_PARTICIPANTS) throw invalidInput(['participant'], `At most ${MAX_PARTICIPANTS} remote participants`, { messageFr: `Au plus ${MAX_PARTICIPANTS} participants à distance` });
      const saved = await em.getRepository(ReservationParticipant).save(
        em.getRepository(ReservationParticipant).create({ reservationId: r.id, kind: participant.kind, name: participant.name ?? null, email: participant.email ?? null, sipUri: participant.sipUri ?? null, phone: participant.phone ?? null }),
      );
      await audit(em, actor, 'reservation.participant-added', 'reservation', r.id, { kind: participant.kind });
      return saved;
    });
  }
}
