/**
 * endpoint-sip against real programs, 127.0.0.1 only: a drachtio-server, the sip-drachtio adapter as
 * the SIP user agent (context.sipAgent), and baresip (Debian) as the room system, answering by
 * itself. The meetings' host answers with fixed media ports (the media side is libs/media's, proved
 * in the API's end-to-end spec): here the SIP of OPTIONS, dial-out and BYE is what is tested, and
 * the driver passes the testkit against it.
 */
import type { SipCallHost, SipLegEndReason } from '@maillage/core';
import { createTestContext, describeAdapterConformance } from '../testkit';
import { DrachtioServer } from '../sip-drachtio/drachtio-server';
import { sipDrachtioAdapter, type SipDrachtioAdapter } from '../sip-drachtio/sip-drachtio.adapter';
import { type Baresip, startBaresip } from '../sip-drachtio/testing/baresip';
import { drachtioBinFromEnv, until } from '../sip-drachtio/testing/spec-helpers';
import { endpointSipAdapter, type EndpointSipConfig } from './endpoint-sip.adapter';

const MEETING = { code: 'MLG-0000042', meetingId: '5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8e0b13' };

/** The meetings as a recording host: one open meeting, media answered on fixed ports (nothing listens). */
function meetingsHost() {
  const opened: { meetingId: string; callId: string; displayName: string }[] = [];
  const closed: { callId: string; reason: SipLegEndReason }[] = [];
  const host: SipCallHost = {
    lookup: async (code) => (code === MEETING.code ? { status: 'open', meetingId: MEETING.meetingId } : { status: 'unknown' }),
    openLeg: async (call) => {
      opened.push({ meetingId: call.meetingId, callId: call.callId, displayName: call.displayName });
      return { ip: '127.0.0.1', legs: Object.fromEntries(call.legs.map((leg, i) => [leg.index, { port: 43000 + 2 * i }])) };
    },
    closeLeg: async (callId, reason) => void closed.push({ callId, reason }),
    meetingCode: async () => MEETING.code,
  };
  return { host, opened, closed };
}

let drachtio: DrachtioServer;
let gateway: SipDrachtioAdapter;
let room: Baresip;
const meetings = meetingsHost();
const configFor = (sipUri: string): EndpointSipConfig => ({ sipUri, displayName: 'Salle du conseil', optionsTimeoutMs: 800, ringTimeoutMs: 5000 });

beforeAll(async () => {
  drachtio = await DrachtioServer.start({ bin: drachtioBinFromEnv() });
  gateway = sipDrachtioAdapter.create(
    createTestContext({ drachtioHost: '127.0.0.1', drachtioPort: drachtio.connection.port, sipDomain: '127.0.0.1', connectTimeoutMs: 3000 }, { drachtioSecret: drachtio.connection.secret }, { sip: meetings.host }),
  );
  await gateway.init();
  room = await startBaresip({ name: 'Salle du conseil', user: 'salle', quitAfterS: 90 });
}, 60_000);

afterAll(async () => {
  await room?.stop();
  await gateway?.dispose();
  await drachtio?.stop();
});

describe('endpoint-sip drives a baresip room system through a real drachtio', () => {
  it('reaches it by OPTIONS, calls it into the meeting, sees the call up, hangs up with a BYE', async () => {
    const driver = endpointSipAdapter.create(createTestContext(configFor(room.uri), {}, { sipAgent: gateway }));
    await driver.init();
    // baresip takes a moment to listen: ask again (bounded) until it answers.
    let idle = await driver.status();
    for (let attempt = 0; idle.state !== 'idle' && attempt < 20; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      idle = await driver.status();
    }
    expect(idle).toMatchObject({ state: 'idle', callRemote: null, cameraOn: null, microphoneMuted: null, peripherals: [], vendorState: expect.stringMatching(/^OPTIONS 200/) });
    const diagnostics = await driver.diagnostics();
    expect(diagnostics).toMatchObject({ outcome: 'ok', checks: [{ id: 'sip-options', outcome: 'ok', measures: { sipStatus: 200 } }] });
    console.log(`OPTIONS round trip to baresip: ${diagnostics.checks[0].measures?.rttMs} ms`);
    await driver.wake();

    const started = Date.now();
    const { callId } = await driver.dial(`sip:${MEETING.code}@127.0.0.1`);
    console.log(`dial-out to baresip answered in ${Date.now() - started} ms`);
    expect(callId).toEqual(expect.any(String));
    expect(gateway.callActive(callId!)).toBe(true);
    expect(meetings.opened.at(-1)).toEqual({ meetingId: MEETING.meetingId, callId, displayName: 'Salle du conseil' });
    expect(await driver.status()).toMatchObject({ state: 'in-call', callRemote: `sip:${MEETING.code}@127.0.0.1` });

    const before = room.output().length;
    await driver.hangUp();
    expect(gateway.callActive(callId!)).toBe(false);
    await until('baresip saw the BYE', () => /session closed|terminated/i.test(room.output().slice(before)), 5_000);
    await driver.hangUp(); // nothing left: still fine
    expect((await driver.status()).state).toBe('idle');
    await driver.dispose();
  }, 40_000);

  it('rejects a call into a meeting the gateway does not know, with the SIP status in the error', async () => {
    const driver = endpointSipAdapter.create(createTestContext(configFor(room.uri), {}, { sipAgent: gateway }));
    await driver.init();
    const error = await driver.dial('sip:MLG-9999999@127.0.0.1').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'EndpointDriverError', failure: expect.stringMatching(/refused|call-failed/), message: expect.stringMatching(/SIP \d{3}/) });
    await driver.dispose();
  });

  it('is offline when nothing answers OPTIONS at its address (a closed port), and wake says so in time', async () => {
    const driver = endpointSipAdapter.create(createTestContext(configFor('sip:salle@127.0.0.1:9'), {}, { sipAgent: gateway }));
    await driver.init();
    const started = Date.now();
    const status = await driver.status();
    expect(status).toMatchObject({ state: 'offline', detail: expect.stringMatching(/unreachable/) });
    await expect(driver.wake()).rejects.toMatchObject({ failure: 'offline' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await driver.dispose();
  });
});

describeAdapterConformance(endpointSipAdapter, () => ({
  validConfig: configFor(room.uri),
  invalidConfig: { sipUri: 'not an address' },
  invalidConfigField: ['config', 'sipUri'],
  unreachableConfig: configFor('sip:salle@127.0.0.1:9'),
  context: { sipAgent: gateway },
  endpoint: { dialUri: `sip:${MEETING.code}@127.0.0.1` },
  timeoutMs: 8000,
}));
