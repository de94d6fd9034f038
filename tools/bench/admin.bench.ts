// Web app benchmark (issue 7): the public directory's bundle size (gzip) and its time to interactive on
// loopback — navigation start → results list rendered (the app's performance mark 'results-rendered', set
// when the first answer of `points` is on screen), median of BENCH_RUNS (default 5) cold page loads, each in
// a fresh browser context (empty cache), of /?town=Lannion&radius=30 in Debian's chromium (playwright-core).
// The API runs in-process on an embedded PostgreSQL in tmp/ (seeded), serving apps/admin/dist.
// The bundle counted is what the directory page actually requests (index.html and the files of /assets/ it
// loads); the lazy chunks it must not load (booking flow, admin console, calendar, meeting page) are listed apart.
//
//   npm run bench:admin        (= node -r @swc-node/register tools/bench/admin.bench.ts, Node 24)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConsoleLogger } from '@nestjs/common';
import { chromium } from 'playwright-core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark starts the API in-process, as the e2e tests do
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadConfig } from '../../apps/api/src/config';
import { benchDir, freePort, machine, median, printTable, repoRoot, revision } from './lib';

const RUNS = Math.min(20, Math.max(1, Number(process.env.BENCH_RUNS ?? 5)));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function bundleSizes(): { file: string; raw: number; gzip: number }[] {
  const dist = join(repoRoot, 'apps/admin/dist');
  const files = ['index.html', ...readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`)];
  return files.map((file) => {
    const content = readFileSync(join(dist, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [join(repoRoot, 'tools/build-admin.mjs'), '--force'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const sizes = bundleSizes();
  const dir = await benchDir('bench-admin');
  const config = loadConfig({ ...process.env, EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', PORT: '0', SEED: '1' });
  let api: RunningApi | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const runs: { tti: number; dcl: number; results: number }[] = [];
  /** Files of apps/admin/dist the directory page requested, over every load. */
  const loaded = new Set<string>();
  try {
    api = await startApi(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    if (!api.webAppDir) throw new Error('the API does not serve apps/admin/dist');
    const url = `${api.url}/?town=Lannion&radius=30`;
    // One warm-up load (the API's first GraphQL query compiles and plans), not counted.
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path === '/') loaded.add('index.html');
        else if (path.startsWith('/assets/')) loaded.add(path.slice(1));
      });
      await page.goto(url);
      await page.getByTestId('result').first().waitFor();
      const timing = (await page.evaluate(`(() => {
        const mark = performance.getEntriesByName('results-rendered')[0];
        const nav = performance.getEntriesByType('navigation')[0];
        return { tti: mark ? mark.startTime : NaN, dcl: nav ? nav.domContentLoadedEventEnd : NaN, results: document.querySelectorAll('[data-testid=result]').length };
      })()`)) as { tti: number; dcl: number; results: number };
      if (i > 0) runs.push(timing);
      await context.close();
    }
  } finally {
    await browser.close();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const m = machine();
  const rev = revision();
  console.log(`\nmachine: ${m.cores} cores, ${m.cpu}, Node ${m.node}; revision ${rev.commit}${rev.dirtyFiles ? ` (+${rev.dirtyFiles} uncommitted files)` : ''}`);
  const directory = sizes.filter((s) => loaded.has(s.file));
  const lazy = sizes.filter((s) => !loaded.has(s.file));
  const missing = [...loaded].filter((f) => !sizes.some((s) => s.file === f));
  if (missing.length) throw new Error(`the page requested files missing from dist: ${missing.join(', ')}`);
  console.log('\nloaded by the directory page:');
  printTable(['file', 'raw', 'gzip'], [...directory.map((s) => [s.file, kb(s.raw), kb(s.gzip)]), ['total', kb(directory.reduce((a, s) => a + s.raw, 0)), kb(directory.reduce((a, s) => a + s.gzip, 0))]]);
  console.log('\nlazy chunks, not loaded by the directory:');
  printTable(['file', 'raw', 'gzip'], lazy.map((s) => [s.file, kb(s.raw), kb(s.gzip)]));
  printTable(['run', 'DOMContentLoaded ms', 'results rendered ms', 'results'], runs.map((r, i) => [i + 1, r.dcl.toFixed(0), r.tti.toFixed(0), r.results]));
  const tti = median(runs.map((r) => r.tti));
  console.log(`median time to interactive (navigation start → results list rendered): ${tti.toFixed(0)} ms over ${runs.length} runs`);
  const gzipTotal = directory.reduce((a, s) => a + s.gzip, 0);
  console.log(
    JSON.stringify({
      bench: 'admin', machine: m, revision: rev, runs: runs.length, bundle: directory, lazyChunks: lazy, gzipTotalBytes: gzipTotal,
      allAssetsGzipBytes: sizes.reduce((a, s) => a + s.gzip, 0), ttiMedianMs: Math.round(tti), ttiMs: runs.map((r) => Math.round(r.tti)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
