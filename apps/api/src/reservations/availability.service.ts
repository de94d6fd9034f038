import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type FreeWindow, freeSlots, freeWindows, invalidInput, type Slot } from '@maillage/core';
import { busyByRoom, loadRoomContexts, openAround } from './booking-context';
import type { AvailabilityInput } from './dtos/reservation.inputs';

const MAX_PERIOD_DAYS = 62;

/** Free slots and windows common to a set of rooms (one room, or several points for a multi-point meeting). */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(input: AvailabilityInput, now = Date.now()): Promise<{ slots: Slot[]; windows: FreeWindow[] }> {
    const from = input.from.getTime();
    const to = input.to.getTime();
    if (to <= from) throw invalidInput(['input', 'to'], 'to must be after from', { messageFr: 'La fin de la période doit suivre son début' });
    if (to - from > MAX_PERIOD_DAYS * 86_400_000) throw invalidInput(['input', 'to'], `At most ${MAX_PERIOD_DAYS} days at once`, { details: { maxDays: MAX_PERIOD_DAYS } });
    const contexts = await loadRoomContexts(this.db.manager, input.roomIds, ['input', 'roomIds']);
    const busy = await busyByRoom(this.db.manager, input.roomIds, from, to);
    const rooms = contexts.map((ctx) => ({ roomId: ctx.room.id, open: openAround(ctx, from, to), busy: busy.get(ctx.room.id)!, policy: ctx.policy }));
    const query = { rooms, from, to, now, timeZone: contexts[0].point.timeZone, includeOnRequest: input.includeOnRequest };
    return {
      slots: freeSlots({ ...query, durationMinutes: input.durationMinutes, limit: input.limit ?? 200 }),
      windows: freeWindows({ ...query, durationMinutes: input.durationMinutes }),
    };
  }
}
