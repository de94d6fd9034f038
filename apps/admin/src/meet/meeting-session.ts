// One participant's session in a meeting: the signalling connection, the mediasoup-client Device, a
// send and a receive transport, our producers (microphone; camera with three simulcast layers) and a
// consumer per remote producer. React reads its state through subscribe/getState
// (useSyncExternalStore); the page owns the local camera and microphone tracks.
//
// Media operations (setting up, consuming, reconnecting) run one at a time through a queue, and each
// belongs to a "generation": a `reconnect` from the server (the media worker died and the meeting
// moved to a new one) starts a new generation, drops the old transports without touching the local
// tracks, and produces and consumes again; whatever the old generation still had in flight is ignored.
import { Device, type types } from 'mediasoup-client';
import { classifyQuality, sampleFromStats, type Quality, type ReceiveCounters, type StatsEntry } from './quality';
import type { MediaJson, MediaSource, MeetingSnapshot, NotificationMap, PeerInfo, ProducerInfo, TransportOptions } from './protocol';
import { SignallingClient, SignallingRequestError, type ClientErrorCode, type SignallingClientOptions } from './signalling-client';

/** Camera simulcast: 1/4, 1/2 and full resolution; the server forwards the layer each receiver can take. */
export const CAMERA_ENCODINGS: types.RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

/**
 * The camera's codec: H.264 constrained baseline (packetization-mode 1) when the browser can send it,
 * else the router's first (VP8). Room systems joining over SIP decode H.264, not VP8, and mediasoup
 * forwards without transcoding: a browser camera in H.264 reaches them as it is (issue 11).
 */
export function cameraCodec(device: Pick<Device, 'rtpCapabilities'>): types.RtpCodecCapability | undefined {
  return device.rtpCapabilities.codecs?.find(
    (codec) => codec.mimeType.toLowerCase() === 'video/h264' && Number(codec.parameters?.['packetization-mode']) === 1 && String(codec.parameters?.['profile-level-id']).toLowerCase() === '42e01f',
  );
}

export type SessionPhase = 'idle' | 'joining' | 'joined' | 'reconnecting' | 'left' | 'closed' | 'failed';
export type ClosedReason = NotificationMap['meetingClosed']['reason'];

export interface Participant extends PeerInfo {
  audio?: MediaStreamTrack;
  video?: MediaStreamTrack;
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface SessionState {
  phase: SessionPhase;
  me?: PeerInfo;
  meeting?: MeetingSnapshot;
  /** The others, in the order they joined. */
  participants: Participant[];
  activeSpeaker: string | null;
  micMuted: boolean;
  cameraOff: boolean;
  endingSoon?: NotificationMap['meetingEndingSoon'];
  closedReason?: ClosedReason;
  /** Why joining or the connection failed. */
  error?: ClientErrorCode;
  quality: Quality;
  rttMs?: number;
  lossPercent?: number;
  /** Media recoveries after a `reconnect` from the server, and rejoins after a lost connection. */
  reconnects: number;
}

/** What `window.__maillageStats()` returns: the browser tests and the benchmark read it. */
export interface MeetingStats {
  phase: SessionPhase;
  participantId?: string;
  reconnects: number;
  quality: Quality;
  rttMs?: number;
  lossPercent?: number;
  /** `codec`: the consumer's mime type (e.g. video/H264); `samplesReceived`: audio samples decoded (totalSamplesReceived). */
  inbound: { peerId: string; kind: 'audio' | 'video'; codec: string; framesDecoded: number; packetsReceived: number; bytesReceived: number; samplesReceived: number }[];
  outbound: { source: MediaSource; kind: 'audio' | 'video'; codec: string; packetsSent: number; bytesSent: number; layers: number }[];
}

export interface LocalTracks {
  audio?: MediaStreamTrack;
  video?: MediaStreamTrack;
}

export interface MeetingSessionOptions extends SignallingClientOptions {
  token: string;
  url: string;
  /** How often the quality indicator is refreshed. Default 2 s. */
  statsIntervalMs?: number;
  /** Rejoin attempts after the connection drops (not after meetingClosed). Default 3. */
  rejoinAttempts?: number;
  /** Default: the browser's own WebRTC (a mediasoup-client FakeHandler in unit tests). */
  deviceFactory?: () => Device;
}

interface ConsumerEntry {
  consumer: types.Consumer;
  peerId: string;
  kind: 'audio' | 'video';
}

/** Errors that end a join for good (no retry): the token or the meeting says no. */
const FINAL_CODES: ReadonlySet<ClientErrorCode> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_OPEN', 'ENDED', 'MEETING_FULL', 'BAD_REQUEST']);

const codeOf = (error: unknown): ClientErrorCode => (error instanceof SignallingRequestError ? error.code : 'INTERNAL');

export class MeetingSession {
  private state: SessionState = { phase: 'idle', participants: [], activeSpeaker: null, micMuted: false, cameraOff: false, quality: 'unknown', reconnects: 0 };
  private readonly listeners = new Set<() => void>();
  private client?: SignallingClient;
  private device?: Device;
  private sendTransport?: types.Transport;
  private recvTransport?: types.Transport;
  private readonly producers = new Map<MediaSource, types.Producer>();
  private readonly consumers = new Map<string, ConsumerEntry>();
  /** Remote producers known in this generation (to map pause/resume to a tile and avoid consuming twice). */
  private readonly remoteProducers = new Map<string, ProducerInfo>();
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private tracks: LocalTracks = {};
  private statsTimer?: ReturnType<typeof setInterval>;
  private receiveCounters: ReceiveCounters = {};
  private ending = false;

  constructor(private readonly options: MeetingSessionOptions) {}

  // ── State for React ────────────────────────────────────────────────────────────────────────────

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private updateParticipant(peerId: string, patch: Partial<Participant>): void {
    this.set({ participants: this.state.participants.map((p) => (p.peerId === peerId ? { ...p, ...patch } : p)) });
  }

  // ── Joining, leaving ───────────────────────────────────────────────────────────────────────────

  /** Connects, joins with the token, sends the given tracks and receives everyone else's. */
  async join(tracks: LocalTracks, muted: { mic?: boolean; camera?: boolean } = {}): Promise<void> {
    if (this.state.phase !== 'idle') throw new Error('join() once per session');
    this.tracks = tracks;
    this.set({ phase: 'joining', micMuted: muted.mic ?? false, cameraOff: muted.camera ?? false });
    try {
      await this.connectAndJoin();
      this.set({ phase: 'joined' });
      this.statsTimer = setInterval(() => void this.refreshQuality(), this.options.statsIntervalMs ?? 2000);
    } catch (error) {
      this.teardown();
      // meetingClosed may have arrived meanwhile (read again: TypeScript keeps the narrowing across awaits).
      if (this.getState().phase === 'closed') return;
      this.set({ phase: 'failed', error: codeOf(error) });
    }
  }

  /** Tells the server, then drops everything (the page stops the local tracks). */
  async leave(): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    const client = this.client;
    if (client?.isOpen) await client.request('leave', {}).catch(() => undefined);
    this.teardown();
    this.set({ phase: 'left', participants: [], activeSpeaker: null });
  }

  private async connectAndJoin(): Promise<void> {
    const client = await SignallingClient.connect(this.options.url, this.options);
    this.client = client;
    this.listen(client);
    const joined = await client.request('join', { token: this.options.token });
    const generation = ++this.generation;
    this.set({
      me: joined.participant,
      meeting: joined.meeting,
      participants: joined.peers.filter((p) => p.peerId !== joined.participant.peerId).map(newParticipant),
    });
    await this.enqueue(() => this.setUpMedia(generation, joined.routerRtpCapabilities, joined.producers));
  }

  private listen(client: SignallingClient): void {
    client.on('peerJoined', (peer) => {
      if (peer.peerId === this.state.me?.peerId || this.state.participants.some((p) => p.peerId === peer.peerId)) return;
      this.set({ participants: [...this.state.participants, newParticipant(peer)] });
    });
    client.on('peerLeft', ({ peerId }) => {
      for (const [id, entry] of this.consumers) if (entry.peerId === peerId) this.dropConsumer(id);
      this.set({ participants: this.state.participants.filter((p) => p.peerId !== peerId), activeSpeaker: this.state.activeSpeaker === peerId ? null : this.state.activeSpeaker });
    });
    client.on('newProducer', (producer) => {
      const generation = this.generation;
      void this.enqueue(() => this.consume(generation, producer));
    });
    client.on('producerClosed', ({ producerId }) => {
      for (const [id, entry] of this.consumers) if (entry.consumer.producerId === producerId) this.dropConsumer(id);
      this.remoteProducers.delete(producerId);
    });
    client.on('producerPaused', ({ producerId }) => this.setRemoteMuted(producerId, true));
    client.on('producerResumed', ({ producerId }) => this.setRemoteMuted(producerId, false));
    client.on('activeSpeaker', ({ peerId }) => this.set({ activeSpeaker: peerId }));
    client.on('meetingEndingSoon', (data) => this.set({ endingSoon: data }));
    client.on('meetingUpdated', (meeting) => this.set({ meeting, endingSoon: this.state.endingSoon && meeting.endsAt > this.state.endingSoon.endsAt ? undefined : this.state.endingSoon }));
    client.on('reconnect', (data) => {
      const generation = ++this.generation;
      // Drop the old media now: whatever the old generation has in flight fails fast.
      this.closeMedia();
      const peers = data.peers.filter((p) => p.peerId !== this.state.me?.peerId);
      this.set({ phase: 'reconnecting', participants: peers.map(newParticipant), activeSpeaker: null });
      void this.enqueue(async () => {
        try {
          await this.setUpMedia(generation, data.routerRtpCapabilities, data.producers);
          if (generation === this.generation) this.set({ phase: 'joined', reconnects: this.state.reconnects + 1 });
        } catch (error) {
          // The new router refused us (still recovering?): start over with a fresh join.
          if (generation === this.generation && !this.ending) {
            console.warn('[meet] media recovery failed, joining again', error);
            void this.rejoin();
          }
        }
      });
    });
    client.on('meetingClosed', ({ reason }) => {
      this.ending = true;
      this.teardown();
      this.set({ phase: 'closed', closedReason: reason, participants: [], activeSpeaker: null, endingSoon: undefined });
    });
    client.onClose(({ byClient }) => {
      if (byClient || this.ending || client !== this.client) return;
      void this.rejoin();
    });
  }

  /** The connection dropped without meetingClosed (server restart, network): join again with the same token. */
  private async rejoin(): Promise<void> {
    this.generation++;
    this.closeMedia();
    this.closeClient();
    this.set({ phase: 'reconnecting', participants: [], activeSpeaker: null });
    const attempts = this.options.rejoinAttempts ?? 3;
    let lastCode: ClientErrorCode = 'DISCONNECTED';
    for (let attempt = 0; attempt < attempts && !this.ending; attempt++) {
      await new Promise((done) => setTimeout(done, 1000 * 2 ** attempt));
      if (this.ending) return;
      try {
        await this.connectAndJoin();
        this.set({ phase: 'joined', reconnects: this.state.reconnects + 1 });
        return;
      } catch (error) {
        lastCode = codeOf(error);
        this.closeClient();
        if (FINAL_CODES.has(lastCode)) break;
      }
    }
    if (this.ending) return;
    this.teardown();
    this.set(lastCode === 'ENDED' ? { phase: 'closed', closedReason: 'ended' } : { phase: 'failed', error: lastCode });
  }

  private teardown(): void {
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = undefined;
    this.generation++;
    this.closeMedia();
    this.closeClient();
  }

  private closeClient(): void {
    const client = this.client;
    this.client = undefined;
    client?.close();
  }

  // ── Media ──────────────────────────────────────────────────────────────────────────────────────

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async setUpMedia(generation: number, routerRtpCapabilities: MediaJson, producers: ProducerInfo[]): Promise<void> {
    const device = this.options.deviceFactory?.() ?? new Device();
    await device.load({ routerRtpCapabilities: routerRtpCapabilities as unknown as types.RtpCapabilities });
    if (generation !== this.generation) return;
    this.device = device;
    if (this.tracks.audio || this.tracks.video) {
      this.sendTransport = await this.createTransport(generation, device, 'send');
      if (this.tracks.audio && device.canProduce('audio')) await this.produce(generation, 'microphone', this.tracks.audio, this.state.micMuted);
      if (this.tracks.video && device.canProduce('video')) await this.produce(generation, 'camera', this.tracks.video, this.state.cameraOff);
    }
    this.recvTransport = await this.createTransport(generation, device, 'recv');
    for (const producer of producers) await this.consume(generation, producer);
  }

  private async createTransport(generation: number, device: Device, direction: 'send' | 'recv'): Promise<types.Transport> {
    const client = this.requireClient();
    const options: TransportOptions = await client.request('createTransport', { direction });
    this.assertGeneration(generation);
    const params = {
      id: options.transportId,
      iceParameters: options.iceParameters as unknown as types.IceParameters,
      iceCandidates: options.iceCandidates as unknown as types.IceCandidate[],
      dtlsParameters: options.dtlsParameters as unknown as types.DtlsParameters,
    };
    const transport = direction === 'send' ? device.createSendTransport(params) : device.createRecvTransport(params);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      client
        .request('connectTransport', { transportId: transport.id, dtlsParameters: dtlsParameters as unknown as MediaJson })
        .then(() => callback(), errback);
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      client
        .request('produce', { transportId: transport.id, kind, rtpParameters: rtpParameters as unknown as MediaJson, source: appData.source as MediaSource })
        .then(({ producerId }) => callback({ id: producerId }), errback);
    });
    return transport;
  }

  private async produce(generation: number, source: MediaSource, track: MediaStreamTrack, paused: boolean): Promise<void> {
    const transport = this.sendTransport;
    if (!transport || transport.closed) return;
    const codec = source === 'camera' && this.device ? cameraCodec(this.device) : undefined;
    const producer = await transport.produce({
      track,
      // The page owns the tracks: closing a producer (leave, reconnect) must not stop the camera.
      stopTracks: false,
      appData: { source },
      ...(source === 'camera' ? { encodings: CAMERA_ENCODINGS, codecOptions: { videoGoogleStartBitrate: 1000 }, ...(codec ? { codec } : {}) } : { codecOptions: { opusStereo: false, opusFec: true } }),
    });
    if (generation !== this.generation) {
      producer.close();
      return;
    }
    this.producers.set(source, producer);
    this.set({}); // hasProducer() changed: the mute buttons become usable
    if (paused) await this.setProducerPaused(source, true);
  }

  private async consume(generation: number, info: ProducerInfo): Promise<void> {
    if (generation !== this.generation || info.peerId === this.state.me?.peerId || this.remoteProducers.has(info.producerId)) return;
    const transport = this.recvTransport;
    const device = this.device;
    const client = this.client;
    if (!transport || !device || !client) return;
    this.remoteProducers.set(info.producerId, info);
    try {
      const answer = await client.request('consume', { transportId: transport.id, producerId: info.producerId, rtpCapabilities: device.recvRtpCapabilities as unknown as MediaJson });
      this.assertGeneration(generation);
      const consumer = await transport.consume({
        id: answer.consumerId,
        producerId: answer.producerId,
        kind: answer.kind,
        rtpParameters: answer.rtpParameters as unknown as types.RtpParameters,
        streamId: `${answer.peerId}-${answer.kind}`,
      });
      if (generation !== this.generation) {
        consumer.close();
        return;
      }
      this.consumers.set(consumer.id, { consumer, peerId: answer.peerId, kind: answer.kind });
      const muted = this.remoteProducers.get(info.producerId)?.paused ?? info.paused;
      this.updateParticipant(answer.peerId, answer.kind === 'audio' ? { audio: consumer.track, audioMuted: muted } : { video: consumer.track, videoMuted: muted });
      await client.request('resume', { consumerId: consumer.id });
    } catch (error) {
      if (generation !== this.generation) return;
      this.remoteProducers.delete(info.producerId);
      // The producer went away meanwhile: nothing to show. Anything else is worth a line in the console.
      if (codeOf(error) !== 'NOT_FOUND') console.warn('[meet] consume failed', info.producerId, error);
    }
  }

  private dropConsumer(consumerId: string): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    this.consumers.delete(consumerId);
    entry.consumer.close();
    this.updateParticipant(entry.peerId, entry.kind === 'audio' ? { audio: undefined } : { video: undefined });
  }

  private setRemoteMuted(producerId: string, muted: boolean): void {
    const info = this.remoteProducers.get(producerId);
    if (!info) return;
    this.remoteProducers.set(producerId, { ...info, paused: muted });
    this.updateParticipant(info.peerId, info.kind === 'audio' ? { audioMuted: muted } : { videoMuted: muted });
  }

  /** Closes transports, producers and consumers of the current generation; local tracks stay alive. */
  private closeMedia(): void {
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
    for (const { consumer } of this.consumers.values()) consumer.close();
    this.consumers.clear();
    this.remoteProducers.clear();
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.sendTransport = this.recvTransport = undefined;
    this.device = undefined;
    this.receiveCounters = {};
  }

  private requireClient(): SignallingClient {
    if (!this.client) throw new SignallingRequestError('DISCONNECTED', 'not connected');
    return this.client;
  }

  private assertGeneration(generation: number): void {
    if (generation !== this.generation) throw new SignallingRequestError('UNAVAILABLE', 'superseded by a reconnection');
  }

  // ── Controls ───────────────────────────────────────────────────────────────────────────────────

  hasProducer(source: MediaSource): boolean {
    return this.producers.has(source);
  }

  async setMicMuted(muted: boolean): Promise<void> {
    this.set({ micMuted: muted });
    await this.setProducerPaused('microphone', muted);
  }

  async setCameraOff(off: boolean): Promise<void> {
    this.set({ cameraOff: off });
    await this.setProducerPaused('camera', off);
  }

  private async setProducerPaused(source: MediaSource, paused: boolean): Promise<void> {
    const producer = this.producers.get(source);
    if (!producer || !this.client?.isOpen) return;
    if (paused) producer.pause();
    else producer.resume();
    await this.client.request(paused ? 'pause' : 'resume', { producerId: producer.id }).catch((error: unknown) => console.warn('[meet] pause/resume', error));
  }

  /**
   * The host accepts the extension `meetingEndingSoon` offered; the new end arrives for everyone
   * through `meetingUpdated`. Resolves with null, or the refusal's code (CONFLICT: a room is taken).
   */
  async extend(): Promise<ClientErrorCode | null> {
    if (!this.client?.isOpen) return 'DISCONNECTED';
    try {
      await this.client.request('extend', {});
      return null;
    } catch (error) {
      return error instanceof SignallingRequestError ? error.code : 'DISCONNECTED';
    }
  }

  // ── Stats ──────────────────────────────────────────────────────────────────────────────────────

  private async transportStats(): Promise<StatsEntry[]> {
    const reports = await Promise.all([this.sendTransport, this.recvTransport].filter((t): t is types.Transport => !!t && !t.closed).map((t) => t.getStats().catch(() => undefined)));
    return reports.flatMap((report) => (report ? ([...report.values()] as StatsEntry[]) : []));
  }

  private async refreshQuality(): Promise<void> {
    if (this.state.phase !== 'joined') return;
    const { sample, counters } = sampleFromStats(await this.transportStats(), this.receiveCounters);
    this.receiveCounters = counters;
    const quality = classifyQuality(sample);
    if (quality !== this.state.quality || sample.rttMs !== this.state.rttMs || sample.lossPercent !== this.state.lossPercent) {
      this.set({ quality, rttMs: sample.rttMs, lossPercent: sample.lossPercent });
    }
  }

  /** Frames decoded and packets received per remote track, packets sent per local track. */
  async stats(): Promise<MeetingStats> {
    const inbound = await Promise.all(
      [...this.consumers.values()].map(async ({ consumer, peerId, kind }) => {
        const report = await consumer.getStats().catch(() => undefined);
        const rtp = report ? ([...report.values()] as StatsEntry[]).find((s) => s.type === 'inbound-rtp') : undefined;
        return {
          peerId,
          kind,
          codec: consumer.rtpParameters.codecs[0]?.mimeType ?? '',
          framesDecoded: Number(rtp?.framesDecoded ?? 0),
          packetsReceived: Number(rtp?.packetsReceived ?? 0),
          bytesReceived: Number(rtp?.bytesReceived ?? 0),
          samplesReceived: Number(rtp?.totalSamplesReceived ?? 0),
        };
      }),
    );
    const outbound = await Promise.all(
      [...this.producers.entries()].map(async ([source, producer]) => {
        const report = await producer.getStats().catch(() => undefined);
        const rtp = report ? ([...report.values()] as StatsEntry[]).filter((s) => s.type === 'outbound-rtp') : [];
        return {
          source,
          kind: producer.kind,
          codec: producer.rtpParameters.codecs[0]?.mimeType ?? '',
          packetsSent: rtp.reduce((sum, s) => sum + Number(s.packetsSent ?? 0), 0),
          bytesSent: rtp.reduce((sum, s) => sum + Number(s.bytesSent ?? 0), 0),
          layers: rtp.length,
        };
      }),
    );
    const { phase, me, reconnects, quality, rttMs, lossPercent } = this.state;
    return { phase, participantId: me?.peerId, reconnects, quality, rttMs, lossPercent, inbound, outbound };
  }
}

function newParticipant(peer: PeerInfo): Participant {
  return { peerId: peer.peerId, name: peer.name, role: peer.role, audioMuted: false, videoMuted: false };
}
