import { Inject, Injectable } from '@nestjs/common';
import { driverCallFailureCause, type EndpointCheck, type EndpointStatus, runContained, worstOutcome } from '@maillage/core';
import { AdapterHost } from '../adapters/adapter-host';
import { OutboxRelay } from '../events/outbox-relay';
import { TEST_CALL, type TestCall } from './test-call';

/** What one room system's test found. */
export interface EndpointTestResult {
  endpointId: string;
  outcome: 'ok' | 'warning' | 'failed';
  cause: string | null;
  detail: string | null;
  checks: EndpointCheck[];
  startedAt: Date;
  finishedAt: Date;
  /** The status seen during the test (for the live status), when the device answered. */
  status: EndpointStatus | null;
}

/** Checks from a status snapshot: the camera, the microphone, the peripherals. */
export function statusChecks(status: EndpointStatus): EndpointCheck[] {
  const checks: EndpointCheck[] = [];
  if (status.cameraOn !== null) checks.push(status.cameraOn ? { id: 'camera', outcome: 'ok' } : { id: 'camera', outcome: 'warning', cause: 'camera-off', detail: 'Camera disconnected or video muted' });
  if (status.microphoneMuted !== null) checks.push(status.microphoneMuted ? { id: 'microphone', outcome: 'warning', cause: 'microphone-muted', detail: 'Microphones muted' } : { id: 'microphone', outcome: 'ok' });
  const lost = status.peripherals.filter((p) => !p.connected);
  if (status.peripherals.length) checks.push(lost.length ? { id: 'peripherals', outcome: 'warning', cause: 'peripheral-disconnected', detail: lost.map((p) => p.name).join(', ') } : { id: 'peripherals', outcome: 'ok' });
  return checks;
}

/**
 * The test of one room system, step by step through its driver (every call contained by the host's
 * time limit): reachable (its status), wake, diagnostics, camera / microphone / peripherals, and a
 * short test call through the TEST_CALL port. A step that cannot run after a failure is not tried
 * (an offline codec is not woken). The outcome is the worst check's (`worstOutcome`).
 */
@Injectable()
export class EndpointTest {
  constructor(
    private readonly host: AdapterHost,
    private readonly relay: OutboxRelay,
    @Inject(TEST_CALL) private readonly testCall: TestCall,
  ) {}

  async run(endpoint: { id: string; sipUri: string | null }, reservationId?: string): Promise<EndpointTestResult> {
    const startedAt = new Date();
    const checks: EndpointCheck[] = [];
    let seen: EndpointStatus | null = null;
    const done = (): EndpointTestResult => {
      const { outcome, cause } = worstOutcome(checks);
      const worst = checks.find((c) => c.outcome === outcome && (c.cause ?? c.id) === cause);
      return { endpointId: endpoint.id, outcome, cause, detail: worst?.detail ?? null, checks, startedAt, finishedAt: new Date(), status: seen };
    };
    const limit = this.relay.settings.callTimeoutMs;

    const loaded = await this.host.endpoint(endpoint.id);
    if (!loaded) {
      checks.push({ id: 'driver', outcome: 'failed', cause: 'no-driver', detail: 'No room system driver is configured or installed' });
      return done();
    }
    if (!(await this.host.ensureEndpointReady(loaded))) {
      checks.push({ id: 'driver', outcome: 'failed', cause: 'driver-down', detail: loaded.initError ?? undefined });
      return done();
    }
    const driver = loaded.instance;
    const id = loaded.definition.manifest.id;
    /** One driver call; a failure is recorded as the failed check `check` and the result is not ok. */
    const step = async <T>(check: string, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      const result = await runContained(work, limit, `${id}.${check}`);
      if (result.ok) return { ok: true, value: result.value };
      checks.push({ id: check, outcome: 'failed', cause: driverCallFailureCause(result.failure), detail: result.failure.message });
      return { ok: false };
    };

    const reached = await step('reachable', () => driver.status());
    if (!reached.ok) return done();
    const before = reached.value;
    seen = before;
    if (before.state === 'offline' || before.state === 'error') {
      // Ask the driver why (a wake attempt names it: offline, auth-failed…).
      const why = await runContained(() => driver.wake(), limit, `${id}.wake`);
      const cause = why.ok ? 'device-error' : driverCallFailureCause(why.failure);
      checks.push({ id: 'reachable', outcome: 'failed', cause: before.state === 'offline' && cause === 'protocol' ? 'offline' : cause, detail: before.detail ?? (why.ok ? undefined : why.failure.message) });
      return done();
    }
    checks.push({ id: 'reachable', outcome: 'ok', detail: before.vendorState ? `${before.state} (${before.vendorState})` : before.state });
    if (!(await step('wake', () => driver.wake())).ok) return done();
    checks.push({ id: 'wake', outcome: 'ok' });
    const diagnostics = await step('diagnostics', () => driver.diagnostics());
    if (diagnostics.ok) checks.push(...diagnostics.value.checks.map((c) => ({ ...c, id: c.id === 'reachable' || c.id === 'wake' ? `diagnostics-${c.id}` : c.id })));
    const after = await step('status', () => driver.status());
    if (after.ok) {
      seen = after.value;
      checks.push(...statusChecks(after.value));
    }
    const call = await runContained(() => this.testCall.run({ endpointId: endpoint.id, adapterId: id, sipUri: endpoint.sipUri, driver, reservationId }), limit * 3, `${id}.test-call`);
    checks.push(call.ok ? call.value : { id: 'test-call', outcome: 'failed', cause: call.failure.kind === 'timeout' ? 'timeout' : 'call-failed', detail: call.failure.message });
    return done();
  }
}
