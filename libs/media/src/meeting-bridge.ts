import type { types } from 'mediasoup';
import { toSignallingError } from './media-errors';
import type { MediaLogger } from './media-options';
import {
  SignallingError,
  type MediaJson,
  type MediaSource,
  type MeetingSnapshot,
  type NotificationMap,
  type PeerInfo,
  type ProducerInfo,
  type RequestMap,
  type ServerNotification,
  type TransportDirection,
  type TransportOptions,
} from './protocol';
import { ACTIVE_SPEAKER_INTERVAL_MS, INITIAL_OUTGOING_BITRATE, preferredSpatialLayer } from './router-settings';
import { SPEAKER_ARBITER_DEFAULTS, SpeakerArbiter } from './speaker-arbiter';

export type MeetingClosedReason = NotificationMap['meetingClosed']['reason'];
export type MediaTarget = RequestMap['pause']['request'];
export interface PlainTransportInfo {
  transportId: string;
  ip: string;
  port: number;
  rtcpPort?: number;
}

/** What a bridge needs from the server's options. */
export interface BridgeSettings {
  listenIp: string;
  announcedAddress?: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  maxPeersPerMeeting: number;
  logger: MediaLogger;
}

/** A router placed on a worker (WorkerPool.createRouter). */
export interface PlacedRouter {
  router: types.Router;
  workerPid: number;
}

/** A peer keeps at most this many transports per direction: a further one closes its oldest. */
const MAX_TRANSPORTS_PER_DIRECTION = 2;

type TransportKind = TransportDirection | 'plain';
interface TransportEntry {
  transport: types.WebRtcTransport | types.PlainTransport;
  kind: TransportKind;
  connected: boolean;
}

/** One participant's session: replaced as a whole when the same peerId joins again. */
interface Peer {
  info: PeerInfo;
  send: (notification: ServerNotification) => void;
  onReplaced?: () => void;
  transports: Map<string, TransportEntry>;
  producers: Map<string, types.Producer>;
  consumers: Map<string, types.Consumer>;
}

interface LiveMedia extends PlacedRouter {
  speakers: types.ActiveSpeakerObserver;
  /** The browsers' volumes, for the speaker arbiter. */
  levels: types.AudioLevelObserver;
}

const SOURCE_KIND: Record<MediaSource, 'audio' | 'video'> = { microphone: 'audio', camera: 'video', screen: 'video' };

/**
 * One live meeting: its router (on one worker), its peers and their transports, producers and
 * consumers. Each method is one signalling request, made on behalf of a joined peer; refusals are
 * SignallingErrors. Notifications go out through each peer's `send`.
 *
 * When the worker under the router dies, the bridge forgets every transport, producer and
 * consumer (mediasoup has closed them), answers UNAVAILABLE until the server gives it a new router
 * (`moveTo`), then tells every peer to `reconnect`. Peers stay joined throughout.
 */
export class MeetingBridge {
  private readonly peerMap = new Map<string, Peer>();
  private media?: LiveMedia;
  private placedOn?: number;
  private capabilities: MediaJson = {};
  private closed = false;
  private speakerPeerId: string | null = null;
  /** Elects participants whose audio carries no level (SIP rooms), from levels measured elsewhere. */
  private readonly arbiter = new SpeakerArbiter(
    () => this.speakerPeerId,
    (peerId) => this.speakerChanged(peerId),
  );

  constructor(
    readonly meetingId: string,
    public meeting: MeetingSnapshot,
    private readonly settings: BridgeSettings,
    private readonly onClosed: (bridge: MeetingBridge) => void = () => undefined,
  ) {}

  /** The worker process under the router (the dead one's pid while recovering). */
  get workerPid(): number | undefined {
    return this.placedOn;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** False while the bridge waits for a new router after its worker died. */
  get isLive(): boolean {
    return this.media !== undefined;
  }

  routerRtpCapabilities(): MediaJson {
    this.assertOpen();
    return this.capabilities;
  }

  /**
   * Adds a participant and tells the others. The same peerId again replaces the previous session:
   * its transports, producers and consumers close and its `onReplaced` is called (the gateway
   * closes that socket); the others see its producers close, not the peer leave.
   */
  join(peer: PeerInfo, send: (notification: ServerNotification) => void, onReplaced?: () => void): void {
    this.assertOpen();
    const previous = this.peerMap.get(peer.peerId);
    if (!previous && this.peerMap.size >= this.settings.maxPeersPerMeeting) {
      throw new SignallingError('MEETING_FULL', `this meeting is limited to ${this.settings.maxPeersPerMeeting} participants`);
    }
    const session: Peer = { info: { ...peer }, send, onReplaced, transports: new Map(), producers: new Map(), consumers: new Map() };
    this.peerMap.set(peer.peerId, session);
    if (previous) {
      this.dropMedia(previous);
      previous.onReplaced?.();
    } else {
      this.notifyOthers(peer.peerId, { notification: 'peerJoined', data: { ...peer } });
    }
  }

  /**
   * Removes a participant and tells the others. Give the `send` passed to `join` to leave only
   * that session: a replaced session's socket closing late must not remove its successor.
   */
  leave(peerId: string, send?: (notification: ServerNotification) => void): void {
    const peer = this.peerMap.get(peerId);
    if (!peer || (send && peer.send !== send)) return;
    this.peerMap.delete(peerId);
    this.dropMedia(peer);
    this.notifyOthers(peerId, { notification: 'peerLeft', data: { peerId } });
  }

  peers(): PeerInfo[] {
    return [...this.peerMap.values()].map((peer) => ({ ...peer.info }));
  }

  producers(): ProducerInfo[] {
    return [...this.peerMap.values()].flatMap((peer) => [...peer.producers.values()].map(producerInfo));
  }

  async createWebRtcTransport(peerId: string, direction: TransportDirection): Promise<TransportOptions> {
    const peer = this.peer(peerId);
    const { router } = this.live();
    const listen = this.listenInfo();
    const transport = await this.mediaCall('createTransport', () =>
      router.createWebRtcTransport({
        listenInfos: [
          { ...listen, protocol: 'udp' },
          { ...listen, protocol: 'tcp' },
        ],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
        appData: { peerId, direction },
      }),
    );
    this.keepTransport(peer, { transport, kind: direction, connected: false });
    return {
      transportId: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: MediaJson): Promise<void> {
    const entry = this.ownTransport(this.peer(peerId), transportId);
    if (entry.kind === 'plain') throw new SignallingError('BAD_REQUEST', 'a plain RTP transport is connected with connectPlainTransport');
    if (entry.connected) throw new SignallingError('BAD_REQUEST', 'this transport is already connected');
    const transport = entry.transport as types.WebRtcTransport;
    await this.mediaCall('connectTransport', () => transport.connect({ dtlsParameters: dtlsParameters as unknown as types.DtlsParameters }));
    entry.connected = true;
  }

  async produce(peerId: string, request: RequestMap['produce']['request']): Promise<{ producerId: string }> {
    const peer = this.peer(peerId);
    const { speakers } = this.live();
    const entry = this.ownTransport(peer, request.transportId);
    if (entry.kind === 'recv') throw new SignallingError('BAD_REQUEST', 'produce needs a send transport');
    if (!entry.connected) throw new SignallingError('NOT_CONNECTED', 'connect the transport before producing');
    if (SOURCE_KIND[request.source] !== request.kind) throw new SignallingError('BAD_REQUEST', `a ${request.source} sends ${SOURCE_KIND[request.source]}`);
    if ([...peer.producers.values()].some((producer) => producer.appData.source === request.source)) {
      throw new SignallingError('BAD_REQUEST', `already producing ${request.source}: close that producer first`);
    }
    const producer = await this.mediaCall('produce', () =>
      entry.transport.produce({
        kind: request.kind,
        rtpParameters: request.rtpParameters as unknown as types.RtpParameters,
        appData: { peerId, source: request.source },
      }),
    );
    return this.adopt(peer, producer, speakers);
  }

  /**
   * A SIP leg's media (libs/media/src/sip-calls.ts): pipes `producer`, received on a leg router of
   * the same media server, into this meeting's router as the peer's `source`; the others hear of it
   * through newProducer, as for any producer. Closing the leg router closes the piped producer.
   */
  async pipeIn(peerId: string, from: types.Router, producer: types.Producer, source: MediaSource): Promise<{ producerId: string }> {
    const peer = this.peer(peerId);
    const { router, speakers } = this.live();
    if ([...peer.producers.values()].some((existing) => existing.appData.source === source)) {
      throw new SignallingError('BAD_REQUEST', `already producing ${source}: close that producer first`);
    }
    const { listenIp, announcedAddress, rtcMinPort, rtcMaxPort } = this.settings;
    // keepId false: leg routers may share the meeting router's worker. Pipe transports stay in our port range.
    const { pipeProducer } = await this.mediaCall('pipeToRouter', () =>
      from.pipeToRouter({ producerId: producer.id, router, keepId: false, listenInfo: { protocol: 'udp', ip: listenIp, announcedAddress, portRange: { min: rtcMinPort, max: rtcMaxPort } } }),
    );
    if (!pipeProducer) throw new SignallingError('INTERNAL', 'pipeToRouter gave no producer');
    pipeProducer.appData = { peerId, source };
    return this.adopt(peer, pipeProducer, speakers);
  }

  async consume(peerId: string, request: RequestMap['consume']['request']): Promise<RequestMap['consume']['response']> {
    const peer = this.peer(peerId);
    const { router } = this.live();
    const entry = this.ownTransport(peer, request.transportId);
    if (entry.kind === 'send') throw new SignallingError('BAD_REQUEST', 'consume needs a receive transport');
    const producer = this.findProducer(request.producerId);
    if (!producer) throw new SignallingError('NOT_FOUND', 'no such producer in this meeting');
    const rtpCapabilities = request.rtpCapabilities as unknown as types.RtpCapabilities;
    if (!router.canConsume({ producerId: producer.id, rtpCapabilities })) {
      throw new SignallingError('CANNOT_CONSUME', 'these RTP capabilities cannot receive that producer');
    }
    // One consumer per producer and peer: consuming it again replaces the previous one.
    for (const existing of peer.consumers.values()) if (existing.producerId === producer.id) existing.close();
    const spatialLayers = producer.rtpParameters.encodings?.length ?? 1;
    const consumer = await this.mediaCall('consume', () =>
      entry.transport.consume({
        producerId: producer.id,
        rtpCapabilities,
        paused: true,
        preferredLayers: producer.type === 'simulcast' ? { spatialLayer: preferredSpatialLayer(spatialLayers, this.peerMap.size) } : undefined,
        appData: { peerId },
      }),
    );
    if (!this.isCurrent(peer)) {
      consumer.close();
      throw this.goneError();
    }
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    return {
      consumerId: consumer.id,
      producerId: producer.id,
      peerId: String(producer.appData.peerId),
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
    };
  }

  /** Pauses one's own consumer, or one's own producer (mute: the others get producerPaused). */
  async pause(peerId: string, target: MediaTarget): Promise<void> {
    await this.setPaused(peerId, target, true);
  }

  /** Resumes one's own consumer (after consume), or one's own producer (the others get producerResumed). */
  async resume(peerId: string, target: MediaTarget): Promise<void> {
    await this.setPaused(peerId, target, false);
  }

  closeProducer(peerId: string, producerId: string): void {
    this.ownProducer(this.peer(peerId), producerId).close();
  }

  /**
   * A plain RTP transport (room systems over SIP, ffmpeg): it both produces (through `produce`)
   * and consumes. With `comedia` (the default) it learns the remote address from the first packet
   * and is usable at once; without, call `connectPlainTransport`. `rtcpMux` defaults to true.
   */
  async createPlainTransport(peerId: string, options: { comedia?: boolean; rtcpMux?: boolean } = {}): Promise<PlainTransportInfo> {
    const peer = this.peer(peerId);
    const { router } = this.live();
    const comedia = options.comedia ?? true;
    const transport = await this.mediaCall('createPlainTransport', () =>
      router.createPlainTransport({
        listenInfo: { ...this.listenInfo(), protocol: 'udp' },
        rtcpMux: options.rtcpMux ?? true,
        comedia,
        appData: { peerId, direction: 'plain' },
      }),
    );
    this.keepTransport(peer, { transport, kind: 'plain', connected: comedia });
    return { transportId: transport.id, ip: transport.tuple.localAddress, port: transport.tuple.localPort, rtcpPort: transport.rtcpTuple?.localPort };
  }

  /** Where a plain transport without comedia sends its RTP (and RTCP when not muxed). */
  async connectPlainTransport(peerId: string, transportId: string, remote: { ip: string; port: number; rtcpPort?: number }): Promise<void> {
    const entry = this.ownTransport(this.peer(peerId), transportId);
    if (entry.kind !== 'plain') throw new SignallingError('BAD_REQUEST', 'not a plain RTP transport');
    if (entry.connected) throw new SignallingError('BAD_REQUEST', 'this transport is already connected');
    const transport = entry.transport as types.PlainTransport;
    await this.mediaCall('connectPlainTransport', () => transport.connect(remote));
    entry.connected = true;
  }

  /** What a producer has received so far, over all its encodings (monitoring, tests). */
  async producerStats(producerId: string): Promise<{ packets: number; bytes: number }> {
    this.live();
    const producer = this.findProducer(producerId);
    if (!producer) throw new SignallingError('NOT_FOUND', 'no such producer in this meeting');
    const stats = await this.mediaCall('producerStats', () => producer.getStats());
    return stats.reduce((sum, stat) => ({ packets: sum.packets + stat.packetCount, bytes: sum.bytes + stat.byteCount }), { packets: 0, bytes: 0 });
  }

  /** To every peer. */
  notify(notification: ServerNotification): void {
    for (const peer of this.peerMap.values()) this.deliver(peer, notification);
  }

  /** Ends the meeting: tells the peers why (when a reason is given), then closes the router and everything on it. */
  close(reason?: MeetingClosedReason): void {
    if (this.closed) return;
    if (reason) this.notify({ notification: 'meetingClosed', data: { reason } });
    this.closed = true;
    this.peerMap.clear();
    this.media?.router.close();
    this.media = undefined;
    this.onClosed(this);
  }

  counts(): { peers: number; producers: number; consumers: number } {
    let producers = 0;
    let consumers = 0;
    for (const peer of this.peerMap.values()) {
      producers += peer.producers.size;
      consumers += peer.consumers.size;
    }
    return { peers: this.peerMap.size, producers, consumers };
  }

  /** @internal Gives the bridge its router (MediaServer.openBridge). */
  async attach({ router, workerPid }: PlacedRouter): Promise<void> {
    let speakers: types.ActiveSpeakerObserver;
    let levels: types.AudioLevelObserver;
    try {
      speakers = await router.createActiveSpeakerObserver({ interval: ACTIVE_SPEAKER_INTERVAL_MS });
      levels = await router.createAudioLevelObserver({ interval: ACTIVE_SPEAKER_INTERVAL_MS, threshold: SPEAKER_ARBITER_DEFAULTS.speechDb, maxEntries: 4 });
    } catch (error) {
      router.close();
      throw error;
    }
    if (this.closed) {
      router.close();
      throw new SignallingError('ENDED', 'the meeting is closed');
    }
    speakers.on('dominantspeaker', ({ producer }) => this.speakerChanged(String(producer.appData.peerId)));
    levels.on('volumes', (volumes) => this.arbiter.browserVolumes(volumes.map(({ producer }) => String(producer.appData.peerId)), Date.now()));
    levels.on('silence', () => this.arbiter.browserVolumes([], Date.now()));
    router.once('workerclose', () => this.routerLost(router));
    this.media = { router, workerPid, speakers, levels };
    this.placedOn = workerPid;
    this.capabilities = router.rtpCapabilities as MediaJson;
  }

  /** @internal After a worker died: takes the new router and tells every peer to reconnect. */
  async moveTo(placed: PlacedRouter, reason: string): Promise<void> {
    await this.attach(placed);
    for (const peer of this.peerMap.values()) {
      const peers = this.peers().filter((other) => other.peerId !== peer.info.peerId);
      // No producer survived: each peer produces again, and the others hear of it through newProducer.
      this.deliver(peer, { notification: 'reconnect', data: { reason, routerRtpCapabilities: this.capabilities, peers, producers: [] } });
    }
  }

  private routerLost(router: types.Router): void {
    if (this.media?.router !== router) return;
    this.media = undefined;
    this.speakerPeerId = null;
    // mediasoup closed them with the router; forget them (their close handlers did, mostly).
    for (const peer of this.peerMap.values()) this.forgetMedia(peer);
    this.settings.logger.warn('meeting bridge lost its media worker', { meetingId: this.meetingId, workerPid: this.placedOn });
  }

  private async setPaused(peerId: string, target: MediaTarget, paused: boolean): Promise<void> {
    const peer = this.peer(peerId);
    this.live();
    const { consumerId } = target;
    if (consumerId !== undefined) {
      const consumer = peer.consumers.get(consumerId);
      if (!consumer) throw this.notOwned(consumerId, (other) => other.consumers.has(consumerId), 'consumer');
      await this.mediaCall(paused ? 'pause' : 'resume', () => (paused ? consumer.pause() : consumer.resume()));
      return;
    }
    if (target.producerId === undefined) throw new SignallingError('BAD_REQUEST', 'give a consumerId or a producerId');
    const producer = this.ownProducer(peer, target.producerId);
    if (producer.paused === paused) return;
    await this.mediaCall(paused ? 'pause' : 'resume', () => (paused ? producer.pause() : producer.resume()));
    const data = { producerId: producer.id, peerId };
    this.notifyOthers(peerId, paused ? { notification: 'producerPaused', data } : { notification: 'producerResumed', data });
  }

  /**
   * The other way (media toward a SIP leg): pipes one of this meeting's producers into `to` (a leg
   * router of the same media server). Close both returned ends to stop it; an incompatible codec
   * (VP8 into an H.264-only leg) rejects with CANNOT_CONSUME.
   */
  async pipeOut(producerId: string, to: types.Router): Promise<{ pipeConsumer: types.Consumer; pipeProducer: types.Producer }> {
    const { router } = this.live();
    const producer = this.findProducer(producerId);
    if (!producer) throw new SignallingError('NOT_FOUND', 'no such producer in this meeting');
    const wanted = producer.rtpParameters.codecs[0]?.mimeType.toLowerCase();
    if (!to.rtpCapabilities.codecs?.some((codec) => codec.mimeType.toLowerCase() === wanted)) {
      throw new SignallingError('CANNOT_CONSUME', `the leg does not take ${wanted}`);
    }
    const { listenIp, announcedAddress, rtcMinPort, rtcMaxPort } = this.settings;
    const { pipeConsumer, pipeProducer } = await this.mediaCall('pipeToRouter', () =>
      router.pipeToRouter({ producerId, router: to, keepId: false, listenInfo: { protocol: 'udp', ip: listenIp, announcedAddress, portRange: { min: rtcMinPort, max: rtcMaxPort } } }),
    );
    if (!pipeConsumer || !pipeProducer) throw new SignallingError('INTERNAL', 'pipeToRouter gave no consumer or producer');
    return { pipeConsumer, pipeProducer };
  }

  /**
   * One producer of this meeting sent as plain RTP to `remote` (a SIP leg's audio mixer, ffmpeg):
   * a transport of its own on the meeting's router, RTCP on its own port. Close the transport to stop.
   */
  async rtpOut(producerId: string, remote: { ip: string; port: number; rtcpPort: number }): Promise<{ transport: types.PlainTransport; consumer: types.Consumer }> {
    const { router } = this.live();
    if (!this.findProducer(producerId)) throw new SignallingError('NOT_FOUND', 'no such producer in this meeting');
    const transport = await this.mediaCall('createPlainTransport', () => router.createPlainTransport({ listenInfo: { ...this.listenInfo(), protocol: 'udp' }, rtcpMux: false, comedia: false }));
    try {
      await this.mediaCall('connectPlainTransport', () => transport.connect(remote));
      const consumer = await this.mediaCall('consume', () => transport.consume({ producerId, rtpCapabilities: { codecs: router.rtpCapabilities.codecs, headerExtensions: [] }, paused: false }));
      return { transport, consumer };
    } catch (error) {
      transport.close();
      throw error;
    }
  }

  /** Keeps a new producer of the peer's and tells the others (or closes it when the peer or the router went meanwhile). */
  private async adopt(peer: Peer, producer: types.Producer, speakers: types.ActiveSpeakerObserver): Promise<{ producerId: string }> {
    if (!this.isCurrent(peer)) {
      producer.close();
      throw this.goneError();
    }
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.producerClosed(peer, producer));
    if (producer.kind === 'audio') {
      const levels = this.media?.levels;
      await Promise.all([speakers.addProducer({ producerId: producer.id }), levels?.addProducer({ producerId: producer.id })]).catch((error: unknown) => {
        this.settings.logger.warn('the active-speaker observers refused a producer', { meetingId: this.meetingId, error: String(error) });
      });
    }
    this.notifyOthers(peer.info.peerId, { notification: 'newProducer', data: producerInfo(producer) });
    return { producerId: producer.id };
  }

  private producerClosed(peer: Peer, producer: types.Producer): void {
    peer.producers.delete(producer.id);
    // A router that closed (meeting over, or worker died) takes every producer with it: no news per producer.
    if (this.media === undefined || this.media.router.closed) return;
    // mediasoup closes the consumers when the worker says so; close them now so the counts are right at once.
    for (const other of this.peerMap.values()) {
      for (const consumer of other.consumers.values()) if (consumer.producerId === producer.id) consumer.close();
    }
    this.notifyOthers(peer.info.peerId, { notification: 'producerClosed', data: { producerId: producer.id, peerId: peer.info.peerId } });
    if (producer.kind === 'audio') {
      this.arbiter.forget(peer.info.peerId);
      if (this.speakerPeerId === peer.info.peerId) this.speakerChanged(null);
    }
  }

  /** The speech level (dBFS) of a participant whose audio carries none, measured by the caller (SipSpeechMeter). */
  reportSpeechLevel(peerId: string, levelDb: number): void {
    if (!this.peerMap.has(peerId) || this.closed) return;
    this.arbiter.measured(peerId, levelDb, Date.now());
  }

  private speakerChanged(peerId: string | null): void {
    if (peerId === this.speakerPeerId) return;
    this.speakerPeerId = peerId;
    this.notify({ notification: 'activeSpeaker', data: { peerId } });
  }

  /** Closes a session's transports (and so its producers and consumers). */
  private dropMedia(peer: Peer): void {
    for (const producer of [...peer.producers.values()]) producer.close();
    for (const { transport } of [...peer.transports.values()]) transport.close();
    this.forgetMedia(peer);
  }

  private forgetMedia(peer: Peer): void {
    peer.transports.clear();
    peer.producers.clear();
    peer.consumers.clear();
  }

  private keepTransport(peer: Peer, entry: TransportEntry): void {
    const { transport } = entry;
    if (!this.isCurrent(peer)) {
      transport.close();
      throw this.goneError();
    }
    const sameKind = [...peer.transports.values()].filter((other) => other.kind === entry.kind);
    if (sameKind.length >= MAX_TRANSPORTS_PER_DIRECTION) sameKind[0].transport.close();
    peer.transports.set(transport.id, entry);
    const closable: types.Transport = transport;
    closable.observer.once('close', () => peer.transports.delete(transport.id));
  }

  private listenInfo(): Omit<types.TransportListenInfo, 'protocol'> {
    const { listenIp, announcedAddress, rtcMinPort, rtcMaxPort } = this.settings;
    return { ip: listenIp, announcedAddress, portRange: { min: rtcMinPort, max: rtcMaxPort } };
  }

  private assertOpen(): void {
    if (this.closed) throw new SignallingError('ENDED', 'the meeting is closed');
  }

  private peer(peerId: string): Peer {
    this.assertOpen();
    const peer = this.peerMap.get(peerId);
    if (!peer) throw new SignallingError('NOT_FOUND', 'this participant has not joined the meeting');
    return peer;
  }

  private live(): LiveMedia {
    this.assertOpen();
    if (!this.media) throw new SignallingError('UNAVAILABLE', 'the meeting is moving to another media server: wait for "reconnect"');
    return this.media;
  }

  /** Still the session that made the request, on a live router (checked after each await). */
  private isCurrent(peer: Peer): boolean {
    return !this.closed && this.media !== undefined && this.peerMap.get(peer.info.peerId) === peer;
  }

  private goneError(): SignallingError {
    if (this.closed) return new SignallingError('ENDED', 'the meeting is closed');
    if (!this.media) return new SignallingError('UNAVAILABLE', 'the meeting is moving to another media server: wait for "reconnect"');
    return new SignallingError('NOT_FOUND', 'this session was replaced or left');
  }

  private ownTransport(peer: Peer, transportId: string): TransportEntry {
    const entry = peer.transports.get(transportId);
    if (entry) return entry;
    throw this.notOwned(transportId, (other) => other.transports.has(transportId), 'transport');
  }

  private ownProducer(peer: Peer, producerId: string): types.Producer {
    const producer = peer.producers.get(producerId);
    if (producer) return producer;
    throw this.notOwned(producerId, (other) => other.producers.has(producerId), 'producer');
  }

  /** FORBIDDEN when another peer owns it, NOT_FOUND when nobody does. */
  private notOwned(id: string, ownedBy: (peer: Peer) => boolean, what: string): SignallingError {
    const owner = [...this.peerMap.values()].find(ownedBy);
    return owner
      ? new SignallingError('FORBIDDEN', `this ${what} belongs to another participant`)
      : new SignallingError('NOT_FOUND', `no such ${what} in this meeting (${id})`);
  }

  private findProducer(producerId: string): types.Producer | undefined {
    for (const peer of this.peerMap.values()) {
      const producer = peer.producers.get(producerId);
      if (producer) return producer;
    }
    return undefined;
  }

  private notifyOthers(peerId: string, notification: ServerNotification): void {
    for (const peer of this.peerMap.values()) if (peer.info.peerId !== peerId) this.deliver(peer, notification);
  }

  private deliver(peer: Peer, notification: ServerNotification): void {
    try {
      peer.send(notification);
    } catch (error) {
      this.settings.logger.warn('could not notify a participant', { meetingId: this.meetingId, peerId: peer.info.peerId, error: String(error) });
    }
  }

  /** A mediasoup call whose failure becomes a typed error (INTERNAL ones are logged). */
  private async mediaCall<T>(action: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const typed = toSignallingError(error, action);
      if (typed.code === 'INTERNAL') this.settings.logger.error(`${action} failed`, { meetingId: this.meetingId, error: String(error) });
      throw typed;
    }
  }
}

function producerInfo(producer: types.Producer): ProducerInfo {
  return {
    producerId: producer.id,
    peerId: String(producer.appData.peerId),
    kind: producer.kind,
    source: producer.appData.source as MediaSource,
    paused: producer.paused,
  };
}
