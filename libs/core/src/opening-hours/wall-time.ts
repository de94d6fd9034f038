/** Internal: local wall time ↔ instants in an IANA zone (not part of the public API). */
import { requireZone, type Zone } from '../time/zone';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const HH_MM = /^(\d{2}):(\d{2})$/;

/** Minutes since local midnight of 'HH:mm' (00:00–23:59, plus '24:00' when `allow24`); undefined if malformed. */
export function parseHHmm(value: string, allow24: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = HH_MM.exec(value);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return allow24 ? 1440 : undefined;
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/**
 * A zone clock. Days are "epoch days": the number of days since 1970-01-01 of a local calendar date.
 * Wall time on day `d` at `m` minutes is the naive value `d * DAY_MS + m * MINUTE_MS`.
 */
export class ZoneClock {
  private readonly zone: Zone;

  constructor(timeZone: string) {
    this.zone = requireZone(timeZone);
  }

  /** Offset from UTC in ms at instant `t`. */
  offsetMs(t: number): number {
    return this.zone.offset(t) * MINUTE_MS;
  }

  /** Naive local wall value of instant `t`. */
  wall(t: number): number {
    return t + this.offsetMs(t);
  }

  /** Local epoch day of instant `t`. */
  epochDay(t: number): number {
    return Math.floor(this.wall(t) / DAY_MS);
  }

  /**
   * The earliest instant whose local wall time is at or after `naive`. So:
   * - a normal wall time maps to its instant;
   * - a wall time repeated at a backward change (October) maps to its first occurrence;
   * - a wall time skipped at a forward change (March) maps to the change itself (02:30 → 03:00).
   * This mapping is non-decreasing, so ranges that are disjoint in wall time stay disjoint in real time.
   */
  toInstant(naive: number): number {
    const before = this.offsetMs(naive - DAY_MS);
    const after = this.offsetMs(naive + DAY_MS);
    if (before === after && this.offsetMs(naive - before) === before) return naive - before; // no change nearby
    const offsets = new Set([before, this.offsetMs(naive), after]);
    let best: number | undefined;
    for (const o of offsets) {
      const t = naive - o;
      if (this.offsetMs(t) === o && (best === undefined || t < best)) best = t;
    }
    if (best !== undefined) return best;
    // In a gap: binary-search the change, with wall(lo) < naive <= wall(hi).
    let lo = naive - Math.max(...offsets);
    let hi = naive - Math.min(...offsets);
    if (!(this.wall(lo) < naive && this.wall(hi) >= naive)) return naive - this.offsetMs(naive);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.wall(mid) >= naive) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

export const isoDateOfEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday (Monday = 1) of an epoch day (1970-01-01 was a Thursday). */
export const isoWeekdayOfEpochDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;
