import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type DomainEvent, driverCallFailureCause, runContained } from '@maillage/core';
import { AdapterHost } from '../adapters/adapter-host';
import { DurableSubscribers, type DurableHandler, type SubscriberSource } from '../events/durable-subscribers';
import { OutboxRelay } from '../events/outbox-relay';
import { IncidentsService } from '../incidents/incidents.service';
import { SipGateway } from '../sip/sip-gateway';
import { PreflightSettings } from './preflight-settings';

const SUBSCRIBER = 'room-systems:dial-in';

/** The meeting's address for room systems from MEETING_SIP_URI_TEMPLATE ({reference}, {reservationId}); null without a template. */
export function meetingSipUri(template: string | null, reservation: { id: string; reference: string }): string | null {
  if (!template) return null;
  return template.replace(/\{reference\}/g, reservation.reference.toLowerCase()).replace(/\{reservationId\}/g, reservation.id);
}

/**
 * When a meeting opens (T-10, `meeting.opened`), every room system of its rooms with a driver leaves
 * standby and, when the meeting has an address for room systems (MEETING_SIP_URI_TEMPLATE, else
 * the API's own SIP gateway's `sip:<reference>@SIP_DOMAIN` when DRACHTIO_URL is set: issue 11),
 * dials it: nobody in the room needs the remote. A durable subscriber (at least once, retried);
 * each room system acts once per meeting (`handled_event`), and a system that fails opens an
 * `endpoint.dial-in-failed` incident instead of blocking the others.
 */
@Injectable()
export class MeetingDialIn implements SubscriberSource, OnModuleInit {
  private readonly log = new Logger('DialIn');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscribers: DurableSubscribers,
    private readonly host: AdapterHost,
    private readonly relay: OutboxRelay,
    private readonly settings: PreflightSettings,
    private readonly incidents: IncidentsService,
    private readonly sip: SipGateway,
  ) {}

  onModuleInit(): void {
    this.subscribers.addSource(this);
  }

  owns(subscriber: string): boolean {
    return subscriber === SUBSCRIBER;
  }

  async route(events: readonly DomainEvent[], em: EntityManager): Promise<string[][]> {
    const opened = events.filter((e) => e.name === 'meeting.opened').map((e) => (e as DomainEvent<'meeting.opened'>).payload.reservationId);
    if (!opened.length) return events.map(() => []);
    const rows: { reservation_id: string }[] = await em.query(
      `SELECT DISTINCT s.reservation_id FROM room_slot s JOIN endpoint e ON e.room_id = s.room_id WHERE s.reservation_id = ANY($1::uuid[]) AND e.adapter_id IS NOT NULL`,
      [opened],
    );
    const withSystems = new Set(rows.map((r) => r.reservation_id));
    return events.map((e) => (e.name === 'meeting.opened' && withSystems.has((e as DomainEvent<'meeting.opened'>).payload.reservationId) ? [SUBSCRIBER] : []));
  }

  resolve(): DurableHandler {
    return { kind: 'external', handle: (event) => this.handle(event as DomainEvent<'meeting.opened'>) };
  }

  private async handle(event: DomainEvent<'meeting.opened'>): Promise<void> {
    const { reservationId } = event.payload;
    const systems: { id: string; reference: string; endpoint_id: string; name: string; adapter_id: string }[] = await this.db.query(
      `SELECT r.id, r.reference, e.id AS endpoint_id, e.name, e.adapter_id FROM reservation r JOIN room_slot s ON s.reservation_id = r.id JOIN endpoint e ON e.room_id = s.room_id
        WHERE r.id = $1 AND e.adapter_id IS NOT NULL ORDER BY e.name, e.id`,
      [reservationId],
    );
    await Promise.all(systems.map((s) => this.dialIn(event, s)));
  }

  private async dialIn(event: DomainEvent<'meeting.opened'>, s: { id: string; reference: string; endpoint_id: string; name: string; adapter_id: string }): Promise<void> {
    const key = `${event.idempotencyKey}:${s.endpoint_id}`;
    const [done] = await this.db.query(`SELECT 1 FROM handled_event WHERE subscriber = $1 AND idempotency_key = $2`, [SUBSCRIBER, key]);
    if (done) return;
    const loaded = await this.host.endpoint(s.endpoint_id);
    if (!loaded || !(await this.host.ensureEndpointReady(loaded))) return;
    const driver = loaded.instance;
    const limit = Math.max(1000, Math.floor(this.relay.settings.callTimeoutMs / 2));
    // MEETING_SIP_URI_TEMPLATE first (another gateway's address), else this API's own SIP address when it runs one.
    const uri = meetingSipUri(this.settings.dialInUriTemplate, s) ?? this.sip.sipUri(s.reference);
    const woken = await runContained(() => driver.wake(), limit, `${s.adapter_id}.wake`);
    // A dial may ring (endpoint-sip: the meeting calls the room system and waits for its answer): as long as a test call may take to connect.
    const dialLimit = Math.max(limit, this.settings.callConnectMs);
    const dialled = woken.ok && uri && loaded.definition.manifest.capabilities.includes('dial') ? await runContained(() => driver.dial(uri), dialLimit, `${s.adapter_id}.dial`) : null;
    const failure = !woken.ok ? woken.failure : dialled && !dialled.ok ? dialled.failure : null;
    await this.db.query(`INSERT INTO handled_event (subscriber, idempotency_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [SUBSCRIBER, key]);
    if (!failure) {
      this.log.log(`${s.name}: ${uri ? `dialled ${uri}` : 'woken (no meeting address for room systems)'}`);
      return;
    }
    await this.incidents.report({
      kind: 'endpoint.dial-in-failed',
      severity: 'failure',
      source: s.adapter_id,
      cause: driverCallFailureCause(failure),
      detail: `${s.name}: ${failure.message}`,
      reservationId: s.id,
      endpointId: s.endpoint_id,
      dedupeKey: `endpoint.dial-in-failed:${s.id}:${s.endpoint_id}`,
    });
  }
}
