/** What the SIP specs share: the drachtio binary from the jest global setup, and a bounded wait. */

/** DRACHTIO_BIN, set by the adapters' jest global setup (tools/setup/drachtio-bin.mjs). */
export function drachtioBinFromEnv(): string {
  const value = process.env.DRACHTIO_BIN;
  if (!value) throw new Error('DRACHTIO_BIN is unset (the adapters jest global setup sets it)');
  return value;
}

/** Polls `probe` every 25 ms until it gives a value; throws after `timeoutMs`. */
export async function until<T>(label: string, probe: () => T | false | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${label}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
