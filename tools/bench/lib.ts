// Helpers shared by the benchmarks in tools/bench/: free ports, /proc memory readings, statistics, output.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A TCP port free on 127.0.0.1 at the time of the call. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * A fresh folder under the repo's tmp/ (git-ignored). mkdtemp makes it 0700; run as root, the embedded
 * PostgreSQL runs as the `postgres` user, who must be able to traverse it to reach its data folder.
 */
export async function benchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(repoRoot, 'tmp', `${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
}

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Every process visible in /proc (pid, parent, command line with spaces for NULs). */
export function listProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** `pid` and all its descendants. */
export function descendants(pid: number, procs = listProcesses()): ProcInfo[] {
  const found: ProcInfo[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const p of procs) {
      if (p.ppid === parent) {
        found.push(p);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

/**
 * The PostgreSQL processes serving `dataDir`: the postmaster (its command line holds `-D dataDir`) and
 * its children (checkpointer, walwriter, I/O workers, backends), whose command lines PostgreSQL rewrites.
 */
export function postgresProcesses(dataDir: string): ProcInfo[] {
  const procs = listProcesses();
  const masters = procs.filter((p) => p.cmdline.includes(dataDir) && /(^|\/)postgres\s/.test(p.cmdline));
  return masters.flatMap((m) => [m, ...descendants(m.pid, procs)]);
}

export interface Memory {
  /** VmRSS, kB. */
  rssKb: number;
  /** RssAnon, kB: private memory, without the shared buffers every PostgreSQL process maps. */
  anonKb: number;
}

export function memoryOf(pid: number): Memory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssKb: kb('VmRSS'), anonKb: kb('RssAnon') };
  } catch {
    return { rssKb: 0, anonKb: 0 };
  }
}

export const mb = (kb: number) => Math.round(kb / 102.4) / 10;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function machine(): { cores: number; cpu: string; node: string } {
  return { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version };
}

/** A plain-text table, columns padded; numbers right-aligned. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[], raw?: (string | number)[]) =>
    r.map((cell, c) => (typeof raw?.[c] === 'number' ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r, i) => console.log(line(cells[i + 1], r)));
}

/** The commit measured, and whether the working tree differed from it (figures are only comparable per revision). */
export function revision(): { commit: string; dirtyFiles: number } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), dirtyFiles: git('status', '--porcelain').split('\n').filter(Boolean).length };
  } catch {
    return { commit: process.env.BENCH_REVISION ?? 'unknown (not a git checkout)', dirtyFiles: 0 };
  }
}

/** What tools/bench/load.mjs (autocannon, in a child process so it does not share the server's CPU time slices in-process) reports. */
export interface LoadResult {
  connections: number;
  durationS: number;
  warmupS: number;
  requestsTotal: number;
  requestsPerSecond: number;
  latencyMs: { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  throughputBytesPerSecond: number;
}

/** Runs autocannon in a child process with `options` (url, method, body, connections, durationS, warmupS, expectPrefix…). */
export function load(options: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(__dirname, 'load.mjs'), JSON.stringify(options)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), (Number(options.durationS) + Number(options.warmupS) + 30) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return fail(new Error(`load generator exited with ${code}: ${out}`));
      try {
        done(JSON.parse(out.trim().split('\n').pop() ?? '') as LoadResult);
      } catch (error) {
        fail(error);
      }
    });
  });
}
