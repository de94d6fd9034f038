import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as adminOperations from './admin/operations';
import * as bookingOperations from './booking/operations';
import * as calendarOperations from './calendar/operations';
import * as dashboardOperations from './dashboard/operations';
import * as endpointOperations from './admin/endpoints/operations';
import * as publicOperations from './operations';

const operations = { ...publicOperations, ...adminOperations, ...bookingOperations, ...calendarOperations, ...dashboardOperations, ...endpointOperations };

const root = join(__dirname, '..', '..', '..');

describe('the app’s GraphQL operations', () => {
  it('are valid against the committed schema (apps/api/schema.graphql)', () => {
    const schema = buildSchema(readFileSync(join(root, 'apps/api/schema.graphql'), 'utf8'));
    const documents = Object.entries(operations).filter(([, value]) => typeof value === 'string');
    expect(documents.length).toBeGreaterThanOrEqual(2);
    for (const [name, text] of documents) expect([name, validate(schema, parse(text as string)).map((e) => e.message)]).toEqual([name, []]);
  });

  it('have up-to-date generated types (run `npm run codegen` after changing them or the schema)', async () => {
    // @graphql-codegen/cli's programmatic API: the same config as `npm run codegen`, without writing files.
    const { generate } = await import('@graphql-codegen/cli');
    const config = (await import('../codegen')).default;
    const previous = process.cwd();
    process.chdir(root);
    try {
      const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      expect(outputs.length).toBe(Object.keys(config.generates).length);
      for (const output of outputs) {
        const committed = readFileSync(join(root, output.filename), 'utf8');
        expect([output.filename, committed === output.content]).toEqual([output.filename, true]);
      }
    } finally {
      process.chdir(previous);
    }
  });
});
