import type { EntityManager } from 'typeorm';
import { conflict, type IncidentPayload, notFound } from '@maillage/core';
import { appendEvent } from '../events/outbox';
import { Incident, IncidentSeverity } from './incident.entity';

/** What a source reports; the points are derived from the reservation or the endpoint when not given. */
export interface IncidentReport {
  kind: string;
  severity: IncidentSeverity | `${IncidentSeverity}`;
  source: string;
  cause: string;
  detail: string;
  reservationId?: string | null;
  pointIds?: string[];
  endpointId?: string | null;
  data?: Record<string, unknown>;
  /** Once per key: a second report with the same key returns the first incident and writes nothing. */
  dedupeKey?: string;
  at?: Date;
  /** Already resolved when reported (e.g. a media worker that died, its meetings moved to another one). */
  resolution?: string;
}

interface IncidentRow {
  id: string;
  kind: string;
  severity: IncidentSeverity;
  source: string;
  cause: string;
  detail: string;
  reservation_id: string | null;
  point_ids: string[];
  endpoint_id: string | null;
  data: Record<string, unknown>;
  opened_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
  resolved_by: string | null;
  dedupe_key: string | null;
}

export const INCIDENT_COLUMNS = `id, kind, severity, source, cause, detail, reservation_id, point_ids, endpoint_id, data, opened_at, resolved_at, resolution, resolved_by, dedupe_key`;

export const toIncident = (r: IncidentRow): Incident =>
  Object.assign(new Incident(), {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    source: r.source,
    cause: r.cause,
    detail: r.detail,
    reservationId: r.reservation_id,
    pointIds: r.point_ids,
    endpointId: r.endpoint_id,
    data: r.data,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
    dedupeKey: r.dedupe_key,
  });

const payloadOf = (i: Incident): IncidentPayload => ({
  incidentId: i.id,
  kind: i.kind,
  severity: i.severity,
  source: i.source,
  cause: i.cause,
  detail: i.detail,
  reservationId: i.reservationId,
  pointIds: i.pointIds,
  endpointId: i.endpointId,
  openedAt: i.openedAt.toISOString(),
  resolvedAt: i.resolvedAt?.toISOString() ?? null,
  resolution: i.resolution,
});

/**
 * Records an incident and its `incident.opened` event in the caller's transaction. Without explicit
 * points, they are the reservation's (its rooms' points), else the endpoint's. Idempotent per
 * `dedupeKey`: a report delivered twice opens one incident.
 */
export async function openIncident(em: EntityManager, report: IncidentReport): Promise<{ incident: Incident; created: boolean }> {
  const at = report.at ?? new Date();
  const rows: IncidentRow[] = await em.query(
    `INSERT INTO incident (kind, severity, source, cause, detail, reservation_id, endpoint_id, data, opened_at, resolved_at, resolution, resolved_by, dedupe_key, point_ids)
     VALUES ($1, $2, $3, $4, left($5, 2000), $6, $7, $8, $9, $10, $11, $12, $13,
             CASE WHEN cardinality($14::uuid[]) > 0 THEN $14::uuid[] ELSE COALESCE(
               (SELECT array_agg(DISTINCT room.point_id) FROM room_slot s JOIN room ON room.id = s.room_id WHERE s.reservation_id = $6),
               (SELECT ARRAY[room.point_id] FROM endpoint e JOIN room ON room.id = e.room_id WHERE e.id = $7),
               '{}') END)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING ${INCIDENT_COLUMNS}`,
    [
      report.kind,
      report.severity,
      report.source,
      report.cause,
      report.detail,
      report.reservationId ?? null,
      report.endpointId ?? null,
      JSON.stringify(report.data ?? {}),
      at,
      report.resolution ? at : null,
      report.resolution ?? null,
      report.resolution ? 'system' : null,
      report.dedupeKey ?? null,
      report.pointIds ?? [],
    ],
  );
  if (!rows.length) {
    const [existing]: IncidentRow[] = await em.query(`SELECT ${INCIDENT_COLUMNS} FROM incident WHERE dedupe_key = $1`, [report.dedupeKey]);
    return { incident: toIncident(existing), created: false };
  }
  const incident = toIncident(rows[0]);
  await appendEvent(em, 'incident.opened', { type: 'incident', id: incident.id }, payloadOf(incident), `incident.opened:${incident.id}`);
  return { incident, created: true };
}

/** Marks an open incident resolved, with its `incident.resolved` event; CONFLICT when it already was. */
export async function resolveIncident(em: EntityManager, id: string, resolution: string, by: string): Promise<Incident> {
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows]: [IncidentRow[], number] = await em.query(
    `UPDATE incident SET resolved_at = greatest(now(), opened_at), resolution = $2, resolved_by = $3 WHERE id = $1 AND resolved_at IS NULL RETURNING ${INCIDENT_COLUMNS}`,
    [id, resolution, by],
  );
  if (!rows.length) {
    const [exists] = await em.query(`SELECT 1 FROM incident WHERE id = $1`, [id]);
    if (!exists) throw notFound('Incident', id);
    throw conflict(`Incident ${id} is already resolved`, { incidentId: id });
  }
  const incident = toIncident(rows[0]);
  await appendEvent(em, 'incident.resolved', { type: 'incident', id }, payloadOf(incident), `incident.resolved:${id}`);
  return incident;
}
