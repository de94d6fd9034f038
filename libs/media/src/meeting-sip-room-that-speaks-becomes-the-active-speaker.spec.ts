/**
 * Room systems send no audio level in their RTP (RFC 6464), so mediasoup's observers never elect
 * them: their speech is measured by ffmpeg (SipSpeechMeter) and the speaker arbiter elects them.
 * Two SIP rooms call in with G.722, both sending from their offered ports (ffmpeg): room A a
 * 400 Hz tone, room B digital silence. A guest is told that room A speaks, never room B.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { negotiateSipOffer } from '@maillage/core';
import type { MediaServer } from './media-server';
import type { MeetingBridge } from './meeting-bridge';
import { freeUdpPair } from './sip-audio-mix';
import { joinAs, meetingSnapshot, testMediaServer, waitFor, type RecordingPeer } from './testing/media-test-kit';

const MEETING = '6e8a0c2d-4f6b-4a8c-9e1f-3b5d7f9a1c23';

describe('a SIP room that speaks becomes the active speaker, measured by ffmpeg', () => {
  let server: MediaServer;
  let bridge: MeetingBridge;
  let guest: RecordingPeer;
  const senders: ChildProcess[] = [];

  /** A SIP room whose microphone is ffmpeg (lavfi `source`), G.722 under PT 9 from its offered port. */
  const room = async (callId: string, source: string, ssrc: number) => {
    const offeredPort = await freeUdpPair('127.0.0.1', { min: 47000, max: 47999 });
    const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${offeredPort} RTP/AVP 9`, 'a=rtpmap:9 G722/8000', 'a=rtcp-mux', `a=ssrc:${ssrc} cname:${callId}`, ''].join('\r\n');
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    const media = await server.sip.openLeg({ meetingId: MEETING, callId, displayName: callId, legs: negotiation.legs });
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', source, '-c:a', 'g722', '-ar', '16000', '-ac', '1', '-payload_type', '9', '-ssrc', String(ssrc), '-f', 'rtp', `rtp://127.0.0.1:${media.legs[0].port}?localaddr=127.0.0.1&localport=${offeredPort}`];
    senders.push(spawn('ffmpeg', args, { stdio: 'ignore' }));
    return `sip-${callId}`;
  };

  beforeAll(async () => {
    server = testMediaServer();
    bridge = await server.openBridge(MEETING, meetingSnapshot(MEETING));
    guest = joinAs(bridge, 'carol');
  });

  afterAll(async () => {
    for (const sender of senders) {
      if (sender.exitCode === null) {
        const exited = once(sender, 'exit');
        sender.kill('SIGKILL');
        await exited;
      }
    }
    await server?.close();
  });

  it('elects room A (a tone) within 3 s of its call, never room B (silence) after it, and measures both', async () => {
    const quiet = await room('room-b', 'anullsrc=r=16000:cl=mono', 0x0b0b0b0b);
    // mediasoup's observer may elect the only producer it has, level or not: let it do so before room A calls.
    await waitFor('the observer settles', () => guest.received('activeSpeaker').length > 0, 1_500).catch(() => undefined);
    const started = Date.now();
    const loud = await room('room-a', 'sine=frequency=400:sample_rate=16000', 0x0a0a0a0a);
    const elected = await waitFor('room A as the active speaker', () => guest.received('activeSpeaker').some((s) => s.peerId === loud), 5_000);
    expect(elected).toBe(true);
    const after = Date.now() - started;
    expect(after).toBeLessThan(3_000);
    // Both rooms are measured (10 levels a second each); the silent one is never elected.
    const levels = async (callId: string) => (await server.sip.stats(callId))[0].levelsMeasured ?? 0;
    await waitFor('levels from both rooms', async () => (await levels('room-a')) >= 5 && (await levels('room-b')) >= 5, 5_000);
    const speakers = guest.received('activeSpeaker').map((s) => s.peerId);
    expect(speakers.slice(speakers.indexOf(loud))).not.toContain(quiet);
    expect(speakers.at(-1)).toBe(loud);
    console.log(`SIP room elected active speaker ${after} ms after its call opened`);
  }, 20_000);

  it('hanging up room A ends its meter and its turn as the speaker', async () => {
    await server.sip.closeLeg('room-a', 'bye');
    await waitFor('no speaker', () => guest.received('activeSpeaker').at(-1)?.peerId === null, 5_000);
  });
});
