/**
 * What a participant may not do, and the code it gets back (the gateway answers it as is): WebRTC
 * transports on a configured address and port range, produce before connect, someone else's
 * transport or producer, an unknown producer, capabilities that cannot receive, a full meeting, a
 * second session of the same participant, a closed meeting.
 */
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import type { MediaJson } from './protocol';
import { joinAs, meetingSnapshot, refusal, testMediaServer, type RecordingPeer } from './testing/media-test-kit';

const MEETING = '9a7e3c1d-2b4f-4e6a-8c0d-1f5b7d9e3a24';
const ANNOUNCED = '192.0.2.10';
const PORTS = { rtcMinPort: 41000, rtcMaxPort: 41999 };

/** What a browser's DTLS stack would send (the handshake itself is not run here). */
const BROWSER_DTLS: MediaJson = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }] };
/** Opus as Chrome produces it. */
const CHROME_OPUS: MediaJson = {
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { minptime: 10, useinbandfec: 1 }, rtcpFeedback: [] }],
  headerExtensions: [],
  encodings: [{ ssrc: 3141592653 }],
  rtcp: { cname: 'alice-chrome' },
};
const VP8_ONLY_CAPABILITIES: MediaJson = { codecs: [{ kind: 'video', mimeType: 'video/VP8', clockRate: 90000, preferredPayloadType: 96 }], headerExtensions: [] };

describe('a meeting refuses bad requests with typed errors', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let alice: RecordingPeer;
  let bob: RecordingPeer;

  beforeAll(async () => {
    server = testMediaServer({ announcedAddress: ANNOUNCED, maxPeersPerMeeting: 2, ...PORTS });
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    alice = joinAs(bridge, 'alice', 'host');
    bob = joinAs(bridge, 'bob');
  });

  afterAll(() => server.close());

  it('offers WebRTC over UDP and TCP on the announced address, within the port range', async () => {
    const transport = await bridge.createWebRtcTransport('alice', 'send');
    expect(transport.iceCandidates).toEqual([
      expect.objectContaining({ protocol: 'udp', address: ANNOUNCED }),
      expect.objectContaining({ protocol: 'tcp', address: ANNOUNCED, tcpType: 'passive' }),
    ]);
    const ports = transport.iceCandidates.map(({ port }) => Number(port));
    expect(ports.every((port) => port >= PORTS.rtcMinPort && port <= PORTS.rtcMaxPort)).toBe(true);
    expect(transport.dtlsParameters).toMatchObject({ fingerprints: expect.arrayContaining([expect.objectContaining({ algorithm: 'sha-256' })]) });
  });

  it('refuses produce before connect (NOT_CONNECTED), then accepts it once connected', async () => {
    const { transportId } = await bridge.createWebRtcTransport('alice', 'send');
    const produce = () => bridge.produce('alice', { transportId, kind: 'audio', source: 'microphone', rtpParameters: CHROME_OPUS });
    expect(await refusal(produce)).toBe('NOT_CONNECTED');
    await bridge.connectTransport('alice', transportId, BROWSER_DTLS);
    expect(await refusal(() => bridge.connectTransport('alice', transportId, BROWSER_DTLS))).toBe('BAD_REQUEST');
    expect(await refusal(produce)).toBe('accepted');
    expect(bob.received('newProducer')).toEqual([expect.objectContaining({ peerId: 'alice', source: 'microphone' })]);
  });

  it("refuses acting on another participant's transport or producer (FORBIDDEN) and on unknown ones (NOT_FOUND)", async () => {
    const alicesTransport = await bridge.createWebRtcTransport('alice', 'recv');
    const [alicesMicrophone] = bridge.producers();
    const bobsProduce = (transportId: string) => bridge.produce('bob', { transportId, kind: 'audio', source: 'microphone', rtpParameters: CHROME_OPUS });
    expect(await refusal(() => bobsProduce(alicesTransport.transportId))).toBe('FORBIDDEN');
    expect(await refusal(() => bridge.connectTransport('bob', alicesTransport.transportId, BROWSER_DTLS))).toBe('FORBIDDEN');
    expect(await refusal(() => bridge.pause('bob', { producerId: alicesMicrophone.producerId }))).toBe('FORBIDDEN');
    expect(await refusal(() => bridge.closeProducer('bob', alicesMicrophone.producerId))).toBe('FORBIDDEN');
    expect(await refusal(() => bobsProduce('no-such-transport'))).toBe('NOT_FOUND');
    expect(await refusal(() => bridge.resume('bob', { consumerId: 'no-such-consumer' }))).toBe('NOT_FOUND');
    expect(await refusal(() => bridge.createWebRtcTransport('mallory', 'send'))).toBe('NOT_FOUND'); // never joined
  });

  it('refuses to consume an unknown producer (NOT_FOUND), or with capabilities that cannot receive it (CANNOT_CONSUME)', async () => {
    const { transportId } = await bridge.createWebRtcTransport('bob', 'recv');
    const [alicesMicrophone] = bridge.producers();
    const rtpCapabilities = bridge.routerRtpCapabilities();
    expect(await refusal(() => bridge.consume('bob', { transportId, producerId: 'no-such-producer', rtpCapabilities }))).toBe('NOT_FOUND');
    expect(await refusal(() => bridge.consume('bob', { transportId, producerId: alicesMicrophone.producerId, rtpCapabilities: VP8_ONLY_CAPABILITIES }))).toBe('CANNOT_CONSUME');
    // Consuming before connecting is how mediasoup-client works: its first consume triggers the connect.
    expect(await refusal(() => bridge.consume('bob', { transportId, producerId: alicesMicrophone.producerId, rtpCapabilities }))).toBe('accepted');
  });

  it('refuses what mediasoup or the meeting cannot take (BAD_REQUEST)', async () => {
    const send = await bridge.createWebRtcTransport('bob', 'send');
    await bridge.connectTransport('bob', send.transportId, BROWSER_DTLS);
    const produce = (data: { kind: 'audio' | 'video'; source: 'microphone' | 'camera'; rtpParameters: MediaJson }) => () =>
      bridge.produce('bob', { transportId: send.transportId, ...data });
    expect(await refusal(produce({ kind: 'audio', source: 'microphone', rtpParameters: { encodings: [{ ssrc: 1 }] } }))).toBe('BAD_REQUEST'); // no codecs
    expect(await refusal(produce({ kind: 'video', source: 'microphone', rtpParameters: CHROME_OPUS }))).toBe('BAD_REQUEST'); // a microphone sends audio
    expect(await refusal(produce({ kind: 'audio', source: 'microphone', rtpParameters: { ...CHROME_OPUS, encodings: [{ ssrc: 2718281828 }] } }))).toBe('accepted');
    expect(await refusal(produce({ kind: 'audio', source: 'microphone', rtpParameters: { ...CHROME_OPUS, encodings: [{ ssrc: 1618033988 }] } }))).toBe('BAD_REQUEST'); // a second microphone
    const recv = await bridge.createWebRtcTransport('bob', 'recv');
    expect(await refusal(() => bridge.produce('bob', { transportId: recv.transportId, kind: 'audio', source: 'microphone', rtpParameters: CHROME_OPUS }))).toBe('BAD_REQUEST'); // not a send transport
  });

  it('keeps at most two transports per direction: a third closes the oldest', async () => {
    const [first, second, third] = [
      await bridge.createWebRtcTransport('alice', 'recv'),
      await bridge.createWebRtcTransport('alice', 'recv'),
      await bridge.createWebRtcTransport('alice', 'recv'),
    ];
    expect(await refusal(() => bridge.connectTransport('alice', first.transportId, BROWSER_DTLS))).toBe('NOT_FOUND');
    expect(await refusal(() => bridge.connectTransport('alice', second.transportId, BROWSER_DTLS))).toBe('accepted');
    expect(await refusal(() => bridge.connectTransport('alice', third.transportId, BROWSER_DTLS))).toBe('accepted');
  });

  it('refuses a third participant in a meeting limited to 2 (MEETING_FULL), but lets a participant join again', async () => {
    expect(await refusal(() => joinAs(bridge, 'carol'))).toBe('MEETING_FULL');
    const aliceTransport = await bridge.createWebRtcTransport('alice', 'send');
    const before = bob.notifications.length;

    const aliceAgain = joinAs(bridge, 'alice', 'host');
    expect(alice.replaced).toBe(true);
    expect(aliceAgain.replaced).toBe(false);
    // Her previous session's transports and producers are gone; bob sees her microphone close, not her leaving.
    expect(await refusal(() => bridge.connectTransport('alice', aliceTransport.transportId, BROWSER_DTLS))).toBe('NOT_FOUND');
    const news = bob.notifications.slice(before).map((n) => n.notification);
    expect(news.filter((name) => name !== 'activeSpeaker')).toEqual(['producerClosed']); // (the speaker may have been alice)
    expect(bridge.producers().map((producer) => producer.peerId)).toEqual(['bob']);
    expect(bridge.peers().map((peer) => peer.peerId)).toEqual(['alice', 'bob']);
    // The first session's socket closing late does not take the new one away.
    alice.leave();
    expect(bridge.peers().map((peer) => peer.peerId)).toEqual(['alice', 'bob']);
    expect(bob.received('peerLeft')).toEqual([]);
  });

  it('refuses everything once the meeting is closed (ENDED)', async () => {
    await server.closeBridge(MEETING, 'closed-by-operator');
    expect(bob.received('meetingClosed')).toEqual([{ reason: 'closed-by-operator' }]);
    expect(await refusal(() => joinAs(bridge, 'carol'))).toBe('ENDED');
    expect(await refusal(() => bridge.createWebRtcTransport('bob', 'send'))).toBe('ENDED');
    expect(server.bridge(MEETING)).toBeUndefined();
  });
});
