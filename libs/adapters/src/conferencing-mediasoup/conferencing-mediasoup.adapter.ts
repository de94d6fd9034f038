/**
 * The built-in conferencing adapter: every reservation gets its own bridge on the platform's
 * mediasoup media server, joined from a browser link. It holds no media itself: it reaches the
 * bridge through the host capability `context.bridges` (BridgeHost), exactly as a vendor adapter
 * would reach its cloud through `context.http`. Copy this folder to plug another bridge.
 */
import { DomainError } from '@maillage/core';
import type { AdapterContext, AdapterDefinition, AdapterHealth, AdapterManifest, BridgeHost, ConferencingAdapter, JoinInfo, MeetingCloseReason } from '@maillage/core';

export type MediasoupConferencingConfig = {
  /**
   * Public origin prefixed to join links, e.g. https://visio.maillage.example; without it links
   * are relative (`/rejoindre/<token>`), for the web app served by the API itself.
   */
  joinBaseUrl?: string;
};

export const CONFERENCING_MEDIASOUP_MANIFEST: AdapterManifest = {
  id: 'mediasoup',
  kind: 'conferencing',
  version: '1.0.0',
  displayName: 'Pont intégré (mediasoup)',
  capabilities: ['browser-join', 'join-links', 'simulcast', 'active-speaker', 'plain-rtp'],
  configSchema: {
    type: 'object',
    properties: {
      joinBaseUrl: { type: 'string', format: 'uri', maxLength: 200, title: 'Adresse publique des liens', description: 'p. ex. https://visio.maillage.example (sinon liens relatifs)' },
    },
    additionalProperties: false,
  },
  subscribes: [],
};

const ROLES = ['room', 'guest', 'host'] as const;

export class MediasoupConferencingAdapter implements ConferencingAdapter {
  private state: 'created' | 'ready' | 'disposed' = 'created';

  constructor(private readonly context: AdapterContext<MediasoupConferencingConfig>) {}

  async init(): Promise<void> {
    if (this.state === 'disposed') throw new DomainError('CONFLICT', 'mediasoup: instance disposed, create a new one');
    this.state = 'ready';
  }

  async dispose(): Promise<void> {
    this.state = 'disposed';
  }

  async health(): Promise<AdapterHealth> {
    if (this.state !== 'ready') return { status: 'down', detail: `instance ${this.state}` };
    if (!this.context.bridges) return { status: 'down', detail: 'this host offers no built-in bridge (context.bridges)' };
    return { status: 'up' };
  }

  async openBridge(meeting: { reservationId: string; start: string; end: string }): Promise<{ bridgeId: string }> {
    return this.host().open({ reservationId: meeting.reservationId, start: meeting.start, end: meeting.end });
  }

  async closeBridge(bridgeId: string, reason: MeetingCloseReason = 'ended'): Promise<void> {
    await this.host().close(bridgeId, reason);
  }

  async joinInfo(bridgeId: string, participant: { name: string; role: 'room' | 'guest' | 'host' }): Promise<JoinInfo> {
    const name = typeof participant?.name === 'string' ? participant.name.trim() : '';
    if (!name) throw new DomainError('BAD_USER_INPUT', 'mediasoup: a participant needs a name', { field: ['name'], messageFr: 'Indiquez un nom' });
    if (!ROLES.includes(participant.role)) throw new DomainError('BAD_USER_INPUT', `mediasoup: unknown role ${String(participant.role)}`, { field: ['role'] });
    const info = await this.host().issueJoinLink(bridgeId, { name, role: participant.role });
    const base = this.context.config.joinBaseUrl?.replace(/\/+$/, '');
    return base && info.url.startsWith('/') ? { ...info, url: `${base}${info.url}` } : info;
  }

  private host(): BridgeHost {
    if (this.state !== 'ready') throw new DomainError('CONFLICT', `mediasoup: instance ${this.state}`);
    const bridges = this.context.bridges;
    if (!bridges) throw new DomainError('CONFLICT', 'mediasoup: this host offers no built-in bridge');
    return bridges;
  }
}

export const conferencingMediasoupAdapter: AdapterDefinition<MediasoupConferencingConfig, MediasoupConferencingAdapter> = {
  manifest: CONFERENCING_MEDIASOUP_MANIFEST,
  create: (context) => new MediasoupConferencingAdapter(context),
};
