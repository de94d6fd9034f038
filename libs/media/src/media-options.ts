import { availableParallelism } from 'node:os';

export interface MediaLogger {
  info(message: string, details?: object): void;
  warn(message: string, details?: object): void;
  error(message: string, details?: object): void;
}

export interface MediaServerOptions {
  /** The mediasoup worker binary; default: env MEDIASOUP_WORKER_BIN (tools/setup/build-mediasoup-worker.sh). */
  workerBin?: string;
  /** Worker processes; default one per core (os.availableParallelism()). */
  workers?: number;
  /** Where WebRTC and plain RTP transports listen; default 127.0.0.1. */
  listenIp?: string;
  /** The address given to clients in ICE candidates and plain transports (public IP or host name); default listenIp. */
  announcedAddress?: string;
  /** UDP/TCP port range of the transports; default 40000-49999. */
  rtcMinPort?: number;
  rtcMaxPort?: number;
  /** Beyond it a join is refused with MEETING_FULL; default 25. */
  maxPeersPerMeeting?: number;
  /** Default: the console. */
  logger?: MediaLogger;
}

/** Every option filled in. */
export type ResolvedMediaOptions = Required<Omit<MediaServerOptions, 'workerBin' | 'announcedAddress'>> &
  Pick<MediaServerOptions, 'workerBin' | 'announcedAddress'>;

export const MEDIA_DEFAULTS = {
  listenIp: '127.0.0.1',
  rtcMinPort: 40000,
  rtcMaxPort: 49999,
  maxPeersPerMeeting: 25,
} as const;

const consoleLogger: MediaLogger = {
  info: (message, details) => console.log(`[media] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[media] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[media] ${message}`, details ?? ''),
};

export function resolveMediaOptions(options: MediaServerOptions): ResolvedMediaOptions {
  const resolved: ResolvedMediaOptions = {
    workerBin: options.workerBin,
    workers: options.workers ?? availableParallelism(),
    listenIp: options.listenIp ?? MEDIA_DEFAULTS.listenIp,
    announcedAddress: options.announcedAddress,
    rtcMinPort: options.rtcMinPort ?? MEDIA_DEFAULTS.rtcMinPort,
    rtcMaxPort: options.rtcMaxPort ?? MEDIA_DEFAULTS.rtcMaxPort,
    maxPeersPerMeeting: options.maxPeersPerMeeting ?? MEDIA_DEFAULTS.maxPeersPerMeeting,
    logger: options.logger ?? consoleLogger,
  };
  if (!Number.isInteger(resolved.workers) || resolved.workers < 1) throw new RangeError(`workers must be a positive integer (got ${resolved.workers})`);
  if (!Number.isInteger(resolved.maxPeersPerMeeting) || resolved.maxPeersPerMeeting < 1) {
    throw new RangeError(`maxPeersPerMeeting must be a positive integer (got ${resolved.maxPeersPerMeeting})`);
  }
  const { rtcMinPort: min, rtcMaxPort: max } = resolved;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1024 || max > 65535 || min > max) {
    throw new RangeError(`the RTC port range must be within 1024-65535 (got ${min}-${max})`);
  }
  return resolved;
}

function integer(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer (got "${raw}")`);
  return value;
}

const text = (env: NodeJS.ProcessEnv, name: string): string | undefined => env[name] || undefined;

/** The options from the environment (README, "Configuration"); unset variables keep the defaults. */
export function mediaOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): MediaServerOptions {
  const options: MediaServerOptions = {
    workerBin: text(env, 'MEDIASOUP_WORKER_BIN'),
    workers: integer(env, 'MAILLAGE_MEDIA_WORKERS'),
    listenIp: text(env, 'MAILLAGE_MEDIA_LISTEN_IP'),
    announcedAddress: text(env, 'MAILLAGE_MEDIA_ANNOUNCED_ADDRESS'),
    rtcMinPort: integer(env, 'MAILLAGE_MEDIA_MIN_PORT'),
    rtcMaxPort: integer(env, 'MAILLAGE_MEDIA_MAX_PORT'),
    maxPeersPerMeeting: integer(env, 'MAILLAGE_MEDIA_MAX_PEERS'),
  };
  // Only what is set, so `{ ...mediaOptionsFromEnv(), logger }` and the defaults compose.
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
