/**
 * Two meetings on a pool of 2 workers, one on each. The worker under the first is killed
 * (SIGKILL): a new worker takes its place, the meeting gets a new router, both its participants
 * are told to reconnect (same capabilities, still joined, no producer left), produce again and
 * media flows; an incident is reported; the other meeting's media never stops.
 */
import { firstValueFrom } from 'rxjs';
import type { MediaIncident, MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { isRunning, joinAs, meetingSnapshot, refusal, testMediaServer, waitFor, type RecordingPeer } from './testing/media-test-kit';
import { opusParameters, RtpSource } from './testing/rtp-endpoints';

const KILLED_MEETING = '1b2c3d4e-5f60-4718-a9b0-c1d2e3f40516';
const OTHER_MEETING = '2c3d4e5f-6071-4829-b0c1-d2e3f4051627';

describe('a worker killed under a meeting', () => {
  let server: MediaServer;
  let killed: MeetingBridge;
  let other: MeetingBridge;
  let alice: RecordingPeer;
  let bob: RecordingPeer;
  const sources: RtpSource[] = [];

  beforeAll(async () => {
    server = testMediaServer({ workers: 2 });
    [killed, other] = await Promise.all([
      server.openBridge(KILLED_MEETING, meetingSnapshot(KILLED_MEETING)),
      server.openBridge(OTHER_MEETING, meetingSnapshot(OTHER_MEETING)),
    ]);
    alice = joinAs(killed, 'alice', 'room');
    bob = joinAs(killed, 'bob');
    joinAs(other, 'carol', 'room');
  });

  afterAll(async () => {
    await Promise.all(sources.map((source) => source.close()));
    await server.close();
  });

  /** A plain RTP microphone for the peer, sending; resolves with its producer id. */
  async function sendAudio(bridge: MeetingBridge, peerId: string, ssrc: number): Promise<string> {
    const plain = await bridge.createPlainTransport(peerId);
    const { producerId } = await bridge.produce(peerId, { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: opusParameters(ssrc) });
    const source = new RtpSource([{ ssrc, kind: 'audio' }]);
    sources.push(source);
    await source.start(plain.port);
    return producerId;
  }

  const bytes = async (bridge: MeetingBridge, producerId: string) => (await bridge.producerStats(producerId)).bytes;

  it('places the two meetings on different workers', () => {
    expect(server.workerPids()).toHaveLength(2);
    expect(new Set([killed.workerPid, other.workerPid]).size).toBe(2);
  });

  it('moves the meeting to a new router, tells its peers to reconnect, and reports the incident, while the other meeting keeps flowing', async () => {
    await sendAudio(killed, 'alice', 51515151);
    const carolsMicrophone = await sendAudio(other, 'carol', 61616161);
    await waitFor('carol’s audio', async () => (await bytes(other, carolsMicrophone)) > 0);
    const capabilities = killed.routerRtpCapabilities();
    const deadPid = killed.workerPid ?? -1;
    const incident: Promise<MediaIncident> = firstValueFrom(server.incidents$);

    process.kill(deadPid, 'SIGKILL');
    const report = await incident;

    expect(report).toEqual({
      kind: 'worker-died',
      at: expect.any(String),
      workerPid: deadPid,
      meetingIds: [KILLED_MEETING],
      detail: expect.stringContaining('SIGKILL'),
      recovered: true,
    });
    expect(isRunning(deadPid)).toBe(false);
    expect(server.workerPids()).toHaveLength(2);
    expect(server.workerPids()).not.toContain(deadPid);
    expect(server.workerPids()).toContain(killed.workerPid);

    for (const [peer, others] of [[alice, ['bob']], [bob, ['alice']]] as const) {
      expect(peer.received('reconnect')).toEqual([
        { reason: expect.any(String), routerRtpCapabilities: capabilities, peers: others.map((peerId) => expect.objectContaining({ peerId })), producers: [] },
      ]);
    }
    expect(killed.peers().map((peer) => peer.peerId)).toEqual(['alice', 'bob']);
    expect(killed.producers()).toEqual([]);
    expect(bob.received('peerLeft')).toEqual([]);

    const before = await bytes(other, carolsMicrophone);
    await waitFor('carol’s audio still flowing', async () => (await bytes(other, carolsMicrophone)) > before, 2000);
  });

  it('lets the participants produce again on the new router, and the others hear of it', async () => {
    const microphone = await sendAudio(killed, 'alice', 71717171);
    await waitFor('alice’s audio on the new router', async () => (await bytes(killed, microphone)) > 0);
    expect(bob.received('newProducer').at(-1)).toMatchObject({ producerId: microphone, peerId: 'alice' });
    expect(await refusal(() => killed.createWebRtcTransport('bob', 'recv'))).toBe('accepted');
  });
});
