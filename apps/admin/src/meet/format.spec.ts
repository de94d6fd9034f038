import { formatMeetingDate, formatMeetingTime } from './format';

describe('meeting times on the join page', () => {
  it('are written the French way first, in the participant’s time zone', () => {
    expect(formatMeetingDate('2026-12-02T13:00:00Z', 'fr', 'Europe/Paris')).toBe('mercredi 2 décembre 2026');
    expect(formatMeetingTime('2026-12-02T13:00:00Z', 'fr', 'Europe/Paris')).toBe('14 h 00');
    expect(formatMeetingTime('2026-12-02T08:50:00Z', 'fr', 'Europe/Paris')).toBe('9 h 50');
    expect(formatMeetingDate('2026-12-02T13:00:00Z', 'en', 'Europe/Paris')).toBe('Wednesday, 2 December 2026');
    expect(formatMeetingTime('2026-12-02T13:00:00Z', 'en', 'America/Martinique')).toBe('09:00');
  });
});
