import { EVENT_NAMES, isEventName } from './event-map';

describe('EVENT_NAMES', () => {
  it('lists each event once, including the reminder the day before', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect(EVENT_NAMES).toContain('reservation.reminder');
    expect(EVENT_NAMES).toContain('availability.changed');
  });

  it('tells known names from unknown ones', () => {
    expect(isEventName('reservation.confirmed')).toBe(true);
    expect(isEventName('reservation.teleported')).toBe(false);
    expect(isEventName('toString')).toBe(false);
  });
});
