/**
 * How a reservation ended, for the evaluation. A record is written for every reservation that ends:
 * completed, no-show, failed, or cancelled late. Decisions (docs/adr/0008-impact-methodology-and-meeting-records.md):
 *  - the host's COMPLETED / NO_SHOW is authoritative and replaces an earlier automatic outcome;
 *  - a confirmed meeting whose bridge closed at its end without the host recording anything is
 *    COMPLETED when someone joined, NO_SHOW when nobody did; FAILED when a failure incident hit it;
 *  - a cancellation is "late" when it comes less than LATE_CANCELLATION_HOURS before the start (or after
 *    it): the room was held for nothing, so it is recorded; an earlier one leaves no record.
 * Only COMPLETED meetings count as uses and avoid travel; NO_SHOW and CANCELLED_LATE are bookings
 * without a use; FAILED is a use attempt that did not work (its travel is not counted as avoided).
 */
export type MeetingOutcome = 'COMPLETED' | 'NO_SHOW' | 'FAILED' | 'CANCELLED_LATE';
export const MEETING_OUTCOMES: readonly MeetingOutcome[] = ['COMPLETED', 'NO_SHOW', 'FAILED', 'CANCELLED_LATE'];

export const LATE_CANCELLATION_HOURS = 24;

export type EndingSignal =
  | { readonly kind: 'host-completed' }
  | { readonly kind: 'host-no-show' }
  | { readonly kind: 'cancelled'; readonly cancelledAt: number; readonly start: number }
  | { readonly kind: 'bridge-closed'; readonly participantsJoined: number; readonly failureIncidents: number };

/** The outcome of an ending, or null when it leaves no record (an early cancellation, a bridge closed by a cancellation). */
export function outcomeOf(signal: EndingSignal): MeetingOutcome | null {
  switch (signal.kind) {
    case 'host-completed':
      return 'COMPLETED';
    case 'host-no-show':
      return 'NO_SHOW';
    case 'cancelled':
      return signal.cancelledAt >= signal.start - LATE_CANCELLATION_HOURS * 3_600_000 ? 'CANCELLED_LATE' : null;
    case 'bridge-closed':
      if (signal.failureIncidents > 0) return 'FAILED';
      return signal.participantsJoined > 0 ? 'COMPLETED' : 'NO_SHOW';
  }
}

/** Whether the outcome is a use of the point (the study counts uses), and whether it avoided travel. */
export const isUse = (o: MeetingOutcome): boolean => o === 'COMPLETED' || o === 'FAILED';
export const avoidsTravel = (o: MeetingOutcome): boolean => o === 'COMPLETED';
