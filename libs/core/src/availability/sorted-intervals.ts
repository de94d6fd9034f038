import { type Interval, mergeIntervals } from '../time/interval';

/**
 * Linear-time helpers on SORTED, DISJOINT interval lists (as returned by `mergeIntervals`).
 * They avoid the re-sorting and quadratic scans of the general helpers in time/interval.ts on hot paths.
 */

/** `base` minus `cuts`; both sorted and disjoint (half-open). O(n + m). */
export function subtractSorted(base: readonly Interval[], cuts: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const b of base) {
    let cursor = b.start;
    while (j < cuts.length && cuts[j].end <= cursor) j++;
    let k = j;
    while (k < cuts.length && cuts[k].start < b.end) {
      if (cuts[k].start > cursor) out.push({ start: cursor, end: cuts[k].start });
      cursor = Math.max(cursor, cuts[k].end);
      k++;
    }
    if (cursor < b.end) out.push({ start: cursor, end: b.end });
  }
  return out;
}

/**
 * Intersection of two sorted disjoint lists. `closed` treats every interval as [start, end] (used for sets
 * of admissible start instants, where a single instant is meaningful); otherwise half-open [start, end).
 */
export function intersectSorted(a: readonly Interval[], b: readonly Interval[], closed = false): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (closed ? start <= end : start < end) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** Index of the interval of sorted disjoint `list` that contains [start, end) entirely, or -1. Binary search. */
export function findContaining(list: readonly Interval[], start: number, end: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start > start) hi = mid - 1;
    else if (list[mid].end <= start) lo = mid + 1;
    else return list[mid].end >= end ? mid : -1;
  }
  return -1;
}

/**
 * Same result as `mergeIntervals`, but skips the copy and sort when the input is already sorted by start
 * (the usual case for lists read from a database with ORDER BY).
 */
export function mergeFast(intervals: readonly Interval[]): Interval[] {
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i].start < intervals[i - 1].start) return mergeIntervals(intervals);
  }
  const out: Interval[] = [];
  for (const i of intervals) {
    if (!(i.end > i.start)) continue;
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = { start: last.start, end: i.end };
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}
