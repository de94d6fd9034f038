/** A half-open time interval [start, end) between two instants, in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export const intervalsOverlap = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

export const durationMinutes = (i: Interval): number => (i.end - i.start) / 60_000;

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, i.end) };
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `from` minus every interval of `remove` (both need not be sorted). */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(remove);
  const out: Interval[] = [];
  for (const base of mergeIntervals(from)) {
    let cursor = base.start;
    for (const cut of cuts) {
      if (cut.end <= cursor || cut.start >= base.end) continue;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < base.end) out.push({ start: cursor, end: base.end });
  }
  return out;
}

/** Instants common to every list (each list is a union of intervals). */
export function intersectAll(lists: readonly (readonly Interval[])[]): Interval[] {
  if (lists.length === 0) return [];
  return lists.slice(1).reduce<Interval[]>((acc, list) => {
    const b = mergeIntervals(list);
    const out: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < acc.length && j < b.length) {
      const start = Math.max(acc[i].start, b[j].start);
      const end = Math.min(acc[i].end, b[j].end);
      if (start < end) out.push({ start, end });
      if (acc[i].end < b[j].end) i++;
      else j++;
    }
    return out;
  }, mergeIntervals(lists[0]));
}
