/**
 * A real baresip (Debian's 1.0.0) as a room system in the SIP specs, 127.0.0.1 only: no sound card
 * (a 16 kHz sine from a WAV through aufile: ausine only does 48 kHz; aubridge as the player),
 * fakevideo as camera and display, G.722/G.711 and H.264 through avcodec, rtcpsummary (one line per
 * stream when a call ends: PR = packets it received). It either dials an address (`dial`) or waits on
 * its SIP port and answers by itself (`;answermode=auto`), or rings until told to answer (`manual`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freeSipPort } from '../drachtio-server';

export interface BaresipOptions {
  /** The display name the meeting shows, e.g. "Salle baresip". */
  name: string;
  /** The account's user part (sip:<user>@127.0.0.1). */
  user?: string;
  /** An address to dial at start; without it baresip waits for calls. */
  dial?: string;
  /** Without `dial`: answer calls at once (`auto`, the default) or ring until `accept()` (`manual`). */
  answer?: 'auto' | 'manual';
  /** The tone it sends (Hz). Default 400. */
  toneHz?: number;
  /** baresip quits after this many seconds. Default 60. */
  quitAfterS?: number;
  /** Its RTP ports (baresip 1.0.0 binds them on 0.0.0.0). Default 46000-46999. */
  rtpPorts?: [number, number];
}

export interface Baresip {
  /** Its SIP port on 127.0.0.1 (UDP and TCP). */
  sipPort: number;
  /** Its address, for dialling it. */
  uri: string;
  process: ChildProcess;
  /** What it printed so far (up to 1 MB). */
  output(): string;
  /** Packets it received per stream (audio, video), from rtcpsummary's lines printed after `from` (an output offset). */
  rtcpReceived(from?: number): number[];
  /** Answers the call that rings (answer `manual`: the "a" key of its console). */
  accept(): void;
  /** Kills it (SIGKILL) and removes its configuration. */
  stop(): Promise<void>;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

function baresipConfig(sipPort: number, wav: string, rtpPorts: [number, number], console: boolean): string {
  return [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${sipPort}`,
    'net_interface 127.0.0.1',
    `audio_source aufile,${wav}`,
    'audio_player aubridge,nil',
    'audio_alert aubridge,nil',
    'video_source fakevideo,nil',
    'video_display fakevideo,nil',
    'video_size 320x240',
    'video_bitrate 300000',
    'video_fps 15',
    'avcodec_h264enc libx264',
    'avcodec_h264dec h264',
    `rtp_ports ${rtpPorts[0]}-${rtpPorts[1]}`,
    'module_path /usr/lib/baresip/modules',
    'module g722.so',
    'module g711.so',
    'module avcodec.so',
    'module aufile.so',
    'module aubridge.so',
    'module fakevideo.so',
    'module rtcpsummary.so',
    'module_app account.so',
    'module_app menu.so',
    // Its console on stdin (keys such as "a" to answer), for the calls answered by hand.
    ...(console ? ['module stdio.so'] : []),
    '',
  ].join('\n');
}

const tcpPortFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A SIP port for baresip: UDP and TCP free on it, and TCP on the next one, where baresip 1.0.0 always opens SIP over TLS. */
async function freeBaresipPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freeSipPort();
    if (await tcpPortFree(port + 1)) return port;
  }
  throw new Error('no SIP port free for baresip (UDP and TCP, and TCP on the next port)');
}

/** Starts baresip with its own configuration directory; the tools must be installed (ensureSipTestTools). */
export async function startBaresip(options: BaresipOptions): Promise<Baresip> {
  const dir = await mkdtemp(join(tmpdir(), 'maillage-baresip-'));
  const wav = join(dir, `tone-${options.toneHz ?? 400}hz-16k.wav`);
  const quitAfterS = options.quitAfterS ?? 60;
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=${options.toneHz ?? 400}:sample_rate=16000:duration=${quitAfterS + 5}`, '-ac', '1', '-y', wav]);
  const sipPort = await freeBaresipPort();
  const user = options.user ?? 'salle';
  const manual = !options.dial && options.answer === 'manual';
  await writeFile(join(dir, 'config'), baresipConfig(sipPort, wav, options.rtpPorts ?? [46000, 46999], manual));
  await writeFile(join(dir, 'accounts'), `"${options.name}" <sip:${user}@127.0.0.1>;regint=0${options.dial ? '' : `;answermode=${manual ? 'manual' : 'auto'}`}\n`);
  await writeFile(join(dir, 'contacts'), '');
  const child = spawn('baresip', ['-f', dir, '-t', String(quitAfterS), ...(options.dial ? ['-e', `/dial ${options.dial}`] : [])], { stdio: [manual ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(0, 1_000_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    sipPort,
    uri: `sip:${user}@127.0.0.1:${sipPort}`,
    process: child,
    output: () => output,
    accept: () => {
      if (!child.stdin) throw new Error('baresip answers by itself: start it with answer "manual"');
      child.stdin.write('a');
    },
    rtcpReceived: (from = 0) => [...output.slice(from).matchAll(/EX=BareSip;CS=\d+;CD=\d+;PR=(\d+);/g)].map((m) => Number(m[1])),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
