import type { Interval } from '../time/interval';

/**
 * One opening interval of a room, as produced by the opening-hours engine (structurally identical to its
 * `OpenInterval`; declared here so that this module does not depend on it).
 * `onRequest: false` = regular opening hours; `onRequest: true` = "on request" off-hours (evenings,
 * week-ends with key hand-over...): bookable, but only with the host's approval.
 */
export interface OpenInterval extends Interval {
  readonly onRequest: boolean;
}

/** A candidate meeting slot (meeting time, buffers excluded). `onRequest` = needs at least one on-request interval. */
export interface Slot extends Interval {
  readonly onRequest: boolean;
}

/** A piece of a common free window (meeting time, buffers excluded). */
export interface FreeWindow extends Interval {
  readonly onRequest: boolean;
}
