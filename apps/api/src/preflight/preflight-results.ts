import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { EntityManager } from 'typeorm';
import GraphQLJSON from '../common/json-scalar';
import type { EndpointTestResult } from './endpoint-test';

@ObjectType('PreflightCheck', { description: 'One step of a room system’s pre-call test.' })
export class PreflightCheckView {
  @Field({ description: "'reachable', 'wake', a diagnostics finding ('camera-connection'…), 'camera', 'microphone', 'peripherals', 'test-call'." }) id!: string;
  @Field({ description: 'ok, warning, failed or skipped.' }) outcome!: string;
  @Field(() => String, { nullable: true }) cause!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Measured figures, e.g. { connectMs }.' }) measures!: Record<string, number> | null;
}

@ObjectType('PreflightResult', { description: 'A room system’s pre-call test: ok, warning or failed with its cause.' })
export class PreflightResultView {
  @Field(() => ID) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field() endpointName!: string;
  @Field(() => ID) roomId!: string;
  @Field() roomName!: string;
  @Field(() => ID, { nullable: true }) reservationId!: string | null;
  @Field({ description: "'first' (T-30), 'second' (T-15) or 'manual' (test now)." }) round!: string;
  @Field({ description: 'ok, warning or failed.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: "Machine-readable cause: 'offline', 'auth-failed', 'diagnostics-warning', 'call-failed', …" }) cause!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field(() => [PreflightCheckView]) checks!: PreflightCheckView[];
  @Field() startedAt!: Date;
  @Field() finishedAt!: Date;
}

interface ResultRow {
  id: string;
  endpoint_id: string;
  endpoint_name: string;
  room_id: string;
  room_name: string;
  reservation_id: string | null;
  round: string;
  outcome: string;
  cause: string | null;
  detail: string | null;
  checks: { id: string; outcome: string; cause?: string; detail?: string; measures?: Record<string, number> }[];
  started_at: Date;
  finished_at: Date;
}

export const RESULT_SELECT = `SELECT pr.id, pr.endpoint_id, e.name AS endpoint_name, e.room_id, m.name AS room_name, pr.reservation_id, pr.round, pr.outcome, pr.cause, pr.detail, pr.checks, pr.started_at, pr.finished_at
  FROM preflight_result pr JOIN endpoint e ON e.id = pr.endpoint_id JOIN room m ON m.id = e.room_id`;

export const toResultView = (r: ResultRow): PreflightResultView => ({
  id: r.id,
  endpointId: r.endpoint_id,
  endpointName: r.endpoint_name,
  roomId: r.room_id,
  roomName: r.room_name,
  reservationId: r.reservation_id,
  round: r.round,
  outcome: r.outcome,
  cause: r.cause,
  detail: r.detail,
  checks: r.checks.map((c) => ({ id: c.id, outcome: c.outcome, cause: c.cause ?? null, detail: c.detail ?? null, measures: c.measures ?? null })),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** Writes test results (one row each) in the caller's transaction; returns their ids in order. */
export async function savePreflightResults(em: EntityManager, results: readonly EndpointTestResult[], run: { runId: string | null; reservationId: string | null; round: string }): Promise<string[]> {
  if (!results.length) return [];
  const rows: { id: string }[] = await em.query(
    `INSERT INTO preflight_result (run_id, reservation_id, endpoint_id, round, outcome, cause, detail, checks, started_at, finished_at)
     SELECT $1, $2, endpoint_id, $3, outcome, cause, left(detail, 2000), checks, started_at, finished_at
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[], $10::timestamptz[]) WITH ORDINALITY
            AS t(endpoint_id, outcome, cause, detail, checks, started_at, finished_at, n)
      ORDER BY n
     RETURNING id`,
    [
      run.runId,
      run.reservationId,
      run.round,
      results.map((r) => r.endpointId),
      results.map((r) => r.outcome),
      results.map((r) => r.cause),
      results.map((r) => r.detail),
      results.map((r) => JSON.stringify(r.checks)),
      results.map((r) => r.startedAt),
      results.map((r) => r.finishedAt),
    ],
  );
  return rows.map((r) => r.id);
}

/** The latest result of each room system of a reservation. */
export async function latestResultsOfReservation(em: Pick<EntityManager, 'query'>, reservationId: string): Promise<PreflightResultView[]> {
  const rows: ResultRow[] = await em.query(`${RESULT_SELECT.replace('SELECT', 'SELECT DISTINCT ON (pr.endpoint_id)')} WHERE pr.reservation_id = $1 ORDER BY pr.endpoint_id, pr.finished_at DESC`, [reservationId]);
  rows.sort((a, b) => a.room_name.localeCompare(b.room_name) || a.endpoint_name.localeCompare(b.endpoint_name));
  return rows.map(toResultView);
}

/** An endpoint's tests, newest first. */
export async function resultsOfEndpoint(em: Pick<EntityManager, 'query'>, endpointId: string, limit: number): Promise<PreflightResultView[]> {
  const rows: ResultRow[] = await em.query(`${RESULT_SELECT} WHERE pr.endpoint_id = $1 ORDER BY pr.finished_at DESC, pr.id LIMIT $2`, [endpointId, limit]);
  return rows.map(toResultView);
}

export async function resultById(em: Pick<EntityManager, 'query'>, id: string): Promise<PreflightResultView | undefined> {
  const rows: ResultRow[] = await em.query(`${RESULT_SELECT} WHERE pr.id = $1`, [id]);
  return rows.map(toResultView)[0];
}
