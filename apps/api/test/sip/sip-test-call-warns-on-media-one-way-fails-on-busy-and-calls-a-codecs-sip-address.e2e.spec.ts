/**
 * The SIP test call's other outcomes, with a real drachtio, the API's gateway and mediasoup, and SIPp
 * as the called room system (it answers with an offer and sends no RTP, or it is busy):
 * - "Tester maintenant" on a Cisco codec (xAPI simulator) that has a SIP address: the bridge calls
 *   that address into a test meeting (the codec dials nothing); media flows toward it only → warning
 *   `media-one-way`, the call hung up (SIPp saw the BYE), the test meeting closed;
 * - an endpoint-sip room system that answers 486: the test call fails (`call-failed`, SIP 486 kept);
 * - one that hangs up half a second after answering: failed too, saying when.
 */
import { CiscoXapiSimulator, DrachtioServer, SIPP_UAS_SCENARIOS, startSippUas } from '@maillage/adapters';
import type { EndpointAdapter } from '@maillage/core';
import { MediaServer } from '@maillage/media';
import { AdapterHost } from '../../src/adapters/adapter-host';
import { SipTestCall } from '../../src/preflight/sip-test-call';
import { SipGateway } from '../../src/sip/sip-gateway';
import { ADD_ENDPOINT, TEST_NOW } from '../endpoint-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { meetingRoom } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (SIPp)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

interface Check {
  id: string;
  outcome: string;
  cause: string | null;
  detail: string | null;
  measures: Record<string, number> | null;
}

describe('the SIP test call: one-way media warns, a busy room system fails, a codec’s SIP address is called', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let admin: Record<string, string>;
  let codec: CiscoXapiSimulator;
  let roomId: string;

  beforeAll(async () => {
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: '127.0.0.1' } });
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    codec = await CiscoXapiSimulator.start({ password: 'pw-lannion' });
    roomId = (await meetingRoom(api, 'lannion-tregor-communaute-siege')).roomId;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await codec?.close();
    await drachtio?.stop();
  });

  const addEndpoint = async (input: Record<string, unknown>) => {
    const res = await api.gql<{ addEndpoint: { id: string } }>(ADD_ENDPOINT, { roomId, input: { kind: 'ROOM_SYSTEM', protocol: 'SIP', ...input } }, admin);
    if (!res.data?.addEndpoint) throw new Error(`addEndpoint failed: ${JSON.stringify(res.errors)}`);
    return res.data.addEndpoint.id;
  };

  it('“Tester maintenant” on a Cisco codec with a SIP address: the bridge calls it, media reaches it but none comes back → warning', async () => {
    const sipp = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers(), timeoutMs: 20_000 });
    const id = await addEndpoint({ name: 'Codec Cisco (adresse SIP)', sipUri: sipp.uri, vendor: 'Cisco', adapterId: 'room-cisco-xapi', adapterConfig: { host: '127.0.0.1', port: codec.port, protocol: 'ws', timeoutMs: 1500 }, adapterSecrets: { password: 'pw-lannion' } });
    const res = await api.gql<{ testEndpointNow: { outcome: string; cause: string | null; checks: Check[] } }>(TEST_NOW, { id }, admin);
    expect(res.errors).toBeUndefined();
    const result = res.data!.testEndpointNow;
    expect(result).toMatchObject({ outcome: 'warning', cause: 'media-one-way' });
    const call = result.checks.find((c) => c.id === 'test-call')!;
    expect(call).toMatchObject({ outcome: 'warning', cause: 'media-one-way', detail: expect.stringMatching(/nothing came from the room system/) });
    expect(call.measures).toMatchObject({ packetsIn: 0 });
    expect(call.measures!.packetsOut).toBeGreaterThan(20);
    console.log(`one-way test call to SIPp: connected in ${call.measures!.connectMs} ms, ${call.measures!.packetsOut} packets toward it, ${call.measures!.packetsIn} back`);
    expect(codec.received.filter((r) => r.method === 'xCommand/Dial')).toEqual([]); // the bridge called, the codec dialled nothing
    const run = await sipp.done;
    expect(run.code).toBe(0);
    expect(run.log).toMatch(/bye received/);
    expect(run.log).toMatch(/invite content-length:\s*0/); // delayed offer
    expect(api.app.get(SipGateway).activeCalls()).toEqual([]);
    expect(api.app.get(MediaServer).stats().bridges).toBe(0);
  }, 40_000);

  it('an endpoint-sip room system that is busy (486): the test call fails with call-failed and the SIP status', async () => {
    const sipp = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.refuses(486, 'Busy Here'), timeoutMs: 20_000 });
    const id = await addEndpoint({ name: 'Salle SIP occupée', vendor: 'SIPp', adapterId: 'endpoint-sip', adapterConfig: { sipUri: sipp.uri, optionsTimeoutMs: 1000, ringTimeoutMs: 5000 } });
    const loaded = await api.app.get(AdapterHost).endpoint(id);
    expect(loaded?.initError).toBeNull();
    const check = await api.app.get(SipTestCall).run({ endpointId: id, adapterId: 'endpoint-sip', sipUri: null, driver: loaded!.instance as EndpointAdapter });
    expect(check).toMatchObject({ id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: expect.stringMatching(/SIP 486 Busy Here \(busy\)/) });
    expect((await sipp.done).code).toBe(0);
    expect(api.app.get(MediaServer).stats().bridges).toBe(0);
  }, 30_000);

  it('a room system that hangs up during the measure: the test call fails (call-failed), saying when it ended', async () => {
    const sipp = await startSippUas({ scenarioXml: SIPP_UAS_SCENARIOS.answers({ hangUpAfterMs: 500 }), timeoutMs: 20_000 });
    const id = await addEndpoint({ name: 'Salle SIP qui raccroche', vendor: 'SIPp', adapterId: 'endpoint-sip', adapterConfig: { sipUri: sipp.uri, optionsTimeoutMs: 1000, ringTimeoutMs: 5000 } });
    const loaded = await api.app.get(AdapterHost).endpoint(id);
    const check = await api.app.get(SipTestCall).run({ endpointId: id, adapterId: 'endpoint-sip', sipUri: null, driver: loaded!.instance as EndpointAdapter });
    expect(check).toMatchObject({ id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: expect.stringMatching(/ended \d+ ms after it connected/) });
    expect(check.measures!.connectMs).toBeLessThan(5000);
    expect((await sipp.done).code).toBe(0);
    expect(api.app.get(SipGateway).activeCalls()).toEqual([]);
    expect(api.app.get(MediaServer).stats().bridges).toBe(0);
  }, 30_000);
});
