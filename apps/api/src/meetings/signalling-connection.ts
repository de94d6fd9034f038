import type { Logger } from '@nestjs/common';
import type { RawData, WebSocket } from 'ws';
import {
  type ClientRequest,
  MAX_MESSAGE_BYTES,
  type MeetingBridge,
  parseClientRequest,
  requestIdOf,
  type RequestMap,
  type ServerNotification,
  type ServerResponse,
  SignallingError,
  type SignallingErrorCode,
} from '@maillage/media';
import type { JoinClaims } from './join-token';
import type { JoinTokens } from './join-tokens';
import { CLOSE_CODES, type MeetingSessions, type ParticipantSession } from './meeting-sessions';
import type { MeetingsService } from './meetings.service';
import { type KeyedBuckets, TokenBucket } from './rate-limit';
import type { SignallingSettings } from './signalling-settings';

export interface SignallingDeps {
  tokens: JoinTokens;
  meetings: MeetingsService;
  sessions: MeetingSessions;
  settings: SignallingSettings;
  /** Joins per meeting (the burst limiter), shared by every connection. */
  joinBuckets: KeyedBuckets;
  log: Logger;
}

/** Refusals after which the socket is closed: the client must come back with another link. */
const FATAL: ReadonlySet<SignallingErrorCode> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_OPEN', 'ENDED', 'TOO_LARGE']);
/** Requests waiting behind the one running; beyond, RATE_LIMITED (the bucket usually says it first). */
const MAX_QUEUED = 200;

type Answer = { [M in keyof RequestMap]: RequestMap[M]['response'] }[keyof RequestMap];

/**
 * One participant's signalling socket: the first request must be `join` (within the join timeout)
 * with a valid token; then each request is answered in order with `{ ok: true, data }` or a typed
 * `{ ok: false, error }`. Malformed frames, unknown methods, media refusals and rate limits are
 * answered and the socket stays usable; authentication refusals and oversized frames close it.
 */
export class SignallingConnection {
  private session?: ParticipantSession;
  private claims?: JoinClaims;
  private bridge?: MeetingBridge;
  /** Set when the same participant joined from another socket: this one no longer speaks for them. */
  private replaced = false;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly bucket: TokenBucket;
  private readonly joinTimer: NodeJS.Timeout;
  private readonly pingTimer: NodeJS.Timeout;
  private alive = true;

  constructor(
    private readonly ws: WebSocket,
    /** The meeting named in the socket's URL (`?meeting=<id>`), when given: a token for another is FORBIDDEN. */
    private readonly expectedMeetingId: string | undefined,
    private readonly deps: SignallingDeps,
  ) {
    this.bucket = new TokenBucket(deps.settings.burst, deps.settings.ratePerSecond);
    this.joinTimer = setTimeout(() => {
      if (!this.session) this.refuse(null, new SignallingError('UNAUTHENTICATED', `join within ${deps.settings.joinTimeoutMs} ms`), CLOSE_CODES.joinTimeout);
    }, deps.settings.joinTimeoutMs);
    this.pingTimer = setInterval(() => {
      if (!this.alive) return this.ws.terminate();
      this.alive = false;
      this.ws.ping();
    }, deps.settings.pingMs);
    ws.on('pong', () => (this.alive = true));
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => undefined); // 'close' follows
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    this.alive = true;
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (bytes.length > MAX_MESSAGE_BYTES) {
      this.refuse(null, new SignallingError('TOO_LARGE', `frames are limited to ${MAX_MESSAGE_BYTES} bytes`), CLOSE_CODES.tooLarge);
      return;
    }
    if (isBinary) return this.answerError(null, new SignallingError('BAD_REQUEST', 'binary frames are not accepted: send JSON text'));
    const frame = bytes.toString('utf8');
    if (!this.bucket.take() || this.queued >= MAX_QUEUED) return this.answerError(requestIdOf(frame), new SignallingError('RATE_LIMITED', 'too many requests: slow down'));
    let request: ClientRequest;
    try {
      request = parseClientRequest(frame);
    } catch (error) {
      return this.answerError(requestIdOf(frame), error instanceof SignallingError ? error : new SignallingError('BAD_REQUEST', 'malformed request'));
    }
    this.queued++;
    this.queue = this.queue.then(async () => {
      this.queued--;
      if (this.closed) return;
      try {
        const data = await this.handle(request);
        this.send({ id: request.id, ok: true, data });
        if (request.method === 'leave') this.close(CLOSE_CODES.left, 'left');
      } catch (error) {
        const typed = error instanceof SignallingError ? error : this.internal(request, error);
        if (FATAL.has(typed.code) && !this.session) this.refuse(request.id, typed, CLOSE_CODES.refused);
        else this.answerError(request.id, typed);
      }
    });
  }

  private async handle(request: ClientRequest): Promise<Answer> {
    if (request.method === 'join') {
      if (this.session) throw new SignallingError('BAD_REQUEST', 'already joined');
      return this.join(request.data.token);
    }
    if (!this.session || !this.claims) throw new SignallingError('UNAUTHENTICATED', 'join first');
    if (this.replaced) throw new SignallingError('FORBIDDEN', 'you joined this meeting from another connection');
    const bridge = this.bridge!;
    if (bridge.isClosed) throw new SignallingError('ENDED', 'this meeting is over');
    const peerId = this.claims.participantId;
    switch (request.method) {
      case 'createTransport':
        return bridge.createWebRtcTransport(peerId, request.data.direction);
      case 'connectTransport':
        await bridge.connectTransport(peerId, request.data.transportId, request.data.dtlsParameters);
        return {};
      case 'produce':
        return bridge.produce(peerId, request.data);
      case 'consume':
        return bridge.consume(peerId, request.data);
      case 'resume':
        await bridge.resume(peerId, request.data);
        return {};
      case 'pause':
        await bridge.pause(peerId, request.data);
        return {};
      case 'closeProducer':
        bridge.closeProducer(peerId, request.data.producerId);
        return {};
      case 'extend':
        return this.deps.meetings.extendByHost(this.claims);
      case 'leave': {
        const session = this.session;
        this.session = undefined;
        bridge.leave(peerId);
        await this.deps.sessions.left(session, 'left');
        return {};
      }
    }
  }

  private async join(token: string): Promise<RequestMap['join']['response']> {
    const claims = this.deps.tokens.read(token);
    if (this.expectedMeetingId !== undefined && this.expectedMeetingId !== claims.meetingId) throw new SignallingError('FORBIDDEN', 'this join link is for another meeting');
    if (!this.deps.joinBuckets.take(claims.meetingId)) throw new SignallingError('RATE_LIMITED', 'too many people are joining this meeting at once: try again in a second');
    const { bridge, pointIds } = await this.deps.meetings.admit(claims, token);
    if (this.closed) throw new SignallingError('BAD_REQUEST', 'the connection closed while joining');
    const peer = { peerId: claims.participantId, name: claims.name, role: claims.role };
    bridge.join(peer, (n) => this.notify(n), () => (this.replaced = true));
    this.claims = claims;
    this.bridge = bridge;
    clearTimeout(this.joinTimer);
    try {
      this.session = await this.deps.sessions.joined(claims.meetingId, peer, pointIds, (code, reason) => {
        this.session = undefined;
        this.close(code, reason);
      });
    } catch (error) {
      if (!this.replaced) bridge.leave(peer.peerId);
      throw error;
    }
    return {
      participant: peer,
      meeting: bridge.meeting,
      routerRtpCapabilities: bridge.routerRtpCapabilities(),
      peers: bridge.peers().filter((p) => p.peerId !== peer.peerId),
      producers: bridge.producers().filter((p) => p.peerId !== peer.peerId),
    };
  }

  private onClose(): void {
    this.closed = true;
    this.stopTimers();
    // After the request running now (a join may be writing its attendance).
    this.queue = this.queue.then(() => this.leaveOnClose());
  }

  private async leaveOnClose(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    if (!this.replaced && this.bridge && !this.bridge.isClosed) this.bridge.leave(session.peer.peerId);
    await this.deps.sessions.left(session, 'disconnected');
  }

  private stopTimers(): void {
    clearTimeout(this.joinTimer);
    clearInterval(this.pingTimer);
  }

  private notify(notification: ServerNotification): void {
    this.send(notification);
  }

  private send(message: ServerResponse | ServerNotification): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  private answerError(id: number | null, error: SignallingError): void {
    this.send({ id, ok: false, error: error.toBody() });
  }

  /** Answers, then closes: the client must not reuse this socket. */
  private refuse(id: number | null, error: SignallingError, code: number): void {
    this.answerError(id, error);
    this.close(code, error.code);
  }

  private close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    this.ws.close(code, reason.slice(0, 120));
  }

  private internal(request: ClientRequest, error: unknown): SignallingError {
    this.deps.log.error(`signalling ${request.method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return new SignallingError('INTERNAL', 'the server could not handle this request');
  }
}
