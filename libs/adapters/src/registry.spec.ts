import { manifestProblems } from '@maillage/core';
import { ADAPTERS } from './index';

describe('the ADAPTERS registry', () => {
  it.each(Object.entries(ADAPTERS))('lists %s under its manifest id, with a valid manifest', (id, definition) => {
    expect(definition.manifest.id).toBe(id);
    expect(manifestProblems(definition.manifest)).toEqual([]);
  });
});
