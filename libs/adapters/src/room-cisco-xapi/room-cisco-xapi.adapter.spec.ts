import { EndpointDriverError, type EndpointStatus } from '@maillage/core';
import { createTestContext, describeAdapterConformance } from '../testkit';
import { CiscoXapiSimulator } from './cisco-xapi-simulator';
import { ciscoDiagnosticsCheck, ciscoEndpointState, type CiscoXapiConfig, RoomCiscoXapiAdapter, roomCiscoXapiAdapter } from './room-cisco-xapi.adapter';

const PASSWORD = 'Salle-Lannion-2026';
const configFor = (sim: CiscoXapiSimulator, overrides: Partial<CiscoXapiConfig> = {}): CiscoXapiConfig => ({ host: '127.0.0.1', port: sim.port, protocol: 'ws', username: 'admin', timeoutMs: 2000, ...overrides });

async function until<T>(probe: () => T | undefined, what: string, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('room-cisco-xapi against the Cisco xAPI simulator over a real WebSocket (jsxapi)', () => {
  let sim: CiscoXapiSimulator;
  const adapters: RoomCiscoXapiAdapter[] = [];
  const adapter = async (secrets: Record<string, string> = { password: PASSWORD }, overrides: Partial<CiscoXapiConfig> = {}) => {
    const a = roomCiscoXapiAdapter.create(createTestContext(configFor(sim, overrides), secrets));
    adapters.push(a);
    await a.init();
    return a;
  };

  beforeEach(async () => {
    sim = await CiscoXapiSimulator.start({ password: PASSWORD });
  });
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((a) => a.dispose()));
    await sim.close();
  });

  it('wakes the codec from standby, dials the meeting address, sees the call connect, hangs up', async () => {
    const codec = await adapter();
    expect((await codec.status()).state).toBe('standby');
    await codec.wake();
    expect(sim.state.standby).toBe('Off');
    expect((await codec.status()).state).toBe('idle');

    const { callId } = await codec.dial('sip:reunion-7k2q@meet.maillage.test');
    expect(callId).toBe('1');
    expect(sim.received.find((r) => r.method === 'xCommand/Dial')?.params).toEqual({ Number: 'reunion-7k2q@meet.maillage.test', Protocol: 'Sip' });
    const inCall = await until(() => (sim.state.calls[0]?.Status === 'Connected' ? true : undefined), 'the call to connect');
    expect(inCall).toBe(true);
    const status = await codec.status();
    expect(status).toMatchObject({ state: 'in-call', callRemote: 'reunion-7k2q@meet.maillage.test', cameraOn: true, microphoneMuted: false, vendorState: 'Connected' });
    expect(status.peripherals).toEqual([{ name: 'Cisco Room Navigator', type: 'touchpanel', connected: true }]);

    await codec.hangUp();
    expect(sim.state.calls).toEqual([]);
    await codec.hangUp(); // nothing left: still fine
    await codec.standby();
    expect(sim.state.standby).toBe('Standby');
    expect(sim.received.map((r) => r.method)).toEqual(expect.arrayContaining(['xCommand/Standby/Deactivate', 'xCommand/Dial', 'xCommand/Call/Disconnect', 'xCommand/Standby/Activate', 'xGet']));
  });

  it('pushes status changes from xFeedback: dialling, in call, microphone muted, back to idle', async () => {
    const codec = await adapter();
    const seen: EndpointStatus[] = [];
    codec.onStatusChange((s) => seen.push(s));
    await until(() => (seen.length ? true : undefined), 'the first status');
    expect(seen[0].state).toBe('standby');
    await codec.dial('sip:test@maillage.test');
    await until(() => (seen.some((s) => s.state === 'in-call') ? true : undefined), 'in-call');
    sim.update((s) => (s.microphonesMuted = true), [['Status', 'Audio', 'Microphones', 'Mute']]);
    await until(() => (seen.some((s) => s.microphoneMuted === true) ? true : undefined), 'the muted microphone');
    await codec.hangUp();
    await until(() => (seen.at(-1)?.state === 'idle' ? true : undefined), 'idle after the call');
    expect(sim.received.filter((r) => r.method === 'xFeedback/Subscribe').map((r) => r.params)).toEqual([{ Query: ['Status', 'Call'] }, { Query: ['Status', 'Standby'] }, { Query: ['Status', 'Audio', 'Microphones', 'Mute'] }]);
  });

  it('refuses a wrong password with a typed error (auth-failed), and the simulator saw the attempt', async () => {
    const codec = await adapter({ password: 'wrong' });
    const error = await codec.wake().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointDriverError);
    expect((error as EndpointDriverError).failure).toBe('auth-failed');
    expect(sim.authFailures).toBe(1);
    expect((await codec.status()).state).toBe('error');
    expect((await codec.health()).status).toBe('down');
  });

  it('is offline while the codec is switched off, and back without a new instance', async () => {
    const codec = await adapter();
    expect((await codec.status()).state).toBe('standby');
    await sim.goOffline();
    const offline = await codec.status();
    expect(offline.state).toBe('offline');
    expect(offline.detail).toMatch(/cannot reach the codec|connection lost/);
    await expect(codec.wake()).rejects.toMatchObject({ failure: 'offline' });
    await sim.comeBack();
    await codec.wake();
    expect((await codec.status()).state).toBe('idle');
  });

  it('times out a codec that accepts and never answers', async () => {
    const codec = await adapter(undefined, { timeoutMs: 300 });
    sim.hang = true;
    const started = Date.now();
    await expect(codec.wake()).rejects.toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports diagnostics warnings per check, and a call the far end rejects', async () => {
    const codec = await adapter();
    expect(await codec.diagnostics()).toEqual({ outcome: 'ok', checks: [{ id: 'self-test', outcome: 'ok', detail: 'Diagnostics Run: no alert' }] });
    sim.state.diagnostics.push({ Level: 'Warning', Type: 'CameraConnection', Description: 'Camera 1 is not connected' });
    expect(await codec.diagnostics()).toEqual({ outcome: 'warning', checks: [{ id: 'camera-connection', outcome: 'warning', cause: 'diagnostics-warning', detail: 'Camera 1 is not connected' }] });
    sim.callFails = 'Busy';
    await codec.dial('sip:busy@maillage.test');
    await until(() => (sim.state.calls.length === 0 && sim.received.filter((r) => r.method === 'xCommand/Dial').length === 1 ? true : undefined), 'the rejected call to end');
    expect((await codec.status()).state).toBe('idle');
  });

  it('rejects a dial string with a line break, before sending anything', async () => {
    const codec = await adapter();
    await expect(codec.dial('sip:a\nxCommand SystemUnit Boot')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(sim.received.filter((r) => r.method === 'xCommand/Dial')).toEqual([]);
  });
});

describe('Cisco states on the shared enum', () => {
  it('maps standby and call states', () => {
    expect(ciscoEndpointState('Standby', [])).toBe('standby');
    expect(ciscoEndpointState('EnteringStandby', [])).toBe('standby');
    expect(ciscoEndpointState('Halfwake', [])).toBe('idle');
    expect(ciscoEndpointState('Off', [])).toBe('idle');
    expect(ciscoEndpointState('Off', [{ Status: 'Dialling' }])).toBe('connecting');
    expect(ciscoEndpointState('Off', [{ Status: 'Ringing' }, { Status: 'Connected' }])).toBe('in-call');
    expect(ciscoEndpointState('Off', [{ Status: 'OnHold' }])).toBe('in-call');
    expect(ciscoEndpointState('Off', [{ Status: 'Disconnecting' }])).toBe('idle');
    expect(ciscoEndpointState(undefined, [])).toBe('error');
    expect(ciscoDiagnosticsCheck({ Level: 'Critical', Type: 'NetworkQuality', Description: 'Packet loss 12 %' })).toEqual({ id: 'network-quality', outcome: 'failed', cause: 'diagnostics-error', detail: 'Packet loss 12 %' });
  });
});

let conformanceSim: CiscoXapiSimulator;
afterAll(() => conformanceSim?.close());
describeAdapterConformance(roomCiscoXapiAdapter, async () => {
  conformanceSim = await CiscoXapiSimulator.start({ password: PASSWORD });
  return {
    validConfig: configFor(conformanceSim),
    invalidConfig: { host: '127.0.0.1', port: 70000 },
    invalidConfigField: ['config', 'port'],
    secrets: { password: PASSWORD },
    unreachableConfig: { ...configFor(conformanceSim), port: 9 },
    endpoint: { dialUri: 'sip:conformance@maillage.test' },
    timeoutMs: 4000,
  };
});
