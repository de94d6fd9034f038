/**
 * The mix-minus ffmpeg shares the media port range with the mediasoup worker: when it dies, its
 * source port may be taken before it is started again (seen with 20 SIP legs: four mixes restarted
 * every 500 ms forever, "bind failed: Address already in use"). Here ffmpeg is killed and its
 * source port taken at once: the next ffmpeg cannot send from it and exits, the one after gets a
 * new return path, and the room system hears the mix again (from a new SSRC).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { negotiateSipOffer } from '@maillage/core';
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { isRunning, joinAs, meetingSnapshot, testMediaServer, waitFor } from './testing/media-test-kit';
import { opusParameters } from './testing/rtp-endpoints';

const MEETING = '2c4e6a8b-0d1f-4e3a-9b5c-7d9f1a3c5e70';
const CALL_ID = 'mix-port-taken@127.0.0.1';

/** The mix-minus ffmpeg of this process (its command line has amix or asetnsamples, and the RTP source port). */
function mixer(): { pid: number; sourcePort: number } | undefined {
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const parent = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const port = /asetnsamples[\s\S]*localport=(\d+)/.exec(cmdline)?.[1];
      if (parent === process.pid && port) return { pid: Number(name), sourcePort: Number(port) };
    } catch {
      // ended meanwhile
    }
  }
  return undefined;
}

describe("a SIP leg's mix comes back when its ffmpeg dies and its source port is taken", () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let room: Socket;
  let squatter: Socket | undefined;
  let sender: ChildProcess | undefined;
  const g722: { ssrc: number; at: number }[] = [];

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    room = createSocket('udp4');
    room.bind(0, '127.0.0.1');
    await once(room, 'listening');
    room.on('message', (packet) => {
      if ((packet[1] & 0x7f) === 9) g722.push({ ssrc: packet.readUInt32BE(8), at: Date.now() });
    });
  });

  afterAll(async () => {
    if (sender && sender.exitCode === null) {
      const exited = once(sender, 'exit');
      sender.kill('SIGKILL');
      await exited;
    }
    squatter?.close();
    room?.close();
    await server?.close();
  });

  it('hears the mix again from a new SSRC, the old source port still taken', async () => {
    joinAs(bridge, 'alice');
    const plain = await bridge.createPlainTransport('alice');
    await bridge.produce('alice', { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: opusParameters(7777) });
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'sine=frequency=600:sample_rate=48000', '-c:a', 'libopus', '-ar', '48000', '-ac', '2', '-payload_type', '100', '-ssrc', '7777', '-f', 'rtp', `rtp://127.0.0.1:${plain.port}?localaddr=127.0.0.1`];
    sender = spawn('ffmpeg', args, { stdio: 'ignore' });
    const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${room.address().port} RTP/AVP 9`, 'a=rtpmap:9 G722/8000', 'a=rtcp-mux', 'a=ssrc:66666666 cname:room', ''].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    await server.sip.openLeg({ meetingId: MEETING, callId: CALL_ID, displayName: 'Salle', legs: negotiation.legs });
    await waitFor('the mix at the room system', () => g722.length >= 25, 10_000);
    const firstSsrc = g722[0].ssrc;

    const { pid, sourcePort } = await waitFor('the mixer process', () => mixer());
    process.kill(pid, 'SIGKILL');
    await waitFor('the mixer gone', () => !isRunning(pid));
    squatter = createSocket('udp4');
    squatter.bind(sourcePort, '127.0.0.1');
    await once(squatter, 'listening');
    const killedAt = Date.now();

    await waitFor('the mix again, from a new SSRC', () => g722.filter((p) => p.at > killedAt && p.ssrc !== firstSsrc).length >= 25, 10_000);
    const stats = await server.sip.audioOutStats(CALL_ID);
    expect(stats).toMatchObject({ inputs: 1, ffmpegStarts: 3 });
    expect(mixer()?.sourcePort).not.toBe(sourcePort);
  });
});
