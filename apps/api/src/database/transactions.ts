import type { DataSource, EntityManager } from 'typeorm';

/** SQLSTATEs after which the same transaction, run again, can succeed. */
const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

/**
 * Runs `work` in a transaction, again (up to 3 times) when PostgreSQL aborted it for a deadlock.
 * Concurrent inserts into an exclusion constraint wait on each other's uncommitted rows and can
 * deadlock; run again, the loser meets the winner's committed row and gets a plain violation.
 */
export async function transactionWithRetry<T>(db: DataSource, work: (em: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
