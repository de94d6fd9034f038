import { rmSync } from 'node:fs';
import type { EmbeddedDatabase } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embeddedPg?: { db: EmbeddedDatabase; dir: string } }).__embeddedPg;
  if (!embedded) return;
  await embedded.db.stop();
  rmSync(embedded.dir, { recursive: true, force: true });
}
