import { startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, eventually, mediaOf, meetingClock, meetingRoom, SignallingTestClient } from '../meeting-fixtures';

/**
 * SIGKILL of the mediasoup worker under a live meeting: the participants stay joined and are told
 * to reconnect (new router capabilities), the meeting serves them again, and the incident is
 * recorded (an incident for the meeting, resolved at once since it recovered, with its
 * incident.opened event, and a media.incident event naming the meeting).
 */
describe('a media worker killed during a meeting: the meeting recovers and the incident is recorded', () => {
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  const clients: SignallingTestClient[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    clock = meetingClock(api);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    clock.restore();
    await api.close();
  });

  it('tells both participants to reconnect, serves them again, and records the incident once', async () => {
    const meeting = await bookMeeting(api, await meetingRoom(api));
    await clock.at(meeting.start);
    for (const name of ['Salle de Lannion', 'Camille Martin']) {
      const { token } = await createJoinLink(api, meeting, name);
      const client = await SignallingTestClient.connect(api);
      clients.push(client);
      expect((await client.join(token)).ok).toBe(true);
      expect((await client.request('createTransport', { direction: 'send' })).ok).toBe(true);
    }
    const [pid] = mediaOf(api).workerPids();
    process.kill(pid, 'SIGKILL');

    for (const [client, other] of [[clients[0], 'Camille Martin'], [clients[1], 'Salle de Lannion']] as const) {
      const reconnect = await client.waitFor('reconnect', 15_000);
      expect(reconnect.data.peers.map((p) => p.name)).toEqual([other]);
      expect(reconnect.data.routerRtpCapabilities).toHaveProperty('codecs');
      expect((await client.request('createTransport', { direction: 'send' })).ok).toBe(true);
    }
    expect(mediaOf(api).workerPids()).not.toContain(pid);

    const [incident] = await eventually(async () => {
      const rows = await api.sql<{ kind: string; severity: string; cause: string; reservation_id: string; point_ids: string[]; data: unknown; resolved: boolean }>(
        `SELECT kind, severity, cause, reservation_id, point_ids, data, resolved_at IS NOT NULL AS resolved FROM incident`,
      );
      return rows.length ? rows : undefined;
    });
    expect(incident).toEqual({ kind: 'media.worker-died', severity: 'warning', cause: 'worker-died', reservation_id: meeting.id, point_ids: [meeting.pointId], data: { workerPid: pid }, resolved: true });
    const opened = await api.sql<{ payload: Record<string, unknown> }>(`SELECT payload FROM outbox WHERE event_type = 'incident.opened'`);
    expect(opened.map((e) => e.payload)).toEqual([expect.objectContaining({ kind: 'media.worker-died', reservationId: meeting.id, pointIds: [meeting.pointId], resolution: 'Meeting moved to a new media worker' })]);
    const events = await api.sql<{ payload: Record<string, unknown> }>(`SELECT payload FROM outbox WHERE event_type = 'media.incident'`);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ kind: 'worker-died', workerPid: pid, reservationIds: [meeting.id], recovered: true });
    // Nobody left: the attendance rows are still open.
    const open = await api.sql(`SELECT 1 FROM meeting_attendance WHERE reservation_id = $1 AND left_at IS NULL`, [meeting.id]);
    expect(open).toHaveLength(2);
  });
});
