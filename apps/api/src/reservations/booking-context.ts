import type { EntityManager } from 'typeorm';
import { type BookingPolicy, DomainError, invalidInput, type OpenInterval, openIntervals, type Interval } from '@maillage/core';
import { PointStatus } from '../common/enums';
import { rowMapper } from '../database/raw-rows';
import { Organisation } from '../organisations/organisation.entity';
import { Point } from '../points/point.entity';
import { Room } from '../points/room.entity';

/** Until a host sets its own: 2 h minimum slots and 48 h notice as in the study, 15 min set-up/tear-down. */
export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  minLeadMinutes: 48 * 60,
  minDurationMinutes: 60,
  maxDurationMinutes: 12 * 60,
  granularityMinutes: 30,
  setupBufferMinutes: 15,
  teardownBufferMinutes: 15,
  horizonDays: 365,
  approvalCategories: [],
};

export interface RoomContext {
  room: Room;
  point: Point;
  organisation: Organisation;
  policy: BookingPolicy;
}

const DAY = 86_400_000;

/** Rooms by id with their point and organisation: one query, rows mapped by hand (the booking path's hottest read). */
export async function loadRooms(em: EntityManager, roomIds: readonly string[]): Promise<Map<string, Room>> {
  const room = rowMapper(em, Room, 'r', 'r');
  const point = rowMapper(em, Point, 'p', 'p');
  const organisation = rowMapper(em, Organisation, 'o', 'o');
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${room.select}, ${point.select}, ${organisation.select}
       FROM room r JOIN point p ON p.id = r.point_id JOIN organisation o ON o.id = p.organisation_id
      WHERE r.id = ANY($1::uuid[])`,
    [[...new Set(roomIds)]],
  );
  return new Map(
    rows.map((row) => {
      const r = room.map(row);
      r.point = point.map(row);
      r.point.organisation = organisation.map(row);
      return [r.id, r];
    }),
  );
}

/**
 * The contexts of `roomIds` in the order asked, from rooms loaded by loadRooms; typed errors (on
 * `field`) for a room listed twice, an unknown room and a suspended point.
 */
export function contextsOf(
  rooms: ReadonlyMap<string, Room>,
  roomIds: readonly string[],
  field: (string | number)[] = ['input', 'rooms'],
  options: { requireActivePoint: boolean } = { requireActivePoint: true },
): RoomContext[] {
  assertDistinct(roomIds, field);
  return roomIds.map((id, i) => {
    const room = rooms.get(id);
    if (!room?.point) throw new DomainError('NOT_FOUND', `Room ${id} not found`, { field: [...field, i], messageFr: 'Salle introuvable' });
    if (options.requireActivePoint && room.point.status !== PointStatus.ACTIVE) {
      throw invalidInput([...field, i], `Point ${room.point.name} is ${room.point.status.toLowerCase()}: it takes no booking`, {
        messageFr: 'Ce point est suspendu : il ne prend pas de réservation',
        details: { pointStatus: room.point.status },
      });
    }
    const policy = room.bookingPolicy ?? room.point.bookingPolicy ?? DEFAULT_BOOKING_POLICY;
    return { room, point: room.point, organisation: room.point.organisation!, policy };
  });
}

/** A request naming the same room twice is refused before anything is read. */
export function assertDistinct(roomIds: readonly string[], field: (string | number)[] = ['input', 'rooms']): void {
  if (new Set(roomIds).size !== roomIds.length) throw invalidInput(field, 'A room is listed twice', { messageFr: 'Une salle figure deux fois' });
}

/** Loads rooms with their point, organisation and effective policy, in the order asked; typed errors for unknown rooms and suspended points. */
export async function loadRoomContexts(
  em: EntityManager,
  roomIds: readonly string[],
  field: (string | number)[] = ['input', 'rooms'],
  options: { requireActivePoint: boolean } = { requireActivePoint: true },
): Promise<RoomContext[]> {
  assertDistinct(roomIds, field);
  return contextsOf(await loadRooms(em, roomIds), roomIds, field, options);
}

/** Opening intervals of the room's point around [from, to) (one day of margin for buffers). */
export const openAround = (ctx: RoomContext, from: number, to: number): OpenInterval[] => openIntervals(ctx.point.openingSchedule, from - DAY, to + DAY);

/** Active held slots of the rooms overlapping [from, to), by room id. */
export async function busyByRoom(em: EntityManager, roomIds: readonly string[], from: number, to: number): Promise<Map<string, Interval[]>> {
  const rows: { room_id: string; start: Date; end: Date }[] = await em.query(
    `SELECT room_id, lower(during) AS start, upper(during) AS end FROM room_slot
      WHERE active AND room_id = ANY($1) AND during && tstzrange($2, $3, '[)') ORDER BY lower(during)`,
    [roomIds, new Date(from - DAY), new Date(to + DAY)],
  );
  const byRoom = new Map<string, Interval[]>(roomIds.map((id) => [id, []]));
  for (const r of rows) byRoom.get(r.room_id)!.push({ start: r.start.getTime(), end: r.end.getTime() });
  return byRoom;
}
