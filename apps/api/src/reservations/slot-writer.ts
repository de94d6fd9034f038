import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type Interval } from '@maillage/core';
import { transactionWithRetry } from '../database/transactions';
import { OutboxRelay } from '../events/outbox-relay';
import type { RoomContext } from './booking-context';

/** The key PostgreSQL reports for a room_slot_no_overlap violation: `(room_id, during)=(<uuid>, ["<from>","<to>"))`. */
const CLASH = /\(room_id, during\)=\(([0-9a-f-]{36}), \["?([^",]+)"?,"?([^")]+)"?\)\)/;

export interface SlotWriteOptions {
  /** A reservation being moved, whose own slot (still active after the rollback) is not the clash. */
  self?: string;
  /** The French message says that nothing was imported. */
  importing?: boolean;
  /** Which part of the request wrote the refused slot (room, held interval): the CONFLICT's `field`. */
  fieldOf?: (roomId: string, held: Interval | undefined) => (string | number)[] | undefined;
}

/** The slot that already holds the room, as a CONFLICT names it. */
export interface ClashingSlot {
  start: Date;
  end: Date;
  kind: string;
  reference: string | null;
}

/** The CONFLICT for a room already held (by `clash`, when known). */
export function slotConflict(ctx: RoomContext, clash: ClashingSlot | undefined, options: { importing?: boolean; field?: (string | number)[]; details?: Record<string, unknown> } = {}): DomainError {
  const period = clash ? ` from ${clash.start.toISOString()} to ${clash.end.toISOString()}` : '';
  const what = clash?.reference ? `réservation ${clash.reference}` : 'créneau';
  return new DomainError('CONFLICT', `Room ${ctx.room.name} at ${ctx.point.name} is already held${period}`, {
    messageFr: `La salle ${ctx.room.name} est déjà occupée${clash ? ` (${what} du ${clash.start.toISOString()} au ${clash.end.toISOString()})` : ''}${options.importing ? ' : rien n’a été importé' : ''}`,
    ...(options.field ? { field: options.field } : {}),
    details: {
      roomId: ctx.room.id,
      pointId: ctx.point.id,
      ...(clash ? { clashingSlot: { start: clash.start.toISOString(), end: clash.end.toISOString(), kind: clash.kind, reference: clash.reference } } : {}),
      ...options.details,
    },
  });
}

/** An instant as PostgreSQL prints it in a constraint's key (`2027-01-12 09:45:00+00`), or undefined. */
function keyInstant(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Every write that holds room slots (bookings, changes, host blocks) goes through here: one
 * transaction (run again after a deadlock) that first queues behind other writers of the same rooms,
 * then a relay kick for its outbox events. When the
 * exclusion constraint refuses the write, the CONFLICT names the slot that already holds the room.
 */
@Injectable()
export class SlotWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async write<T>(contexts: readonly RoomContext[], work: (em: EntityManager) => Promise<T>, options: SlotWriteOptions = {}): Promise<T> {
    const roomIds = [...new Set(contexts.map((c) => c.room.id))].sort();
    try {
      const result = await transactionWithRetry(this.db, async (em) => {
        // One writer per room at a time, rooms in a fixed order: contenders for a slot queue here instead
        // of waiting on each other's uncommitted rows inside the exclusion check, where PostgreSQL only
        // sees their cycles as deadlocks after deadlock_timeout. The constraint still decides.
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('room-slot:' || id)) FROM unnest($1::text[]) AS id ORDER BY id`, [roomIds]);
        return work(em);
      });
      this.relay.kick();
      return result;
    } catch (error) {
      if ((error as { code?: string }).code !== '23P01') throw error;
      throw await this.describeClash(contexts, (error as { detail?: string }).detail ?? '', options);
    }
  }

  private async describeClash(contexts: readonly RoomContext[], detail: string, options: SlotWriteOptions): Promise<DomainError> {
    const key = CLASH.exec(detail);
    const ctx = contexts.find((c) => c.room.id === key?.[1]) ?? contexts[0];
    const rows: ClashingSlot[] = key
      ? await this.db.query(
          `SELECT lower(s.during) AS start, upper(s.during) AS end, s.kind, r.reference FROM room_slot s LEFT JOIN reservation r ON r.id = s.reservation_id
            WHERE s.active AND s.room_id = $1 AND s.during && tstzrange($2::timestamptz, $3::timestamptz, '[)')
              AND ($4::uuid IS NULL OR s.reservation_id IS DISTINCT FROM $4::uuid) ORDER BY lower(s.during) LIMIT 1`,
          [ctx.room.id, key[2], key[3], options.self ?? null],
        )
      : [];
    const [from, to] = key ? [keyInstant(key[2]), keyInstant(key[3])] : [];
    const held = from !== undefined && to !== undefined ? { start: from, end: to } : undefined;
    return slotConflict(ctx, rows[0], { importing: options.importing, field: key ? options.fieldOf?.(ctx.room.id, held) : undefined });
  }
}
