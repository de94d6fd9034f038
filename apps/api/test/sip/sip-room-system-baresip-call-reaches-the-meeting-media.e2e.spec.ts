/**
 * The whole dial-in path with real programs, 127.0.0.1 only: baresip (Debian, a 400 Hz sine and
 * fake video, G.722 and H.264) dials sip:MLG-BARE@ a real drachtio-server, the sip-drachtio adapter
 * answers through a SipCallHost over the real MediaServer, and the room system's audio and video
 * reach mediasoup: its producers count RTP packets, in the leg routers and in the meeting's router,
 * and a guest of the meeting sees "Salle baresip" join. Back toward baresip: the mix-minus
 * (the guest's 600 Hz Opus tone, mixed by ffmpeg into G.722) and the guest's H.264 camera; baresip's
 * rtcpsummary counts what it received. Closing the bridge hangs the call up (BYE).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { SipCallHost } from '@maillage/core';
import { createTestContext, DrachtioServer, sipDrachtioAdapter, startBaresip, type Baresip, type SipDrachtioAdapter } from '@maillage/adapters';
import { MediaServer, type MeetingBridge, type ServerNotification } from '@maillage/media';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (baresip)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

const MEETING = '5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8e0b13';
const CODE = 'MLG-BARE';

async function until<T>(label: string, probe: () => Promise<T | false | undefined> | T | false | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${label}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a baresip room system dials a meeting through drachtio, and its media reaches mediasoup', () => {
  let drachtio: DrachtioServer;
  let media: MediaServer;
  let bridge: MeetingBridge;
  let adapter: SipDrachtioAdapter;
  let baresip: Baresip | undefined;
  const senders: ChildProcess[] = [];
  const guestNews: ServerNotification[] = [];

  beforeAll(async () => {
    const bin = ensureDrachtioBin();
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin });
    media = new MediaServer({ workers: 1, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    bridge = await media.openBridge(MEETING, { meetingId: MEETING, title: 'Comité de pilotage', startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T11:00:00.000Z', closesAt: '2026-11-24T11:15:00.000Z' });
    bridge.join({ peerId: 'guest', name: 'Camille', role: 'guest' }, (notification) => guestNews.push(notification));
    // Camille speaks (600 Hz, Opus) and shows a test pattern (H.264), both from ffmpeg over plain RTP.
    // One comedia transport per ffmpeg: each locks onto its sender's source port.
    const plain = await bridge.createPlainTransport('guest');
    const plainVideo = await bridge.createPlainTransport('guest');
    await bridge.produce('guest', { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 1111 }] } });
    await bridge.produce('guest', {
      transportId: plainVideo.transportId,
      kind: 'video',
      source: 'camera',
      rtpParameters: { codecs: [{ mimeType: 'video/H264', payloadType: 102, clockRate: 90000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 } }], encodings: [{ ssrc: 3333 }] },
    });
    const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re'];
    const to = `rtp://127.0.0.1:${plain.port}?localaddr=127.0.0.1`;
    const toVideo = `rtp://127.0.0.1:${plainVideo.port}?localaddr=127.0.0.1`;
    senders.push(spawn('ffmpeg', [...quiet, '-f', 'lavfi', '-i', 'sine=frequency=600:sample_rate=48000', '-c:a', 'libopus', '-ac', '2', '-payload_type', '100', '-ssrc', '1111', '-f', 'rtp', to], { stdio: 'ignore' }));
    senders.push(
      spawn('ffmpeg', [...quiet, '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-c:v', 'libx264', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-tune', 'zerolatency', '-preset', 'ultrafast', '-g', '15', '-bsf:v', 'dump_extra=freq=keyframe', '-payload_type', '102', '-ssrc', '3333', '-f', 'rtp', toVideo], { stdio: 'ignore' }),
    );
    const host: SipCallHost = {
      lookup: async (code) => (code === CODE ? { status: 'open', meetingId: MEETING } : { status: 'unknown' }),
      openLeg: (call) => media.sip.openLeg(call),
      closeLeg: (callId, reason) => media.sip.closeLeg(callId, reason),
      meetingCode: async () => CODE,
    };
    adapter = sipDrachtioAdapter.create(
      createTestContext({ drachtioHost: '127.0.0.1', drachtioPort: drachtio.connection.port, sipDomain: '127.0.0.1', connectTimeoutMs: 3000 }, { drachtioSecret: drachtio.connection.secret }, { sip: host }),
    );
    await adapter.init();
  }, 120_000);

  afterAll(async () => {
    await baresip?.stop();
    for (const sender of senders) {
      if (sender.exitCode === null) {
        const exited = new Promise((resolve) => sender.once('exit', resolve));
        sender.kill('SIGKILL');
        await exited;
      }
    }
    await adapter?.dispose();
    await media?.close();
    await drachtio?.stop();
  });

  it('is answered with G.722 and H.264, joins as "Salle baresip", and mediasoup counts its RTP', async () => {
    baresip = await startBaresip({ name: 'Salle baresip', dial: `sip:${CODE}@127.0.0.1:${drachtio.sipPort}`, quitAfterS: 40 });
    const room = baresip;

    const callId = await until('the call answered', () => adapter.activeCalls().find((call) => call.answered)?.callId).catch((error: Error) => {
      throw new Error(`${error.message}\nbaresip:\n${room.output().slice(-4000)}`);
    });
    const legs = await until(
      'RTP on both legs',
      async () => {
        const stats = await media.sip.stats(callId);
        return stats.length === 2 && stats.every((leg) => leg.packets >= 50) && stats;
      },
      20_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nbaresip:\n${room.output().slice(-4000)}`);
    });
    expect(legs.map((leg) => [leg.kind, leg.codec.split('/')[0]])).toEqual([
      ['audio', 'G722'],
      ['video', 'H264'],
    ]);
    for (const leg of legs) {
      const piped = await bridge.producerStats(leg.meetingProducerId!);
      expect(piped.packets).toBeGreaterThan(0);
    }
    // Toward baresip: the mix-minus (Camille's tone) as G.722 and Camille's camera as H.264.
    let last = '';
    const toRoom = await until('media toward baresip', async () => {
      const audio = await media.sip.audioOutStats(callId);
      const video = await media.sip.videoOutStats(callId);
      last = JSON.stringify({ audio, video });
      return audio && video && audio.packets >= 50 && video.packets >= 20 && { audio, video };
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${last}`);
    });
    expect(toRoom.audio.inputs).toBe(1);
    console.log(`mediasoup → baresip: audio mix ${toRoom.audio.packets} packets, video ${toRoom.video.packets} packets`);
    const joined = guestNews.filter((n) => n.notification === 'peerJoined').map((n) => n.data);
    expect(joined).toEqual([{ peerId: `sip-${callId}`, name: 'Salle baresip', role: 'room' }]);
    // Figures for the report: packets received from baresip per leg.
    console.log(`baresip → mediasoup: ${legs.map((leg) => `${leg.kind} ${leg.codec} ${leg.packets} packets`).join(', ')}`);
  }, 60_000);

  it('closing the bridge hangs up: BYE to baresip, the participant leaves, no SIP call left', async () => {
    const room = baresip!;
    const before = room.output().length;
    await adapter.closeBridge(MEETING, 'ended');
    expect(adapter.activeCalls()).toEqual([]);
    expect(media.sip.callIds()).toEqual([]);
    await until('peerLeft', () => guestNews.some((n) => n.notification === 'peerLeft'));
    await until('baresip saw the BYE', () => /session closed|terminated/i.test(room.output().slice(before)), 5_000).catch((error: Error) => {
      throw new Error(`${error.message}\nbaresip:\n${room.output().slice(before).slice(-2000)}`);
    });
    // baresip's rtcpsummary, one line per stream (audio, video): PR = packets it received from us.
    const received = await until('baresip RTCP summaries', () => {
      const counts = room.rtcpReceived(before);
      return counts.length === 2 && counts;
    }, 5_000);
    expect(received.every((count) => count > 0)).toBe(true);
    console.log(`baresip received (rtcpsummary PR): audio ${received[0]}, video ${received[1]}`);
  });
});
