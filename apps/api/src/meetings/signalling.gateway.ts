import type { IncomingMessage } from 'node:http';
import { Inject, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import { SIGNALLING_PATH } from '@maillage/media';
import { JoinTokens } from './join-tokens';
import { MeetingSessions } from './meeting-sessions';
import { MeetingsService } from './meetings.service';
import { KeyedBuckets } from './rate-limit';
import { SignallingConnection, type SignallingDeps } from './signalling-connection';
import { MAX_PAYLOAD, signallingSettings } from './signalling-settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The meetings' signalling WebSocket at SIGNALLING_PATH (`@maillage/media/protocol`), on the API's
 * HTTP server next to graphql-ws (see SignallingWsAdapter). One SignallingConnection per socket.
 */
@WebSocketGateway({ path: SIGNALLING_PATH, maxPayload: MAX_PAYLOAD, perMessageDeflate: false })
export class SignallingGateway implements OnGatewayConnection, BeforeApplicationShutdown {
  private readonly deps: SignallingDeps;

  constructor(
    @Inject(JoinTokens) tokens: JoinTokens,
    meetings: MeetingsService,
    private readonly sessions: MeetingSessions,
  ) {
    const settings = signallingSettings();
    this.deps = { tokens, meetings, sessions, settings, joinBuckets: new KeyedBuckets(settings.joinBurst, settings.joinRatePerSecond), log: new Logger('Signalling') };
  }

  handleConnection(ws: WebSocket, request: IncomingMessage): void {
    const meeting = new URL(request.url ?? '/', 'ws://localhost').searchParams.get('meeting') ?? undefined;
    new SignallingConnection(ws, meeting !== undefined && UUID.test(meeting) ? meeting.toLowerCase() : meeting, this.deps);
  }

  /** The process stops: every participant's attendance ends (server-stopped) before the sockets go. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sessions.endAll('server-stopped');
  }
}
