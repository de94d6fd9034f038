// Real RTP for the media benchmarks: ffmpeg (Debian's) encodes a test pattern in VP8 and a tone in
// Opus, as a WebRTC camera and microphone would, and sends them as RTP to two local UDP sockets;
// we keep every packet. The replayer (rtp-replayer.mjs) then sends those packets again, in real time
// (paced by their RTP timestamps), looped, as many independent streams as asked, at little CPU cost:
// the encoder runs once, not once per sender. Cached under tmp/ (delete it to re-encode).
import { spawn } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../lib';

export const VIDEO = { payloadType: 101, clockRate: 90_000, mimeType: 'video/VP8' } as const;
export const AUDIO = { payloadType: 100, clockRate: 48_000, mimeType: 'audio/opus', channels: 2 } as const;

export interface Capture {
  /** Base64 RTP packets, in send order, each with its RTP timestamp. */
  video: string[];
  audio: string[];
  seconds: number;
  settings: string;
}

const SECONDS = 10;
const SETTINGS = `testsrc2 640x360@30 VP8 600 kbit/s keyframe every 2 s; sine 440 Hz Opus 48 kbit/s; ${SECONDS} s`;

function bind(): Promise<{ socket: Socket; port: number; packets: Buffer[] }> {
  const socket = createSocket({ type: 'udp4', recvBufferSize: 16 * 1024 * 1024 });
  const packets: Buffer[] = [];
  socket.on('message', (m) => packets.push(m));
  return new Promise((done) => socket.bind(0, '127.0.0.1', () => done({ socket, port: socket.address().port, packets })));
}

export async function captureRtp(): Promise<Capture> {
  const file = join(repoRoot, 'tmp', 'bench-media', 'capture.json');
  if (existsSync(file)) {
    const cached = JSON.parse(await readFile(file, 'utf8')) as Capture;
    if (cached.settings === SETTINGS) return cached;
  }
  const [video, audio] = await Promise.all([bind(), bind()]);
  const args = [
    '-hide_banner', '-loglevel', 'error',
    // -re: real time, so that no packet is lost in the sockets' buffers.
    '-re', '-t', String(SECONDS), '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30',
    '-re', '-t', String(SECONDS), '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-map', '0:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '600k', '-g', '60',
    '-payload_type', String(VIDEO.payloadType), '-ssrc', '1111', '-f', 'rtp', `rtp://127.0.0.1:${video.port}?pkt_size=1200`,
    '-map', '1:a', '-c:a', 'libopus', '-b:a', '48k', '-ac', '2',
    '-payload_type', String(AUDIO.payloadType), '-ssrc', '2222', '-f', 'rtp', `rtp://127.0.0.1:${audio.port}`,
  ];
  process.stderr.write(`encoding ${SECONDS} s of VP8 + Opus with ffmpeg…\n`);
  await new Promise<void>((done, fail) => {
    const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    ffmpeg.on('error', (e) => fail(new Error(`ffmpeg: ${e.message} (apt-get install ffmpeg)`)));
    ffmpeg.on('exit', (code) => (code === 0 ? done() : fail(new Error(`ffmpeg exited with ${code}`))));
  });
  await new Promise((done) => setTimeout(done, 300));
  video.socket.close();
  audio.socket.close();
  // ffmpeg also sends RTCP to port+1, which may be the other socket: keep each stream's RTP only.
  const rtp = (packets: Buffer[], payloadType: number) =>
    packets.filter((p) => p.length > 12 && (p[0]! & 0xc0) === 0x80 && (p[1]! & 0x7f) === payloadType).map((p) => p.toString('base64'));
  const capture: Capture = { video: rtp(video.packets, VIDEO.payloadType), audio: rtp(audio.packets, AUDIO.payloadType), seconds: SECONDS, settings: SETTINGS };
  if (capture.video.length < SECONDS * 30 || capture.audio.length < SECONDS * 40) {
    throw new Error(`ffmpeg sent too few packets: ${capture.video.length} video, ${capture.audio.length} audio`);
  }
  await mkdir(join(repoRoot, 'tmp', 'bench-media'), { recursive: true });
  await writeFile(file, JSON.stringify(capture));
  return capture;
}

/** What the SIP benchmark replays: each stream's base64 RTP packets and clock rate. */
export interface SipCapture {
  streams: Record<SipStreamName, { packets: string[]; clockRate: number; payloadType: number }>;
  settings: string;
}

export type SipStreamName = 'h264' | 'h264_360p' | 'vp8_360p' | 'vp8_720p' | 'g722' | 'opusBursts' | 'opusSilence';

const SIP_STREAMS: Record<SipStreamName, { payloadType: number; clockRate: number; input: string[]; output: string[]; minPackets: number }> = {
  // A room system's camera: 720p30 H.264 constrained baseline (packetization-mode 1), SPS/PPS in band.
  h264: {
    payloadType: 96, clockRate: 90_000, minPackets: SECONDS * 30,
    input: ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30'],
    output: ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'baseline', '-level', '3.1', '-pix_fmt', 'yuv420p', '-b:v', '1500k', '-maxrate', '1500k', '-bufsize', '750k', '-g', '60'],
  },
  // A browser's H.264 camera at the size of the VP8 ones (forwarding vs transcoding, same picture; 720p: the one above).
  h264_360p: {
    payloadType: 96, clockRate: 90_000, minPackets: SECONDS * 30,
    input: ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30'],
    output: ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'baseline', '-level', '3.1', '-pix_fmt', 'yuv420p', '-b:v', '600k', '-maxrate', '600k', '-bufsize', '300k', '-g', '60'],
  },
  vp8_360p: {
    payloadType: 101, clockRate: 90_000, minPackets: SECONDS * 30,
    input: ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30'],
    output: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '600k', '-g', '60'],
  },
  vp8_720p: {
    payloadType: 101, clockRate: 90_000, minPackets: SECONDS * 30,
    input: ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30'],
    output: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1500k', '-g', '60'],
  },
  // A room system's microphone: G.722 (16 kHz audio, 8 kHz RTP clock), a 440 Hz tone.
  g722: {
    payloadType: 9, clockRate: 8000, minPackets: SECONDS * 40,
    input: ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000'],
    output: ['-c:a', 'g722', '-ar', '16000', '-ac', '1'],
  },
  // A guest's microphone: 200 ms bursts of 1 kHz starting on each whole second, silence between.
  opusBursts: {
    payloadType: 100, clockRate: 48_000, minPackets: SECONDS * 40,
    input: ['-f', 'lavfi', '-i', "aevalsrc=exprs='if(lt(mod(t\\,1)\\,0.2)\\,0.5*sin(2*PI*1000*t)\\,0)':s=48000"],
    output: ['-c:a', 'libopus', '-b:a', '48k', '-ac', '2'],
  },
  opusSilence: {
    payloadType: 100, clockRate: 48_000, minPackets: SECONDS * 40,
    input: ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'],
    output: ['-c:a', 'libopus', '-b:a', '48k', '-ac', '2'],
  },
};
const SIP_SETTINGS = `v2: ${SECONDS} s each; ${JSON.stringify(Object.fromEntries(Object.entries(SIP_STREAMS).map(([name, s]) => [name, [...s.input, ...s.output].join(' ')])))}`;

/** The SIP benchmark's streams, encoded once by ffmpeg in real time (one run, every stream) and cached under tmp/. */
export async function captureSipRtp(): Promise<SipCapture> {
  const file = join(repoRoot, 'tmp', 'bench-media', 'sip-capture.json');
  if (existsSync(file)) {
    const cached = JSON.parse(await readFile(file, 'utf8')) as SipCapture;
    if (cached.settings === SIP_SETTINGS) return cached;
  }
  const names = Object.keys(SIP_STREAMS) as SipStreamName[];
  const sockets = await Promise.all(names.map(() => bind()));
  const args = ['-hide_banner', '-loglevel', 'error'];
  for (const name of names) args.push('-re', '-t', String(SECONDS), ...SIP_STREAMS[name].input);
  names.forEach((name, i) => {
    const s = SIP_STREAMS[name];
    args.push('-map', `${i}:0`, ...s.output, '-payload_type', String(s.payloadType), '-ssrc', String(1000 + i), '-f', 'rtp', `rtp://127.0.0.1:${sockets[i]!.port}?pkt_size=1200`);
  });
  process.stderr.write(`encoding ${SECONDS} s of ${names.join(', ')} with ffmpeg…\n`);
  await new Promise<void>((done, fail) => {
    const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    ffmpeg.on('error', (e) => fail(new Error(`ffmpeg: ${e.message} (apt-get install ffmpeg)`)));
    ffmpeg.on('exit', (code) => (code === 0 ? done() : fail(new Error(`ffmpeg exited with ${code}`))));
  });
  await new Promise((done) => setTimeout(done, 300));
  const streams = {} as SipCapture['streams'];
  names.forEach((name, i) => {
    const s = SIP_STREAMS[name];
    sockets[i]!.socket.close();
    const packets = sockets[i]!.packets.filter((p) => p.length > 12 && (p[0]! & 0xc0) === 0x80 && (p[1]! & 0x7f) === s.payloadType).map((p) => p.toString('base64'));
    if (packets.length < s.minPackets) throw new Error(`ffmpeg sent too few packets of ${name}: ${packets.length}`);
    streams[name] = { packets, clockRate: s.clockRate, payloadType: s.payloadType };
  });
  const capture: SipCapture = { streams, settings: SIP_SETTINGS };
  await mkdir(join(repoRoot, 'tmp', 'bench-media'), { recursive: true });
  await writeFile(file, JSON.stringify(capture));
  return capture;
}
