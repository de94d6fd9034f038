import { DomainError, invalidInput } from '../errors/domain-error';
import type { Occurrence } from './expand';

export type RecurringBookingMode = 'ALL_OR_NOTHING' | 'SKIP_CLASHES';

export interface RecurringBookingPlan<T extends Occurrence = Occurrence> {
  toBook: T[];
  skipped: { occ: T; reason: string }[];
}

/**
 * Splits occurrences into those to book and those that clash. `clashes(occ)` returns a reason (closed
 * day, public holiday, room already held...) or null.
 * - SKIP_CLASHES: clashing occurrences are returned in `skipped` with their reason.
 * - ALL_OR_NOTHING: any clash throws CONFLICT with details `{ clashes: [{ index, start, end, reason }] }`
 *   (ISO instants) listing every clashing occurrence.
 */
export function planRecurringBooking<T extends Occurrence>(
  occurrences: readonly T[],
  clashes: (occ: T) => string | null,
  mode: RecurringBookingMode,
): RecurringBookingPlan<T> {
  if (mode !== 'ALL_OR_NOTHING' && mode !== 'SKIP_CLASHES') {
    throw invalidInput(['mode'], `Unknown mode ${String(mode)}`, { messageFr: 'Mode de réservation inconnu' });
  }
  const toBook: T[] = [];
  const skipped: { occ: T; reason: string }[] = [];
  for (const occ of occurrences) {
    const reason = clashes(occ);
    if (reason === null) toBook.push(occ);
    else skipped.push({ occ, reason });
  }
  if (mode === 'ALL_OR_NOTHING' && skipped.length > 0) {
    throw new DomainError('CONFLICT', `${skipped.length} of ${occurrences.length} occurrences clash`, {
      messageFr: `${skipped.length} occurrence(s) sur ${occurrences.length} sont en conflit`,
      details: {
        clashes: skipped.map(({ occ, reason }) => ({
          index: occ.index,
          start: new Date(occ.start).toISOString(),
          end: new Date(occ.end).toISOString(),
          reason,
        })),
      },
    });
  }
  return { toBook, skipped };
}
