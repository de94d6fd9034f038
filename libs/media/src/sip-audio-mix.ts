/**
 * The audio a SIP room system hears: the mix of every other participant's audio ("mix-minus", its
 * own voice left out), made by one ffmpeg (Debian's) per SIP audio leg, never by our code. Each
 * other audio producer reaches ffmpeg as plain RTP from the meeting's router (one input SDP each);
 * ffmpeg runs `amix=normalize=0`, resamples, cuts 20 ms frames and encodes to the leg's codec under
 * the offer's payload type; its RTP comes back from a fixed local port into a transport of the leg
 * router, is produced there and consumed on the leg's transport toward the room system. The set of
 * inputs changing (someone joins, mutes their microphone, leaves) restarts ffmpeg with the new set;
 * an ffmpeg that dies (crash, kill -9) is started again 500 ms later, its RTP still accepted (same
 * source port and SSRC), unless its source port was taken meanwhile (then a new return path).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { types } from 'mediasoup';
import type { SipCodec } from '@maillage/core';
import type { MediaLogger } from './media-options';
import type { MeetingBridge } from './meeting-bridge';

/** ffmpeg's encoder, sample rate, channels for each SIP audio codec (G.722: 16 kHz audio on an 8 kHz RTP clock). */
const ENCODERS: Record<string, { encoder: string; rate: number; channels: number }> = {
  G722: { encoder: 'g722', rate: 16000, channels: 1 },
  PCMU: { encoder: 'pcm_mulaw', rate: 8000, channels: 1 },
  PCMA: { encoder: 'pcm_alaw', rate: 8000, channels: 1 },
  opus: { encoder: 'libopus', rate: 48000, channels: 2 },
};

interface Input {
  producerId: string;
  transport: types.PlainTransport;
}

export interface SipAudioMixOptions {
  bridge: MeetingBridge;
  /** The SIP call's peer: its own audio is left out. */
  peerId: string;
  codec: SipCodec;
  legRouter: types.Router;
  legTransport: types.PlainTransport;
  listenIp: string;
  /** Ports ffmpeg may listen on / send from. */
  portRange: { min: number; max: number };
  logger: MediaLogger;
  ffmpeg?: string;
}

export class SipAudioMix {
  private inputs: Input[] = [];
  private process?: ChildProcess;
  private dir?: string;
  private returnTransport?: types.PlainTransport;
  private producer?: types.Producer;
  private consumer?: types.Consumer;
  private readonly ssrc = randomInt(1, 2 ** 31 - 1);
  private sourcePort?: number;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private restarts = 0;
  /** The room system holds its audio: the mix's consumer toward it is paused. */
  private paused = false;

  constructor(private readonly options: SipAudioMixOptions) {}

  /** Re-reads the meeting's audio producers; restarts ffmpeg when the set changed (queued). */
  update(): void {
    this.queue = this.queue.then(() => this.apply()).catch((error: unknown) => this.options.logger.warn('SIP audio mix: update failed', { peerId: this.options.peerId, error: String(error) }));
  }

  /** ffmpeg restarts so far (each change of inputs is one). */
  get generation(): number {
    return this.restarts;
  }

  /** What the leg has sent to the room system, from ffmpeg's mix. */
  async outStats(): Promise<{ inputs: number; packets: number; ffmpegPid?: number }> {
    await this.queue;
    const stats = this.consumer ? await this.consumer.getStats() : [];
    return { inputs: this.inputs.length, packets: stats.filter((s) => s.type === 'outbound-rtp').reduce((sum, s) => sum + s.packetCount, 0), ...(this.process?.pid ? { ffmpegPid: this.process.pid } : {}) };
  }

  /** Pauses (the room system holds the call) or resumes what the leg sends it. */
  async setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    await this.queue;
    if (!this.consumer || this.consumer.paused === paused) return;
    await (paused ? this.consumer.pause() : this.consumer.resume());
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.stopProcess();
    for (const input of this.inputs) input.transport.close();
    this.inputs = [];
    this.consumer?.close();
    this.producer?.close();
    this.returnTransport?.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private async apply(): Promise<void> {
    if (this.closed) return;
    const { bridge, peerId } = this.options;
    if (bridge.isClosed || !bridge.isLive) return;
    const wanted = bridge
      .producers()
      .filter((p) => p.kind === 'audio' && p.peerId !== peerId && !p.paused)
      .map((p) => p.producerId)
      .sort();
    const current = this.inputs.map((input) => input.producerId).sort();
    if (JSON.stringify(wanted) === JSON.stringify(current)) return;
    await this.stopProcess();
    for (const input of this.inputs) input.transport.close();
    this.inputs = [];
    if (wanted.length === 0) return;
    await this.ensureReturnPath();
    this.dir ??= await mkdtemp(join(tmpdir(), 'maillage-sip-mix-'));
    const sdpFiles: string[] = [];
    for (const producerId of wanted) {
      const port = await freeUdpPair(this.options.listenIp, this.options.portRange);
      const { transport, consumer } = await bridge.rtpOut(producerId, { ip: this.options.listenIp, port, rtcpPort: port + 1 });
      this.inputs.push({ producerId, transport });
      const file = join(this.dir, `in-${this.inputs.length}.sdp`);
      await writeFile(file, inputSdp(this.options.listenIp, port, consumer.rtpParameters));
      sdpFiles.push(file);
    }
    if (this.closed) return;
    this.startProcess(sdpFiles);
  }

  /** ffmpeg's RTP comes back from a fixed port (so a restarted ffmpeg is still accepted) into a leg-router producer, consumed toward the room system. */
  private async ensureReturnPath(): Promise<void> {
    if (this.returnTransport) return;
    const { legRouter, legTransport, codec, listenIp, portRange } = this.options;
    this.sourcePort = await freeUdpPair(listenIp, portRange);
    const transport = await legRouter.createPlainTransport({ listenInfo: { protocol: 'udp', ip: listenIp, portRange }, rtcpMux: true, comedia: false });
    this.returnTransport = transport;
    await transport.connect({ ip: listenIp, port: this.sourcePort });
    const routerCodec = legRouter.rtpCapabilities.codecs?.find((c) => c.kind === 'audio');
    if (!routerCodec) throw new Error('the leg router has no audio codec');
    this.producer = await transport.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: routerCodec.mimeType, payloadType: codec.payloadType, clockRate: routerCodec.clockRate, ...(routerCodec.channels ? { channels: routerCodec.channels } : {}) }],
        encodings: [{ ssrc: this.ssrc }],
      },
    });
    this.consumer = await legTransport.consume({ producerId: this.producer.id, rtpCapabilities: { codecs: legRouter.rtpCapabilities.codecs, headerExtensions: [] }, paused: this.paused });
  }

  private startProcess(sdpFiles: string[]): void {
    const { codec, listenIp, peerId } = this.options;
    const encoder = ENCODERS[codec.name];
    const frame = Math.round(encoder.rate / 50); // 20 ms
    const inputs = sdpFiles.flatMap((file) => ['-protocol_whitelist', 'file,udp,rtp', '-localaddr', listenIp, '-fflags', 'nobuffer', '-i', file]);
    const mix = sdpFiles.length > 1 ? `amix=inputs=${sdpFiles.length}:normalize=0,` : '';
    const port = this.returnTransport!.tuple.localPort;
    const args = [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
      ...inputs,
      ...['-filter_complex', `${mix}aresample=${encoder.rate},asetnsamples=n=${frame}:p=0`],
      ...['-c:a', encoder.encoder, '-ar', String(encoder.rate), '-ac', String(encoder.channels)],
      ...['-payload_type', String(codec.payloadType), '-ssrc', String(this.ssrc), '-f', 'rtp', `rtp://${listenIp}:${port}?localaddr=${listenIp}&localport=${this.sourcePort}&pkt_size=1200`],
    ];
    const child = spawn(this.options.ffmpeg ?? 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = child;
    this.restarts += 1;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.once('error', (error) => this.options.logger.error('SIP audio mix: ffmpeg did not start', { peerId, error: String(error) }));
    child.once('exit', (code, signal) => {
      if (this.process !== child) return;
      this.process = undefined;
      if (this.closed) return;
      this.options.logger.warn('SIP audio mix: ffmpeg exited, restarting', { peerId, code, signal, errors });
      // Forget the inputs so that the next update rebuilds them (on fresh ports) and starts a new ffmpeg.
      for (const input of this.inputs) input.transport.close();
      this.inputs = [];
      // ffmpeg could not send from its source port: the media worker shares the port range and took it
      // meanwhile, and would keep it. A new return path, on a fresh port (a new SSRC toward the room).
      if (this.sourcePort !== undefined && errors.includes(`localport=${this.sourcePort}`)) this.dropReturnPath();
      setTimeout(() => this.update(), 500);
    });
  }

  /** The room system then gets the mix from a new SSRC of the same leg. */
  private dropReturnPath(): void {
    this.consumer?.close();
    this.producer?.close();
    this.returnTransport?.close();
    this.consumer = this.producer = this.returnTransport = undefined;
  }

  private async stopProcess(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}

/** The SDP ffmpeg reads one input from: the consumer's codec and payload type, on port (RTCP port + 1). */
export function inputSdp(ip: string, port: number, rtp: types.RtpParameters): string {
  const codec = rtp.codecs[0];
  const [, name] = codec.mimeType.split('/');
  const channels = codec.channels && codec.channels > 1 ? `/${codec.channels}` : '';
  return ['v=0', `o=- 0 0 IN IP4 ${ip}`, 's=maillage-mix-input', `c=IN IP4 ${ip}`, 't=0 0', `m=audio ${port} RTP/AVP ${codec.payloadType}`, `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${channels}`, 'a=recvonly', ''].join('\n');
}

/** An even port P in range with P and P+1 free for UDP right now. */
export async function freeUdpPair(ip: string, range: { min: number; max: number }): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => {
        socket.close();
        resolve(false);
      });
      socket.bind(port, ip, () => socket.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = range.min + 2 * Math.floor(Math.random() * Math.floor((range.max - range.min - 1) / 2));
    if ((await free(port)) && (await free(port + 1))) return port;
  }
  throw new Error(`no free UDP port pair in ${range.min}-${range.max}`);
}
