/**
 * The signalling protocol between a browser (or any client) and the meeting bridge, over one
 * WebSocket per participant at SIGNALLING_PATH. Shared, unchanged, by the API's gateway and the
 * guest join page (`@maillage/media/protocol` is the only part of libs/media the web app may import:
 * it is plain TypeScript, no mediasoup, no Node).
 *
 * Frames are JSON text:
 * - client → server: a request `{ id, method, data }`; the server answers each with exactly one
 *   `{ id, ok: true, data }` or `{ id, ok: false, error: { code, message } }`;
 * - server → client: notifications `{ notification, data }`, unsolicited.
 * The first request must be `join` with a signed join token; anything else first is UNAUTHENTICATED.
 *
 * mediasoup's own structures (RTP capabilities and parameters, ICE and DTLS parameters) travel as
 * opaque JSON objects here: the server hands them to mediasoup, which validates them, and the
 * browser hands them to mediasoup-client.
 */

export const SIGNALLING_PATH = '/meet/ws';
/** Larger frames are refused (TOO_LARGE) and the socket is closed: an SDP-sized request is ~10 kB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** An object whose shape mediasoup (server) or mediasoup-client (browser) validates. */
export type MediaJson = Record<string, unknown>;

export type ParticipantRole = 'host' | 'room' | 'guest';
export type MediaSource = 'camera' | 'microphone' | 'screen';
export type TransportDirection = 'send' | 'recv';

export interface PeerInfo {
  peerId: string;
  name: string;
  role: ParticipantRole;
}

export interface ProducerInfo {
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  paused: boolean;
}

export interface TransportOptions {
  transportId: string;
  iceParameters: MediaJson;
  iceCandidates: MediaJson[];
  dtlsParameters: MediaJson;
}

/** What a meeting looks like to a participant at join time and on `meetingState`. */
export interface MeetingSnapshot {
  meetingId: string;
  title: string;
  /** ISO instants: the reservation's start and end, and when the bridge closes (end + grace). */
  startsAt: string;
  endsAt: string;
  closesAt: string;
}

/** Every request: its payload and its answer. */
export interface RequestMap {
  join: {
    request: { token: string };
    response: {
      participant: PeerInfo;
      meeting: MeetingSnapshot;
      routerRtpCapabilities: MediaJson;
      peers: PeerInfo[];
      producers: ProducerInfo[];
    };
  };
  createTransport: { request: { direction: TransportDirection }; response: TransportOptions };
  connectTransport: { request: { transportId: string; dtlsParameters: MediaJson }; response: Record<string, never> };
  produce: {
    request: { transportId: string; kind: 'audio' | 'video'; rtpParameters: MediaJson; source: MediaSource };
    response: { producerId: string };
  };
  /** The consumer is created paused: call `resume` once the client-side consumer exists. */
  consume: {
    request: { transportId: string; producerId: string; rtpCapabilities: MediaJson };
    response: { consumerId: string; producerId: string; peerId: string; kind: 'audio' | 'video'; rtpParameters: MediaJson };
  };
  /** Resumes a consumer (after consume) or one's own producer (unmute). */
  resume: { request: { consumerId?: string; producerId?: string }; response: Record<string, never> };
  /** Pauses a consumer or one's own producer (mute). */
  pause: { request: { consumerId?: string; producerId?: string }; response: Record<string, never> };
  /** Ends one's own producer (e.g. stops sharing a camera). */
  closeProducer: { request: { producerId: string }; response: Record<string, never> };
  leave: { request: Record<string, never>; response: Record<string, never> };
  /**
   * The host (a join link with role `host`) accepts the extension offered by `meetingEndingSoon`:
   * the reservation is extended (same rules as `extendReservation`) and everyone gets `meetingUpdated`.
   */
  extend: { request: Record<string, never>; response: { endsAt: string } };
}

export type RequestMethod = keyof RequestMap;
export const REQUEST_METHODS: readonly RequestMethod[] = [
  'join',
  'createTransport',
  'connectTransport',
  'produce',
  'consume',
  'resume',
  'pause',
  'closeProducer',
  'leave',
  'extend',
];

export type ClientRequest = { [M in RequestMethod]: { id: number; method: M; data: RequestMap[M]['request'] } }[RequestMethod];

/** Why the server refused a request or closed the meeting. Same spirit as the GraphQL error codes. */
export type SignallingErrorCode =
  | 'BAD_REQUEST' // malformed frame or data
  | 'TOO_LARGE' // frame above MAX_MESSAGE_BYTES
  | 'UNAUTHENTICATED' // no join yet, or a token that is tampered, malformed or expired
  | 'FORBIDDEN' // a token for another meeting, or acting on someone else's transport/producer
  | 'NOT_OPEN' // too early: the bridge opens 10 minutes before the start
  | 'ENDED' // too late, cancelled, or closed
  | 'MEETING_FULL'
  | 'RATE_LIMITED'
  | 'NOT_CONNECTED' // produce/consume on a transport that is not connected
  | 'NOT_FOUND' // unknown transport, producer or consumer
  | 'CANNOT_CONSUME' // the client's RTP capabilities cannot receive that producer
  | 'UNAVAILABLE' // the bridge is recovering: wait for `reconnect`
  | 'CONFLICT' // the extension clashes: a room is taken after the meeting
  | 'INTERNAL';

export interface SignallingErrorBody {
  code: SignallingErrorCode;
  message: string;
}

export type ServerResponse =
  | { id: number; ok: true; data: unknown }
  | { id: number | null; ok: false; error: SignallingErrorBody };

/** Unsolicited messages from the server. */
export interface NotificationMap {
  peerJoined: PeerInfo;
  peerLeft: { peerId: string };
  newProducer: ProducerInfo;
  producerClosed: { producerId: string; peerId: string };
  producerPaused: { producerId: string; peerId: string };
  producerResumed: { producerId: string; peerId: string };
  /** The loudest participant (null: silence). */
  activeSpeaker: { peerId: string | null };
  /** Five minutes before the end; `extensionAvailable` when every room of the reservation is free after it. */
  meetingEndingSoon: { endsAt: string; extensionAvailable: boolean; extensionMinutes: number };
  /** The reservation was extended or changed: new times. */
  meetingUpdated: MeetingSnapshot;
  /**
   * The media server behind the meeting failed and the meeting was moved to a new one: drop every
   * transport, producer and consumer, then redo createTransport/connect/produce/consume with the
   * new capabilities. The participant stays joined (no new join).
   */
  reconnect: { reason: string; routerRtpCapabilities: MediaJson; peers: PeerInfo[]; producers: ProducerInfo[] };
  /** The meeting is over for everyone; the server closes the socket after this. */
  meetingClosed: { reason: 'ended' | 'cancelled' | 'closed-by-operator' };
}

export type NotificationName = keyof NotificationMap;
export type ServerNotification = { [N in NotificationName]: { notification: N; data: NotificationMap[N] } }[NotificationName];
export type ServerMessage = ServerResponse | ServerNotification;

export class SignallingError extends Error {
  constructor(
    readonly code: SignallingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignallingError';
  }

  toBody(): SignallingErrorBody {
    return { code: this.code, message: this.message };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function text(data: Record<string, unknown>, key: string, pattern = ID_PATTERN): string {
  const value = data[key];
  if (typeof value !== 'string' || !pattern.test(value)) throw new SignallingError('BAD_REQUEST', `"${key}" must be a valid identifier`);
  return value;
}

function object(data: Record<string, unknown>, key: string): MediaJson {
  const value = data[key];
  if (!isObject(value)) throw new SignallingError('BAD_REQUEST', `"${key}" must be an object`);
  return value;
}

function oneOf<T extends string>(data: Record<string, unknown>, key: string, allowed: readonly T[]): T {
  const value = data[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new SignallingError('BAD_REQUEST', `"${key}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Exactly one of consumerId / producerId. */
function target(data: Record<string, unknown>): { consumerId?: string; producerId?: string } {
  const hasConsumer = data.consumerId !== undefined;
  const hasProducer = data.producerId !== undefined;
  if (hasConsumer === hasProducer) throw new SignallingError('BAD_REQUEST', 'give exactly one of "consumerId" and "producerId"');
  return hasConsumer ? { consumerId: text(data, 'consumerId') } : { producerId: text(data, 'producerId') };
}

const TOKEN_PATTERN = /^[A-Za-z0-9_.-]{16,2048}$/;

/**
 * Parses and validates one client frame. Throws a SignallingError (BAD_REQUEST or TOO_LARGE) for
 * anything that is not a well-formed request; `id` is recovered when possible so the error can be
 * correlated.
 */
export function parseClientRequest(frame: string): ClientRequest {
  if (byteLength(frame) > MAX_MESSAGE_BYTES) throw new SignallingError('TOO_LARGE', `frames are limited to ${MAX_MESSAGE_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    throw new SignallingError('BAD_REQUEST', 'the frame is not JSON');
  }
  if (!isObject(parsed)) throw new SignallingError('BAD_REQUEST', 'a request is a JSON object');
  const { id, method } = parsed;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw new SignallingError('BAD_REQUEST', '"id" must be a non-negative integer');
  if (typeof method !== 'string' || !(REQUEST_METHODS as readonly string[]).includes(method)) {
    throw new SignallingError('BAD_REQUEST', `unknown method; expected one of ${REQUEST_METHODS.join(', ')}`);
  }
  const data = parsed.data ?? {};
  if (!isObject(data)) throw new SignallingError('BAD_REQUEST', '"data" must be an object');
  switch (method as RequestMethod) {
    case 'join':
      return { id, method: 'join', data: { token: text(data, 'token', TOKEN_PATTERN) } };
    case 'createTransport':
      return { id, method: 'createTransport', data: { direction: oneOf(data, 'direction', ['send', 'recv'] as const) } };
    case 'connectTransport':
      return { id, method: 'connectTransport', data: { transportId: text(data, 'transportId'), dtlsParameters: object(data, 'dtlsParameters') } };
    case 'produce':
      return {
        id,
        method: 'produce',
        data: {
          transportId: text(data, 'transportId'),
          kind: oneOf(data, 'kind', ['audio', 'video'] as const),
          rtpParameters: object(data, 'rtpParameters'),
          source: oneOf(data, 'source', ['camera', 'microphone', 'screen'] as const),
        },
      };
    case 'consume':
      return {
        id,
        method: 'consume',
        data: { transportId: text(data, 'transportId'), producerId: text(data, 'producerId'), rtpCapabilities: object(data, 'rtpCapabilities') },
      };
    case 'resume':
      return { id, method: 'resume', data: target(data) };
    case 'pause':
      return { id, method: 'pause', data: target(data) };
    case 'closeProducer':
      return { id, method: 'closeProducer', data: { producerId: text(data, 'producerId') } };
    case 'leave':
      return { id, method: 'leave', data: {} };
    case 'extend':
      return { id, method: 'extend', data: {} };
  }
}

/** The request id of a frame that failed to parse, when it has one (to answer it). */
export function requestIdOf(frame: string): number | null {
  try {
    const parsed: unknown = JSON.parse(frame);
    return isObject(parsed) && typeof parsed.id === 'number' && Number.isSafeInteger(parsed.id) ? parsed.id : null;
  } catch {
    return null;
  }
}

function byteLength(frame: string): number {
  // UTF-8 length without Buffer (the browser shares this file); cheap upper bound first.
  if (frame.length * 3 <= MAX_MESSAGE_BYTES) return frame.length;
  return new TextEncoder().encode(frame).length;
}
