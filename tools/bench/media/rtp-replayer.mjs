// Child process of the media benchmarks: sends the captured RTP (see rtp-capture.ts) to mediasoup
// PlainTransports in real time, one independent stream pair per sender (own SSRCs, sequence numbers
// and timestamps, looped seamlessly), and counts what comes back to the receivers' sockets.
// Runs apart from the benchmark's process so that its CPU is not counted as the SFU's.
// IPC in: { capture, senders: [{ ip, port, videoSsrc, audioSsrc }], sinks: count }
// IPC out: { sinks: [port…] } once bound, then { received: [packets per sink] } on { report: true }.
import { createSocket } from 'node:dgram';

const VIDEO_CLOCK = 90_000;
const AUDIO_CLOCK = 48_000;

function stream(packets, clockRate) {
  const bufs = packets.map((b64) => Buffer.from(b64, 'base64'));
  const ts0 = bufs[0].readUInt32BE(4);
  const offsets = bufs.map((b) => ((b.readUInt32BE(4) - ts0) >>> 0) / clockRate);
  const period = offsets[offsets.length - 1] + 1 / 30;
  const periodTicks = Math.round(period * clockRate);
  return { bufs, offsets, period, periodTicks, count: bufs.length };
}

process.once('message', async ({ capture, senders, sinks }) => {
  const video = stream(capture.video, VIDEO_CLOCK);
  const audio = stream(capture.audio, AUDIO_CLOCK);
  const received = [];
  const sinkSockets = await Promise.all(
    Array.from({ length: sinks }, (_, i) => new Promise((done) => {
      const s = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
      received[i] = 0;
      // RTP only: the consumers' RTCP reports share the port (rtcpMux) and are not media.
      s.on('message', (m) => {
        if (m[1] < 200 || m[1] > 204) received[i]++;
      });
      s.bind(0, '127.0.0.1', () => done(s));
    })),
  );
  process.send({ sinks: sinkSockets.map((s) => s.address().port) });

  const socket = createSocket({ type: 'udp4', sendBufferSize: 8 * 1024 * 1024 });
  const started = performance.now() / 1000;
  // One cursor per (sender, kind): next packet index and loop number.
  const cursors = senders.flatMap((target, i) => [
    { target, s: video, ssrc: target.videoSsrc, next: 0, loop: 0, seq: 0, stagger: (i * 0.013) % 1 },
    { target, s: audio, ssrc: target.audioSsrc, next: 0, loop: 0, seq: 0, stagger: (i * 0.013) % 1 },
  ]);
  const tick = () => {
    const now = performance.now() / 1000 - started;
    for (const c of cursors) {
      for (;;) {
        const due = c.loop * c.s.period + c.s.offsets[c.next] + c.stagger;
        if (due > now) break;
        const packet = Buffer.from(c.s.bufs[c.next]);
        packet.writeUInt16BE(c.seq++ & 0xffff, 2);
        packet.writeUInt32BE((packet.readUInt32BE(4) + c.loop * c.s.periodTicks) >>> 0, 4);
        packet.writeUInt32BE(c.ssrc, 8);
        socket.send(packet, c.target.port, c.target.ip);
        if (++c.next === c.s.count) {
          c.next = 0;
          c.loop++;
        }
      }
    }
  };
  const timer = setInterval(tick, 5);
  process.on('message', (m) => {
    if (m.report) process.send({ received: [...received] });
    if (m.stop) {
      clearInterval(timer);
      socket.close();
      for (const s of sinkSockets) s.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
});
