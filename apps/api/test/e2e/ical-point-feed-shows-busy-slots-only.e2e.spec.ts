import { randomUUID } from 'node:crypto';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { icsEvents, icsLines } from '../ical-fixtures';

jest.setTimeout(60_000);

interface Booked {
  book: { accessToken: string; reservation: { id: string; reference: string } };
}

describe('the public feed of a point shows when its rooms are busy, and nothing about who booked them', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('publishes "Réservé" and "Indisponible" events from 30 days ago, without organiser data', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const start = nextWeekdayAt(2, 10);
    const organiser = { name: 'Jeanne Confidentielle', email: 'jeanne.confidentielle@example.org', phone: '+33296000000' };
    const input = bookingInput([room.roomId], start, plusMinutes(start, 120), {
      title: 'Entretien de recrutement secret',
      organiser,
      participants: [{ kind: 'WEB_GUEST', name: 'Invité Discret', email: 'invite.discret@example.org' }],
    });
    const { book } = expectData(await bookConfirmed<Booked>(api, BOOK, { input }));
    // A second reservation, cancelled: it frees the room and leaves the feed.
    const other = nextWeekdayAt(4, 14);
    const { book: gone } = expectData(await bookConfirmed<Booked>(api, BOOK, { input: bookingInput([room.roomId], other, plusMinutes(other, 60), { title: 'Annulée' }) }));
    expectData(await api.gql(`mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "plus besoin", accessToken: $t) { status } }`, { id: gone.reservation.id, t: gone.accessToken }));

    const blockStart = plusMinutes(nextWeekdayAt(5, 9), 0);
    expectData(
      await api.gql(`mutation($r: ID!, $s: DateTime!, $e: DateTime!) { addHostBlock(roomId: $r, start: $s, end: $e, summary: "Conseil municipal à huis clos") { id } }`, {
        r: room.roomId, s: blockStart, e: plusMinutes(blockStart, 180),
      }, admin),
    );
    // Host blocks in the past: 20 days ago is shown, 60 days ago is not.
    const insertPast = (daysAgo: number) =>
      api.sql(`INSERT INTO room_slot (room_id, during, kind, active, block_source, block_uid, block_summary)
               VALUES ($1, tstzrange(now() - make_interval(days => $2), now() - make_interval(days => $2) + interval '2 hours', '[)'), 'HOST_BLOCK', true, 'manual', $3, 'Ancien')`, [room.roomId, daysAgo, randomUUID()]);
    await insertPast(20);
    await insertPast(60);

    for (const path of [`/ical/points/${room.pointId}.ics`, `/ical/rooms/${room.roomId}.ics`]) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const ics = await res.text();
      const lines = icsLines(ics);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain('METHOD:PUBLISH');
      expect(lines.find((l) => l.startsWith('X-WR-CALNAME:'))).toMatch(/^X-WR-CALNAME:Maillage — /);
      expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M');
      expect(lines).toContain('X-PUBLISHED-TTL:PT15M');
      expect(lines).toContain('BEGIN:VTIMEZONE');

      const events = icsEvents(ics);
      const summaries = events.map((e) => e.find((l) => l.startsWith('SUMMARY:')));
      expect(summaries.sort()).toEqual(['SUMMARY:Indisponible', 'SUMMARY:Indisponible', 'SUMMARY:Réservé']);
      for (const e of events) {
        expect(e.find((l) => l.startsWith('DTSTART'))).toMatch(/^DTSTART;TZID=Europe\/Paris:\d{8}T\d{6}$/);
        expect(e.some((l) => /^(ORGANIZER|ATTENDEE|DESCRIPTION)/.test(l))).toBe(false);
      }
      for (const secret of [organiser.name, organiser.email, organiser.phone, 'recrutement', 'Invité Discret', 'invite.discret', book.reservation.reference, book.reservation.id, gone.reservation.id, 'huis clos', 'Ancien', 'eco@example.org']) {
        expect(ics).not.toContain(secret);
      }
    }

    expect((await fetch(`${api.url}/ical/points/${randomUUID()}.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/ical/rooms/not-a-uuid.ics`)).status).toBe(404);
  });
});
