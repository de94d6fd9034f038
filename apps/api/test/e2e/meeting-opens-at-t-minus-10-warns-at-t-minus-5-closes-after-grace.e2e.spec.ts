import { startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, createJoinLink, eventually, type JoinLinkData, mediaOf, meetingClock, meetingRoom, MINUTE, SignallingTestClient } from '../meeting-fixtures';

const GRACE = 5;
const BY_TOKEN = `query($t: String!) { meetingByToken(token: $t) { meetingId title status opensAt startsAt endsAt closesAt participantName participantRole } }`;

describe('a confirmed reservation’s meeting opens at T-10, warns at T-5 (extension offered only when the room is free after), closes at end + grace, and a cancellation closes it', () => {
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  /** Wednesday 10:00–11:00; the same room is booked 11:30–12:30: no extension. */
  let morning: BookedMeeting;
  let morningLink: JoinLinkData;
  /** Wednesday 14:00–15:00, nothing after: the extension is offered. */
  let afternoon: BookedMeeting;
  let afternoonLink: JoinLinkData;
  const clients: SignallingTestClient[] = [];

  const outbox = (id: string, name: string) =>
    api.sql<{ payload: Record<string, unknown>; idempotency_key: string }>(`SELECT payload, idempotency_key FROM outbox WHERE aggregate_id = $1 AND event_type = $2 ORDER BY id`, [id, name]);
  const meetingRow = async (id: string) => (await api.sql<{ status: string; close_reason: string | null; adapter_id: string }>(`SELECT status, close_reason, adapter_id FROM meeting WHERE reservation_id = $1`, [id]))[0];
  const page = async (token: string) => (await api.gql<{ meetingByToken: Record<string, string> }>(BY_TOKEN, { t: token })).data?.meetingByToken;
  const connect = async () => {
    const client = await SignallingTestClient.connect(api);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const room = await meetingRoom(api);
    morning = await bookMeeting(api, room, { hour: 10, title: 'Comité de pilotage' });
    await bookMeeting(api, room, { hour: 11, minute: 30, title: 'Réunion suivante' });
    afternoon = await bookMeeting(api, room, { hour: 14, title: 'Point d’étape' });
    morningLink = await createJoinLink(api, morning, 'Camille Martin');
    afternoonLink = await createJoinLink(api, afternoon, 'Dominique Le Goff');
    clock = meetingClock(api);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    clock.restore();
    await api.close();
  });

  it('is SCHEDULED at T-11: no bridge, and a join is refused NOT_OPEN and the socket closed', async () => {
    expect(morningLink.url).toBe(`/rejoindre/${morningLink.token}`);
    expect(new Date(morningLink.validFrom).getTime()).toBe(morning.start - 10 * MINUTE);
    expect(new Date(morningLink.validUntil).getTime()).toBe(morning.end + GRACE * MINUTE);
    await clock.at(morning.start - 11 * MINUTE);
    const before = await page(morningLink.token);
    expect(before).toMatchObject({ meetingId: morning.id, title: 'Comité de pilotage', status: 'SCHEDULED', participantName: 'Camille Martin', participantRole: 'GUEST' });
    expect(new Date(before!.opensAt).getTime()).toBe(morning.start - 10 * MINUTE);
    expect(new Date(before!.closesAt).getTime()).toBe(morning.end + GRACE * MINUTE);
    expect(await meetingRow(morning.id)).toBeUndefined();
    expect(mediaOf(api).bridge(morning.id)).toBeUndefined();

    const early = await connect();
    expect(await early.join(morningLink.token)).toMatchObject({ ok: false, error: { code: 'NOT_OPEN' } });
    expect((await early.closed).code).toBe(4001);
  });

  it('opens at T-10 on the built-in bridge (meeting.opened once) and lets the link in', async () => {
    await clock.at(morning.start - 10 * MINUTE);
    await clock.at(morning.start - 9 * MINUTE); // a second pass changes nothing
    expect(await meetingRow(morning.id)).toMatchObject({ status: 'OPEN', adapter_id: 'mediasoup' });
    const opened = await outbox(morning.id, 'meeting.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0].payload).toMatchObject({ reservationId: morning.id, adapterId: 'mediasoup', bridgeId: morning.id, pointIds: [morning.pointId] });
    expect(mediaOf(api).bridge(morning.id)).toBeDefined();
    expect((await page(morningLink.token))?.status).toBe('OPEN');

    const room = await connect();
    const joined = await room.join((await createJoinLink(api, morning, 'Salle de Lannion', 'ROOM')).token);
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    expect(joined.data.participant).toMatchObject({ name: 'Salle de Lannion', role: 'room' });
    expect(joined.data.meeting).toEqual({
      meetingId: morning.id,
      title: 'Comité de pilotage',
      startsAt: new Date(morning.start).toISOString(),
      endsAt: new Date(morning.end).toISOString(),
      closesAt: new Date(morning.end + GRACE * MINUTE).toISOString(),
    });
    expect(joined.data.routerRtpCapabilities).toHaveProperty('codecs');
    expect(joined.data.peers).toEqual([]);

    const guest = await connect();
    const second = await guest.join(morningLink.token);
    expect(second.ok && second.data.peers.map((p) => p.name)).toEqual(['Salle de Lannion']);
    expect((await room.waitFor('peerJoined')).data).toMatchObject({ name: 'Camille Martin', role: 'guest' });
  });

  it('warns at T-5 without an extension: the room is booked right after', async () => {
    const room = clients[1];
    await clock.at(morning.end - 5 * MINUTE);
    expect((await room.waitFor('meetingEndingSoon')).data).toEqual({ endsAt: new Date(morning.end).toISOString(), extensionAvailable: false, extensionMinutes: 30 });
    await clock.at(morning.end - 4 * MINUTE);
    const events = await outbox(morning.id, 'meeting.ending-soon');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ extensionAvailable: false, extensionMinutes: 30 });
  });

  it('stays open during the grace period and closes at end + grace: participants told `ended`, disconnected, attendance closed; the link then ENDED', async () => {
    const [, room, guest] = clients;
    await clock.at(morning.end + (GRACE - 1) * MINUTE);
    expect(await meetingRow(morning.id)).toMatchObject({ status: 'OPEN' });
    await clock.at(morning.end + GRACE * MINUTE);
    for (const client of [room, guest]) {
      expect((await client.waitFor('meetingClosed')).data).toEqual({ reason: 'ended' });
      expect((await client.closed).code).toBe(4004);
    }
    expect(await meetingRow(morning.id)).toMatchObject({ status: 'CLOSED', close_reason: 'ended' });
    expect(mediaOf(api).bridge(morning.id)).toBeUndefined();
    expect((await outbox(morning.id, 'meeting.closed'))[0].payload).toMatchObject({ reason: 'ended' });
    const attendance = await eventually(async () => {
      const rows = await api.sql<{ name: string; role: string; left_reason: string | null }>(`SELECT name, role, left_reason FROM meeting_attendance WHERE reservation_id = $1 ORDER BY id`, [morning.id]);
      return rows.length === 2 && rows.every((r) => r.left_reason) ? rows : undefined;
    });
    expect(attendance).toEqual([
      { name: 'Salle de Lannion', role: 'room', left_reason: 'meeting-closed' },
      { name: 'Camille Martin', role: 'guest', left_reason: 'meeting-closed' },
    ]);
    expect((await page(morningLink.token))?.status).toBe('CLOSED');
    const late = await connect();
    expect(await late.join(morningLink.token)).toMatchObject({ ok: false, error: { code: 'ENDED' } });
  });

  it('warns at T-5 with an extension when the room is free after; extending moves the end (meetingUpdated, a new warning)', async () => {
    await clock.at(afternoon.start - 10 * MINUTE);
    const client = await connect();
    expect((await client.join(afternoonLink.token)).ok).toBe(true);
    await clock.at(afternoon.end - 5 * MINUTE);
    expect((await client.waitFor('meetingEndingSoon')).data).toEqual({ endsAt: new Date(afternoon.end).toISOString(), extensionAvailable: true, extensionMinutes: 30 });

    const newEnd = afternoon.end + 30 * MINUTE;
    const extended = await api.gql(`mutation($id: ID!, $end: DateTime!, $t: String) { extendReservation(id: $id, end: $end, accessToken: $t) { end } }`, {
      id: afternoon.id,
      end: new Date(newEnd).toISOString(),
      t: afternoon.accessToken,
    });
    expect(extended.errors).toBeUndefined();
    const updated = await client.waitFor('meetingUpdated');
    expect(updated.data).toMatchObject({ meetingId: afternoon.id, endsAt: new Date(newEnd).toISOString(), closesAt: new Date(newEnd + GRACE * MINUTE).toISOString() });
    // Past the old end + grace: still open, and the old link still lets people in (until the new close).
    await clock.at(afternoon.end + (GRACE + 1) * MINUTE);
    expect(await meetingRow(afternoon.id)).toMatchObject({ status: 'OPEN' });
    const latecomer = await connect();
    expect((await latecomer.join(afternoonLink.token)).ok).toBe(true); // same participant: replaces the first socket
    expect((await client.closed).code).toBe(4003);
    await clock.at(newEnd - 5 * MINUTE);
    expect((await outbox(afternoon.id, 'meeting.ending-soon')).map((e) => e.idempotency_key)).toEqual([
      `meeting.ending-soon:${afternoon.id}:${new Date(afternoon.end).toISOString()}`,
      `meeting.ending-soon:${afternoon.id}:${new Date(newEnd).toISOString()}`,
    ]);
  });

  it('closes at once when the reservation is cancelled: participants told `cancelled`; no more links', async () => {
    const latecomer = clients[clients.length - 1];
    const res = await api.gql(`mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "Annulée", accessToken: $t) { status } }`, { id: afternoon.id, t: afternoon.accessToken });
    expect(res.errors).toBeUndefined();
    expect((await latecomer.waitFor('meetingClosed')).data).toEqual({ reason: 'cancelled' });
    expect((await latecomer.closed).code).toBe(4004);
    expect(await meetingRow(afternoon.id)).toMatchObject({ status: 'CLOSED', close_reason: 'cancelled' });
    expect((await page(afternoonLink.token))?.status).toBe('CANCELLED');
    const refused = await api.gql(`mutation($r: ID!, $t: String) { createJoinLink(reservationId: $r, name: "Trop tard", accessToken: $t) { token } }`, { r: afternoon.id, t: afternoon.accessToken });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    const attendance = await eventually(async () => {
      const rows = await api.sql<{ left_reason: string | null }>(`SELECT left_reason FROM meeting_attendance WHERE reservation_id = $1 ORDER BY id`, [afternoon.id]);
      return rows.length === 2 && rows.every((r) => r.left_reason) ? rows.map((r) => r.left_reason) : undefined;
    });
    expect(attendance).toEqual(['replaced', 'meeting-closed']);
  });
});
