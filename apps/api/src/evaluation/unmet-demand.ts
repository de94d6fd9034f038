import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Demand the network could not serve: availability searches that found no free slot, bookings refused
 * with CONFLICT (the slot was taken meanwhile), and requests the host REJECTED. Searches and conflicts
 * are noted in memory (a push onto an array: the availability query does not wait for it) and written
 * in one INSERT per second; a process that dies loses at most the last second of them, which the
 * metrics can afford. Rejections are written by the meeting-records subscriber, in its transaction.
 */
export type UnmetKind = 'NO_FREE_SLOT' | 'CONFLICT';

interface Pending {
  kind: UnmetKind;
  at: Date;
  roomIds: string[];
  category: string | null;
}

const FLUSH_MS = 1_000;
const MAX_PENDING = 10_000;

@Injectable()
export class UnmetDemandRecorder implements OnApplicationShutdown {
  private readonly log = new Logger('UnmetDemand');
  private pending: Pending[] = [];
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  note(kind: UnmetKind, roomIds: readonly string[], category: string | null = null): void {
    if (this.pending.length >= MAX_PENDING) return;
    this.pending.push({ kind, at: new Date(), roomIds: [...roomIds], category });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what was noted (tests call it instead of waiting). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length || !this.db.isInitialized) return;
    try {
      await this.db.query(
        `INSERT INTO unmet_demand (kind, at, month, point_ids, organisation_ids, requester_category)
         SELECT b.kind, b.at, date_trunc('month', b.at AT TIME ZONE 'Europe/Paris')::date,
                array(SELECT DISTINCT m.point_id FROM room m WHERE m.id = ANY(string_to_array(b.rooms, ',')::uuid[])),
                array(SELECT DISTINCT p.organisation_id FROM room m JOIN point p ON p.id = m.point_id WHERE m.id = ANY(string_to_array(b.rooms, ',')::uuid[])),
                b.category
           FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[]) AS b(kind, at, rooms, category)`,
        [batch.map((b) => b.kind), batch.map((b) => b.at), batch.map((b) => b.roomIds.join(',')), batch.map((b) => b.category)],
      );
    } catch (error) {
      this.log.warn(`could not record ${batch.length} unmet requests: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}

/** Requests the host refused (one, or every one when null), once per reservation: replays add nothing. */
export async function recordRejections(em: EntityManager, reservationId: string | null): Promise<void> {
  await em.query(
    `INSERT INTO unmet_demand (kind, at, month, point_ids, organisation_ids, requester_category, reservation_id)
     SELECT 'REJECTED', r.updated_at, date_trunc('month', r.start_at AT TIME ZONE 'Europe/Paris')::date,
            array(SELECT DISTINCT m.point_id FROM room_slot s JOIN room m ON m.id = s.room_id WHERE s.reservation_id = r.id),
            array(SELECT DISTINCT p.organisation_id FROM room_slot s JOIN room m ON m.id = s.room_id JOIN point p ON p.id = m.point_id WHERE s.reservation_id = r.id),
            r.requester_category, r.id
       FROM reservation r WHERE r.status = 'REJECTED' AND ($1::uuid IS NULL OR r.id = $1::uuid)
     ON CONFLICT (kind, reservation_id) DO NOTHING`,
    [reservationId],
  );
}
