import { DomainError } from '../errors/domain-error';
import { checkBookingRequest, freeSlots } from './index';
import { PARIS, dailyOpen, local, paris, studyPolicy, thrown } from './spec-helpers';

// Tuesday 12 May 2026, a point open 09:00–18:00 with 15-minute set-up and tear-down buffers.
describe('buffers make back-to-back bookings clash', () => {
  const now = paris('2026-05-01T09:00');
  const open = dailyOpen('2026-05-12', 1, [['09:00', '18:00']]);
  const policy = studyPolicy({ setupBufferMinutes: 15, teardownBufferMinutes: 15 });
  const existing = checkBookingRequest({ policy, open, start: paris('2026-05-12T10:00'), end: paris('2026-05-12T12:00'), now, timeZone: PARIS });
  const busy = [existing.heldInterval];

  it('holds the room 09:45–12:15 for a 10:00–12:00 meeting', () => {
    expect(local(existing.heldInterval.start)).toBe('2026-05-12T09:45');
    expect(local(existing.heldInterval.end)).toBe('2026-05-12T12:15');
  });

  it('refuses a meeting starting right at 12:00 (its set-up overlaps the tear-down)', () => {
    const e = thrown(() => checkBookingRequest({ policy, open, busy, start: paris('2026-05-12T12:00'), end: paris('2026-05-12T14:00'), now, timeZone: PARIS }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('CONFLICT');
  });

  it('accepts 12:30, whose held interval just touches the previous one', () => {
    const check = checkBookingRequest({ policy, open, busy, start: paris('2026-05-12T12:30'), end: paris('2026-05-12T14:30'), now, timeZone: PARIS });
    expect(check.status).toBe('CONFIRMABLE');
    expect(local(check.heldInterval.start)).toBe('2026-05-12T12:15');
  });

  it('free slots skip 12:00 and offer 12:30 first after the meeting', () => {
    const slots = freeSlots({ rooms: [{ roomId: 'r', open, busy, policy }], from: paris('2026-05-12T00:00'), to: paris('2026-05-13T00:00'), durationMinutes: 120, now, timeZone: PARIS });
    const starts = slots.map((s) => local(s.start).slice(11));
    expect(starts).toEqual(['12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
  });

  it('without buffers, 12:00 is fine', () => {
    const noBuf = studyPolicy({ setupBufferMinutes: 0, teardownBufferMinutes: 0 });
    const held = { start: paris('2026-05-12T10:00'), end: paris('2026-05-12T12:00') };
    expect(checkBookingRequest({ policy: noBuf, open, busy: [held], start: paris('2026-05-12T12:00'), end: paris('2026-05-12T14:00'), now, timeZone: PARIS }).status).toBe('CONFIRMABLE');
  });
});
