import { type Zone } from '../time/zone';
import { MINUTE_MS } from './policy';

export { Zone, requireZone } from '../time/zone';

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** True when `t` falls on a multiple of `granularityMinutes` of the local day in `zone` (seconds and ms zero). */
export function isAlignedInZone(t: number, granularityMinutes: number, zone: Zone): boolean {
  return mod(t + zone.offset(t) * MINUTE_MS, granularityMinutes * MINUTE_MS) === 0;
}

/**
 * Calls `emit` for every instant of the closed range [a, b] aligned on `granularityMinutes` of local time
 * in `zone`, in increasing order, until `emit` returns false. Steps by the granularity (no per-minute
 * loop); re-aligns after a UTC-offset change (DST).
 */
export function forEachAligned(a: number, b: number, granularityMinutes: number, zone: Zone, emit: (t: number) => boolean): boolean {
  const g = granularityMinutes * MINUTE_MS;
  let t = a;
  let offset = zone.offset(t) * MINUTE_MS;
  // First aligned instant >= a (under the offset valid at a).
  t += mod(-(t + offset), g);
  while (t <= b) {
    const actual = zone.offset(t) * MINUTE_MS;
    if (actual !== offset) {
      offset = actual;
      const r = mod(t + offset, g);
      if (r !== 0) {
        t += g - r;
        continue;
      }
    }
    if (!emit(t)) return false;
    t += g;
  }
  return true;
}

export const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
export const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
