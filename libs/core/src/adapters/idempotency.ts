import type { IdempotencyStore } from './sdk';

/**
 * The default IdempotencyStore: the keys handled by this process, forgotten on restart (the host
 * gives a database-backed store to adapters whose effects must survive a restart). Bounded: the
 * oldest keys are forgotten past `capacity`.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  async seen(key: string): Promise<boolean> {
    return this.keys.has(key);
  }

  async remember(key: string): Promise<void> {
    this.keys.delete(key);
    this.keys.add(key);
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next();
      if (oldest.done) break;
      this.keys.delete(oldest.value);
    }
  }
}
