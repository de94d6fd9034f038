import { DomainError, type Interval, invalidInput } from '@maillage/core';
import type { RoomContext } from './booking-context';
import type { ReservationInput } from './dtos/reservation.inputs';
import { slotConflict } from './slot-writer';

/**
 * The parts of a booking request that are not about one booking: how many a request may hold, where
 * the errors of its index-th booking point, and the checks across its inputs. Pure: no database.
 */

/** bookMany: at most this many bookings in one request (one transaction). */
export const MAX_BOOKINGS_PER_REQUEST = 100;

export const tooManyBookings = (count: number) =>
  invalidInput(['inputs'], `At most ${MAX_BOOKINGS_PER_REQUEST} bookings per request (${count} given)`, {
    messageFr: `Au plus ${MAX_BOOKINGS_PER_REQUEST} réservations par demande`,
    details: { max: MAX_BOOKINGS_PER_REQUEST, count },
  });

/**
 * Where the errors about a request's index-th booking point. `book` keeps the paths of its one input
 * (['input', 'rooms', 0], ['end']…) and gives a CONFLICT no field; `bookMany` puts every path under
 * ['inputs', index], a CONFLICT's included.
 */
export interface Placement {
  error(index: number, error: DomainError): DomainError;
  conflictField(index: number): (string | number)[] | undefined;
}
export const ONE_INPUT: Placement = { error: (_, error) => error, conflictField: () => undefined };
export const INPUT_LIST: Placement = {
  error: (index, error) =>
    new DomainError(error.code, error.message, {
      field: ['inputs', index, ...(error.field?.[0] === 'input' ? error.field.slice(1) : (error.field ?? []))],
      details: error.details,
      messageFr: error.messageFr,
    }),
  conflictField: (index) => ['inputs', index],
};

/** Runs `work` for the index-th booking; its domain error comes out placed. */
export function placed<T>(placement: Placement, index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof DomainError ? placement.error(index, error) : error;
  }
}

/** What the engine does not check: each remote participant has what its kind needs. */
export function assertParticipants(input: ReservationInput): void {
  for (const p of input.participants ?? []) {
    if (p.kind === 'SIP' && !p.sipUri) throw invalidInput(['input', 'participants'], 'A SIP participant needs a sipUri');
    if (p.kind === 'WEB_GUEST' && (!p.name || !p.email)) throw invalidInput(['input', 'participants'], 'A web guest needs a name and an e-mail');
    if (p.kind === 'PHONE' && !p.phone) throw invalidInput(['input', 'participants'], 'A phone participant needs a phone number');
  }
}

/**
 * Two bookings of one request must not hold a room at overlapping times: the first input (in
 * request order) that meets an earlier one gets the CONFLICT naming that one's slot. The
 * constraint would refuse it as well, but could not say which input held the slot.
 */
export function assertNoClashWithin(accepted: readonly { holds: readonly { ctx: RoomContext; held: Interval }[] }[], placement: Placement): void {
  const seen = new Map<string, { index: number; held: Interval }[]>();
  accepted.forEach((a, index) => {
    for (const h of a.holds) {
      const earlier = seen.get(h.ctx.room.id) ?? [];
      const clash = earlier.find((e) => e.held.start < h.held.end && h.held.start < e.held.end);
      if (clash) {
        throw slotConflict(h.ctx, { start: new Date(clash.held.start), end: new Date(clash.held.end), kind: 'RESERVATION', reference: null }, {
          field: placement.conflictField(index),
          details: { clashingInput: clash.index },
        });
      }
      seen.set(h.ctx.room.id, [...earlier, { index, held: h.held }]);
    }
  });
}
