// Child process of the SIP benchmark (sip.bench.ts): the load generator, apart from the measured
// processes. It plays the room systems and the browser-like guests on the wire:
// - binds UDP sockets on 127.0.0.1 (one per m-line: symmetric RTP, a SIP leg accepts RTP only from
//   the address it sends to);
// - replays captured RTP (rtp-capture.ts: H.264, G.722, Opus) from a socket to a target in real time,
//   looped, with its own SSRC, sequence numbers and timestamps; optionally with the audio-level header
//   extension (talking or silent, for the active-speaker observer);
// - answers a PLI/FIR received on a socket as an encoder would: its video jumps to the next keyframe
//   of the capture at once;
// - counts the RTP each socket receives, and watches some: onsets of a G.711 µ-law tone (energy
//   after silence) and, for H.264, each new SSRC and its first keyframe; each event with its time.
// Times are `performance.timeOrigin + performance.now()` (ms since the epoch, sub-ms), like the parent's.
//
// IPC in:  { streams: { [name]: { packets: base64[], clockRate } } }   (first message)
//          { bind: count }                          → { bound: [port…] } (socket indexes follow on)
//          { send: { id, socket, stream, ssrc, payloadType?, ip, port, level?: 'talking'|'silent', bursts?: true } }
//          { level: { id, level } }                 switches a send's audio level
//          { watch: { socket, kind: 'pcmu-onsets' | 'h264' } }
//          { report: true }                         → { report: { received: [per socket], keyframeRequests: [per socket], events: [...] } } (events drained)
//          { stop: true }
import { createSocket } from 'node:dgram';

const now = () => performance.timeOrigin + performance.now();
const AUDIO_LEVEL_ID = 1;
// 280 ms of voice at -20 dBov then a 20 ms breath (a constant level reads as noise); silence is 127.
const LEVELS = { talking: [...Array(14).fill(20), 120], silent: [127] };

/** NAL unit types in an H.264 RTP payload (single NAL, STAP-A; FU-A: the type when it starts). */
function nalTypes(payload) {
  const type = payload[0] & 0x1f;
  if (type === 24) {
    const types = [];
    for (let i = 1; i + 2 < payload.length; ) {
      const size = payload.readUInt16BE(i);
      types.push(payload[i + 2] & 0x1f);
      i += 2 + size;
    }
    return types;
  }
  if (type === 28) return payload[1] & 0x80 ? [payload[1] & 0x1f] : [];
  return [type];
}

function rtpPayload(packet) {
  const cc = packet[0] & 0x0f;
  let offset = 12 + 4 * cc;
  if (packet[0] & 0x10) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
  return packet.subarray(offset);
}

const isKeyframePacket = (packet) => nalTypes(rtpPayload(packet)).some((t) => t === 5 || t === 7);

function ulaw(u) {
  u = ~u & 0xff;
  const exponent = (u >> 4) & 0x07;
  const sample = (((u & 0x0f) << 3) + 0x84) << exponent;
  return u & 0x80 ? 0x84 - sample : sample - 0x84;
}

function loadStream({ packets, clockRate }) {
  const bufs = packets.map((b64) => Buffer.from(b64, 'base64'));
  const ts = bufs.map((b) => b.readUInt32BE(4));
  const offsets = ts.map((t) => ((t - ts[0]) >>> 0) / clockRate);
  const steps = offsets.map((o, i) => o - (offsets[i - 1] ?? 0)).filter((d) => d > 0).sort((a, b) => a - b);
  const frame = steps[Math.floor(steps.length / 2)] ?? 0.02;
  const period = offsets[offsets.length - 1] + frame;
  // Frame starts whose frame holds an IDR or SPS: where a PLI makes the video jump.
  const keyframes = [];
  for (let i = 0; i < bufs.length; i++) {
    if (i > 0 && ts[i] === ts[i - 1]) continue;
    let j = i;
    let key = false;
    for (; j < bufs.length && ts[j] === ts[i]; j++) if (isKeyframePacket(bufs[j])) key = true;
    if (key) keyframes.push(i);
  }
  return { bufs, offsets, period, periodTicks: Math.round(period * clockRate), clockRate, keyframes };
}

let streams = {};
const sockets = [];
const received = [];
const keyframeRequests = [];
const watches = new Map();
const sends = new Map();
let events = [];
const started = now() / 1000;

function onMessage(index, packet) {
  if (packet.length < 12 || (packet[0] & 0xc0) !== 0x80) return;
  const pt = packet[1];
  if (pt >= 200 && pt <= 206) {
    // RTCP (compound): a PLI (206/1) or FIR (206/4) makes the video sent from this socket jump to a keyframe.
    for (let i = 0; i + 4 <= packet.length; i += 4 * (packet.readUInt16BE(i + 2) + 1)) {
      const fmt = packet[i] & 0x1f;
      if (packet[i + 1] === 206 && (fmt === 1 || fmt === 4)) {
        keyframeRequests[index]++;
        for (const send of sends.values()) if (send.socket === index && send.s.keyframes.length) jumpToKeyframe(send);
      }
    }
    return;
  }
  received[index]++;
  const watch = watches.get(index);
  if (!watch) return;
  const at = now();
  if (watch.kind === 'pcmu-onsets') {
    const payload = rtpPayload(packet);
    let peak = 0;
    for (const byte of payload) peak = Math.max(peak, Math.abs(ulaw(byte)));
    if (peak > 4000) {
      if (at - watch.lastLoud > 300) events.push({ type: 'onset', socket: index, at, peak });
      watch.lastLoud = at;
    }
  } else {
    const ssrc = packet.readUInt32BE(8);
    if (!watch.seen.has(ssrc)) {
      watch.seen.add(ssrc);
      events.push({ type: 'ssrc', socket: index, ssrc, at });
    }
    if (!watch.keyed.has(ssrc) && isKeyframePacket(packet)) {
      watch.keyed.add(ssrc);
      events.push({ type: 'keyframe', socket: index, ssrc, at });
    }
  }
}

function jumpToKeyframe(send) {
  const { s } = send;
  let loop = send.loop;
  let next = s.keyframes.find((k) => k >= send.next);
  if (next === send.next) return;
  if (next === undefined) {
    loop += 1;
    next = s.keyframes[0];
  }
  send.skip += loop * s.period + s.offsets[next] - (send.loop * s.period + s.offsets[send.next]);
  send.loop = loop;
  send.next = next;
}

function tick() {
  const t = now() / 1000 - started;
  for (const send of sends.values()) {
    const { s } = send;
    for (;;) {
      const due = send.loop * s.period + s.offsets[send.next] + send.stagger - send.skip;
      if (due > t) break;
      const original = s.bufs[send.next];
      let packet = Buffer.from(original);
      if (send.payloadType !== undefined) packet[1] = (packet[1] & 0x80) | send.payloadType;
      packet.writeUInt16BE(send.seq++ & 0xffff, 2);
      packet.writeUInt32BE((original.readUInt32BE(4) + send.loop * s.periodTicks - Math.round(send.skip * s.clockRate)) >>> 0, 4);
      packet.writeUInt32BE(send.ssrc, 8);
      if (send.level) {
        const levels = LEVELS[send.level];
        const level = levels[send.seq % levels.length];
        const extension = Buffer.from([0xbe, 0xde, 0x00, 0x01, AUDIO_LEVEL_ID << 4, 0x80 | level, 0, 0]);
        packet[0] |= 0x10;
        packet = Buffer.concat([packet.subarray(0, 12), extension, packet.subarray(12)]);
      }
      sockets[send.socket].send(packet, send.port, send.ip);
      // The capture's tone bursts start on each whole second of media time.
      if (send.bursts && Math.round(s.offsets[send.next] * 1000) % 1000 === 0) events.push({ type: 'burst', id: send.id, at: now() });
      if (++send.next === s.bufs.length) {
        send.next = 0;
        send.loop++;
      }
    }
  }
}

let timer;
process.on('message', async (m) => {
  if (m.streams) {
    streams = Object.fromEntries(Object.entries(m.streams).map(([name, stream]) => [name, loadStream(stream)]));
    timer = setInterval(tick, 2);
  }
  if (m.bind) {
    const bound = [];
    for (let i = 0; i < m.bind; i++) {
      const socket = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024, sendBufferSize: 4 * 1024 * 1024 });
      const index = sockets.length;
      sockets.push(socket);
      received[index] = 0;
      keyframeRequests[index] = 0;
      socket.on('message', (packet) => onMessage(index, packet));
      await new Promise((done) => socket.bind(0, '127.0.0.1', done));
      bound.push(socket.address().port);
    }
    process.send({ bound });
  }
  if (m.send) {
    const s = streams[m.send.stream];
    sends.set(m.send.id, { ...m.send, s, next: 0, loop: 0, seq: Math.floor(Math.random() * 30000), skip: 0, stagger: now() / 1000 - started });
  }
  if (m.level) sends.get(m.level.id).level = m.level.level;
  if (m.watch) watches.set(m.watch.socket, { kind: m.watch.kind, lastLoud: 0, seen: new Set(), keyed: new Set() });
  if (m.report) {
    process.send({ report: { received: [...received], keyframeRequests: [...keyframeRequests], events } });
    events = [];
  }
  if (m.stop) {
    clearInterval(timer);
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
