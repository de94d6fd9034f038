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
 * Not yet: media toward the room system (mix-minus audio, active speaker video), SSRC learning
 * for offers without a=ssrc (such a leg is answered but produces nothing).
 */
import type { types } from 'mediasoup';
import type { SipCodec, SipLegEndReason, SipLegMedia, SipMediaLeg } from '@maillage/core';
import type { MediaLogger } from './media-options';
import type { MeetingBridge, PlacedRouter } from './meeting-bridge';
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
  transport: types.PlainTransport;
  /** The caller's RTP on the leg router (when its SSRC is known). */
  producer?: types.Producer;
  /** Its copy in the meeting's router. */
  meetingProducerId?: string;
}

interface Call {
  callId: string;
  meetingId: string;
  peerId: string;
  legs: Leg[];
}

/** What one leg has received from the room system. */
export interface SipLegStats {
  index: number;
  kind: 'audio' | 'video';
  codec: string;
  meetingProducerId?: string;
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

  constructor(private readonly deps: SipCallsDeps) {}

  /** Joins the call to its meeting and opens one leg per m-line; our ports come back for the SDP answer. */
  async openLeg(call: { meetingId: string; callId: string; displayName: string; legs: SipMediaLeg[] }): Promise<SipLegMedia> {
    if (this.calls.has(call.callId)) throw new SignallingError('BAD_REQUEST', `call ${call.callId} is already open`);
    const bridge = this.deps.bridge(call.meetingId);
    if (!bridge || bridge.isClosed) throw new SignallingError('NOT_FOUND', 'the meeting bridge is not open');
    const peerId = `sip-${call.callId}`;
    const open: Call = { callId: call.callId, meetingId: call.meetingId, peerId, legs: [] };
    this.calls.set(call.callId, open);
    bridge.join({ peerId, name: call.displayName, role: 'room' }, () => undefined);
    try {
      for (const leg of call.legs) open.legs.push(await this.openOne(bridge, peerId, leg));
    } catch (error) {
      await this.closeLeg(call.callId, 'failed');
      throw error;
    }
    const ip = this.deps.announcedAddress ?? this.deps.listenIp;
    return { ip, legs: Object.fromEntries(open.legs.map((leg) => [leg.index, { port: leg.transport.tuple.localPort, ...(leg.transport.rtcpTuple ? { rtcpPort: leg.transport.rtcpTuple.localPort } : {}) }])) };
  }

  /** Leaves the meeting and closes the leg routers (and so every transport, producer and pipe of the call). */
  async closeLeg(callId: string, reason: SipLegEndReason): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) return;
    this.calls.delete(callId);
    const bridge = this.deps.bridge(call.meetingId);
    if (bridge && !bridge.isClosed) bridge.leave(call.peerId);
    for (const leg of call.legs) leg.router.close();
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
        return { index: leg.index, kind: leg.kind, codec: `${leg.codec.name}/${leg.codec.payloadType}`, meetingProducerId: leg.meetingProducerId, ...sum };
      }),
    );
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
      const transport = await router.createPlainTransport({
        listenInfo: { protocol: 'udp', ip: this.deps.listenIp, announcedAddress: this.deps.announcedAddress, portRange: { min: this.deps.rtcMinPort, max: this.deps.rtcMaxPort } },
        rtcpMux: leg.rtcpMux,
        comedia: false,
        appData: { peerId, sipLeg: leg.index },
      });
      await transport.connect({ ip: leg.remote.ip, port: leg.remote.port, ...(leg.rtcpMux ? {} : { rtcpPort: leg.remote.rtcpPort ?? leg.remote.port + 1 }) });
      const opened: Leg = { index: leg.index, kind: leg.kind, codec: leg.codec, router, transport };
      const sends = leg.direction === 'sendrecv' || leg.direction === 'sendonly';
      if (sends && leg.ssrc !== undefined) {
        opened.producer = await transport.produce({ kind: leg.kind, rtpParameters: callerRtpParameters({ ...leg, ssrc: leg.ssrc }), appData: { peerId } });
        opened.meetingProducerId = (await bridge.pipeIn(peerId, router, opened.producer, leg.kind === 'audio' ? 'microphone' : 'camera')).producerId;
      } else if (sends) {
        this.deps.logger.warn('SIP leg without a=ssrc: its media is not forwarded yet (no SSRC learning)', { peerId, index: leg.index, kind: leg.kind });
      }
      return opened;
    } catch (error) {
      router.close();
      throw error;
    }
  }
}
