import { startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, eventually, meetingClock, meetingRoom, SignallingTestClient } from '../meeting-fixtures';

interface AttendanceRow {
  participant_id: string;
  name: string;
  role: string;
  joined_at: Date;
  left_at: Date | null;
  left_reason: string | null;
}

/**
 * Who joined and left when (the evaluation issue reads it): one meeting_attendance row per join,
 * closed by `leave` (left), a dropped socket (disconnected) or a second join with the same link
 * (replaced); the others are told `peerLeft`; events follow in the outbox.
 */
describe('attendance records every join, leave, disconnection and replacement', () => {
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

  it('left, disconnected, replaced: one row each, with times, and peerLeft for the others', async () => {
    const meeting = await bookMeeting(api, await meetingRoom(api));
    await clock.at(meeting.start);
    const join = async (token: string) => {
      const client = await SignallingTestClient.connect(api);
      clients.push(client);
      const reply = await client.join(token);
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return { client, peerId: reply.data.participant.peerId };
    };
    const host = await join((await createJoinLink(api, meeting, 'Animatrice', 'HOST')).token);
    const leaver = await join((await createJoinLink(api, meeting, 'Part tôt')).token);
    const dropped = await join((await createJoinLink(api, meeting, 'Réseau coupé')).token);
    const twiceLink = await createJoinLink(api, meeting, 'Deux onglets');
    const first = await join(twiceLink.token);

    expect(await leaver.client.request('leave', {})).toMatchObject({ ok: true });
    expect((await leaver.client.closed).code).toBe(1000);
    dropped.client.ws.terminate();
    // The server sees the cut connection before the second tab joins: the rows and events keep that order.
    await eventually(async () => ((await api.sql(`SELECT 1 FROM meeting_attendance WHERE reservation_id = $1 AND left_reason = 'disconnected'`, [meeting.id])).length === 1 ? true : undefined));
    const second = await join(twiceLink.token);
    expect(second.peerId).toBe(first.peerId);
    expect((await first.client.closed).code).toBe(4003);

    const rows = await eventually(async () => {
      const all = await api.sql<AttendanceRow>(`SELECT participant_id, name, role, joined_at, left_at, left_reason FROM meeting_attendance WHERE reservation_id = $1 ORDER BY id`, [meeting.id]);
      return all.filter((r) => r.left_reason).length === 3 ? all : undefined;
    });
    expect(rows.map((r) => [r.name, r.role, r.left_reason])).toEqual([
      ['Animatrice', 'host', null],
      ['Part tôt', 'guest', 'left'],
      ['Réseau coupé', 'guest', 'disconnected'],
      ['Deux onglets', 'guest', 'replaced'],
      ['Deux onglets', 'guest', null],
    ]);
    for (const r of rows.filter((x) => x.left_at)) expect(r.left_at!.getTime()).toBeGreaterThanOrEqual(r.joined_at.getTime());
    expect(rows[3].participant_id).toBe(rows[4].participant_id);

    // The host saw the two who left go, not the one who joined again.
    await eventually(async () => host.client.notifications.filter((n) => n.notification === 'peerLeft').length >= 2);
    const gone = host.client.notifications.filter((n) => n.notification === 'peerLeft').map((n) => (n.data as { peerId: string }).peerId);
    expect(gone.sort()).toEqual([leaver.peerId, dropped.peerId].sort());

    const events = await eventually(async () => {
      const all = await api.sql<{ event_type: string; payload: { name: string; reason?: string } }>(
        `SELECT event_type, payload FROM outbox WHERE aggregate_id = $1 AND event_type LIKE 'meeting.participant-%' ORDER BY id`,
        [meeting.id],
      );
      return all.length === 8 ? all : undefined;
    });
    expect(events.filter((e) => e.event_type === 'meeting.participant-left').map((e) => [e.payload.name, e.payload.reason])).toEqual([
      ['Part tôt', 'left'],
      ['Réseau coupé', 'disconnected'],
      ['Deux onglets', 'replaced'],
    ]);
  });
});
