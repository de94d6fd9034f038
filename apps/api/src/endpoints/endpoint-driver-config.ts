import { DomainError, invalidInput, secretNames, validateAdapterConfig } from '@maillage/core';
import type { AdapterRegistry } from '../adapters/adapter-registry';

/**
 * Checks the driver of an endpoint before it is written: the adapter exists and is of kind
 * 'endpoint', its configuration fits the manifest's schema (secrets excluded, defaults filled in),
 * and secrets name only secret properties. Errors name the endpoint input's fields
 * (['input', 'adapterConfig', 'port'], ['input', 'adapterSecrets', 'token']).
 */
export function checkEndpointDriver(registry: AdapterRegistry, adapterId: string, config: Record<string, unknown>, secrets: Record<string, string> | undefined): Record<string, unknown> {
  const definition = registry.get(adapterId);
  const drivers = [...registry.values()].filter((d) => d.manifest.kind === 'endpoint').map((d) => d.manifest.id);
  if (!definition || definition.manifest.kind !== 'endpoint') {
    throw invalidInput(['input', 'adapterId'], `${adapterId} is not a room system driver`, { messageFr: 'Pilote de salle inconnu', details: { known: drivers } });
  }
  const secretKeys = secretNames(definition.manifest.configSchema);
  const misplaced = secretKeys.find((k) => k in config);
  if (misplaced) throw invalidInput(['input', 'adapterConfig', misplaced], `${misplaced} is a secret: pass it in adapterSecrets`, { messageFr: `${misplaced} est un secret` });
  const unknown = Object.keys(secrets ?? {}).find((k) => !secretKeys.includes(k));
  if (unknown) throw invalidInput(['input', 'adapterSecrets', unknown], `Driver ${adapterId} has no secret ${unknown}`, { messageFr: `Secret inconnu : ${unknown}` });
  try {
    return validateAdapterConfig(definition.manifest, config);
  } catch (error) {
    if (error instanceof DomainError && error.field?.[0] === 'config') throw invalidInput(['input', 'adapterConfig', ...error.field.slice(1)], error.message, { messageFr: error.messageFr, details: error.details });
    throw error;
  }
}
