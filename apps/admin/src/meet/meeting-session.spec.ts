// MeetingSession against a scripted signalling server, with mediasoup-client's FakeHandler in place of
// the browser's WebRTC: the order of requests on join, what a `reconnect` redoes (and that it does not
// join again), mute states, the end of the meeting, and a rejoin after a dropped connection. The real
// thing, with Chromium and a mediasoup worker, is in apps/api/test/browser/meeting-*.e2e.spec.ts.
import { Device, FakeHandler, testFakeParameters } from 'mediasoup-client';
import { cameraCodec, MeetingSession, type SessionState } from './meeting-session';
import type { ProducerInfo } from './protocol';
import type { SocketLike } from './signalling-client';

type Frame = { id: number; method: string; data: Record<string, unknown> };
type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const YANN = { peerId: 'peer-yann', name: 'Yann Le Goff', role: 'guest' as const };
const producersOfYann = (suffix = ''): ProducerInfo[] => [
  { producerId: `yann-mic${suffix}`, peerId: YANN.peerId, kind: 'audio', source: 'microphone', paused: false },
  { producerId: `yann-cam${suffix}`, peerId: YANN.peerId, kind: 'video', source: 'camera', paused: false },
];

/** A signalling server in the test: answers every request from a script, records them, pushes notifications. */
class ScriptedServer {
  frames: Frame[] = [];
  sockets: FakeServerSocket[] = [];
  joinAnswer: () => Answer = () => ({
    ok: true,
    data: {
      participant: { peerId: 'peer-camille', name: 'Camille Martin', role: 'guest' },
      meeting: { meetingId: 'm1', title: 'Comité', startsAt: '2026-12-02T13:00:00Z', endsAt: '2026-12-02T14:00:00Z', closesAt: '2026-12-02T14:05:00Z' },
      routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
      peers: [YANN],
      producers: producersOfYann(),
    },
  });
  private transports = 0;
  private producers = 0;

  answer(frame: Frame): Answer {
    switch (frame.method) {
      case 'join':
        return this.joinAnswer();
      case 'createTransport': {
        const remote = testFakeParameters.generateTransportRemoteParameters();
        return { ok: true, data: { transportId: `t${++this.transports}`, iceParameters: remote.iceParameters, iceCandidates: remote.iceCandidates, dtlsParameters: remote.dtlsParameters } };
      }
      case 'produce':
        return { ok: true, data: { producerId: `mine${++this.producers}` } };
      case 'consume': {
        const producerId = String(frame.data.producerId);
        const kind = producerId.includes('mic') ? 'audio' : 'video';
        const remote = testFakeParameters.generateConsumerRemoteParameters({ codecMimeType: kind === 'audio' ? 'audio/opus' : 'video/VP8' });
        return { ok: true, data: { consumerId: `c-${producerId}`, producerId, peerId: YANN.peerId, kind, rtpParameters: remote.rtpParameters } };
      }
      default:
        return { ok: true, data: {} };
    }
  }

  get socket(): FakeServerSocket {
    return this.sockets[this.sockets.length - 1]!;
  }

  methods(from = 0): string[] {
    return this.frames.slice(from).map((f) => f.method);
  }
}

class FakeServerSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(private readonly server: ScriptedServer) {
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.({});
    }, 0);
  }
  send(text: string) {
    const frame = JSON.parse(text) as Frame;
    this.server.frames.push(frame);
    const answer = this.server.answer(frame);
    setTimeout(() => this.onmessage?.({ data: JSON.stringify({ id: frame.id, ...answer }) }), 0);
  }
  notify(notification: string, data: unknown) {
    this.onmessage?.({ data: JSON.stringify({ notification, data }) });
  }
  close() {
    this.readyState = 3;
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

/** Enough of a MediaStreamTrack for FakeHandler. */
function fakeTrack(kind: 'audio' | 'video'): MediaStreamTrack {
  return { id: `local-${kind}`, kind, enabled: true, readyState: 'live', muted: false, addEventListener() {}, removeEventListener() {}, stop() {}, clone() { return this; } } as unknown as MediaStreamTrack;
}

function newSession(server: ScriptedServer) {
  return new MeetingSession({
    token: 'a-valid-looking-token',
    url: 'ws://127.0.0.1/meet/ws',
    socketFactory: () => {
      const socket = new FakeServerSocket(server);
      server.sockets.push(socket);
      return socket;
    },
    deviceFactory: () => new Device({ handlerFactory: FakeHandler.createFactory(testFakeParameters) }),
    statsIntervalMs: 60_000,
  });
}

async function until(session: MeetingSession, accept: (s: SessionState) => boolean, timeoutMs = 3000): Promise<SessionState> {
  const deadline = Date.now() + timeoutMs;
  while (!accept(session.getState())) {
    if (Date.now() > deadline) throw new Error(`state not reached: ${JSON.stringify({ ...session.getState(), participants: session.getState().participants.map((p) => p.peerId) })}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return session.getState();
}

const tracksOf = (state: SessionState) => state.participants.map((p) => ({ peerId: p.peerId, audio: !!p.audio, video: !!p.video, audioMuted: p.audioMuted }));

describe('a participant’s meeting session', () => {
  it('joins, sends the microphone and the camera in three simulcast layers, then receives who is already there', async () => {
    const server = new ScriptedServer();
    const session = newSession(server);
    await session.join({ audio: fakeTrack('audio'), video: fakeTrack('video') });
    const state = await until(session, (s) => s.phase === 'joined' && s.participants[0]?.video !== undefined);
    expect(state.me?.name).toBe('Camille Martin');
    expect(server.methods()).toEqual(['join', 'createTransport', 'connectTransport', 'produce', 'produce', 'createTransport', 'consume', 'connectTransport', 'resume', 'consume', 'resume']);
    const [mic, camera] = server.frames.filter((f) => f.method === 'produce');
    expect([mic!.data.source, camera!.data.source]).toEqual(['microphone', 'camera']);
    expect((camera!.data.rtpParameters as { encodings: unknown[] }).encodings).toHaveLength(3);
    expect(tracksOf(state)).toEqual([{ peerId: YANN.peerId, audio: true, video: true, audioMuted: false }]);
    await session.leave();
    expect(server.methods().at(-1)).toBe('leave');
    expect(session.getState().phase).toBe('left');
  });

  it('on `reconnect` rebuilds transports, produces and consumes again, without joining again', async () => {
    const server = new ScriptedServer();
    const session = newSession(server);
    await session.join({ audio: fakeTrack('audio'), video: fakeTrack('video') });
    await until(session, (s) => s.phase === 'joined' && s.participants[0]?.video !== undefined);
    const before = server.frames.length;
    server.socket.notify('reconnect', { reason: 'worker died', routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(), peers: [YANN], producers: producersOfYann('-2') });
    const state = await until(session, (s) => s.phase === 'joined' && s.reconnects === 1 && s.participants[0]?.video !== undefined);
    expect(server.methods(before)).toEqual(['createTransport', 'connectTransport', 'produce', 'produce', 'createTransport', 'consume', 'connectTransport', 'resume', 'consume', 'resume']);
    expect(server.frames.slice(before).filter((f) => f.method === 'consume').map((f) => f.data.producerId)).toEqual(['yann-mic-2', 'yann-cam-2']);
    expect(server.frames.slice(before).filter((f) => f.method === 'createTransport' || f.method === 'consume').every((f) => !['t1', 't2'].includes(String(f.data.transportId)))).toBe(true);
    expect(server.sockets).toHaveLength(1);
    expect(tracksOf(state)).toEqual([{ peerId: YANN.peerId, audio: true, video: true, audioMuted: false }]);
    await session.leave();
  });

  it('consumes a producer announced during the recovery once, not twice', async () => {
    const server = new ScriptedServer();
    const session = newSession(server);
    await session.join({ audio: fakeTrack('audio') });
    await until(session, (s) => s.phase === 'joined' && s.participants[0]?.video !== undefined);
    const before = server.frames.length;
    server.socket.notify('reconnect', { reason: 'worker died', routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(), peers: [YANN], producers: producersOfYann('-2') });
    server.socket.notify('newProducer', producersOfYann('-2')[1]);
    await until(session, (s) => s.phase === 'joined' && s.reconnects === 1 && s.participants[0]?.video !== undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.frames.slice(before).filter((f) => f.method === 'consume').map((f) => f.data.producerId)).toEqual(['yann-mic-2', 'yann-cam-2']);
    await session.leave();
  });

  it('shows a remote microphone muted and unmuted, and mutes its own through the server', async () => {
    const server = new ScriptedServer();
    const session = newSession(server);
    await session.join({ audio: fakeTrack('audio'), video: fakeTrack('video') });
    await until(session, (s) => s.phase === 'joined' && s.participants[0]?.audio !== undefined);
    server.socket.notify('producerPaused', { producerId: 'yann-mic', peerId: YANN.peerId });
    expect(session.getState().participants[0]?.audioMuted).toBe(true);
    server.socket.notify('producerResumed', { producerId: 'yann-mic', peerId: YANN.peerId });
    expect(session.getState().participants[0]?.audioMuted).toBe(false);
    await session.setMicMuted(true);
    expect(server.frames.at(-1)).toMatchObject({ method: 'pause', data: { producerId: 'mine1' } });
    expect(session.getState().micMuted).toBe(true);
    await session.leave();
  });

  it('ends on meetingClosed with its reason, and does not try to come back', async () => {
    const server = new ScriptedServer();
    const session = newSession(server);
    await session.join({});
    await until(session, (s) => s.phase === 'joined');
    server.socket.notify('meetingEndingSoon', { endsAt: '2026-12-02T14:00:00Z', extensionAvailable: true, extensionMinutes: 30 });
    expect(session.getState().endingSoon?.extensionAvailable).toBe(true);
    server.socket.notify('meetingClosed', { reason: 'closed-by-operator' });
    server.socket.drop();
    await new Promise((r) => setTimeout(r, 50));
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'closed-by-operator', participants: [] });
    expect(server.sockets).toHaveLength(1);
  });

  it('joins again with the same token when the connection drops without meetingClosed', async () => {
    const server = new ScriptedServer();
    const session = newSession(server);
    await session.join({ audio: fakeTrack('audio') });
    await until(session, (s) => s.phase === 'joined' && s.participants.length === 1);
    server.socket.drop();
    expect(session.getState().phase).toBe('reconnecting');
    const state = await until(session, (s) => s.phase === 'joined' && s.reconnects === 1 && s.participants[0]?.video !== undefined, 4000);
    expect(server.sockets).toHaveLength(2);
    expect(server.methods().filter((m) => m === 'join')).toHaveLength(2);
    expect(tracksOf(state)).toHaveLength(1);
    await session.leave();
  });

  it('fails with the server’s reason when the join is refused', async () => {
    const server = new ScriptedServer();
    server.joinAnswer = () => ({ ok: false, error: { code: 'ENDED', message: 'the meeting is over' } });
    const session = newSession(server);
    await session.join({ audio: fakeTrack('audio') });
    expect(session.getState()).toMatchObject({ phase: 'failed', error: 'ENDED' });
  });
});

// The browser's own choice is proved with real Chromium (apps/api/test/sip/…two-browser-guests… spec: video/H264, three layers).
describe('the camera codec', () => {
  let payloadType = 100;
  const codec = (mimeType: string, parameters: Record<string, unknown> = {}) => ({ kind: 'video' as const, mimeType, preferredPayloadType: payloadType++, clockRate: 90000, parameters });
  it('is H.264 constrained baseline, packetization-mode 1, when the browser and the router share it; else the router’s first (VP8)', () => {
    const h264 = codec('video/H264', { 'packetization-mode': 1, 'profile-level-id': '42e01f' });
    expect(cameraCodec({ rtpCapabilities: { codecs: [codec('video/VP8'), h264] } })).toBe(h264);
    expect(cameraCodec({ rtpCapabilities: { codecs: [codec('video/VP8'), codec('video/H264', { 'packetization-mode': 0, 'profile-level-id': '42e01f' })] } })).toBeUndefined();
    expect(cameraCodec({ rtpCapabilities: { codecs: [codec('video/VP8')] } })).toBeUndefined();
  });
});
