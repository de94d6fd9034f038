import { draftOf, emptyRange, inputOf } from './schedule-draft';

// Lannion-Trégor Communauté's seeded week: 9:00–18:00, then 18:00–24:00 on request, Monday to Friday.
const seeded = {
  timeZone: 'Europe/Paris',
  closedOnPublicHolidays: true,
  weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '18:00', closes: '24:00', onRequest: true },
    { weekday, opens: '09:00', closes: '18:00', onRequest: null },
  ]),
  exceptions: [{ date: '2026-12-24', kind: 'hours', reason: 'Veille de Noël', ranges: [{ opens: '09:00', closes: '12:00', onRequest: null }] }],
};

describe('the opening-hours editor’s draft', () => {
  it('groups the weekly rules by day, in opening order, and round-trips to the same schedule', () => {
    const draft = draftOf(seeded);
    expect(draft.weekly[1].map((r) => [r.opens, r.closes, r.onRequest])).toEqual([
      ['09:00', '18:00', false],
      ['18:00', '24:00', true],
    ]);
    expect(draft.weekly[6]).toEqual([]);
    const { schedule } = inputOf(draft);
    expect(schedule.weekly).toHaveLength(10);
    expect(schedule.weekly[0]).toEqual({ weekday: 1, opens: '09:00', closes: '18:00', onRequest: false });
    expect(schedule.exceptions).toEqual([{ date: '2026-12-24', kind: 'hours', reason: 'Veille de Noël', ranges: [{ opens: '09:00', closes: '12:00', onRequest: false }] }]);
    expect(schedule.closedOnPublicHolidays).toBe(true);
  });

  it('sends the Saturday added after Monday’s rules in weekday order, and maps an error on weekly[2] back to that Saturday range', () => {
    const draft = draftOf({ ...seeded, weekly: [{ weekday: 1, opens: '09:00', closes: '12:00', onRequest: null }], exceptions: [] });
    const saturday = emptyRange('09:00', '08:00');
    draft.weekly[6] = [saturday];
    draft.weekly[3] = [emptyRange('14:00', '17:00')];
    const { schedule, targetOf } = inputOf(draft);
    expect(schedule.weekly.map((r) => r.weekday)).toEqual([1, 3, 6]);
    expect(targetOf(['schedule', 'weekly', 2, 'closes'])).toEqual({ key: saturday.key, input: 'closes' });
    expect(targetOf(['schedule', 'weekly', 2])).toEqual({ key: saturday.key, input: 'row' });
    expect(targetOf(['schedule', 'weekly', 9, 'closes'])).toBeNull();
    expect(targetOf(['input', 'weekly', 0])).toBeNull();
  });

  it('maps an error on an exception’s range to that range, and on its date to the exception', () => {
    const draft = draftOf(seeded);
    const exception = draft.exceptions[0]!;
    const { targetOf } = inputOf(draft);
    expect(targetOf(['schedule', 'exceptions', 0, 'ranges', 0, 'closes'])).toEqual({ key: exception.ranges[0]!.key, input: 'closes' });
    expect(targetOf(['schedule', 'exceptions', 0, 'date'])).toEqual({ key: exception.key, input: 'date' });
  });

  it('a closed exception sends no ranges, and an empty reason is no reason', () => {
    const draft = draftOf(seeded);
    draft.exceptions[0] = { ...draft.exceptions[0]!, kind: 'closed', reason: '  ' };
    expect(inputOf(draft).schedule.exceptions).toEqual([{ date: '2026-12-24', kind: 'closed', reason: null, ranges: null }]);
  });
});
