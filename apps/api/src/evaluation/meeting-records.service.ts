import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent, EventName } from '@maillage/core';
import { type Actor, assertRole } from '../auth/actor';
import { Role } from '../common/enums';
import { DurableSubscribers } from '../events/durable-subscribers';
import { appendEventOnce } from '../events/outbox';
import { ENDED_RESERVATIONS, rebuildRollup, writeMeetingRecord } from './meeting-record-store';
import type { MeetingRecordRow } from './meeting-record';
import { SURVEY_PATH, signSurveyToken } from './survey-token';
import { SURVEY_KEY } from './evaluation.tokens';
import { recordRejections } from './unmet-demand';

export const MEETING_RECORDS_SUBSCRIBER = 'evaluation.meeting-records';

/** The events after which a reservation's record may change; each triggers a recomputation from state. */
const EVENTS = [
  'reservation.completed',
  'reservation.no-show',
  'reservation.cancelled',
  'reservation.rejected',
  'meeting.closed',
  'incident.opened',
  'survey.submitted',
] as const satisfies readonly EventName[];

const reservationOf = (event: DomainEvent): string | null => {
  const payload = event.payload as { reservationId?: string | null };
  return typeof payload.reservationId === 'string' ? payload.reservationId : null;
};

/**
 * Writes the MeetingRecord of every reservation that ends, as a durable subscriber of the outbox: the
 * handler runs in the transaction that marks the event handled (exactly one effect per event), and
 * recomputes the record from the state of record, so a replayed or reordered event writes the same
 * row. A record that becomes a use asks its organiser for the survey (`survey.requested`, once).
 * `rebuild` recomputes every record from the state, for a new deployment or after a fix.
 */
@Injectable()
export class MeetingRecordsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscribers: DurableSubscribers,
    @Inject(SURVEY_KEY) private readonly surveyKey: Buffer,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(MEETING_RECORDS_SUBSCRIBER, EVENTS, (event, em) => this.handle(event, em));
  }

  async handle(event: DomainEvent, em: EntityManager): Promise<void> {
    const reservationId = reservationOf(event);
    if (!reservationId) return;
    if (event.name === 'reservation.rejected') await recordRejections(em, reservationId);
    await this.write(em, reservationId);
  }

  private async write(em: EntityManager, reservationId: string): Promise<MeetingRecordRow | null> {
    const record = await writeMeetingRecord(em, reservationId);
    if (record?.isUse) await this.requestSurvey(em, reservationId);
    return record;
  }

  /** The organiser's survey link, by e-mail (notification adapters subscribe to `survey.requested`). */
  private async requestSurvey(em: EntityManager, reservationId: string): Promise<void> {
    const [r]: { reference: string; title: string; organiser_name: string; organiser_email: string; point_ids: string[] }[] = await em.query(
      `SELECT r.reference, r.title, r.organiser_name, r.organiser_email,
              array(SELECT DISTINCT m.point_id FROM room_slot s JOIN room m ON m.id = s.room_id WHERE s.reservation_id = r.id) AS point_ids
         FROM reservation r WHERE r.id = $1`,
      [reservationId],
    );
    await appendEventOnce(
      em,
      'survey.requested',
      { type: 'reservation', id: reservationId },
      {
        reservationId,
        reference: r.reference,
        title: r.title,
        pointIds: r.point_ids,
        organiser: { name: r.organiser_name, email: r.organiser_email },
        surveyPath: `${SURVEY_PATH}${signSurveyToken(this.surveyKey, reservationId, 'organiser')}`,
      },
      `survey.requested:${reservationId}`,
    );
  }

  /** Recomputes every record from the state of record (network administrators). Returns how many exist after. */
  async rebuild(actor: Actor): Promise<number> {
    assertRole(actor, Role.NETWORK_ADMIN);
    return this.db.transaction(async (em) => {
      const ids: { id: string }[] = await em.query(ENDED_RESERVATIONS);
      let written = 0;
      for (const { id } of ids) if (await this.write(em, id)) written++;
      await em.query(`DELETE FROM meeting_record WHERE reservation_id <> ALL($1::uuid[])`, [ids.map((r) => r.id)]);
      await recordRejections(em, null);
      await rebuildRollup(em);
      return written;
    });
  }
}
