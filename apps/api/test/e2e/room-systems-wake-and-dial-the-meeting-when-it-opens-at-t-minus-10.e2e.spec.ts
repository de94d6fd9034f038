import { CiscoXapiSimulator } from '@maillage/adapters';
import { PreflightSettings } from '../../src/preflight/preflight-settings';
import { addCiscoEndpoint } from '../endpoint-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';

describe('when the meeting opens at T-10, its room systems leave standby and dial the meeting, once; one that fails opens an incident', () => {
  let api: TestApi;
  let ok: CiscoXapiSimulator;
  let busy: CiscoXapiSimulator;
  let clock: ReturnType<typeof meetingClock>;

  beforeAll(async () => {
    api = await startTestApi();
    [ok, busy] = await Promise.all([CiscoXapiSimulator.start({ password: 'pw-lannion' }), CiscoXapiSimulator.start({ password: 'pw-morlaix' })]);
    clock = meetingClock(api);
  });
  afterAll(async () => {
    clock?.restore();
    await api?.close();
    await Promise.all([ok?.close(), busy?.close()]);
  });

  it('dials sip:<reference>@meet.maillage.test from both rooms; the codec that refuses is an incident', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const lannion = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    const morlaix = await meetingRoom(api, 'morlaix-communaute-siege');
    const okId = await addCiscoEndpoint(api, admin, lannion.roomId, ok, 'pw-lannion', 'Codec Lannion');
    const busyId = await addCiscoEndpoint(api, admin, morlaix.roomId, busy, 'pw-morlaix', 'Codec Morlaix');
    api.app.get(PreflightSettings).dialInUriTemplate = 'sip:{reference}@meet.maillage.test';
    const meeting = await bookMeeting(api, lannion, { otherRooms: [morlaix], title: 'Bureau communautaire' });
    const [{ reference }] = await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [meeting.id]);
    // The Morlaix codec refuses to dial (e.g. its call licence is exhausted): "Maximum number of calls reached".
    busy.state.calls.push(...[1, 2, 3].map((id) => ({ id: 100 + id, Status: 'Connected' as const, RemoteNumber: 'other@example.org', Direction: 'Incoming' as const, CallType: 'Video' as const, Protocol: 'Sip' as const })));

    await clock.at(meeting.start - 11 * MINUTE);
    expect(ok.received.filter((r) => r.method === 'xCommand/Dial')).toEqual([]);
    await clock.at(meeting.start - 10 * MINUTE);
    const dials = await waitFor('the Lannion codec to dial', async () => {
      const found = ok.received.filter((r) => r.method === 'xCommand/Dial');
      return found.length ? found : undefined;
    }, 20_000);
    expect(dials.map((r) => r.params)).toEqual([{ Number: `${reference.toLowerCase()}@meet.maillage.test`, Protocol: 'Sip' }]);
    expect(ok.received.map((r) => r.method)).toContain('xCommand/Standby/Deactivate');
    const incident = await waitFor('the Morlaix incident', async () => (await api.sql<{ kind: string; cause: string; endpoint_id: string; detail: string }>(`SELECT kind, cause, endpoint_id, detail FROM incident WHERE reservation_id = $1`, [meeting.id]))[0], 20_000);
    expect(incident).toEqual({ kind: 'endpoint.dial-in-failed', cause: 'call-failed', endpoint_id: busyId, detail: expect.stringMatching(/^Codec Morlaix: .*Maximum number of calls reached/) });
    await waitFor('in-call', async () => ((await api.sql<{ live_state: string }>(`SELECT live_state FROM endpoint WHERE id = $1`, [okId]))[0]?.live_state === 'in-call' ? true : undefined), 20_000);

    // Another pass, and the same event delivered again (a replay): nobody dials twice.
    await clock.at(meeting.start - 9 * MINUTE);
    await api.sql(`UPDATE event_delivery SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE subscriber = 'room-systems:dial-in'`);
    await waitFor('the replayed delivery', async () => ((await api.sql<{ status: string }>(`SELECT status FROM event_delivery WHERE subscriber = 'room-systems:dial-in'`))[0]?.status === 'done' ? true : undefined), 20_000);
    expect(ok.received.filter((r) => r.method === 'xCommand/Dial')).toHaveLength(1);
    expect(await api.sql(`SELECT 1 FROM incident WHERE reservation_id = $1`, [meeting.id])).toHaveLength(1);
  });
});
