// In-process CPU profiles for the benchmarks: the V8 sampling profiler through node:inspector, around one
// phase only (not the data generation), written as a .cpuprofile (Chrome DevTools, speedscope) and summed
// by package and by function so a run prints where the server's CPU went.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Runs `work` under the sampling profiler (100 µs interval) and writes the profile to `file`. */
export async function profiled<T>(file: string, work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    await writeFile(file, JSON.stringify(profile));
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** Where a frame's code lives: an npm package, a folder of this repository, Node's internals, or V8's own entries. */
export function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const [scope, name] = url.slice(nm + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return 'node: (internals)';
  const own = /\/(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+|tools\/[^/]+)\//.exec(url);
  return own ? own[1] : url;
}

export interface ProfileSummary {
  /** Sampled wall time, ms. */
  totalMs: number;
  /** Time not idle (the main thread busy: JavaScript, GC, native), ms. */
  busyMs: number;
  /** Self time by where the code lives (native frames and Node's internals on their own). */
  byCategory: { category: string; ms: number; share: number }[];
  /**
   * Time by the innermost package or folder of this repository on the stack: native and `node:` frames
   * count for the code that called them (e.g. the socket writes of `pg`'s queries go to `pg`).
   */
  byOwner: { category: string; ms: number; share: number }[];
  byFunction: { fn: string; category: string; ms: number; share: number }[];
}

/** Self time by category and by function, largest first (shares of the busy time). */
export function summarise(profile: CpuProfile, top = 20): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerOf = (id: number): string => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName } = byId.get(cur)!.callFrame;
      if (url && !url.startsWith('node:')) return categoryOf(url, functionName);
    }
    const { functionName } = byId.get(id)!.callFrame;
    return functionName.startsWith('(') ? functionName : '(no JavaScript caller: event loop, sockets)';
  };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const categories = new Map<string, number>();
  const owners = new Map<string, number>();
  const functions = new Map<string, { category: string; ms: number }>();
  let idle = 0;
  let total = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += ms;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const category = categoryOf(url, functionName);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const owner = ownerOf(id);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|apps|libs)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    const f = functions.get(key) ?? { category, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
  }
  const busy = total - idle;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    totalMs: round(total),
    busyMs: round(busy),
    byCategory: [...categories].sort((a, b) => b[1] - a[1]).slice(0, top).map(([category, ms]) => ({ category, ms: round(ms), share: round((100 * ms) / busy) })),
    byOwner: [...owners].sort((a, b) => b[1] - a[1]).slice(0, top).map(([category, ms]) => ({ category, ms: round(ms), share: round((100 * ms) / busy) })),
    byFunction: [...functions].sort((a, b) => b[1].ms - a[1].ms).slice(0, top).map(([fn, f]) => ({ fn, category: f.category, ms: round(f.ms), share: round((100 * f.ms) / busy) })),
  };
}
