import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { expectData, expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, PARIS, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { type CalendarServer, serveText, startCalendarServer, vcalendar } from '../ical-fixtures';

jest.setTimeout(60_000);

const IMPORT = `mutation($r: ID!, $ics: String, $url: String) { importHostBlocks(roomId: $r, ics: $ics, url: $url) { source imported replaced skipped from to } }`;
interface Imported {
  importHostBlocks: { source: string; imported: number; replaced: number; skipped: number; from: string; to: string };
}
interface Booked {
  book: { accessToken: string; reservation: { id: string; reference: string } };
}
interface Clash {
  clashingSlot: { start: string; end: string; kind: string; reference: string | null };
}

const local = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(PARIS).toFormat("yyyyLLdd'T'HHmmss");
const utc = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");

describe('host blocks imported from the theatre’s calendar hold the shared room like reservations do', () => {
  let api: TestApi;
  let calendars: CalendarServer;
  beforeAll(async () => {
    // The test's own servers listen on 127.0.0.1: allowed explicitly (outbound requests reach public addresses only by default, ADR 0011).
    api = await startTestApi({ env: { OUTBOUND_ALLOW: '127.0.0.1' } });
    calendars = await startCalendarServer();
  });
  afterAll(async () => {
    await calendars.close();
    await api.close();
  });

  it('imports, refuses bookings over blocks, frees what a re-import drops, and refuses a whole import that would overlap a reservation', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);

    const rehearsal = nextWeekdayAt(3, 10); // Wednesday 10:00–12:00, Paris time with TZID
    const concert = nextWeekdayAt(4, 18); // Thursdays 18:00–22:00, four weeks
    const council = nextWeekdayAt(5, 14); // Friday 14:00–16:00, written in UTC
    const rehearsalEvent = ['UID:repetition-1@theatre.example', `DTSTART;TZID=Europe/Paris:${local(rehearsal)}`, `DTEND;TZID=Europe/Paris:${local(plusMinutes(rehearsal, 120))}`, 'SUMMARY:Répétition'];
    const concertEvent = ['UID:concert@theatre.example', `DTSTART;TZID=Europe/Paris:${local(concert)}`, 'DURATION:PT4H', 'RRULE:FREQ=WEEKLY;COUNT=4', 'SUMMARY:Concert'];
    const councilEvent = ['UID:conseil@mairie.example', `DTSTART:${utc(council)}`, `DTEND:${utc(plusMinutes(council, 120))}`, 'SUMMARY:Conseil municipal'];
    const cancelledEvent = ['UID:annule@theatre.example', `DTSTART;TZID=Europe/Paris:${local(plusMinutes(council, 24 * 60))}`, 'DURATION:PT1H', 'STATUS:CANCELLED'];
    calendars.set('/theatre.ics', serveText(vcalendar([rehearsalEvent, concertEvent, councilEvent, cancelledEvent])));
    const url = calendars.url('/theatre.ics');

    expectError(await api.gql(IMPORT, { r: room.roomId, url }), 'UNAUTHENTICATED');

    const first = expectData(await api.gql<Imported>(IMPORT, { r: room.roomId, url }, admin)).importHostBlocks;
    const source = `ics:${createHash('sha256').update(url).digest('hex')}`;
    expect(first).toMatchObject({ source, imported: 6, replaced: 0, skipped: 1 });
    const blocks = await api.sql<{ block_uid: string; start: Date; end: Date; block_summary: string }>(
      `SELECT block_uid, lower(during) AS start, upper(during) AS end, block_summary FROM room_slot WHERE room_id = $1 AND kind = 'HOST_BLOCK' AND active AND block_source = $2 ORDER BY lower(during)`,
      [room.roomId, source],
    );
    expect(blocks).toHaveLength(6);
    expect(blocks.find((b) => b.block_uid === 'repetition-1@theatre.example')?.start.getTime()).toBe(new Date(rehearsal).getTime());
    expect(blocks.find((b) => b.block_uid === 'conseil@mairie.example')?.start.getTime()).toBe(new Date(council).getTime());
    const concerts = blocks.filter((b) => b.block_uid.startsWith('concert@theatre.example#'));
    expect(concerts).toHaveLength(4);
    // Every occurrence stays at 18:00 Paris time (across a DST change too) and lasts 4 h.
    for (const c of concerts) {
      expect(DateTime.fromJSDate(c.start, { zone: PARIS }).toFormat('HH:mm')).toBe('18:00');
      expect(c.end.getTime() - c.start.getTime()).toBe(4 * 3_600_000);
      expect(c.block_uid).toBe(`concert@theatre.example#${c.start.toISOString()}`);
    }

    // A booking over the rehearsal is refused, naming the host block.
    const refused = expectError(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], rehearsal, plusMinutes(rehearsal, 120)) }), 'CONFLICT');
    const clash = refused.extensions!.details as unknown as Clash;
    expect(clash.clashingSlot.kind).toBe('HOST_BLOCK');
    expect(new Date(clash.clashingSlot.start).getTime()).toBe(new Date(rehearsal).getTime());
    // So is one over the council meeting given in UTC.
    expect(expectError(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], council, plusMinutes(council, 60)) }), 'CONFLICT').extensions!.details).toMatchObject({ clashingSlot: { kind: 'HOST_BLOCK' } });

    // The theatre drops the rehearsal: re-importing replaces this source's blocks and frees the slot.
    calendars.set('/theatre.ics', serveText(vcalendar([concertEvent, councilEvent])));
    const second = expectData(await api.gql<Imported>(IMPORT, { r: room.roomId, url }, admin)).importHostBlocks;
    expect(second).toMatchObject({ source, imported: 5, replaced: 6, skipped: 0 });
    const { book } = expectData(await bookConfirmed<Booked>(api, BOOK, { input: bookingInput([room.roomId], rehearsal, plusMinutes(rehearsal, 120)) }));

    // An uploaded calendar is another source: it adds to the URL's blocks without replacing them.
    const fair = nextWeekdayAt(1, 9, 0, 14);
    const upload = expectData(
      await api.gql<Imported>(IMPORT, { r: room.roomId, ics: vcalendar([['UID:forum@mairie.example', `DTSTART;TZID=Europe/Paris:${local(fair)}`, 'DURATION:PT3H', 'SUMMARY:Forum']]) }, admin),
    ).importHostBlocks;
    expect(upload).toMatchObject({ source: 'ics:upload', imported: 1, replaced: 0 });

    // The theatre puts the rehearsal back, over the reservation now: CONFLICT, nothing imported, nothing replaced.
    calendars.set('/theatre.ics', serveText(vcalendar([rehearsalEvent, concertEvent, councilEvent, ['UID:nouveau@theatre.example', `DTSTART;TZID=Europe/Paris:${local(plusMinutes(council, 7 * 24 * 60))}`, 'DURATION:PT1H']])));
    const rejected = await expectDatabaseUnchanged(api, () => api.gql(IMPORT, { r: room.roomId, url }, admin));
    const conflict = expectError(rejected, 'CONFLICT');
    const details = conflict.extensions!.details as unknown as Clash & { roomId: string };
    expect(details.roomId).toBe(room.roomId);
    expect(details.clashingSlot).toMatchObject({ kind: 'RESERVATION', reference: book.reservation.reference });
    expect(new Date(details.clashingSlot.start).getTime()).toBe(new Date(rehearsal).getTime() - 15 * 60_000);
    expect(conflict.message).toMatch(/is already held from/);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM room_slot WHERE room_id = $1 AND kind = 'HOST_BLOCK' AND block_source = $2`, [room.roomId, source]);
    expect(n).toBe(5);

    // Manual blocks: added, refused over a reservation, removed.
    const ADD = `mutation($r: ID!, $s: DateTime!, $e: DateTime!) { addHostBlock(roomId: $r, start: $s, end: $e, summary: "Vernissage") { id source uid summary start end } }`;
    const evening = nextWeekdayAt(2, 18, 0, 21);
    const added = expectData(await api.gql<{ addHostBlock: { id: string; source: string; summary: string; start: string } }>(ADD, { r: room.roomId, s: evening, e: plusMinutes(evening, 120) }, admin)).addHostBlock;
    expect(added).toMatchObject({ source: 'manual', summary: 'Vernissage' });
    expect(new Date(added.start).getTime()).toBe(new Date(evening).getTime());
    const over = expectError(await api.gql(ADD, { r: room.roomId, s: plusMinutes(rehearsal, 30), e: plusMinutes(rehearsal, 60) }, admin), 'CONFLICT');
    expect((over.extensions!.details as unknown as Clash).clashingSlot).toMatchObject({ kind: 'RESERVATION', reference: book.reservation.reference });
    expect(expectData(await api.gql<{ removeHostBlock: boolean }>(`mutation($id: ID!) { removeHostBlock(id: $id) }`, { id: added.id }, admin)).removeHostBlock).toBe(true);
    expect(await api.sql(`SELECT 1 FROM room_slot WHERE id = $1`, [added.id])).toHaveLength(0);
    expectData(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], evening, plusMinutes(evening, 60)) }));
  });
});
