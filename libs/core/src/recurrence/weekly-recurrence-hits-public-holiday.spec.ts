import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error';
import { type Occurrence, expandRecurrence, planRecurringBooking } from './index';

// A housing office holds its session every Thursday 14:00–16:00 at the point; Ascension is Thursday 14 May 2026.
describe('weekly recurrence hitting a public holiday', () => {
  const zone = 'Europe/Paris';
  const occurrences = expandRecurrence({
    rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=6',
    start: DateTime.fromISO('2026-04-30T14:00', { zone }).toMillis(),
    durationMinutes: 120,
    timeZone: zone,
  });
  const holidays = new Map([['2026-05-14', 'Ascension'], ['2026-05-01', 'Fête du travail']]);
  const clash = (occ: Occurrence) => {
    const day = DateTime.fromMillis(occ.start, { zone }).toISODate() ?? '';
    return holidays.has(day) ? `public holiday: ${holidays.get(day)}` : null;
  };
  const day = (o: Occurrence) => DateTime.fromMillis(o.start, { zone }).toISODate();

  it('expands to six Thursdays', () => {
    expect(occurrences.map(day)).toEqual(['2026-04-30', '2026-05-07', '2026-05-14', '2026-05-21', '2026-05-28', '2026-06-04']);
    expect(occurrences.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('SKIP_CLASHES books the other five and reports Ascension', () => {
    const plan = planRecurringBooking(occurrences, clash, 'SKIP_CLASHES');
    expect(plan.toBook).toHaveLength(5);
    expect(plan.skipped).toEqual([{ occ: occurrences[2], reason: 'public holiday: Ascension' }]);
  });

  it('ALL_OR_NOTHING throws CONFLICT listing the clashing occurrence', () => {
    let error: unknown;
    try {
      planRecurringBooking(occurrences, clash, 'ALL_OR_NOTHING');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
    expect((error as DomainError).details).toEqual({
      clashes: [{ index: 2, start: '2026-05-14T12:00:00.000Z', end: '2026-05-14T14:00:00.000Z', reason: 'public holiday: Ascension' }],
    });
  });

  it('ALL_OR_NOTHING books everything when nothing clashes', () => {
    expect(planRecurringBooking(occurrences, () => null, 'ALL_OR_NOTHING').toBook).toEqual(occurrences);
  });
});
