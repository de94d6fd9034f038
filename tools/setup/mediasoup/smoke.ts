// Smoke test of the offline-built mediasoup worker (tools/setup/build-mediasoup-worker.sh):
//   MEDIASOUP_WORKER_BIN="$(tools/setup/build-mediasoup-worker.sh)" \
//     npx node -r @swc-node/register tools/setup/mediasoup/smoke.ts
// Starts a worker, a router with Opus + VP8, a WebRtcTransport and a PlainTransport on 127.0.0.1;
// if ffmpeg is on PATH, sends it ~3 s of VP8 over plain RTP (comedia, RTCP on its own port) and
// checks the producer's stats count received bytes. Closes everything; exit code 0 when all passed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';

const mediaCodecs: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: {} },
];
const VP8_PAYLOAD_TYPE = 101;
const VP8_SSRC = 22222222;

const say = (line: string) => console.log(`[smoke] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function sendVp8FromFfmpeg(plain: types.PlainTransport): Promise<void> {
  const version = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    say('ffmpeg not found: skipping the plain RTP test (apt-get install -y ffmpeg)');
    return;
  }
  say(version.stdout.split('\n')[0]);
  const producer = await plain.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PAYLOAD_TYPE, clockRate: 90000, rtcpFeedback: [] }],
      encodings: [{ ssrc: VP8_SSRC }],
    },
  });
  const rtpPort = plain.tuple.localPort;
  const rtcpPort = plain.rtcpTuple?.localPort;
  if (rtcpPort === undefined) throw new Error('the PlainTransport has no RTCP port (rtcpMux must be false)');
  // ffmpeg sends RTCP from another port than RTP: rtcpMux false + comedia, and rtcpport given.
  const ffmpeg: ChildProcess = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30', '-t', '3',
      '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k',
      '-payload_type', String(VP8_PAYLOAD_TYPE), '-ssrc', String(VP8_SSRC),
      '-f', 'rtp', `rtp://127.0.0.1:${rtpPort}?rtcpport=${rtcpPort}&pkt_size=1200`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const started = Date.now();
  let stat: types.ProducerStat | undefined;
  try {
    // Bounded to ~5 s: wait for a few dozen packets, not for ffmpeg's end.
    while (Date.now() - started < 5000) {
      await sleep(250);
      stat = (await producer.getStats())[0];
      if (stat && stat.packetCount >= 30) break;
    }
  } finally {
    const exited = new Promise((resolve) => ffmpeg.once('exit', resolve));
    if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) {
      ffmpeg.kill('SIGKILL');
      await exited;
    }
  }
  if (!stat || stat.byteCount === 0) throw new Error('the producer received no RTP from ffmpeg within 5 s');
  say(
    `plain RTP VP8 from ffmpeg: producer received ${stat.packetCount} packets, ${stat.byteCount} bytes ` +
      `in ${Date.now() - started} ms (tuple remote ${plain.tuple.remoteIp}:${plain.tuple.remotePort})`,
  );
  producer.close();
}

async function main(): Promise<void> {
  const bin = process.env['MEDIASOUP_WORKER_BIN'];
  if (!bin || !existsSync(bin)) {
    throw new Error('set MEDIASOUP_WORKER_BIN to the worker built by tools/setup/build-mediasoup-worker.sh');
  }
  say(`node ${process.version}, mediasoup ${mediasoup.version}, worker ${bin}`);

  // The worker reports its libraries' versions in debug logs tagged "info".
  const libraries: string[] = [];
  mediasoup.setLogEventListeners({
    ondebug: (_namespace, log) => {
      const m = /(mediasoup-worker process \[version:[^\]]+\]|(?:openssl|libuv|libsrtp) version: "[^"]+")/.exec(log);
      if (m) libraries.push(m[1]);
    },
  });
  const worker = await mediasoup.createWorker({ logLevel: 'debug', logTags: ['info'], disableLiburing: true });
  worker.on('died', (error) => {
    console.error(`[smoke] the worker died: ${error.message}`);
    process.exit(1);
  });
  await sleep(100);
  say(`worker pid ${worker.pid}: ${libraries.join(', ')}`);

  const router = await worker.createRouter({ mediaCodecs });
  say(`router ${router.id}: ${router.rtpCapabilities.codecs?.map((c) => c.mimeType).join(', ')}`);

  const webRtc = await router.createWebRtcTransport({
    listenInfos: [
      { protocol: 'udp', ip: '127.0.0.1' },
      { protocol: 'tcp', ip: '127.0.0.1' },
    ],
  });
  say(
    `WebRtcTransport ${webRtc.id}: ${webRtc.iceCandidates.map((c) => `${c.protocol} ${c.address}:${c.port}`).join(', ')}; ` +
      `DTLS fingerprints ${webRtc.dtlsParameters.fingerprints.map((f) => f.algorithm).join(', ')}`,
  );

  const plain = await router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
    rtcpMux: false,
    comedia: true,
  });
  say(`PlainTransport ${plain.id}: RTP 127.0.0.1:${plain.tuple.localPort}, RTCP 127.0.0.1:${plain.rtcpTuple?.localPort}`);

  await sendVp8FromFfmpeg(plain);

  webRtc.close();
  plain.close();
  router.close();
  worker.close();
  if (!worker.closed || !router.closed || !webRtc.closed || !plain.closed) throw new Error('something did not close');
  // The worker process exits once its channel closes: wait for it (bounded) so nothing outlives us.
  for (let waited = 0; isAlive(worker.pid); waited += 50) {
    if (waited > 3000) throw new Error(`the worker process ${worker.pid} is still running`);
    await sleep(50);
  }
  say('everything closed: ok');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[smoke] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
