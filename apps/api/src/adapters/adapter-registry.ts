import type { AnyAdapterDefinition } from '@maillage/core';

/** NOTIFY channel: a binding id whose row changed (bound, unbound), or `endpoint:<id>` for an endpoint's driver, for every process to reload it. */
export const BINDINGS_CHANNEL = 'maillage_bindings';
/** NOTIFY payload prefix on BINDINGS_CHANNEL for an endpoint whose driver changed. */
export const ENDPOINT_BINDING_PREFIX = 'endpoint:';

/** Nest token of the adapters this API can bind, by manifest id. */
export const ADAPTER_REGISTRY = Symbol('ADAPTER_REGISTRY');
export type AdapterRegistry = ReadonlyMap<string, AnyAdapterDefinition>;

/**
 * The registry: the adapters shipped in libs/adapters (`ADAPTERS`) plus, for tests and private
 * deployments, the `ADAPTERS` exported by each module listed in MAILLAGE_EXTRA_ADAPTERS
 * (comma-separated paths). A later definition with the same id replaces an earlier one.
 */
export function loadAdapterRegistry(builtIn: readonly AnyAdapterDefinition[], env: NodeJS.ProcessEnv = process.env): AdapterRegistry {
  const all = [...builtIn];
  for (const path of (env.MAILLAGE_EXTRA_ADAPTERS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path) as { ADAPTERS?: readonly AnyAdapterDefinition[] };
    if (!Array.isArray(loaded.ADAPTERS)) throw new Error(`${path} does not export ADAPTERS`);
    all.push(...loaded.ADAPTERS);
  }
  return new Map(all.map((d) => [d.manifest.id, d]));
}
