/**
 * Validation of adapter manifests and binding configurations with ajv (JSON Schema 2020-12). The
 * host runs `validateAdapterConfig` before saving a binding and before `create`; the testkit runs
 * both functions against every adapter.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { invalidInput } from '../errors/domain-error';
import { isEventName } from '../events/event-map';
import type { AdapterKind, AdapterManifest, ConfigSchema } from './sdk';

export const ADAPTER_KINDS: readonly AdapterKind[] = ['conferencing', 'endpoint', 'concierge', 'notification'];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// semver.org's regular expression (major.minor.patch, optional pre-release and build).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, useDefaults: true });
  // Our one extension keyword: a property stored encrypted and write-only (see JsonSchemaProperty.secret).
  ajv.addKeyword({ keyword: 'secret', schemaType: 'boolean' });
  // The formats ConfigSchema allows (no ajv-formats dependency: three small checks).
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('hostname', /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i);
  ajv.addFormat('uri', (value: string) => {
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(value) && Boolean(new URL(value));
    } catch {
      return false;
    }
  });
  return ajv;
}

const ajv = createAjv();
const compiled = new WeakMap<ConfigSchema, ValidateFunction>();

/** Names of the properties marked `secret: true`: the host keeps them in the secret store, never in `config`. */
export const secretNames = (schema: ConfigSchema): string[] => Object.entries(schema.properties).filter(([, p]) => p.secret === true).map(([name]) => name);

/** The schema of `config` proper: secret properties removed (they reach the adapter through `secrets`). */
export function configSchemaWithoutSecrets(schema: ConfigSchema): ConfigSchema {
  const secrets = new Set(secretNames(schema));
  if (secrets.size === 0) return schema;
  return {
    ...schema,
    properties: Object.fromEntries(Object.entries(schema.properties).filter(([name]) => !secrets.has(name))),
    ...(schema.required ? { required: schema.required.filter((name) => !secrets.has(name)) } : {}),
  };
}

/**
 * What is wrong with a manifest, in English, one line per problem; empty when it is valid: id
 * kebab-case, semver version, known kind, a configSchema that is an object JSON Schema ajv compiles,
 * known event names.
 */
export function manifestProblems(manifest: AdapterManifest): string[] {
  const problems: string[] = [];
  const m = manifest as Partial<Record<keyof AdapterManifest, unknown>>;
  if (typeof m.id !== 'string' || !KEBAB.test(m.id)) problems.push(`id ${JSON.stringify(m.id)} is not lowercase kebab-case`);
  if (typeof m.version !== 'string' || !SEMVER.test(m.version)) problems.push(`version ${JSON.stringify(m.version)} is not semver (e.g. 1.0.0)`);
  if (typeof m.kind !== 'string' || !(ADAPTER_KINDS as readonly string[]).includes(m.kind)) problems.push(`kind ${JSON.stringify(m.kind)} is not one of ${ADAPTER_KINDS.join(', ')}`);
  if (typeof m.displayName !== 'string' || m.displayName.trim() === '') problems.push('displayName is empty');
  if (!Array.isArray(m.capabilities) || !m.capabilities.every((c) => typeof c === 'string')) problems.push('capabilities is not a list of strings');
  if (!Array.isArray(m.subscribes)) problems.push('subscribes is not a list');
  else for (const name of m.subscribes) if (typeof name !== 'string' || !isEventName(name)) problems.push(`subscribes to unknown event ${JSON.stringify(name)}`);
  const schema = m.configSchema as ConfigSchema | undefined;
  if (typeof schema !== 'object' || schema === null || schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) {
    problems.push('configSchema is not a JSON Schema of type object with properties');
  } else if (!ajv.validateSchema(schema)) {
    problems.push(`configSchema is not a valid JSON Schema: ${ajv.errorsText(ajv.errors)}`);
  } else {
    try {
      ajv.compile(schema); // strict mode: unknown keywords and formats, `required` naming an undeclared property, type mismatches
    } catch (error) {
      problems.push(`configSchema does not compile: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

function fieldOf(error: ErrorObject): (string | number)[] {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty) path.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && params.additionalProperty) path.push(params.additionalProperty);
  return ['config', ...path];
}

function describeError(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string };
  if (error.keyword === 'additionalProperties' && params.additionalProperty) return `unknown property ${params.additionalProperty}`;
  return error.message ?? error.keyword;
}

/**
 * Checks a binding's configuration (secrets excluded) against the manifest's configSchema and
 * returns a copy with the schema's defaults filled in. Throws BAD_USER_INPUT whose `field` is the
 * path of the first offending value (['config', 'port']); `details.errors` lists them all.
 */
export function validateAdapterConfig<Config = Record<string, unknown>>(manifest: AdapterManifest, config: unknown): Config {
  const schema = configSchemaWithoutSecrets(manifest.configSchema);
  let validate = compiled.get(manifest.configSchema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(manifest.configSchema, validate);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw invalidInput(['config'], `Configuration of adapter ${manifest.id} must be an object`, { messageFr: 'La configuration doit être un objet' });
  }
  const copy: unknown = structuredClone(config);
  if (!validate(copy)) {
    const errors = validate.errors ?? [];
    const first = errors[0];
    const field = first ? fieldOf(first) : ['config'];
    const text = first ? `${field.join('.')}: ${describeError(first)}` : 'invalid';
    throw invalidInput(field, `Configuration of adapter ${manifest.id} is invalid: ${text}`, {
      messageFr: `Configuration invalide (${field.slice(1).join('.') || 'config'}) : ${first ? describeError(first) : 'valeur refusée'}`,
      details: { adapterId: manifest.id, errors: errors.map((e) => ({ field: fieldOf(e), message: describeError(e) })) },
    });
  }
  return copy as Config;
}
