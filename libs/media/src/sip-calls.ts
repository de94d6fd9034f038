/**
 * The media of SIP calls (room systems through the sip-drachtio adapter): the media half of the
 * host capability `SipCallHost` (openLeg/closeLeg). A call is one more participant of the meeting
 * (peer `sip-<Call-ID>`, role room, named after the caller). Each accepted m-line gets its own
 * "leg router" holding only the negotiated codec under the offer's payload type (SIP endpoints
 * decode by the PT they offered, and PTs repeat across m-lines), with a plain RTP transport on our
 * address connected to the offered port (comedia off: RTP is symmetric, everything back leaves from
 * that transport). The caller's RTP is produced there (its SSRC from a=ssrc) and piped into the
 * meeting's router, where browsers consume it like any producer.
 *
 * An offer without a=ssrc (mediasoup demultiplexes by SSRC) gets "SSRC learning": we answer with a
 * port a plain UDP socket holds, read the SSRC of the first RTP packet from the room system, then
 * open the leg's transport on that same port (packets in between, a few ms, are lost).
 *
 * Toward the room system, its video leg carries one picture: the active speaker's camera (else the
 * current one while it lasts, else any camera the leg's codec can carry), piped from the meeting's
 * router into the leg router and consumed on the leg's transport under the offer's payload type,
 * with a keyframe request on each switch. mediasoup does not transcode: a VP8 camera cannot reach
 * an H.264-only leg (skipped; browsers must send H.264 too, or a transcoder is needed).
 *
 * Its audio leg carries the mix-minus of the others' audio, made by ffmpeg (sip-audio-mix.ts). The
 * room's own audio is measured by another ffmpeg (sip-speech-meter.ts), so that a room that speaks
 * becomes the meeting's active speaker (speaker-arbiter.ts): room systems send no RFC 6464 level.
 * While the room system holds a stream (re-INVITE a=sendonly/inactive), we send it nothing there.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { types } from 'mediasoup';
import type { SipCodec, SipLegEndReason, SipLegMedia, SipMediaLeg } from '@maillage/core';
import type { MediaLogger } from './media-options';
import type { MeetingBridge, PlacedRouter } from './meeting-bridge';
import { SipAudioMix, SipMeetingMix } from './sip-audio-mix';
import { SipSpeechMeter } from './sip-speech-meter';
import { SignallingError } from './protocol';

export interface SipCallsDeps {
  bridge(meetingId: string): MeetingBridge | undefined;
  createRouter(options: types.RouterOptions): Promise<PlacedRouter>;
  listenIp: string;
  announcedAddress?: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  logger: MediaLogger;
}

interface Leg {
  index: number;
  kind: 'audio' | 'video';
  codec: SipCodec;
  router: types.Router;
  /** Our RTP (and RTCP when not muxed) port, given in the answer. */
  port: number;
  rtcpPort?: number;
  /** The room system receives on this leg (sendrecv or recvonly on its side). */
  receives: boolean;
  /** Absent while the SSRC is being learnt. */
  transport?: types.PlainTransport;
  /** SSRC learning: the sockets holding the answered ports until the first packet. */
  learning?: Socket[];
  learningTimer?: NodeJS.Timeout;
  /** ms from the leg's opening to its producer, when the SSRC was learnt. */
  learntAfterMs?: number;
  /** The caller's RTP on the leg router (when its SSRC is known). */
  producer?: types.Producer;
  /** Its copy in the meeting's router. */
  meetingProducerId?: string;
  /** Audio: how loud the room speaks, for the active speaker. */
  meter?: SipSpeechMeter;
}

interface VideoOut {
  sourceProducerId: string;
  pipeConsumer: types.Consumer;
  pipeProducer: types.Producer;
  consumer: types.Consumer;
}

interface Call {
  callId: string;
  meetingId: string;
  peerId: string;
  legs: Leg[];
  closed?: boolean;
  speakerPeerId: string | null;
  /** What the video leg sends to the room system now. */
  videoOut?: VideoOut;
  /** Producers the video leg cannot carry (codec). */
  incompatible: Set<string>;
  /** Switches, one at a time. */
  videoQueue: Promise<void>;
  /** The others' audio, mixed by ffmpeg, toward the room system. */
  audioMix?: SipAudioMix;
  /** What we send the room system: a kind is false while it holds it (re-INVITE a=sendonly/inactive). */
  outbound: { audio: boolean; video: boolean };
}

/** What one leg has received from the room system. */
export interface SipLegStats {
  index: number;
  kind: 'audio' | 'video';
  codec: string;
  meetingProducerId?: string;
  /** Set when the SSRC was learnt from the first packet (no a=ssrc): ms from the leg's opening to its producer. */
  ssrcLearntAfterMs?: number;
  /** Audio: speech levels measured so far (one per 100 ms of audio received), for the active speaker, and the meter's ffmpeg. */
  levelsMeasured?: number;
  speechMeterPid?: number;
  packets: number;
  bytes: number;
}

const MIME: Record<SipCodec['name'], string> = { PCMU: 'audio/PCMU', PCMA: 'audio/PCMA', G722: 'audio/G722', opus: 'audio/opus', H264: 'video/H264', VP8: 'video/VP8' };

/** The leg router's only codec: the negotiated one, under the offer's payload type. */
export function legRouterCodec(codec: SipCodec): types.RouterRtpCodecCapability {
  const parameters = codec.name === 'H264' ? { 'packetization-mode': 1, 'level-asymmetry-allowed': 1, 'profile-level-id': String(codec.parameters['profile-level-id'] ?? '42e01f') } : {};
  return {
    kind: codec.kind,
    mimeType: MIME[codec.name],
    clockRate: codec.clockRate,
    preferredPayloadType: codec.payloadType,
    ...(codec.channels ? { channels: codec.channels } : {}),
    parameters,
  };
}

/** What the caller sends on that leg, as mediasoup producer parameters. */
function callerRtpParameters(leg: SipMediaLeg & { ssrc: number }): types.RtpParameters {
  const codec = legRouterCodec(leg.codec);
  return {
    codecs: [
      {
        mimeType: codec.mimeType,
        payloadType: leg.codec.payloadType,
        clockRate: codec.clockRate,
        ...(codec.channels ? { channels: codec.channels } : {}),
        parameters: codec.parameters,
        rtcpFeedback: leg.kind === 'video' ? [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] : [],
      },
    ],
    encodings: [{ ssrc: leg.ssrc }],
    rtcp: { cname: `sip-${leg.index}`, reducedSize: false },
  };
}

export class SipCalls {
  private readonly calls = new Map<string, Call>();
  /** Each meeting's mixer, shared by its SIP legs (one ffmpeg per meeting). */
  private readonly mixes = new Map<string, SipMeetingMix>();
  /**
   * Set by the SIP side: a room system's camera was just switched to (another room shows it now),
   * so that it is asked for a fresh picture by SIP INFO picture_fast_update too, next to RTCP PLI/FIR.
   */
  pictureWanted?: (callId: string) => void;

  constructor(private readonly deps: SipCallsDeps) {}

  /** Joins the call to its meeting and opens one leg per m-line; our ports come back for the SDP answer. */
  async openLeg(call: { meetingId: string; callId: string; displayName: string; legs: SipMediaLeg[] }): Promise<SipLegMedia> {
    if (this.calls.has(call.callId)) throw new SignallingError('BAD_REQUEST', `call ${call.callId} is already open`);
    const bridge = this.deps.bridge(call.meetingId);
    if (!bridge || bridge.isClosed) throw new SignallingError('NOT_FOUND', 'the meeting bridge is not open');
    const peerId = `sip-${call.callId}`;
    const open: Call = { callId: call.callId, meetingId: call.meetingId, peerId, legs: [], speakerPeerId: null, incompatible: new Set(), videoQueue: Promise.resolve(), outbound: { audio: true, video: true } };
    this.calls.set(call.callId, open);
    // The call hears the meeting's news like a browser: new and closed producers, the active speaker.
    bridge.join({ peerId, name: call.displayName, role: 'room' }, (notification) => {
      if (notification.notification === 'activeSpeaker') open.speakerPeerId = notification.data.peerId;
      if (['activeSpeaker', 'newProducer', 'producerClosed', 'producerPaused', 'producerResumed', 'peerLeft'].includes(notification.notification)) this.followVideo(open);
      if (['newProducer', 'producerClosed', 'producerPaused', 'producerResumed', 'peerLeft'].includes(notification.notification)) open.audioMix?.update();
    });
    try {
      for (const leg of call.legs) open.legs.push(await this.openOne(bridge, peerId, leg));
    } catch (error) {
      await this.closeLeg(call.callId, 'failed');
      throw error;
    }
    this.followVideo(open);
    const audioLeg = open.legs.find((leg) => leg.kind === 'audio' && leg.receives && leg.transport);
    if (audioLeg?.transport) {
      const { listenIp, rtcMinPort, rtcMaxPort, logger } = this.deps;
      const portRange = { min: rtcMinPort, max: rtcMaxPort };
      let mix = this.mixes.get(call.meetingId);
      if (!mix) {
        mix = new SipMeetingMix({ bridge, listenIp, portRange, logger });
        this.mixes.set(call.meetingId, mix);
      }
      open.audioMix = new SipAudioMix({ mix, peerId, codec: audioLeg.codec, legRouter: audioLeg.router, legTransport: audioLeg.transport, listenIp, portRange });
    }
    const ip = this.deps.announcedAddress ?? this.deps.listenIp;
    return { ip, legs: Object.fromEntries(open.legs.map((leg) => [leg.index, { port: leg.port, ...(leg.rtcpPort ? { rtcpPort: leg.rtcpPort } : {}) }])) };
  }

  /** Leaves the meeting and closes the leg routers (and so every transport, producer and pipe of the call). */
  async closeLeg(callId: string, reason: SipLegEndReason): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) return;
    this.calls.delete(callId);
    call.closed = true;
    this.stopVideo(call);
    await call.audioMix?.close();
    const mix = this.mixes.get(call.meetingId);
    if (mix?.isEmpty) {
      this.mixes.delete(call.meetingId);
      await mix.close();
    }
    const bridge = this.deps.bridge(call.meetingId);
    if (bridge && !bridge.isClosed) bridge.leave(call.peerId);
    for (const leg of call.legs) {
      stopLearning(leg);
      await leg.meter?.close();
      leg.router.close();
    }
    this.deps.logger.info('SIP call media closed', { callId, meetingId: call.meetingId, reason });
  }

  /** The calls' legs and what each received (monitoring, tests). */
  async stats(callId: string): Promise<SipLegStats[]> {
    const call = this.calls.get(callId);
    if (!call) throw new SignallingError('NOT_FOUND', `no SIP call ${callId}`);
    return Promise.all(
      call.legs.map(async (leg) => {
        const stats = leg.producer ? await leg.producer.getStats() : [];
        const sum = stats.reduce((total, stat) => ({ packets: total.packets + stat.packetCount, bytes: total.bytes + stat.byteCount }), { packets: 0, bytes: 0 });
        return {
          index: leg.index,
          kind: leg.kind,
          codec: `${leg.codec.name}/${leg.codec.payloadType}`,
          meetingProducerId: leg.meetingProducerId,
          ...(leg.learntAfterMs !== undefined ? { ssrcLearntAfterMs: leg.learntAfterMs } : {}),
          ...(leg.meter ? { levelsMeasured: leg.meter.reported, speechMeterPid: leg.meter.pid } : {}),
          ...sum,
        };
      }),
    );
  }

  /** What the call's video leg sends to the room system (monitoring, tests). */
  async videoOutStats(callId: string): Promise<{ sourceProducerId: string; packets: number; bytes: number } | undefined> {
    const call = this.calls.get(callId);
    if (!call) throw new SignallingError('NOT_FOUND', `no SIP call ${callId}`);
    await call.videoQueue;
    const out = call.videoOut;
    if (!out) return undefined;
    const stats = await out.consumer.getStats();
    const outbound = stats.filter((stat) => stat.type === 'outbound-rtp');
    return { sourceProducerId: out.sourceProducerId, packets: outbound.reduce((sum, stat) => sum + stat.packetCount, 0), bytes: outbound.reduce((sum, stat) => sum + stat.byteCount, 0) };
  }

  /** A keyframe of what the call's video leg shows (the room system's SIP INFO picture_fast_update). */
  async requestKeyFrame(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) throw new SignallingError('NOT_FOUND', `no SIP call ${callId}`);
    await call.videoQueue;
    await call.videoOut?.consumer.requestKeyFrame();
  }

  /**
   * The room system held or resumed its streams (re-INVITE): the mix and the picture we send it
   * pause while it holds them (their consumers paused: nothing leaves toward it), resume after,
   * the picture with a keyframe. Held altogether, its own producers pause in the meeting too.
   */
  async setOutbound(callId: string, outbound: { audio: boolean; video: boolean }): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) throw new SignallingError('NOT_FOUND', `no SIP call ${callId}`);
    const before = call.outbound;
    call.outbound = { ...outbound };
    await call.audioMix?.setPaused(!outbound.audio);
    await call.videoQueue;
    const video = call.videoOut?.consumer;
    if (video && video.paused === outbound.video) {
      if (outbound.video) {
        await video.resume();
        await video.requestKeyFrame();
      } else await video.pause();
    }
    // On hold the room system is not in the meeting either: its producers pause (no music on hold for
    // the others, who see it muted), and resume with the call.
    const held = !outbound.audio && !outbound.video;
    const bridge = this.deps.bridge(call.meetingId);
    if (bridge && !bridge.isClosed && bridge.isLive && held !== (!before.audio && !before.video)) {
      for (const leg of call.legs) if (leg.meetingProducerId) await (held ? bridge.pause(call.peerId, { producerId: leg.meetingProducerId }) : bridge.resume(call.peerId, { producerId: leg.meetingProducerId }));
    }
    if (outbound.audio !== before.audio || outbound.video !== before.video) this.deps.logger.info('SIP call: what we send it changed (hold/resume)', { callId, meetingId: call.meetingId, ...outbound });
  }

  /** What we send the call now (false: held by the room system). */
  outbound(callId: string): { audio: boolean; video: boolean } {
    const call = this.calls.get(callId);
    if (!call) throw new SignallingError('NOT_FOUND', `no SIP call ${callId}`);
    return { ...call.outbound };
  }

  /** What the call's audio leg sends to the room system: the mix of how many inputs, how many packets. */
  async audioOutStats(callId: string): Promise<{ inputs: number; packets: number; ffmpegStarts: number; ffmpegPid?: number } | undefined> {
    const call = this.calls.get(callId);
    if (!call) throw new SignallingError('NOT_FOUND', `no SIP call ${callId}`);
    if (!call.audioMix) return undefined;
    return { ...(await call.audioMix.outStats()), ffmpegStarts: call.audioMix.generation };
  }

  callIds(): string[] {
    return [...this.calls.keys()];
  }

  /** Closes every call (the media server is stopping). */
  closeAll(): void {
    for (const callId of [...this.calls.keys()]) void this.closeLeg(callId, 'shutdown');
  }

  private async openOne(bridge: MeetingBridge, peerId: string, leg: SipMediaLeg): Promise<Leg> {
    const { router } = await this.deps.createRouter({ mediaCodecs: [legRouterCodec(leg.codec)] });
    try {
      const sends = leg.direction === 'sendrecv' || leg.direction === 'sendonly';
      if (sends && leg.ssrc === undefined) return await this.learnSsrc(bridge, peerId, leg, router);
      const transport = await this.legTransport(router, peerId, leg);
      const opened: Leg = { index: leg.index, kind: leg.kind, codec: leg.codec, router, transport, port: transport.tuple.localPort, rtcpPort: transport.rtcpTuple?.localPort, receives: receives(leg) };
      if (sends && leg.ssrc !== undefined) await this.produceCaller(bridge, peerId, leg, opened, leg.ssrc);
      return opened;
    } catch (error) {
      router.close();
      throw error;
    }
  }

  /** Re-chooses the picture for the room system (queued: one switch at a time). */
  private followVideo(call: Call): void {
    call.videoQueue = call.videoQueue
      .then(() => this.switchVideo(call))
      .catch((error: unknown) => this.deps.logger.warn('SIP leg: video switch failed', { peerId: call.peerId, error: String(error) }));
  }

  private async switchVideo(call: Call): Promise<void> {
    const bridge = this.deps.bridge(call.meetingId);
    const leg = call.legs.find((l) => l.kind === 'video' && l.transport && l.receives);
    if (call.closed || !bridge || bridge.isClosed || !bridge.isLive || !leg?.transport) return;
    const cameras = bridge.producers().filter((p) => p.kind === 'video' && p.peerId !== call.peerId && !p.paused && !call.incompatible.has(p.producerId));
    const current = call.videoOut?.sourceProducerId;
    const ranked = [
      ...cameras.filter((p) => p.peerId === call.speakerPeerId && p.source === 'camera'),
      ...cameras.filter((p) => p.producerId === current),
      ...cameras.filter((p) => p.source === 'camera'),
      ...cameras,
    ];
    for (const candidate of ranked) {
      if (candidate.producerId === current) return; // already showing the best one available
      try {
        const { pipeConsumer, pipeProducer } = await bridge.pipeOut(candidate.producerId, leg.router);
        const codecs = (leg.router.rtpCapabilities.codecs ?? []).filter((codec) => codec.mimeType.toLowerCase() !== 'video/rtx');
        const consumer = await leg.transport.consume({ producerId: pipeProducer.id, rtpCapabilities: { codecs, headerExtensions: [] }, paused: !call.outbound.video });
        if (call.closed) {
          for (const end of [consumer, pipeProducer, pipeConsumer]) end.close();
          return;
        }
        this.stopVideo(call);
        call.videoOut = { sourceProducerId: candidate.producerId, pipeConsumer, pipeProducer, consumer };
        // mediasoup starts a video consumer on a keyframe: ask the sender for one now (PLI/FIR upstream),
        // and a room system by SIP INFO as well: some ignore RTCP feedback.
        if (call.outbound.video) {
          await consumer.requestKeyFrame();
          const source = [...this.calls.values()].find((other) => other.peerId === candidate.peerId);
          if (source) this.pictureWanted?.(source.callId);
        }
        this.deps.logger.info('SIP leg: video follows', { peerId: call.peerId, from: candidate.peerId, producerId: candidate.producerId });
        return;
      } catch (error) {
        if (error instanceof SignallingError && error.code === 'CANNOT_CONSUME') {
          call.incompatible.add(candidate.producerId);
          continue;
        }
        throw error;
      }
    }
    if (!current || !cameras.some((p) => p.producerId === current)) this.stopVideo(call);
  }

  private stopVideo(call: Call): void {
    const out = call.videoOut;
    call.videoOut = undefined;
    if (out) for (const end of [out.consumer, out.pipeProducer, out.pipeConsumer]) end.close();
  }

  /** The leg's plain transport, connected to the offered port (comedia off: symmetric RTP); on given ports when the SSRC was learnt on them. */
  private async legTransport(router: types.Router, peerId: string, leg: SipMediaLeg, ports?: { port: number; rtcpPort?: number }): Promise<types.PlainTransport> {
    const listen = { protocol: 'udp' as const, ip: this.deps.listenIp, announcedAddress: this.deps.announcedAddress };
    const transport = await router.createPlainTransport({
      listenInfo: ports ? { ...listen, port: ports.port } : { ...listen, portRange: { min: this.deps.rtcMinPort, max: this.deps.rtcMaxPort } },
      ...(ports?.rtcpPort ? { rtcpListenInfo: { ...listen, port: ports.rtcpPort } } : {}),
      rtcpMux: leg.rtcpMux,
      comedia: false,
      appData: { peerId, sipLeg: leg.index },
    });
    await transport.connect({ ip: leg.remote.ip, port: leg.remote.port, ...(leg.rtcpMux ? {} : { rtcpPort: leg.remote.rtcpPort ?? leg.remote.port + 1 }) });
    return transport;
  }

  private async produceCaller(bridge: MeetingBridge, peerId: string, leg: SipMediaLeg, opened: Leg, ssrc: number): Promise<void> {
    const transport = opened.transport!;
    opened.producer = await transport.produce({ kind: leg.kind, rtpParameters: callerRtpParameters({ ...leg, ssrc }), appData: { peerId } });
    opened.meetingProducerId = (await bridge.pipeIn(peerId, opened.router, opened.producer, leg.kind === 'audio' ? 'microphone' : 'camera')).producerId;
    if (leg.kind === 'audio') {
      const { listenIp, rtcMinPort, rtcMaxPort, logger } = this.deps;
      opened.meter = new SipSpeechMeter({ bridge, producerId: opened.meetingProducerId, listenIp, portRange: { min: rtcMinPort, max: rtcMaxPort }, logger, onLevel: (levelDb) => bridge.reportSpeechLevel(peerId, levelDb) });
      await opened.meter.start();
    }
  }

  /** No a=ssrc: hold the answered port(s) with plain sockets until the first RTP packet of the negotiated payload type, then open the leg there. */
  private async learnSsrc(bridge: MeetingBridge, peerId: string, leg: SipMediaLeg, router: types.Router): Promise<Leg> {
    const sockets = await this.bindPorts(leg.rtcpMux ? 1 : 2);
    const opened: Leg = { index: leg.index, kind: leg.kind, codec: leg.codec, router, port: sockets[0].address().port, rtcpPort: sockets[1]?.address().port, learning: sockets, receives: receives(leg) };
    const started = Date.now();
    opened.learningTimer = setTimeout(() => {
      this.deps.logger.warn('SIP leg: no RTP to learn its SSRC from within 30 s', { peerId, index: leg.index });
      stopLearning(opened);
    }, SSRC_LEARNING_TIMEOUT_MS);
    sockets[0].on('message', (packet, from) => {
      if (!opened.learning || from.address !== leg.remote.ip || packet.length < 12 || packet[0] >> 6 !== 2) return;
      if ((packet[1] & 0x7f) !== leg.codec.payloadType) return; // RTCP (muxed), telephone-event, comfort noise…
      const ssrc = packet.readUInt32BE(8);
      stopLearning(opened);
      void (async () => {
        opened.transport = await this.legTransport(router, peerId, leg, { port: opened.port, rtcpPort: opened.rtcpPort });
        await this.produceCaller(bridge, peerId, leg, opened, ssrc);
        opened.learntAfterMs = Date.now() - started;
        this.deps.logger.info('SIP leg: SSRC learnt from the first packet', { peerId, index: leg.index, ssrc });
      })().catch((error: unknown) => this.deps.logger.error('SIP leg: could not open after learning its SSRC', { peerId, index: leg.index, error: String(error) }));
    });
    return opened;
  }

  /** `count` consecutive free UDP ports in our range (RTP, then RTCP), held by sockets. */
  private async bindPorts(count: 1 | 2): Promise<Socket[]> {
    const { rtcMinPort: min, rtcMaxPort: max, listenIp } = this.deps;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const first = min + Math.floor(Math.random() * (max - min - count + 1));
      const sockets: Socket[] = [];
      try {
        for (let i = 0; i < count; i += 1) sockets.push(await bindUdp(listenIp, first + i));
        return sockets;
      } catch {
        for (const socket of sockets) socket.close();
      }
    }
    throw new SignallingError('UNAVAILABLE', `no free UDP port in ${min}-${max}`);
  }
}

const SSRC_LEARNING_TIMEOUT_MS = 30_000;

const receives = (leg: SipMediaLeg) => leg.direction === 'sendrecv' || leg.direction === 'recvonly';

function bindUdp(ip: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, ip, () => resolve(socket));
  });
}

function stopLearning(leg: Leg): void {
  clearTimeout(leg.learningTimer);
  for (const socket of leg.learning ?? []) socket.close();
  leg.learning = undefined;
}
