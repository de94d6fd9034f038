/**
 * The state the concierge adapter keeps between calls, besides the SDK's IdempotencyStore
 * (`context.idempotency`, the platform events already handled). The defaults live in memory (one
 * adapter instance, lost on restart); the API's adapter host backs them with the database so that
 * a restart neither forgets which vendor call belongs to which reservation nor accepts a replayed
 * webhook.
 */
import type { ConciergeCallStatus } from '@maillage/core';

export interface ConciergeCallRecord {
  reservationId: string;
  vendorCallId: string;
  status: ConciergeCallStatus;
  /**
   * The vendor's `occurredAt` of the last webhook applied; absent until the first one. An older
   * webhook (they may arrive out of order) never overwrites a newer status.
   */
  statusAt?: string;
}

/** reservationId ↔ vendorCallId, with the last known status. One row per reservation. */
export interface ConciergeCallStore {
  findByReservation(reservationId: string): Promise<ConciergeCallRecord | undefined>;
  findByVendorCallId(vendorCallId: string): Promise<ConciergeCallRecord | undefined>;
  /** Insert or replace the record of `record.reservationId`. */
  save(record: ConciergeCallRecord): Promise<void>;
}

/**
 * Webhook `eventId`s seen recently. `remember` is an atomic check-and-set (SQL: INSERT … ON
 * CONFLICT DO NOTHING, then test the row count): true when the id is new, false when it was
 * already remembered and has not expired.
 */
export interface ReplayStore {
  remember(eventId: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
  /** Undoes `remember` when the webhook could not be applied, so that the vendor's retry passes. */
  forget(eventId: string): Promise<void>;
}

export interface ConciergeHttpStores {
  calls: ConciergeCallStore;
  replays: ReplayStore;
}

export class InMemoryConciergeCallStore implements ConciergeCallStore {
  private readonly byReservation = new Map<string, ConciergeCallRecord>();

  async findByReservation(reservationId: string): Promise<ConciergeCallRecord | undefined> {
    const record = this.byReservation.get(reservationId);
    return record && { ...record };
  }

  async findByVendorCallId(vendorCallId: string): Promise<ConciergeCallRecord | undefined> {
    for (const record of this.byReservation.values()) if (record.vendorCallId === vendorCallId) return { ...record };
    return undefined;
  }

  async save(record: ConciergeCallRecord): Promise<void> {
    this.byReservation.set(record.reservationId, { ...record });
  }

  /** For tests: a copy of every record. */
  snapshot(): ConciergeCallRecord[] {
    return [...this.byReservation.values()].map((record) => ({ ...record }));
  }
}

/** Expired ids are swept on each `remember`, so the map stays as small as the tolerance window. */
export class InMemoryReplayStore implements ReplayStore {
  private readonly expiries = new Map<string, number>();

  async remember(eventId: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    for (const [id, expiresAt] of this.expiries) if (expiresAt <= nowMs) this.expiries.delete(id);
    if (this.expiries.has(eventId)) return false;
    this.expiries.set(eventId, expiresAtMs);
    return true;
  }

  async forget(eventId: string): Promise<void> {
    this.expiries.delete(eventId);
  }

  snapshot(): string[] {
    return [...this.expiries.keys()];
  }
}

export function inMemoryConciergeHttpStores(): ConciergeHttpStores {
  return { calls: new InMemoryConciergeCallStore(), replays: new InMemoryReplayStore() };
}
