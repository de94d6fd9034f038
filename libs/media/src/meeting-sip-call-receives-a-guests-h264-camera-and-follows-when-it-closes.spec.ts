/**
 * Video toward a SIP room system: its H.264 leg (PT 97 in its offer) receives the camera of a
 * guest (alice, H.264 over plain RTP), under PT 97, on the room system's offered port. When
 * alice's camera closes, the leg follows carol's; a VP8 camera is never sent to it (mediasoup
 * does not transcode). While the room system holds its video (re-INVITE), nothing is sent there.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { negotiateSipOffer } from '@maillage/core';
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { joinAs, meetingSnapshot, sleep, testMediaServer, waitFor } from './testing/media-test-kit';
import { vp8Parameters } from './testing/rtp-endpoints';

const MEETING = '8c0e2a4b-6d8f-4b1a-9c3e-5f7a9b1d3e50';
const CALL_ID = 'video-out@127.0.0.1';

async function boundSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket;
}

const h264Parameters = (ssrc: number) => ({
  codecs: [{ mimeType: 'video/H264', payloadType: 102, clockRate: 90000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 } }],
  encodings: [{ ssrc }],
});

/** An H.264 sender on plain RTP: SPS, PPS, IDR every 10 frames, non-IDR slices between, 30 fps. */
class H264Sender {
  private timer?: NodeJS.Timeout;
  private sequence = 0;
  constructor(
    private readonly socket: Socket,
    private readonly ssrc: number,
  ) {}
  start(port: number): void {
    let frame = 0;
    this.timer = setInterval(() => {
      const nals = frame % 10 === 0 ? [0x67, 0x68, 0x65] : [0x41];
      for (const [i, nal] of nals.entries()) {
        const header = Buffer.alloc(12);
        header[0] = 0x80;
        header[1] = 102 | (i === nals.length - 1 ? 0x80 : 0);
        header.writeUInt16BE(this.sequence++ & 0xffff, 2);
        header.writeUInt32BE((frame * 3000) >>> 0, 4);
        header.writeUInt32BE(this.ssrc, 8);
        this.socket.send(Buffer.concat([header, Buffer.from([nal]), Buffer.alloc(200, 0x22)]), port, '127.0.0.1');
      }
      frame += 1;
    }, 33);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

describe('a SIP room system receives a guest camera on its H.264 leg, and follows when it closes', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  const sockets: Socket[] = [];
  const senders: H264Sender[] = [];
  let room: Socket;
  const received: { payloadType: number; ssrc: number }[] = [];
  let aliceCamera: string;
  let carolCamera: string;
  let daveVp8: string;

  const sender = async (peerId: string, ssrc: number) => {
    const plain = await bridge.createPlainTransport(peerId);
    const { producerId } = await bridge.produce(peerId, { transportId: plain.transportId, kind: 'video', source: 'camera', rtpParameters: h264Parameters(ssrc) });
    const socket = await boundSocket();
    sockets.push(socket);
    const h264 = new H264Sender(socket, ssrc);
    senders.push(h264);
    h264.start(plain.port);
    return producerId;
  };

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    joinAs(bridge, 'alice');
    joinAs(bridge, 'carol');
    joinAs(bridge, 'dave');
    room = await boundSocket();
    sockets.push(room);
    room.on('message', (packet) => received.push({ payloadType: packet[1] & 0x7f, ssrc: packet.readUInt32BE(8) }));
  });

  afterAll(async () => {
    for (const h264 of senders) h264.stop();
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it("sends alice's camera to the room system under its PT 97, not dave's VP8", async () => {
    const vp8 = await bridge.createPlainTransport('dave');
    daveVp8 = (await bridge.produce('dave', { transportId: vp8.transportId, kind: 'video', source: 'camera', rtpParameters: vp8Parameters(33333333) })).producerId;
    aliceCamera = await sender('alice', 11111111);
    const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=video ${room.address().port} RTP/AVP 97`, 'a=rtpmap:97 H264/90000', 'a=fmtp:97 packetization-mode=1;profile-level-id=42e01f', 'a=rtcp-mux', 'a=ssrc:44444444 cname:room', ''].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    await server.sip.openLeg({ meetingId: MEETING, callId: CALL_ID, displayName: 'Salle du conseil', legs: negotiation.legs });

    const out = await waitFor("alice's camera on the leg", async () => {
      const stats = await server.sip.videoOutStats(CALL_ID);
      return stats && stats.packets >= 20 && stats;
    });
    expect(out.sourceProducerId).toBe(aliceCamera);
    expect(out.sourceProducerId).not.toBe(daveVp8);
    await waitFor('RTP at the room system', () => received.length >= 20);
    expect(new Set(received.filter((p) => p.payloadType < 72 || p.payloadType > 76).map((p) => p.payloadType))).toEqual(new Set([97]));
  });

  it("switches to carol's camera when alice's closes, with a new SSRC", async () => {
    carolCamera = await sender('carol', 22222222);
    await sleep(200);
    expect((await server.sip.videoOutStats(CALL_ID))?.sourceProducerId).toBe(aliceCamera);
    const before = new Set(received.map((p) => p.ssrc));
    bridge.closeProducer('alice', aliceCamera);
    const out = await waitFor("carol's camera on the leg", async () => {
      const stats = await server.sip.videoOutStats(CALL_ID);
      return stats?.sourceProducerId === carolCamera && stats.packets >= 10 && stats;
    });
    expect(out.sourceProducerId).toBe(carolCamera);
    await waitFor('a new SSRC at the room system', () => received.some((p) => p.payloadType === 97 && !before.has(p.ssrc)));
    // The room system's SIP INFO picture_fast_update becomes a keyframe request upstream.
    await expect(server.sip.requestKeyFrame(CALL_ID)).resolves.toBeUndefined();
  });

  it('sends no picture while the room system holds its video (re-INVITE a=inactive), and resumes after', async () => {
    await server.sip.setOutbound(CALL_ID, { audio: true, video: false });
    await sleep(200);
    const held = received.filter((p) => p.payloadType === 97).length;
    await sleep(700);
    expect(received.filter((p) => p.payloadType === 97).length).toBe(held);
    await server.sip.setOutbound(CALL_ID, { audio: true, video: true });
    await waitFor('the picture after resuming', () => received.filter((p) => p.payloadType === 97).length >= held + 10, 5_000);
  });

  it('stops sending when the call hangs up', async () => {
    await server.sip.closeLeg(CALL_ID, 'bye');
    await sleep(200);
    const count = received.length;
    await sleep(300);
    expect(received.length).toBe(count);
  });
});
