import { vtimezone } from './vtimezone';

describe('vtimezone', () => {
  it('writes Europe/Paris as one STANDARD and one DAYLIGHT observance with yearly rules', () => {
    const text = vtimezone('Europe/Paris', 2025, 2030);
    expect(text).toContain('TZID:Europe/Paris');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(text).toContain('TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
  });

  it('writes a zone without transitions as a single STANDARD observance, and null for an unknown zone', () => {
    expect(vtimezone('Indian/Reunion', 2025, 2026)).toMatch(/BEGIN:STANDARD[\s\S]*TZOFFSETTO:\+0400[\s\S]*END:STANDARD/);
    expect(vtimezone('Mars/Olympus_Mons')).toBeNull();
  });
});
