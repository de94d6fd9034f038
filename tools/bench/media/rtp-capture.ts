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
