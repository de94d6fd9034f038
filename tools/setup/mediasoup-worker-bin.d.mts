/** Sets env.MEDIASOUP_WORKER_BIN when unset (building or reusing the cached worker) and returns it; throws when the build fails. */
export function ensureMediasoupWorkerBin(env?: NodeJS.ProcessEnv): string;
