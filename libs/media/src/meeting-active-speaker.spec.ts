/**
 * Who is speaking: bob's microphone is on first but sends silence (-127 dBov), so he is the
 * speaker only while nobody else can be; alice then talks (-20 dBov, with breaths at -120 dBov),
 * and every participant hears that she is the active speaker, then that nobody is once her
 * microphone closes.
 */
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { joinAs, meetingSnapshot, testMediaServer, waitFor, type RecordingPeer } from './testing/media-test-kit';
import { opusParameters, RtpSource } from './testing/rtp-endpoints';

const MEETING = '4c8d2e6f-1a3b-4d5e-9f70-8b2a6c4e1d93';
const ALICE_SSRC = 31313131;
const BOB_SSRC = 42424242;

describe('the active speaker of a meeting', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let alice: RecordingPeer;
  let bob: RecordingPeer;
  const sources: RtpSource[] = [];

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    alice = joinAs(bridge, 'alice', 'room');
    bob = joinAs(bridge, 'bob');
  });

  afterAll(async () => {
    await Promise.all(sources.map((source) => source.close()));
    await server.close();
  });

  /**
   * 20 ms per packet: 280 ms of voice, a 20 ms breath. The observer measures a voice against its
   * quietest moments (the breath), and takes the floor from the current speaker in about 0.6 s.
   */
  const TALKING = [...Array<number>(14).fill(20), 120];
  const SILENT = [127];

  async function speak(peerId: string, ssrc: number, audioLevels: number[]): Promise<string> {
    const plain = await bridge.createPlainTransport(peerId);
    const { producerId } = await bridge.produce(peerId, { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: opusParameters(ssrc) });
    const source = new RtpSource([{ ssrc, kind: 'audio', audioLevels }]);
    sources.push(source);
    await source.start(plain.port);
    return producerId;
  }

  it('is alice, who talks, for everyone; then nobody once her microphone closes', async () => {
    await speak('bob', BOB_SSRC, SILENT);
    await waitFor('bob as the only one who could speak', () => bob.received('activeSpeaker').length > 0);
    const microphone = await speak('alice', ALICE_SSRC, TALKING);

    await waitFor('alice as the active speaker', () => bob.received('activeSpeaker').at(-1)?.peerId === 'alice', 3000);
    expect(bob.received('activeSpeaker')).toEqual([{ peerId: 'bob' }, { peerId: 'alice' }]);
    expect(alice.received('activeSpeaker')).toEqual([{ peerId: 'bob' }, { peerId: 'alice' }]);

    bridge.closeProducer('alice', microphone);
    expect(bob.received('activeSpeaker').at(-1)).toEqual({ peerId: null });
  });
});
