/**
 * The conformance checks of the endpoint (room hardware) kind, run by `checkConformance` on every
 * adapter whose manifest says `kind: 'endpoint'` (skipped for the other kinds).
 */
import { ENDPOINT_CAPABILITIES, endpointDiagnosticsProblems, endpointStatusProblems } from '@maillage/core';
import type { AdapterInstance, AdapterManifest, Contained, EndpointAdapter } from '@maillage/core';

export const ENDPOINT_CONFORMANCE_CHECKS = [
  { id: 'endpoint-methods', title: 'endpoint: has wake, standby, dial, hangUp, status, diagnostics, and only known capabilities' },
  { id: 'endpoint-status', title: 'endpoint: status() gives a well-formed snapshot with a shared state' },
  { id: 'endpoint-diagnostics', title: 'endpoint: diagnostics() gives per-check results whose outcome matches them' },
  { id: 'endpoint-dial-hang-up', title: 'endpoint: wakes, dials the test address, hangs up, and hangs up again without error' },
  { id: 'endpoint-unreachable', title: 'endpoint: an unreachable device is offline in status() and makes wake() reject, in time' },
] as const;

export type EndpointCheckId = (typeof ENDPOINT_CONFORMANCE_CHECKS)[number]['id'];

export interface EndpointConformanceOptions {
  /** An address the device under test accepts to dial (a simulator's, a test meeting's); absent, the dial check is skipped. */
  dialUri?: string;
}

type Outcome = { status: 'pass' | 'fail' | 'skip'; reason?: string };

export interface EndpointCheckHelpers<Config> {
  manifest: AdapterManifest | undefined;
  validConfig: Config;
  unreachableConfig?: Config;
  endpoint?: EndpointConformanceOptions;
  /** Creates and initialises an instance (init failures are returned). */
  started(config: Config): Promise<Contained<AdapterInstance>>;
  call<T>(label: string, work: () => Promise<T>): Promise<Contained<T>>;
}

const METHODS = ['wake', 'standby', 'dial', 'hangUp', 'status', 'diagnostics'] as const;

export function endpointChecks<Config>(h: EndpointCheckHelpers<Config>): Record<EndpointCheckId, () => Promise<Outcome>> {
  const notEndpoint = (): Outcome | null => (h.manifest?.kind === 'endpoint' ? null : { status: 'skip', reason: `kind ${String(h.manifest?.kind)}` });
  const fail = (reason: string): Outcome => ({ status: 'fail', reason });
  /** A started instance having `needed` (every method of the kind by default). */
  const ready = async (config: Config, needed: readonly (typeof METHODS)[number][] = METHODS): Promise<EndpointAdapter | Outcome> => {
    const started = await h.started(config);
    if (!started.ok) return fail(started.failure.message);
    const missing = needed.filter((m) => typeof (started.value as Partial<EndpointAdapter>)[m] !== 'function');
    return missing.length ? fail(`missing ${missing.join(', ')}`) : (started.value as EndpointAdapter);
  };
  const isOutcome = (v: EndpointAdapter | Outcome): v is Outcome => 'status' in v && typeof v.status === 'string';

  return {
    async 'endpoint-methods'() {
      const skip = notEndpoint();
      if (skip) return skip;
      const instance = await ready(h.validConfig);
      if (isOutcome(instance)) return instance;
      const capabilities = Array.isArray(h.manifest?.capabilities) ? h.manifest.capabilities : [];
      const unknown = capabilities.filter((c) => !(ENDPOINT_CAPABILITIES as readonly string[]).includes(c));
      if (unknown.length) return fail(`unknown capabilities ${unknown.join(', ')} (known: ${ENDPOINT_CAPABILITIES.join(', ')})`);
      if (capabilities.includes('status-events') && typeof instance.onStatusChange !== 'function') return fail("capability 'status-events' without onStatusChange");
      return { status: 'pass' };
    },

    async 'endpoint-status'() {
      const skip = notEndpoint();
      if (skip) return skip;
      const instance = await ready(h.validConfig, ['status']);
      if (isOutcome(instance)) return instance;
      const status = await h.call('status', () => instance.status());
      if (!status.ok) return fail(status.failure.message);
      const problems = endpointStatusProblems(status.value);
      return problems.length ? fail(problems.join('; ')) : { status: 'pass', reason: `state: ${status.value.state}` };
    },

    async 'endpoint-diagnostics'() {
      const skip = notEndpoint();
      if (skip) return skip;
      const instance = await ready(h.validConfig, ['diagnostics']);
      if (isOutcome(instance)) return instance;
      const diagnostics = await h.call('diagnostics', () => instance.diagnostics());
      if (!diagnostics.ok) return fail(diagnostics.failure.message);
      const problems = endpointDiagnosticsProblems(diagnostics.value);
      return problems.length ? fail(problems.join('; ')) : { status: 'pass', reason: `outcome: ${diagnostics.value.outcome}` };
    },

    async 'endpoint-dial-hang-up'() {
      const skip = notEndpoint();
      if (skip) return skip;
      const uri = h.endpoint?.dialUri;
      if (!uri) return { status: 'skip', reason: 'no options.endpoint.dialUri' };
      const instance = await ready(h.validConfig, ['wake', 'dial', 'hangUp']);
      if (isOutcome(instance)) return instance;
      for (const [label, work] of [
        ['wake', () => instance.wake()],
        [`dial(${uri})`, () => instance.dial(uri)],
        ['hangUp', () => instance.hangUp()],
        ['hangUp (again)', () => instance.hangUp()],
      ] as const) {
        const result = await h.call(label, work as () => Promise<unknown>);
        if (!result.ok) return fail(result.failure.message);
      }
      return { status: 'pass' };
    },

    async 'endpoint-unreachable'() {
      const skip = notEndpoint();
      if (skip) return skip;
      if (h.unreachableConfig === undefined) return { status: 'skip', reason: 'no options.unreachableConfig' };
      const started = await h.started(h.unreachableConfig);
      if (!started.ok && started.failure.kind === 'timeout') return fail(started.failure.message);
      if (!started.ok) return { status: 'pass', reason: `init rejected: ${started.failure.message}` };
      const instance = started.value as EndpointAdapter;
      const status = await h.call('status (unreachable)', () => instance.status());
      if (!status.ok) return fail(`status must resolve 'offline', not fail: ${status.failure.message}`);
      if (status.value?.state !== 'offline') return fail(`status is ${JSON.stringify(status.value?.state)}, expected 'offline'`);
      const wake = await h.call('wake (unreachable)', () => instance.wake());
      if (wake.ok) return fail('wake resolved although the device is unreachable');
      if (wake.failure.kind === 'timeout') return fail(wake.failure.message);
      return { status: 'pass', reason: `wake rejected: ${wake.failure.message}` };
    },
  };
}
