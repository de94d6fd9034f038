import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AdapterContext, SipUserAgent } from '@maillage/core';
import { sipDrachtioAdapter, sipDrachtioConfigFromUrl, type SipDrachtioAdapter, type SipDrachtioConfig } from '@maillage/adapters';
import { AdapterHost } from '../adapters/adapter-host';
import type { ApiConfig } from '../config';
import { meetingSipAddress, SIP_SETTINGS } from './sip-address';
import { SipMeetings } from './sip-meetings';

export { SIP_SETTINGS } from './sip-address';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The SIP gateway of this process (issue 11, ADR 0012): with DRACHTIO_URL (set by `npm start`) the
 * sip-drachtio adapter runs over the drachtio-server it names, with the meetings as its host
 * capability (SipMeetings), so room systems dial `sip:<reservation reference>@<SIP_DOMAIN>`.
 * Without DRACHTIO_URL there is no SIP (said once at start). The adapter keeps reconnecting to
 * drachtio by itself; it gets no `bridges`: the meetings' lifecycle stays with MeetingsService, and
 * closing a meeting hangs its calls up through the participants' sessions.
 */
@Injectable()
export class SipGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SipGateway');
  private adapter?: SipDrachtioAdapter;

  constructor(
    @Inject(SIP_SETTINGS) private readonly settings: ApiConfig['sip'],
    private readonly meetings: SipMeetings,
    host: AdapterHost,
  ) {
    // Room-system drivers (endpoint-sip) reach SIP through this gateway's user agent, when it runs.
    host.sipAgent = () => this.agent;
  }

  /** Whether room systems can dial meetings in this process. */
  get enabled(): boolean {
    return this.adapter !== undefined;
  }

  /** The SIP user agent (dial-out, OPTIONS) when this process runs the gateway. */
  get agent(): SipUserAgent | undefined {
    return this.adapter;
  }

  /** The meeting's SIP address for a reservation reference; null without SIP. */
  sipUri(reference: string): string | null {
    return this.enabled ? meetingSipAddress(this.settings, reference) : null;
  }

  /** Whether a SIP participant's room system holds the call now (re-INVITE a=sendonly/inactive). */
  onHold(participantId: string): boolean {
    return this.meetings.onHold(participantId);
  }

  /** Whether the gateway is connected to drachtio now (its health is up): calls can be placed. */
  async up(): Promise<boolean> {
    return (await this.adapter?.health().catch(() => undefined))?.status === 'up';
  }

  /** Live calls (monitoring, tests). */
  activeCalls(): { callId: string; meetingId: string; answered: boolean }[] {
    return this.adapter?.activeCalls() ?? [];
  }

  async onApplicationBootstrap(): Promise<void> {
    const url = this.settings.drachtioUrl;
    if (!url) {
      this.log.log('SIP: DRACHTIO_URL unset, room systems cannot dial meetings (npm start sets it)');
      return;
    }
    const { config, secrets } = sipDrachtioConfigFromUrl(url, this.settings.domain);
    const logger = new Logger('adapter:sip-drachtio');
    const format = (text: string, data?: Record<string, unknown>) => (data ? `${text} ${JSON.stringify(data)}` : text);
    const context: AdapterContext<SipDrachtioConfig> = {
      config,
      secrets: { get: (name) => (secrets as Record<string, string>)[name] },
      logger: { info: (m, d) => logger.log(format(m, d)), warn: (m, d) => logger.warn(format(m, d)), error: (m, d) => logger.error(format(m, d)) },
      clock: { now: () => Date.now() },
      http: { fetch: () => Promise.reject(new Error('the SIP gateway makes no http call')) },
      publish: () => Promise.reject(new Error('the SIP gateway publishes nothing')),
      sip: this.meetings,
    };
    const adapter = sipDrachtioAdapter.create(context);
    this.adapter = adapter;
    this.meetings.hangUp = (callId, reason) => adapter.hangUpCall(callId, reason);
    try {
      await adapter.init();
      this.log.log(`SIP: meetings answer at sip:<reference>@${config.sipDomain} (drachtio ${config.drachtioHost}:${config.drachtioPort})`);
    } catch (error) {
      this.log.error(`SIP: the gateway did not start: ${message(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const adapter = this.adapter;
    this.adapter = undefined;
    this.meetings.hangUp = undefined;
    await adapter?.dispose().catch((error: unknown) => this.log.warn(`SIP: dispose failed: ${message(error)}`));
  }
}
