/** When a meeting opens, warns and closes, from its reservation's times (docs: issue 6). */
export const OPEN_BEFORE_MINUTES = 10;
export const ENDING_SOON_BEFORE_MINUTES = 5;
/** What `meetingEndingSoon` offers when every room is free after the end. */
export const EXTENSION_MINUTES = 30;
const MINUTE = 60_000;

export interface MeetingTimes {
  opensAt: number;
  startsAt: number;
  endingSoonAt: number;
  endsAt: number;
  closesAt: number;
}

/** MEETING_GRACE_MINUTES (default 5): joining stays possible, and the bridge open, this long after the end. */
export function graceMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MEETING_GRACE_MINUTES);
  return Number.isFinite(n) && n >= 0 && n <= 120 ? n : 5;
}

export function meetingTimes(start: Date | number, end: Date | number, grace: number): MeetingTimes {
  const startsAt = +start;
  const endsAt = +end;
  return {
    opensAt: startsAt - OPEN_BEFORE_MINUTES * MINUTE,
    startsAt,
    endingSoonAt: endsAt - ENDING_SOON_BEFORE_MINUTES * MINUTE,
    endsAt,
    closesAt: endsAt + grace * MINUTE,
  };
}

export type MeetingStatus = 'SCHEDULED' | 'OPEN' | 'CLOSED' | 'CANCELLED';

/**
 * What a participant is told about a meeting: CANCELLED (the reservation was cancelled or refused,
 * or the meeting closed because of it), CLOSED (over, or closed by the host), OPEN (joinable now),
 * SCHEDULED (not yet, or waiting for the host's approval).
 */
export function meetingStatus(
  reservationStatus: string,
  meeting: { status: 'OPEN' | 'CLOSED'; closeReason: string | null } | null,
  times: MeetingTimes,
  now: number,
): MeetingStatus {
  if (meeting?.status === 'CLOSED') return meeting.closeReason === 'cancelled' ? 'CANCELLED' : 'CLOSED';
  if (reservationStatus === 'CANCELLED' || reservationStatus === 'REJECTED' || reservationStatus === 'EXPIRED') return 'CANCELLED';
  if (meeting?.status === 'OPEN') return 'OPEN';
  if (now >= times.closesAt) return 'CLOSED';
  if (reservationStatus !== 'CONFIRMED' || now < times.opensAt) return 'SCHEDULED';
  return 'OPEN';
}
