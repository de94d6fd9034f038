/**
 * SDP offer/answer for SIP room systems (RFC 3264), as pure functions: `negotiateSipOffer` reads a
 * room system's offer and picks, per m-line, the first codec of the offer the meeting bridge speaks
 * (G.711 µ-law/A-law, G.722, Opus; H.264 packetization-mode 1 baseline profiles, VP8), keeping the
 * offer's payload type; `sipAnswerSdp` writes the answer once the media side has its ports. The
 * sip-drachtio adapter refuses with the returned status (400 malformed, 488 nothing in common),
 * libs/media opens one leg per accepted m-line.
 */
import { parse, write, type MediaDescription, type SessionDescription } from 'sdp-transform';

export type SipCodecName = 'PCMU' | 'PCMA' | 'G722' | 'opus' | 'H264' | 'VP8';

export interface SipCodec {
  name: SipCodecName;
  kind: 'audio' | 'video';
  /** The offer's payload type: the room system decodes by it, so the answer and our RTP keep it. */
  payloadType: number;
  clockRate: number;
  channels?: number;
  /** The offer's fmtp parameters for that payload type (e.g. packetization-mode, profile-level-id). */
  parameters: Record<string, string | number>;
}

/** One accepted m-line: what we send there and where. */
export interface SipMediaLeg {
  /** Position of the m-line in the offer (the answer keeps every m-line, in order). */
  index: number;
  kind: 'audio' | 'video';
  codec: SipCodec;
  /** Where the room system receives RTP (and RTCP when not muxed). */
  remote: { ip: string; port: number; rtcpPort?: number };
  rtcpMux: boolean;
  /** The room system's SSRC from a=ssrc, when it announced one (else the media side learns it). */
  ssrc?: number;
  /** The offer's direction, seen from the room system. */
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  /** The offer's telephone-event payload type on audio (DTMF), answered as such. */
  telephoneEvent?: { payloadType: number; clockRate: number };
}

export type SipOfferNegotiation =
  | { ok: true; legs: SipMediaLeg[]; offer: SessionDescription }
  | { ok: false; status: 400 | 488; reason: string };

/** What we speak, by codec name (lowercase) and clock rate. G.722's RTP clock rate is 8000 (RFC 3551). */
const SUPPORTED: Record<string, { name: SipCodecName; kind: 'audio' | 'video'; clockRate: number }> = {
  pcmu: { name: 'PCMU', kind: 'audio', clockRate: 8000 },
  pcma: { name: 'PCMA', kind: 'audio', clockRate: 8000 },
  g722: { name: 'G722', kind: 'audio', clockRate: 8000 },
  opus: { name: 'opus', kind: 'audio', clockRate: 48000 },
  h264: { name: 'H264', kind: 'video', clockRate: 90000 },
  vp8: { name: 'VP8', kind: 'video', clockRate: 90000 },
};

/** RFC 3551 static payload types, for offers that list them without a=rtpmap. */
const STATIC_PAYLOAD_TYPES: Record<number, { codec: string; rate: number }> = {
  0: { codec: 'PCMU', rate: 8000 },
  8: { codec: 'PCMA', rate: 8000 },
  9: { codec: 'G722', rate: 8000 },
};

type Media = MediaDescription;

const fmtpOf = (media: Media, payloadType: number): Record<string, string | number> => {
  const config = (media.fmtp ?? []).find((f) => f.payload === payloadType)?.config;
  const parameters: Record<string, string | number> = {};
  for (const part of (config ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (!key) continue;
    const value = rest.join('=').trim();
    parameters[key.trim().toLowerCase()] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return parameters;
};

/** H.264: packetization-mode 1 (mediasoup forwards FU-A/STAP-A; mode 0 needs a repacketiser) and a baseline profile (profile_idc 0x42). */
const h264Usable = (parameters: Record<string, string | number>) => {
  if (Number(parameters['packetization-mode'] ?? 0) !== 1) return false;
  const profile = String(parameters['profile-level-id'] ?? '42e01f').toLowerCase();
  return /^42[0-9a-f]{4}$/.test(profile);
};

function chooseCodec(media: Media): { codec?: SipCodec; telephoneEvent?: SipMediaLeg['telephoneEvent'] } {
  const payloads = String(media.payloads ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  let codec: SipCodec | undefined;
  let telephoneEvent: SipMediaLeg['telephoneEvent'];
  for (const payloadType of payloads) {
    if (!Number.isInteger(payloadType) || payloadType < 0 || payloadType > 127) continue;
    const rtp = media.rtp.find((r) => r.payload === payloadType) ?? (STATIC_PAYLOAD_TYPES[payloadType] && { payload: payloadType, ...STATIC_PAYLOAD_TYPES[payloadType] });
    if (!rtp) continue;
    const name = rtp.codec.toLowerCase();
    if (name === 'telephone-event' && media.type === 'audio' && !telephoneEvent) {
      telephoneEvent = { payloadType, clockRate: rtp.rate ?? 8000 };
      continue;
    }
    const supported = SUPPORTED[name];
    if (codec || !supported || supported.kind !== media.type) continue;
    if (rtp.rate !== undefined && rtp.rate !== supported.clockRate) continue;
    const parameters = fmtpOf(media, payloadType);
    if (supported.name === 'H264' && !h264Usable(parameters)) continue;
    codec = {
      name: supported.name,
      kind: supported.kind,
      payloadType,
      clockRate: supported.clockRate,
      ...(supported.name === 'opus' ? { channels: 2 } : {}),
      parameters,
    };
  }
  return { codec, telephoneEvent: codec && telephoneEvent?.clockRate === codec.clockRate ? telephoneEvent : undefined };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * Reads an offer. 400 when it is not SDP (no v=, no m-line, no usable connection address, a bad
 * port); 488 when no m-line has a codec in common (or only encrypted/non-RTP media). An m-line we
 * do not take (BFCP, an unknown codec, port 0) is left out of `legs`: the answer rejects it (port 0).
 */
export function negotiateSipOffer(sdp: string): SipOfferNegotiation {
  if (typeof sdp !== 'string' || !/^v=0\r?$/m.test(sdp.split('\n')[0] ?? '')) return { ok: false, status: 400, reason: 'malformed SDP: it must start with v=0' };
  let offer: SessionDescription;
  try {
    offer = parse(sdp);
  } catch {
    return { ok: false, status: 400, reason: 'malformed SDP' };
  }
  if (!offer.media || offer.media.length === 0) return { ok: false, status: 400, reason: 'malformed SDP: no m-line' };
  const legs: SipMediaLeg[] = [];
  let secure = false;
  for (const [index, media] of offer.media.entries()) {
    if (!Number.isInteger(media.port) || media.port < 0 || media.port > 65535) return { ok: false, status: 400, reason: `malformed SDP: m-line ${index} has no valid port` };
    const ip = media.connection?.ip ?? offer.connection?.ip;
    if (media.port === 0) continue;
    if (!ip || !IPV4.test(ip)) return { ok: false, status: 400, reason: `malformed SDP: m-line ${index} has no IPv4 connection address` };
    if (media.type !== 'audio' && media.type !== 'video') continue;
    if (media.protocol !== 'RTP/AVP' && media.protocol !== 'RTP/AVPF') {
      secure ||= /SAVP/.test(media.protocol ?? '');
      continue;
    }
    const { codec, telephoneEvent } = chooseCodec(media);
    if (!codec) continue;
    const direction = media.direction ?? offer.direction ?? 'sendrecv';
    const rtcpMux = media.rtcpMux !== undefined;
    const rtcpPort = rtcpMux ? undefined : (media.rtcp?.port ?? media.port + 1);
    const ssrcValue = media.ssrcs?.[0]?.id;
    const ssrc = ssrcValue === undefined ? undefined : Number(ssrcValue);
    legs.push({
      index,
      kind: media.type,
      codec,
      remote: { ip, port: media.port, ...(rtcpPort !== undefined ? { rtcpPort } : {}) },
      rtcpMux,
      ...(ssrc !== undefined && Number.isInteger(ssrc) && ssrc > 0 && ssrc < 2 ** 32 ? { ssrc } : {}),
      direction,
      ...(telephoneEvent ? { telephoneEvent } : {}),
    });
  }
  if (legs.length === 0) return { ok: false, status: 488, reason: secure ? 'encrypted media (SRTP) is not supported' : 'no codec in common (we take G.711, G.722, Opus, H.264 packetization-mode 1, VP8)' };
  return { ok: true, legs, offer };
}

/** Where our side of each leg listens (libs/media's plain transports), by m-line index, and our SSRCs. */
export interface SipAnswerLocal {
  ip: string;
  /** o= session id and version (keep the id for the dialog, bump the version on a re-INVITE). */
  sessionId: number;
  sessionVersion?: number;
  legs: Record<number, { port: number; rtcpPort?: number; ssrc?: number }>;
}

const REVERSED = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' } as const;

/** The answer: every m-line of the offer in order; accepted ones with their one codec and our ports, the others with port 0. */
export function sipAnswerSdp(negotiation: Extract<SipOfferNegotiation, { ok: true }>, local: SipAnswerLocal): string {
  const legByIndex = new Map(negotiation.legs.map((leg) => [leg.index, leg]));
  const media = negotiation.offer.media.map((offered, index): Media => {
    const leg = legByIndex.get(index);
    const ours = local.legs[index];
    if (!leg || !ours) {
      return { type: offered.type, port: 0, protocol: offered.protocol, payloads: String(offered.payloads ?? '').split(/\s+/)[0] ?? '0', rtp: [], fmtp: [] };
    }
    const { codec } = leg;
    const fmtp = Object.entries(codec.parameters)
      .map(([key, value]) => `${key}=${value}`)
      .join(';');
    const payloads = [codec.payloadType, ...(leg.telephoneEvent ? [leg.telephoneEvent.payloadType] : [])];
    return {
      type: leg.kind,
      port: ours.port,
      protocol: offered.protocol,
      payloads: payloads.join(' '),
      connection: { version: 4, ip: local.ip },
      rtp: [
        { payload: codec.payloadType, codec: codec.name, rate: codec.clockRate, ...(codec.channels ? { encoding: codec.channels } : {}) },
        ...(leg.telephoneEvent ? [{ payload: leg.telephoneEvent.payloadType, codec: 'telephone-event', rate: leg.telephoneEvent.clockRate }] : []),
      ],
      fmtp: [...(fmtp ? [{ payload: codec.payloadType, config: fmtp }] : []), ...(leg.telephoneEvent ? [{ payload: leg.telephoneEvent.payloadType, config: '0-16' }] : [])],
      ...(leg.rtcpMux ? { rtcpMux: 'rtcp-mux' } : ours.rtcpPort ? { rtcp: { port: ours.rtcpPort, netType: 'IN', ipVer: 4, address: local.ip } } : {}),
      ...(leg.kind === 'video'
        ? {
            rtcpFb: [
              { payload: codec.payloadType, type: 'nack' },
              { payload: codec.payloadType, type: 'nack', subtype: 'pli' },
              { payload: codec.payloadType, type: 'ccm', subtype: 'fir' },
            ],
          }
        : {}),
      ...(ours.ssrc ? { ssrcs: [{ id: ours.ssrc, attribute: 'cname', value: 'maillage' }] } : {}),
      direction: REVERSED[leg.direction],
    };
  });
  const version = local.sessionVersion ?? local.sessionId;
  const answer: SessionDescription = {
    version: 0,
    origin: { username: 'maillage', sessionId: local.sessionId, sessionVersion: version, netType: 'IN', ipVer: 4, address: local.ip },
    name: 'Maillage',
    connection: { version: 4, ip: local.ip },
    timing: { start: 0, stop: 0 },
    media,
  };
  return write(answer);
}
