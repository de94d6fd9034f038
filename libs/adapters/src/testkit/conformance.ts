/**
 * The conformance suite every adapter runs against itself. Programmatic (`checkConformance` returns
 * a report) or as a jest block (`describeAdapterConformance`, one `it` per check). Each check builds
 * its own instance through `definition.create`, as the host does, and wraps every call in
 * `runContained`, so a broken adapter fails checks instead of hanging or crashing the run.
 */
import { DomainError, MemoryIdempotencyStore, manifestProblems, runContained, validateAdapterConfig } from '@maillage/core';
import type { AdapterContext, AdapterDefinition, AdapterInstance, Contained, DomainEvent, IdempotencyStore } from '@maillage/core';
import { createTestContext } from './test-context';
import { ENDPOINT_CONFORMANCE_CHECKS, endpointChecks, type EndpointConformanceOptions } from './endpoint-checks';

export const CONFORMANCE_CHECKS = [
  { id: 'manifest', title: 'has a valid manifest (kebab-case id, semver, known kind, JSON Schema config, known events)' },
  { id: 'config-valid-accepted', title: 'accepts the valid configuration' },
  { id: 'config-invalid-rejected', title: 'rejects the invalid configuration with BAD_USER_INPUT and a field path' },
  { id: 'init', title: 'initialises within the time-out and reports its health' },
  { id: 'dispose-idempotent', title: 'disposes twice without error' },
  { id: 'init-after-dispose', title: 'settles init after dispose (rejects, or re-initialises) within the time-out' },
  { id: 'handles-subscribed-events', title: 'has a handle method when it subscribes to events' },
  { id: 'duplicate-events-once', title: 'acts once on an event delivered twice (same idempotency key), also after a restart' },
  { id: 'errors-contained', title: 'settles within the time-out on a malformed event and an unreachable vendor, without unhandled rejections' },
  ...ENDPOINT_CONFORMANCE_CHECKS,
] as const;

export type ConformanceCheckId = (typeof CONFORMANCE_CHECKS)[number]['id'];

export interface ConformanceCheckResult {
  id: ConformanceCheckId;
  title: string;
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped. */
  reason?: string;
}

export interface ConformanceReport {
  adapterId: string;
  /** True when no check failed (skipped checks do not fail the report). */
  passed: boolean;
  checks: ConformanceCheckResult[];
  /** Ids of the failed checks, for a quick assertion. */
  failed: ConformanceCheckId[];
}

export interface ConformanceOptions<Config> {
  /** A configuration the adapter must accept (secrets excluded). */
  validConfig: Config;
  /** A configuration its schema must reject. */
  invalidConfig: unknown;
  /** The field path the rejection must name, e.g. ['config', 'port']; by default any path under 'config'. */
  invalidConfigField?: ReadonlyArray<string | number>;
  /** Secrets given to every instance (e.g. { password: '…' }). */
  secrets?: Record<string, string>;
  /** Replaces parts of the test context of every instance (logger, clock, http, publish). */
  context?: Partial<Omit<AdapterContext<Config>, 'config' | 'secrets' | 'idempotency'>>;
  /**
   * Required when the manifest subscribes to events: one event the adapter acts on, and a probe
   * counting its effect (e-mails received by the test SMTP server, calls received by a simulator…).
   */
  duplicates?: { event: DomainEvent; effects(): number | Promise<number> };
  /** A valid configuration pointing at a vendor that does not answer (closed port): calls must fail within the time-out, not hang. */
  unreachableConfig?: Config;
  /** Endpoint kind: what the room-system checks need (the address to dial). */
  endpoint?: EndpointConformanceOptions;
  /** Time-out of every adapter call, ms (default 5 000). */
  timeoutMs?: number;
}

type Outcome = { status: 'pass' | 'fail' | 'skip'; reason?: string };
const pass = (reason?: string): Outcome => ({ status: 'pass', reason });
const fail = (reason: string): Outcome => ({ status: 'fail', reason });
const skip = (reason: string): Outcome => ({ status: 'skip', reason });

const reasonOf = <T>(result: Contained<T>) => (result.ok ? 'ok' : result.failure.message);

/** Runs every check against `definition`; never throws, never hangs longer than a few time-outs per check. */
export async function checkConformance<Config, Instance extends AdapterInstance>(definition: AdapterDefinition<Config, Instance>, options: ConformanceOptions<Config>): Promise<ConformanceReport> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const manifest = definition.manifest;
  const id = typeof manifest?.id === 'string' ? manifest.id : '(no id)';
  const instances: Instance[] = [];

  const create = async (config: Config, idempotency?: IdempotencyStore): Promise<Contained<Instance>> => {
    const context = createTestContext(config, options.secrets, { ...options.context, ...(idempotency ? { idempotency } : {}) });
    const created = await runContained(() => definition.create(context), timeoutMs, `${id}.create`);
    if (created.ok) instances.push(created.value);
    return created;
  };
  const call = <T>(label: string, work: () => Promise<T>) => runContained(work, timeoutMs, `${id}.${label}`);

  // Unhandled rejections raised while the checks run are blamed on the adapter (the host would log them, at best).
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);

  const checks: Record<ConformanceCheckId, () => Promise<Outcome>> = {
    async manifest() {
      if (typeof manifest !== 'object' || manifest === null) return fail('the definition has no manifest');
      const problems = manifestProblems(manifest);
      return problems.length === 0 ? pass() : fail(problems.join('; '));
    },

    async 'config-valid-accepted'() {
      try {
        validateAdapterConfig(manifest, options.validConfig);
        return pass();
      } catch (error) {
        return fail(`the valid configuration was refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async 'config-invalid-rejected'() {
      try {
        validateAdapterConfig(manifest, options.invalidConfig);
        return fail('the invalid configuration was accepted');
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') return fail(`expected a BAD_USER_INPUT DomainError, got ${error instanceof Error ? error.message : String(error)}`);
        const field = error.field ?? [];
        if (field[0] !== 'config') return fail(`the error's field path ${JSON.stringify(field)} does not start with 'config'`);
        if (options.invalidConfigField && JSON.stringify(field) !== JSON.stringify(options.invalidConfigField)) return fail(`the error names ${JSON.stringify(field)}, expected ${JSON.stringify(options.invalidConfigField)}`);
        return pass(error.message);
      }
    },

    async init() {
      const created = await create(options.validConfig);
      if (!created.ok) return fail(created.failure.message);
      const instance = created.value;
      const init = await call('init', () => instance.init());
      if (!init.ok) return fail(init.failure.message);
      const health = await call('health', () => instance.health());
      if (!health.ok) return fail(health.failure.message);
      if (!['up', 'degraded', 'down'].includes(health.value?.status)) return fail(`health returned ${JSON.stringify(health.value)}`);
      return pass(`health: ${health.value.status}`);
    },

    async 'dispose-idempotent'() {
      const created = await create(options.validConfig);
      if (!created.ok) return fail(created.failure.message);
      const instance = created.value;
      const init = await call('init', () => instance.init());
      if (!init.ok) return fail(`init: ${init.failure.message}`);
      const first = await call('dispose', () => instance.dispose());
      if (!first.ok) return fail(`first dispose: ${first.failure.message}`);
      const second = await call('dispose (second)', () => instance.dispose());
      return second.ok ? pass() : fail(`second dispose: ${second.failure.message}`);
    },

    async 'init-after-dispose'() {
      const created = await create(options.validConfig);
      if (!created.ok) return fail(created.failure.message);
      const instance = created.value;
      const init = await call('init', () => instance.init());
      if (!init.ok) return fail(`init: ${init.failure.message}`);
      const dispose = await call('dispose', () => instance.dispose());
      if (!dispose.ok) return fail(`dispose: ${dispose.failure.message}`);
      const again = await call('init (after dispose)', () => instance.init());
      if (again.ok) {
        await call('dispose', () => instance.dispose());
        return pass('init after dispose re-initialised the instance');
      }
      return again.failure.kind === 'error' ? pass(`init after dispose rejected: ${again.failure.message}`) : fail(again.failure.message);
    },

    async 'handles-subscribed-events'() {
      const subscribes = Array.isArray(manifest?.subscribes) ? manifest.subscribes : [];
      if (subscribes.length === 0) return skip('subscribes to no event');
      const created = await create(options.validConfig);
      if (!created.ok) return fail(created.failure.message);
      return typeof created.value.handle === 'function' ? pass() : fail(`subscribes to ${subscribes.join(', ')} but has no handle method`);
    },

    async 'duplicate-events-once'() {
      const subscribes = Array.isArray(manifest?.subscribes) ? manifest.subscribes : [];
      if (subscribes.length === 0) return skip('subscribes to no event');
      const duplicates = options.duplicates;
      if (!duplicates) return fail('options.duplicates is missing: give an event and a probe counting its effect');
      const store = new MemoryIdempotencyStore();
      const created = await create(options.validConfig, store);
      if (!created.ok) return fail(created.failure.message);
      const instance = created.value;
      const handle = instance.handle;
      if (!handle) return fail('no handle method');
      const init = await call('init', () => instance.init());
      if (!init.ok) return fail(`cannot deliver events, init failed: ${init.failure.message}`);
      const before = await duplicates.effects();
      const copy = (): DomainEvent => structuredClone(duplicates.event);
      // Two deliveries at once (two relay attempts racing), then a third one later.
      const racing = await Promise.all([call(`handle(${duplicates.event.name})`, () => handle.call(instance, copy())), call(`handle(${duplicates.event.name}) concurrently`, () => handle.call(instance, copy()))]);
      const racingFailure = racing.find((r) => !r.ok);
      if (racingFailure) return fail(`concurrent deliveries: ${reasonOf(racingFailure)}`);
      const later = await call(`handle(${duplicates.event.name}) again`, () => handle.call(instance, copy()));
      if (!later.ok) return fail(`later delivery: ${later.failure.message}`);
      await call('dispose', () => instance.dispose());
      // A restart: a new instance with the same store (the host's store is in the database).
      const restarted = await create(options.validConfig, store);
      if (!restarted.ok) return fail(restarted.failure.message);
      const next = restarted.value;
      const nextInit = await call('init (restarted)', () => next.init());
      if (!nextInit.ok) return fail(`init after restart: ${nextInit.failure.message}`);
      const third = await call('handle after restart', () => (next.handle ? next.handle(copy()) : Promise.resolve()));
      await call('dispose', () => next.dispose());
      if (!third.ok) return fail(`delivery after restart: ${third.failure.message}`);
      const effects = (await duplicates.effects()) - before;
      if (effects === 1) return pass();
      return fail(effects === 0 ? 'the event had no effect (check the probe)' : `the same event (idempotency key ${duplicates.event.idempotencyKey}) was handled ${effects} times`);
    },

    async 'errors-contained'() {
      const notes: string[] = [];
      const subscribes = Array.isArray(manifest?.subscribes) ? manifest.subscribes : [];
      const created = await create(options.validConfig);
      if (!created.ok) return fail(created.failure.message);
      const instance = created.value;
      const init = await call('init', () => instance.init());
      if (!init.ok) return fail(`init: ${init.failure.message}`);
      if (subscribes.length > 0 && instance.handle) {
        const handle = instance.handle;
        const malformed = { id: 'malformed', name: subscribes[0], payload: {}, occurredAt: 'not a date', idempotencyKey: 'conformance:malformed' } as unknown as DomainEvent;
        const result = await call('handle(malformed event)', () => handle.call(instance, malformed));
        if (!result.ok && result.failure.kind === 'timeout') return fail(result.failure.message);
        notes.push(`malformed event: ${result.ok ? 'ignored' : 'rejected'}`);
      }
      await call('dispose', () => instance.dispose());
      if (options.unreachableConfig) {
        const down = await create(options.unreachableConfig);
        if (!down.ok) return fail(down.failure.message);
        const d = down.value;
        const dInit = await call('init (unreachable vendor)', () => d.init());
        if (!dInit.ok && dInit.failure.kind === 'timeout') return fail(dInit.failure.message);
        const health = await call('health (unreachable vendor)', () => d.health());
        if (!health.ok) return fail(`health must report 'down', not fail: ${health.failure.message}`);
        if (health.value.status === 'up') return fail('health is up although the vendor is unreachable');
        if (dInit.ok && options.duplicates && d.handle) {
          const handle = d.handle;
          const result = await call('handle (unreachable vendor)', () => handle.call(d, structuredClone(options.duplicates!.event)));
          if (result.ok) return fail('handle resolved although the vendor is unreachable: the effect is lost (it must reject so that the relay retries)');
          if (result.failure.kind === 'timeout') return fail(result.failure.message);
          notes.push('unreachable vendor: handle rejected');
        }
        await call('dispose', () => d.dispose());
      }
      // Let stray promises settle before looking for unhandled rejections.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (unhandled.length > 0) return fail(`unhandled rejection: ${unhandled.map((r) => (r instanceof Error ? r.message : String(r))).join('; ')}`);
      return pass(notes.join('; ') || undefined);
    },

    ...endpointChecks({
      manifest,
      validConfig: options.validConfig,
      unreachableConfig: options.unreachableConfig,
      endpoint: options.endpoint,
      call,
      started: async (config) => {
        const created = await create(config);
        if (!created.ok) return created;
        const instance = created.value;
        const init = await call('init', () => instance.init());
        return init.ok ? { ok: true, value: instance, elapsedMs: init.elapsedMs } : init;
      },
    }),
  };

  const results: ConformanceCheckResult[] = [];
  try {
    for (const check of CONFORMANCE_CHECKS) {
      let outcome: Outcome;
      try {
        outcome = await checks[check.id]();
      } catch (error) {
        outcome = fail(`the check itself threw: ${error instanceof Error ? error.message : String(error)}`);
      }
      results.push({ id: check.id, title: check.title, ...outcome });
    }
  } finally {
    // Instances left initialised by a failed check: dispose them, contained, best effort.
    await Promise.all(instances.map((instance) => runContained(() => instance.dispose(), timeoutMs, `${id}.dispose (cleanup)`)));
    process.off('unhandledRejection', onUnhandled);
  }
  const failed = results.filter((r) => r.status === 'fail').map((r) => r.id);
  return { adapterId: id, passed: failed.length === 0, checks: results, failed };
}

/**
 * The checks as a jest `describe` block, one `it` per check. `options` may be a function, called in
 * `beforeAll`, when it depends on something the spec starts first (a test server's port).
 */
export function describeAdapterConformance<Config, Instance extends AdapterInstance>(definition: AdapterDefinition<Config, Instance>, options: ConformanceOptions<Config> | (() => ConformanceOptions<Config> | Promise<ConformanceOptions<Config>>)): void {
  describe(`adapter conformance: ${definition.manifest?.id ?? '(no id)'}`, () => {
    let report: ConformanceReport | undefined;
    let error: unknown;
    beforeAll(async () => {
      try {
        const resolved = typeof options === 'function' ? await options() : options;
        report = await checkConformance(definition, resolved);
      } catch (e) {
        error = e;
      }
    }, 120_000);
    for (const check of CONFORMANCE_CHECKS) {
      it(check.title, () => {
        if (!report) throw new Error(`the conformance run failed: ${error instanceof Error ? error.message : String(error)}`);
        const result = report.checks.find((c) => c.id === check.id);
        if (!result) throw new Error(`check ${check.id} did not run`);
        if (result.status === 'fail') throw new Error(`${check.id}: ${result.reason ?? 'failed'}`);
      });
    }
  });
}
