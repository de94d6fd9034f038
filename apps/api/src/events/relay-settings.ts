/** Delivery settings, from the environment (documented in the README). */
export interface RelaySettings {
  /** Failed attempts after which a delivery goes to the dead letters (EVENT_MAX_ATTEMPTS, default 8). */
  maxAttempts: number;
  /** First retry delay; doubles with every failure, capped at maxBackoffMs (EVENT_BACKOFF_MS, default 1000). */
  backoffMs: number;
  maxBackoffMs: number;
  /** Time limit of one adapter call (ADAPTER_CALL_TIMEOUT_MS, default 10 000). */
  callTimeoutMs: number;
  /** How long a claimed delivery stays reserved to the instance that claimed it (call time-out + 5 s). */
  leaseMs: number;
  /** Timer of the relay, for rows written by a process that died and for due retries (EVENT_POLL_MS, default 500). */
  pollMs: number;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function relaySettings(env: NodeJS.ProcessEnv = process.env): RelaySettings {
  const callTimeoutMs = positive(env.ADAPTER_CALL_TIMEOUT_MS, 10_000);
  return {
    maxAttempts: Math.floor(positive(env.EVENT_MAX_ATTEMPTS, 8)),
    backoffMs: positive(env.EVENT_BACKOFF_MS, 1000),
    maxBackoffMs: positive(env.EVENT_MAX_BACKOFF_MS, 10 * 60_000),
    callTimeoutMs,
    leaseMs: callTimeoutMs + 5_000,
    pollMs: positive(env.EVENT_POLL_MS, 500),
  };
}

/** Delay before the next attempt after `attempts` failures: backoff · 2^(attempts−1), ±20 % jitter, capped. */
export function backoffDelay(settings: RelaySettings, attempts: number): number {
  const base = Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
