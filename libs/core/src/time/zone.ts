import { IANAZone } from 'luxon';
import { invalidInput } from '../errors/domain-error';

const DAY_MS = 86_400_000;

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

/** True for a zone name Intl knows (cached like `requireZone`). */
export function isKnownZone(timeZone: string): boolean {
  try {
    requireZone(timeZone);
    return true;
  } catch {
    return false;
  }
}
