import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { Subject, type Observable } from 'rxjs';
import { MeetingBridge, type MeetingClosedReason } from './meeting-bridge';
import { SipCalls } from './sip-calls';
import { resolveMediaOptions, type MediaServerOptions, type ResolvedMediaOptions } from './media-options';
import type { MeetingSnapshot } from './protocol';
import { MEETING_MEDIA_CODECS } from './router-settings';
import { WorkerPool, type Mediasoup, type WorkerDeath } from './worker-pool';

/** Something went wrong under the meetings; the API records it (one incident per meeting). */
export interface MediaIncident {
  kind: 'worker-died';
  /** ISO instant. */
  at: string;
  workerPid: number;
  /** The meetings that were on the worker. */
  meetingIds: string[];
  detail: string;
  /** Every one of those meetings is on a live worker again. */
  recovered: boolean;
}

export interface MediaStats {
  workers: number;
  bridges: number;
  peers: number;
  producers: number;
  consumers: number;
}

const RECONNECT_REASON = 'the media server of this meeting failed; the meeting moved to another one';

/**
 * The media engine of the live meetings: a pool of mediasoup workers and one bridge (router) per
 * open meeting, placed on the least-loaded worker. When a worker dies it is replaced, its
 * meetings move to new routers, their peers are told to reconnect, and `incidents$` says so.
 * Nothing starts before `start()` or the first `openBridge`.
 */
export class MediaServer {
  private readonly options: ResolvedMediaOptions;
  private readonly bridges = new Map<string, MeetingBridge>();
  private readonly opening = new Map<string, Promise<MeetingBridge>>();
  private readonly incidents = new Subject<MediaIncident>();
  private pool?: WorkerPool;
  private starting?: Promise<void>;
  private closing?: Promise<void>;

  readonly incidents$: Observable<MediaIncident> = this.incidents.asObservable();

  /** The SIP calls' media (the media half of the sip-drachtio adapter's SipCallHost). */
  readonly sip: SipCalls;

  constructor(options: MediaServerOptions = {}) {
    this.options = resolveMediaOptions(options);
    this.sip = new SipCalls({
      bridge: (meetingId) => this.bridges.get(meetingId),
      createRouter: async (routerOptions) => {
        await this.start();
        if (!this.pool) throw new Error('the media server is not started');
        return this.pool.createRouter(routerOptions);
      },
      listenIp: this.options.listenIp,
      announcedAddress: this.options.announcedAddress,
      rtcMinPort: this.options.rtcMinPort,
      rtcMaxPort: this.options.rtcMaxPort,
      logger: this.options.logger,
    });
  }

  /** Starts the workers (once; a failed start may be retried). */
  start(): Promise<void> {
    this.starting ??= this.startWorkers().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  /** The meeting's bridge, opened on first call; later calls return the same bridge. */
  openBridge(meetingId: string, meeting: MeetingSnapshot): Promise<MeetingBridge> {
    const open = this.bridges.get(meetingId);
    if (open) return Promise.resolve(open);
    let pending = this.opening.get(meetingId);
    if (!pending) {
      pending = this.createBridge(meetingId, meeting).finally(() => this.opening.delete(meetingId));
      this.opening.set(meetingId, pending);
    }
    return pending;
  }

  bridge(meetingId: string): MeetingBridge | undefined {
    return this.bridges.get(meetingId);
  }

  /** Tells the meeting's peers it is over (`meetingClosed`) and frees its router. No-op when not open. */
  async closeBridge(meetingId: string, reason: MeetingClosedReason): Promise<void> {
    const bridge = this.bridges.get(meetingId) ?? (await this.opening.get(meetingId)?.catch(() => undefined));
    bridge?.close(reason);
  }

  workerPids(): number[] {
    return this.pool?.pids() ?? [];
  }

  stats(): MediaStats {
    const stats: MediaStats = { workers: this.pool?.size ?? 0, bridges: this.bridges.size, peers: 0, producers: 0, consumers: 0 };
    for (const bridge of this.bridges.values()) {
      const counts = bridge.counts();
      stats.peers += counts.peers;
      stats.producers += counts.producers;
      stats.consumers += counts.consumers;
    }
    return stats;
  }

  /**
   * Closes every bridge (without telling the peers: the meetings are not over, the process is
   * stopping) and every worker, and waits for the worker processes to exit.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    await Promise.allSettled([this.starting, ...this.opening.values()]);
    this.sip.closeAll();
    for (const bridge of [...this.bridges.values()]) bridge.close();
    await this.pool?.close();
    this.pool = undefined;
    this.incidents.complete();
  }

  private async startWorkers(): Promise<void> {
    this.assertNotClosed();
    const mediasoup = await loadMediasoup(this.options.workerBin);
    const pool = new WorkerPool(mediasoup, {
      size: this.options.workers,
      logger: this.options.logger,
      onDeath: (death) => void this.recover(death),
    });
    try {
      await pool.start();
    } catch (error) {
      await pool.close();
      throw error;
    }
    this.pool = pool;
    this.options.logger.info('media workers started', { pids: pool.pids(), listenIp: this.options.listenIp, announcedAddress: this.options.announcedAddress });
  }

  private async createBridge(meetingId: string, meeting: MeetingSnapshot): Promise<MeetingBridge> {
    await this.start();
    this.assertNotClosed();
    const bridge = new MeetingBridge(meetingId, meeting, this.options, (closed) => {
      if (this.bridges.get(meetingId) === closed) this.bridges.delete(meetingId);
    });
    await bridge.attach(await this.placeRouter());
    if (this.closing) {
      bridge.close();
      this.assertNotClosed();
    }
    this.bridges.set(meetingId, bridge);
    return bridge;
  }

  private placeRouter() {
    if (!this.pool) throw new Error('the media server is not started');
    return this.pool.createRouter({ mediaCodecs: MEETING_MEDIA_CODECS });
  }

  /** Moves every meeting of a dead worker to a new router, then reports the incident. */
  private async recover(death: WorkerDeath): Promise<void> {
    const affected = [...this.bridges.values()].filter((bridge) => bridge.workerPid === death.pid);
    let moved = 0;
    for (const bridge of affected) {
      if (bridge.isClosed) {
        moved += 1; // ended meanwhile: nothing to move
        continue;
      }
      try {
        await bridge.moveTo(await this.placeRouter(), RECONNECT_REASON);
        moved += 1;
      } catch (error) {
        this.options.logger.error('could not move a meeting to a live media worker', { meetingId: bridge.meetingId, error: String(error) });
      }
    }
    if (this.closing) return;
    const replacement = death.replacementPid === undefined ? 'no replacement worker could start' : `replaced by worker ${death.replacementPid}`;
    this.incidents.next({
      kind: 'worker-died',
      at: new Date().toISOString(),
      workerPid: death.pid,
      meetingIds: affected.map((bridge) => bridge.meetingId),
      detail: `${death.error.message}; ${replacement}; ${moved}/${affected.length} meetings moved`,
      recovered: moved === affected.length,
    });
  }

  private assertNotClosed(): void {
    if (this.closing) throw new Error('the media server is closed');
  }
}

/**
 * mediasoup reads MEDIASOUP_WORKER_BIN once, when it is first loaded: it is loaded here, on first
 * start, after the variable is set from the options.
 */
async function loadMediasoup(workerBin: string | undefined): Promise<Mediasoup> {
  const bin = workerBin ?? process.env.MEDIASOUP_WORKER_BIN;
  if (!bin) {
    throw new Error('MEDIASOUP_WORKER_BIN is not set: export MEDIASOUP_WORKER_BIN="$(tools/setup/build-mediasoup-worker.sh)" (npm start and npm test do it)');
  }
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new Error(`the mediasoup worker "${bin}" is missing or not executable: run tools/setup/build-mediasoup-worker.sh`);
  }
  process.env.MEDIASOUP_WORKER_BIN = bin;
  const mediasoup = await import('mediasoup');
  if (mediasoup.workerBin !== bin) {
    throw new Error(`mediasoup was loaded earlier with the worker "${mediasoup.workerBin}": set MEDIASOUP_WORKER_BIN before anything loads mediasoup`);
  }
  return mediasoup;
}
