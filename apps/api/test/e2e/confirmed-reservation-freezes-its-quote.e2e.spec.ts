import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, type SeededRoom, setHours, setPolicy, TEST_POLICY, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { ok, PUBLISH, QUOTE, quoteInput, type QuoteResult, RESERVATION_QUOTE, TARIFFS, territoryVersionInput, todayInParis } from '../tariff-fixtures';

describe('a confirmed reservation freezes its quote: a later tariff change does not move it', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let room: SeededRoom;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId, { ...TEST_POLICY, approvalCategories: ['ASSOCIATION'] });
  }, 60_000);
  afterAll(() => api?.close());

  it('books at 30 €, publishes 40 € from today: the reservation still costs 30 €, a new quote 40 €, the history lists both versions', async () => {
    const start = nextWeekdayAt(2, 10);
    const end = plusMinutes(start, 120);
    const booked = ok(await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(api, BOOK, { input: bookingInput([room.roomId], start, end) })).book;
    expect(booked.reservation.status).toBe('CONFIRMED');
    const frozenBefore = ok(await api.gql<{ reservationQuote: { frozenAt: string; quote: QuoteResult } }>(RESERVATION_QUOTE, { id: booked.reservation.id }, admin)).reservationQuote;
    expect(frozenBefore.quote).toMatchObject({ version: 1, totalInclVatCents: 3000 });

    const { tariffs } = ok(await api.gql<{ tariffs: { priceList: { id: string } } }>(TARIFFS, { p: room.pointId }));
    const today = todayInParis();
    const published = await api.gql(PUBLISH, {
      id: tariffs.priceList.id,
      input: territoryVersionInput({
        validFrom: today,
        rates: [
          { category: 'COMPANY', territory: 'IN', amountCents: 4000, dayCapCents: 9000 },
          { category: 'COMPANY', territory: 'OUT', amountCents: 6000, dayCapCents: 13000 },
          { category: 'ASSOCIATION', territory: 'IN', amountCents: 2000 },
        ],
      }),
    }, admin);
    expect(published.errors).toBeUndefined();

    const frozenAfter = ok(await api.gql<{ reservationQuote: { frozenAt: string; quote: QuoteResult } }>(RESERVATION_QUOTE, { id: booked.reservation.id }, admin)).reservationQuote;
    expect(frozenAfter).toEqual(frozenBefore);
    const fresh = ok(await api.gql<{ quote: QuoteResult }>(QUOTE, { input: quoteInput([room.roomId], start, end) })).quote;
    expect(fresh).toMatchObject({ version: 2, totalInclVatCents: 4000 });

    const history = ok(await api.gql<{ tariffs: { current: { version: number }; priceList: { versions: { version: number; validFrom: string; validTo: string | null; status: string }[] } } }>(TARIFFS, { p: room.pointId })).tariffs;
    expect(history.current.version).toBe(2);
    expect(history.priceList.versions).toEqual([
      { version: 1, validFrom: '2015-01-01', validTo: today, status: 'PAST' },
      { version: 2, validFrom: today, validTo: null, status: 'CURRENT' },
    ].map((v) => expect.objectContaining(v)));
    const [row] = await api.sql<{ total_incl_vat_cents: number; version: number }>(
      `SELECT q.total_incl_vat_cents, v.version FROM reservation_quote q JOIN price_list_version v ON v.id = q.price_list_version_id WHERE q.reservation_id = $1`,
      [booked.reservation.id],
    );
    expect(row).toEqual({ total_incl_vat_cents: 3000, version: 1 });
  });

  it('a request needing approval has no quote until it is approved; approval freezes it', async () => {
    const start = nextWeekdayAt(3, 10);
    const booked = ok(await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(api, BOOK, {
      input: bookingInput([room.roomId], start, plusMinutes(start, 120), { requesterCategory: 'ASSOCIATION' }),
    })).book;
    expect(booked.reservation.status).toBe('REQUESTED');
    const none = ok(await api.gql<{ reservationQuote: null }>(RESERVATION_QUOTE, { id: booked.reservation.id, token: booked.accessToken }));
    expect(none.reservationQuote).toBeNull();
    const approved = await api.gql(`mutation($id: ID!) { approveReservation(id: $id) { status } }`, { id: booked.reservation.id }, admin);
    expect(approved.errors).toBeUndefined();
    const frozen = ok(await api.gql<{ reservationQuote: { quote: QuoteResult } }>(RESERVATION_QUOTE, { id: booked.reservation.id, token: booked.accessToken })).reservationQuote;
    expect(frozen.quote).toMatchObject({ version: 2, totalInclVatCents: 2000 });
  });
});
