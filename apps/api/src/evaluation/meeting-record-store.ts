import type { EntityManager } from 'typeorm';
import { buildMeetingRecord, type MeetingRecordRow, type RecordState } from './meeting-record';

/** Everything a record is computed from, for one reservation, in one query. */
const STATE = `
  SELECT r.id, r.reference, r.status, r.start_at, r.end_at, r.requester_category, r.purpose, r.in_territory,
         COALESCE((SELECT json_agg(json_build_object('roomId', s.room_id, 'pointId', p.id, 'pointName', p.name, 'organisationId', p.organisation_id,
                                                     'town', p.town, 'postcode', p.postcode, 'latitude', p.latitude, 'longitude', p.longitude,
                                                     'timeZone', p.time_zone, 'expected', s.expected_participants)
                                           ORDER BY s.expected_participants DESC NULLS LAST, p.name, s.room_id)
                     FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id WHERE s.reservation_id = r.id), '[]') AS rooms,
         COALESCE((SELECT json_agg(json_build_object('kind', kind, 'originPostcode', origin_postcode, 'originCountry', origin_country) ORDER BY kind, origin_postcode NULLS LAST, origin_country NULLS LAST, id)
                     FROM reservation_participant WHERE reservation_id = r.id), '[]') AS participants,
         COALESCE((SELECT json_agg(json_build_object('participantId', participant_id, 'role', role, 'channel', channel, 'joinedAt', joined_at, 'leftAt', left_at) ORDER BY id)
                     FROM meeting_attendance WHERE reservation_id = r.id AND left_reason IS DISTINCT FROM 'failed'), '[]') AS attendance,
         (SELECT json_build_object('status', status, 'closeReason', close_reason, 'closedAt', closed_at) FROM meeting WHERE reservation_id = r.id) AS meeting,
         COALESCE((SELECT json_agg(json_build_object('kind', kind, 'severity', severity, 'cause', cause, 'openedAt', opened_at) ORDER BY opened_at, id)
                     FROM incident WHERE reservation_id = r.id), '[]') AS incidents,
         (SELECT total_incl_vat_cents FROM reservation_quote WHERE reservation_id = r.id) AS quote,
         (SELECT max(at) FROM reservation_change WHERE reservation_id = r.id AND kind = 'CANCELLED') AS cancelled_at,
         COALESCE((SELECT json_agg(json_build_object('respondent', respondent, 'worked', worked, 'replacedTrip', replaced_trip, 'trips', trips,
                                                     'peopleInRoom', people_in_room, 'satisfaction', satisfaction) ORDER BY respondent)
                     FROM survey_answer WHERE reservation_id = r.id), '[]') AS surveys,
         (SELECT factor_table_version FROM meeting_record WHERE reservation_id = r.id) AS factor_table_version
    FROM reservation r WHERE r.id = $1`;

interface StateRow {
  id: string;
  reference: string;
  status: string;
  start_at: Date;
  end_at: Date;
  requester_category: string;
  purpose: string;
  in_territory: boolean;
  rooms: RecordState['rooms'];
  participants: RecordState['participants'];
  attendance: RecordState['attendance'];
  meeting: RecordState['meeting'];
  incidents: RecordState['incidents'];
  quote: number | null;
  cancelled_at: Date | null;
  surveys: RecordState['surveys'];
  factor_table_version: number | null;
}

export async function loadRecordState(em: EntityManager, reservationId: string): Promise<RecordState | null> {
  const [row]: StateRow[] = await em.query(STATE, [reservationId]);
  if (!row) return null;
  return {
    reservationId: row.id,
    reference: row.reference,
    status: row.status,
    start: row.start_at,
    end: row.end_at,
    requesterCategory: row.requester_category,
    purpose: row.purpose,
    inTerritory: row.in_territory,
    rooms: row.rooms,
    participants: row.participants,
    attendance: row.attendance,
    meeting: row.meeting,
    incidents: row.incidents,
    quoteInclVatCents: row.quote,
    cancelledAt: row.cancelled_at,
    surveys: row.surveys,
    factorTableVersion: row.factor_table_version,
  };
}

const COLUMNS = [
  'reservation_id', 'reference', 'outcome', 'outcome_source', 'is_use', 'booked_start', 'booked_end', 'actual_start', 'actual_end', 'month',
  'organisation_id', 'organisation_ids', 'point_id', 'point_ids', 'room_ids', 'participants_in_room', 'browser_guests', 'sip_systems', 'phone_participants',
  'requester_category', 'purpose', 'internal', 'in_territory', 'destination_scope', 'destinations', 'incidents', 'failure_incidents', 'quote_incl_vat_cents',
  'factor_table_version', 'impact', 'km_avoided', 'co2e_gross_grams', 'co2e_net_grams', 'time_saved_minutes', 'money_saved_cents',
  'satisfaction_sum', 'satisfaction_count', 'survey_answers',
] as const;

const valuesOf = (r: MeetingRecordRow): unknown[] => [
  r.reservationId, r.reference, r.outcome, r.outcomeSource, r.isUse, r.bookedStart, r.bookedEnd, r.actualStart, r.actualEnd, r.month,
  r.organisationId, r.organisationIds, r.pointId, r.pointIds, r.roomIds, r.participantsInRoom, r.browserGuests, r.sipSystems, r.phoneParticipants,
  r.requesterCategory, r.purpose, r.internal, r.inTerritory, r.destinationScope, JSON.stringify(r.destinations), JSON.stringify(r.incidents), r.failureIncidents, r.quoteInclVatCents,
  r.factorTableVersion, JSON.stringify(r.impact), r.kmAvoided, r.co2eGrossGrams, r.co2eNetGrams, r.timeSavedMinutes, r.moneySavedCents,
  r.satisfactionSum, r.satisfactionCount, r.surveyAnswers,
];

const UPSERT = `INSERT INTO meeting_record (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (reservation_id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`;

/**
 * Recomputes the record of a reservation from its state and writes it (or removes one it no longer
 * deserves). Idempotent: the same state gives the same row, whichever event triggered it.
 */
export async function writeMeetingRecord(em: EntityManager, reservationId: string): Promise<MeetingRecordRow | null> {
  const state = await loadRecordState(em, reservationId);
  const record = state ? buildMeetingRecord(state) : null;
  // The rollup loses the previous row's contribution and gains the new one's, in this transaction.
  if (state?.factorTableVersion != null) await applyRollup(em, reservationId, -1);
  if (!record) {
    await em.query(`DELETE FROM meeting_record WHERE reservation_id = $1`, [reservationId]);
    return null;
  }
  await em.query(UPSERT, valuesOf(record));
  await applyRollup(em, reservationId, 1);
  return record;
}

/** Reservations that may deserve a record: ended by the host, cancelled, or whose bridge closed. */
export const ENDED_RESERVATIONS = `
  SELECT r.id FROM reservation r
   WHERE r.status IN ('COMPLETED', 'NO_SHOW', 'CANCELLED')
      OR (r.status = 'CONFIRMED' AND EXISTS (SELECT 1 FROM meeting m WHERE m.reservation_id = r.id AND m.status = 'CLOSED'))
   ORDER BY r.start_at, r.id`;

const SUMS = ['records', 'completed', 'no_show', 'failed', 'cancelled_late', 'booked_minutes', 'km_avoided', 'co2e_gross_grams', 'co2e_net_grams', 'time_saved_minutes', 'money_saved_cents', 'satisfaction_sum', 'satisfaction_count', 'participants_in_room', 'browser_guests', 'sip_systems', 'failure_incidents'] as const;
const KEY = ['month', 'organisation_id', 'point_id', 'network_primary', 'org_primary', 'requester_category', 'dim', 'value'] as const;

/** The point id of the rollup's dimension rows, which are kept per organisation, not per point. */
export const ORGANISATION_LEVEL = '00000000-0000-0000-0000-000000000000';

/**
 * The rollup rows of records (one reservation, or all when `where` is empty). Each record contributes a
 * 'total' row for each of its points, and for each of its organisations (at that organisation's first point)
 * one row per dimension (purpose, destination, internal), kept at the organisation level (point
 * ORGANISATION_LEVEL) so that the yearly report reads tens of thousands of rows, not one per point and value.
 */
const contribution = (where: string) => `
  SELECT r.month, pt.organisation_id, CASE WHEN d.dim = 'total' THEN pt.point_id ELSE '${ORGANISATION_LEVEL}'::uuid END AS point_id,
         pt.network_primary, pt.org_primary, r.requester_category, d.dim, d.value,
         r.outcome, r.booked_start, r.booked_end, r.km_avoided, r.co2e_gross_grams, r.co2e_net_grams, r.time_saved_minutes, r.money_saved_cents,
         r.satisfaction_sum, r.satisfaction_count, r.participants_in_room, r.browser_guests, r.sip_systems, r.failure_incidents
    FROM meeting_record r
    JOIN LATERAL (
      SELECT x.point_id, p.organisation_id, x.ord = 1 AS network_primary, x.ord = min(x.ord) OVER (PARTITION BY p.organisation_id) AS org_primary
        FROM unnest(r.point_ids) WITH ORDINALITY AS x(point_id, ord) JOIN point p ON p.id = x.point_id
    ) pt ON true
    CROSS JOIN LATERAL (VALUES ('total', ''), ('purpose', r.purpose), ('destination', r.destination_scope), ('internal', r.internal::text)) AS d(dim, value)
   WHERE (d.dim = 'total' OR pt.org_primary) ${where ? `AND ${where}` : ''}`;

export const ROLLUP_FROM_RECORDS = (where: string, sign: string) => `
  INSERT INTO meeting_record_rollup (${[...KEY, ...SUMS].join(', ')})
  SELECT ${KEY.join(', ')},
         ${sign} * count(*), ${sign} * count(*) FILTER (WHERE outcome = 'COMPLETED'), ${sign} * count(*) FILTER (WHERE outcome = 'NO_SHOW'),
         ${sign} * count(*) FILTER (WHERE outcome = 'FAILED'), ${sign} * count(*) FILTER (WHERE outcome = 'CANCELLED_LATE'),
         ${sign} * sum(extract(epoch FROM booked_end - booked_start)::bigint / 60), ${sign} * sum(km_avoided), ${sign} * sum(co2e_gross_grams), ${sign} * sum(co2e_net_grams),
         ${sign} * sum(time_saved_minutes), ${sign} * sum(money_saved_cents), ${sign} * sum(satisfaction_sum), ${sign} * sum(satisfaction_count),
         ${sign} * sum(participants_in_room), ${sign} * sum(browser_guests), ${sign} * sum(sip_systems), ${sign} * sum(failure_incidents)
    FROM (${contribution(where)}) c
   GROUP BY ${KEY.join(', ')}
  ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${SUMS.map((c) => `${c} = meeting_record_rollup.${c} + EXCLUDED.${c}`).join(', ')}`;

/** Adds (+1) or removes (−1) one record's rows in the rollup, in the caller's transaction. */
export async function applyRollup(em: EntityManager, reservationId: string, sign: 1 | -1): Promise<void> {
  await em.query(ROLLUP_FROM_RECORDS('r.reservation_id = $1', String(sign)), [reservationId]);
  if (sign < 0) await em.query(`DELETE FROM meeting_record_rollup WHERE records = 0 AND month IN (SELECT month FROM meeting_record WHERE reservation_id = $1)`, [reservationId]);
}

/** Recomputes the whole rollup from the records (rebuild, benchmark set-up). */
export async function rebuildRollup(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM meeting_record_rollup`);
  await em.query(ROLLUP_FROM_RECORDS('', '1'));
}
