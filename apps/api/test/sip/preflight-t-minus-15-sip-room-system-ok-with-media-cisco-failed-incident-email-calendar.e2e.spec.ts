/**
 * Issue 13's done-criterion, with real programs on 127.0.0.1: a reservation in Lannion and Morlaix.
 * Lannion's room system is a plain SIP one (baresip, answering by itself) driven by endpoint-sip
 * through the API's own SIP gateway (a real drachtio-server); Morlaix has a Cisco codec (the xAPI
 * simulator) whose self-test reports a critical alert. Nobody asks: with the clock moved to T-15 the
 * pre-call test runs by itself (its poller), the bridge calls baresip into a test meeting and
 * measures media both ways (ok), the Cisco fails (diagnostics-error), an incident opens, the host
 * gets the e-mail and the operators' calendar shows both. At T-10 endpoint-sip's dial is the
 * meeting calling baresip in.
 */
import { type Baresip, CiscoXapiSimulator, DrachtioServer, startBaresip } from '@maillage/adapters';
import { MediaServer } from '@maillage/media';
import { SipGateway } from '../../src/sip/sip-gateway';
import { ADD_ENDPOINT, addCiscoEndpoint, startInbox } from '../endpoint-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (baresip)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

const CALENDAR = `query($p: ID!, $from: DateTime!, $to: DateTime!) { pointCalendar(pointId: $p, from: $from, to: $to) {
  reservations { id preflight { endpointName roomName round outcome cause detail checks { id outcome cause measures } } } } }`;

interface Check {
  id: string;
  outcome: string;
  cause?: string;
  detail?: string;
  measures?: Record<string, number>;
}

describe('the T-15 pre-call test runs by itself: a SIP room system (baresip) ok with media both ways, a Cisco failed → incident, e-mail, calendar', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let admin: Record<string, string>;
  let baresip: Baresip;
  let cisco: CiscoXapiSimulator;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  let clock: ReturnType<typeof meetingClock>;
  let meeting: BookedMeeting;
  let endpoints: { sip: string; cisco: string };
  let morlaixPointId: string;
  const pollMs = process.env.PREFLIGHT_POLL_MS;

  beforeAll(async () => {
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    process.env.PREFLIGHT_POLL_MS = '250'; // the scheduler's own poller finds the round
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: '127.0.0.1' } });
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    [baresip, cisco, inbox] = await Promise.all([startBaresip({ name: 'Salle du conseil (SIP)', user: 'salle', quitAfterS: 120 }), CiscoXapiSimulator.start({ password: 'morlaix-pw' }), startInbox()]);
    const lannion = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    const morlaix = await meetingRoom(api, 'morlaix-communaute-siege');
    morlaixPointId = morlaix.pointId;
    const added = await api.gql<{ addEndpoint: { id: string } }>(
      ADD_ENDPOINT,
      {
        roomId: lannion.roomId,
        input: { name: 'Système SIP salle du conseil', kind: 'ROOM_SYSTEM', protocol: 'SIP', vendor: 'baresip', model: '1.0', adapterId: 'endpoint-sip', adapterConfig: { sipUri: baresip.uri, displayName: 'Salle du conseil (SIP)', optionsTimeoutMs: 1500, ringTimeoutMs: 5000 } },
      },
      admin,
    );
    if (!added.data?.addEndpoint) throw new Error(`addEndpoint failed: ${JSON.stringify(added.errors)}`);
    endpoints = { sip: added.data.addEndpoint.id, cisco: await addCiscoEndpoint(api, admin, morlaix.roomId, cisco, 'morlaix-pw', 'Codec salle Tristan Corbière') };
    await inbox.bind(api, admin, lannion.pointId);
    meeting = await bookMeeting(api, lannion, { otherRooms: [morlaix], title: 'Conférence des présidents' });
    clock = meetingClock(api);
    cisco.state.diagnostics.push({ Level: 'Critical', Type: 'NetworkQuality', Description: 'Packet loss 12 %' });
  }, 90_000);
  afterAll(async () => {
    if (pollMs === undefined) delete process.env.PREFLIGHT_POLL_MS;
    else process.env.PREFLIGHT_POLL_MS = pollMs;
    clock?.restore();
    await api?.close();
    await Promise.all([baresip?.stop(), cisco?.close(), inbox?.close()]);
    await drachtio?.stop();
  });

  const results = () => api.sql<{ endpoint_id: string; round: string; outcome: string; cause: string | null; checks: Check[] }>(`SELECT endpoint_id, round, outcome, cause, checks FROM preflight_result WHERE reservation_id = $1 ORDER BY endpoint_id`, [meeting.id]);

  it('at T-15, by itself: baresip ok (called into a test meeting, media measured both ways), the Cisco failed (diagnostics-error), one incident', async () => {
    await clock.at(meeting.start - 15 * MINUTE);
    const run = await waitFor(
      'the second round to finish',
      async () => (await api.sql<{ round: string; outcome: string | null }>(`SELECT round, outcome FROM preflight_run WHERE reservation_id = $1 AND finished_at IS NOT NULL`, [meeting.id]))[0],
      45_000,
      100,
    );
    expect(run).toEqual({ round: 'second', outcome: 'failed' });
    const byEndpoint = Object.fromEntries((await results()).map((r) => [r.endpoint_id, r]));
    const sip = byEndpoint[endpoints.sip];
    expect(sip).toMatchObject({ round: 'second', outcome: 'ok', cause: null });
    expect(sip.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['reachable', 'ok'],
      ['wake', 'ok'],
      ['sip-options', 'ok'],
      ['test-call', 'ok'],
    ]);
    const call = sip.checks.find((c) => c.id === 'test-call')!;
    expect(call.measures).toEqual({ connectMs: expect.any(Number), packetsIn: expect.any(Number), packetsOut: expect.any(Number) });
    expect(call.measures!.packetsIn).toBeGreaterThan(20);
    expect(call.measures!.packetsOut).toBeGreaterThan(20);
    console.log(`SIP test call: connected in ${call.measures!.connectMs} ms, ${call.measures!.packetsIn} RTP packets from baresip, ${call.measures!.packetsOut} toward it; OPTIONS ${sip.checks.find((c) => c.id === 'sip-options')!.measures!.rttMs} ms`);
    expect(byEndpoint[endpoints.cisco]).toMatchObject({ round: 'second', outcome: 'failed', cause: 'diagnostics-error' });
    // The test meeting is gone: no bridge, no call, no leg left behind.
    expect(api.app.get(SipGateway).activeCalls()).toEqual([]);
    expect(api.app.get(MediaServer).sip.callIds()).toEqual([]);
    expect(api.app.get(MediaServer).stats().bridges).toBe(0);
    expect(await api.sql(`SELECT 1 FROM meeting_attendance WHERE reservation_id = $1`, [meeting.id])).toEqual([]);
    expect(await api.sql(`SELECT kind, source, cause, endpoint_id, point_ids FROM incident WHERE reservation_id = $1`, [meeting.id])).toEqual([
      { kind: 'endpoint.preflight-failed', source: 'room-cisco-xapi', cause: 'diagnostics-error', endpoint_id: endpoints.cisco, point_ids: [meeting.pointId, morlaixPointId].sort() },
    ]);
    expect(await api.sql(`SELECT 1 FROM preflight_run WHERE reservation_id = $1 AND round = 'first'`, [meeting.id])).toEqual([]);
  }, 60_000);

  it('writes the host: the SIP room OK, the Cisco in failure, an incident opened', async () => {
    const mail = await waitFor('the pre-call e-mail', async () => inbox.mails.find((m) => m.subject.startsWith('Test des salles')), 20_000);
    expect(mail.to).toBe('eco@example.org');
    expect(mail.subject).toMatch(/^Test des salles en échec : Conférence des présidents \(MLG-/);
    expect(mail.text).toMatch(/à 15 minutes du début/);
    expect(mail.text).toMatch(/\(Système SIP salle du conseil\) : OK/);
    expect(mail.text).toMatch(/\(Codec salle Tristan Corbière\) : en échec — l’autodiagnostic signale une erreur/);
    expect(mail.text).toMatch(/Un incident a été ouvert/);
  });

  it('shows both results on the reservation in the operators’ calendar, with the test call’s measures', async () => {
    const res = await api.gql<{ pointCalendar: { reservations: { id: string; preflight: { endpointName: string; round: string; outcome: string; cause: string | null; checks: Check[] }[] }[] } }>(
      CALENDAR,
      { p: meeting.pointId, from: new Date(meeting.start - 60 * MINUTE).toISOString(), to: new Date(meeting.end).toISOString() },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const reservation = res.data!.pointCalendar.reservations.find((r) => r.id === meeting.id)!;
    expect(reservation.preflight.map((p) => [p.endpointName, p.round, p.outcome, p.cause])).toEqual(
      expect.arrayContaining([
        ['Système SIP salle du conseil', 'second', 'ok', null],
        ['Codec salle Tristan Corbière', 'second', 'failed', 'diagnostics-error'],
      ]),
    );
    const sip = reservation.preflight.find((p) => p.endpointName === 'Système SIP salle du conseil')!;
    expect(sip.checks.find((c) => c.id === 'test-call')!.measures!.packetsIn).toBeGreaterThan(0);
  });

  it('at T-10 the meeting opens and endpoint-sip’s dial is the bridge calling baresip in: a participant with media', async () => {
    await clock.at(meeting.start - 10 * MINUTE);
    const gateway = api.app.get(SipGateway);
    const call = await waitFor('baresip called into the meeting', async () => gateway.activeCalls().find((c) => c.meetingId === meeting.id && c.answered), 20_000);
    const legs = await waitFor('RTP from baresip in the meeting', async () => {
      const stats = await api.app.get(MediaServer).sip.stats(call.callId);
      return stats.length > 0 && stats.every((leg) => leg.packets > 0) && stats;
    }, 10_000);
    console.log(`T-10 dial-out: ${legs.map((leg) => `${leg.kind} ${leg.codec} ${leg.packets} packets`).join(', ')}`);
    const attendance = await waitFor('the SIP participant in the attendance', async () => (await api.sql<{ name: string; role: string; channel: string }>(`SELECT name, role, channel FROM meeting_attendance WHERE reservation_id = $1`, [meeting.id]))[0], 10_000);
    expect(attendance).toEqual({ name: 'Salle du conseil (SIP)', role: 'room', channel: 'sip' });
    expect(await api.sql(`SELECT kind FROM incident WHERE reservation_id = $1 AND kind = 'endpoint.dial-in-failed'`, [meeting.id])).toEqual([]);
  }, 40_000);
});
