/**
 * A room system (alice, plain RTP from a UDP socket, as a SIP gateway would send) and a guest
 * (bob, receiving on a plain transport connected to another UDP socket) in one meeting: alice's
 * Opus and VP8 reach her producers, bob consumes both, and the mute/unmute/close/leave news
 * reaches bob.
 */
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import type { MediaJson } from './protocol';
import { joinAs, meetingSnapshot, sleep, testMediaServer, waitFor, type RecordingPeer } from './testing/media-test-kit';
import { opusParameters, RtpSink, RtpSource, vp8Parameters } from './testing/rtp-endpoints';

const MEETING = '6f1c2a9e-0b7d-4c1e-9a55-3b0f2d8e4a11';
const ALICE_OPUS_SSRC = 11111111;
const ALICE_VP8_SSRC = 22222222;

describe('a room system sends Opus and VP8 over plain RTP to a guest in the same meeting', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let alice: RecordingPeer;
  let bob: RecordingPeer;
  const source = new RtpSource([
    { ssrc: ALICE_OPUS_SSRC, kind: 'audio' },
    { ssrc: ALICE_VP8_SSRC, kind: 'video' },
  ]);
  const sink = new RtpSink();
  let microphone: string;
  let camera: string;

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    alice = joinAs(bridge, 'alice', 'room');
    bob = joinAs(bridge, 'bob');
  });

  afterAll(async () => {
    await source.close();
    await sink.close();
    await server.close();
  });

  it('tells alice that bob joined', () => {
    expect(alice.received('peerJoined')).toEqual([{ peerId: 'bob', name: 'Bob', role: 'guest' }]);
    expect(bob.received('peerJoined')).toEqual([]);
    expect(bridge.peers().map((peer) => peer.peerId)).toEqual(['alice', 'bob']);
  });

  it("counts the bytes of alice's RTP on her two producers, and tells bob of each", async () => {
    const plain = await bridge.createPlainTransport('alice');
    expect(plain).toMatchObject({ ip: '127.0.0.1', port: expect.any(Number) });
    microphone = (await bridge.produce('alice', { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: opusParameters(ALICE_OPUS_SSRC) })).producerId;
    camera = (await bridge.produce('alice', { transportId: plain.transportId, kind: 'video', source: 'camera', rtpParameters: vp8Parameters(ALICE_VP8_SSRC) })).producerId;
    await source.start(plain.port);

    const audio = await waitFor('audio bytes', async () => {
      const stats = await bridge.producerStats(microphone);
      return stats.bytes > 0 && stats;
    });
    await waitFor('video bytes', async () => (await bridge.producerStats(camera)).bytes > 0);
    await sleep(200);
    expect((await bridge.producerStats(microphone)).bytes).toBeGreaterThan(audio.bytes);

    expect(bob.received('newProducer')).toEqual([
      { producerId: microphone, peerId: 'alice', kind: 'audio', source: 'microphone', paused: false },
      { producerId: camera, peerId: 'alice', kind: 'video', source: 'camera', paused: false },
    ]);
    expect(alice.received('newProducer')).toEqual([]);
  });

  it('delivers both to bob once he resumes his consumers, not before', async () => {
    const receiving = await bridge.createPlainTransport('bob', { comedia: false });
    await bridge.connectPlainTransport('bob', receiving.transportId, await sink.start());
    const rtpCapabilities = bridge.routerRtpCapabilities();
    const consumers = [];
    for (const producerId of [microphone, camera]) {
      consumers.push(await bridge.consume('bob', { transportId: receiving.transportId, producerId, rtpCapabilities }));
    }
    expect(consumers.map(({ producerId, peerId, kind }) => ({ producerId, peerId, kind }))).toEqual([
      { producerId: microphone, peerId: 'alice', kind: 'audio' },
      { producerId: camera, peerId: 'alice', kind: 'video' },
    ]);
    const ssrcs = consumers.map((consumer) => ((consumer.rtpParameters.encodings as MediaJson[])[0].ssrc as number));

    await sleep(300);
    expect(ssrcs.map((ssrc) => sink.packets(ssrc))).toEqual([0, 0]); // created paused

    for (const { consumerId } of consumers) await bridge.resume('bob', { consumerId });
    await waitFor('bob receiving audio and video', () => ssrcs.every((ssrc) => sink.packets(ssrc) >= 10));
    expect(server.stats()).toEqual({ workers: 1, bridges: 1, peers: 2, producers: 2, consumers: 2 });
  });

  it("tells bob when alice mutes and unmutes her microphone", async () => {
    await bridge.pause('alice', { producerId: microphone });
    expect(bridge.producers().find((p) => p.producerId === microphone)?.paused).toBe(true);
    await bridge.pause('alice', { producerId: microphone }); // already paused: no second notification
    await bridge.resume('alice', { producerId: microphone });
    expect(bob.received('producerPaused')).toEqual([{ producerId: microphone, peerId: 'alice' }]);
    expect(bob.received('producerResumed')).toEqual([{ producerId: microphone, peerId: 'alice' }]);
  });

  it('tells bob when alice stops her camera, and drops his consumer of it', async () => {
    bridge.closeProducer('alice', camera);
    expect(bob.received('producerClosed')).toEqual([{ producerId: camera, peerId: 'alice' }]);
    expect(server.stats()).toMatchObject({ producers: 1, consumers: 1 });
  });

  it('tells bob when alice leaves: her last producer closes, then she is gone', () => {
    bridge.leave('alice');
    // (alice, the only one with a microphone, is the active speaker: that news is another spec's.)
    const news = bob.notifications.filter((n) => n.notification !== 'activeSpeaker');
    expect(news.slice(-2)).toEqual([
      { notification: 'producerClosed', data: { producerId: microphone, peerId: 'alice' } },
      { notification: 'peerLeft', data: { peerId: 'alice' } },
    ]);
    expect(bridge.peers().map((peer) => peer.peerId)).toEqual(['bob']);
    expect(server.stats()).toEqual({ workers: 1, bridges: 1, peers: 1, producers: 0, consumers: 0 });
  });
});
