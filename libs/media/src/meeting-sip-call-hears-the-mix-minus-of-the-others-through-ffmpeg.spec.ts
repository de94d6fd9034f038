/**
 * Audio toward a SIP room system: its G.722 leg (PT 9) receives ffmpeg's mix of the others' Opus
 * (alice's 600 Hz, then bob's 800 Hz too), never its own voice; a second speaker restarts ffmpeg
 * with two inputs; on hold (re-INVITE) nothing leaves toward it until it resumes; a killed ffmpeg is
 * restarted and the mix flows again; hanging up stops it. The senders are ffmpeg too (real Opus over
 * plain RTP).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { negotiateSipOffer } from '@maillage/core';
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { joinAs, meetingSnapshot, sleep, testMediaServer, waitFor } from './testing/media-test-kit';
import { opusParameters } from './testing/rtp-endpoints';

const MEETING = '9d1f3b5c-7e9a-4c2b-8d4f-6a8c0e2b4d61';
const CALL_ID = 'mix-minus@127.0.0.1';

describe('a SIP room system hears the mix of the others, made by ffmpeg, under its G.722 payload type', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let room: Socket;
  const senders: ChildProcess[] = [];
  const received: { payloadType: number; ssrc: number }[] = [];
  let firstLegPort = 0;

  const rtpPacket = (payloadType: number, ssrc: number, sequence: number, timestamp: number, payload: Buffer) => {
    const header = Buffer.alloc(12);
    header[0] = 0x80;
    header[1] = payloadType;
    header.writeUInt16BE(sequence & 0xffff, 2);
    header.writeUInt32BE(timestamp >>> 0, 4);
    header.writeUInt32BE(ssrc >>> 0, 8);
    return Buffer.concat([header, payload]);
  };

  /** A participant whose microphone is ffmpeg sending a tone as Opus RTP into a plain transport. */
  const speaker = async (peerId: string, frequency: number, ssrc: number) => {
    joinAs(bridge, peerId);
    const plain = await bridge.createPlainTransport(peerId);
    const { producerId } = await bridge.produce(peerId, { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: opusParameters(ssrc) });
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=48000`, '-c:a', 'libopus', '-ar', '48000', '-ac', '2', '-payload_type', '100', '-ssrc', String(ssrc), '-f', 'rtp', `rtp://127.0.0.1:${plain.port}?localaddr=127.0.0.1`];
    senders.push(spawn('ffmpeg', args, { stdio: 'ignore' }));
    await waitFor(`${peerId}'s Opus`, async () => (await bridge.producerStats(producerId)).packets > 10);
    return producerId;
  };

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    room = createSocket('udp4');
    room.bind(0, '127.0.0.1');
    await once(room, 'listening');
    room.on('message', (packet) => received.push({ payloadType: packet[1] & 0x7f, ssrc: packet.readUInt32BE(8) }));
  });

  afterAll(async () => {
    for (const sender of senders) {
      if (sender.exitCode === null) {
        const exited = once(sender, 'exit');
        sender.kill('SIGKILL');
        await exited;
      }
    }
    room?.close();
    await server?.close();
  });

  it("receives alice's tone, mixed and encoded to G.722 under PT 9, and not its own audio", async () => {
    await speaker('alice', 600, 1111);
    const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${room.address().port} RTP/AVP 9`, 'a=rtpmap:9 G722/8000', 'a=rtcp-mux', 'a=ssrc:55555555 cname:room', ''].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    firstLegPort = (await server.sip.openLeg({ meetingId: MEETING, callId: CALL_ID, displayName: 'Salle du conseil', legs: negotiation.legs })).legs[0].port;
    // The room system has a producer of its own (a=ssrc): it must not be in its mix.
    expect(bridge.producers().filter((p) => p.kind === 'audio')).toHaveLength(2);
    const started = Date.now();
    await waitFor('mixed G.722 at the room system', () => received.filter((p) => p.payloadType === 9).length >= 25, 10_000);
    const out = await server.sip.audioOutStats(CALL_ID);
    expect(out).toMatchObject({ inputs: 1, ffmpegStarts: 1 });
    expect(out!.packets).toBeGreaterThanOrEqual(25);
    // RTP under PT 9 only (RTCP, muxed, reads as 72–76 here).
    expect(new Set(received.map((p) => p.payloadType).filter((pt) => pt < 72 || pt > 76))).toEqual(new Set([9]));
    // 20 ms frames: about 50 packets a second once ffmpeg runs.
    console.log(`mix-minus: first 25 G.722 packets at the room system ${Date.now() - started} ms after the call opened`);
  });

  it('mixes bob in too once he speaks: ffmpeg restarts with two inputs, the stream goes on', async () => {
    await speaker('bob', 800, 2222);
    const out = await waitFor('two inputs', async () => {
      const stats = await server.sip.audioOutStats(CALL_ID);
      return stats?.inputs === 2 && stats;
    });
    expect(out.ffmpegStarts).toBe(2);
    const count = received.length;
    await waitFor('packets after the restart', () => received.length >= count + 25, 10_000);
  });

  it('sends nothing while the room system holds the call (re-INVITE a=sendonly), and the mix again once it resumes', async () => {
    await server.sip.setOutbound(CALL_ID, { audio: false, video: false });
    expect(server.sip.outbound(CALL_ID)).toEqual({ audio: false, video: false });
    await sleep(300);
    const held = received.length;
    await sleep(1000);
    expect(received.length).toBe(held);
    const resumedAt = Date.now();
    await server.sip.setOutbound(CALL_ID, { audio: true, video: true });
    await waitFor('the mix after resuming', () => received.length >= held + 25, 5_000);
    console.log(`hold: 0 packets in 1 s on hold; 25 packets ${Date.now() - resumedAt} ms after resuming`);
  });

  it('restarts a dead ffmpeg (kill -9): the mix reaches the room system again', async () => {
    const before = (await server.sip.audioOutStats(CALL_ID))!;
    expect(before.ffmpegPid).toBeGreaterThan(0);
    process.kill(before.ffmpegPid!, 'SIGKILL');
    const killedAt = Date.now();
    await sleep(100);
    const count = received.length;
    const after = await waitFor('a new ffmpeg', async () => {
      const stats = await server.sip.audioOutStats(CALL_ID);
      return stats && stats.ffmpegStarts === before.ffmpegStarts + 1 && stats.ffmpegPid !== before.ffmpegPid && stats;
    }, 5_000);
    await waitFor('the mix after the restart', () => received.length >= count + 25, 10_000);
    expect(after.inputs).toBe(2);
    console.log(`ffmpeg killed: restarted (pid ${before.ffmpegPid} → ${after.ffmpegPid}), 25 packets at the room system ${Date.now() - killedAt} ms after the kill`);
  });

  it('a second SIP room joins: one ffmpeg mixes for both (each input decoded once), each hears the others but itself', async () => {
    const second = createSocket('udp4');
    second.bind(0, '127.0.0.1');
    await once(second, 'listening');
    let secondPackets = 0;
    second.on('message', (packet) => (secondPackets += (packet[1] & 0x7f) === 0 ? 1 : 0));
    let talk: NodeJS.Timeout | undefined;
    try {
      const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${second.address().port} RTP/AVP 0`, 'a=rtpmap:0 PCMU/8000', 'a=rtcp-mux', 'a=ssrc:77777777 cname:room2', ''].join('\r\n');
      const negotiation = negotiateSipOffer(offer);
      if (!negotiation.ok) throw new Error(negotiation.reason);
      const secondLegPort = (await server.sip.openLeg({ meetingId: MEETING, callId: 'second-room@127.0.0.1', displayName: 'Salle B', legs: negotiation.legs })).legs[0].port;
      // Both rooms speak (20 ms RTP frames from their offered ports; the payload bytes need not be a tone):
      // an input that sends nothing stalls ffmpeg's amix (see sip-audio-mix.ts).
      let sequence = 0;
      talk = setInterval(() => {
        sequence += 1;
        room.send(rtpPacket(9, 55555555, sequence, sequence * 160, Buffer.alloc(160, 0x55)), firstLegPort, '127.0.0.1');
        second.send(rtpPacket(0, 77777777, sequence, sequence * 160, Buffer.alloc(160, 0xff)), secondLegPort, '127.0.0.1');
      }, 20);
      const [first, other] = await waitFor('both legs mixed by one ffmpeg', async () => {
        const stats = await Promise.all([server.sip.audioOutStats(CALL_ID), server.sip.audioOutStats('second-room@127.0.0.1')]);
        return stats[0]?.inputs === 3 && stats[1]?.inputs === 3 && stats[0].ffmpegPid !== undefined && stats;
      }, 10_000);
      expect(other!.ffmpegPid).toBe(first!.ffmpegPid);
      const count = received.length;
      await waitFor('G.722 to the first room and µ-law to the second', () => received.length >= count + 25 && secondPackets >= 25, 10_000);
    } finally {
      if (talk) clearInterval(talk);
      await server.sip.closeLeg('second-room@127.0.0.1', 'bye');
      second.close();
    }
    await waitFor('the first room alone again', async () => (await server.sip.audioOutStats(CALL_ID))?.inputs === 2);
  });

  it('stops when the call hangs up', async () => {
    await server.sip.closeLeg(CALL_ID, 'bye');
    await sleep(300);
    const count = received.length;
    await sleep(500);
    expect(received.length).toBe(count);
  });
});
