import { invalidInput } from '../errors/domain-error';
import type { Interval } from '../time/interval';
import { type BookingPolicy, DAY_MS, MINUTE_MS, validateBookingPolicy } from './policy';
import { intersectSorted, mergeFast, subtractSorted } from './sorted-intervals';
import type { FreeWindow, OpenInterval, Slot } from './types';
import { forEachAligned, lcm, requireZone } from './zone';

export interface RoomAvailability {
  roomId: string;
  /** Opening intervals (regular and on-request), any order. */
  open: readonly OpenInterval[];
  /** Held intervals of reservations and host blocks, buffers already included; any order, may overlap. */
  busy: readonly Interval[];
  policy: BookingPolicy;
}

export interface AvailabilityQuery {
  /** Every room must be simultaneously free (one room = one point's room; several = a multipoint meeting). */
  rooms: readonly RoomAvailability[];
  /** Search window: slots / windows lie inside [from, to) (meeting time; buffers may lie outside it). */
  from: number;
  to: number;
  now: number;
  /** IANA zone whose local wall clock defines the granularity alignment. */
  timeZone: string;
  /** Also use "on request" opening intervals (results are flagged `onRequest`). Default false. */
  includeOnRequest?: boolean;
}

export interface FreeSlotsQuery extends AvailabilityQuery {
  durationMinutes: number;
  /** Maximum number of slots returned (default 500, at most 10 000). */
  limit?: number;
}

export interface FreeWindowsQuery extends AvailabilityQuery {
  /** When given, windows (maximal, on-request pieces included) shorter than this are dropped. */
  durationMinutes?: number;
}

export const DEFAULT_SLOT_LIMIT = 500;
export const MAX_SLOT_LIMIT = 10_000;

interface RoomFree {
  /** Sorted disjoint free intervals using all opening intervals allowed by the query. */
  all: Interval[];
  /** Same with regular opening hours only (equal to `all` when on-request intervals are excluded). */
  regular: Interval[];
}

function validateQuery(q: AvailabilityQuery): void {
  for (const name of ['from', 'to', 'now'] as const) {
    if (typeof q[name] !== 'number' || !Number.isFinite(q[name])) throw invalidInput([name], `${name} must be a finite instant`, { messageFr: 'Date invalide' });
  }
  if (q.to <= q.from) throw invalidInput(['to'], 'to must be after from', { messageFr: 'La fin de la période précède son début' });
  if (!Array.isArray(q.rooms) || q.rooms.length === 0) throw invalidInput(['rooms'], 'At least one room is required', { messageFr: 'Aucune salle choisie' });
  q.rooms.forEach((r, i) => validateBookingPolicy(r.policy, ['rooms', i, 'policy']));
}

/** Free time of one room: open (merged) minus busy (merged), linear after the sorts. */
function roomFree(room: RoomAvailability, includeOnRequest: boolean): RoomFree {
  const busy = mergeFast(room.busy);
  let hasOnRequest = false;
  const regularOpen: Interval[] = [];
  for (const o of room.open) {
    if (o.onRequest) hasOnRequest = true;
    else regularOpen.push(o);
  }
  const regular = subtractSorted(mergeFast(regularOpen), busy);
  const all = includeOnRequest && hasOnRequest ? subtractSorted(mergeFast(room.open), busy) : regular;
  return { all, regular };
}

/**
 * Admissible meeting starts of one room, as CLOSED intervals [a, b]: start s is admissible iff
 * [s - setup, s + duration + teardown) lies inside one free interval, s >= max(from, now + lead) and
 * s + duration <= min(to, now + horizon).
 */
function admissibleStarts(free: readonly Interval[], p: BookingPolicy, durationMs: number, lo: number, hi: number): Interval[] {
  const setup = p.setupBufferMinutes * MINUTE_MS;
  const tail = durationMs + p.teardownBufferMinutes * MINUTE_MS;
  const out: Interval[] = [];
  for (const f of free) {
    const a = Math.max(f.start + setup, lo);
    const b = Math.min(f.end - tail, hi);
    if (a <= b) out.push({ start: a, end: b });
  }
  return out;
}

/**
 * Candidate slots where EVERY room is simultaneously open and free for [start - setup, end + teardown] of
 * its own policy, honouring each room's lead time and horizon, inside [from, to). Starts are aligned on
 * the least common multiple of the rooms' granularities (local wall clock of `timeZone`); `durationMinutes`
 * must be a multiple of it and within every room's min/max duration (else BAD_USER_INPUT on
 * `durationMinutes`). Slots are sorted by start, at most `limit` of them. `onRequest` is true when some
 * room needs an on-request interval for it (only when `includeOnRequest`).
 *
 * Cost: per room one sort of its intervals plus linear sweeps; enumeration steps by the granularity inside
 * common admissible ranges only.
 */
export function freeSlots(q: FreeSlotsQuery): Slot[] {
  const zone = requireZone(q.timeZone);
  validateQuery(q);
  const limit = q.limit ?? DEFAULT_SLOT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SLOT_LIMIT) {
    throw invalidInput(['limit'], `limit must be an integer between 1 and ${MAX_SLOT_LIMIT}`, { messageFr: 'Limite invalide', details: { max: MAX_SLOT_LIMIT } });
  }
  const d = q.durationMinutes;
  if (!Number.isInteger(d) || d <= 0) throw invalidInput(['durationMinutes'], 'durationMinutes must be a positive integer', { messageFr: 'Durée invalide' });
  let granularity = 1;
  q.rooms.forEach((r) => {
    const p = r.policy;
    if (d < p.minDurationMinutes || d > p.maxDurationMinutes) {
      throw invalidInput(['durationMinutes'], `duration not allowed in room ${r.roomId} (${p.minDurationMinutes}–${p.maxDurationMinutes} minutes)`, {
        messageFr: `Durée non autorisée dans une des salles (${p.minDurationMinutes} à ${p.maxDurationMinutes} minutes)`,
        details: { roomId: r.roomId, min: p.minDurationMinutes, max: p.maxDurationMinutes },
      });
    }
    granularity = lcm(granularity, p.granularityMinutes);
  });
  if (d % granularity !== 0) {
    throw invalidInput(['durationMinutes'], `duration must be a multiple of ${granularity} minutes`, {
      messageFr: `La durée doit être un multiple de ${granularity} minutes`,
      details: { granularityMinutes: granularity },
    });
  }
  const includeOnRequest = q.includeOnRequest ?? false;
  const durationMs = d * MINUTE_MS;

  let all: Interval[] | null = null;
  let regular: Interval[] | null = null;
  for (const room of q.rooms) {
    const p = room.policy;
    const lo = Math.max(q.from, q.now + p.minLeadMinutes * MINUTE_MS);
    const hi = Math.min(q.to, q.now + p.horizonDays * DAY_MS) - durationMs;
    if (lo > hi) return [];
    const free = roomFree(room, includeOnRequest);
    const a = admissibleStarts(free.all, p, durationMs, lo, hi);
    all = all === null ? a : intersectSorted(all, a, true);
    if (all.length === 0) return [];
    if (includeOnRequest) {
      const r = free.regular === free.all ? a : admissibleStarts(free.regular, p, durationMs, lo, hi);
      regular = regular === null ? r : intersectSorted(regular, r, true);
    }
  }
  const common = all ?? [];
  const regularStarts = includeOnRequest ? (regular ?? []) : common;

  const out: Slot[] = [];
  let k = 0; // pointer into regularStarts (closed intervals)
  for (const range of common) {
    const more = forEachAligned(range.start, range.end, granularity, zone, (t) => {
      while (k < regularStarts.length && regularStarts[k].end < t) k++;
      const regularOk = k < regularStarts.length && regularStarts[k].start <= t;
      out.push({ start: t, end: t + durationMs, onRequest: !regularOk });
      return out.length < limit;
    });
    if (!more) break;
  }
  return out;
}

/**
 * Maximal common free windows, for display: instants that a meeting may cover in EVERY room (each room
 * open and free, its set-up buffer fitting before and its tear-down buffer after), clipped to [from, to),
 * to each room's earliest start (lead time) and latest end (horizon). Not aligned on the granularity.
 * Returned as sorted pieces `{start, end, onRequest}`: consecutive touching pieces with different flags
 * belong to one maximal window (merge them with `mergeIntervals` for a plain list).
 */
export function freeWindows(q: FreeWindowsQuery): FreeWindow[] {
  requireZone(q.timeZone);
  validateQuery(q);
  if (q.durationMinutes !== undefined && (!Number.isInteger(q.durationMinutes) || q.durationMinutes <= 0)) {
    throw invalidInput(['durationMinutes'], 'durationMinutes must be a positive integer', { messageFr: 'Durée invalide' });
  }
  const includeOnRequest = q.includeOnRequest ?? false;
  let all: Interval[] | null = null;
  let regular: Interval[] | null = null;
  const shrink = (free: readonly Interval[], p: BookingPolicy, lo: number, hi: number): Interval[] => {
    const out: Interval[] = [];
    for (const f of free) {
      const a = Math.max(f.start + p.setupBufferMinutes * MINUTE_MS, lo);
      const b = Math.min(f.end - p.teardownBufferMinutes * MINUTE_MS, hi);
      if (a < b) out.push({ start: a, end: b });
    }
    return out;
  };
  for (const room of q.rooms) {
    const p = room.policy;
    const lo = Math.max(q.from, q.now + p.minLeadMinutes * MINUTE_MS);
    const hi = Math.min(q.to, q.now + p.horizonDays * DAY_MS);
    if (lo >= hi) return [];
    const free = roomFree(room, includeOnRequest);
    const a = shrink(free.all, p, lo, hi);
    all = all === null ? a : intersectSorted(all, a);
    if (all.length === 0) return [];
    if (includeOnRequest) {
      const r = free.regular === free.all ? a : shrink(free.regular, p, lo, hi);
      regular = regular === null ? r : intersectSorted(regular, r);
    }
  }
  let windows = all ?? [];
  if (q.durationMinutes !== undefined) {
    const min = q.durationMinutes * MINUTE_MS;
    windows = windows.filter((w) => w.end - w.start >= min);
  }
  if (!includeOnRequest) return windows.map((w) => ({ start: w.start, end: w.end, onRequest: false }));
  const reg = regular ?? [];
  const out: FreeWindow[] = [];
  let k = 0;
  for (const w of windows) {
    let cursor = w.start;
    while (k < reg.length && reg[k].end <= cursor) k++;
    let j = k;
    while (j < reg.length && reg[j].start < w.end) {
      const s = Math.max(reg[j].start, w.start);
      const e = Math.min(reg[j].end, w.end);
      if (s > cursor) out.push({ start: cursor, end: s, onRequest: true });
      out.push({ start: s, end: e, onRequest: false });
      cursor = e;
      j++;
    }
    if (cursor < w.end) out.push({ start: cursor, end: w.end, onRequest: true });
  }
  return out;
}
