import { BOOK, bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes } from '../booking-fixtures';
import { expectData, expectError } from '../e2e-assertions';
import { METRICS, type MetricsData, recordOf } from '../evaluation-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, meetingClock, meetingRoom, MINUTE, SignallingTestClient } from '../meeting-fixtures';
import { UnmetDemandRecorder } from '../../src/evaluation/unmet-demand';

const GRACE = 5;
const AVAILABILITY = `query($i: AvailabilityInput!) { availability(input: $i) { slots { start } } }`;
const COVERAGE = `query($r: Float!) { territoryCoverage(radiusKm: $r, uncoveredLimit: 5, openings: 3) {
  radiusKm communes population coveredPopulation share activePoints approximateCentres uncoveredCount
  uncovered { code name population nearestKm } bestOpenings { code name addedPopulation shareAfter }
} }`;

interface Coverage {
  communes: number;
  population: number;
  coveredPopulation: number;
  share: number;
  uncovered: { code: string; name: string; population: number; nearestKm: number }[];
  bestOpenings: { code: string; addedPopulation: number; shareAfter: number }[];
}

jest.setTimeout(120_000);

describe('meetings whose bridge closed without the host recording anything; demand that could not be served; coverage of Brittany', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let clock: ReturnType<typeof meetingClock>;
  let room: { roomId: string; pointId: string };
  const clients: SignallingTestClient[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await meetingRoom(api);
    clock = meetingClock(api);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    clock.restore();
    await api.close();
  });

  it('a guest joined, the bridge closed at end + grace: COMPLETED by the bridge, the guest counted, the attended time kept', async () => {
    const meeting = await bookMeeting(api, room, { hour: 10, title: 'Point d’étape' });
    const link = await createJoinLink(api, meeting, 'Camille Martin');
    await clock.at(meeting.start - 10 * MINUTE);
    const guest = await SignallingTestClient.connect(api);
    clients.push(guest);
    expect(await guest.join(link.token)).toMatchObject({ ok: true });
    await clock.at(meeting.end + GRACE * MINUTE);
    const record = await recordOf(api, meeting.id);
    expect(record).toMatchObject({ outcome: 'COMPLETED', outcome_source: 'bridge', is_use: true });
    const [row] = await api.sql<{ browser_guests: number; actual_start: Date | null }>(`SELECT browser_guests, actual_start FROM meeting_record WHERE reservation_id = $1`, [meeting.id]);
    expect(row.browser_guests).toBe(1);
    expect(row.actual_start).not.toBeNull();
  });

  it('nobody joined before the bridge closed: NO_SHOW by the bridge; the host may still record COMPLETED, which wins', async () => {
    const meeting = await bookMeeting(api, room, { hour: 14, title: 'Réunion sans personne' });
    await clock.at(meeting.start - 10 * MINUTE);
    await clock.at(meeting.end + GRACE * MINUTE);
    expect(await recordOf(api, meeting.id)).toMatchObject({ outcome: 'NO_SHOW', outcome_source: 'bridge', is_use: false });
    await api.sql(`UPDATE reservation SET start_at = now() - interval '2 hours', end_at = now() - interval '1 hour' WHERE id = $1`, [meeting.id]);
    expectData(await api.gql(`mutation($id: ID!) { recordReservationOutcome(id: $id, outcome: COMPLETED) { status } }`, { id: meeting.id }, admin));
    expect(await recordOf(api, meeting.id, (r) => r.outcome === 'COMPLETED')).toMatchObject({ outcome_source: 'host' });
  });

  it('counts searches with no free slot, bookings refused by a conflict and requests the host rejected', async () => {
    const recorder = api.app.get(UnmetDemandRecorder);
    // A Sunday: the point is closed, no free slot.
    const sunday = nextWeekdayAt(7, 9, 0, 14);
    const none = expectData(await api.gql<{ availability: { slots: unknown[] } }>(AVAILABILITY, { i: { roomIds: [room.roomId], from: sunday, to: plusMinutes(sunday, 12 * 60), durationMinutes: 60 } }));
    expect(none.availability.slots).toEqual([]);
    const start = nextWeekdayAt(2, 10, 0, 21);
    expectData(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 60)) }));
    expectError(await api.gql(BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 60)) }), 'CONFLICT');
    const evening = nextWeekdayAt(2, 18, 0, 21);
    const requested = expectData(await bookConfirmed<{ book: { reservation: { id: string; status: string } } }>(api, BOOK, { input: bookingInput([room.roomId], evening, plusMinutes(evening, 60)) })).book.reservation;
    expect(requested.status).toBe('REQUESTED');
    expectData(await api.gql(`mutation($id: ID!) { rejectReservation(id: $id, reason: "Salle réservée au conseil") { status } }`, { id: requested.id }, admin));
    await recorder.flush();
    await waitFor('the rejection', async () => (await api.sql(`SELECT 1 FROM unmet_demand WHERE kind = 'REJECTED' AND reservation_id = $1`, [requested.id])).length > 0);
    expect(await api.sql(`SELECT 1 FROM meeting_record WHERE reservation_id = $1`, [requested.id])).toEqual([]); // a rejection is no meeting
    const months = await api.sql<{ from: string; to: string }>(`SELECT to_char(min(month), 'YYYY-MM') AS from, to_char(max(month), 'YYYY-MM') AS to FROM unmet_demand`);
    const m = expectData(await api.gql<MetricsData>(METRICS, { f: { from: months[0].from, to: months[0].to } }, admin)).evaluationMetrics;
    expect(m.unmetDemand).toEqual({ searchesWithoutSlot: 1, conflicts: 1, rejected: 1 });
  });

  it('covers Brittany’s ~1 200 communes: share of the population within 20 km of an active point, communes left out, where to open', async () => {
    const c = expectData(await api.gql<{ territoryCoverage: Coverage }>(COVERAGE, { r: 20 })).territoryCoverage;
    expect(c.communes).toBe(1202);
    expect(c.population).toBeGreaterThan(3_300_000);
    expect(c.share).toBeGreaterThan(0.5);
    expect(c.share).toBeLessThan(1);
    expect(c.coveredPopulation).toBe(Math.round(c.share * c.population));
    expect(c.uncovered).toHaveLength(5);
    expect(c.uncovered[0].population).toBeGreaterThanOrEqual(c.uncovered[4].population);
    expect(c.uncovered.every((u) => u.nearestKm > 20)).toBe(true);
    const best = c.bestOpenings[0];
    expect(best.shareAfter).toBeGreaterThan(c.share);
    const gain = expectData(await api.gql<{ coverageIfOpened: { addedPopulation: number } }>(`query($c: String!) { coverageIfOpened(communeCode: $c) { addedPopulation } }`, { c: best.code })).coverageIfOpened;
    expect(gain.addedPopulation).toBe(best.addedPopulation);
    expectError(await api.gql(COVERAGE, { r: 0 }), 'BAD_USER_INPUT');
    expectError(await api.gql(`query { coverageIfOpened(communeCode: "99999") { addedPopulation } }`), 'BAD_USER_INPUT');
  });
});
