/**
 * Some room systems ignore RTCP PLI/FIR: when a room's camera is switched to (another room shows it
 * now), the media side also asks for SIP INFO picture_fast_update (the gateway sends it, see the
 * sip-drachtio dial-in spec). Two rooms with an H.264 camera each: each one's leg shows the other's
 * camera, and each room is asked for a picture once.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { negotiateSipOffer } from '@maillage/core';
import type { MediaServer } from './media-server';
import { meetingSnapshot, testMediaServer, waitFor } from './testing/media-test-kit';

const MEETING = '8a0c2e4f-6b8d-4f0a-8c2e-4a6c8e0a2c45';

describe('a room camera shown to another room: that room system is asked for a picture by SIP INFO', () => {
  let server: MediaServer;
  const sockets: Socket[] = [];
  const wanted: string[] = [];

  const room = async (callId: string, ssrc: number) => {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    sockets.push(socket);
    const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=video ${socket.address().port} RTP/AVP 97`, 'a=rtpmap:97 H264/90000', 'a=fmtp:97 packetization-mode=1;profile-level-id=42e01f', 'a=rtcp-mux', `a=ssrc:${ssrc} cname:${callId}`, ''].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    await server.sip.openLeg({ meetingId: MEETING, callId, displayName: callId, legs: negotiation.legs });
  };

  beforeAll(async () => {
    server = testMediaServer();
    await server.openBridge(MEETING, meetingSnapshot(MEETING));
    server.sip.pictureWanted = (callId) => wanted.push(callId);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it("each room's leg shows the other's camera, and each room is asked once for a picture", async () => {
    await room('room-a', 0x0a0a0a0a);
    await room('room-b', 0x0b0b0b0b);
    const shown = await waitFor('both legs showing a camera', async () => {
      const [a, b] = await Promise.all([server.sip.videoOutStats('room-a'), server.sip.videoOutStats('room-b')]);
      return a && b && [a.sourceProducerId, b.sourceProducerId];
    });
    const [aLeg, bLeg] = await Promise.all([server.sip.stats('room-a'), server.sip.stats('room-b')]);
    expect(shown).toEqual([bLeg[0].meetingProducerId, aLeg[0].meetingProducerId]);
    expect(wanted.sort()).toEqual(['room-a', 'room-b']);
  });
});
