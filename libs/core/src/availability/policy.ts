import { invalidInput } from '../errors/domain-error';

/** Booking rules of one room (or point). All durations in minutes. */
export interface BookingPolicy {
  /** Minimum delay between "now" and the start of the meeting (e.g. 48 * 60). */
  minLeadMinutes: number;
  /** Minimum meeting length (e.g. 120). */
  minDurationMinutes: number;
  /** Maximum meeting length (e.g. 600). */
  maxDurationMinutes: number;
  /**
   * Start times and durations are multiples of this (e.g. 30); start times are aligned on the local
   * wall clock of the point's zone (minute of the local day divisible by it). Must divide 24 * 60.
   */
  granularityMinutes: number;
  /** Held before the meeting (room set-up, concierge test). */
  setupBufferMinutes: number;
  /** Held after the meeting (tear-down). */
  teardownBufferMinutes: number;
  /** How far ahead one can book: the meeting must end at most this many days (of 24 h) after "now". */
  horizonDays: number;
  /** Requester categories whose bookings need the host's approval, e.g. ['INDIVIDUAL']. */
  approvalCategories: string[];
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
const MINUTES_PER_DAY = 24 * 60;
/** Upper bounds that keep arithmetic sane (a policy beyond them is a typo). */
export const POLICY_LIMITS = {
  maxLeadMinutes: 366 * MINUTES_PER_DAY,
  maxDurationMinutes: 31 * MINUTES_PER_DAY,
  maxBufferMinutes: MINUTES_PER_DAY,
  maxHorizonDays: 3660,
} as const;

type Path = ReadonlyArray<string | number>;

function requireInteger(value: unknown, field: Path, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidInput(field, `${name} must be an integer`, { messageFr: `${name} doit être un nombre entier`, details: { value: String(value) } });
  }
  if (value < min || value > max) {
    throw invalidInput(field, `${name} must be between ${min} and ${max}`, {
      messageFr: `${name} doit être compris entre ${min} et ${max}`,
      details: { value, min, max },
    });
  }
  return value;
}

/**
 * Checks a booking policy; throws BAD_USER_INPUT whose `field` is `[...fieldPrefix, '<property>']`.
 * Rules: integers; lead, buffers >= 0; 0 < min <= max durations; granularity > 0 dividing 24 * 60 and
 * not longer than the maximum duration; horizon >= 1 day and long enough to hold the lead time plus
 * one minimal meeting; approval categories are non-empty strings.
 */
export function validateBookingPolicy(p: BookingPolicy, fieldPrefix: Path = []): BookingPolicy {
  const f = (name: keyof BookingPolicy): Path => [...fieldPrefix, name];
  if (p === null || typeof p !== 'object') throw invalidInput(fieldPrefix, 'A booking policy is required', { messageFr: 'Règles de réservation manquantes' });
  requireInteger(p.minLeadMinutes, f('minLeadMinutes'), 'minLeadMinutes', 0, POLICY_LIMITS.maxLeadMinutes);
  requireInteger(p.granularityMinutes, f('granularityMinutes'), 'granularityMinutes', 1, MINUTES_PER_DAY);
  if (MINUTES_PER_DAY % p.granularityMinutes !== 0) {
    throw invalidInput(f('granularityMinutes'), 'granularityMinutes must divide 1440 (one day)', {
      messageFr: 'Le pas de réservation doit diviser une journée (1440 minutes)',
      details: { value: p.granularityMinutes },
    });
  }
  requireInteger(p.minDurationMinutes, f('minDurationMinutes'), 'minDurationMinutes', 1, POLICY_LIMITS.maxDurationMinutes);
  requireInteger(p.maxDurationMinutes, f('maxDurationMinutes'), 'maxDurationMinutes', 1, POLICY_LIMITS.maxDurationMinutes);
  if (p.minDurationMinutes > p.maxDurationMinutes) {
    throw invalidInput(f('minDurationMinutes'), 'minDurationMinutes must not exceed maxDurationMinutes', {
      messageFr: 'La durée minimale dépasse la durée maximale',
      details: { min: p.minDurationMinutes, max: p.maxDurationMinutes },
    });
  }
  if (p.granularityMinutes > p.maxDurationMinutes) {
    throw invalidInput(f('granularityMinutes'), 'granularityMinutes must not exceed maxDurationMinutes', {
      messageFr: 'Le pas de réservation dépasse la durée maximale',
      details: { granularity: p.granularityMinutes, max: p.maxDurationMinutes },
    });
  }
  requireInteger(p.setupBufferMinutes, f('setupBufferMinutes'), 'setupBufferMinutes', 0, POLICY_LIMITS.maxBufferMinutes);
  requireInteger(p.teardownBufferMinutes, f('teardownBufferMinutes'), 'teardownBufferMinutes', 0, POLICY_LIMITS.maxBufferMinutes);
  requireInteger(p.horizonDays, f('horizonDays'), 'horizonDays', 1, POLICY_LIMITS.maxHorizonDays);
  if (p.minLeadMinutes + p.minDurationMinutes > p.horizonDays * MINUTES_PER_DAY) {
    throw invalidInput(f('horizonDays'), 'horizonDays leaves no room after the lead time for a minimal meeting', {
      messageFr: "L'horizon de réservation est plus court que le délai de prévenance",
      details: { horizonDays: p.horizonDays, minLeadMinutes: p.minLeadMinutes, minDurationMinutes: p.minDurationMinutes },
    });
  }
  if (!Array.isArray(p.approvalCategories)) {
    throw invalidInput(f('approvalCategories'), 'approvalCategories must be a list', { messageFr: 'Liste de catégories invalide' });
  }
  p.approvalCategories.forEach((c, i) => {
    if (typeof c !== 'string' || c.trim() === '') {
      throw invalidInput([...f('approvalCategories'), i], 'A category must be a non-empty string', { messageFr: 'Catégorie vide' });
    }
  });
  return p;
}
