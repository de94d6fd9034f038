/**
 * The media server's life: nothing runs until the first meeting opens; opening is idempotent;
 * closing a meeting tells its participants why and frees its router; `close()` ends every worker
 * process, and a missing worker binary is a clear error.
 */
import { MediaServer } from './media-server';
import { isRunning, joinAs, meetingSnapshot, recordingLogger, testMediaServer } from './testing/media-test-kit';

const FIRST = '5e6f7081-92a3-4b4c-d5e6-f70819203a4b';
const SECOND = '6f708192-a3b4-4c5d-e6f7-08192a3b4c5d';

describe('the media server from start to close', () => {
  it('says where to get the worker when its binary is missing', async () => {
    const server = new MediaServer({ workerBin: '/nonexistent/mediasoup-worker', logger: recordingLogger() });
    await expect(server.openBridge(FIRST, meetingSnapshot(FIRST))).rejects.toThrow(/missing or not executable: run tools\/setup\/build-mediasoup-worker\.sh/);
    await server.close();
  });

  it('starts 2 workers on the first opening, opens a meeting once, closes it for its peers, and leaves no worker process', async () => {
    const server = testMediaServer({ workers: 2 });
    expect(server.workerPids()).toEqual([]);
    expect(server.stats()).toEqual({ workers: 0, bridges: 0, peers: 0, producers: 0, consumers: 0 });

    const [first, again] = await Promise.all([server.openBridge(FIRST, meetingSnapshot(FIRST)), server.openBridge(FIRST, meetingSnapshot(FIRST))]);
    expect(again).toBe(first);
    expect(await server.openBridge(FIRST, meetingSnapshot(FIRST))).toBe(first);
    const pids = server.workerPids();
    expect(pids).toHaveLength(2);
    expect(pids.every(isRunning)).toBe(true);

    // A participant's transports go with her when she leaves.
    const alice = joinAs(first, 'alice');
    await first.createWebRtcTransport('alice', 'send');
    await first.createPlainTransport('alice');
    first.leave('alice');
    first.leave('alice'); // twice: nothing more happens
    expect(server.stats()).toEqual({ workers: 2, bridges: 1, peers: 0, producers: 0, consumers: 0 });

    const bob = joinAs(first, 'bob');
    await server.closeBridge(FIRST, 'ended');
    await server.closeBridge(FIRST, 'ended'); // no longer open: nothing happens
    expect(bob.received('meetingClosed')).toEqual([{ reason: 'ended' }]);
    expect(alice.received('meetingClosed')).toEqual([]);
    expect(server.bridge(FIRST)).toBeUndefined();
    expect(first.isClosed).toBe(true);

    // Stopping the process is not the end of the meetings: their peers are not told they are over.
    const second = await server.openBridge(SECOND, meetingSnapshot(SECOND));
    const carol = joinAs(second, 'carol');
    await Promise.all([server.close(), server.close()]);
    expect(carol.received('meetingClosed')).toEqual([]);
    expect(second.isClosed).toBe(true);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(server.stats()).toEqual({ workers: 0, bridges: 0, peers: 0, producers: 0, consumers: 0 });
    await expect(server.openBridge(FIRST, meetingSnapshot(FIRST))).rejects.toThrow('the media server is closed');
  });
});
