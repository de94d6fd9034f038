import { startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, meetingClock, meetingRoom, MINUTE, SignallingTestClient } from '../meeting-fixtures';

/**
 * The extension `meetingEndingSoon` offers is accepted from inside the meeting by its host (a join
 * link with role HOST): `extend` moves the reservation's end by 30 minutes under the rules of
 * extendReservation, everyone gets `meetingUpdated`, and the history says it came from that link.
 * A guest is FORBIDDEN; when the room is booked right after, the answer is CONFLICT and nothing moves.
 */
describe('the host accepts the extension from the meeting; guests cannot; a taken room refuses it', () => {
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  const clients: SignallingTestClient[] = [];

  const connect = async (token: string) => {
    const client = await SignallingTestClient.connect(api);
    clients.push(client);
    const joined = await client.join(token);
    if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
    return Object.assign(client, { participantId: joined.data.participant.peerId });
  };
  const endOf = async (id: string) => (await api.sql<{ end_at: Date }>(`SELECT end_at FROM reservation WHERE id = $1`, [id]))[0].end_at.getTime();

  beforeAll(async () => {
    api = await startTestApi();
    clock = meetingClock(api);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    clock.restore();
    await api.close();
  });

  it('Wednesday 14:00–15:00, room free after: the guest is refused, the host extends to 15:30, both see the new end', async () => {
    const room = await meetingRoom(api);
    const meeting = await bookMeeting(api, room, { hour: 14, title: 'Point d’étape' });
    const host = await createJoinLink(api, meeting, 'Animatrice', 'HOST');
    const guest = await createJoinLink(api, meeting, 'Yann Le Goff');
    await clock.at(meeting.start);
    const [hostClient, guestClient] = [await connect(host.token), await connect(guest.token)];
    await clock.at(meeting.end - 5 * MINUTE);
    expect((await guestClient.waitFor('meetingEndingSoon')).data).toMatchObject({ extensionAvailable: true, extensionMinutes: 30 });

    expect(await guestClient.request('extend', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await endOf(meeting.id)).toBe(meeting.end);

    const newEnd = meeting.end + 30 * MINUTE;
    expect(await hostClient.request('extend', {})).toEqual({ id: expect.any(Number), ok: true, data: { endsAt: new Date(newEnd).toISOString() } });
    expect(await endOf(meeting.id)).toBe(newEnd);
    for (const client of [hostClient, guestClient]) {
      expect((await client.waitFor('meetingUpdated')).data).toMatchObject({ meetingId: meeting.id, endsAt: new Date(newEnd).toISOString() });
    }
    const [change] = await api.sql<{ kind: string; actor: string }>(`SELECT kind, actor FROM reservation_change WHERE reservation_id = $1 AND kind = 'EXTENDED'`, [meeting.id]);
    expect(change).toEqual({ kind: 'EXTENDED', actor: `join-link:${hostClient.participantId}` });
  });

  it('Wednesday a week later 10:00–11:00, the room booked from 11:30: the host’s extend is CONFLICT and the end stays 11:00', async () => {
    const room = await meetingRoom(api);
    const meeting = await bookMeeting(api, room, { hour: 10, title: 'Comité', weeksAhead: 2 });
    await bookMeeting(api, room, { hour: 11, minute: 30, title: 'Réunion suivante', weeksAhead: 2 });
    const host = await createJoinLink(api, meeting, 'Animatrice', 'HOST');
    await clock.at(meeting.start);
    const hostClient = await connect(host.token);
    await clock.at(meeting.end - 5 * MINUTE);
    expect((await hostClient.waitFor('meetingEndingSoon')).data).toMatchObject({ extensionAvailable: false });
    expect(await hostClient.request('extend', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await endOf(meeting.id)).toBe(meeting.end);
  });
});
