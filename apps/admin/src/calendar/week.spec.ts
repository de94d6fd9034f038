import { extensionChoices, mondayOf, segmentsOfDay, visibleHours, weekDays } from './week';

const PARIS = 'Europe/Paris';
const at = (iso: string) => new Date(iso).toISOString();

describe('the operators’ week grid', () => {
  it('finds the Monday of a week, across a month and a year', () => {
    expect(mondayOf('2026-12-10')).toBe('2026-12-07'); // a Thursday
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28'); // a Sunday
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('places a 10:00–12:00 Paris booking at 600–720 minutes of its day, and nowhere on the next', () => {
    const booking = { id: 'a', start: at('2026-12-08T09:00:00Z'), end: at('2026-12-08T11:00:00Z') };
    expect(segmentsOfDay([booking], '2026-12-08', PARIS).map((s) => [s.item.id, s.from, s.to, s.lane, s.lanes])).toEqual([['a', 600, 720, 0, 1]]);
    expect(segmentsOfDay([booking], '2026-12-09', PARIS)).toEqual([]);
  });

  it('keeps wall-clock minutes on the March DST day: 10:00–12:00 is still 600–720', () => {
    const booking = { start: at('2026-03-29T08:00:00Z'), end: at('2026-03-29T10:00:00Z') };
    expect(segmentsOfDay([booking], '2026-03-29', PARIS).map((s) => [s.from, s.to])).toEqual([[600, 720]]);
  });

  it('cuts an evening running past midnight into two days', () => {
    const late = { start: at('2026-12-08T21:00:00Z'), end: at('2026-12-09T00:30:00Z') }; // 22:00 → 01:30
    const [tuesday] = segmentsOfDay([late], '2026-12-08', PARIS);
    const [wednesday] = segmentsOfDay([late], '2026-12-09', PARIS);
    expect([tuesday!.from, tuesday!.to, tuesday!.continuesAfter]).toEqual([1320, 1440, true]);
    expect([wednesday!.from, wednesday!.to, wednesday!.continuesBefore]).toEqual([0, 90, true]);
  });

  it('puts overlapping events side by side: a cancelled 10:00–12:00 under a new 11:00–13:00, then a lone 14:00', () => {
    const items = [
      { id: 'cancelled', start: at('2026-12-08T09:00:00Z'), end: at('2026-12-08T11:00:00Z') },
      { id: 'new', start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T12:00:00Z') },
      { id: 'later', start: at('2026-12-08T13:00:00Z'), end: at('2026-12-08T14:00:00Z') },
    ];
    expect(segmentsOfDay(items, '2026-12-08', PARIS).map((s) => [s.item.id, s.lane, s.lanes])).toEqual([
      ['cancelled', 0, 2],
      ['new', 1, 2],
      ['later', 0, 1],
    ]);
  });

  it('shows 7:00–22:00 at least, more when the week needs it', () => {
    expect(visibleHours([])).toEqual({ first: 7, last: 22 });
    expect(visibleHours([{ from: 1140, to: 1440 }, { from: 390, to: 480 }])).toEqual({ first: 6, last: 24 });
  });

  it('offers extensions by 30 minutes up to 4 hours', () => {
    const choices = extensionChoices(at('2026-12-08T11:00:00Z'));
    expect(choices).toHaveLength(8);
    expect([choices[0], choices[7]]).toEqual([at('2026-12-08T11:30:00Z'), at('2026-12-08T15:00:00Z')]);
  });
});
