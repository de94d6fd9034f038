import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type EndpointStatus, notFound, runContained } from '@maillage/core';
import { type Actor, assertCanActFor, requireSignedIn } from '../auth/actor';
import { Role } from '../common/enums';
import { AdapterHost } from '../adapters/adapter-host';
import { appendEvent } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { EndpointTest } from '../preflight/endpoint-test';
import { resultById, savePreflightResults, type PreflightResultView } from '../preflight/preflight-results';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface LiveStatus extends EndpointStatus {
  at: Date;
}

/**
 * Room systems at run time: their live status (pushed by their driver's status events, or read when
 * asked), written with `endpoint.status-changed` in one transaction when the state changes; and
 * "test now", the pre-call test of one room system on demand.
 */
@Injectable()
export class EndpointsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly log = new Logger('Endpoints');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly host: AdapterHost,
    private readonly relay: OutboxRelay,
    private readonly test: EndpointTest,
  ) {}

  onModuleInit(): void {
    this.host.onEndpointStatus((endpointId, status) => void this.record(endpointId, status).catch((error: unknown) => this.log.warn(`endpoint ${endpointId}: status not recorded: ${message(error)}`)));
  }

  /** Loads every room system's driver in the background, so that their status events flow from the start. */
  onApplicationBootstrap(): void {
    void this.db
      .query(`SELECT id, adapter_id FROM endpoint WHERE adapter_id IS NOT NULL`)
      .then((rows: { id: string; adapter_id: string }[]) => Promise.all(rows.filter((r) => this.host.registry.get(r.adapter_id)?.manifest.kind === 'endpoint').map((r) => this.host.endpoint(r.id))))
      .catch((error: unknown) => this.log.warn(`loading room system drivers: ${message(error)}`));
  }

  /** The endpoint, checked against the caller (operators of its point's organisation, network admins). */
  async authorise(actor: Actor, endpointId: string, minimum = Role.POINT_OPERATOR): Promise<{ id: string; sip_uri: string | null; room_id: string; point_id: string }> {
    requireSignedIn(actor);
    const [row]: { id: string; sip_uri: string | null; room_id: string; point_id: string; organisation_id: string }[] = UUID.test(endpointId)
      ? await this.db.query(`SELECT e.id, e.sip_uri, e.room_id, m.point_id, p.organisation_id FROM endpoint e JOIN room m ON m.id = e.room_id JOIN point p ON p.id = m.point_id WHERE e.id = $1`, [endpointId])
      : [];
    if (!row) throw notFound('Endpoint', endpointId);
    assertCanActFor(actor, row.organisation_id, minimum);
    return row;
  }

  /** Records a status; a changed state writes `endpoint.status-changed` in the same transaction. */
  async record(endpointId: string, status: EndpointStatus, at = new Date()): Promise<boolean> {
    const changed = await this.db.transaction(async (em) => {
      const [row]: { live_state: EndpointStatus['state'] | null; room_id: string; point_id: string; adapter_id: string | null }[] = await em.query(
        `SELECT e.live_state, e.room_id, m.point_id, e.adapter_id FROM endpoint e JOIN room m ON m.id = e.room_id WHERE e.id = $1 FOR UPDATE OF e`,
        [endpointId],
      );
      if (!row) return false;
      await em.query(`UPDATE endpoint SET live_state = $2, live_status = $3, status_at = $4 WHERE id = $1`, [endpointId, status.state, JSON.stringify(status), at]);
      if (row.live_state === status.state) return false;
      await appendEvent(
        em,
        'endpoint.status-changed',
        { type: 'endpoint', id: endpointId },
        { endpointId, roomId: row.room_id, pointId: row.point_id, adapterId: row.adapter_id ?? '', state: status.state, previousState: row.live_state, at: at.toISOString() },
        `endpoint.status-changed:${endpointId}:${at.getTime()}:${status.state}`,
      );
      return true;
    });
    if (changed) this.relay.kick();
    return changed;
  }

  /** Asks the driver for its status now and records it. */
  async refresh(actor: Actor, endpointId: string): Promise<LiveStatus | null> {
    await this.authorise(actor, endpointId);
    const loaded = await this.host.endpoint(endpointId);
    if (!loaded || !(await this.host.ensureEndpointReady(loaded))) return this.liveStatus(endpointId);
    const result = await runContained(() => loaded.instance.status(), this.relay.settings.callTimeoutMs, `${loaded.definition.manifest.id}.status`);
    const status: EndpointStatus = result.ok ? result.value : { state: 'offline', callRemote: null, cameraOn: null, microphoneMuted: null, peripherals: [], detail: result.failure.message };
    await this.record(endpointId, status);
    return this.liveStatus(endpointId);
  }

  async liveStatus(endpointId: string): Promise<LiveStatus | null> {
    const [row]: { live_status: EndpointStatus | null; status_at: Date | null }[] = await this.db.query(`SELECT live_status, status_at FROM endpoint WHERE id = $1`, [endpointId]);
    return row?.live_status && row.status_at ? { ...row.live_status, at: row.status_at } : null;
  }

  /** "Tester maintenant": the pre-call test of one room system, recorded (round 'manual'), its status too. */
  async testNow(actor: Actor, endpointId: string): Promise<PreflightResultView> {
    const endpoint = await this.authorise(actor, endpointId);
    const result = await this.test.run({ id: endpoint.id, sipUri: endpoint.sip_uri });
    if (result.status) await this.record(endpointId, result.status);
    const [id] = await this.db.transaction((em) => savePreflightResults(em, [result], { runId: null, reservationId: null, round: 'manual' }));
    return (await resultById(this.db, id))!;
  }
}
