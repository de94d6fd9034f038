/** Sets env.DRACHTIO_BIN when unset (building or reusing the cached drachtio-server) and returns it; throws when the build fails. */
export function ensureDrachtioBin(env?: NodeJS.ProcessEnv): string;
