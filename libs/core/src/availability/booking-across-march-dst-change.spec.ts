import { DateTime } from 'luxon';
import { checkBookingRequest, freeSlots } from './index';
import { PARIS, dailyOpen, local, paris, studyPolicy } from './spec-helpers';

// Sunday 29 March 2026: at 02:00 Paris clocks jump to 03:00 (the local day lasts 23 hours).
describe('a point open around the clock on the weekend of the March DST change', () => {
  const now = paris('2026-03-20T09:00');
  const open = dailyOpen('2026-03-28', 3, [['00:00', '23:59']], { weekdays: [6, 7] }).map((o) => ({ ...o, end: o.end + 60_000 }));
  const policy = studyPolicy({ granularityMinutes: 60, setupBufferMinutes: 0, teardownBufferMinutes: 0, minDurationMinutes: 120 });

  it('accepts a 2-hour booking 01:00–04:00 local: two elapsed hours across the jump', () => {
    const check = checkBookingRequest({ policy, open, start: paris('2026-03-29T01:00'), end: paris('2026-03-29T04:00'), now, timeZone: PARIS, category: 'COMPANY' });
    expect(check.status).toBe('CONFIRMABLE');
    expect(check.heldInterval.end - check.heldInterval.start).toBe(2 * 3600_000);
  });

  it('offers hourly local starts on the 23-hour day, none at the missing 02:00', () => {
    const slots = freeSlots({
      rooms: [{ roomId: 'lannion', open, busy: [], policy }],
      from: paris('2026-03-29T00:00'),
      to: paris('2026-03-30T00:00'),
      durationMinutes: 120,
      now,
      timeZone: PARIS,
    });
    const starts = slots.map((s) => local(s.start).slice(11));
    expect(starts).toEqual(['00:00', '01:00', ...Array.from({ length: 20 }, (_, i) => `${String(i + 3).padStart(2, '0')}:00`)]);
    expect(slots.every((s) => s.end - s.start === 2 * 3600_000)).toBe(true);
  });

  it('keeps 90-minute steps aligned on the local day across the jump', () => {
    const p90 = { ...policy, granularityMinutes: 90, minDurationMinutes: 90 };
    const slots = freeSlots({ rooms: [{ roomId: 'lannion', open, busy: [], policy: p90 }], from: paris('2026-03-29T00:00'), to: paris('2026-03-29T08:00'), durationMinutes: 90, now, timeZone: PARIS });
    expect(slots.map((s) => local(s.start).slice(11))).toEqual(['00:00', '01:30', '04:30', '06:00']);
    for (const s of slots) {
      const dt = DateTime.fromMillis(s.start, { zone: PARIS });
      expect((dt.hour * 60 + dt.minute) % 90).toBe(0);
    }
  });

  it('still rejects a start that is on the hour in UTC but not in Paris summer time… when granularity is a day', () => {
    const pDay = { ...policy, granularityMinutes: 1440, minDurationMinutes: 120, maxDurationMinutes: 1440 };
    const midnightUtc = Date.UTC(2026, 2, 30, 0, 0);
    expect(() => checkBookingRequest({ policy: pDay, open, start: midnightUtc, end: midnightUtc + 2 * 3600_000, now, timeZone: PARIS })).toThrow(/aligned/);
  });
});
