/**
 * Test doubles for a room system on the wire: a UDP socket that sends RTP (Opus with an audio
 * level, VP8 keyframes) into a plain transport, and one that receives what a consumer sends.
 * Bound to 127.0.0.1; close them in afterEach/afterAll.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';

export const OPUS_PAYLOAD_TYPE = 100;
export const VP8_PAYLOAD_TYPE = 101;
export const AUDIO_LEVEL_EXTENSION_ID = 1;
const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';

/** The `rtpParameters` a plain RTP sender declares for its Opus stream (with the audio-level extension). */
export function opusParameters(ssrc: number) {
  return {
    codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2 }],
    encodings: [{ ssrc }],
    headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: AUDIO_LEVEL_EXTENSION_ID }],
  };
}

/** VP8, one encoding per SSRC: three SSRCs make a simulcast producer (lowest resolution first). */
export function vp8Parameters(...ssrcs: number[]) {
  return {
    codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PAYLOAD_TYPE, clockRate: 90000 }],
    encodings: ssrcs.map((ssrc) => ({ ssrc })),
  };
}

export interface RtpStream {
  ssrc: number;
  kind: 'audio' | 'video';
  /**
   * Audio only: levels in -dBov (0 loudest, 127 silence) sent in turn, one per packet, with the
   * voice-activity bit. Speech rises and falls: a constant level reads as background noise.
   */
  audioLevels?: number[];
}

interface StreamState extends RtpStream {
  firstSequenceNumber: number;
  sequenceNumber: number;
  timestamp: number;
}

function rtpPacket(stream: StreamState): Buffer {
  const audio = stream.kind === 'audio';
  const levels = audio ? stream.audioLevels : undefined;
  const level = levels?.[(stream.sequenceNumber - stream.firstSequenceNumber) % levels.length];
  const extension = level !== undefined
    ? // One-byte header extension (RFC 8285): 0xBEDE, one 32-bit word: id/len, V bit + level, padding.
      Buffer.from([0xbe, 0xde, 0x00, 0x01, (AUDIO_LEVEL_EXTENSION_ID << 4) | 0, 0x80 | level, 0, 0])
    : Buffer.alloc(0);
  const header = Buffer.alloc(12);
  header[0] = 0x80 | (extension.length > 0 ? 0x10 : 0); // version 2, X bit
  header[1] = (audio ? OPUS_PAYLOAD_TYPE : VP8_PAYLOAD_TYPE) | (audio ? 0 : 0x80); // marker: one packet per video frame
  header.writeUInt16BE(stream.sequenceNumber & 0xffff, 2);
  header.writeUInt32BE(stream.timestamp >>> 0, 4);
  header.writeUInt32BE(stream.ssrc, 8);
  // Opus: a TOC byte (20 ms SILK frame) and filler. VP8: payload descriptor with S=1, partition 0,
  // then a keyframe header (inverse key frame bit 0, start code 9d 01 2a, 320x240): every frame is a
  // keyframe. The filler is the SSRC's low byte, so a receiver can tell which stream (simulcast layer) it got.
  const payload = audio
    ? Buffer.concat([Buffer.from([0x08]), Buffer.alloc(60, 0xaa)])
    : Buffer.concat([Buffer.from([0x10, 0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00]), Buffer.alloc(400, stream.ssrc & 0xff)]);
  return Buffer.concat([header, extension, payload]);
}

const NTP_EPOCH_OFFSET_S = 2_208_988_800;

/** An RTCP sender report (RFC 3550 §6.4.1): mediasoup needs them to switch simulcast layers in sync. */
function senderReport(stream: StreamState): Buffer {
  const report = Buffer.alloc(28);
  report[0] = 0x80; // version 2, no report block
  report[1] = 200; // SR
  report.writeUInt16BE(6, 2); // length in 32-bit words, minus one
  report.writeUInt32BE(stream.ssrc, 4);
  const now = Date.now();
  report.writeUInt32BE(Math.floor(now / 1000) + NTP_EPOCH_OFFSET_S, 8);
  report.writeUInt32BE(Math.floor(((now % 1000) / 1000) * 2 ** 32), 12);
  report.writeUInt32BE(stream.timestamp >>> 0, 16);
  report.writeUInt32BE(stream.sequenceNumber - stream.firstSequenceNumber, 20);
  return report;
}

/**
 * Sends every stream's packets (one every 20 ms) to a port, and a sender report per stream every
 * 500 ms (on the same port: the transport muxes RTCP), until stopped.
 */
export class RtpSource {
  private readonly socket: Socket = createSocket('udp4');
  private readonly streams: StreamState[];
  private timer?: NodeJS.Timeout;
  packetsSent = 0;

  constructor(streams: RtpStream[]) {
    this.streams = streams.map((stream, index) => ({ ...stream, firstSequenceNumber: 1000 * (index + 1), sequenceNumber: 1000 * (index + 1), timestamp: 0 }));
  }

  async start(port: number, ip = '127.0.0.1'): Promise<this> {
    this.socket.bind(0, '127.0.0.1');
    await once(this.socket, 'listening');
    let tick = 0;
    this.timer = setInterval(() => {
      const reportNow = tick++ % 25 === 1;
      for (const stream of this.streams) {
        this.socket.send(rtpPacket(stream), port, ip);
        if (reportNow) this.socket.send(senderReport(stream), port, ip);
        stream.sequenceNumber += 1;
        stream.timestamp += stream.kind === 'audio' ? 960 : 3000;
        this.packetsSent += 1;
      }
    }, 20);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async close(): Promise<void> {
    this.stop();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}

/** Receives RTP (and RTCP, ignored), counts packets per SSRC and keeps each SSRC's last byte (see RtpSource). */
export class RtpSink {
  private readonly socket: Socket = createSocket('udp4');
  readonly packetsBySsrc = new Map<number, number>();
  readonly lastByteBySsrc = new Map<number, number>();

  async start(): Promise<{ ip: string; port: number }> {
    this.socket.on('message', (packet) => {
      const payloadType = packet[1] & 0x7f;
      if (packet.length < 12 || (packet[0] & 0xc0) !== 0x80 || (payloadType >= 64 && payloadType <= 95)) return; // RTCP
      const ssrc = packet.readUInt32BE(8);
      this.packetsBySsrc.set(ssrc, (this.packetsBySsrc.get(ssrc) ?? 0) + 1);
      this.lastByteBySsrc.set(ssrc, packet[packet.length - 1]);
    });
    this.socket.bind(0, '127.0.0.1');
    await once(this.socket, 'listening');
    return { ip: '127.0.0.1', port: this.socket.address().port };
  }

  packets(ssrc: number): number {
    return this.packetsBySsrc.get(ssrc) ?? 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}
