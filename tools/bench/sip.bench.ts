// SIP room systems (issue 11): what a call costs through drachtio + the sip-drachtio adapter + libs/media.
//
// (1) setup   INVITE → 200, median and p95 over sequential calls of a drachtio-srf UAC (a child process on
//             a drachtio of its own), against the adapter with a real
//             MediaServer (a meeting open, one guest sending Opus + H.264), next to a minimal drachtio-srf
//             app answering 180 + 200 with a fixed SDP on the same drachtio, in the same run (rounds alternate).
// (2) cpu     CPU per SIP leg, mixing included, for 1, 5 and 20 legs: each leg a real call (a drachtio-srf
//             UAC through a second drachtio, the load generator's) sending G.722 + 720p H.264 and receiving
//             its mix-minus and the active speaker's video; CPU of the media side only (the mediasoup
//             worker and the legs' ffmpeg: mixers and speech meters, utime + stime from /proc/<pid>/stat over a window) →
//             % of a core per leg. Baseline in the same run: as many browser-like plain-RTP participants
//             (Opus + the same H.264 in, one audio + one video out each, no mixing, no leg routers).
// (3) mix     a guest's Opus tone burst (200 ms of 1 kHz on each second) → its onset in the mix-minus
//             at a G.711 µ-law leg (energy after silence): median, p95.
// (4) speaker the active speaker changes (the guests' audio levels swap, mediasoup's observer decides) →
//             first keyframe of the new speaker's H.264 at the leg: median, from the change and from the voice.
// (5) transcode one browser camera toward an H.264-only room: forwarding its H.264 (worker CPU) vs an
//             ffmpeg VP8 → H.264 transcoder of the same picture (ffmpeg CPU), at 640x360 and 1280x720.
//
// The wire side (room systems, guests) is tools/bench/media/rtp-peers.mjs, a child process replaying RTP
// encoded once by ffmpeg (tools/bench/media/rtp-capture.ts): its CPU is the load generator's, not counted.
// Everything binds 127.0.0.1 and is stopped at the end.
//
// Settings: BENCH_PARTS (setup,cpu,mix,speaker,transcode), BENCH_SIP_CALLS (200), BENCH_SIP_ROUNDS (2),
// BENCH_SIP_HOLD_MS (200: how long each call of (1) stays up before its BYE), BENCH_SIP_LEGS (1,5,20),
// BENCH_SIP_SETTLE_S (60), BENCH_WINDOW_S (10), BENCH_SIP_BURSTS (10), BENCH_SIP_SWITCHES (6).
// The drachtio binary and the mediasoup worker come from the cache (tools/setup), as for npm start.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Srf from 'drachtio-srf';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the host capability the API implements
import type { SipCallHost } from '@maillage/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the gateway the API runs
import { createTestContext, DrachtioServer, PCMU_H264_OFFER, sipDrachtioAdapter, type SipDrachtioAdapter } from '@maillage/adapters';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the media engine the API runs
import { MediaServer, type MeetingBridge } from '@maillage/media';
import { ensureDrachtioBin } from '../setup/drachtio-bin.mjs';
import { ensureMediasoupWorkerBin } from '../setup/mediasoup-worker-bin.mjs';
import { descendants, machine, median, printTable, revision, sleep } from './lib';
import { captureSipRtp, type SipCapture, type SipStreamName } from './media/rtp-capture';

const PARTS = (process.env.BENCH_PARTS ?? 'setup,cpu,mix,speaker,transcode').split(',');
const CALLS = Number(process.env.BENCH_SIP_CALLS ?? 200);
const ROUNDS = Number(process.env.BENCH_SIP_ROUNDS ?? 2);
const LEG_STEPS = (process.env.BENCH_SIP_LEGS ?? '1,5,20').split(',').map(Number);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 10);
const BURSTS = Number(process.env.BENCH_SIP_BURSTS ?? 10);
const SWITCHES = Number(process.env.BENCH_SIP_SWITCHES ?? 6);
const HOLD_MS = Number(process.env.BENCH_SIP_HOLD_MS ?? 200);
const WARMUP_MS = 3000;
/** How long the legs' mixes may take to settle (every mix with every other leg and the guest). */
const SETTLE_MS = Number(process.env.BENCH_SIP_SETTLE_S ?? 60) * 1000;
const CLK_TCK = 100;
const CODE = 'MLG-0000042';
const MEETING = '5b3e1c7a-2f4d-4e8b-9a6c-1d2e3f4a5b6c';

const now = () => performance.timeOrigin + performance.now();
let warnings = 0;
const quiet = {
  info() {},
  warn: (message: string, details?: object) => {
    if (process.env.BENCH_DEBUG && warnings++ < 5) console.error(message, details);
  },
  error: console.error,
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime, stime (fields 14 and 15)
  } catch {
    return undefined; // it ended
  }
}

/** CPU (s) of a set of processes between `start()` and `stop()`, counting those alive at both ends. */
function cpuMeter(pids: () => number[]) {
  let before = new Map<number, number>();
  return {
    start() {
      before = new Map(pids().flatMap((pid) => (cpuSeconds(pid) === undefined ? [] : [[pid, cpuSeconds(pid)!]])));
    },
    stop(): { seconds: number; processes: number } {
      let seconds = 0;
      let processes = 0;
      for (const [pid, at] of before) {
        const end = cpuSeconds(pid);
        if (end === undefined) continue;
        seconds += end - at;
        processes += 1;
      }
      return { seconds, processes };
    },
  };
}

/** ffmpeg processes started by this process (the legs' mixers, a transcoder). */
const ffmpegPids = () => descendants(process.pid).filter((p) => /(^|\/)ffmpeg\s/.test(p.cmdline)).map((p) => p.pid);

interface PeersReport {
  received: number[];
  keyframeRequests: number[];
  events: ({ type: 'burst'; id: string; at: number } | { type: 'onset'; socket: number; at: number } | { type: 'ssrc' | 'keyframe'; socket: number; ssrc: number; at: number })[];
}

/** The load generator (tools/bench/media/rtp-peers.mjs). */
class Peers {
  private readonly child: ChildProcess = fork(join(__dirname, 'media', 'rtp-peers.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  private sockets = 0;
  readonly events: PeersReport['events'] = [];

  constructor(capture: SipCapture) {
    this.child.send({ streams: capture.streams });
  }

  get pid(): number {
    return this.child.pid!;
  }

  private request<T>(message: object, key: string): Promise<T> {
    return new Promise((done) => {
      const on = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        this.child.off('message', on);
        done(m[key] as T);
      };
      this.child.on('message', on);
      this.child.send(message);
    });
  }

  async bind(count: number): Promise<{ index: number; port: number }[]> {
    const ports = await this.request<number[]>({ bind: count }, 'bound');
    return ports.map((port) => ({ index: this.sockets++, port }));
  }

  send(send: { id: string; socket: number; stream: SipStreamName; ssrc: number; payloadType?: number; ip: string; port: number; level?: 'talking' | 'silent'; bursts?: boolean }): void {
    this.child.send({ send });
  }

  level(id: string, level: 'talking' | 'silent'): void {
    this.child.send({ level: { id, level } });
  }

  watch(socket: number, kind: 'pcmu-onsets' | 'h264'): void {
    this.child.send({ watch: { socket, kind } });
  }

  /** Counters now; the events since the last report are appended to `events`. */
  async report(): Promise<PeersReport> {
    const report = await this.request<PeersReport>({ report: true }, 'report');
    this.events.push(...report.events);
    return report;
  }

  stop(): void {
    if (this.child.connected) this.child.send({ stop: true });
  }
}

const H264_PARAMETERS = { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 };
const VIDEO_FEEDBACK = [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }];

let ssrcCounter = 100_000;

/** A meeting on a fresh media server (one worker), as the API opens it. */
async function openMeeting(): Promise<{ server: MediaServer; bridge: MeetingBridge }> {
  const server = new MediaServer({ workers: 1, logger: quiet });
  await server.start();
  const start = Date.now();
  const bridge = await server.openBridge(MEETING, { meetingId: MEETING, title: 'Bench SIP', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), closesAt: new Date(start + 3_900_000).toISOString() });
  return { server, bridge };
}

interface Guest {
  peerId: string;
  socket: number;
  audioProducerId?: string;
  videoProducerId?: string;
}

/**
 * A browser-like participant on plain RTP: Opus with the audio-level extension and a camera (H.264 or
 * VP8) into a comedia transport from one socket; optionally receiving producers on a second transport to
 * the same socket.
 */
async function addGuest(bridge: MeetingBridge, peers: Peers, peerId: string, media: { audio?: SipStreamName; level?: 'talking' | 'silent'; bursts?: boolean; video?: SipStreamName; receive?: string[] }): Promise<Guest> {
  bridge.join({ peerId, name: peerId, role: 'guest' }, () => {});
  const t = await bridge.createPlainTransport(peerId, { comedia: true, rtcpMux: true });
  const [socket] = await peers.bind(1);
  const guest: Guest = { peerId, socket: socket!.index };
  if (media.audio) {
    const ssrc = ssrcCounter++;
    const rtpParameters = { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc }], headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id: 1 }] };
    guest.audioProducerId = (await bridge.produce(peerId, { transportId: t.transportId, kind: 'audio', source: 'microphone', rtpParameters })).producerId;
    peers.send({ id: `${peerId}-audio`, socket: socket!.index, stream: media.audio, ssrc, ip: t.ip, port: t.port, level: media.level ?? 'silent', bursts: media.bursts });
  }
  if (media.video) {
    const ssrc = ssrcCounter++;
    const vp8 = media.video.startsWith('vp8');
    const codec = vp8 ? { mimeType: 'video/VP8', payloadType: 101, clockRate: 90000, rtcpFeedback: VIDEO_FEEDBACK } : { mimeType: 'video/H264', payloadType: 96, clockRate: 90000, parameters: H264_PARAMETERS, rtcpFeedback: VIDEO_FEEDBACK };
    guest.videoProducerId = (await bridge.produce(peerId, { transportId: t.transportId, kind: 'video', source: 'camera', rtpParameters: { codecs: [codec], encodings: [{ ssrc }] } })).producerId;
    peers.send({ id: `${peerId}-video`, socket: socket!.index, stream: media.video, ssrc, ip: t.ip, port: t.port });
  }
  if (media.receive?.length) {
    const out = await bridge.createPlainTransport(peerId, { comedia: false, rtcpMux: true });
    await bridge.connectPlainTransport(peerId, out.transportId, { ip: '127.0.0.1', port: socket!.port });
    for (const producerId of media.receive) {
      const { consumerId } = await bridge.consume(peerId, { transportId: out.transportId, producerId, rtpCapabilities: bridge.routerRtpCapabilities() });
      await bridge.resume(peerId, { consumerId });
    }
  }
  return guest;
}

/** What the adapters logged (printed when a part fails). */
const gatewayLogs: { level: string; message: string; data?: Record<string, unknown> }[][] = [];

/** The gateway as the API runs it: the adapter on drachtio, its host over the media server's SIP legs (the meeting's lookup without the database). */
async function startGateway(drachtio: DrachtioServer, media: () => MediaServer, openLegTimes: number[] = []): Promise<SipDrachtioAdapter> {
  const host: SipCallHost = {
    lookup: async (code) => (code === CODE ? { status: 'open', meetingId: MEETING } : { status: 'unknown' }),
    openLeg: async (call) => {
      const started = now();
      const legs = await media().sip.openLeg(call).catch((error: unknown) => {
        gatewayLogs.at(-1)?.push({ level: 'error', message: 'openLeg failed', data: { error: String(error) } });
        throw error;
      });
      openLegTimes.push(now() - started);
      return legs;
    },
    closeLeg: (callId, reason) => media().sip.closeLeg(callId, reason),
    requestKeyFrame: (callId) => media().sip.requestKeyFrame(callId),
    meetingCode: async () => CODE,
  };
  const context = createTestContext({ drachtioHost: '127.0.0.1', drachtioPort: drachtio.connection.port, sipDomain: 'visio.maillage.test', connectTimeoutMs: 5000 }, { drachtioSecret: drachtio.connection.secret }, { sip: host });
  gatewayLogs.push(context.logged);
  const adapter = sipDrachtioAdapter.create(context);
  await adapter.init();
  if ((await adapter.health()).status !== 'up') throw new Error('the sip-drachtio adapter is not connected');
  return adapter;
}

async function connectSrf(drachtio: DrachtioServer): Promise<Srf> {
  const srf = new Srf();
  const connected = new Promise<void>((done, fail) => {
    srf.once('connect', () => done());
    srf.once('error', fail);
  });
  void srf.connect({ ...drachtio.connection });
  await connected;
  return srf;
}

interface RoomSystem {
  dialog: Srf.Dialog;
  callId: string;
  audioSocket: number;
  videoSocket: number;
  setupMs: number;
}

/** A room system calls the meeting: an offer on two sockets of the load generator (symmetric RTP), then it sends what it is told. */
async function dialIn(uac: Srf, sipPort: number, peers: Peers, name: string, options: { audio: 'G722' | 'PCMU'; sendAudio: boolean; sendVideo: boolean }): Promise<RoomSystem> {
  const [audio, video] = await peers.bind(2);
  const audioSsrc = ssrcCounter++;
  const videoSsrc = ssrcCounter++;
  const pt = options.audio === 'G722' ? 9 : 0;
  const sdp = [
    'v=0', `o=${name} 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0',
    `m=audio ${audio!.port} RTP/AVP ${pt}`, `a=rtpmap:${pt} ${options.audio}/8000`, 'a=rtcp-mux', `a=ssrc:${audioSsrc} cname:${name}`, 'a=sendrecv',
    `m=video ${video!.port} RTP/AVP 96`, 'a=rtpmap:96 H264/90000', 'a=fmtp:96 packetization-mode=1;profile-level-id=42e01f', 'a=rtcp-fb:96 nack pli', 'a=rtcp-fb:96 ccm fir', 'a=rtcp-mux', `a=ssrc:${videoSsrc} cname:${name}`, 'a=sendrecv',
    '',
  ].join('\r\n');
  const started = now();
  const dialog = await uac.createUAC(`sip:${CODE}@127.0.0.1:${sipPort}`, { localSdp: sdp, headers: { From: `"${name}" <sip:${name}@127.0.0.1>` } });
  const setupMs = now() - started;
  const answer = dialog.remote.sdp;
  const ip = /c=IN IP4 (\S+)/.exec(answer)?.[1] ?? '127.0.0.1';
  const audioPort = Number(/m=audio (\d+)/.exec(answer)?.[1]);
  const videoPort = Number(/m=video (\d+)/.exec(answer)?.[1]);
  if (options.sendAudio) peers.send({ id: `${name}-audio`, socket: audio!.index, stream: 'g722', ssrc: audioSsrc, payloadType: pt, ip, port: audioPort });
  if (options.sendVideo) peers.send({ id: `${name}-video`, socket: video!.index, stream: 'h264', ssrc: videoSsrc, ip, port: videoPort });
  return { dialog, callId: dialog.sip.callId, audioSocket: audio!.index, videoSocket: video!.index, setupMs };
}

const hangUp = (room: RoomSystem) => new Promise<void>((done) => room.dialog.destroy(undefined, () => done()));

async function until<T>(what: string, probe: () => Promise<T | false | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(process.env.BENCH_DEBUG ? 2000 : 100);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Context {
  capture: SipCapture;
  drachtio: DrachtioServer;
  /** The load generator's drachtio (room systems' UAC side). */
  uacDrachtio: DrachtioServer;
}

// (1) INVITE → 200 -----------------------------------------------------------------------------------

/** `calls` calls one after the other from the load generator's UAC (tools/bench/media/sip-uac.mjs): each INVITE → 200 in ms. */
function uacCalls(ctx: Context, calls: number, sdp: string, holdMs = HOLD_MS): Promise<number[]> {
  const child = fork(join(__dirname, 'media', 'sip-uac.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((done, fail) => {
    child.once('message', ({ times, failures }: { times: number[]; failures: string[] }) => (failures.length ? fail(new Error(`${failures.length} call(s) failed: ${failures.slice(0, 12).join(', ')}`)) : done(times)));
    child.once('exit', (code) => fail(new Error(`the UAC exited with ${code}`)));
    child.send({ connection: ctx.uacDrachtio.connection, uri: `sip:${CODE}@127.0.0.1:${ctx.drachtio.sipPort}`, sdp, calls, holdMs });
  });
}

async function setupPart(ctx: Context) {
  const perRound = Math.max(1, Math.round(CALLS / ROUNDS));
  const times: Record<'baseline' | 'maillage', number[]> = { baseline: [], maillage: [] };
  const calls = (count: number) => uacCalls(ctx, count, PCMU_H264_OFFER);
  const openLegTimes: number[] = [];
  /** Of each measured call, the media side's share: MediaServer.sip.openLeg (leg routers, transports, producers, pipes). */
  const openLeg: number[] = [];
  const fixedSdp = ['v=0', 'o=bench 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 40000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', 'm=video 40002 RTP/AVP 97', 'a=rtpmap:97 H264/90000', 'a=fmtp:97 packetization-mode=1;profile-level-id=42e01f', ''].join('\r\n');
  const peers = new Peers(ctx.capture);
  const { server, bridge } = await openMeeting();
  try {
    // The meeting has a guest speaking with a camera: each call gets its video and an ffmpeg mix.
    await addGuest(bridge, peers, 'guest', { audio: 'opusBursts', level: 'talking', video: 'h264' });
    for (let round = 0; round < ROUNDS; round++) {
      process.stderr.write(`(1) round ${round + 1}/${ROUNDS}: baseline…\n`);
      const baseline = await connectSrf(ctx.drachtio);
      baseline.invite((req, res) => {
        res.send(180);
        baseline.createUAS(req, res, { localSdp: fixedSdp }).catch(() => undefined);
      });
      await calls(5); // warm-up
      times.baseline.push(...(await calls(perRound)));
      baseline.disconnect();
      process.stderr.write(`(1) round ${round + 1}/${ROUNDS}: sip-drachtio + media…\n`);
      const adapter = await startGateway(ctx.drachtio, () => server, openLegTimes);
      await calls(5);
      openLegTimes.splice(0);
      times.maillage.push(...(await calls(perRound)));
      openLeg.push(...openLegTimes);
      await adapter.dispose();
    }
  } finally {
    peers.stop();
    await server.close();
  }
  const row = (name: string, t: number[]) => [name, t.length, ms(median(t)), ms(percentile(t, 95)), ms(Math.max(...t))];
  console.log(`\n(1) INVITE → 200 at a drachtio-srf UAC (its own drachtio, child process), one call at a time (INVITE, 200, ACK, ${HOLD_MS} ms, BYE), ${ROUNDS} alternating rounds`);
  printTable(['answered by', 'calls', 'median', 'p95', 'max'], [row('drachtio-srf app, fixed SDP (baseline)', times.baseline), row('sip-drachtio + MediaServer (meeting open)', times.maillage)]);
  const ratio = { median: median(times.maillage) / median(times.baseline), p95: percentile(times.maillage, 95) / percentile(times.baseline, 95) };
  console.log(`ratio Maillage / baseline: median ${ratio.median.toFixed(1)}×, p95 ${ratio.p95.toFixed(1)}×; of which MediaServer.sip.openLeg: median ${ms(median(openLeg))}, p95 ${ms(percentile(openLeg, 95))}`);
  return { openLeg: { median: median(openLeg), p95: percentile(openLeg, 95) }, baseline: { calls: times.baseline.length, median: median(times.baseline), p95: percentile(times.baseline, 95) }, maillage: { calls: times.maillage.length, median: median(times.maillage), p95: percentile(times.maillage, 95) }, ratio };
}

// (2) CPU per leg -----------------------------------------------------------------------------------

interface CpuRun {
  legs: number;
  workerCpu: number;
  ffmpegCpu: number;
  ffmpegProcesses: number;
  nodeCpu: number;
  loadCpu: number;
  /** RTP received at the legs / participants over the window, against what they should get. */
  delivered: number;
  settleMs?: number;
  ffmpegStarts?: number;
  setupMs?: number;
}

/** Measures a window after a warm-up; `expected`: the RTP that sockets of the load generator should receive per second. */
async function measureWindow(server: MediaServer, peers: Peers, expected: { sockets: number[]; perSecond: number }[]): Promise<Omit<CpuRun, 'legs'>> {
  await sleep(WARMUP_MS);
  const worker = cpuMeter(() => server.workerPids());
  const mixers = cpuMeter(ffmpegPids);
  const load = cpuMeter(() => [peers.pid]);
  worker.start();
  mixers.start();
  load.start();
  const node = process.cpuUsage();
  const before = await peers.report();
  await sleep(WINDOW_S * 1000);
  const after = await peers.report();
  const nodeUsed = process.cpuUsage(node);
  const w = worker.stop();
  const f = mixers.stop();
  const l = load.stop();
  const sockets = expected.flatMap((e) => e.sockets);
  const got = sockets.reduce((sum, s) => sum + after.received[s]! - before.received[s]!, 0);
  const wanted = expected.reduce((sum, e) => sum + e.perSecond * WINDOW_S * e.sockets.length, 0);
  return { workerCpu: w.seconds / WINDOW_S, ffmpegCpu: f.seconds / WINDOW_S, ffmpegProcesses: f.processes, nodeCpu: (nodeUsed.user + nodeUsed.system) / 1e6 / WINDOW_S, loadCpu: l.seconds / WINDOW_S, delivered: wanted ? got / wanted : NaN };
}

const packetsPerSecond = (capture: SipCapture, stream: SipStreamName) => capture.streams[stream].packets.length / 10;

async function cpuSip(ctx: Context, uac: Srf, legs: number, gateway: { server?: MediaServer }): Promise<CpuRun> {
  const peers = new Peers(ctx.capture);
  const { server, bridge } = await openMeeting();
  gateway.server = server;
  const rooms: RoomSystem[] = [];
  try {
    await addGuest(bridge, peers, 'guest', { audio: 'opusBursts', level: 'talking', video: 'h264' });
    const started = Date.now();
    for (let i = 0; i < legs; i++) rooms.push(await dialIn(uac, ctx.drachtio.sipPort, peers, `salle-${i + 1}`, { audio: 'G722', sendAudio: true, sendVideo: true }));
    // Each leg's mix takes every other leg and the guest: ffmpeg restarts as legs join; wait until all are complete.
    let last = '';
    const settled = await until('every mix complete', async () => {
      const stats = await Promise.all(rooms.map((room) => server.sip.audioOutStats(room.callId)));
      last = stats.map((s) => `${s?.inputs}/${s?.ffmpegStarts}`).join(' ');
      if (process.env.BENCH_DEBUG) process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0)} s: inputs/starts ${last}; ffmpeg ${ffmpegPids().length}\n`);
      return stats.every((s) => s?.inputs === legs && s.packets > 0);
    }, SETTLE_MS).then(
      () => true,
      () => {
        process.stderr.write(`(2) ${legs} legs: the mixes did not all settle within ${SETTLE_MS / 1000} s (inputs/ffmpeg starts of each: ${last}); measuring as it is\n`);
        return false;
      },
    );
    const settleMs = settled ? Date.now() - started : undefined;
    const ffmpegStarts = (await Promise.all(rooms.map((room) => server.sip.audioOutStats(room.callId)))).reduce((sum, s) => sum + (s?.ffmpegStarts ?? 0), 0);
    // Each leg gets the mix (50 packets/s) and the guest's camera.
    const measured = await measureWindow(server, peers, [
      { sockets: rooms.map((room) => room.audioSocket), perSecond: 50 },
      { sockets: rooms.map((room) => room.videoSocket), perSecond: packetsPerSecond(ctx.capture, 'h264') },
    ]);
    return { legs, ...measured, settleMs, ffmpegStarts, setupMs: median(rooms.map((room) => room.setupMs)) };
  } finally {
    await Promise.all(rooms.map(hangUp));
    peers.stop();
    await server.close();
  }
}

async function cpuBaseline(ctx: Context, participants: number): Promise<CpuRun> {
  const peers = new Peers(ctx.capture);
  const { server, bridge } = await openMeeting();
  try {
    const guest = await addGuest(bridge, peers, 'guest', { audio: 'opusBursts', level: 'talking', video: 'h264' });
    const sockets: number[] = [];
    for (let i = 0; i < participants; i++) {
      const p = await addGuest(bridge, peers, `p${i + 1}`, { audio: 'opusSilence', level: 'silent', video: 'h264', receive: [guest.audioProducerId!, guest.videoProducerId!] });
      sockets.push(p.socket);
    }
    return { legs: participants, ...(await measureWindow(server, peers, [{ sockets, perSecond: 50 + packetsPerSecond(ctx.capture, 'h264') }])) };
  } finally {
    peers.stop();
    await server.close();
  }
}

async function cpuPart(ctx: Context) {
  const uac = await connectSrf(ctx.uacDrachtio);
  const gateway: { server?: MediaServer } = {};
  const adapter = await startGateway(ctx.drachtio, () => gateway.server!);
  const rows: { sip: CpuRun; baseline: CpuRun }[] = [];
  try {
    for (const legs of LEG_STEPS) {
      process.stderr.write(`(2) ${legs} participant(s), baseline…\n`);
      const baseline = await cpuBaseline(ctx, legs);
      process.stderr.write(`(2) ${legs} SIP leg(s)…\n`);
      const sip = await cpuSip(ctx, uac, legs, gateway);
      rows.push({ sip, baseline });
      process.stderr.write(`(2) ${legs}: media side ${pct(sip.workerCpu + sip.ffmpegCpu)} (${pct((sip.workerCpu + sip.ffmpegCpu) / legs)} per leg), baseline ${pct(baseline.workerCpu)}, delivered ${pct(sip.delivered)}\n`);
    }
  } finally {
    await adapter.dispose();
    uac.disconnect();
  }
  console.log(`\n(2) CPU of the media side (mediasoup worker + the legs' ffmpeg: mix-minus and speech meter), ${WINDOW_S} s window; each leg sends G.722 + 720p H.264 (${(packetsPerSecond(ctx.capture, 'h264') | 0)} packets/s) and receives its mix-minus + the guest's camera`);
  printTable(
    ['legs', 'worker', 'ffmpeg: mixers + speech meters (processes)', 'media side', 'per leg', 'baseline: worker', 'baseline per participant', 'ratio', 'delivered (mix + video)', 'settled in', 'ffmpeg starts', 'node (adapter + UAC)', 'load generator'],
    rows.map(({ sip, baseline }) => [
      sip.legs,
      pct(sip.workerCpu),
      `${pct(sip.ffmpegCpu)} (${sip.ffmpegProcesses})`,
      pct(sip.workerCpu + sip.ffmpegCpu),
      pct((sip.workerCpu + sip.ffmpegCpu) / sip.legs),
      pct(baseline.workerCpu),
      pct(baseline.workerCpu / baseline.legs),
      `${((sip.workerCpu + sip.ffmpegCpu) / baseline.workerCpu).toFixed(2)}×`,
      pct(sip.delivered),
      sip.settleMs === undefined ? `not within ${SETTLE_MS / 1000} s` : `${(sip.settleMs / 1000).toFixed(1)} s`,
      sip.ffmpegStarts ?? 0,
      pct(sip.nodeCpu),
      pct(sip.loadCpu),
    ]),
  );
  return rows;
}

// (3) + (4) mix latency, speaker change ---------------------------------------------------------------

async function latencyPart(ctx: Context, parts: { mix: boolean; speaker: boolean }) {
  const uac = await connectSrf(ctx.uacDrachtio);
  const peers = new Peers(ctx.capture);
  const { server, bridge } = await openMeeting();
  const adapter = await startGateway(ctx.drachtio, () => server);
  let room: RoomSystem | undefined;
  const result: { mix?: { bursts: number; median: number; p95: number; values: number[] }; speaker?: { switches: number; fromChange: number; fromVoice: number; observer: number; values: object[] } } = {};
  try {
    const speakers: { peerId: string | null; at: number }[] = [];
    bridge.join({ peerId: 'observer', name: 'observer', role: 'guest' }, (n) => {
      if (n.notification === 'activeSpeaker') speakers.push({ peerId: n.data.peerId, at: now() });
    });
    const alice = await addGuest(bridge, peers, 'alice', { audio: 'opusBursts', level: 'talking', bursts: true, video: 'h264_360p' });
    const bob = await addGuest(bridge, peers, 'bob', { audio: 'opusSilence', level: 'silent', video: 'h264_360p' });
    room = await dialIn(uac, ctx.drachtio.sipPort, peers, 'salle', { audio: 'PCMU', sendAudio: false, sendVideo: false });
    peers.watch(room.audioSocket, 'pcmu-onsets');
    peers.watch(room.videoSocket, 'h264');
    await until('the mix of alice and bob', async () => (await server.sip.audioOutStats(room!.callId))?.inputs === 2, 20_000);
    await until('alice on the room system’s screen', async () => (await server.sip.videoOutStats(room!.callId))?.sourceProducerId === alice.videoProducerId, 10_000);

    if (parts.mix) {
      process.stderr.write(`(3) ${BURSTS} tone bursts…\n`);
      await sleep(1500);
      await peers.report();
      peers.events.length = 0;
      await sleep(BURSTS * 1000 + 500);
      await peers.report();
      const bursts = peers.events.filter((e) => e.type === 'burst').map((e) => e.at);
      const values: number[] = [];
      for (const onset of peers.events.filter((e) => e.type === 'onset')) {
        const sent = bursts.filter((at) => at <= onset.at && onset.at - at < 800).at(-1);
        if (sent !== undefined) values.push(onset.at - sent);
      }
      result.mix = { bursts: values.length, median: median(values), p95: percentile(values, 95), values };
    }

    if (parts.speaker) {
      const values: { fromChange: number; fromVoice: number; observer: number }[] = [];
      let current: Guest = alice;
      for (let i = 0; i < SWITCHES; i++) {
        const next: Guest = current === alice ? bob : alice;
        process.stderr.write(`(4) switch ${i + 1}/${SWITCHES}: ${current.peerId} → ${next.peerId}…\n`);
        peers.events.length = 0;
        const seen = speakers.length;
        const voice = now();
        peers.level(`${current.peerId}-audio`, 'silent');
        peers.level(`${next.peerId}-audio`, 'talking');
        const change = await until(`${next.peerId} as the active speaker`, async () => speakers.slice(seen).find((s) => s.peerId === next.peerId), 10_000);
        const keyframe = await until(`${next.peerId}'s keyframe at the room system`, async () => {
          await peers.report();
          const ssrcs = new Set(peers.events.filter((e) => e.type === 'ssrc' && e.at >= change.at - 5).map((e) => (e as { ssrc: number }).ssrc));
          return peers.events.find((e) => e.type === 'keyframe' && e.socket === room!.videoSocket && ssrcs.has(e.ssrc)) as { at: number } | undefined;
        }, 10_000);
        const out = await server.sip.videoOutStats(room.callId);
        if (out?.sourceProducerId !== next.videoProducerId) throw new Error(`the room system shows ${out?.sourceProducerId}, not ${next.peerId}'s camera`);
        values.push({ fromChange: keyframe.at - change.at, fromVoice: keyframe.at - voice, observer: change.at - voice });
        current = next;
        await sleep(1500);
      }
      result.speaker = { switches: values.length, fromChange: median(values.map((v) => v.fromChange)), fromVoice: median(values.map((v) => v.fromVoice)), observer: median(values.map((v) => v.observer)), values };
    }
  } finally {
    if (room) await hangUp(room);
    await adapter.dispose();
    uac.disconnect();
    peers.stop();
    await server.close();
  }
  if (result.mix) {
    console.log(`\n(3) audio mix latency: alice's Opus tone burst sent → its onset in the G.711 µ-law mix-minus at the room system (ffmpeg amix), ${result.mix.bursts} bursts`);
    printTable(['median', 'p95', 'min', 'max'], [[ms(result.mix.median), ms(result.mix.p95), ms(Math.min(...result.mix.values)), ms(Math.max(...result.mix.values))]]);
  }
  if (result.speaker) {
    console.log(`\n(4) speaker change → first keyframe of the new speaker's H.264 at the room system, ${result.speaker.switches} switches (alice ⇄ bob)`);
    printTable(['from the activeSpeaker change', 'from the voice (observer included)', "the observer's decision"], [[ms(result.speaker.fromChange), ms(result.speaker.fromVoice), ms(result.speaker.observer)]]);
  }
  return result;
}

// (5) VP8 → H.264 -------------------------------------------------------------------------------------

const SIZES = [
  { size: '640x360', vp8: 'vp8_360p', h264: 'h264_360p', bitrate: '600k' },
  { size: '1280x720', vp8: 'vp8_720p', h264: 'h264', bitrate: '1500k' },
] as const;

async function transcodePart(ctx: Context) {
  const results = [];
  for (const size of SIZES) results.push({ size: size.size, ...(await transcodeOne(ctx, size)) });
  console.log('\n(5) one 30 fps camera toward an H.264-only room system');
  printTable(
    ['camera', 'browser sends H.264 too: the worker forwards it to the leg (above the idle meeting)', 'delivered', 'ffmpeg VP8 → H.264 transcoder (libx264 ultrafast, zerolatency), alone', 'its output', 'transcoder / forwarding'],
    results.map((r) => [r.size, `${pct(r.forwardWorker - r.idleWorker)} (${pct(r.forwardWorker)} − ${pct(r.idleWorker)} idle)`, pct(r.forwardDelivered), pct(r.transcoderCpu), `${pct(r.transcoderOutput)} of the H.264 capture's packets`, `${(r.transcoderCpu / Math.max(0.001, r.forwardWorker - r.idleWorker)).toFixed(0)}×`]),
  );
  return results;
}

async function transcodeOne(ctx: Context, size: (typeof SIZES)[number]) {
  const peers = new Peers(ctx.capture);
  const uac = await connectSrf(ctx.uacDrachtio);
  const { server, bridge } = await openMeeting();
  const adapter = await startGateway(ctx.drachtio, () => server);
  const dir = await mkdtemp(join(tmpdir(), 'maillage-bench-transcode-'));
  let room: RoomSystem | undefined;
  let transcoder: ChildProcess | undefined;
  try {
    // (a) the browser sends H.264 too: the worker forwards it to the leg.
    await addGuest(bridge, peers, 'browser', { video: size.h264 });
    process.stderr.write(`(5) ${size.size}: idle meeting, then H.264 forwarded to a SIP leg…\n`);
    const idle = await measureWindow(server, peers, []);
    room = await dialIn(uac, ctx.drachtio.sipPort, peers, 'salle', { audio: 'PCMU', sendAudio: false, sendVideo: false });
    const forwarded = await measureWindow(server, peers, [{ sockets: [room.videoSocket], perSecond: packetsPerSecond(ctx.capture, size.h264) }]);
    await hangUp(room);
    room = undefined;
    // (b) an ffmpeg VP8 → H.264 transcoder for the same picture.
    process.stderr.write(`(5) ${size.size}: ffmpeg VP8 → H.264…\n`);
    const [input, output] = await peers.bind(2);
    // ffmpeg listens on a port the load generator sends VP8 to: a free one, taken from a socket bound then closed.
    const inPort = await new Promise<number>((done) => {
      const probe = createSocket('udp4');
      probe.bind(0, '127.0.0.1', () => {
        const port = probe.address().port;
        probe.close(() => done(port));
      });
    });
    const sdp = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=vp8', 'c=IN IP4 127.0.0.1', 't=0 0', `m=video ${inPort} RTP/AVP 101`, 'a=rtpmap:101 VP8/90000', ''].join('\n');
    await writeFile(join(dir, 'in.sdp'), sdp);
    const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-profile:v', 'baseline', '-level', '3.1', '-pix_fmt', 'yuv420p', '-b:v', size.bitrate, '-g', '60'];
    // -loglevel fatal: the first packets, before a VP8 keyframe, do not decode.
    transcoder = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'fatal', '-nostdin', '-protocol_whitelist', 'file,udp,rtp', '-fflags', 'nobuffer', '-i', join(dir, 'in.sdp'), '-an', ...x264, '-payload_type', '96', '-f', 'rtp', `rtp://127.0.0.1:${output!.port}?pkt_size=1200`], { stdio: ['ignore', 'ignore', 'inherit'] });
    await sleep(300);
    peers.send({ id: 'vp8', socket: input!.index, stream: size.vp8, ssrc: ssrcCounter++, ip: '127.0.0.1', port: inPort });
    const transcoded = await measureWindow(server, peers, [{ sockets: [output!.index], perSecond: packetsPerSecond(ctx.capture, size.h264) }]);
    return { idleWorker: idle.workerCpu, forwardWorker: forwarded.workerCpu, forwardDelivered: forwarded.delivered, transcoderCpu: transcoded.ffmpegCpu, transcoderOutput: transcoded.delivered };
  } finally {
    if (transcoder && transcoder.exitCode === null) {
      const exited = new Promise((done) => transcoder!.once('exit', done));
      transcoder.kill('SIGKILL');
      await exited;
    }
    if (room) await hangUp(room);
    await adapter.dispose();
    uac.disconnect();
    peers.stop();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  ensureMediasoupWorkerBin();
  const bin = ensureDrachtioBin();
  const capture = await captureSipRtp();
  const drachtio = await DrachtioServer.start({ bin, logLevel: 'error' });
  const uacDrachtio = await DrachtioServer.start({ bin, logLevel: 'error' });
  const ctx: Context = { capture, drachtio, uacDrachtio };
  const out: Record<string, unknown> = {};
  try {
    if (PARTS.includes('setup')) out.setup = await setupPart(ctx);
    if (PARTS.includes('cpu')) out.cpu = await cpuPart(ctx);
    if (PARTS.includes('mix') || PARTS.includes('speaker')) out.latency = await latencyPart(ctx, { mix: PARTS.includes('mix'), speaker: PARTS.includes('speaker') });
    if (PARTS.includes('transcode')) out.transcode = await transcodePart(ctx);
  } catch (error) {
    const lines = gatewayLogs.flat().filter((line) => line.level !== 'info');
    for (const line of lines.slice(-10)) console.error(`sip-drachtio ${line.level}: ${line.message} ${JSON.stringify(line.data ?? {})}`);
    throw error;
  } finally {
    await drachtio.stop();
    await uacDrachtio.stop();
  }
  console.log(JSON.stringify({ bench: 'sip', machine: machine(), revision: revision(), settings: { PARTS, CALLS, ROUNDS, LEG_STEPS, WINDOW_S, BURSTS, SWITCHES }, ...out }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
