import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';

describe('200 people book the same room for the same slot at the same instant', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lets exactly one succeed; the 199 others get CONFLICT naming the slot', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const start = nextWeekdayAt(2, 10);
    const end = plusMinutes(start, 120);

    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => bookConfirmed<{ book: { reservation: { id: string } } }>(api, BOOK, { input: bookingInput([room.roomId], start, end, { title: `Demande ${i}` }) })),
    );

    const won = results.filter((r) => r.data?.book);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(199);
    const details = conflicts[0].errors![0].extensions!.details as { clashingSlot: { start: string; end: string; kind: string } };
    expect(details.clashingSlot.kind).toBe('RESERVATION');
    expect(new Date(details.clashingSlot.start).getTime()).toBe(new Date(start).getTime() - 15 * 60_000);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservation`);
    expect(n).toBe(1);
    const [{ slots }] = await api.sql<{ slots: number }>(`SELECT count(*)::int AS slots FROM room_slot WHERE room_id = $1 AND active`, [room.roomId]);
    expect(slots).toBe(1);
  });
});
