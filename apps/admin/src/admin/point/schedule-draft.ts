// The opening-hours editor's state and its conversion to and from the API's OpeningSchedule, with the map
// from an error's field path (['schedule', 'weekly', 3, 'closes']) back to the input that caused it.
import type { AdminPointQuery, OpeningScheduleInput } from '../../generated/graphql';

type Schedule = AdminPointQuery['point']['openingSchedule'];

export interface RangeDraft {
  key: string;
  opens: string;
  closes: string;
  onRequest: boolean;
}

export interface ExceptionDraft {
  key: string;
  date: string;
  kind: 'closed' | 'hours';
  reason: string;
  ranges: RangeDraft[];
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ScheduleDraft {
  weekly: Record<Weekday, RangeDraft[]>;
  exceptions: ExceptionDraft[];
  closedOnPublicHolidays: boolean;
}

let counter = 0;
/** A key that stays with a row while rows are added and removed (React keys, error targets). */
export const newKey = (prefix: string): string => `${prefix}${++counter}`;

export const emptyRange = (opens = '09:00', closes = '17:00'): RangeDraft => ({ key: newKey('r'), opens, closes, onRequest: false });

export function draftOf(schedule: Schedule): ScheduleDraft {
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as RangeDraft[]])) as unknown as Record<Weekday, RangeDraft[]>;
  for (const rule of [...schedule.weekly].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    weekly[rule.weekday as Weekday]?.push({ key: newKey('r'), opens: rule.opens, closes: rule.closes, onRequest: rule.onRequest ?? false });
  }
  const exceptions = [...schedule.exceptions]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({
      key: newKey('e'),
      date: e.date,
      kind: e.kind === 'hours' ? ('hours' as const) : ('closed' as const),
      reason: e.reason ?? '',
      ranges: (e.ranges ?? []).map((r) => ({ key: newKey('r'), opens: r.opens, closes: r.closes, onRequest: r.onRequest ?? false })),
    }));
  return { weekly, exceptions, closedOnPublicHolidays: schedule.closedOnPublicHolidays };
}

/** Where an API field lands in the form: the row's key and which of its inputs ('opens', 'closes', 'date'…; 'row' for the row itself). */
export interface ErrorTarget {
  key: string;
  input: string;
}

/**
 * The mutation's input, and for each index of `weekly` and `exceptions` (and their ranges) the row it
 * came from, so that `targetOf` finds the input an error names.
 */
export function inputOf(draft: ScheduleDraft): { schedule: OpeningScheduleInput; targetOf(path: readonly (string | number)[]): ErrorTarget | null } {
  const weeklyKeys: string[] = [];
  const weekly = WEEKDAYS.flatMap((weekday) =>
    draft.weekly[weekday].map((r) => {
      weeklyKeys.push(r.key);
      return { weekday, opens: r.opens.trim(), closes: r.closes.trim(), onRequest: r.onRequest };
    }),
  );
  const exceptions = draft.exceptions.map((e) => ({
    date: e.date,
    kind: e.kind,
    reason: e.reason.trim() || null,
    ranges: e.kind === 'hours' ? e.ranges.map((r) => ({ opens: r.opens.trim(), closes: r.closes.trim(), onRequest: r.onRequest })) : null,
  }));
  const targetOf = (path: readonly (string | number)[]): ErrorTarget | null => {
    const [root, list, index, sub, subIndex, subField] = path;
    if (root !== 'schedule') return null;
    if (list === 'weekly' && typeof index === 'number' && weeklyKeys[index]) return { key: weeklyKeys[index]!, input: typeof sub === 'string' && sub !== 'weekday' ? sub : 'row' };
    if (list === 'exceptions' && typeof index === 'number') {
      const exception = draft.exceptions[index];
      if (!exception) return null;
      if (sub === 'ranges' && typeof subIndex === 'number' && exception.ranges[subIndex]) return { key: exception.ranges[subIndex]!.key, input: typeof subField === 'string' ? subField : 'row' };
      return { key: exception.key, input: typeof sub === 'string' ? sub : 'row' };
    }
    if (list === 'closedOnPublicHolidays') return { key: 'holidays', input: 'row' };
    return null;
  };
  return { schedule: { weekly, exceptions, closedOnPublicHolidays: draft.closedOnPublicHolidays }, targetOf };
}
