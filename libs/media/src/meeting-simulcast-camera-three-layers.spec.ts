/**
 * A camera sent in simulcast (three VP8 encodings: 320x180, 640x360, 1280x720, lowest first):
 * the producer is accepted, and each consumer starts on the layer that fits the meeting's size —
 * the top one with 2 participants, the middle one with 7 (router-settings.ts).
 */
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import type { MediaJson, RequestMap } from './protocol';
import { preferredSpatialLayer } from './router-settings';
import { joinAs, meetingSnapshot, sleep, testMediaServer, waitFor } from './testing/media-test-kit';
import { RtpSink, RtpSource, vp8Parameters } from './testing/rtp-endpoints';

const MEETING = '0d3b8f4e-5a61-4f0e-8d2c-7c1e9b6a2f30';
/** Each layer's SSRC ends with its number: the sink tells the layers apart by that byte. */
const LAYER_SSRCS = [0x0a0b0c01, 0x0a0b0c02, 0x0a0b0c03];

describe('a simulcast camera with three layers', () => {
  it.each([
    [2, 2],
    [4, 2],
    [5, 1],
    [9, 1],
    [10, 0],
    [25, 0],
  ])('starts a consumer in a meeting of %i on layer %i of 0-2', (participants, layer) => {
    expect(preferredSpatialLayer(3, participants)).toBe(layer);
  });

  it('never asks for a layer a two-layer producer lacks', () => {
    expect(preferredSpatialLayer(2, 2)).toBe(1);
    expect(preferredSpatialLayer(1, 2)).toBe(0);
  });

  describe('through a real worker', () => {
    let server: MediaServer;
    let bridge: MeetingBridge;
    const source = new RtpSource(LAYER_SSRCS.map((ssrc) => ({ ssrc, kind: 'video' as const })));
    const sinks: RtpSink[] = [];

    beforeAll(async () => {
      server = testMediaServer();
      bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    });

    afterAll(async () => {
      await source.close();
      await Promise.all(sinks.map((sink) => sink.close()));
      await server.close();
    });

    /**
     * Consumes the camera on a plain transport and waits until its packets carry `layer` (1-3).
     * mediasoup starts a consumer on the first layer it hears and moves to the preferred one once
     * both streams have sent an RTCP sender report (every 500 ms here): well within 3 s.
     */
    async function receiveLayer(peerId: string, producerId: string, layer: number): Promise<RequestMap['consume']['response']> {
      const sink = new RtpSink();
      sinks.push(sink);
      const transport = await bridge.createPlainTransport(peerId, { comedia: false });
      await bridge.connectPlainTransport(peerId, transport.transportId, await sink.start());
      const consumer = await bridge.consume(peerId, { transportId: transport.transportId, producerId, rtpCapabilities: bridge.routerRtpCapabilities() });
      await bridge.resume(peerId, { consumerId: consumer.consumerId });
      const ssrc = (consumer.rtpParameters.encodings as MediaJson[])[0].ssrc as number;
      await waitFor(`${peerId} receiving layer ${layer}`, () => sink.lastByteBySsrc.get(ssrc) === layer, 3000);
      await sleep(600); // past the next sender report: it stays there
      expect(sink.lastByteBySsrc.get(ssrc)).toBe(layer);
      return consumer;
    }

    it('forwards the top layer to the other participant of a meeting of 2, then the middle one to a newcomer in a meeting of 7', async () => {
      joinAs(bridge, 'alice', 'room');
      joinAs(bridge, 'bob');
      const plain = await bridge.createPlainTransport('alice');
      const { producerId } = await bridge.produce('alice', { transportId: plain.transportId, kind: 'video', source: 'camera', rtpParameters: vp8Parameters(...LAYER_SSRCS) });
      await source.start(plain.port);

      const bob = await receiveLayer('bob', producerId, 3);
      // One consumer stream, announced as three spatial layers.
      expect(bob.rtpParameters.encodings).toEqual([expect.objectContaining({ scalabilityMode: expect.stringMatching(/^L3T/) })]);

      for (const guest of ['carol', 'dave', 'erin', 'frank', 'grace']) joinAs(bridge, guest);
      expect(bridge.peers()).toHaveLength(7);
      await receiveLayer('carol', producerId, 2);
    });
  });
});
