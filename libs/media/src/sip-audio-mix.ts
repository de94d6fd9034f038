/**
 * The audio a SIP room system hears: the mix of every other participant's audio ("mix-minus", its
 * own voice left out), made by ffmpeg (Debian's), never by our code. **One ffmpeg per meeting**
 * (SipMeetingMix) makes every SIP leg's mix-minus: each audio producer of the meeting reaches it once
 * as plain RTP from the meeting's router (one input SDP each) and is decoded once, then split
 * (`asplit`) toward every leg's `amix=normalize=0` but its own; each output is resampled, cut into
 * 20 ms frames and encoded to its leg's codec under the offer's payload type. Each leg (SipAudioMix)
 * owns its return path: the RTP comes back from a fixed local port into a transport of the leg
 * router, is produced there and consumed on the leg's transport toward the room system. The set of
 * inputs or legs changing (someone joins, mutes their microphone, leaves) restarts the meeting's
 * ffmpeg with the new graph; an ffmpeg that dies (crash, kill -9) is started again 500 ms later, its
 * RTP still accepted (same source ports and SSRCs), unless a leg's source port was taken meanwhile
 * (then that leg gets a new return path).
 *
 * Known limit: `amix` waits for samples from every live input, so an audio producer that sends no
 * RTP at all (a room system with silence suppression and no comfort noise) holds back the mixes
 * that include it until it sends. Browsers and the room systems tried (baresip, Cisco) send
 * continuously.
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
  sdp: string;
}

/** One output of the meeting's mixer: a leg, and the inputs (indexes) it hears. */
export interface MixOutput {
  codec: SipCodec;
  inputs: number[];
  /** Where the leg's return path listens, and the source port and SSRC ffmpeg sends from. */
  port: number;
  sourcePort: number;
  ssrc: number;
}

/**
 * ffmpeg's arguments after its inputs: one filter graph where input i is split toward the outputs
 * that hear it, each output an amix of its inputs (a single input as it is), resampled and cut into
 * 20 ms frames, then one RTP output per leg.
 */
export function mixGraphArgs(inputCount: number, outputs: readonly MixOutput[], listenIp: string): string[] {
  const taps = Array.from({ length: inputCount }, () => [] as string[]);
  outputs.forEach((output, o) => output.inputs.forEach((i) => taps[i].push(`i${i}o${o}`)));
  const splits = taps.flatMap((labels, i) => (labels.length === 0 ? [] : [labels.length === 1 ? `[${i}:a]anull[${labels[0]}]` : `[${i}:a]asplit=${labels.length}${labels.map((l) => `[${l}]`).join('')}`]));
  const mixes = outputs.map((output, o) => {
    const encoder = ENCODERS[output.codec.name];
    const frame = Math.round(encoder.rate / 50); // 20 ms
    const from = output.inputs.map((i) => `[i${i}o${o}]`).join('');
    const mix = output.inputs.length > 1 ? `amix=inputs=${output.inputs.length}:normalize=0,` : '';
    return `${from}${mix}aresample=${encoder.rate},asetnsamples=n=${frame}:p=0[out${o}]`;
  });
  return [
    ...['-filter_complex', [...splits, ...mixes].join(';')],
    ...outputs.flatMap((output, o) => {
      const encoder = ENCODERS[output.codec.name];
      return [
        ...['-map', `[out${o}]`, '-c:a', encoder.encoder, '-ar', String(encoder.rate), '-ac', String(encoder.channels)],
        ...['-payload_type', String(output.codec.payloadType), '-ssrc', String(output.ssrc), '-f', 'rtp', `rtp://${listenIp}:${output.port}?localaddr=${listenIp}&localport=${output.sourcePort}&pkt_size=1200`],
      ];
    }),
  ];
}

export interface SipMeetingMixOptions {
  bridge: MeetingBridge;
  listenIp: string;
  /** Ports ffmpeg may listen on / send from. */
  portRange: { min: number; max: number };
  logger: MediaLogger;
  ffmpeg?: string;
}

/** The meeting's mixer: one ffmpeg for every SIP leg of the meeting (see the file's comment). */
export class SipMeetingMix {
  private readonly legs = new Set<SipAudioMix>();
  private inputs: Input[] = [];
  /** What each leg hears now (by peer id): producer ids. */
  private heard = new Map<string, string[]>();
  private graph = '';
  private process?: ChildProcess;
  private dir?: string;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private restarts = 0;

  constructor(private readonly options: SipMeetingMixOptions) {}

  get isEmpty(): boolean {
    return this.legs.size === 0;
  }

  /** ffmpeg starts so far (each change of inputs or legs is one). */
  get generation(): number {
    return this.restarts;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** How many inputs a leg hears now. */
  inputsOf(peerId: string): number {
    return this.heard.get(peerId)?.length ?? 0;
  }

  add(leg: SipAudioMix): void {
    this.legs.add(leg);
    this.update();
  }

  async remove(leg: SipAudioMix): Promise<void> {
    this.legs.delete(leg);
    this.update();
    await this.settled();
  }

  /** Re-reads the meeting's audio producers; restarts ffmpeg when the graph changed (queued). */
  update(): void {
    this.queue = this.queue.then(() => this.apply()).catch((error: unknown) => this.options.logger.warn('SIP audio mix: update failed', { meetingId: this.options.bridge.meetingId, error: String(error) }));
  }

  /** Once the queued updates are done. */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.stopProcess();
    this.dropInputs();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private async apply(): Promise<void> {
    if (this.closed) return;
    const { bridge, listenIp, portRange } = this.options;
    if (bridge.isClosed || !bridge.isLive) return;
    const audio = bridge
      .producers()
      .filter((p) => p.kind === 'audio' && !p.paused)
      .sort((a, b) => a.producerId.localeCompare(b.producerId));
    const legs = [...this.legs].sort((a, b) => a.peerId.localeCompare(b.peerId));
    const heard = new Map(legs.map((leg) => [leg.peerId, audio.filter((p) => p.peerId !== leg.peerId).map((p) => p.producerId)]));
    const listening = legs.filter((leg) => heard.get(leg.peerId)!.length > 0);
    for (const leg of listening) await leg.ensureReturnPath();
    const graph = JSON.stringify(listening.map((leg) => [leg.peerId, leg.returnPath, heard.get(leg.peerId)]));
    if (graph === this.graph && (this.process || listening.length === 0)) return;
    await this.stopProcess();
    this.dropInputs();
    this.graph = graph;
    this.heard = heard;
    if (listening.length === 0 || this.closed) return;
    this.dir ??= await mkdtemp(join(tmpdir(), 'maillage-sip-mix-'));
    const used = audio.filter((p) => listening.some((leg) => heard.get(leg.peerId)!.includes(p.producerId)));
    for (const producer of used) {
      const port = await freeUdpPair(listenIp, portRange);
      const { transport, consumer } = await bridge.rtpOut(producer.producerId, { ip: listenIp, port, rtcpPort: port + 1 });
      const sdp = join(this.dir, `in-${this.restarts}-${this.inputs.length}.sdp`);
      this.inputs.push({ producerId: producer.producerId, transport, sdp });
      await writeFile(sdp, inputSdp(listenIp, port, consumer.rtpParameters));
    }
    if (this.closed) return;
    const outputs = listening.map((leg) => ({ codec: leg.codec, ...leg.returnPath!, inputs: heard.get(leg.peerId)!.map((id) => this.inputs.findIndex((input) => input.producerId === id)) }));
    this.startProcess(outputs, listening);
  }

  private startProcess(outputs: MixOutput[], legs: SipAudioMix[]): void {
    const { listenIp } = this.options;
    const args = [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
      ...this.inputs.flatMap((input) => ['-protocol_whitelist', 'file,udp,rtp', '-localaddr', listenIp, '-fflags', 'nobuffer', '-i', input.sdp]),
      ...mixGraphArgs(this.inputs.length, outputs, listenIp),
    ];
    const child = spawn(this.options.ffmpeg ?? 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = child;
    this.restarts += 1;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.once('error', (error) => this.options.logger.error('SIP audio mix: ffmpeg did not start', { meetingId: this.options.bridge.meetingId, error: String(error) }));
    child.once('exit', (code, signal) => {
      if (this.process !== child) return;
      this.process = undefined;
      if (this.closed) return;
      this.options.logger.warn('SIP audio mix: ffmpeg exited, restarting', { meetingId: this.options.bridge.meetingId, code, signal, errors });
      // Forget the inputs so that the next update rebuilds them (on fresh ports) and starts a new ffmpeg.
      this.dropInputs();
      this.graph = '';
      // ffmpeg could not send from a leg's source port: the media worker shares the port range and took
      // it meanwhile, and would keep it. That leg gets a new return path, on a fresh port (a new SSRC).
      for (const leg of legs) if (leg.returnPath && errors.includes(`localport=${leg.returnPath.sourcePort}`)) leg.dropReturnPath();
      setTimeout(() => this.update(), 500);
    });
  }

  private dropInputs(): void {
    for (const input of this.inputs) input.transport.close();
    this.inputs = [];
  }

  private async stopProcess(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    await killFfmpeg(child);
  }
}

export interface SipAudioMixOptions {
  /** The meeting's mixer, shared by its SIP legs. */
  mix: SipMeetingMix;
  /** The SIP call's peer: its own audio is left out. */
  peerId: string;
  codec: SipCodec;
  legRouter: types.Router;
  legTransport: types.PlainTransport;
  listenIp: string;
  portRange: { min: number; max: number };
}

/** One SIP leg's mix-minus: its return path from the meeting's mixer toward the room system. */
export class SipAudioMix {
  private returnTransport?: types.PlainTransport;
  private producer?: types.Producer;
  private consumer?: types.Consumer;
  private ssrc = randomInt(1, 2 ** 31 - 1);
  private sourcePort?: number;
  /** The room system holds its audio: the mix's consumer toward it is paused. */
  private paused = false;

  constructor(private readonly options: SipAudioMixOptions) {
    options.mix.add(this);
  }

  get peerId(): string {
    return this.options.peerId;
  }

  get codec(): SipCodec {
    return this.options.codec;
  }

  /** Where the meeting's mixer sends this leg's mix (set once the return path exists). */
  get returnPath(): { port: number; sourcePort: number; ssrc: number } | undefined {
    return this.returnTransport && this.sourcePort !== undefined ? { port: this.returnTransport.tuple.localPort, sourcePort: this.sourcePort, ssrc: this.ssrc } : undefined;
  }

  /** The meeting's audio changed: the mixer re-reads it (queued). */
  update(): void {
    this.options.mix.update();
  }

  /** ffmpeg starts of the meeting's mixer so far. */
  get generation(): number {
    return this.options.mix.generation;
  }

  /** What the leg has sent to the room system, from the meeting's mixer. */
  async outStats(): Promise<{ inputs: number; packets: number; ffmpegPid?: number }> {
    await this.options.mix.settled();
    const stats = this.consumer ? await this.consumer.getStats() : [];
    const pid = this.options.mix.pid;
    return { inputs: this.options.mix.inputsOf(this.peerId), packets: stats.filter((s) => s.type === 'outbound-rtp').reduce((sum, s) => sum + s.packetCount, 0), ...(pid ? { ffmpegPid: pid } : {}) };
  }

  /** Pauses (the room system holds the call) or resumes what the leg sends it. */
  async setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    await this.options.mix.settled();
    if (!this.consumer || this.consumer.paused === paused) return;
    await (paused ? this.consumer.pause() : this.consumer.resume());
  }

  async close(): Promise<void> {
    await this.options.mix.remove(this);
    this.dropReturnPath();
  }

  /** ffmpeg's RTP comes back from a fixed port (so a restarted ffmpeg is still accepted) into a leg-router producer, consumed toward the room system. */
  async ensureReturnPath(): Promise<void> {
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

  /** The room system then gets the mix from a new SSRC of the same leg. */
  dropReturnPath(): void {
    this.consumer?.close();
    this.producer?.close();
    this.returnTransport?.close();
    this.consumer = this.producer = this.returnTransport = undefined;
    this.sourcePort = undefined;
    this.ssrc = randomInt(1, 2 ** 31 - 1);
  }
}

/** Kills an ffmpeg (SIGKILL) and waits for its exit; an ended one or none: nothing. */
export async function killFfmpeg(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
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
