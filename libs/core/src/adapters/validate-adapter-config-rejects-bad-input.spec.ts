import { DomainError } from '../errors/domain-error';
import type { AdapterManifest } from './sdk';
import { manifestProblems, validateAdapterConfig } from './validate-config';

const manifest: AdapterManifest = {
  id: 'bridge-example',
  kind: 'conferencing',
  version: '2.1.0-beta.1',
  displayName: 'Bridge example',
  capabilities: ['open-bridge'],
  configSchema: {
    type: 'object',
    properties: {
      baseUrl: { type: 'string', format: 'uri' },
      contact: { type: 'string', format: 'email' },
      region: { type: 'string', enum: ['eu-west', 'eu-central'], default: 'eu-west' },
      apiKey: { type: 'string', secret: true, minLength: 10 },
    },
    required: ['baseUrl', 'apiKey'],
    additionalProperties: false,
  },
  subscribes: ['reservation.confirmed', 'reservation.reminder'],
};

const rejection = (config: unknown): DomainError => {
  try {
    validateAdapterConfig(manifest, config);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('validateAdapterConfig', () => {
  it('accepts a valid configuration, fills in defaults, and leaves the input untouched', () => {
    const input = { baseUrl: 'https://bridge.example.org/api' };
    expect(validateAdapterConfig(manifest, input)).toEqual({ baseUrl: 'https://bridge.example.org/api', region: 'eu-west' });
    expect(input).toEqual({ baseUrl: 'https://bridge.example.org/api' });
  });

  it('does not require secrets in the configuration (they live in the secret store) and refuses them there', () => {
    expect(rejection({ baseUrl: 'https://bridge.example.org', apiKey: '0123456789' }).field).toEqual(['config', 'apiKey']);
  });

  it.each([
    [{}, ['config', 'baseUrl'], /must have required property 'baseUrl'/],
    [{ baseUrl: 'not a url' }, ['config', 'baseUrl'], /must match format "uri"/],
    [{ baseUrl: 'https://x.org', contact: 'nobody' }, ['config', 'contact'], /must match format "email"/],
    [{ baseUrl: 'https://x.org', region: 'us-east' }, ['config', 'region'], /must be equal to one of the allowed values/],
    [{ baseUrl: 'https://x.org', colour: 'blue' }, ['config', 'colour'], /unknown property colour/],
  ])('rejects %j with BAD_USER_INPUT at %j', (config, field, message) => {
    const error = rejection(config);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toEqual(field);
    expect(error.message).toMatch(message);
    expect(error.messageFr).toMatch(/^Configuration invalide/);
  });

  it('rejects a configuration that is not an object', () => {
    expect(rejection([1, 2]).field).toEqual(['config']);
    expect(rejection(null).field).toEqual(['config']);
  });
});

describe('manifestProblems', () => {
  it('finds nothing wrong with a valid manifest', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('lists every problem of a bad one', () => {
    const bad = {
      ...manifest,
      id: 'BridgeExample',
      version: 'v2',
      kind: 'teleporter',
      subscribes: ['reservation.confirmed', 'meeting.teleported'],
      configSchema: { type: 'object', properties: { port: { type: 'integr' } } },
    } as unknown as AdapterManifest;
    const problems = manifestProblems(bad);
    expect(problems).toEqual([
      'id "BridgeExample" is not lowercase kebab-case',
      'version "v2" is not semver (e.g. 1.0.0)',
      'kind "teleporter" is not one of conferencing, endpoint, concierge, notification',
      'subscribes to unknown event "meeting.teleported"',
      expect.stringMatching(/^configSchema is not a valid JSON Schema/),
    ]);
  });

  it('refuses a configSchema that is not an object schema, or requires an undeclared property', () => {
    expect(manifestProblems({ ...manifest, configSchema: { type: 'string' } as unknown as AdapterManifest['configSchema'] })).toEqual(['configSchema is not a JSON Schema of type object with properties']);
    expect(manifestProblems({ ...manifest, configSchema: { type: 'object', properties: {}, required: ['host'] } })).toEqual([expect.stringMatching(/host/)]);
  });
});
