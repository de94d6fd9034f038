/**
 * A SIP room system's call, as the sip-drachtio adapter hands it over (negotiated from a real-looking
 * offer): G.722 under PT 9 and H.264 pm1 under PT 97, each on its own leg router, piped into the
 * meeting's router. A guest sees "Salle du conseil" join with a microphone and a camera; the RTP the
 * room system sends from its offered ports reaches both the leg producers and their copies in the
 * meeting; hanging up removes the participant.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { negotiateSipOffer } from '@maillage/core';
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { joinAs, meetingSnapshot, sleep, testMediaServer, waitFor, type RecordingPeer } from './testing/media-test-kit';

const MEETING = '2d4f6a8c-1e3b-4d5f-8a7c-9e0b1c2d3e4f';
const CALL_ID = 'a84b4c76e66710@127.0.0.1';
const AUDIO_SSRC = 305419896;
const VIDEO_SSRC = 2596069104;

async function boundSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket;
}

function rtp(payloadType: number, ssrc: number, sequence: number, timestamp: number, payload: Buffer, marker = false): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = payloadType | (marker ? 0x80 : 0);
  header.writeUInt16BE(sequence & 0xffff, 2);
  header.writeUInt32BE(timestamp >>> 0, 4);
  header.writeUInt32BE(ssrc >>> 0, 8);
  return Buffer.concat([header, payload]);
}

describe('a SIP call with G.722 and H.264 joins the meeting as one more participant', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let guest: RecordingPeer;
  let audio: Socket;
  let video: Socket;

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    guest = joinAs(bridge, 'bob');
    audio = await boundSocket();
    video = await boundSocket();
  });

  afterAll(async () => {
    audio?.close();
    video?.close();
    await server?.close();
  });

  it('opens one leg per m-line on our address, produces both into the meeting, and tells the guest', async () => {
    const offer = [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${audio.address().port} RTP/AVP 9 0`,
      'a=rtpmap:9 G722/8000',
      'a=rtcp-mux',
      `a=ssrc:${AUDIO_SSRC} cname:room`,
      `m=video ${video.address().port} RTP/AVP 97`,
      'a=rtpmap:97 H264/90000',
      'a=fmtp:97 packetization-mode=1;profile-level-id=42e01f',
      'a=rtcp-mux',
      `a=ssrc:${VIDEO_SSRC} cname:room`,
      '',
    ].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    const media = await server.sip.openLeg({ meetingId: MEETING, callId: CALL_ID, displayName: 'Salle du conseil', legs: negotiation.legs });
    expect(media.ip).toBe('127.0.0.1');
    expect(Object.keys(media.legs)).toEqual(['0', '1']);
    expect(media.legs[0].port).not.toBe(media.legs[1].port);

    expect(guest.received('peerJoined')).toEqual([{ peerId: `sip-${CALL_ID}`, name: 'Salle du conseil', role: 'room' }]);
    const produced = guest.received('newProducer');
    expect(produced.map((p) => [p.kind, p.source])).toEqual([
      ['audio', 'microphone'],
      ['video', 'camera'],
    ]);

    // 50 packets each, from the offered ports (the leg transports are connected there: symmetric RTP).
    for (let i = 0; i < 50; i += 1) {
      audio.send(rtp(9, AUDIO_SSRC, 1000 + i, 160 * i, Buffer.alloc(160, 0x55)), media.legs[0].port, '127.0.0.1');
      // H.264 single NAL units: SPS (type 7: what mediasoup takes for a keyframe), PPS, an IDR slice, then non-IDR slices.
      const nal = [0x67, 0x68, 0x65][i] ?? 0x41;
      video.send(rtp(97, VIDEO_SSRC, 2000 + i, 3000 * Math.max(0, i - 2), Buffer.concat([Buffer.from([nal]), Buffer.alloc(300, 0x11)]), i >= 2), media.legs[1].port, '127.0.0.1');
      await sleep(5);
    }
    const legs = await waitFor('packets on both legs', async () => {
      const stats = await server.sip.stats(CALL_ID);
      return stats.every((leg) => leg.packets >= 40) && stats;
    });
    expect(legs.map((leg) => [leg.kind, leg.codec])).toEqual([
      ['audio', 'G722/9'],
      ['video', 'H264/97'],
    ]);
    for (const leg of legs) {
      expect(leg.meetingProducerId).toBe(produced.find((p) => p.kind === leg.kind)?.producerId);
      // The meeting's copy: every packet, piped from the leg router.
      const piped = await waitFor(`${leg.kind} piped`, async () => {
        const stats = await bridge.producerStats(leg.meetingProducerId!);
        return stats.packets >= 40 && stats;
      });
      expect(piped.packets).toBe(leg.packets);
    }
  });

  it('hangs up: the participant leaves, its producers close, the call is gone', async () => {
    await server.sip.closeLeg(CALL_ID, 'bye');
    expect(guest.received('peerLeft')).toEqual([{ peerId: `sip-${CALL_ID}` }]);
    expect(bridge.peers().map((peer) => peer.peerId)).toEqual(['bob']);
    expect(bridge.producers()).toEqual([]);
    expect(server.sip.callIds()).toEqual([]);
    await expect(server.sip.stats(CALL_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('learns the SSRC of a PCMU leg offered without a=ssrc from its first packet, on the answered port', async () => {
    const offer = ['v=0', 'o=- 2 2 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${audio.address().port} RTP/AVP 0 101`, 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=rtcp-mux', ''].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    expect(negotiation.legs[0].ssrc).toBeUndefined();
    const callId = 'no-ssrc@127.0.0.1';
    const media = await server.sip.openLeg({ meetingId: MEETING, callId, displayName: 'Téléphone', legs: negotiation.legs });
    const port = media.legs[0].port;
    expect(port).toBeGreaterThanOrEqual(40000);
    expect(port).toBeLessThanOrEqual(49999);
    // A telephone-event packet first (not the negotiated payload type: ignored), then PCMU every 20 ms.
    audio.send(rtp(101, 0x0a0b0c0d, 1, 0, Buffer.alloc(4)), port, '127.0.0.1');
    for (let i = 0; i < 50; i += 1) {
      audio.send(rtp(0, 0x0a0b0c0d, 100 + i, 160 * i, Buffer.alloc(160, 0xff)), port, '127.0.0.1');
      await sleep(20);
    }
    const [leg] = await waitFor('PCMU packets after learning', async () => {
      const stats = await server.sip.stats(callId);
      return stats[0].packets >= 30 && stats;
    });
    expect(leg).toMatchObject({ kind: 'audio', codec: 'PCMU/0', meetingProducerId: expect.any(String) });
    expect(leg.ssrcLearntAfterMs).toBeLessThan(1_000);
    expect((await bridge.producerStats(leg.meetingProducerId!)).packets).toBeGreaterThan(0);
    await server.sip.closeLeg(callId, 'bye');
  });

  it('refuses a call into a meeting whose bridge is not open', async () => {
    await expect(server.sip.openLeg({ meetingId: '00000000-0000-4000-8000-000000000000', callId: 'x@127.0.0.1', displayName: 'Salle', legs: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
