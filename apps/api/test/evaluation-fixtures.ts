import { DateTime } from 'luxon';
import { BOOK, bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes } from './booking-fixtures';
import { waitFor } from './event-fixtures';
import type { TestApi } from './harness';

export const OUTCOME = `mutation($id: ID!, $o: ReservationOutcome!) { recordReservationOutcome(id: $id, outcome: $o) { status } }`;

export interface EndedMeeting {
  id: string;
  reference: string;
  accessToken: string;
  /** YYYY-MM of the (moved) meeting, Paris time. */
  month: string;
}

/**
 * A reservation booked anonymously in `roomIds` and confirmed through its e-mail link (the first room's point is
 * the meeting place), then moved to
 * yesterday 10:00–12:00 (bookings cannot be made in the past) so that its host may record how it ended.
 */
export async function pastMeeting(api: TestApi, roomIds: string[], extra: Record<string, unknown> = {}, weeksAhead = 1): Promise<EndedMeeting> {
  const start = nextWeekdayAt(4, 10, 0, 7 * weeksAhead);
  const res = await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; reference: string } } }>(api, BOOK, { input: bookingInput(roomIds, start, plusMinutes(start, 120), extra) });
  if (!res.data?.book) throw new Error(`booking failed: ${JSON.stringify(res.errors)}`);
  const yesterday = DateTime.now().setZone('Europe/Paris').minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  await api.sql(`UPDATE reservation SET start_at = $2, end_at = $3 WHERE id = $1`, [res.data.book.reservation.id, yesterday.toJSDate(), yesterday.plus({ hours: 2 }).toJSDate()]);
  return { id: res.data.book.reservation.id, reference: res.data.book.reservation.reference, accessToken: res.data.book.accessToken, month: yesterday.toFormat('yyyy-MM') };
}

export interface RecordRow {
  outcome: string;
  outcome_source: string;
  is_use: boolean;
  participants_in_room: number;
  destination_scope: string;
  destinations: { kind: string; label: string; scope: string }[];
  impact: { trips: { from: string; to: string; people: number; mode: string; nights: number }[]; grossCo2eGrams: number; netCo2eGrams: number; meetingCo2eGrams: number };
  co2e_net_grams: string;
  km_avoided: number;
  satisfaction_sum: number;
  satisfaction_count: number;
  survey_answers: number;
  factor_table_version: number;
}

/** Waits for the relay to deliver the ending to the records' subscriber, until `ready` holds. */
export const recordOf = (api: TestApi, reservationId: string, ready: (r: RecordRow) => boolean = () => true) =>
  waitFor(`the meeting record of ${reservationId}`, async () => {
    const [row] = await api.sql<RecordRow>(`SELECT * FROM meeting_record WHERE reservation_id = $1`, [reservationId]);
    return row && ready(row) ? row : undefined;
  }, 30_000);

/** The survey link the records' subscriber asked to send to the organiser (the `survey.requested` event). */
export const surveyTokenOf = (api: TestApi, reservationId: string) =>
  waitFor('survey.requested', async () => {
    const [row] = await api.sql<{ path: string }>(`SELECT payload->>'surveyPath' AS path FROM outbox WHERE event_type = 'survey.requested' AND aggregate_id = $1`, [reservationId]);
    return row?.path.replace('/enquete/', '');
  }, 30_000);

export const METRICS = `query($f: EvaluationFilter!) { evaluationMetrics(filter: $f) {
  organisationId
  totals { records completed noShows failed cancelledLate uses kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom }
  byMonth { month uses noShows categories co2eNetKg }
  byPoint { pointId pointName uses noShows occupancyRate }
  byCategory { key records } byPurpose { key records } byDestination { key records } internalVsExternal { key records }
  failuresByCause { key count } unmetDemand { searchesWithoutSlot rejected conflicts } occupancyRate operatingCostEuros costPerUseEuros factorTableVersion
} }`;

export interface Figures {
  records: number;
  completed: number;
  noShows: number;
  failed: number;
  cancelledLate: number;
  uses: number;
  kmAvoided: number;
  co2eGrossKg: number;
  co2eNetKg: number;
  timeSavedHours: number;
  moneySavedEuros: number;
  satisfaction: number | null;
  surveyAnswers: number;
  participantsInRoom: number;
}
interface Keyed {
  key: string;
  records: number;
}
export interface MetricsData {
  evaluationMetrics: {
    organisationId: string | null;
    totals: Figures;
    byMonth: { month: string; uses: number; noShows: number; categories: number; co2eNetKg: number }[];
    byPoint: { pointId: string; pointName: string; uses: number; noShows: number; occupancyRate: number | null }[];
    byCategory: Keyed[];
    byPurpose: Keyed[];
    byDestination: Keyed[];
    internalVsExternal: Keyed[];
    failuresByCause: { key: string; count: number }[];
    unmetDemand: { searchesWithoutSlot: number; rejected: number; conflicts: number };
    occupancyRate: number | null;
    operatingCostEuros: number;
    costPerUseEuros: number | null;
    factorTableVersion: number;
  };
}
