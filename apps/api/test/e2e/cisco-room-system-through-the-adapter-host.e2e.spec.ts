import { CiscoXapiSimulator } from '@maillage/adapters';
import { EndpointDriverError } from '@maillage/core';
import { AdapterHost } from '../../src/adapters/adapter-host';
import { PreflightSettings } from '../../src/preflight/preflight-settings';
import { roomOf } from '../booking-fixtures';
import { expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { addCiscoEndpoint, ADD_ENDPOINT, ENDPOINT_FIELDS, TEST_NOW } from '../endpoint-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, meetingRoom } from '../meeting-fixtures';
import { createUserAndLogin, organisationOfPoint } from '../reservation-scenario-helpers';

const PASSWORD = 'Codec-Lannion-2026';
const ENDPOINTS = `query($id: ID!) { point(id: $id) { rooms { endpoints { ${ENDPOINT_FIELDS} } } } }`;

describe('a Cisco room system bound to a room, driven through the adapter host over a real WebSocket (jsxapi ↔ the Cisco xAPI simulator)', () => {
  let api: TestApi;
  let sim: CiscoXapiSimulator;
  let admin: Record<string, string>;
  let roomId: string;
  let pointId: string;
  let endpointId: string;

  beforeAll(async () => {
    api = await startTestApi();
    sim = await CiscoXapiSimulator.start({ password: PASSWORD });
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    ({ roomId, pointId } = await roomOf(api, 'lannion-tregor-communaute-siege'));
    endpointId = await addCiscoEndpoint(api, admin, roomId, sim, PASSWORD);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.close();
  });

  const endpoint = async (id = endpointId) => {
    const res = await api.gql<{ point: { rooms: { endpoints: { id: string; liveStatus: { state: string } | null } & Record<string, unknown>[] }[] } }>(ENDPOINTS, { id: pointId }, admin);
    return res.data!.point.rooms.flatMap((r) => r.endpoints as unknown as ({ id: string; liveStatus: Record<string, unknown> | null } & Record<string, unknown>)[]).find((e) => e.id === id)!;
  };
  const states = () => api.sql<{ state: string; previous: string | null }>(`SELECT payload->>'state' AS state, payload->>'previousState' AS previous FROM outbox WHERE event_type = 'endpoint.status-changed' AND aggregate_id = $1 ORDER BY id`, [endpointId]);

  it('shows the driver and the live status pushed by the codec’s feedback (standby)', async () => {
    const e = await waitFor('the first status', async () => {
      const found = await endpoint();
      return found.liveStatus ? found : undefined;
    }, 10_000);
    expect(e).toMatchObject({ adapterId: 'room-cisco-xapi', driver: { id: 'room-cisco-xapi', displayName: 'Cisco RoomOS (xAPI)' }, liveStatus: { state: 'standby', cameraOn: true, microphoneMuted: false, vendorState: 'Standby' } });
    expect(e.liveStatus!.peripherals).toEqual([{ name: 'Cisco Room Navigator', type: 'touchpanel', connected: true }]);
    expect(await states()).toEqual([{ state: 'standby', previous: null }]);
  });

  it('refuses a driver configuration its schema rejects, or an unknown driver, with the field, writing nothing', async () => {
    await expectDatabaseUnchanged(api, async () => {
      const bad = await api.gql(ADD_ENDPOINT, { roomId, input: { name: 'Codec', kind: 'ROOM_SYSTEM', protocol: 'SIP', adapterId: 'room-cisco-xapi', adapterConfig: { host: '127.0.0.1', port: 70000 } } }, admin);
      expectError(bad, 'BAD_USER_INPUT', { field: ['input', 'adapterConfig', 'port'] });
      const secretInConfig = await api.gql(ADD_ENDPOINT, { roomId, input: { name: 'Codec', kind: 'ROOM_SYSTEM', protocol: 'SIP', adapterId: 'room-cisco-xapi', adapterConfig: { host: '127.0.0.1', password: 'x' } } }, admin);
      expectError(secretInConfig, 'BAD_USER_INPUT', { field: ['input', 'adapterConfig', 'password'] });
      const notADriver = await api.gql(ADD_ENDPOINT, { roomId, input: { name: 'Codec', kind: 'ROOM_SYSTEM', protocol: 'SIP', adapterId: 'notification-smtp', adapterConfig: {} } }, admin);
      expectError(notADriver, 'BAD_USER_INPUT', { field: ['input', 'adapterId'] });
    });
  });

  it('wakes the codec, dials the meeting address of a seeded reservation, follows the call by status events, hangs up', async () => {
    const meeting = await bookMeeting(api, await meetingRoom(api), { title: 'Comité des maires' });
    const [{ reference }] = await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [meeting.id]);
    const address = `sip:${reference.toLowerCase()}@meet.maillage.test`;
    const driver = (await api.app.get(AdapterHost).endpoint(endpointId))!.instance;
    await driver.wake();
    expect(sim.state.standby).toBe('Off');
    await driver.dial(address);
    await waitFor('in-call', async () => ((await endpoint()).liveStatus?.state === 'in-call' ? true : undefined), 10_000);
    expect((await endpoint()).liveStatus).toMatchObject({ state: 'in-call', callRemote: `${reference.toLowerCase()}@meet.maillage.test`, vendorState: 'Connected' });
    await driver.hangUp();
    await waitFor('idle', async () => ((await endpoint()).liveStatus?.state === 'idle' ? true : undefined), 10_000);
    const seen = (await states()).map((s) => s.state);
    expect(seen[0]).toBe('standby');
    expect(seen).toEqual(expect.arrayContaining(['idle', 'in-call']));
    expect(seen.at(-1)).toBe('idle');
    expect(sim.received.filter((r) => r.method === 'xCommand/Dial').map((r) => r.params)).toEqual([{ Number: `${reference.toLowerCase()}@meet.maillage.test`, Protocol: 'Sip' }]);
  });

  it('“test now” runs every step against the codec and records it as the last test', async () => {
    api.app.get(PreflightSettings).testUri = 'sip:test@meet.maillage.test';
    const res = await api.gql<{ testEndpointNow: { round: string; outcome: string; cause: string | null; checks: { id: string; outcome: string; measures: Record<string, number> | null }[] } }>(TEST_NOW, { id: endpointId }, admin);
    expect(res.errors).toBeUndefined();
    const result = res.data!.testEndpointNow;
    expect(result).toMatchObject({ round: 'manual', outcome: 'ok', cause: null });
    expect(result.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['reachable', 'ok'],
      ['wake', 'ok'],
      ['self-test', 'ok'],
      ['camera', 'ok'],
      ['microphone', 'ok'],
      ['peripherals', 'ok'],
      ['test-call', 'ok'],
    ]);
    expect(result.checks.find((c) => c.id === 'test-call')!.measures!.connectMs).toBeGreaterThan(0);
    expect((await endpoint()).lastTest).toMatchObject({ round: 'manual', outcome: 'ok' });
    expect(sim.state.calls).toEqual([]); // the test call was hung up
  });

  it('a wrong password is a typed error from the driver, and a failed test with cause auth-failed', async () => {
    const wrong = await addCiscoEndpoint(api, admin, roomId, sim, 'not-the-password', 'Codec mal configuré');
    const driver = (await api.app.get(AdapterHost).endpoint(wrong))!.instance;
    const error = await driver.wake().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointDriverError);
    expect((error as EndpointDriverError).failure).toBe('auth-failed');
    const res = await api.gql<{ testEndpointNow: { outcome: string; cause: string; detail: string } }>(TEST_NOW, { id: wrong }, admin);
    expect(res.data!.testEndpointNow).toMatchObject({ outcome: 'failed', cause: 'auth-failed' });
    expect(sim.authFailures).toBeGreaterThanOrEqual(2);

    // Its driver removed: no driver, nothing loaded, nothing tested.
    const removed = await api.gql<{ updateEndpoint: { adapterId: string | null } }>(
      `mutation($id: ID!, $input: EndpointInput!) { updateEndpoint(id: $id, input: $input) { adapterId } }`,
      { id: wrong, input: { name: 'Codec mal configuré', kind: 'ROOM_SYSTEM', protocol: 'SIP', adapterId: null, adapterConfig: {} } },
      admin,
    );
    expect(removed.data?.updateEndpoint).toEqual({ adapterId: null });
    await waitFor('the driver to be dropped', async () => ((await api.app.get(AdapterHost).endpoint(wrong)) === undefined ? true : undefined), 10_000);
    const untested = await api.gql<{ testEndpointNow: { outcome: string; cause: string } }>(TEST_NOW, { id: wrong }, admin);
    expect(untested.data!.testEndpointNow).toMatchObject({ outcome: 'failed', cause: 'no-driver' });
  });

  it('a codec switched off is offline: status event, failed test with cause offline', async () => {
    await sim.goOffline();
    await waitFor('offline', async () => ((await endpoint()).liveStatus?.state === 'offline' ? true : undefined), 10_000);
    const res = await api.gql<{ testEndpointNow: { outcome: string; cause: string } }>(TEST_NOW, { id: endpointId }, admin);
    expect(res.data!.testEndpointNow).toMatchObject({ outcome: 'failed', cause: 'offline' });
    expect((await states()).at(-1)).toEqual({ state: 'offline', previous: 'idle' });
    await sim.comeBack();
  });

  it('refuses “test now” to a visitor and to an operator of another organisation, and an unknown id as NOT_FOUND', async () => {
    expectError(await api.gql(TEST_NOW, { id: endpointId }), 'UNAUTHENTICATED');
    const morlaix = await roomOf(api, 'morlaix-communaute-siege');
    const stranger = await createUserAndLogin(api, admin, { email: 'accueil@morlaix.test', role: 'POINT_OPERATOR', organisationId: await organisationOfPoint(api, morlaix.pointId) });
    const dialsBefore = sim.received.length;
    expectError(await api.gql(TEST_NOW, { id: endpointId }, stranger), 'FORBIDDEN');
    expect(sim.received.length).toBe(dialsBefore); // nothing reached the codec
    expectError(await api.gql(TEST_NOW, { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND');
  });

  it('keeps its driver on a change notice naming the configuration it was loaded from, and loads a new one when the configuration changed', async () => {
    const host = api.app.get(AdapterHost);
    const before = (await host.endpoint(endpointId))!.instance;
    await host.reloadEndpoint(endpointId); // what a NOTIFY for an insert, a rename or a live status does
    expect((await host.endpoint(endpointId))!.instance).toBe(before);
    const updated = await api.gql<{ updateEndpoint: { id: string } }>(
      `mutation($id: ID!, $input: EndpointInput!) { updateEndpoint(id: $id, input: $input) { id } }`,
      { id: endpointId, input: { name: 'Codec Cisco Room Kit', kind: 'ROOM_SYSTEM', protocol: 'SIP', vendor: 'Cisco', model: 'Room Kit', adapterId: 'room-cisco-xapi', adapterConfig: { host: '127.0.0.1', port: sim.port, protocol: 'ws', timeoutMs: 2500 }, adapterSecrets: { password: PASSWORD } } },
      admin,
    );
    expect(updated.errors).toBeUndefined();
    await waitFor('a new driver', async () => ((await host.endpoint(endpointId))!.instance !== before ? true : undefined), 10_000);
  });
});
