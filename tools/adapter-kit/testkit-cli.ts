/**
 * `npm run adapter:testkit -- <folder or conformance.ts> [--json]`: runs the conformance suite
 * against an adapter anywhere on disk (inside the repo or not) and prints the report. The folder's
 * `conformance.ts` exports `definition` (the AdapterDefinition) and `conformance` (the options, or a
 * function returning them, possibly async; a `close()` export is called at the end). Its imports of
 * `@maillage/core` and `@maillage/adapters` resolve to this checkout. Exit code 0 when every check
 * passed or was skipped, 1 when one failed, 2 when the adapter could not be loaded.
 */
import { existsSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the external testkit runs the SDK's checks
import type { AdapterDefinition, AdapterInstance } from '@maillage/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem: the conformance suite itself
import { checkConformance, type ConformanceOptions, type ConformanceReport } from '@maillage/adapters';

const repoRoot = resolve(__dirname, '..', '..');
const ALIASES: Record<string, string> = {
  '@maillage/core': join(repoRoot, 'libs', 'core', 'src', 'index.ts'),
  '@maillage/adapters': join(repoRoot, 'libs', 'adapters', 'src', 'index.ts'),
};

/** Lets code outside the repo import the SDK and the testkit of this checkout. */
function aliasOurPackages(): void {
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return original.call(this, ALIASES[request] ?? request, ...rest);
  };
}

interface ConformanceModule {
  definition?: AdapterDefinition<unknown, AdapterInstance>;
  conformance?: ConformanceOptions<unknown> | (() => ConformanceOptions<unknown> | Promise<ConformanceOptions<unknown>>);
  close?: () => unknown;
}

export function formatReport(report: ConformanceReport): string {
  const mark = { pass: 'PASS', fail: 'FAIL', skip: 'skip' } as const;
  const lines = [`Conformance report: ${report.adapterId}`, ''];
  for (const check of report.checks) lines.push(`  ${mark[check.status]}  ${check.id.padEnd(26)} ${check.title}${check.reason ? `\n        ${check.reason}` : ''}`);
  const count = (s: string) => report.checks.filter((c) => c.status === s).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`, report.passed ? 'CONFORMANT' : `NOT CONFORMANT: ${report.failed.join(', ')}`);
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  const target = args.find((a) => !a.startsWith('--'));
  if (!target) {
    console.error('usage: npm run adapter:testkit -- <adapter folder | conformance.ts> [--json]');
    return 2;
  }
  const path = resolve(target);
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'conformance.ts') : path;
  if (!existsSync(file)) {
    console.error(`adapter:testkit: ${file} not found (the folder needs a conformance.ts exporting definition and conformance)`);
    return 2;
  }
  aliasOurPackages();
  let loaded: ConformanceModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path given at run time, compiled by @swc-node/register
    loaded = require(file) as ConformanceModule;
  } catch (error) {
    console.error(`adapter:testkit: cannot load ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!loaded.definition || !loaded.conformance) {
    console.error(`adapter:testkit: ${file} must export \`definition\` and \`conformance\``);
    return 2;
  }
  try {
    const options = typeof loaded.conformance === 'function' ? await loaded.conformance() : loaded.conformance;
    const report = await checkConformance(loaded.definition, options);
    console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.passed ? 0 : 1;
  } finally {
    await loaded.close?.();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`adapter:testkit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(2);
    },
  );
}
