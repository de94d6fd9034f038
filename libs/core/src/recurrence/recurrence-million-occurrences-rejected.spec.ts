import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error';
import { expandRecurrence } from './index';

describe('a recurrence that would produce too many occurrences is rejected', () => {
  const zone = 'Europe/Paris';
  const start = DateTime.fromISO('2026-09-03T14:00', { zone }).toMillis();
  const expand = (rrule: string, extra: { maxOccurrences?: number; until?: number } = {}) => () => expandRecurrence({ rrule, start, durationMinutes: 120, timeZone: zone, ...extra });
  const errorOf = (fn: () => unknown): DomainError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
    throw new Error('expected a DomainError');
  };

  it('FREQ=MINUTELY;COUNT=1000000 fails fast with the limit in details', () => {
    const t0 = Date.now();
    const e = errorOf(expand('FREQ=MINUTELY;COUNT=1000000'));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toEqual(['rrule']);
    expect(e.details).toEqual({ max: 200 });
  });

  it('201 weekly occurrences are too many, 200 are fine; the limit is configurable', () => {
    expect(errorOf(expand('FREQ=WEEKLY;COUNT=201')).details).toEqual({ max: 200 });
    expect(expand('FREQ=WEEKLY;COUNT=200')()).toHaveLength(200);
    expect(errorOf(expand('FREQ=WEEKLY;COUNT=11', { maxOccurrences: 10 })).details).toEqual({ max: 10 });
  });

  it('an unbounded rule needs a cap, and is then expanded up to it', () => {
    expect(errorOf(expand('FREQ=WEEKLY;BYDAY=TH')).details).toEqual({ max: 200, unbounded: true });
    const horizon = DateTime.fromISO('2026-12-01T00:00', { zone }).toMillis();
    const occ = expand('FREQ=WEEKLY;BYDAY=TH', { until: horizon })();
    expect(occ).toHaveLength(13);
    expect(occ[occ.length - 1].start).toBeLessThanOrEqual(horizon);
    expect(errorOf(expand('FREQ=DAILY', { until: horizon + 365 * 86_400_000 })).details).toEqual({ max: 200 });
  });

  it.each([
    'garbage',
    'FREQ=FORTNIGHTLY',
    'BYDAY=TH;COUNT=3',
    'FREQ=WEEKLY;BYDAY=XX;COUNT=3',
    'FREQ=WEEKLY;COUNT=abc',
    'FREQ=WEEKLY;COUNT=3;COUNT=4',
    'FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000Z',
    'DTSTART:20260903T120000Z;FREQ=WEEKLY;COUNT=3',
    'FREQ=MONTHLY;BYMONTHDAY=32;COUNT=3',
  ])('rejects the unparsable rule %s on field rrule', (rule) => {
    const e = errorOf(expand(rule));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toEqual(['rrule']);
  });

  it.each(['FREQ=HOURLY;INTERVAL=2;BYHOUR=1;COUNT=2', 'FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31;COUNT=2', 'FREQ=WEEKLY;BYDAY=TH;BYSETPOS=2;COUNT=2', 'FREQ=DAILY;BYYEARDAY=1;BYMONTH=6;COUNT=2'])(
    'rejects %s, which rrule would scan until year 9999, without scanning',
    (rule) => {
      const t0 = Date.now();
      expect(errorOf(expand(rule)).field).toEqual(['rrule']);
      expect(Date.now() - t0).toBeLessThan(500);
    },
  );
});
