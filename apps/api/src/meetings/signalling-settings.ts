import { MAX_MESSAGE_BYTES } from '@maillage/media';

/** ws `maxPayload`: frames above it are cut by ws itself (1009); between MAX_MESSAGE_BYTES and it, answered TOO_LARGE. */
export const MAX_PAYLOAD = MAX_MESSAGE_BYTES + 4096;

/** Limits of the signalling WebSocket, from the environment (documented in the README). */
export interface SignallingSettings {
  /** A connection that has not joined within this delay is closed (SIGNALLING_JOIN_TIMEOUT_MS, default 10 000). */
  joinTimeoutMs: number;
  /** Requests per second per connection, sustained (SIGNALLING_RATE, default 50)… */
  ratePerSecond: number;
  /** …and at once: a browser joining a full meeting sends ~100 requests in its first second (SIGNALLING_BURST, default 100). */
  burst: number;
  /** Joins per second into one meeting, sustained and at once (SIGNALLING_JOIN_RATE 5, SIGNALLING_JOIN_BURST 30). */
  joinRatePerSecond: number;
  joinBurst: number;
  /** Ping period; a connection that misses a pong is terminated (disconnected) (SIGNALLING_PING_MS, default 20 000). */
  pingMs: number;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function signallingSettings(env: NodeJS.ProcessEnv = process.env): SignallingSettings {
  return {
    joinTimeoutMs: positive(env.SIGNALLING_JOIN_TIMEOUT_MS, 10_000),
    ratePerSecond: positive(env.SIGNALLING_RATE, 50),
    burst: positive(env.SIGNALLING_BURST, 100),
    joinRatePerSecond: positive(env.SIGNALLING_JOIN_RATE, 5),
    joinBurst: positive(env.SIGNALLING_JOIN_BURST, 30),
    pingMs: positive(env.SIGNALLING_PING_MS, 20_000),
  };
}
