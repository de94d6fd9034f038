import { DomainError } from '../errors/domain-error';
import { APPROVAL_REASONS, CLOSED_MESSAGE_FR, checkBookingRequest, freeSlots, freeWindows } from './index';
import { PARIS, dailyOpen, local, paris, studyPolicy, thrown } from './spec-helpers';

// Thursday 4 June 2026: regular hours 09:00–17:30, evenings 17:30–22:00 "on request" (key hand-over).
describe('off-hours on request need approval', () => {
  const now = paris('2026-05-25T09:00');
  const open = [...dailyOpen('2026-06-04', 1, [['09:00', '17:30']]), ...dailyOpen('2026-06-04', 1, [['17:30', '22:00']], { onRequest: true })];
  const policy = studyPolicy();
  const req = (a: string, b: string, category = 'COMPANY') => ({ policy, open, start: paris(`2026-06-04T${a}`), end: paris(`2026-06-04T${b}`), now, timeZone: PARIS, category });

  it('confirms a company meeting in regular hours', () => {
    expect(checkBookingRequest(req('10:00', '12:00'))).toMatchObject({ status: 'CONFIRMABLE', reasons: [] });
  });

  it('an evening meeting needs approval', () => {
    expect(checkBookingRequest(req('18:00', '20:00'))).toMatchObject({ status: 'NEEDS_APPROVAL', reasons: [APPROVAL_REASONS.OFF_HOURS_ON_REQUEST] });
  });

  it('a meeting that runs past 17:30 (or whose tear-down does) needs approval', () => {
    expect(checkBookingRequest(req('16:00', '18:00')).status).toBe('NEEDS_APPROVAL');
    expect(checkBookingRequest(req('15:00', '17:30')).reasons).toEqual([APPROVAL_REASONS.OFF_HOURS_ON_REQUEST]);
    expect(checkBookingRequest(req('15:00', '17:00')).status).toBe('CONFIRMABLE');
  });

  it('an individual requester needs approval even in regular hours, for both reasons in the evening', () => {
    expect(checkBookingRequest(req('10:00', '12:00', 'INDIVIDUAL')).reasons).toEqual([APPROVAL_REASONS.CATEGORY_REQUIRES_APPROVAL]);
    expect(checkBookingRequest(req('18:00', '20:00', 'INDIVIDUAL')).reasons).toHaveLength(2);
  });

  it('after 22:00, or when the set-up would start before 09:00, the point is closed', () => {
    const late = thrown(() => checkBookingRequest(req('21:00', '23:00'))) as DomainError;
    expect(late.code).toBe('BAD_USER_INPUT');
    expect(late.messageFr).toBe(CLOSED_MESSAGE_FR);
    expect(late.details).toMatchObject({ reason: 'OUTSIDE_OPENING_HOURS' });
    const early = thrown(() => checkBookingRequest(req('09:00', '11:00'))) as DomainError;
    expect(early.messageFr).toBe(CLOSED_MESSAGE_FR);
    expect(early.details).toMatchObject({ reason: 'BUFFER_OUTSIDE_OPENING_HOURS' });
  });

  it('free slots include evening slots, flagged, only when asked', () => {
    const q = { rooms: [{ roomId: 'r', open, busy: [], policy }], from: paris('2026-06-04T00:00'), to: paris('2026-06-05T00:00'), durationMinutes: 120, now, timeZone: PARIS };
    const regular = freeSlots(q);
    expect(regular.map((s) => local(s.start).slice(11))).toEqual(['09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00']);
    const all = freeSlots({ ...q, includeOnRequest: true });
    expect(all.filter((s) => !s.onRequest)).toEqual(regular);
    expect(all.filter((s) => s.onRequest).map((s) => local(s.start).slice(11))).toEqual(['15:30', '16:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30']);
    const windows = freeWindows({ ...q, includeOnRequest: true });
    expect(windows.map((w) => [local(w.start).slice(11), local(w.end).slice(11), w.onRequest])).toEqual([
      ['09:15', '17:15', false],
      ['17:15', '21:45', true],
    ]);
  });
});
