import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflict, DomainError, invalidInput } from '@maillage/core';
import { appendEvent } from '../events/outbox';
import { JoinTokens } from '../meetings/join-tokens';
import { communeByPostcode } from './communes';
import type { SurveyAnswerInput, SurveyLink, SurveyView } from './dtos/evaluation.dtos';
import { SURVEY_KEY } from './evaluation.tokens';
import { readSurveyToken, type Respondent, SURVEY_PATH, signSurveyToken } from './survey-token';

interface SurveyTarget {
  reservationId: string;
  respondent: Respondent;
  reference: string;
  title: string;
  start: Date;
  status: string;
  pointName: string;
  pointIds: string[];
}

/**
 * The satisfaction survey. The organiser's link goes out by e-mail when the record counts a use
 * (`survey.requested`); a guest gets theirs from the meeting page at the end (`surveyLinkForMeeting`,
 * with the join token). Each link answers once: the answer and its `survey.submitted` event are
 * written in one transaction, and the record is refined by its subscriber.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SURVEY_KEY) private readonly key: Buffer,
    @Inject(JoinTokens) private readonly joinTokens: JoinTokens,
  ) {}

  private async target(token: string): Promise<SurveyTarget> {
    const { reservationId, respondent } = readSurveyToken(this.key, token);
    const [r]: { reference: string; title: string; start_at: Date; status: string; point_name: string; point_ids: string[] }[] = await this.db.query(
      `SELECT r.reference, r.title, r.start_at, r.status,
              (SELECT p.name FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id WHERE s.reservation_id = r.id ORDER BY s.id LIMIT 1) AS point_name,
              array(SELECT DISTINCT m.point_id FROM room_slot s JOIN room m ON m.id = s.room_id WHERE s.reservation_id = r.id) AS point_ids
         FROM reservation r WHERE r.id = $1`,
      [reservationId],
    );
    if (!r) throw new DomainError('NOT_FOUND', 'Unknown survey link', { messageFr: 'Lien d’enquête inconnu' });
    return { reservationId, respondent, reference: r.reference, title: r.title, start: r.start_at, status: r.status, pointName: r.point_name, pointIds: r.point_ids };
  }

  async view(token: string): Promise<SurveyView> {
    const t = await this.target(token);
    const [answered] = await this.db.query(`SELECT 1 FROM survey_answer WHERE reservation_id = $1 AND respondent = $2`, [t.reservationId, t.respondent]);
    return { reference: t.reference, title: t.title, start: t.start, pointName: t.pointName, respondent: t.respondent === 'organiser' ? 'organiser' : 'guest', answered: !!answered };
  }

  async submit(token: string, input: SurveyAnswerInput, now = Date.now()): Promise<SurveyView> {
    const t = await this.target(token);
    if (['CANCELLED', 'REJECTED', 'REQUESTED'].includes(t.status)) throw invalidInput(['token'], `Reservation ${t.reference} did not take place`, { messageFr: 'Cette réservation n’a pas eu lieu' });
    if (t.start.getTime() > now) throw invalidInput(['token'], 'The meeting has not started yet', { messageFr: 'La réunion n’a pas encore eu lieu' });
    if (!input.replacedTrip && input.trips.length) throw invalidInput(['input', 'trips'], 'Trips are given only when the meeting replaced one', { messageFr: 'Indiquez les trajets seulement si la réunion en a remplacé' });
    input.trips.forEach((trip, i) => {
      if (!communeByPostcode(trip.fromPostcode)) throw invalidInput(['input', 'trips', i, 'fromPostcode'], `Unknown postcode ${trip.fromPostcode}`, { messageFr: 'Code postal inconnu' });
    });
    await this.db.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO survey_answer (reservation_id, respondent, worked, replaced_trip, trips, people_in_room, satisfaction, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (reservation_id, respondent) DO NOTHING RETURNING id`,
        [t.reservationId, t.respondent, input.worked, input.replacedTrip, JSON.stringify(input.trips.map((x) => ({ fromPostcode: x.fromPostcode, people: x.people, mode: x.mode ?? null }))),
          t.respondent === 'organiser' ? (input.peopleInRoom ?? null) : null, input.satisfaction, input.comment?.trim() || null],
      );
      if (!inserted.length) throw conflict('This survey link was already answered', { reference: t.reference });
      await appendEvent(em, 'survey.submitted', { type: 'reservation', id: t.reservationId },
        { reservationId: t.reservationId, pointIds: t.pointIds, respondent: t.respondent === 'organiser' ? 'organiser' : 'guest', satisfaction: input.satisfaction },
        `survey.submitted:${t.reservationId}:${t.respondent}`);
    }).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', error.message, { details: error.details, messageFr: 'Vous avez déjà répondu à cette enquête : merci !' });
      throw error;
    });
    return { ...(await this.view(token)), answered: true };
  }

  /** The survey link of whoever holds a join link (the meeting page offers it at the end). */
  linkForMeeting(joinToken: string): SurveyLink {
    let claims;
    try {
      claims = this.joinTokens.read(joinToken);
    } catch {
      throw new DomainError('NOT_FOUND', 'Unknown join link', { messageFr: 'Lien de réunion inconnu' });
    }
    const respondent: Respondent = claims.role === 'host' ? 'organiser' : `guest:${claims.participantId}`;
    return { path: `${SURVEY_PATH}${signSurveyToken(this.key, claims.meetingId, respondent)}` };
  }
}
