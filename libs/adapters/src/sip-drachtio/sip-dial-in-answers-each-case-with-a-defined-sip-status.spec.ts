/**
 * SIPp against a real drachtio-server and the sip-drachtio adapter, with a recording SipCallHost
 * (the media side is libs/media's; here the host answers with fixed ports): every dial-in case
 * gets its SIP answer, and the adapter passes the testkit.
 */
import type { SipCallHost, SipLegEndReason, SipMediaLeg, SipMeetingLookup } from '@maillage/core';
import { createTestContext, describeAdapterConformance } from '../testkit';
import { DrachtioServer, freeTcpPort } from './drachtio-server';
import { SipDrachtioAdapter, sipDrachtioAdapter, type SipDrachtioConfig } from './sip-drachtio.adapter';
import { PCMU_H264_OFFER, runSipp, SIPP_SCENARIOS } from './testing/sipp';
import { drachtioBinFromEnv as bin, until as untilWithin } from './testing/spec-helpers';

const until = <T>(label: string, probe: () => T | false | undefined, timeoutMs = 5_000) => untilWithin(label, probe, timeoutMs);

const MEETINGS: Record<string, SipMeetingLookup> = {
  'MLG-7K2Q': { status: 'open', meetingId: '3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10', title: 'Comité de pilotage' },
  // openLeg takes 2 s: long enough for a CANCEL to arrive first.
  'MLG-SLOW': { status: 'open', meetingId: '7a1d3c55-2b9e-4f0a-8c61-5d4e3f2a1b00' },
  'MLG-SOON': { status: 'too-early', opensAt: '2026-03-12T12:50:00.000Z' },
  'MLG-DONE': { status: 'closed', detail: 'the meeting has ended' },
};

/** A SipCallHost recording what the adapter asks. */
function recordingHost() {
  const opened: { meetingId: string; callId: string; displayName: string; legs: SipMediaLeg[] }[] = [];
  const closed: { callId: string; reason: SipLegEndReason }[] = [];
  const keyFrames: string[] = [];
  const host: SipCallHost = {
    async lookup(code) {
      return MEETINGS[code] ?? { status: 'unknown' };
    },
    async openLeg(call) {
      opened.push(call);
      if (call.meetingId === (MEETINGS['MLG-SLOW'] as { meetingId: string }).meetingId) await new Promise((resolve) => setTimeout(resolve, 2_000));
      return { ip: '127.0.0.1', legs: Object.fromEntries(call.legs.map((leg, i) => [leg.index, { port: 42000 + 2 * i }])) };
    },
    async closeLeg(callId, reason) {
      closed.push({ callId, reason });
    },
    async requestKeyFrame(callId) {
      keyFrames.push(callId);
    },
    async meetingCode() {
      return 'MLG-7K2Q';
    },
  };
  return { host, opened, closed, keyFrames };
}

describe('dial-in through drachtio: each case gets a defined SIP answer', () => {
  let server: DrachtioServer;
  let adapter: SipDrachtioAdapter;
  const recorded = recordingHost();

  beforeAll(async () => {
    server = await DrachtioServer.start({ bin: bin() });
    const config: SipDrachtioConfig = { drachtioHost: '127.0.0.1', drachtioPort: server.connection.port, sipDomain: 'visio.maillage.test', connectTimeoutMs: 3000 };
    adapter = sipDrachtioAdapter.create(createTestContext(config, { drachtioSecret: server.connection.secret }, { sip: recorded.host }));
    await adapter.init();
    expect(await adapter.health()).toMatchObject({ status: 'up' });
  });

  afterAll(async () => {
    await adapter?.dispose();
    await server?.stop();
  });

  const sipp = async (scenarioXml: string, user: string, transport: 'udp' | 'tcp' = 'udp') => {
    const run = await runSipp({ scenarioXml, sipPort: server.sipPort, user, transport });
    if (run.code !== 0) throw new Error(`SIPp exited with ${run.code}:\n${run.output}`);
    return run;
  };

  it('OPTIONS over UDP: 200', async () => {
    await sipp(SIPP_SCENARIOS.options(), 'MLG-7K2Q', 'udp');
  });

  it('OPTIONS over TCP: 200', async () => {
    await sipp(SIPP_SCENARIOS.options(), 'MLG-7K2Q', 'tcp');
  });

  it('an unknown meeting code: 404, no media opened', async () => {
    await sipp(SIPP_SCENARIOS.refused(404, PCMU_H264_OFFER), 'MLG-XXXX');
    expect(recorded.opened).toHaveLength(0);
  });

  it('a meeting whose joining window has not opened: 480, saying when it opens', async () => {
    const run = await sipp(SIPP_SCENARIOS.refused(480, PCMU_H264_OFFER), 'MLG-SOON');
    expect(run.log).toContain('reason: SIP;cause=480;text="the meeting opens at 2026-03-12T12:50:00.000Z"');
  });

  it('an ended meeting: 480, saying so', async () => {
    const run = await sipp(SIPP_SCENARIOS.refused(480, PCMU_H264_OFFER), 'MLG-DONE');
    expect(run.log).toContain('reason: SIP;cause=480;text="the meeting has ended"');
  });

  it('an offer with G.729 only: 488, no media opened', async () => {
    const g729 = PCMU_H264_OFFER.replace('m=audio 6000 RTP/AVP 0', 'm=audio 6000 RTP/AVP 18').replace('a=rtpmap:0 PCMU/8000', 'a=rtpmap:18 G729/8000').replace(/m=video[\s\S]*$/, '');
    const run = await sipp(SIPP_SCENARIOS.refused(488, g729), 'MLG-7K2Q');
    expect(run.log).toContain('reason: SIP;cause=488;text="no codec in common');
    expect(recorded.opened).toHaveLength(0);
  });

  it('a body that is not SDP: 400', async () => {
    await sipp(SIPP_SCENARIOS.refused(400, 'hello, this is not SDP'), 'MLG-7K2Q');
    expect(recorded.opened).toHaveLength(0);
  });

  it('answered, then BYE from the room system: 200, and the media leg is closed', async () => {
    const run = await sipp(SIPP_SCENARIOS.answeredThenBye(PCMU_H264_OFFER), 'MLG-7K2Q');
    expect(run.log).toContain('answer: m=audio 42000 RTP/AVP 0');
    expect(recorded.opened).toHaveLength(1);
    const [call] = recorded.opened;
    expect(call).toMatchObject({ meetingId: MEETINGS['MLG-7K2Q'].status === 'open' ? '3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10' : '', displayName: 'Salle SIPp' });
    expect(call.legs.map((leg) => `${leg.kind} ${leg.codec.name}/${leg.codec.payloadType} ssrc ${leg.ssrc}`)).toEqual(['audio PCMU/0 ssrc 11111111', 'video H264/97 ssrc 22222222']);
    await until('leg closed', () => recorded.closed.find((c) => c.callId === call.callId));
    expect(recorded.closed).toEqual([{ callId: call.callId, reason: 'bye' }]);
    expect(adapter.activeCalls()).toEqual([]);
  });

  it('SIP INFO picture_fast_update in the call: 200, and the host is asked for a keyframe', async () => {
    const before = recorded.opened.length;
    await sipp(SIPP_SCENARIOS.answeredThenBye(PCMU_H264_OFFER, { pictureFastUpdate: true }), 'MLG-7K2Q');
    const call = recorded.opened[before];
    await until('keyframe asked', () => recorded.keyFrames.includes(call.callId));
    await until('leg closed', () => recorded.closed.some((c) => c.callId === call.callId));
  });

  it('asks a room system for a fresh picture: SIP INFO picture_fast_update in its call, answered 200', async () => {
    const before = recorded.opened.length;
    const run = runSipp({ scenarioXml: SIPP_SCENARIOS.answeredUntilByeReceived(PCMU_H264_OFFER, { pictureFastUpdate: true }), sipPort: server.sipPort, user: 'MLG-7K2Q' });
    const callId = await until('the call answered', () => recorded.opened.length > before && adapter.activeCalls().find((c) => c.answered && c.callId === recorded.opened[before].callId)?.callId);
    expect(await adapter.requestPictureUpdate(callId)).toBe(true);
    await adapter.hangUpCall(callId);
    const done = await run;
    if (done.code !== 0) throw new Error(`SIPp exited with ${done.code}:\n${done.output}`);
    expect(done.log).toContain('info received: picture_fast_update');
    expect(await adapter.requestPictureUpdate(callId)).toBe(false); // the call is over
  });

  it('CANCEL before the answer: 200 + 487, never answered, the leg closed once opened', async () => {
    await sipp(SIPP_SCENARIOS.cancelBeforeAnswer(PCMU_H264_OFFER), 'MLG-SLOW');
    const call = recorded.opened.find((c) => c.meetingId === '7a1d3c55-2b9e-4f0a-8c61-5d4e3f2a1b00');
    expect(call).toBeDefined();
    await until('cancelled leg closed', () => recorded.closed.find((c) => c.callId === call?.callId), 5_000);
    expect(recorded.closed.find((c) => c.callId === call?.callId)?.reason).toBe('cancel');
    expect(adapter.activeCalls()).toEqual([]);
  });

  it('100 calls in a burst (100/s), each answered, held 500 ms and hung up: every leg opened and closed once', async () => {
    const opened = recorded.opened.length;
    const closed = recorded.closed.length;
    const run = await runSipp({ scenarioXml: SIPP_SCENARIOS.answeredThenBye(PCMU_H264_OFFER), sipPort: server.sipPort, user: 'MLG-7K2Q', calls: 100, ratePerSecond: 100, timeoutMs: 20_000 });
    if (run.code !== 0) throw new Error(`SIPp exited with ${run.code}:\n${run.output}`);
    expect(recorded.opened.length - opened).toBe(100);
    await until('100 legs closed', () => recorded.closed.length - closed === 100);
    expect(new Set(recorded.closed.slice(closed).map((c) => c.reason))).toEqual(new Set(['bye']));
    expect(adapter.activeCalls()).toEqual([]);
    console.log(`100 SIPp calls (INVITE, 200, ACK, 500 ms, BYE) in ${run.elapsedMs} ms`);
  }, 30_000);

  it('a BYE right behind the ACK, 100 calls at 200/s: every leg is closed (none left in the meeting)', async () => {
    const opened = recorded.opened.length;
    const closed = recorded.closed.length;
    const run = await runSipp({ scenarioXml: SIPP_SCENARIOS.answeredThenBye(PCMU_H264_OFFER, { holdMs: 0 }), sipPort: server.sipPort, user: 'MLG-7K2Q', calls: 100, ratePerSecond: 200, timeoutMs: 15_000 });
    if (run.code !== 0) throw new Error(`SIPp exited with ${run.code}:\n${run.output}`);
    expect(recorded.opened.length - opened).toBe(100);
    await until('100 legs closed', () => recorded.closed.length - closed === 100);
    expect(adapter.activeCalls()).toEqual([]);
  }, 20_000);

  it('gives the meeting its SIP address in the join information', async () => {
    const info = await adapter.joinInfo('3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10', { name: 'Salle Molière', role: 'room' });
    expect(info.sipUri).toBe('sip:MLG-7K2Q@visio.maillage.test');
  });
});

let conformanceServer: DrachtioServer | undefined;
afterAll(async () => {
  await conformanceServer?.stop();
});

describeAdapterConformance(sipDrachtioAdapter, async () => {
  conformanceServer = await DrachtioServer.start({ bin: bin() });
  const validConfig: SipDrachtioConfig = { drachtioHost: '127.0.0.1', drachtioPort: conformanceServer.connection.port, sipDomain: 'visio.maillage.test', connectTimeoutMs: 1000 };
  return {
    validConfig,
    invalidConfig: { ...validConfig, drachtioPort: 70000 },
    invalidConfigField: ['config', 'drachtioPort'],
    secrets: { drachtioSecret: conformanceServer.connection.secret },
    unreachableConfig: { ...validConfig, drachtioPort: await freeTcpPort() },
    context: { sip: recordingHost().host },
    timeoutMs: 4000,
  };
});
