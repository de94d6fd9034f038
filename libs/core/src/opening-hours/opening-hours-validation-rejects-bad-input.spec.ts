import { DomainError } from '../errors/domain-error';
import { MAX_EXCEPTIONS, MAX_WEEKLY_RULES, openIntervals, validateSchedule, type OpeningSchedule, type WeeklyRule } from './index';
import { typicalWeek } from './opening-hours.fixtures';

function rejection(s: OpeningSchedule, prefix: (string | number)[] = ['input', 'openingHours']): DomainError {
  try {
    validateSchedule(s, prefix);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the schedule to be rejected');
}

describe('validateSchedule rejects bad input with a precise field path', () => {
  it('accepts a typical week', () => {
    expect(() => validateSchedule(typicalWeek())).not.toThrow();
  });

  it('rejects closing before opening', () => {
    const s = typicalWeek();
    s.weekly[2] = { weekday: 3, opens: '18:00', closes: '09:00' };
    const e = rejection(s);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toEqual(['input', 'openingHours', 'weekly', 2, 'closes']);
    expect(e.message).toMatch(/closing before opening/i);
    expect(e.messageFr).toMatch(/fermeture/);
  });

  it('rejects an empty range (closes equal to opens)', () => {
    const s = typicalWeek();
    s.weekly[0] = { weekday: 1, opens: '09:00', closes: '09:00' };
    expect(rejection(s).field).toEqual(['input', 'openingHours', 'weekly', 0, 'closes']);
  });

  it('rejects two overlapping rules of the same weekday, naming the later one', () => {
    const s = typicalWeek();
    s.weekly.push({ weekday: 2, opens: '17:00', closes: '20:00', onRequest: true });
    const e = rejection(s);
    expect(e.field).toEqual(['input', 'openingHours', 'weekly', 5]);
    expect(e.details).toEqual({ overlapsWith: 1, weekday: 2 });
    expect(e.messageFr).toMatch(/chevauche/);
  });

  it('accepts touching rules of the same weekday', () => {
    const s = typicalWeek();
    s.weekly.push({ weekday: 2, opens: '17:30', closes: '24:00', onRequest: true });
    expect(() => validateSchedule(s)).not.toThrow();
  });

  it('rejects an unknown time zone', () => {
    const e = rejection(typicalWeek({ timeZone: 'Europe/Rennes' }));
    expect(e.field).toEqual(['input', 'openingHours', 'timeZone']);
    expect(e.messageFr).toMatch(/Fuseau horaire inconnu/);
  });

  it.each([
    ['9:00', 'opens'],
    ['24:00', 'opens'],
    ['12:60', 'opens'],
  ])('rejects the malformed opening time %s', (opens, key) => {
    const s = typicalWeek();
    s.weekly[1] = { weekday: 2, opens, closes: '17:30' };
    expect(rejection(s, []).field).toEqual(['weekly', 1, key]);
  });

  it.each(['24:30', '25:00', '17h30', ''])('rejects the malformed closing time %p', (closes) => {
    const s = typicalWeek();
    s.weekly[1] = { weekday: 2, opens: '09:00', closes };
    expect(rejection(s, []).field).toEqual(['weekly', 1, 'closes']);
  });

  it('rejects a weekday out of 1..7', () => {
    const s = typicalWeek();
    s.weekly[0] = { weekday: 0 as WeeklyRule['weekday'], opens: '09:00', closes: '12:00' };
    expect(rejection(s, []).field).toEqual(['weekly', 0, 'weekday']);
  });

  it('rejects a duplicated exception date', () => {
    const s = typicalWeek({
      exceptions: [
        { date: '2026-12-24', kind: 'hours', ranges: [{ opens: '09:00', closes: '12:00' }] },
        { date: '2026-12-24', kind: 'closed' },
      ],
    });
    const e = rejection(s, []);
    expect(e.field).toEqual(['exceptions', 1, 'date']);
    expect(e.details).toEqual({ duplicateOf: 0 });
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026/01/01'])('rejects the malformed date %s', (date) => {
    expect(rejection(typicalWeek({ exceptions: [{ date, kind: 'closed' }] }), []).field).toEqual(['exceptions', 0, 'date']);
  });

  it("rejects an 'hours' exception without ranges", () => {
    expect(rejection(typicalWeek({ exceptions: [{ date: '2026-12-24', kind: 'hours' }] }), []).field).toEqual(['exceptions', 0, 'ranges']);
    expect(rejection(typicalWeek({ exceptions: [{ date: '2026-12-24', kind: 'hours', ranges: [] }] }), []).field).toEqual(['exceptions', 0, 'ranges']);
  });

  it("rejects an 'hours' exception with overlapping ranges", () => {
    const s = typicalWeek({
      exceptions: [{ date: '2026-12-24', kind: 'hours', ranges: [{ opens: '09:00', closes: '12:00' }, { opens: '11:00', closes: '13:00' }] }],
    });
    expect(rejection(s, []).field).toEqual(['exceptions', 0, 'ranges', 1]);
  });

  it('rejects a bad range inside an exception', () => {
    const s = typicalWeek({ exceptions: [{ date: '2026-12-24', kind: 'hours', ranges: [{ opens: '14:00', closes: '10:00' }] }] });
    expect(rejection(s, []).field).toEqual(['exceptions', 0, 'ranges', 0, 'closes']);
  });

  it('rejects too many weekly rules or exceptions', () => {
    const weekly: WeeklyRule[] = Array.from({ length: MAX_WEEKLY_RULES + 1 }, (_, i) => ({
      weekday: ((i % 7) + 1) as WeeklyRule['weekday'],
      opens: `${String(Math.floor(i / 7)).padStart(2, '0')}:00`,
      closes: `${String(Math.floor(i / 7)).padStart(2, '0')}:30`,
    }));
    expect(rejection(typicalWeek({ weekly }), []).field).toEqual(['weekly']);
    const exceptions = Array.from({ length: MAX_EXCEPTIONS + 1 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      kind: 'closed' as const,
    }));
    expect(rejection(typicalWeek({ exceptions }), []).field).toEqual(['exceptions']);
  });

  it('openIntervals refuses an invalid schedule', () => {
    const s = typicalWeek({ timeZone: 'Nowhere/Land' });
    expect(() => openIntervals(s, 0, 1000)).toThrow(DomainError);
  });
});
