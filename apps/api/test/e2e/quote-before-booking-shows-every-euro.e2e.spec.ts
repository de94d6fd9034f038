import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, type SeededRoom, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { expectLinesAddUp, ok, QUOTE, quoteInput, type QuoteResult, RESERVATION_QUOTE, TARIFFS } from '../tariff-fixtures';

describe('a visitor sees the price of a booking, line by line, before booking', () => {
  let api: TestApi;
  let room: SeededRoom;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
  }, 60_000);
  afterAll(() => api?.close());

  const quote = async (start: string, end: string, extra: Record<string, unknown> = {}) =>
    ok(await api.gql<{ quote: QuoteResult }>(QUOTE, { input: quoteInput([room.roomId], start, end, extra) })).quote;

  it('the seeded point publishes the study’s tariff, readable without signing in', async () => {
    const { tariffs } = ok(await api.gql<{ tariffs: { current: { version: number; status: string } | null; priceList: { name: string } | null } }>(TARIFFS, { p: room.pointId }));
    expect(tariffs.priceList?.name).toBe('Tarif territoire (2 h, plafond journée)');
    expect(tariffs.current).toMatchObject({ version: 1, status: 'CURRENT' });
  });

  it('2 h inside the territory: 30 € incl. VAT (25 € + 5 € VAT), in one line that adds up', async () => {
    const start = nextWeekdayAt(2, 10);
    const q = await quote(start, plusMinutes(start, 120));
    expect(q.territory).toBe('IN');
    expect(q.offHoursMinutes).toBe(0);
    expect(q.lines.map((l) => [l.kind, l.label, l.quantity, l.unitCents, l.amountInclVatCents])).toEqual([
      ['BASE', '1 créneau de 2 h, entreprise, sur le territoire', 1, 3000, 3000],
    ]);
    expect(q).toMatchObject({ totalExclVatCents: 2500, vatCents: 500, totalInclVatCents: 3000 });
    expectLinesAddUp(q);
  });

  it('the same 2 h from outside the territory: 45 €', async () => {
    const start = nextWeekdayAt(2, 10);
    const q = await quote(start, plusMinutes(start, 120), { requesterPostcode: '29200' });
    expect(q.territory).toBe('OUT');
    expect(q.lines.map((l) => [l.kind, l.label, l.amountInclVatCents])).toEqual([['BASE', '1 créneau de 2 h, entreprise, hors territoire', 4500]]);
    expect(q).toMatchObject({ totalExclVatCents: 3750, vatCents: 750, totalInclVatCents: 4500 });
    expectLinesAddUp(q);
  });

  it('a whole day is capped at 70 € inside and 105 € outside; the cap is its own line', async () => {
    const start = nextWeekdayAt(3, 9);
    const end = plusMinutes(start, 8 * 60 + 30);
    const inside = await quote(start, end);
    expect(inside.lines.map((l) => [l.kind, l.amountInclVatCents])).toEqual([['BASE', 15000], ['CAP', -8000]]);
    expect(inside.totalInclVatCents).toBe(7000);
    expectLinesAddUp(inside);
    const outside = await quote(start, end, { requesterPostcode: '35000' });
    expect(outside.totalInclVatCents).toBe(10500);
    expectLinesAddUp(outside);
  });

  it('an evening booking costs the same (no surcharge) and says how many minutes are off-hours', async () => {
    const start = nextWeekdayAt(2, 17);
    const q = await quote(start, plusMinutes(start, 120));
    expect(q.offHoursMinutes).toBe(90);
    expect(q.totalInclVatCents).toBe(3000);
  });

  it('a local association pays less: 15 € for 2 h', async () => {
    const start = nextWeekdayAt(2, 10);
    const q = await quote(start, plusMinutes(start, 120), { requesterCategory: 'ASSOCIATION' });
    expect(q.totalInclVatCents).toBe(1500);
  });

  it('the quote before booking is the quote the confirmed reservation freezes', async () => {
    const start = nextWeekdayAt(4, 10);
    const end = plusMinutes(start, 120);
    const before = await quote(start, end);
    const booked = ok(await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(api, BOOK, { input: bookingInput([room.roomId], start, end) })).book;
    expect(booked.reservation.status).toBe('CONFIRMED');
    const frozen = ok(await api.gql<{ reservationQuote: { quote: QuoteResult } }>(RESERVATION_QUOTE, { id: booked.reservation.id, token: booked.accessToken })).reservationQuote;
    expect(frozen.quote.lines).toEqual(before.lines);
    expect(frozen.quote.totalInclVatCents).toBe(3000);
    // Nobody else may read it.
    const stranger = await api.gql(RESERVATION_QUOTE, { id: booked.reservation.id });
    expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [row] = await api.sql<{ total_incl_vat_cents: number }>(`SELECT total_incl_vat_cents FROM reservation_quote WHERE reservation_id = $1`, [booked.reservation.id]);
    expect(row.total_incl_vat_cents).toBe(3000);
  });
});
