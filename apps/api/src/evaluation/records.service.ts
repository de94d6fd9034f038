import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingRecordView } from './dtos/evaluation.dtos';
import type { Scope } from './metrics.service';

interface RecordListRow {
  reservation_id: string;
  reference: string;
  outcome: string;
  outcome_source: string;
  booked_start: Date;
  booked_end: Date;
  actual_start: Date | null;
  actual_end: Date | null;
  point_id: string;
  point_name: string;
  point_ids: string[];
  participants_in_room: number;
  browser_guests: number;
  sip_systems: number;
  phone_participants: number;
  requester_category: string;
  purpose: string;
  internal: boolean;
  destination_scope: string;
  destinations: unknown;
  incidents: unknown;
  quote_incl_vat_cents: number | null;
  factor_table_version: number;
  impact: unknown;
  km_avoided: number;
  co2e_gross_grams: string;
  co2e_net_grams: string;
  time_saved_minutes: number;
  money_saved_cents: string;
  satisfaction_sum: number;
  satisfaction_count: number;
}

export const MAX_EXPORT_ROWS = 100_000;

/** Records in a scope (an organisation sees those touching its points), newest first. */
@Injectable()
export class RecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(scope: Scope, limit: number, offset = 0): Promise<{ records: MeetingRecordView[]; totalCount: number }> {
    const where = `r.month BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR r.organisation_ids @> ARRAY[$3::uuid])
      AND ($4::uuid IS NULL OR r.point_ids @> ARRAY[$4::uuid]) AND ($5::text IS NULL OR r.requester_category = $5::text)`;
    const params = [scope.from, scope.to, scope.organisationId, scope.pointId, scope.category];
    const [rows, [{ n }]]: [RecordListRow[], { n: number }[]] = await Promise.all([
      this.db.query(
        `SELECT r.*, p.name AS point_name FROM meeting_record r JOIN point p ON p.id = r.point_id WHERE ${where}
          ORDER BY r.booked_start DESC, r.reservation_id LIMIT $6 OFFSET $7`,
        [...params, limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS n FROM meeting_record r WHERE ${where}`, params),
    ]);
    return { records: rows.map(toView), totalCount: n };
  }
}

const toView = (r: RecordListRow): MeetingRecordView => ({
  reservationId: r.reservation_id,
  reference: r.reference,
  outcome: r.outcome as MeetingRecordView['outcome'],
  outcomeSource: r.outcome_source,
  bookedStart: r.booked_start,
  bookedEnd: r.booked_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  pointId: r.point_id,
  pointName: r.point_name,
  pointIds: r.point_ids,
  participantsInRoom: r.participants_in_room,
  browserGuests: r.browser_guests,
  sipSystems: r.sip_systems,
  phoneParticipants: r.phone_participants,
  requesterCategory: r.requester_category as MeetingRecordView['requesterCategory'],
  purpose: r.purpose,
  internal: r.internal,
  destinationScope: r.destination_scope,
  destinations: r.destinations,
  incidents: r.incidents,
  quoteInclVatCents: r.quote_incl_vat_cents,
  factorTableVersion: r.factor_table_version,
  impact: r.impact,
  kmAvoided: r.km_avoided,
  co2eGrossKg: Number(r.co2e_gross_grams) / 1000,
  co2eNetKg: Number(r.co2e_net_grams) / 1000,
  timeSavedMinutes: r.time_saved_minutes,
  moneySavedEuros: Number(r.money_saved_cents) / 100,
  satisfaction: r.satisfaction_count ? Math.round((r.satisfaction_sum / r.satisfaction_count) * 100) / 100 : null,
});
