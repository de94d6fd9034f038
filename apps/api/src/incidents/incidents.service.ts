import { Injectable } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { invalidInput, notFound } from '@maillage/core';
import { type Actor, assertCanActFor, assertRole, hasRole } from '../auth/actor';
import { Role } from '../common/enums';
import { ConnectionType, type Connection, PageArgs } from '../common/pagination';
import { OutboxRelay } from '../events/outbox-relay';
import { Incident, IncidentSeverity } from './incident.entity';
import { INCIDENT_COLUMNS, type IncidentReport, openIncident, resolveIncident, toIncident } from './incidents';

@InputType()
export class IncidentFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() pointId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() reservationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() endpointId?: string;
  @Field({ nullable: true, description: 'true: open only; false: resolved only; absent: both.' }) @IsOptional() @IsBoolean() open?: boolean;
  @Field(() => IncidentSeverity, { nullable: true }) @IsOptional() @IsEnum(IncidentSeverity) severity?: IncidentSeverity;
}

@ArgsType()
export class ResolveIncidentArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field({ description: 'What was done (shown in the incident history).' }) @IsString() @MinLength(1) @MaxLength(2000) resolution!: string;
}

@ObjectType()
export class IncidentConnection extends ConnectionType(Incident, 'Incident') {}

const cursorOf = (i: Incident) => Buffer.from(`incident:${i.openedAt.toISOString()}|${i.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const match = /^incident:(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalidInput(['after'], 'Malformed cursor', { messageFr: 'Curseur de pagination invalide' });
  return { at: match[1], id: match[2] };
}

/**
 * Incidents for operators: reported by the platform's parts (`report`), listed newest first within
 * the caller's points (network admins: all), resolved by an operator of one of those points.
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  /** Opens an incident in its own transaction (see `openIncident` to do it inside a state change's). */
  async report(report: IncidentReport): Promise<Incident> {
    const { incident, created } = await this.db.transaction((em) => openIncident(em, report));
    if (created) this.relay.kick();
    return incident;
  }

  async list(actor: Actor, filter: IncidentFilter = {}, page: PageArgs = {}): Promise<Connection<Incident>> {
    assertRole(actor, Role.POINT_OPERATOR);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.pointId) {
      const [point]: { organisation_id: string }[] = await this.db.query(`SELECT organisation_id FROM point WHERE id = $1`, [filter.pointId]);
      if (!point) throw notFound('Point', filter.pointId);
      assertCanActFor(actor, point.organisation_id, Role.POINT_OPERATOR);
      where.push(`${param(filter.pointId)}::uuid = ANY (point_ids)`);
    }
    if (!hasRole(actor, Role.NETWORK_ADMIN)) where.push(`point_ids && ARRAY(SELECT id FROM point WHERE organisation_id = ${param(actor.organisationId)})`);
    if (filter.reservationId) where.push(`reservation_id = ${param(filter.reservationId)}`);
    if (filter.endpointId) where.push(`endpoint_id = ${param(filter.endpointId)}`);
    if (filter.open !== undefined && filter.open !== null) where.push(filter.open ? `resolved_at IS NULL` : `resolved_at IS NOT NULL`);
    if (filter.severity) where.push(`severity = ${param(filter.severity)}`);
    const scope = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM incident ${scope}`, params);
    const first = page.first ?? 20;
    const after = page.after ? decodeCursor(page.after) : undefined;
    const keyset = after ? `${scope ? `${scope} AND` : 'WHERE'} (opened_at, id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)` : scope;
    const rows = await this.db.query(`SELECT ${INCIDENT_COLUMNS} FROM incident ${keyset} ORDER BY opened_at DESC, id DESC LIMIT ${param(first + 1)}`, params);
    const edges = rows.slice(0, first).map(toIncident).map((node: Incident) => ({ cursor: cursorOf(node), node }));
    return {
      edges,
      totalCount: total,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }

  async resolve(actor: Actor, id: string, resolution: string): Promise<Incident> {
    assertRole(actor, Role.POINT_OPERATOR);
    const incident = await this.db.transaction(async (em) => {
      const [row]: { point_ids: string[]; organisation_ids: string[] }[] = await em.query(
        `SELECT i.point_ids, ARRAY(SELECT DISTINCT p.organisation_id FROM point p WHERE p.id = ANY (i.point_ids)) AS organisation_ids FROM incident i WHERE i.id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound('Incident', id);
      if (!hasRole(actor, Role.NETWORK_ADMIN) && !row.organisation_ids.includes(actor.organisationId ?? '')) {
        // Not one of the caller's points: say nothing more about it than an unknown id would.
        throw notFound('Incident', id);
      }
      return resolveIncident(em, id, resolution, actor.label);
    });
    this.relay.kick();
    return incident;
  }
}
