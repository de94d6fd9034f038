/**
 * A pool of 1 worker (a small server) whose only worker is killed: until its replacement is up
 * the meeting answers UNAVAILABLE ("wait for reconnect"), then it moves onto the new worker and
 * the participant is told to reconnect.
 */
import { firstValueFrom } from 'rxjs';
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { joinAs, meetingSnapshot, recordingLogger, refusal, testMediaServer } from './testing/media-test-kit';

const MEETING = '3d4e5f60-7182-493a-c1d2-e3f405162738';

describe('the only worker killed', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;

  /** What a request got at the moment the bridge lost its worker (a replacement starts in ~100 ms: too short to poll). */
  let duringRecovery: Promise<string> | undefined;

  beforeAll(async () => {
    const logger = recordingLogger();
    const warn = logger.warn;
    logger.warn = (message, details) => {
      warn(message, details);
      if (message.includes('lost its media worker')) duringRecovery ??= refusal(() => bridge.createWebRtcTransport('alice', 'send'));
    };
    server = testMediaServer({ workers: 1, logger });
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
  });

  afterAll(() => server.close());

  it('answers UNAVAILABLE until the replacement worker takes the meeting, then asks the participant to reconnect', async () => {
    const alice = joinAs(bridge, 'alice');
    const [deadPid] = server.workerPids();
    const incident = firstValueFrom(server.incidents$);

    process.kill(deadPid, 'SIGKILL');

    expect(await incident).toMatchObject({ workerPid: deadPid, meetingIds: [MEETING], recovered: true });
    expect(server.workerPids()).toEqual([bridge.workerPid]);
    expect(bridge.workerPid).not.toBe(deadPid);
    expect(await duringRecovery).toBe('UNAVAILABLE');
    expect(alice.received('reconnect')).toHaveLength(1);
    expect(await refusal(() => bridge.createWebRtcTransport('alice', 'send'))).toBe('accepted');
  });
});
