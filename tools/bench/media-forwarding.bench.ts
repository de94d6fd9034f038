// Media forwarding cost: (b) CPU for N senders × M receivers through Maillage's MeetingBridge next to
// the same streams through bare mediasoup, in the same run; (c) how many meetings one worker (one core)
// holds.
//
// Senders are real RTP: VP8 and Opus encoded by ffmpeg (Debian's) once, then replayed in real time by a
// child process (tools/bench/media/rtp-replayer.mjs) into PlainTransports, one independent stream pair
// per sender. Receivers are PlainTransport consumers sending to UDP sockets of the same child, which
// counts packets (delivery ratio). CPU is the mediasoup worker's (utime + stime from /proc/<pid>/stat)
// plus this process's own (the Node side of each variant), over a measured window after a warm-up.
// The two variants alternate (bare, maillage, bare, maillage…) and the medians are compared.
//
// Settings: BENCH_SENDERS (N, default 6), BENCH_RECEIVERS (M per sender, default 6), BENCH_WINDOW_S
// (default 10), BENCH_ROUNDS (default 3), BENCH_MEETING_STEPS (meetings tried for (c), default
// "10,20,40,60"), BENCH_MEETING_SIZE (participants per meeting for (c), each sending and receiving all
// the others, default 3). Needs MEDIASOUP_WORKER_BIN (tools/setup/build-mediasoup-worker.sh prints it).
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark drives the media engine the API runs
import { MEETING_MEDIA_CODECS, MediaServer, type MeetingBridge } from '@maillage/media';
import { machine, median, printTable, revision, sleep } from './lib';
import { AUDIO, VIDEO, captureRtp, type Capture } from './media/rtp-capture';

const N = Number(process.env.BENCH_SENDERS ?? 6);
const M = Number(process.env.BENCH_RECEIVERS ?? 6);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEETING_STEPS = (process.env.BENCH_MEETING_STEPS ?? '10,20,40,60').split(',').map(Number);
const MEETING_SIZE = Number(process.env.BENCH_MEETING_SIZE ?? 3);
const WARMUP_MS = 3000;
const CLK_TCK = 100;

const producerParameters = (kind: 'audio' | 'video', ssrc: number): types.RtpParameters => ({
  codecs: [kind === 'video' ? { mimeType: VIDEO.mimeType, payloadType: VIDEO.payloadType, clockRate: VIDEO.clockRate } : { mimeType: AUDIO.mimeType, payloadType: AUDIO.payloadType, clockRate: AUDIO.clockRate, channels: AUDIO.channels }],
  encodings: [{ ssrc }],
});

/**
 * One meeting of the load. `receivers` receive every sender's two streams; with `conversation`, the
 * receivers are the senders themselves (receivers = senders) and each gets every stream but its own.
 */
interface MeetingLoad {
  senders: number;
  receivers: number;
  conversation?: boolean;
}

/** What a variant wires for one sender and one receiver; returns where the replayer must send. */
interface Wiring {
  workerPid: number;
  sender(meeting: number, index: number, ssrcs: { video: number; audio: number }): Promise<{ ip: string; port: number; producerIds: string[] }>;
  receiver(meeting: number, index: number, producerIds: string[], sinkPort: number): Promise<void>;
  close(): Promise<void>;
}

/** The same routers (same codecs) and transports, straight on mediasoup: no bridge, no observer, no bookkeeping. */
async function bare(): Promise<Wiring> {
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const routers = new Map<number, types.Router>();
  const router = async (meeting: number) => {
    if (!routers.has(meeting)) routers.set(meeting, await worker.createRouter({ mediaCodecs: MEETING_MEDIA_CODECS }));
    return routers.get(meeting)!;
  };
  return {
    workerPid: worker.pid,
    async sender(meeting, _index, ssrcs) {
      const r = await router(meeting);
      const transport = await r.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, comedia: true, rtcpMux: true });
      const video = await transport.produce({ kind: 'video', rtpParameters: producerParameters('video', ssrcs.video) });
      const audio = await transport.produce({ kind: 'audio', rtpParameters: producerParameters('audio', ssrcs.audio) });
      return { ip: '127.0.0.1', port: transport.tuple.localPort, producerIds: [video.id, audio.id] };
    },
    async receiver(meeting, _index, producerIds, sinkPort) {
      const r = await router(meeting);
      const transport = await r.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, comedia: false, rtcpMux: true });
      await transport.connect({ ip: '127.0.0.1', port: sinkPort });
      for (const producerId of producerIds) await transport.consume({ producerId, rtpCapabilities: r.rtpCapabilities });
    },
    async close() {
      worker.close();
    },
  };
}

async function maillage(): Promise<Wiring> {
  const server = new MediaServer({ workers: 1, logger: { info() {}, warn() {}, error: console.error } });
  await server.start();
  const bridges = new Map<number, MeetingBridge>();
  const bridge = async (meeting: number) => {
    if (!bridges.has(meeting)) {
      const id = `bench-${meeting}`;
      const now = Date.now();
      bridges.set(meeting, await server.openBridge(id, { meetingId: id, title: 'Bench', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), closesAt: new Date(now + 3_900_000).toISOString() }));
    }
    return bridges.get(meeting)!;
  };
  const join = (b: MeetingBridge, peerId: string) => {
    if (!b.peers().some((p) => p.peerId === peerId)) b.join({ peerId, name: peerId, role: 'room' }, () => {});
  };
  return {
    workerPid: server.workerPids()[0]!,
    async sender(meeting, index, ssrcs) {
      const b = await bridge(meeting);
      const peerId = `s${index}`;
      join(b, peerId);
      const t = await b.createPlainTransport(peerId, { comedia: true, rtcpMux: true });
      const producerIds: string[] = [];
      for (const kind of ['video', 'audio'] as const) {
        const source = kind === 'video' ? 'camera' : 'microphone';
        const { producerId } = await b.produce(peerId, { transportId: t.transportId, kind, source, rtpParameters: producerParameters(kind, ssrcs[kind]) as unknown as Record<string, unknown> });
        producerIds.push(producerId);
      }
      return { ip: t.ip, port: t.port, producerIds };
    },
    async receiver(meeting, index, producerIds, sinkPort) {
      const b = await bridge(meeting);
      const peerId = `r${index}`;
      join(b, peerId);
      const t = await b.createPlainTransport(peerId, { comedia: false, rtcpMux: true });
      await b.connectPlainTransport(peerId, t.transportId, { ip: '127.0.0.1', port: sinkPort });
      for (const producerId of producerIds) {
        const { consumerId } = await b.consume(peerId, { transportId: t.transportId, producerId, rtpCapabilities: b.routerRtpCapabilities() });
        await b.resume(peerId, { consumerId });
      }
    },
    async close() {
      await server.close();
    },
  };
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime, stime (fields 14 and 15)
}

interface Measured {
  workerCpu: number;
  nodeCpu: number;
  delivered: number;
  /** The replayer's CPU (load generator): near 100 % of a core, losses are its own, not the SFU's. */
  loadCpu: number;
}

function request<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((done) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off('message', on);
        done(m[key] as T);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

/** Wires the topology with one variant, replays the streams, measures the window. */
async function run(variant: () => Promise<Wiring>, meetings: MeetingLoad[], capture: Capture): Promise<Measured> {
  const wiring = await variant();
  const replayer = fork(join(__dirname, 'media', 'rtp-replayer.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const senders: { ip: string; port: number; videoSsrc: number; audioSsrc: number }[] = [];
    const produced: string[][][] = []; // by meeting, by sender: its producer ids
    let ssrc = 10_000;
    for (const [meeting, m] of meetings.entries()) {
      produced[meeting] = [];
      for (let s = 0; s < m.senders; s++) {
        const ssrcs = { video: ssrc++, audio: ssrc++ };
        const out = await wiring.sender(meeting, s, ssrcs);
        senders.push({ ip: out.ip, port: out.port, videoSsrc: ssrcs.video, audioSsrc: ssrcs.audio });
        produced[meeting]!.push(out.producerIds);
      }
    }
    const totalReceivers = meetings.reduce((sum, m) => sum + m.receivers, 0);
    const sinks = await new Promise<number[]>((done) => {
      replayer.once('message', (m: { sinks: number[] }) => done(m.sinks));
      replayer.send({ capture, senders, sinks: totalReceivers });
    });
    let sink = 0;
    let streamsReceived = 0; // sender stream pairs, summed over receivers
    for (const [meeting, m] of meetings.entries()) {
      for (let r = 0; r < m.receivers; r++) {
        const from = produced[meeting]!.filter((_, s) => !(m.conversation && s === r));
        streamsReceived += from.length;
        await wiring.receiver(meeting, r, from.flat(), sinks[sink++]!);
      }
    }
    await sleep(WARMUP_MS);
    const before = { worker: cpuSeconds(wiring.workerPid), load: cpuSeconds(replayer.pid!), node: process.cpuUsage(), received: await request<number[]>(replayer, { report: true }, 'received') };
    await sleep(WINDOW_S * 1000);
    const after = { worker: cpuSeconds(wiring.workerPid), load: cpuSeconds(replayer.pid!), node: process.cpuUsage(before.node), received: await request<number[]>(replayer, { report: true }, 'received') };
    const packetsIn = after.received.reduce((sum, n, i) => sum + n - before.received[i]!, 0);
    // Expected: every packet of every stream pair each receiver consumes.
    const perSender = (capture.video.length + capture.audio.length) / capture.seconds;
    const expected = perSender * WINDOW_S * streamsReceived;
    return {
      workerCpu: (after.worker - before.worker) / WINDOW_S,
      nodeCpu: (after.node.user + after.node.system) / 1e6 / WINDOW_S,
      delivered: packetsIn / expected,
      loadCpu: (after.load - before.load) / WINDOW_S,
    };
  } finally {
    replayer.send({ stop: true });
    await wiring.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  if (!process.env.MEDIASOUP_WORKER_BIN) throw new Error('set MEDIASOUP_WORKER_BIN (export MEDIASOUP_WORKER_BIN="$(tools/setup/build-mediasoup-worker.sh)")');
  const capture = await captureRtp();
  const mbps = ((capture.video.concat(capture.audio).reduce((s, p) => s + (p.length * 3) / 4, 0) * 8) / capture.seconds / 1e6).toFixed(2);
  console.log(`streams: ${capture.settings}; ${mbps} Mbit/s per sender`);

  // (b) one meeting: N senders, M receivers each receiving all N.
  const topology: MeetingLoad[] = [{ senders: N, receivers: M }];
  const results: Record<'bare' | 'maillage', Measured[]> = { bare: [], maillage: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, variant] of [['bare', bare], ['maillage', maillage]] as const) {
      process.stderr.write(`(b) round ${round + 1}/${ROUNDS}: ${name}…\n`);
      results[name].push(await run(variant, topology, capture));
    }
  }
  const total = (m: Measured) => m.workerCpu + m.nodeCpu;
  const b = { bare: median(results.bare.map(total)), maillage: median(results.maillage.map(total)) };
  console.log(`\n(b) ${N} senders × ${M} receivers (each receives all ${N}), ${WINDOW_S} s windows, median of ${ROUNDS}`);
  printTable(
    ['variant', 'worker CPU', 'node CPU', 'total (of one core)', 'delivered'],
    (['bare', 'maillage'] as const).map((name) => [
      name === 'bare' ? 'bare mediasoup' : 'Maillage MeetingBridge',
      pct(median(results[name].map((m) => m.workerCpu))),
      pct(median(results[name].map((m) => m.nodeCpu))),
      pct(b[name]),
      pct(median(results[name].map((m) => m.delivered))),
    ]),
  );
  const ratio = b.maillage / b.bare;
  console.log(`ratio Maillage / bare: ${ratio.toFixed(2)}× (target ≤ 1.10×)`);

  // (c) meetings of MEETING_SIZE participants (each sends, each receives all the others) on one worker.
  console.log(`\n(c) meetings of ${MEETING_SIZE} on one worker (one core)`);
  const steps: { meetings: number; workerCpu: number; delivered: number; loadCpu: number }[] = [];
  for (const meetings of MEETING_STEPS) {
    process.stderr.write(`(c) ${meetings} meetings…\n`);
    const m = await run(maillage, Array.from({ length: meetings }, () => ({ senders: MEETING_SIZE, receivers: MEETING_SIZE, conversation: true })), capture);
    steps.push({ meetings, workerCpu: m.workerCpu, delivered: m.delivered, loadCpu: m.loadCpu });
    if (m.workerCpu > 0.9 || m.delivered < 0.98) break;
  }
  printTable(
    ['meetings', 'worker CPU', 'per meeting', 'delivered', 'load generator CPU'],
    steps.map((s) => [s.meetings, pct(s.workerCpu), pct(s.workerCpu / s.meetings), pct(s.delivered), pct(s.loadCpu)]),
  );
  // Marginal cost per meeting: the slope between the smallest and largest load delivered intact (the
  // worker's idle cost is the intercept).
  const healthy = steps.filter((s) => s.delivered >= 0.98);
  const [first, last] = [healthy[0]!, healthy[healthy.length - 1]!];
  const perMeeting = healthy.length > 1 ? (last.workerCpu - first.workerCpu) / (last.meetings - first.meetings) : first.workerCpu / first.meetings;
  const idle = Math.max(0, first.workerCpu - perMeeting * first.meetings);
  const capacity = Math.floor((0.8 - idle) / perMeeting);
  console.log(`one core at 80 %: about ${capacity} meetings of ${MEETING_SIZE} (${pct(perMeeting)} of a core each, marginal)`);

  console.log(JSON.stringify({ bench: 'media-forwarding', machine: machine(), revision: revision(), settings: { N, M, WINDOW_S, ROUNDS, MEETING_SIZE, stream: capture.settings }, b: { ...b, ratio, runs: results }, c: { steps, perMeeting, capacityAt80: capacity } }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
