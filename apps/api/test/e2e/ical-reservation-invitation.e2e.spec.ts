import { DateTime } from 'luxon';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, PARIS, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { icsEvents, icsLines, icsProps } from '../ical-fixtures';

jest.setTimeout(60_000);

interface Booked {
  book: { accessToken: string; reservation: { id: string; reference: string } };
}

const localStamp = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(PARIS).toFormat("yyyyLLdd'T'HHmmss");

describe('an organiser downloads the invitation of their reservation, and it follows the changes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('serves REQUEST with a stable UID and Paris wall-clock times, SEQUENCE 1 after an extension, CANCEL after cancellation, 404 on a wrong token', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const start = nextWeekdayAt(3, 10);
    const end = plusMinutes(start, 120);
    const input = bookingInput([room.roomId], start, end, {
      participants: [
        { kind: 'SIP', sipUri: 'sip:salle@visio.example.org' },
        { kind: 'WEB_GUEST', name: 'Anne Guest', email: 'anne@example.org' },
      ],
    });
    const { book } = expectData(await bookConfirmed<Booked>(api, BOOK, { input }));
    const { id, reference } = book.reservation;
    const url = (token: string) => `${api.url}/ical/reservations/${reference}.ics?token=${encodeURIComponent(token)}`;

    const first = await fetch(url(book.accessToken));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await first.text();
    const lines = icsLines(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Paris');
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:DAYLIGHT', 'BEGIN:STANDARD', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU']));
    const [event] = icsEvents(ics);
    expect(event).toContain(`UID:${id}@maillage`);
    expect(event).toContain('SEQUENCE:0');
    expect(event).toContain('STATUS:CONFIRMED');
    expect(event).toContain(`DTSTART;TZID=Europe/Paris:${localStamp(start)}`);
    expect(event).toContain(`DTEND;TZID=Europe/Paris:${localStamp(end)}`);
    expect(event).toContain('SUMMARY:Réunion de coordination');
    expect(icsProps(ics, 'DTSTAMP')[0].value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(icsProps(ics, 'LOCATION')[0].value).toMatch(/Lannion/);
    const description = icsProps(ics, 'DESCRIPTION')[0].value;
    expect(description).toContain(`Réservation ${reference}`);
    expect(description).toContain('Salle :');
    expect(description).toContain('sip:salle@visio.example.org');
    expect(description).toContain('Anne Guest <anne@example.org>');
    expect(icsProps(ics, 'ORGANIZER')[0].value).toBe('mailto:eco@example.org');

    // Same document on a second download: the UID is stable.
    expect(icsEvents(await (await fetch(url(book.accessToken))).text())[0]).toContain(`UID:${id}@maillage`);

    const newEnd = plusMinutes(end, 60);
    expectData(
      await api.gql(`mutation($id: ID!, $end: DateTime!, $t: String) { extendReservation(id: $id, end: $end, accessToken: $t) { sequence } }`, { id, end: newEnd, t: book.accessToken }),
    );
    const extended = icsEvents(await (await fetch(url(book.accessToken))).text())[0];
    expect(extended).toContain(`UID:${id}@maillage`);
    expect(extended).toContain('SEQUENCE:1');
    expect(extended).toContain(`DTSTART;TZID=Europe/Paris:${localStamp(start)}`);
    expect(extended).toContain(`DTEND;TZID=Europe/Paris:${localStamp(newEnd)}`);

    expectData(await api.gql(`mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "Réunion reportée", accessToken: $t) { status } }`, { id, t: book.accessToken }));
    const cancelledIcs = await (await fetch(url(book.accessToken))).text();
    expect(icsLines(cancelledIcs)).toContain('METHOD:CANCEL');
    const cancelled = icsEvents(cancelledIcs)[0];
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:2');
    expect(cancelled).toContain(`UID:${id}@maillage`);

    for (const wrong of [url('mlr_wrong-token'), `${api.url}/ical/reservations/${reference}.ics`, `${api.url}/ical/reservations/MLG-9999999.ics?token=${encodeURIComponent(book.accessToken)}`]) {
      const res = await fetch(wrong);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('BEGIN:VCALENDAR');
    }
  });
});
