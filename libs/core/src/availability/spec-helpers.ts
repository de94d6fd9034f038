/** Test helpers (not exported from index.ts): real Europe/Paris dates and weekly opening intervals. */
import { DateTime } from 'luxon';
import type { BookingPolicy } from './policy';
import type { OpenInterval } from './types';

export const PARIS = 'Europe/Paris';

/** Epoch ms of a Paris wall-clock time, e.g. paris('2026-03-30T14:00'). */
export const paris = (iso: string): number => {
  const dt = DateTime.fromISO(iso, { zone: PARIS });
  if (!dt.isValid) throw new Error(`bad test date ${iso}`);
  return dt.toMillis();
};

/** Paris wall-clock rendering 'yyyy-MM-ddTHH:mm' of an instant. */
export const local = (t: number): string => DateTime.fromMillis(t, { zone: PARIS }).toFormat("yyyy-MM-dd'T'HH:mm");

/**
 * Opening intervals for each day of [firstDay, firstDay + days) whose ISO weekday is in `weekdays`
 * (1 = Monday), with the given local 'HH:mm' ranges.
 */
export function dailyOpen(firstDay: string, days: number, ranges: [string, string][], opts: { onRequest?: boolean; weekdays?: number[] } = {}): OpenInterval[] {
  const weekdays = opts.weekdays ?? [1, 2, 3, 4, 5];
  const out: OpenInterval[] = [];
  let day = DateTime.fromISO(firstDay, { zone: PARIS });
  for (let i = 0; i < days; i++, day = day.plus({ days: 1 })) {
    if (!weekdays.includes(day.weekday)) continue;
    const date = day.toFormat('yyyy-MM-dd');
    for (const [a, b] of ranges) out.push({ start: paris(`${date}T${a}`), end: paris(`${date}T${b}`), onRequest: opts.onRequest ?? false });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The policy described in the field study: 48 h lead, 2 h minimum, 30-minute steps. */
export const studyPolicy = (overrides: Partial<BookingPolicy> = {}): BookingPolicy => ({
  minLeadMinutes: 48 * 60,
  minDurationMinutes: 120,
  maxDurationMinutes: 600,
  granularityMinutes: 30,
  setupBufferMinutes: 15,
  teardownBufferMinutes: 15,
  horizonDays: 90,
  approvalCategories: ['INDIVIDUAL'],
  ...overrides,
});

/** Captures a thrown error (fails when nothing is thrown). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
