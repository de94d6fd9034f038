import { DomainError } from '../errors/domain-error';
import { type BookingPolicy, checkBookingRequest, freeSlots, validateBookingPolicy } from './index';
import { PARIS, dailyOpen, paris, studyPolicy, thrown } from './spec-helpers';

// Requests made on Monday 2 March 2026 at 09:00 for the point's weekday hours 08:00–20:00.
describe('booking rejects bad input', () => {
  const now = paris('2026-03-02T09:00');
  const open = dailyOpen('2026-03-02', 120, [['08:00', '20:00']]);
  const policy = studyPolicy();
  const check = (start: string, end: string, p: BookingPolicy = policy) => thrown(() => checkBookingRequest({ policy: p, open, start: paris(start), end: paris(end), now, timeZone: PARIS })) as DomainError;
  const expectBad = (e: DomainError, field: string, message: RegExp) => {
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toEqual([field]);
    expect(e.message).toMatch(message);
    expect(e.messageFr).toBeTruthy();
  };

  it('end before start', () => expectBad(check('2026-03-10T12:00', '2026-03-10T10:00'), 'end', /end before start/));
  it('zero length', () => expectBad(check('2026-03-10T10:00', '2026-03-10T10:00'), 'end', /zero length/));
  it('inside the 48 h lead time', () => {
    const e = check('2026-03-03T10:00', '2026-03-03T12:00');
    expectBad(e, 'start', /lead time/);
    expect(e.details).toMatchObject({ minLeadMinutes: 2880 });
  });
  it('beyond the 90-day horizon', () => expectBad(check('2026-06-10T10:00', '2026-06-10T12:00'), 'start', /horizon/));
  it('ending beyond the horizon', () => {
    const p = studyPolicy({ horizonDays: 10 });
    expectBad(check('2026-03-12T08:00', '2026-03-12T10:00', p), 'end', /horizon/);
  });
  it('shorter than 2 h, longer than 10 h', () => {
    expectBad(check('2026-03-10T10:00', '2026-03-10T11:00'), 'end', /shorter/);
    expectBad(check('2026-03-10T08:30', '2026-03-10T19:00'), 'end', /longer/);
  });
  it('misaligned start and duration', () => {
    expectBad(check('2026-03-10T10:10', '2026-03-10T12:10'), 'start', /aligned/);
    expectBad(check('2026-03-10T10:00', '2026-03-10T12:15'), 'end', /multiple/);
  });
  it('on a Sunday, the point is closed', () => {
    const e = check('2026-03-08T10:00', '2026-03-08T12:00');
    expectBad(e, 'start', /outside opening hours/);
    expect(e.messageFr).toBe('Le point est fermé à ce moment');
  });
  it('an unknown time zone', () => {
    const e = thrown(() => checkBookingRequest({ policy, open, start: paris('2026-03-10T10:00'), end: paris('2026-03-10T12:00'), now, timeZone: 'Europe/Atlantis' })) as DomainError;
    expect(e.field).toEqual(['timeZone']);
  });
  it('a duration the room does not allow, in a slot search', () => {
    const e = thrown(() => freeSlots({ rooms: [{ roomId: 'r', open, busy: [], policy }], from: now, to: now + 86_400_000, durationMinutes: 60, now, timeZone: PARIS })) as DomainError;
    expect(e.field).toEqual(['durationMinutes']);
  });

  describe('validateBookingPolicy', () => {
    const fieldOf = (overrides: Partial<BookingPolicy>) => (thrown(() => validateBookingPolicy(studyPolicy(overrides), ['input', 'policy'])) as DomainError).field;
    it('accepts the study policy', () => expect(validateBookingPolicy(policy)).toBe(policy));
    it.each<[Partial<BookingPolicy>, string]>([
      [{ minLeadMinutes: -1 }, 'minLeadMinutes'],
      [{ setupBufferMinutes: -15 }, 'setupBufferMinutes'],
      [{ teardownBufferMinutes: 1.5 }, 'teardownBufferMinutes'],
      [{ minDurationMinutes: 0 }, 'minDurationMinutes'],
      [{ minDurationMinutes: 700 }, 'minDurationMinutes'],
      [{ granularityMinutes: 0 }, 'granularityMinutes'],
      [{ granularityMinutes: 7 }, 'granularityMinutes'],
      [{ horizonDays: 0 }, 'horizonDays'],
      [{ horizonDays: 1, minLeadMinutes: 48 * 60 }, 'horizonDays'],
      [{ maxDurationMinutes: Number.NaN }, 'maxDurationMinutes'],
    ])('rejects %j on its field', (overrides, field) => expect(fieldOf(overrides)).toEqual(['input', 'policy', field]));
    it('rejects an empty category', () => expect(fieldOf({ approvalCategories: ['INDIVIDUAL', ' '] })).toEqual(['input', 'policy', 'approvalCategories', 1]));
  });
});
