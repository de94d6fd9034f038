import { IANAZone } from 'luxon';
import { invalidInput } from '../errors/domain-error';
import { DAY_MS, MINUTE_MS } from './policy';

/**
 * A zone with a fast UTC-offset lookup. `IANAZone.offset` costs several microseconds (Intl formatting);
 * offsets are cached per UTC day: when the offsets at both ends of a day are equal the whole day uses it
 * (assumes no zone changes its offset twice, back and forth, within 24 hours), otherwise the exact
 * offset is computed.
 */
export class Zone {
  private readonly days = new Map<number, number | null>();

  constructor(readonly iana: IANAZone) {}

  get name(): string {
    return this.iana.name;
  }

  /** UTC offset in minutes at instant `t`. */
  offset(t: number): number {
    const day = Math.floor(t / DAY_MS);
    let cached = this.days.get(day);
    if (cached === undefined) {
      const a = this.iana.offset(day * DAY_MS);
      cached = a === this.iana.offset((day + 1) * DAY_MS - 1) ? a : null;
      if (this.days.size > 20_000) this.days.clear();
      this.days.set(day, cached);
    }
    return cached ?? this.iana.offset(t);
  }
}

const zones = new Map<string, Zone>();

/** Resolves an IANA zone name (cached; validation through Intl is slow) or throws BAD_USER_INPUT on `field`. */
export function requireZone(timeZone: string, field: ReadonlyArray<string | number> = ['timeZone']): Zone {
  const known = typeof timeZone === 'string' ? zones.get(timeZone) : undefined;
  if (known) return known;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw invalidInput(field, `Unknown time zone ${String(timeZone)}`, { messageFr: 'Fuseau horaire inconnu', details: { timeZone: String(timeZone) } });
  }
  const zone = new Zone(IANAZone.create(timeZone));
  if (zones.size > 1000) zones.clear();
  zones.set(timeZone, zone);
  return zone;
}

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
