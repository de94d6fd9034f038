import type { Interval } from '../time/interval';

/** One opening interval of a room, as produced by the opening-hours engine (onRequest: bookable with the host's approval). */
export type { OpenInterval } from '../opening-hours/types';

/** A candidate meeting slot (meeting time, buffers excluded). `onRequest` = needs at least one on-request interval. */
export interface Slot extends Interval {
  readonly onRequest: boolean;
}

/** A piece of a common free window (meeting time, buffers excluded). */
export interface FreeWindow extends Interval {
  readonly onRequest: boolean;
}
