/**
 * `npm run adapter:new -- <kind> <vendor> [--out <folder>]`: writes `<folder>/<kind>-<vendor>/`
 * (default folder: libs/adapters/src), an adapter that already passes the testkit, to be completed
 * with the vendor's protocol. Kinds: endpoint, notification. Exit code 2 on bad arguments.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { renderAdapterFolder, type TemplateInput } from './templates';

const repoRoot = resolve(__dirname, '..', '..');
const adaptersSrc = join(repoRoot, 'libs', 'adapters', 'src');
const KINDS = ['endpoint', 'notification'] as const;

export function newAdapter(args: readonly string[]): { folder: string; files: string[] } {
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : adaptersSrc;
  const [kind, vendor] = positional;
  if (!KINDS.includes(kind as (typeof KINDS)[number])) throw new Error(`kind must be one of ${KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  if (!vendor || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(vendor)) throw new Error(`vendor must be lowercase kebab-case, e.g. acme or polycom-trio (got ${JSON.stringify(vendor)})`);
  const id = `${kind === 'endpoint' ? 'room' : kind}-${vendor}`;
  const folder = join(out, id);
  if (existsSync(folder)) throw new Error(`${folder} already exists`);
  const Name = id
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  // Inside libs/adapters the testkit is a sibling folder; elsewhere it comes from the package.
  const testkit = resolve(out) === adaptersSrc ? '../testkit' : '@maillage/adapters';
  const input: TemplateInput = { kind: kind as TemplateInput['kind'], vendor, id, Name, testkit };
  mkdirSync(folder, { recursive: true });
  const files = Object.entries(renderAdapterFolder(input));
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  return { folder, files: files.map(([name]) => name) };
}

if (require.main === module) {
  try {
    const { folder, files } = newAdapter(process.argv.slice(2));
    const shown = relative(process.cwd(), folder) || folder;
    console.log(`created ${shown}/\n${files.map((f) => `  ${f}`).join('\n')}\n\nnext: npm run adapter:testkit -- ${shown}`);
  } catch (error) {
    console.error(`adapter:new: ${error instanceof Error ? error.message : String(error)}\nusage: npm run adapter:new -- <endpoint|notification> <vendor> [--out <folder>]`);
    process.exit(2);
  }
}
