import { join } from 'node:path';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, eventually, mediaOf, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';
import { VENDOR_CALLS } from '../fixtures/test-conferencing';

const BIND = `mutation($p: ID!, $a: String!, $c: JSON!) { bindAdapter(pointId: $p, adapterId: $a, config: $c) { id health { status } } }`;

/**
 * A meeting is opened through the conferencing adapter of its reservation's first point: the
 * built-in "mediasoup" one by default (also when bound explicitly, then with its configuration),
 * or a vendor's, which then receives open, join link and close instead of the built-in bridge.
 */
describe('a meeting runs on the conferencing adapter bound to its first point', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let clock: ReturnType<typeof meetingClock>;

  beforeAll(async () => {
    process.env.MAILLAGE_EXTRA_ADAPTERS = join(__dirname, '..', 'fixtures', 'test-conferencing.ts');
    api = await startTestApi();
    delete process.env.MAILLAGE_EXTRA_ADAPTERS;
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    clock = meetingClock(api);
  });
  afterAll(async () => {
    clock.restore();
    await api.close();
  });

  it('a vendor binding: opened, linked and closed by the vendor adapter; no built-in bridge', async () => {
    const room = await meetingRoom(api, 'morlaix-communaute-siege');
    const bound = await api.gql<{ bindAdapter: { health: { status: string } } }>(BIND, { p: room.pointId, a: 'test-vendor-bridge', c: { region: 'bzh' } }, admin);
    expect(bound.data?.bindAdapter.health.status).toBe('up');
    const meeting = await bookMeeting(api, room);
    await clock.at(meeting.start - 10 * MINUTE);
    const bridgeId = `bzh-${meeting.id.slice(0, 8)}`;
    const [row] = await api.sql<{ adapter_id: string; bridge_id: string }>(`SELECT adapter_id, bridge_id FROM meeting WHERE reservation_id = $1`, [meeting.id]);
    expect(row).toEqual({ adapter_id: 'test-vendor-bridge', bridge_id: bridgeId });
    expect(mediaOf(api).bridge(meeting.id)).toBeUndefined();

    const link = await createJoinLink(api, meeting, 'Salle de Morlaix', 'ROOM', admin);
    expect(link).toMatchObject({ url: `https://visio.vendor.example/${bridgeId}?name=Salle%20de%20Morlaix`, token: null });
    const closed = await api.gql(`mutation($r: ID!) { closeMeeting(reservationId: $r) { status } }`, { r: meeting.id }, admin);
    expect(closed.errors).toBeUndefined();
    // The host offers its built-in bridges to every adapter; a vendor's ignores them.
    expect(VENDOR_CALLS).toEqual([`open ${meeting.id} (bridges offered: yes)`, `link ${bridgeId} Salle de Morlaix`, `close ${bridgeId} closed-by-operator`]);
  });

  it('the built-in adapter bound explicitly: the bridge is mediasoup’s, links are absolute on its public address', async () => {
    const room = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    const bound = await api.gql<{ bindAdapter: { health: { status: string } } }>(BIND, { p: room.pointId, a: 'mediasoup', c: { joinBaseUrl: 'https://visio.maillage.example' } }, admin);
    expect(bound.data?.bindAdapter.health.status).toBe('up');
    const meeting = await bookMeeting(api, room, { hour: 15 });
    const link = await createJoinLink(api, meeting, 'Camille Martin');
    expect(link.url).toBe(`https://visio.maillage.example/rejoindre/${link.token}`);
    await clock.at(meeting.start - 10 * MINUTE);
    await eventually(async () => mediaOf(api).bridge(meeting.id));
    const [row] = await api.sql<{ adapter_id: string; binding_id: string | null }>(`SELECT adapter_id, binding_id FROM meeting WHERE reservation_id = $1`, [meeting.id]);
    expect(row.adapter_id).toBe('mediasoup');
    expect(row.binding_id).not.toBeNull();
  });
});
