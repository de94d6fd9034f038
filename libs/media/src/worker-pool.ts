import type { types } from 'mediasoup';
import type { PlacedRouter } from './meeting-bridge';
import type { MediaLogger } from './media-options';
import { SignallingError } from './protocol';

export type Mediasoup = typeof import('mediasoup');

export interface WorkerDeath {
  pid: number;
  error: Error;
  /** The worker started in its place, when it started. */
  replacementPid?: number;
}

/** How long close() waits for a worker process to exit before killing it. */
const EXIT_TIMEOUT_MS = 3000;

/**
 * A fixed number of mediasoup worker processes. Routers go to the worker holding the fewest; a
 * worker that dies is replaced at once, then `onDeath` is told (the routers it held are closed by
 * then, and the replacement can take new ones).
 */
export class WorkerPool {
  private readonly routerCounts = new Map<types.Worker, number>();
  private closing = false;

  constructor(
    private readonly mediasoup: Mediasoup,
    private readonly settings: { size: number; logger: MediaLogger; onDeath: (death: WorkerDeath) => void },
  ) {}

  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.settings.size }, () => this.spawn()));
  }

  pids(): number[] {
    return [...this.routerCounts.keys()].map((worker) => worker.pid);
  }

  get size(): number {
    return this.routerCounts.size;
  }

  /** A router on the least-loaded live worker. */
  async createRouter(options: types.RouterOptions): Promise<PlacedRouter> {
    const worker = this.leastLoaded();
    if (!worker) throw new SignallingError('UNAVAILABLE', 'no media worker is running');
    // Counted before the await, so routers requested together spread over the workers.
    this.adjust(worker, +1);
    try {
      const router = await worker.createRouter(options);
      router.observer.once('close', () => this.adjust(worker, -1));
      return { router, workerPid: worker.pid };
    } catch (error) {
      this.adjust(worker, -1);
      throw error;
    }
  }

  /** Closes every worker and waits (bounded) for their processes to exit. */
  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.routerCounts.keys()];
    this.routerCounts.clear();
    await Promise.all(workers.map((worker) => closeAndWait(worker)));
  }

  private async spawn(): Promise<types.Worker> {
    const worker = await this.mediasoup.createWorker({ logLevel: 'warn', disableLiburing: true });
    if (this.closing) {
      await closeAndWait(worker);
      throw new Error('the media server is closing');
    }
    this.routerCounts.set(worker, 0);
    worker.once('died', (error) => void this.replace(worker, error));
    return worker;
  }

  private async replace(dead: types.Worker, error: Error): Promise<void> {
    this.routerCounts.delete(dead);
    if (this.closing) return;
    this.settings.logger.error('a media worker died', { pid: dead.pid, error: error.message });
    let replacementPid: number | undefined;
    try {
      replacementPid = (await this.spawn()).pid;
      this.settings.logger.info('media worker replaced', { deadPid: dead.pid, pid: replacementPid });
    } catch (spawnError) {
      if (this.closing) return;
      this.settings.logger.error('could not start a replacement media worker', { error: String(spawnError) });
    }
    this.settings.onDeath({ pid: dead.pid, error, replacementPid });
  }

  private leastLoaded(): types.Worker | undefined {
    let best: types.Worker | undefined;
    for (const [worker, count] of this.routerCounts) {
      if (!best || count < (this.routerCounts.get(best) ?? 0)) best = worker;
    }
    return best;
  }

  private adjust(worker: types.Worker, delta: number): void {
    const count = this.routerCounts.get(worker);
    if (count !== undefined) this.routerCounts.set(worker, count + delta);
  }
}

async function closeAndWait(worker: types.Worker): Promise<void> {
  if (worker.subprocessClosed) return;
  const exited = new Promise<void>((resolve) => worker.once('subprocessclose', resolve));
  worker.close();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), EXIT_TIMEOUT_MS)));
  if (await Promise.race([exited.then(() => false), timedOut])) {
    try {
      process.kill(worker.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  clearTimeout(timer);
}
