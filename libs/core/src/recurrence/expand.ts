import { DateTime, IANAZone } from 'luxon';
import { Frequency, type Options, RRule } from 'rrule';
import { DomainError, invalidInput } from '../errors/domain-error';
import type { Interval } from '../time/interval';

export interface Occurrence extends Interval {
  /** 0-based position in the expansion. */
  readonly index: number;
}

export interface ExpandRecurrenceInput {
  /** RFC 5545 RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=TH;COUNT=10' (an optional 'RRULE:' prefix is accepted; DTSTART/TZID are not). */
  rrule: string;
  /** First occurrence (epoch ms); its local wall-clock time in `timeZone` is kept by every occurrence. */
  start: number;
  durationMinutes: number;
  timeZone: string;
  /** Default 200. More occurrences than this → BAD_USER_INPUT. */
  maxOccurrences?: number;
  /** Inclusive cap on occurrence starts (e.g. now + booking horizon); required for rules without COUNT/UNTIL. */
  until?: number;
}

export const DEFAULT_MAX_OCCURRENCES = 200;
/**
 * Safety bound on how far the iterator may search, per frequency (rules whose BY* parts rarely or never
 * match, e.g. 'FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30', would otherwise scan until year 9999).
 */
const MAX_SEARCH_DAYS: Record<Frequency, number> = {
  [Frequency.YEARLY]: 50 * 366,
  [Frequency.MONTHLY]: 50 * 366,
  [Frequency.WEEKLY]: 50 * 366,
  [Frequency.DAILY]: 50 * 366,
  [Frequency.HOURLY]: 2 * 366,
  [Frequency.MINUTELY]: 31,
  [Frequency.SECONDLY]: 1,
};

const RULE_SHAPE = /^[A-Z]+=[^;=\s]+(;[A-Z]+=[^;=\s]+)*$/i;
const NUMERIC_RANGES: Partial<Record<keyof Options, { min: number; max: number; nonZero?: boolean }>> = {
  count: { min: 0, max: Number.MAX_SAFE_INTEGER },
  interval: { min: 1, max: 10_000 },
  bysetpos: { min: -366, max: 366, nonZero: true },
  bymonth: { min: 1, max: 12 },
  bymonthday: { min: -31, max: 31, nonZero: true },
  byyearday: { min: -366, max: 366, nonZero: true },
  byweekno: { min: -53, max: 53, nonZero: true },
  byhour: { min: 0, max: 23 },
  byminute: { min: 0, max: 59 },
  bysecond: { min: 0, max: 59 },
  byeaster: { min: -366, max: 366 },
};

const bad = (message: string, details: Record<string, unknown> = {}) =>
  invalidInput(['rrule'], message, { messageFr: 'Règle de récurrence invalide', details });

/** Parses and checks an RRULE value; throws BAD_USER_INPUT on field 'rrule'. */
export function parseRecurrenceRule(rule: string): Partial<Options> {
  if (typeof rule !== 'string') throw bad('The recurrence rule must be a string');
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (!RULE_SHAPE.test(text)) throw bad(`Unparsable recurrence rule: ${rule}`);
  const keys = text.split(';').map((part) => part.split('=')[0].toUpperCase());
  const forbidden = keys.find((k) => k === 'DTSTART' || k === 'TZID');
  if (forbidden) throw bad(`${forbidden} is not accepted in the rule; the start and time zone are given separately`);
  if (new Set(keys).size !== keys.length) throw bad('A rule part is repeated');
  if (!keys.includes('FREQ')) throw bad('FREQ is required');
  if (keys.includes('COUNT') && keys.includes('UNTIL')) throw bad('COUNT and UNTIL cannot both be given');
  let parsed: Partial<Options>;
  try {
    parsed = RRule.parseString(text);
  } catch (e) {
    throw bad(`Unparsable recurrence rule: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof parsed.freq !== 'number' || Frequency[parsed.freq] === undefined) throw bad('Unknown FREQ');
  if ('wkst' in parsed && parsed.wkst == null) throw bad('Unknown WKST');
  if ('byweekday' in parsed) {
    const days = Array.isArray(parsed.byweekday) ? parsed.byweekday : [parsed.byweekday];
    if (days.some((d) => d == null)) throw bad('Unknown day in BYDAY');
  }
  for (const [key, range] of Object.entries(NUMERIC_RANGES) as [keyof Options, { min: number; max: number; nonZero?: boolean }][]) {
    if (!(key in parsed)) continue;
    const raw: unknown = parsed[key];
    const values: unknown[] = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < range.min || v > range.max || (range.nonZero && v === 0)) {
        throw bad(`Invalid value for ${key.toUpperCase()}: ${String(v)}`);
      }
    }
  }
  checkIterationSafe(parsed, keys);
  return parsed;
}

const SUB_DAILY = new Set<Frequency>([Frequency.HOURLY, Frequency.MINUTELY, Frequency.SECONDLY]);
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const asList = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/**
 * rrule only checks COUNT/UNTIL when it produces an occurrence, so a rule whose parts never (or very
 * rarely) match scans up to year 9999 — seconds to minutes of CPU (e.g. 'FREQ=HOURLY;INTERVAL=2;BYHOUR=1'
 * never returns). Rejects such shapes up front, following RFC 5545 where it restricts parts:
 * - HOURLY / MINUTELY / SECONDLY: only INTERVAL, COUNT, UNTIL, WKST (every period then matches);
 * - BYSETPOS only with MONTHLY / YEARLY; BYYEARDAY and BYWEEKNO only with YEARLY; BYMONTHDAY not with
 *   WEEKLY; numbered weekdays (1MO, -1FR) only with MONTHLY / YEARLY;
 * - BYMONTHDAY that exists in none of the BYMONTH months (31 April, 30 February).
 */
function checkIterationSafe(parsed: Partial<Options>, keys: readonly string[]): void {
  const freq = parsed.freq as Frequency;
  if (SUB_DAILY.has(freq)) {
    const extra = keys.find((k) => !['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST'].includes(k));
    if (extra) throw bad(`${extra} is not supported with FREQ=${Frequency[freq]}`);
    return;
  }
  const monthlyOrYearly = freq === Frequency.MONTHLY || freq === Frequency.YEARLY;
  if (keys.includes('BYSETPOS') && !monthlyOrYearly) throw bad('BYSETPOS is only supported with FREQ=MONTHLY or YEARLY');
  if ((keys.includes('BYYEARDAY') || keys.includes('BYWEEKNO')) && freq !== Frequency.YEARLY) throw bad('BYYEARDAY and BYWEEKNO need FREQ=YEARLY');
  if (keys.includes('BYMONTHDAY') && freq === Frequency.WEEKLY) throw bad('BYMONTHDAY is not allowed with FREQ=WEEKLY');
  if (!monthlyOrYearly) {
    const numbered = asList(parsed.byweekday).some((d) => typeof d === 'object' && d !== null && 'n' in d && (d as { n?: number }).n != null);
    if (numbered) throw bad('Numbered weekdays (e.g. 1MO) need FREQ=MONTHLY or YEARLY');
  }
  const monthDays = asList(parsed.bymonthday) as number[];
  if (monthDays.length > 0) {
    const months = (asList(parsed.bymonth) as number[]).length ? (asList(parsed.bymonth) as number[]) : [1, 3];
    const longest = Math.max(...months.map((m) => MAX_DAYS_IN_MONTH[m - 1]));
    if (monthDays.every((d) => Math.abs(d) > longest)) throw bad('BYMONTHDAY does not exist in the BYMONTH months');
  }
}

/** Wall-clock time of `ms` in `zone`, written as a "floating" UTC Date (what rrule iterates on). */
function toFloating(ms: number, zone: string): Date {
  const dt = DateTime.fromMillis(ms, { zone });
  return new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, dt.millisecond));
}

/**
 * Instant of a floating wall-clock time in `zone`. A time inside a spring-forward gap (e.g. 02:30 on
 * 2026-03-29 in Paris) moves forward by the gap (03:30); an ambiguous fall-back time takes the first
 * (summer-time) instant.
 */
function fromFloating(d: Date, zone: string): number {
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    },
    { zone },
  ).toMillis();
}

/**
 * Expands a recurrence in the local wall-clock time of `timeZone`: a weekly 14:00 Paris meeting stays at
 * 14:00 local across DST changes (rrule iterates on floating times; each is converted back with luxon).
 * `end = start + durationMinutes` (elapsed time).
 *
 * Throws BAD_USER_INPUT on field 'rrule' for an unparsable rule; for a rule producing more than
 * `maxOccurrences` (details `{ max }`), found by stopping the iterator at max + 1 (never enumerating
 * further); and for an unbounded rule (no COUNT/UNTIL) when no `until` cap is given (details
 * `{ max, unbounded: true }`). With `until`, an unbounded rule is capped there (then counted against max).
 * UNTIL in the rule is read as UTC when it ends with 'Z' (RFC 5545), otherwise as local time.
 */
export function expandRecurrence(input: ExpandRecurrenceInput): Occurrence[] {
  const { start, durationMinutes, timeZone, until } = input;
  const max = input.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  if (!Number.isInteger(max) || max < 1) throw invalidInput(['maxOccurrences'], 'maxOccurrences must be a positive integer', { messageFr: 'Nombre maximal invalide' });
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) throw invalidInput(['timeZone'], `Unknown time zone ${String(timeZone)}`, { messageFr: 'Fuseau horaire inconnu' });
  if (typeof start !== 'number' || !Number.isFinite(start)) throw invalidInput(['start'], 'start must be a finite instant', { messageFr: 'Date invalide' });
  if (until !== undefined && (typeof until !== 'number' || !Number.isFinite(until))) throw invalidInput(['until'], 'until must be a finite instant', { messageFr: 'Date invalide' });
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) throw invalidInput(['durationMinutes'], 'durationMinutes must be a positive integer', { messageFr: 'Durée invalide' });

  const parsed = parseRecurrenceRule(input.rrule);
  const bounded = parsed.count != null || parsed.until != null;
  if (!bounded && until === undefined) {
    throw new DomainError('BAD_USER_INPUT', `The rule has no COUNT or UNTIL: it would produce more than ${max} occurrences`, {
      field: ['rrule'],
      messageFr: `La récurrence n'a pas de fin : précisez un nombre d'occurrences ou une date de fin (au plus ${max} occurrences)`,
      details: { max, unbounded: true },
    });
  }
  let ruleUntil = parsed.until ?? null;
  if (ruleUntil && /UNTIL=[0-9T]+Z/i.test(input.rrule)) ruleUntil = toFloating(ruleUntil.getTime(), timeZone);
  const dtstart = toFloating(start, timeZone);
  const searchLimit = new Date(dtstart.getTime() + MAX_SEARCH_DAYS[parsed.freq ?? Frequency.YEARLY] * 86_400_000);
  const effectiveUntil = ruleUntil && ruleUntil < searchLimit ? ruleUntil : searchLimit;

  const rule = new RRule({ ...parsed, dtstart, tzid: null, until: effectiveUntil });
  const durationMs = durationMinutes * 60_000;
  const out: Occurrence[] = [];
  let tooMany = false;
  rule.all((date) => {
    const s = fromFloating(date, timeZone);
    if (until !== undefined && s > until) return false;
    if (out.length === max) {
      tooMany = true;
      return false;
    }
    out.push({ start: s, end: s + durationMs, index: out.length });
    return true;
  });
  if (tooMany) {
    throw invalidInput(['rrule'], `The rule produces more than ${max} occurrences`, {
      messageFr: `La récurrence produit plus de ${max} occurrences`,
      details: { max },
    });
  }
  return out;
}
