import { CiscoXapiSimulator } from '@maillage/adapters';
import { PreflightScheduler } from '../../src/preflight/preflight-scheduler';
import { PreflightSettings } from '../../src/preflight/preflight-settings';
import { addCiscoEndpoint, startInbox } from '../endpoint-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';

const CALENDAR = `query($p: ID!, $from: DateTime!, $to: DateTime!) { pointCalendar(pointId: $p, from: $from, to: $to) {
  reservations { id preflight { endpointName roomName round outcome cause detail checks { id outcome } } } } }`;

/**
 * A two-point meeting (Lannion and Morlaix), each room with a Cisco codec (two simulators): the one
 * in Morlaix is switched off. Nobody asks: the pre-call test runs at T-30 and again at T-15 (clock
 * injected), marks Lannion ok and Morlaix failed (offline), opens one incident, writes the host twice.
 */
describe('the pre-call test runs by itself at T-30 and T-15: one room ok, one offline → incident, e-mail, calendar', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let lannion: CiscoXapiSimulator;
  let morlaix: CiscoXapiSimulator;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  let clock: ReturnType<typeof meetingClock>;
  let meeting: BookedMeeting;
  let scheduler: PreflightScheduler;
  let endpoints: { lannion: string; morlaix: string };
  let morlaixPointId: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    [lannion, morlaix, inbox] = await Promise.all([CiscoXapiSimulator.start({ password: 'lannion-pw' }), CiscoXapiSimulator.start({ password: 'morlaix-pw' }), startInbox()]);
    const lannionRoom = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    const morlaixRoom = await meetingRoom(api, 'morlaix-communaute-siege');
    morlaixPointId = morlaixRoom.pointId;
    endpoints = {
      lannion: await addCiscoEndpoint(api, admin, lannionRoom.roomId, lannion, 'lannion-pw', 'Codec salle du conseil'),
      morlaix: await addCiscoEndpoint(api, admin, morlaixRoom.roomId, morlaix, 'morlaix-pw', 'Codec salle Tristan Corbière'),
    };
    await inbox.bind(api, admin, lannionRoom.pointId);
    meeting = await bookMeeting(api, lannionRoom, { otherRooms: [morlaixRoom], title: 'Conférence des présidents' });
    api.app.get(PreflightSettings).testUri = 'sip:test@meet.maillage.test';
    scheduler = api.app.get(PreflightScheduler);
    clock = meetingClock(api);
    await morlaix.goOffline();
  });
  afterAll(async () => {
    clock?.restore();
    await api?.close();
    await Promise.all([lannion?.close(), morlaix?.close(), inbox?.close()]);
  });

  const runs = () => api.sql<{ round: string; outcome: string | null }>(`SELECT round, outcome FROM preflight_run WHERE reservation_id = $1 ORDER BY claimed_at`, [meeting.id]);
  const results = () => api.sql<{ endpoint_id: string; round: string; outcome: string; cause: string | null }>(`SELECT endpoint_id, round, outcome, cause FROM preflight_result WHERE reservation_id = $1 ORDER BY finished_at, endpoint_id`, [meeting.id]);
  const incidents = () => api.sql<{ kind: string; severity: string; source: string; cause: string; endpoint_id: string; point_ids: string[]; detail: string }>(`SELECT kind, severity, source, cause, endpoint_id, point_ids, detail FROM incident WHERE reservation_id = $1`, [meeting.id]);
  const events = () => api.sql<{ idempotency_key: string; payload: { round: string; outcome: string; notifyHost: boolean; results: { endpointId: string; outcome: string; cause: string | null }[] } }>(`SELECT idempotency_key, payload FROM outbox WHERE event_type = 'meeting.preflight' AND aggregate_id = $1 ORDER BY id`, [meeting.id]);
  const at = async (ms: number) => {
    await clock.at(ms);
    return scheduler.tick();
  };

  it('does nothing at T-31', async () => {
    expect(await at(meeting.start - 31 * MINUTE)).toBe(0);
    expect(await runs()).toEqual([]);
  });

  it('at T-30, two instances’ passes at once run the first round once: Lannion ok, Morlaix failed (offline), one incident', async () => {
    const ran = await Promise.all([at(meeting.start - 30 * MINUTE), scheduler.tick()]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(await runs()).toEqual([{ round: 'first', outcome: 'failed' }]);
    const byEndpoint = Object.fromEntries((await results()).map((r) => [r.endpoint_id, r]));
    expect(byEndpoint[endpoints.lannion]).toMatchObject({ round: 'first', outcome: 'ok', cause: null });
    expect(byEndpoint[endpoints.morlaix]).toMatchObject({ round: 'first', outcome: 'failed', cause: 'offline' });
    expect(await incidents()).toEqual([
      { kind: 'endpoint.preflight-failed', severity: 'failure', source: 'room-cisco-xapi', cause: 'offline', endpoint_id: endpoints.morlaix, point_ids: [meeting.pointId, morlaixPointId].sort(), detail: expect.stringMatching(/^Codec salle Tristan Corbière .*cannot reach the codec/) },
    ]);
    expect(lannion.received.filter((r) => r.method === 'xCommand/Dial')).toHaveLength(1); // the test call
    expect(lannion.state.calls).toEqual([]);
    expect(await at(meeting.start - 25 * MINUTE)).toBe(0); // nothing more before T-15
  });

  it('at T-15 the second round runs once, the incident is not opened twice', async () => {
    expect(await at(meeting.start - 15 * MINUTE)).toBe(1);
    expect(await at(meeting.start - 14 * MINUTE)).toBe(0);
    expect((await runs()).map((r) => [r.round, r.outcome])).toEqual([
      ['first', 'failed'],
      ['second', 'failed'],
    ]);
    expect(await results()).toHaveLength(4);
    expect(await incidents()).toHaveLength(1);
    const sent = await events();
    expect(sent.map((e) => [e.idempotency_key, e.payload.round, e.payload.outcome, e.payload.notifyHost])).toEqual([
      [`meeting.preflight:${meeting.id}:first`, 'first', 'failed', true],
      [`meeting.preflight:${meeting.id}:second`, 'second', 'failed', true],
    ]);
    expect(sent[1].payload.results.map((r) => [r.endpointId, r.outcome, r.cause])).toEqual(
      expect.arrayContaining([
        [endpoints.lannion, 'ok', null],
        [endpoints.morlaix, 'failed', 'offline'],
      ]),
    );
  });

  it('writes the host by e-mail after each round, in French, naming the room that fails', async () => {
    const preflight = () => inbox.mails.filter((m) => m.subject.startsWith('Test des salles'));
    const mails = await waitFor('two pre-call e-mails', async () => (preflight().length >= 2 ? preflight() : undefined), 20_000);
    expect(mails).toHaveLength(2);
    expect(inbox.mails.map((m) => m.subject.split(' :')[0]).sort()).toEqual(['Confirmez votre réservation (MLG-0000001)', 'Réservation confirmée', 'Test des salles en échec', 'Test des salles en échec']);
    for (const mail of mails) {
      expect(mail.to).toBe('eco@example.org');
      expect(mail.subject).toMatch(/^Test des salles en échec : Conférence des présidents \(MLG-/);
      expect(mail.text).toMatch(/- .* \(Codec salle du conseil\) : OK/);
      expect(mail.text).toMatch(/- .* \(Codec salle Tristan Corbière\) : en échec — le système de salle ne répond pas/);
      expect(mail.text).toMatch(/Un incident a été ouvert/);
    }
    expect(mails[0].text).toMatch(/à 30 minutes du début/);
    expect(mails[1].text).toMatch(/à 15 minutes du début/);
  });

  it('shows both results on the reservation in the operators’ calendar', async () => {
    const res = await api.gql<{ pointCalendar: { reservations: { id: string; preflight: { endpointName: string; round: string; outcome: string; cause: string | null; checks: { id: string; outcome: string }[] }[] }[] } }>(
      CALENDAR,
      { p: meeting.pointId, from: new Date(meeting.start - 60 * MINUTE).toISOString(), to: new Date(meeting.end).toISOString() },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const reservation = res.data!.pointCalendar.reservations.find((r) => r.id === meeting.id)!;
    expect(reservation.preflight.map((p) => [p.endpointName, p.round, p.outcome, p.cause])).toEqual([
      ['Codec salle du conseil', 'second', 'ok', null],
      ['Codec salle Tristan Corbière', 'second', 'failed', 'offline'],
    ]);
    expect(reservation.preflight[0].checks.map((c) => c.id)).toEqual(['reachable', 'wake', 'self-test', 'camera', 'microphone', 'peripherals', 'test-call']);
  });

  it('takes over a round whose instance died once its lease expired, and tests neither a cancelled reservation nor one without room systems', async () => {
    const room = { roomId: (await api.sql<{ room_id: string }>(`SELECT room_id FROM endpoint WHERE id = $1`, [endpoints.lannion]))[0].room_id, pointId: meeting.pointId };
    const later = await bookMeeting(api, room, { weeksAhead: 2, title: 'Commission mobilités' });
    const cancelled = await bookMeeting(api, room, { weeksAhead: 2, hour: 14, title: 'Réunion annulée' });
    await api.sql(`UPDATE reservation SET status = 'CANCELLED' WHERE id = $1`, [cancelled.id]);
    const bare = await bookMeeting(api, await meetingRoom(api, 'saint-brieuc-agglomeration-siege'), { weeksAhead: 2, title: 'Sans système de salle' });
    // Another instance claimed the first round of `later`, then died: its lease is still running.
    await api.sql(`INSERT INTO preflight_run (reservation_id, round, lease_until) VALUES ($1, 'first', now() + interval '1 minute')`, [later.id]);
    expect(await at(later.start - 30 * MINUTE)).toBe(0);
    await api.sql(`UPDATE preflight_run SET lease_until = now() - interval '1 second' WHERE reservation_id = $1`, [later.id]);
    expect(await at(later.start - 29 * MINUTE)).toBe(1);
    expect(await api.sql(`SELECT round, outcome FROM preflight_run WHERE reservation_id = $1`, [later.id])).toEqual([{ round: 'first', outcome: 'ok' }]); // Lannion only: its codec is fine
    for (const id of [cancelled.id, bare.id]) expect(await api.sql(`SELECT 1 FROM preflight_run WHERE reservation_id = $1`, [id])).toEqual([]);
    await at(cancelled.start - 30 * MINUTE);
    await at(bare.start - 30 * MINUTE);
    for (const id of [cancelled.id, bare.id]) expect(await api.sql(`SELECT 1 FROM preflight_run WHERE reservation_id = $1`, [id])).toEqual([]);
  });
});
