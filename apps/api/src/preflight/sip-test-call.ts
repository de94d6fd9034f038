import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { driverCallFailureCause, type EndpointCheck, runContained, type SipUserAgent } from '@maillage/core';
import { MediaServer } from '@maillage/media';
import { SipGateway } from '../sip/sip-gateway';
import { SipMeetings } from '../sip/sip-meetings';
import { PreflightSettings } from './preflight-settings';
import { DriverDialTestCall, type TestCall, type TestCallSubject } from './test-call';

const TONE_PEER = 'preflight-tone';
const TONE_SSRC = 0x51a7e57;
const OPUS_PT = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the media of a test call measured: packets from the room system, and toward it. */
export interface TestCallMedia {
  packetsIn: number;
  packetsOut: number;
}

/** The test call's check from what was measured: both ways ok, one way a warning, none a failure. */
export function testCallCheck(to: string, connectMs: number, media: TestCallMedia): EndpointCheck {
  const measures = { connectMs, packetsIn: media.packetsIn, packetsOut: media.packetsOut };
  if (media.packetsIn > 0 && media.packetsOut > 0) return { id: 'test-call', outcome: 'ok', detail: `SIP test call to ${to}: media both ways`, measures };
  if (media.packetsIn > 0 || media.packetsOut > 0) {
    const missing = media.packetsIn > 0 ? 'nothing reached the room system' : 'nothing came from the room system';
    return { id: 'test-call', outcome: 'warning', cause: 'media-one-way', detail: `SIP test call to ${to}: ${missing}`, measures };
  }
  return { id: 'test-call', outcome: 'failed', cause: 'no-media', detail: `SIP test call to ${to}: connected, but no media either way`, measures };
}

/**
 * The test meeting of one pre-call test: a bridge of its own on the MediaServer (no reservation),
 * admitted by SipMeetings under a one-off code, with a 440 Hz tone (ffmpeg, Opus over plain RTP)
 * as its only other participant so that the mix-minus toward the room system carries sound.
 */
class TestMeeting {
  readonly code = `preflight-${randomBytes(4).toString('hex')}`;
  readonly meetingId = randomUUID();
  private tone?: ChildProcess;

  constructor(
    private readonly media: MediaServer,
    private readonly meetings: SipMeetings,
  ) {}

  async open(): Promise<void> {
    const now = Date.now();
    const bridge = await this.media.openBridge(this.meetingId, { meetingId: this.meetingId, title: 'Test de la salle', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 60_000).toISOString(), closesAt: new Date(now + 60_000).toISOString() });
    bridge.join({ peerId: TONE_PEER, name: 'Tonalité de test', role: 'guest' }, () => undefined);
    const plain = await bridge.createPlainTransport(TONE_PEER);
    await bridge.produce(TONE_PEER, { transportId: plain.transportId, kind: 'audio', source: 'microphone', rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: TONE_SSRC }] } });
    const ip = plain.ip === '0.0.0.0' || plain.ip === '::' ? '127.0.0.1' : plain.ip;
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-c:a', 'libopus', '-ac', '2', '-payload_type', String(OPUS_PT), '-ssrc', String(TONE_SSRC), '-f', 'rtp', `rtp://${ip}:${plain.port}`];
    this.tone = spawn(process.env.FFMPEG_BIN ?? 'ffmpeg', args, { stdio: 'ignore' });
    this.tone.once('error', () => undefined); // no ffmpeg: no tone, the check says nothing reached the room system
    this.meetings.addTestMeeting(this.code, this.meetingId);
  }

  async close(): Promise<void> {
    this.meetings.removeTestMeeting(this.code);
    const tone = this.tone;
    if (tone && tone.exitCode === null && tone.signalCode === null) {
      const exited = new Promise((resolve) => tone.once('exit', resolve));
      tone.kill('SIGKILL');
      await exited;
    }
    await this.media.closeBridge(this.meetingId, 'ended');
  }
}

/**
 * The pre-call test's call over SIP (TEST_CALL when the API runs the SIP gateway): a room system
 * reached over SIP — its driver is endpoint-sip, or it has a SIP address — is called by the bridge
 * into a short-lived test meeting; media is measured both ways for PREFLIGHT_TEST_CALL_MEDIA_MS
 * (RTP from the room system in the call's legs, and the mix sent toward it), then the call is hung up
 * and the test meeting closed. Other room systems, or without the gateway: the driver dials
 * PREFLIGHT_TEST_URI as before (DriverDialTestCall).
 */
@Injectable()
export class SipTestCall implements TestCall {
  private readonly log = new Logger('SipTestCall');

  constructor(
    private readonly settings: PreflightSettings,
    private readonly sip: SipGateway,
    private readonly meetings: SipMeetings,
    @Inject(MediaServer) private readonly media: MediaServer,
    private readonly fallback: DriverDialTestCall,
  ) {}

  async run(subject: TestCallSubject): Promise<EndpointCheck> {
    const agent = this.sip.agent;
    const viaDriver = subject.adapterId === 'endpoint-sip';
    if (!agent || (!viaDriver && !subject.sipUri)) return this.fallback.run(subject);
    const meeting = new TestMeeting(this.media, this.meetings);
    try {
      await meeting.open();
    } catch (error) {
      await meeting.close().catch(() => undefined);
      return { id: 'test-call', outcome: 'failed', cause: 'test-meeting-unavailable', detail: `the test meeting could not open: ${message(error)}` };
    }
    try {
      return await this.call(subject, agent, meeting);
    } finally {
      await meeting.close().catch((error: unknown) => this.log.warn(`test meeting ${meeting.code}: close failed: ${message(error)}`));
    }
  }

  private async call(subject: TestCallSubject, agent: SipUserAgent, meeting: TestMeeting): Promise<EndpointCheck> {
    const limit = this.settings.callConnectMs;
    const started = Date.now();
    let callId: string;
    let to: string;
    let hangUp: () => Promise<void>;
    if (subject.adapterId === 'endpoint-sip') {
      // The driver dials out with its own address, name and ring time.
      to = subject.sipUri ?? 'the room system';
      const address = this.sip.sipUri(meeting.code);
      if (!address) return this.fallback.run(subject);
      const dialled = await runContained(() => subject.driver.dial(address), limit, 'endpoint-sip.dial');
      if (!dialled.ok) return { id: 'test-call', outcome: 'failed', cause: driverCallFailureCause(dialled.failure), detail: dialled.failure.message };
      if (!dialled.value.callId) return { id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: 'the driver placed no SIP call' };
      callId = dialled.value.callId;
      hangUp = async () => void (await runContained(() => subject.driver.hangUp(), limit, 'endpoint-sip.hangUp'));
    } else {
      to = subject.sipUri!;
      const outcome = await agent.dialOut({ meeting: meeting.code, to, displayName: 'Test de la salle', ringTimeoutMs: limit });
      if (!outcome.ok) return { id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: `${to} did not take the test call: SIP ${outcome.status} ${outcome.reason} (${outcome.cause})` };
      callId = outcome.callId;
      hangUp = () => agent.hangUpCall(callId);
    }
    const connectMs = Date.now() - started;
    try {
      const media = await this.measure(callId, agent);
      if (media.endedAfterMs !== undefined) {
        return { id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: `the SIP test call to ${to} ended ${media.endedAfterMs} ms after it connected`, measures: { connectMs, packetsIn: media.packetsIn, packetsOut: media.packetsOut } };
      }
      return testCallCheck(to, connectMs, media);
    } finally {
      await hangUp().catch((error: unknown) => this.log.warn(`test call ${callId}: hang-up failed: ${message(error)}`));
    }
  }

  /**
   * Counts packets both ways for the measuring window (twice as long while one way has none yet);
   * a call that ends before says when (`endedAfterMs`).
   */
  private async measure(callId: string, agent: SipUserAgent): Promise<TestCallMedia & { endedAfterMs?: number }> {
    const window = this.settings.testCallMediaMs;
    const started = Date.now();
    let last: TestCallMedia = { packetsIn: 0, packetsOut: 0 };
    for (;;) {
      if (!agent.callActive(callId)) return { ...last, endedAfterMs: Date.now() - started };
      try {
        const legs = await this.media.sip.stats(callId);
        const audio = await this.media.sip.audioOutStats(callId);
        const video = await this.media.sip.videoOutStats(callId);
        last = { packetsIn: legs.reduce((sum, leg) => sum + leg.packets, 0), packetsOut: (audio?.packets ?? 0) + (video?.packets ?? 0) };
      } catch {
        return { ...last, endedAfterMs: Date.now() - started }; // the call's media closed under us
      }
      const elapsed = Date.now() - started;
      if (elapsed >= 2 * window || (elapsed >= window && last.packetsIn > 0 && last.packetsOut > 0)) return last;
      await sleep(100);
    }
  }
}
