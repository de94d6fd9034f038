/**
 * The API in-process with a real drachtio-server (127.0.0.1, free ports) and DRACHTIO_URL: the
 * sip-drachtio adapter answers over the real meetings. A confirmed reservation in its joining window
 * answers SIPp's INVITE to its reference with 200 and the call shows in `meeting` as a SIP
 * participant named after the caller; a BYE from the caller is recorded as `left`; an unknown
 * reference gets 404, a reservation whose window is not open yet 480 with its opening time; a call
 * whose media fails gets 503 and opens an incident; closing the meeting hangs the call up (SIPp
 * receives our BYE), the attendance says meeting-closed, and the closed meeting answers 480. The
 * window opens at T-10 to the second, as for browsers.
 */
import { DrachtioServer, PCMU_H264_OFFER, runSipp, SIPP_SCENARIOS, type SippRun } from '@maillage/adapters';
import { MediaServer } from '@maillage/media';
import { SipGateway } from '../../src/sip/sip-gateway';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, eventually, meetingClock, meetingRoom, MINUTE, type BookedMeeting } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (SIPp)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

const MEETING = `query($r: ID!) { meeting(reservationId: $r) { status sipUri participants { name role kind } attendance { name role kind leftReason } } }`;
const CLOSE = `mutation($r: ID!) { closeMeeting(reservationId: $r) { status closeReason } }`;

interface MeetingView {
  status: string;
  sipUri: string | null;
  participants: { name: string; role: string; kind: string }[];
  attendance: { name: string; role: string; kind: string; leftReason: string | null }[];
}

describe('a room system dials a reservation reference over SIP and joins its meeting', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let admin: Record<string, string>;
  let open: BookedMeeting & { reference: string };
  let later: BookedMeeting & { reference: string };

  const referenceOf = async (meeting: BookedMeeting) => ({ ...meeting, reference: (await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [meeting.id]))[0].reference });
  const meeting = async (id: string) => {
    const res = await api.gql<{ meeting: MeetingView }>(MEETING, { r: id }, admin);
    if (!res.data?.meeting) throw new Error(`meeting failed: ${JSON.stringify(res.errors)}`);
    return res.data.meeting;
  };
  const sipp = (scenarioXml: string, user: string) => runSipp({ scenarioXml, sipPort: drachtio.sipPort, user, timeoutMs: 15_000 });
  const explain = (run: SippRun) => `SIPp exit ${run.code} after ${run.elapsedMs} ms\n${run.output.slice(-3000)}\n${run.log.slice(-3000)}`;

  beforeAll(async () => {
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: '127.0.0.1' } });
    clock = meetingClock(api);
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await meetingRoom(api);
    open = await referenceOf(await bookMeeting(api, room, { hour: 10 }));
    later = await referenceOf(await bookMeeting(api, room, { hour: 10, weeksAhead: 2 }));
    await clock.at(open.start + 2 * MINUTE);
    expect(api.app.get(SipGateway).enabled).toBe(true);
  }, 60_000);

  afterAll(async () => {
    clock?.restore();
    await api?.close();
    await drachtio?.stop();
  });

  it('shows the meeting’s SIP address: sip:<reference>@SIP_DOMAIN', async () => {
    expect(open.reference).toMatch(/^MLG-\d{7}$/);
    expect((await meeting(open.id)).sipUri).toBe(`sip:${open.reference}@127.0.0.1`);
  });

  it('an unknown reference gets 404', async () => {
    const run = await sipp(SIPP_SCENARIOS.refused(404, PCMU_H264_OFFER), 'MLG-9999999');
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(run.log).toContain('no meeting has this address');
  });

  it('a reservation whose joining window opens next week gets 480 with its opening time', async () => {
    const opensAt = new Date(later.start - 10 * MINUTE).toISOString();
    const run = await sipp(SIPP_SCENARIOS.refused(480, PCMU_H264_OFFER), later.reference.toLowerCase());
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(run.log).toContain(`the meeting opens at ${opensAt}`);
    expect((await meeting(later.id)).attendance).toEqual([]);
  });

  it('a call in the window gets 200, and its BYE is recorded as the room system leaving', async () => {
    const run = await sipp(SIPP_SCENARIOS.answeredThenBye(PCMU_H264_OFFER), open.reference);
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(run.log).toMatch(/answer: m=audio \d+ RTP\/AVP 0/);
    const state = await eventually(async () => {
      const m = await meeting(open.id);
      return m.attendance.length === 1 && m.attendance[0].leftReason ? m : undefined;
    });
    expect(state.attendance).toEqual([{ name: 'Salle SIPp', role: 'ROOM', kind: 'SIP', leftReason: 'left' }]);
    expect(state.participants).toEqual([]);
  });

  it('a call whose media cannot be opened gets 503 and opens a sip.call-failed incident on the meeting', async () => {
    const media = api.app.get(MediaServer);
    const openLeg = jest.spyOn(media.sip, 'openLeg').mockRejectedValueOnce(new Error('no media worker left'));
    try {
      const run = await sipp(SIPP_SCENARIOS.refused(503, PCMU_H264_OFFER), open.reference);
      expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    } finally {
      openLeg.mockRestore();
    }
    const incidents = await eventually(async () => {
      const rows = await api.sql<{ kind: string; severity: string; source: string; cause: string; detail: string }>(`SELECT kind, severity, source, cause, detail FROM incident WHERE reservation_id = $1`, [open.id]);
      return rows.length ? rows : undefined;
    });
    expect(incidents).toEqual([{ kind: 'sip.call-failed', severity: 'failure', source: 'sip', cause: 'media-unavailable', detail: 'The SIP call of Salle SIPp could not join: no media worker left' }]);
    expect((await meeting(open.id)).attendance).toHaveLength(1);
  });

  it('the call shows in `meeting` while connected, and closing the meeting sends it a BYE', async () => {
    const call = sipp(SIPP_SCENARIOS.answeredUntilByeReceived(PCMU_H264_OFFER), open.reference);
    const connected = await eventually(async () => {
      const m = await meeting(open.id);
      return m.participants.length === 1 ? m : undefined;
    });
    expect(connected.status).toBe('OPEN');
    expect(connected.participants).toEqual([{ name: 'Salle SIPp', role: 'ROOM', kind: 'SIP' }]);
    expect(api.app.get(SipGateway).activeCalls()).toEqual([expect.objectContaining({ meetingId: open.id, answered: true })]);

    const closed = await api.gql<{ closeMeeting: { status: string; closeReason: string } }>(CLOSE, { r: open.id }, admin);
    expect(closed.data?.closeMeeting).toEqual({ status: 'CLOSED', closeReason: 'closed-by-operator' });
    const run = await call;
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(run.log).toContain('bye received');
    const after = await eventually(async () => {
      const m = await meeting(open.id);
      return m.attendance.length === 2 && m.attendance.every((a) => a.leftReason) ? m : undefined;
    });
    expect(after.attendance.map((a) => a.leftReason)).toEqual(['left', 'meeting-closed']);
    expect(after.participants).toEqual([]);
    expect(api.app.get(SipGateway).activeCalls()).toEqual([]);
  });

  it('the closed meeting then gets 480: the meeting is over', async () => {
    const run = await sipp(SIPP_SCENARIOS.refused(480, PCMU_H264_OFFER), open.reference);
    expect({ code: run.code, why: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, why: '' });
    expect(run.log).toContain('the meeting is over');
  });

  it('the window opens 10 minutes before the start, as for browsers: 1 s earlier 480, at T-10 200', async () => {
    const opensAt = later.start - 10 * MINUTE;
    await clock.at(opensAt - 1000);
    const early = await sipp(SIPP_SCENARIOS.refused(480, PCMU_H264_OFFER), later.reference);
    expect({ code: early.code, why: early.code === 0 ? '' : explain(early) }).toEqual({ code: 0, why: '' });
    expect(early.log).toContain(`the meeting opens at ${new Date(opensAt).toISOString()}`);
    await clock.at(opensAt);
    const answered = await sipp(SIPP_SCENARIOS.answeredThenBye(PCMU_H264_OFFER), later.reference);
    expect({ code: answered.code, why: answered.code === 0 ? '' : explain(answered) }).toEqual({ code: 0, why: '' });
    const state = await eventually(async () => {
      const m = await meeting(later.id);
      return m.attendance.length === 1 && m.attendance[0].leftReason ? m : undefined;
    });
    expect(state).toMatchObject({ status: 'OPEN', attendance: [{ name: 'Salle SIPp', kind: 'SIP', leftReason: 'left' }] });
  });
});
