/**
 * Dial-out (issue 11) through a real drachtio-server and SIPp playing the called parties: when the
 * meeting opens at T-10 it calls the reservation's SIP participants and its room's SIP endpoint
 * without a driver. The one that answers is connected (a SIP participant of the meeting, attendance
 * joined); the busy one (486) is called SIP_DIAL_ATTEMPTS = 3 times, SIP_DIAL_RETRY_MS apart, then
 * recorded failed with cause busy in the attendance and a `sip.dial-out-failed` incident; the one
 * that only rings is cancelled after SIP_DIAL_RING_TIMEOUT_MS, 3 times (no-answer); the endpoint
 * whose address does not exist (404) is called once. When drachtio dies (SIGKILL) the connected
 * call ends as failed and is dialled again once the supervisor has restarted it. Operators hang up (SIPp receives the BYE) and call again; bad requests get typed
 * errors and change nothing. Closing the meeting hangs up the connected call and stops the one
 * waiting for its next attempt. `meetingState` pushes each status as it changes.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DrachtioServer, SIPP_UAS_SCENARIOS, startSippUas, type SippRun } from '@maillage/adapters';
import type { ApiConfig } from '../../src/config';
import { SIP_SETTINGS } from '../../src/sip/sip-gateway';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, eventually, meetingClock, meetingRoom, MINUTE, type BookedMeeting } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (SIPp)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

type SippUas = Awaited<ReturnType<typeof startSippUas>>;

const RETRY_MS = 400;
const RING_MS = 1500;

const MEETING = `query($r: ID!) { meeting(reservationId: $r) {
  status
  participants { name kind }
  attendance { name kind leftReason sipCause }
  sipCalls { id name uri direction status sipStatus cause reason attempts lastAttemptAt callId participantId endpointId }
} }`;
const CALL_AGAIN = `mutation($id: ID!) { callSipParticipantAgain(sipCallId: $id) { id status attempts } }`;
const HANG_UP = `mutation($id: ID!) { hangUpSipCall(sipCallId: $id) { id status reason } }`;
const CLOSE = `mutation($r: ID!) { closeMeeting(reservationId: $r) { status } }`;

interface SipCallView {
  id: string;
  name: string;
  uri: string;
  direction: string;
  status: string;
  sipStatus: number | null;
  cause: string | null;
  reason: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  callId: string | null;
  participantId: string | null;
  endpointId: string | null;
}
interface MeetingView {
  status: string;
  participants: { name: string; kind: string }[];
  attendance: { name: string; kind: string; leftReason: string | null; sipCause: string | null }[];
  sipCalls: SipCallView[];
}

describe('the meeting dials out to its SIP participants when it opens', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let admin: Record<string, string>;
  let meeting: BookedMeeting;
  let answering: SippUas;
  let busy: SippUas;
  let ringing: SippUas;
  let missing: SippUas;
  let openedAt: number;
  let subscriptions: Client;
  /** What meetingState pushed: each call's name and status, in order. */
  const pushed: { name: string; status: string }[][] = [];

  const view = async () => {
    const res = await api.gql<{ meeting: MeetingView }>(MEETING, { r: meeting.id }, admin);
    if (!res.data?.meeting) throw new Error(`meeting failed: ${JSON.stringify(res.errors)}`);
    return res.data.meeting;
  };
  const callNamed = async (name: string) => (await view()).sipCalls.find((c) => c.name === name)!;
  const explain = (run: SippRun) => `SIPp exit ${run.code} after ${run.elapsedMs} ms\n${run.output.slice(-3000)}\n${run.log.slice(-3000)}`;
  const count = (text: string, needle: string) => text.split(needle).length - 1;

  beforeAll(async () => {
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    api = await startTestApi({
      env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: '127.0.0.1', SIP_DIAL_ATTEMPTS: '3', SIP_DIAL_RETRY_MS: String(RETRY_MS), SIP_DIAL_RING_TIMEOUT_MS: String(RING_MS) },
    });
    clock = meetingClock(api);
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    // The answering party's first call (its dialog dies with drachtio: see the redial test, which starts another SIPp).
    answering = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers(), calls: 1, timeoutMs: 90_000, recvTimeoutMs: 60_000 });
    busy = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.refuses(486, 'Busy Here'), calls: 3, timeoutMs: 60_000 });
    ringing = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.ringsWithoutAnswer(), calls: 3, timeoutMs: 60_000 });
    missing = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.refuses(404, 'Not Found'), calls: 1, timeoutMs: 60_000 });
    const room = await meetingRoom(api);
    await api.sql(`INSERT INTO endpoint (room_id, name, kind, protocol, sip_uri) VALUES ($1, 'Salle du conseil (SIP)', 'ROOM_SYSTEM', 'SIP', $2)`, [room.roomId, missing.uri]);
    meeting = await bookMeeting(api, room, {
      participants: [
        { kind: 'SIP', name: 'Mairie de Quimper', sipUri: answering.uri },
        { kind: 'SIP', name: 'Cabinet occupé', sipUri: busy.uri },
        { kind: 'SIP', name: 'Salle sans réponse', sipUri: ringing.uri },
        { kind: 'WEB_GUEST', name: 'Invitée web', email: 'invitee@example.org' },
      ],
    });
    subscriptions = createClient({ url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: admin.authorization } });
    subscriptions.subscribe<{ meetingState: { sipCalls: { name: string; status: string }[] } }>(
      { query: `subscription($r: ID!) { meetingState(reservationId: $r) { sipCalls { name status } } }`, variables: { r: meeting.id } },
      { next: (msg) => msg.data && pushed.push(msg.data.meetingState.sipCalls), error: () => undefined, complete: () => undefined },
    );
    await eventually(async () => pushed.length > 0);
    openedAt = Date.now();
    await clock.at(meeting.start - 10 * MINUTE);
  }, 90_000);

  afterAll(async () => {
    await subscriptions?.dispose();
    clock?.restore();
    await api?.close();
    await Promise.all([answering, busy, ringing, missing].map((s) => s?.stop()));
    await drachtio?.stop();
  });

  it('calls the three SIP participants and the endpoint without a driver, not the web guest', async () => {
    const calls = await eventually(async () => {
      const m = await view();
      return m.sipCalls.length === 4 ? m.sipCalls : undefined;
    });
    expect(calls.map((c) => [c.name, c.uri, c.direction, c.participantId !== null, c.endpointId !== null])).toEqual([
      ['Cabinet occupé', busy.uri, 'OUT', true, false],
      ['Mairie de Quimper', answering.uri, 'OUT', true, false],
      ['Salle du conseil (SIP)', missing.uri, 'OUT', false, true],
      ['Salle sans réponse', ringing.uri, 'OUT', true, false],
    ]);
  });

  it('the party that answers is connected: a SIP participant of the meeting, attendance joined', async () => {
    const state = await eventually(async () => {
      const m = await view();
      return m.sipCalls.find((c) => c.name === 'Mairie de Quimper')?.status === 'CONNECTED' && m.participants.length ? m : undefined;
    });
    expect(state.sipCalls.find((c) => c.name === 'Mairie de Quimper')).toMatchObject({ status: 'CONNECTED', sipStatus: 200, attempts: 1, cause: null, callId: expect.any(String) });
    expect(state.participants).toEqual([{ name: 'Mairie de Quimper', kind: 'SIP' }]);
    expect(state.attendance).toContainEqual({ name: 'Mairie de Quimper', kind: 'SIP', leftReason: null, sipCause: null });
  });

  it('the address that does not exist (404) is called once and fails with cause not-found', async () => {
    const call = await eventually(async () => {
      const c = await callNamed('Salle du conseil (SIP)');
      return c.status === 'FAILED' ? c : undefined;
    });
    expect(call).toMatchObject({ attempts: 1, sipStatus: 404, cause: 'not-found' });
    const run = await missing.done;
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
  });

  it('the busy party (486) is called 3 times, SIP_DIAL_RETRY_MS apart, then failed with cause busy, in the attendance and an incident', async () => {
    const call = await eventually(async () => {
      const c = await callNamed('Cabinet occupé');
      return c.status === 'FAILED' ? c : undefined;
    }, 30_000);
    expect(call).toMatchObject({ attempts: 3, sipStatus: 486, cause: 'busy', reason: expect.stringMatching(/busy/i) });
    const run = await busy.done;
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    const attempts = await api.sql<{ outcome: string; sip_status: number; cause: string; started_at: Date }>(`SELECT outcome, sip_status, cause, started_at FROM sip_call_attempt WHERE sip_call_id = $1 ORDER BY id`, [call.id]);
    expect(attempts.map((a) => [a.outcome, a.sip_status, a.cause])).toEqual([
      ['failed', 486, 'busy'],
      ['failed', 486, 'busy'],
      ['failed', 486, 'busy'],
    ]);
    const gaps = attempts.slice(1).map((a, i) => a.started_at.getTime() - attempts[i].started_at.getTime());
    console.log(`dial-out busy: 3 attempts, gaps ${gaps.join(', ')} ms (SIP_DIAL_RETRY_MS ${RETRY_MS}), failed ${Date.now() - openedAt} ms after the meeting opened`);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(RETRY_MS);
    expect((await view()).attendance).toContainEqual({ name: 'Cabinet occupé', kind: 'SIP', leftReason: 'failed', sipCause: 'busy' });
    // meetingState pushed each step live: ringing, waiting for the next attempt, failed.
    const busySteps = await eventually(async () => {
      const steps = pushed.map((calls) => calls.find((c) => c.name === 'Cabinet occupé')?.status).filter((x, i, all) => x && x !== all[i - 1]);
      return steps.at(-1) === 'FAILED' ? steps : undefined;
    });
    // (A reload may fold a few-millisecond DIALLING into the RETRYING after it.)
    console.log(`dial-out busy: meetingState pushed ${busySteps.join(' → ')}`);
    expect(busySteps.filter((step) => !['DIALLING', 'RETRYING', 'FAILED'].includes(step!))).toEqual([]);
    expect(busySteps).toContain('RETRYING');
    expect(busySteps.at(-1)).toBe('FAILED');
    const incidents = await api.sql<{ kind: string; severity: string; cause: string; detail: string }>(`SELECT kind, severity, cause, detail FROM incident WHERE reservation_id = $1 AND kind = 'sip.dial-out-failed' ORDER BY opened_at`, [meeting.id]);
    expect(incidents).toContainEqual({ kind: 'sip.dial-out-failed', severity: 'failure', cause: 'busy', detail: expect.stringContaining(`Cabinet occupé (${busy.uri}) could not be reached: 486`) });
  });

  it('the party that only rings is cancelled after SIP_DIAL_RING_TIMEOUT_MS, 3 times: failed with cause no-answer', async () => {
    const call = await eventually(async () => {
      const c = await callNamed('Salle sans réponse');
      return c.status === 'FAILED' ? c : undefined;
    }, 30_000);
    expect(call).toMatchObject({ attempts: 3, cause: 'no-answer' });
    const run = await ringing.done;
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(count(run.log, 'cancel received')).toBe(3);
    const rings = await api.sql<{ ms: number }>(`SELECT (extract(epoch FROM finished_at - started_at) * 1000)::int AS ms FROM sip_call_attempt WHERE sip_call_id = $1 ORDER BY id`, [call.id]);
    console.log(`dial-out no answer: attempts rang ${rings.map((r) => r.ms).join(', ')} ms (SIP_DIAL_RING_TIMEOUT_MS ${RING_MS})`);
    for (const ring of rings) expect(ring.ms).toBeGreaterThanOrEqual(RING_MS - 50);
    const state = await view();
    expect(state.attendance).toContainEqual({ name: 'Salle sans réponse', kind: 'SIP', leftReason: 'failed', sipCause: 'no-answer' });
    const kinds = await api.sql<{ cause: string }>(`SELECT cause FROM incident WHERE reservation_id = $1 AND kind = 'sip.dial-out-failed' ORDER BY cause`, [meeting.id]);
    expect(kinds.map((k) => k.cause)).toEqual(['busy', 'no-answer', 'not-found']);
  });

  it('when drachtio dies, the connected call ends as failed and is dialled again once drachtio is back', async () => {
    const before = await callNamed('Mairie de Quimper');
    expect(before.status).toBe('CONNECTED');
    // The first SIPp keeps its dead dialog (no BYE can come): the redial goes to a fresh one, which
    // then takes the calls of the next tests (the redial, "call again").
    const first = answering;
    answering = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers(), calls: 2, timeoutMs: 90_000, recvTimeoutMs: 60_000 });
    await api.sql(`UPDATE sip_call SET sip_uri = $2 WHERE id = $1`, [before.id, answering.uri]);
    const restarted = new Promise<{ pid: number }>((resolve) => drachtio.once('restarted', resolve));
    const pid = drachtio.pid;
    if (!(pid && pid > 0)) throw new Error('no drachtio pid to kill');
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await restarted;
    const after = await eventually(async () => {
      const c = await callNamed('Mairie de Quimper');
      return c.status === 'CONNECTED' && c.callId !== before.callId ? c : undefined;
    }, 20_000);
    const attempts = await api.sql<{ outcome: string; sip_status: number }>(`SELECT outcome, sip_status FROM sip_call_attempt WHERE sip_call_id = $1 ORDER BY id`, [before.id]);
    console.log(`dial-out redial: drachtio killed, the call connected again after ${Date.now() - killedAt} ms, ${attempts.length - 1} attempt(s)`);
    // The redial waited for drachtio to be back: one attempt, answered.
    expect(after).toMatchObject({ sipStatus: 200, attempts: 1 });
    expect(attempts).toEqual([
      { outcome: 'connected', sip_status: 200 },
      { outcome: 'connected', sip_status: 200 },
    ]);
    const state = await view();
    expect(state.participants).toEqual([{ name: 'Mairie de Quimper', kind: 'SIP' }]);
    expect(state.attendance.filter((a) => a.name === 'Mairie de Quimper').map((a) => a.leftReason)).toEqual(['disconnected', null]);
    const firstRun = await first.stop();
    expect(count(firstRun.log, 'ack answer')).toBe(1);
  });

  it('typed errors: anonymous, unknown call, calling a connected party, hanging up a failed call; nothing changes', async () => {
    const connected = await callNamed('Mairie de Quimper');
    const failed = await callNamed('Cabinet occupé');
    const anonymous = await api.gql(HANG_UP, { id: connected.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await api.gql(CALL_AGAIN, { id: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await api.gql(CALL_AGAIN, { id: 'not-an-id' }, admin);
    expect(malformed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const again = await api.gql(CALL_AGAIN, { id: connected.id }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const hangUpFailed = await api.gql(HANG_UP, { id: failed.id }, admin);
    expect(hangUpFailed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await callNamed('Mairie de Quimper')).toMatchObject({ status: 'CONNECTED', callId: connected.callId });
    expect(await callNamed('Cabinet occupé')).toMatchObject({ status: 'FAILED', attempts: 3 });
  });

  it('an operator hangs the connected party up (it receives our BYE), then calls it again (once, when two press at once)', async () => {
    const connected = await callNamed('Mairie de Quimper');
    const hung = await api.gql<{ hangUpSipCall: { status: string; reason: string } }>(HANG_UP, { id: connected.id }, admin);
    expect(hung.data?.hangUpSipCall).toEqual({ id: connected.id, status: 'ENDED', reason: 'hung up by an operator' });
    const left = await eventually(async () => {
      const m = await view();
      return m.participants.length === 0 ? m : undefined;
    });
    expect(left.sipCalls.find((c) => c.name === 'Mairie de Quimper')?.status).toBe('ENDED');
    expect(left.attendance.filter((a) => a.name === 'Mairie de Quimper').map((a) => a.leftReason)).toEqual(['disconnected', 'left']);

    const started = Date.now();
    // Two operators press "Rappeler" at once: one call goes out, the other gets CONFLICT.
    const both = await Promise.all([1, 2].map(() => api.gql<{ callSipParticipantAgain: { status: string; attempts: number } }>(CALL_AGAIN, { id: connected.id }, admin)));
    expect(both.map((r) => r.data?.callSipParticipantAgain?.status ?? r.errors?.[0].extensions?.code).sort()).toEqual(['CONFLICT', 'DIALLING']);
    const reconnected = await eventually(async () => {
      const c = await callNamed('Mairie de Quimper');
      return c.status === 'CONNECTED' ? c : undefined;
    }, 15_000);
    console.log(`dial-out: call again → connected in ${Date.now() - started} ms`);
    expect(reconnected).toMatchObject({ attempts: 1, sipStatus: 200 });
    expect(reconnected.callId).not.toBe(connected.callId);
  });

  it('closing the meeting hangs the connected call up and stops one waiting for its next attempt; calling again is then refused (CONFLICT)', async () => {
    // The busy party called again, now with a long pause between attempts: it is waiting for its second one when the meeting closes.
    const settings = api.app.get<ApiConfig['sip']>(SIP_SETTINGS);
    settings.dialOut.retryMs = 20_000;
    const stillBusy = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.refuses(486, 'Busy Here'), timeoutMs: 30_000 });
    const busyCall = await callNamed('Cabinet occupé');
    await api.sql(`UPDATE sip_call SET sip_uri = $2 WHERE id = $1`, [busyCall.id, stillBusy.uri]);
    expect((await api.gql(CALL_AGAIN, { id: busyCall.id }, admin)).errors).toBeUndefined();
    await eventually(async () => (await callNamed('Cabinet occupé')).status === 'RETRYING');
    const busyRun = await stillBusy.done;
    expect({ code: busyRun.code, why: busyRun.code === 0 ? '' : explain(busyRun) }).toEqual({ code: 0, why: '' });

    const closed = await api.gql<{ closeMeeting: { status: string } }>(CLOSE, { r: meeting.id }, admin);
    expect(closed.data?.closeMeeting.status).toBe('CLOSED');
    const cancelled = await eventually(async () => {
      const c = await callNamed('Cabinet occupé');
      return c.status === 'CANCELLED' ? c : undefined;
    });
    expect(cancelled).toMatchObject({ attempts: 1, reason: 'the meeting is closed' });
    const run = await answering.done;
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(count(run.log, 'bye received')).toBe(2);
    const call = await eventually(async () => {
      const c = await callNamed('Mairie de Quimper');
      return c.status === 'ENDED' ? c : undefined;
    });
    const refused = await api.gql(CALL_AGAIN, { id: call.id }, admin);
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    const final = await view();
    expect(final.sipCalls.find((c) => c.name === 'Mairie de Quimper')?.status).toBe('ENDED');
    expect(final.attendance.filter((a) => a.name === 'Mairie de Quimper').map((a) => a.leftReason)).toEqual(['disconnected', 'left', 'meeting-closed']);
    expect(final.participants).toEqual([]);
  });
});
