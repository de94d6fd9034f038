/**
 * How loud a SIP room system speaks, for the active speaker (speaker-arbiter.ts): room systems do
 * not send the RFC 6464 audio level that mediasoup's observers read. One ffmpeg (Debian's) per SIP
 * audio leg decodes the room's audio, consumed as plain RTP from the meeting's router, and prints
 * the RMS level of every 100 ms (`astats`, read from its log); each level goes to `onLevel` in dBFS (-Infinity for
 * digital silence). A dead ffmpeg is started again after a second on a fresh port, while the call lasts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { types } from 'mediasoup';
import type { MediaLogger } from './media-options';
import type { MeetingBridge } from './meeting-bridge';
import { freeUdpPair, inputSdp, killFfmpeg } from './sip-audio-mix';

export interface SipSpeechMeterOptions {
  bridge: MeetingBridge;
  /** The room system's audio producer in the meeting's router. */
  producerId: string;
  listenIp: string;
  portRange: { min: number; max: number };
  logger: MediaLogger;
  onLevel: (levelDb: number) => void;
  ffmpeg?: string;
}

const RESTART_DELAY_MS = 1_000;
/** ffmpeg's `ametadata` log line for one 100 ms frame (its log is unbuffered, unlike a file or stdout). */
const LEVEL_LINE = /lavfi\.astats\.Overall\.RMS_level=(-?inf|-?[0-9.]+)/;

export class SipSpeechMeter {
  private process?: ChildProcess;
  private transport?: types.PlainTransport;
  private dir?: string;
  private closed = false;
  private restartTimer?: NodeJS.Timeout;
  private levels = 0;

  constructor(private readonly options: SipSpeechMeterOptions) {}

  /** Its ffmpeg's pid while it runs (monitoring, tests). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Levels reported so far (monitoring, tests). */
  get reported(): number {
    return this.levels;
  }

  async start(): Promise<void> {
    const { bridge, producerId, listenIp, portRange } = this.options;
    const port = await freeUdpPair(listenIp, portRange);
    const { transport, consumer } = await bridge.rtpOut(producerId, { ip: listenIp, port, rtcpPort: port + 1 });
    this.transport = transport;
    this.dir ??= await mkdtemp(join(tmpdir(), 'maillage-sip-meter-'));
    const sdp = join(this.dir, 'in.sdp');
    await writeFile(sdp, inputSdp(listenIp, port, consumer.rtpParameters));
    if (this.closed) return this.close();
    this.spawn(sdp);
  }

  /** After ffmpeg died: on a fresh port (the media worker shares the range and may have taken the old one). */
  private async restart(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
    if (this.closed) return;
    await this.start().catch((error: unknown) => this.options.logger.warn('SIP speech meter: restart failed', { producerId: this.options.producerId, error: String(error) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    const child = this.process;
    this.process = undefined;
    await killFfmpeg(child);
    this.transport?.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private spawn(sdp: string): void {
    const args = [
      ...['-hide_banner', '-loglevel', 'info', '-nostats', '-nostdin'],
      // No probing (the SDP says everything): levels from the first packets, not after 5 s of analysis.
      ...['-protocol_whitelist', 'file,udp,rtp', '-localaddr', this.options.listenIp, '-fflags', 'nobuffer', '-probesize', '32', '-analyzeduration', '0', '-i', sdp],
      ...['-af', 'aresample=8000,asetnsamples=n=800:p=0,astats=metadata=1:reset=1,ametadata=mode=print:key=lavfi.astats.Overall.RMS_level'],
      ...['-f', 'null', '-'],
    ];
    const child = spawn(this.options.ffmpeg ?? 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = child;
    let errors = '';
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const match = LEVEL_LINE.exec(line);
      if (!match) {
        errors = `${errors}${line}\n`.slice(-2000);
        return;
      }
      this.levels += 1;
      this.options.onLevel(match[1].endsWith('inf') ? Number.NEGATIVE_INFINITY : Number(match[1]));
    });
    child.once('error', (error) => this.options.logger.error('SIP speech meter: ffmpeg did not start', { producerId: this.options.producerId, error: String(error) }));
    child.once('exit', (code, signal) => {
      if (this.process !== child || this.closed) return;
      this.process = undefined;
      this.options.logger.warn('SIP speech meter: ffmpeg exited, restarting', { producerId: this.options.producerId, code, signal, errors });
      this.restartTimer = setTimeout(() => void this.restart(), RESTART_DELAY_MS);
    });
  }
}
