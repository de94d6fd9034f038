import { DomainError, invalidInput } from '../errors/domain-error';
import { type Interval, intervalsOverlap, mergeIntervals } from '../time/interval';
import { type BookingPolicy, DAY_MS, MINUTE_MS, validateBookingPolicy } from './policy';
import { findContaining } from './sorted-intervals';
import type { OpenInterval } from './types';
import { isAlignedInZone, requireZone } from './zone';

/** Reasons listed in `BookingCheck.reasons`. */
export const APPROVAL_REASONS = {
  OFF_HOURS_ON_REQUEST: 'off-hours on request',
  CATEGORY_REQUIRES_APPROVAL: 'requester category requires approval',
} as const;
export type ApprovalReason = (typeof APPROVAL_REASONS)[keyof typeof APPROVAL_REASONS];

export const CLOSED_MESSAGE_FR = 'Le point est fermé à ce moment';

export interface BookingRequest {
  policy: BookingPolicy;
  /** Opening intervals of the room (regular and on-request), any order. */
  open: readonly OpenInterval[];
  /** Meeting start / end (epoch ms); buffers excluded. */
  start: number;
  end: number;
  now: number;
  /** Requester category, compared with `policy.approvalCategories`. */
  category?: string | null;
  /** IANA zone of the point (alignment is on its local wall clock). */
  timeZone: string;
  /**
   * Optional held intervals (buffers included) of the room's other reservations and host blocks; when given,
   * an overlap with the held interval throws CONFLICT.
   */
  busy?: readonly Interval[];
}

export interface BookingCheck {
  status: 'CONFIRMABLE' | 'NEEDS_APPROVAL';
  /** [start - setup buffer, end + teardown buffer): what the booking blocks in the room. */
  heldInterval: Interval;
  reasons: ApprovalReason[];
}

const iso = (t: number): string => new Date(t).toISOString();

/**
 * Checks one booking request against a room's policy and opening hours.
 *
 * Buffer rule (what a room manager expects): the WHOLE held interval — set-up buffer, meeting and
 * tear-down buffer — must lie inside the room's opening intervals. The host's staff open the room,
 * switch the system on and the concierge tests the call before the meeting; they are only there during
 * opening hours, so a point open 09:00–17:30 with 15-minute buffers accepts meetings from 09:15 to 17:15.
 * A held interval that fits only thanks to "on request" intervals (even if only its buffers do) needs
 * approval.
 *
 * Throws BAD_USER_INPUT for: non-finite times; zero length / end before start (field `end`); inside
 * the lead time (field `start`); beyond the horizon (field `start` or `end`); too short / too long (field
 * `end`); start not aligned on the local granularity (field `start`) or duration not a multiple of it
 * (field `end`); outside opening hours (field `start`, messageFr 'Le point est fermé à ce moment').
 * Throws CONFLICT when `busy` is given and overlaps the held interval.
 */
export function checkBookingRequest(req: BookingRequest): BookingCheck {
  const { policy, start, end, now } = req;
  validateBookingPolicy(policy, ['policy']);
  const zone = requireZone(req.timeZone);
  for (const [name, v] of [['start', start], ['end', end], ['now', now]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidInput([name], `${name} must be a finite instant`, { messageFr: 'Date invalide' });
  }
  if (end === start) throw invalidInput(['end'], 'zero length: end equals start', { messageFr: 'La réservation a une durée nulle' });
  if (end < start) throw invalidInput(['end'], 'end before start', { messageFr: 'La fin précède le début', details: { start: iso(start), end: iso(end) } });

  const earliestStart = now + policy.minLeadMinutes * MINUTE_MS;
  if (start < earliestStart) {
    throw invalidInput(['start'], `inside the lead time: book at least ${policy.minLeadMinutes} minutes ahead`, {
      messageFr: `Il faut réserver au moins ${formatMinutesFr(policy.minLeadMinutes)} à l'avance`,
      details: { minLeadMinutes: policy.minLeadMinutes, earliestStart: iso(earliestStart) },
    });
  }
  const horizonEnd = now + policy.horizonDays * DAY_MS;
  if (end > horizonEnd) {
    throw invalidInput([start >= horizonEnd ? 'start' : 'end'], `beyond the horizon: bookings may end at most ${policy.horizonDays} days ahead`, {
      messageFr: `On ne peut pas réserver plus de ${policy.horizonDays} jours à l'avance`,
      details: { horizonDays: policy.horizonDays, latestEnd: iso(horizonEnd) },
    });
  }
  const minutes = (end - start) / MINUTE_MS;
  if (minutes < policy.minDurationMinutes) {
    throw invalidInput(['end'], `shorter than the minimum duration of ${policy.minDurationMinutes} minutes`, {
      messageFr: `La durée minimale est de ${formatMinutesFr(policy.minDurationMinutes)}`,
      details: { durationMinutes: minutes, minDurationMinutes: policy.minDurationMinutes },
    });
  }
  if (minutes > policy.maxDurationMinutes) {
    throw invalidInput(['end'], `longer than the maximum duration of ${policy.maxDurationMinutes} minutes`, {
      messageFr: `La durée maximale est de ${formatMinutesFr(policy.maxDurationMinutes)}`,
      details: { durationMinutes: minutes, maxDurationMinutes: policy.maxDurationMinutes },
    });
  }
  const g = policy.granularityMinutes;
  if (!isAlignedInZone(start, g, zone)) {
    throw invalidInput(['start'], `start not aligned on a ${g}-minute step of local time`, {
      messageFr: `L'heure de début doit être un multiple de ${g} minutes`,
      details: { granularityMinutes: g },
    });
  }
  if (!Number.isInteger(minutes) || minutes % g !== 0) {
    throw invalidInput(['end'], `duration not a multiple of ${g} minutes`, {
      messageFr: `La durée doit être un multiple de ${g} minutes`,
      details: { granularityMinutes: g, durationMinutes: minutes },
    });
  }

  const heldInterval: Interval = { start: start - policy.setupBufferMinutes * MINUTE_MS, end: end + policy.teardownBufferMinutes * MINUTE_MS };
  const allOpen = mergeIntervals(req.open);
  if (findContaining(allOpen, heldInterval.start, heldInterval.end) < 0) {
    const meetingFits = findContaining(allOpen, start, end) >= 0;
    throw invalidInput(['start'], meetingFits ? 'outside opening hours: set-up or tear-down buffer falls when the point is closed' : 'outside opening hours', {
      messageFr: CLOSED_MESSAGE_FR,
      details: {
        reason: meetingFits ? 'BUFFER_OUTSIDE_OPENING_HOURS' : 'OUTSIDE_OPENING_HOURS',
        heldStart: iso(heldInterval.start),
        heldEnd: iso(heldInterval.end),
      },
    });
  }
  if (req.busy) {
    const clash = req.busy.find((b) => intervalsOverlap(b, heldInterval));
    if (clash) {
      throw new DomainError('CONFLICT', 'The room is already held at that time (buffers included)', {
        messageFr: 'La salle est déjà réservée à ce moment (préparation comprise)',
        details: { clashStart: iso(clash.start), clashEnd: iso(clash.end), heldStart: iso(heldInterval.start), heldEnd: iso(heldInterval.end) },
      });
    }
  }

  const reasons: ApprovalReason[] = [];
  const regularOpen = mergeIntervals(req.open.filter((o) => !o.onRequest));
  if (findContaining(regularOpen, heldInterval.start, heldInterval.end) < 0) reasons.push(APPROVAL_REASONS.OFF_HOURS_ON_REQUEST);
  if (req.category != null && policy.approvalCategories.includes(req.category)) reasons.push(APPROVAL_REASONS.CATEGORY_REQUIRES_APPROVAL);
  return { status: reasons.length ? 'NEEDS_APPROVAL' : 'CONFIRMABLE', heldInterval, reasons };
}

function formatMinutesFr(m: number): string {
  if (m % 60 === 0) return `${m / 60} h`;
  if (m > 60) return `${Math.floor(m / 60)} h ${m % 60} min`;
  return `${m} min`;
}
