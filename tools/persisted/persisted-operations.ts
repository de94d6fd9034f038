// The web app's GraphQL operations as a persisted-operation manifest: sha256(text) → text, the exact
// strings apps/admin sends. Written to apps/api/src/security/persisted-operations.json by `npm run codegen`
// (`npm run persisted`); tools/persisted/persisted-operations.spec.ts fails when it is stale.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- this tool reads the web app's operations to write the API's manifest */
import * as publicOperations from '../../apps/admin/src/operations';
import * as adminOperations from '../../apps/admin/src/admin/operations';
import * as bookingOperations from '../../apps/admin/src/booking/operations';
import * as calendarOperations from '../../apps/admin/src/calendar/operations';
import * as manageOperations from '../../apps/admin/src/manage/operations';
import * as consoleOperations from '../../apps/admin/src/console/operations';
/* eslint-enable @nx/enforce-module-boundaries */

export const MANIFEST_FILE = join(__dirname, '..', '..', 'apps', 'api', 'src', 'security', 'persisted-operations.json');

const isOperation = (value: unknown): value is string => typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value);

/** Every exported operation of the web app, by the sha256 of its text, in a stable order. */
export function manifest(): Record<string, string> {
  const texts = [publicOperations, adminOperations, bookingOperations, calendarOperations, manageOperations, consoleOperations].flatMap((module) => Object.values(module).filter(isOperation));
  const entries = texts.map((text) => [createHash('sha256').update(text).digest('hex'), text] as const).sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

export const manifestText = () => `${JSON.stringify(manifest(), null, 2)}\n`;

if (require.main === module) {
  writeFileSync(MANIFEST_FILE, manifestText());
  console.log(`${Object.keys(manifest()).length} persisted operations written to ${MANIFEST_FILE}`);
}

export const committedManifest = () => readFileSync(MANIFEST_FILE, 'utf8');
