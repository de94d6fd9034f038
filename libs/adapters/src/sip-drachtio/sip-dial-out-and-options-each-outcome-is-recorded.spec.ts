/**
 * The meeting calls room systems (dial-out) and pings them (OPTIONS) through a real drachtio-server,
 * SIPp playing the room system (UAS): an answer negotiated from the callee's offer (delayed offer),
 * busy, declined, ringing without answer (CANCEL after the ring timeout), the callee hanging up, and
 * OPTIONS to a live and to a silent address; drachtio killed during a call ends its leg (`failed`),
 * and the meeting can call again once drachtio is back. The media side is a recording SipCallHost (fixed ports).
 */
import { createSocket } from 'node:dgram';
import type { SipCallHost, SipLegEndReason, SipMediaLeg } from '@maillage/core';
import { createTestContext } from '../testkit';
import { DrachtioServer } from './drachtio-server';
import { SipDrachtioAdapter, sipDrachtioAdapter, type SipDrachtioConfig } from './sip-drachtio.adapter';
import { SIPP_UAS_SCENARIOS, startSippUas, type SippRun } from './testing/sipp';
import { drachtioBinFromEnv as bin, until } from './testing/spec-helpers';

const MEETING_ID = '9c2e4a61-0b7d-4f3e-8a15-6d2c9e0f4b21';

function recordingHost() {
  const opened: { meetingId: string; callId: string; displayName: string; legs: SipMediaLeg[] }[] = [];
  const closed: { callId: string; reason: SipLegEndReason }[] = [];
  const host: SipCallHost = {
    lookup: async (code) => (code === 'MLG-0000042' || code === MEETING_ID ? { status: 'open', meetingId: MEETING_ID, title: 'Conseil communautaire' } : code === 'MLG-0000001' ? { status: 'closed', detail: 'the meeting has ended' } : { status: 'unknown' }),
    async openLeg(call) {
      opened.push(call);
      return { ip: '127.0.0.1', legs: Object.fromEntries(call.legs.map((leg, i) => [leg.index, { port: 43000 + 2 * i }])) };
    },
    async closeLeg(callId, reason) {
      closed.push({ callId, reason });
    },
    meetingCode: async () => 'MLG-0000042',
  };
  return { host, opened, closed };
}

const passed = async (run: Promise<SippRun>) => {
  const result = await run;
  if (result.code !== 0) throw new Error(`SIPp (room system) exited with ${result.code}:\n${result.output}`);
  return result;
};

describe('dial-out and OPTIONS through drachtio: each outcome is defined', () => {
  let server: DrachtioServer;
  let adapter: SipDrachtioAdapter;
  const recorded = recordingHost();

  beforeAll(async () => {
    server = await DrachtioServer.start({ bin: bin(), restartDelayMs: 100 });
    const config: SipDrachtioConfig = { drachtioHost: '127.0.0.1', drachtioPort: server.connection.port, sipDomain: 'visio.maillage.test', connectTimeoutMs: 3000 };
    adapter = sipDrachtioAdapter.create(createTestContext(config, { drachtioSecret: server.connection.secret }, { sip: recorded.host }));
    await adapter.init();
  });

  afterAll(async () => {
    await adapter?.dispose();
    await server?.stop();
  });

  it('a room system that answers: INVITE without SDP from the meeting, its offer negotiated, our answer in the ACK; hanging up sends BYE', async () => {
    const room = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers() });
    const outcome = await adapter.dialOut({ meeting: 'MLG-0000042', to: room.uri, displayName: 'Salle du conseil' });
    expect(outcome).toEqual({ ok: true, callId: expect.any(String) });
    const callId = (outcome as { callId: string }).callId;
    expect(adapter.callActive(callId)).toBe(true);
    expect(adapter.activeCalls()).toEqual([{ callId, meetingId: MEETING_ID, answered: true, direction: 'out' }]);
    const leg = recorded.opened.find((call) => call.callId === callId);
    expect(leg?.displayName).toBe('Salle du conseil');
    expect(leg?.legs.map((l) => `${l.kind} ${l.codec.name}/${l.codec.payloadType} ssrc ${l.ssrc}`)).toEqual(['audio PCMU/0 ssrc 11111111', 'video H264/97 ssrc 22222222']);

    await adapter.hangUpCall(callId);
    const run = await passed(room.done);
    expect(run.log).toContain('invite content-length: 0');
    expect(run.log).toContain('invite from: "Conseil communautaire" <sip:MLG-0000042@visio.maillage.test>');
    expect(run.log).toContain('ack answer: m=audio 43000 RTP/AVP 0');
    expect(run.log).toContain('bye received');
    expect(adapter.callActive(callId)).toBe(false);
    expect(recorded.closed).toContainEqual({ callId, reason: 'bridge-closed' });
  });

  it('the room system hangs up: its BYE closes the leg', async () => {
    const room = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers({ hangUpAfterMs: 300 }) });
    const outcome = await adapter.dialOut({ meeting: MEETING_ID, to: room.uri, displayName: 'Salle B' });
    expect(outcome.ok).toBe(true);
    const callId = (outcome as { callId: string }).callId;
    await passed(room.done);
    await until('leg closed by BYE', () => recorded.closed.find((c) => c.callId === callId), 5_000);
    expect(recorded.closed.find((c) => c.callId === callId)?.reason).toBe('bye');
    expect(adapter.callActive(callId)).toBe(false);
  });

  it.each([
    [486, 'Busy Here', 'busy'],
    [603, 'Decline', 'declined'],
    [404, 'Not Found', 'not-found'],
  ])('the room system answers %i: the outcome says %s, with the cause "%s"', async (status, phrase, cause) => {
    const before = recorded.opened.length;
    const room = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.refuses(status, phrase) });
    const outcome = await adapter.dialOut({ meeting: 'MLG-0000042', to: room.uri, displayName: 'Salle C' });
    expect(outcome).toEqual({ ok: false, status, cause, reason: phrase });
    await passed(room.done);
    expect(recorded.opened.length).toBe(before);
  });

  it('a room system that rings and never answers: CANCEL after the ring timeout, no-answer (408)', async () => {
    const room = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.ringsWithoutAnswer() });
    const started = Date.now();
    const outcome = await adapter.dialOut({ meeting: 'MLG-0000042', to: room.uri, displayName: 'Salle D', ringTimeoutMs: 1_000 });
    const elapsed = Date.now() - started;
    expect(outcome).toEqual({ ok: false, status: 408, cause: 'no-answer', reason: 'no answer within 1000 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    const run = await passed(room.done);
    expect(run.log).toContain('cancel received');
    expect(adapter.activeCalls()).toEqual([]);
  });

  it('a closed meeting calls nobody; an address that is not SIP is a typed error', async () => {
    await expect(adapter.dialOut({ meeting: 'MLG-0000001', to: 'sip:salle@127.0.0.1:5999', displayName: 'Salle E' })).resolves.toEqual({ ok: false, status: 480, cause: 'meeting-closed', reason: 'the meeting has ended' });
    await expect(adapter.dialOut({ meeting: 'MLG-0000042', to: 'mailto:salle@example.org', displayName: 'Salle E' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('OPTIONS: 200 and a round-trip time from a live room system; 408 within the timeout from a silent address', async () => {
    const room = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.options() });
    const live = await adapter.options(room.uri, 2_000);
    expect(live.status).toBe(200);
    expect(live.rttMs).toBeLessThan(2_000);
    await passed(room.done);

    // A socket that receives and never answers: a room system switched off behind a live address.
    const mute = createSocket('udp4');
    await new Promise<void>((resolve) => mute.bind(0, '127.0.0.1', resolve));
    const silent = await adapter.options(`sip:salle@127.0.0.1:${mute.address().port}`, 800).finally(() => mute.close());
    expect(silent.status).toBe(408);
    expect(silent.rttMs).toBeGreaterThanOrEqual(800);
    console.log(`OPTIONS round trip to SIPp: ${live.rttMs} ms`);
  });

  it('drachtio killed during a placed call: the leg ends with "failed" (no BYE possible), and once drachtio is back the meeting calls again', async () => {
    const first = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers({ hangUpAfterMs: 1_000 }) });
    const outcome = await adapter.dialOut({ meeting: 'MLG-0000042', to: first.uri, displayName: 'Salle F' });
    expect(outcome.ok).toBe(true);
    const callId = (outcome as { callId: string }).callId;
    const restarted = new Promise((resolve) => server.once('restarted', resolve));
    const pid = server.pid ?? 0;
    if (!(pid > 0)) throw new Error('no drachtio pid to kill');
    process.kill(pid, 'SIGKILL');
    await until('leg ended as failed', () => recorded.closed.find((c) => c.callId === callId), 5_000);
    expect(recorded.closed.find((c) => c.callId === callId)?.reason).toBe('failed');
    expect(adapter.callActive(callId)).toBe(false);
    await first.done; // the old call is a zombie on the room system's side: its BYE gets no answer

    await restarted;
    const again = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers() });
    const redial = await (async () => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const result = await adapter.dialOut({ meeting: 'MLG-0000042', to: again.uri, displayName: 'Salle F' });
        if (result.ok || result.cause !== 'unreachable') return result;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error('drachtio did not come back within 5 s');
    })();
    expect(redial.ok).toBe(true);
    await adapter.hangUpCall((redial as { callId: string }).callId);
    await passed(again.done);
  }, 30_000);
});
