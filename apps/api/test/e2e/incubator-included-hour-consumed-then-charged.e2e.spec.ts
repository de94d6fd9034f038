import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, type SeededRoom, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { expectLinesAddUp, monthOfIso, ok, QUOTE, quoteInput, type QuoteResult, RESERVATION_QUOTE } from '../tariff-fixtures';

describe('an incubator includes one hour of videoconference a month: consumed by the first booking, then charged', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let room: SeededRoom;
  const tenant = { name: 'Start-up du Trégor', email: 'Contact@StartUp-Tregor.example' };
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    room = await roomOf(api, 'lannion-tregor-communaute-pole-phoenix');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
  }, 60_000);
  afterAll(() => api?.close());

  const book = async (start: string, minutes: number) =>
    ok(await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(api, BOOK, {
      input: bookingInput([room.roomId], start, plusMinutes(start, minutes), { organiser: tenant }),
    })).book;
  const frozen = async (id: string) => ok(await api.gql<{ reservationQuote: { quote: QuoteResult } }>(RESERVATION_QUOTE, { id }, admin)).reservationQuote.quote;

  it('first 2 h call: the included hour pays half of it (15 € + 3 € VAT); a second call the same month pays in full', async () => {
    const first = nextWeekdayAt(2, 10);
    const second = nextWeekdayAt(2, 14);
    expect(monthOfIso(first)).toBe(monthOfIso(second));

    const preview = ok(await api.gql<{ quote: QuoteResult }>(QUOTE, { input: quoteInput([room.roomId], first, plusMinutes(first, 120), { requesterEmail: tenant.email }) })).quote;
    expect(preview.allowanceUse).toEqual([{ allowanceId: 'pepiniere-1h', label: 'Forfait pépinière', minutes: 60, remainingMinutes: 0 }]);

    const a = await book(first, 120);
    const qa = await frozen(a.reservation.id);
    expect(qa.lines.map((l) => [l.kind, l.label, l.quantity, l.unitCents, l.amountCents])).toEqual([
      ['BASE', '2 heures, entreprise, sur le territoire', 2, 1500, 3000],
      ['ALLOWANCE', 'Forfait pépinière : forfait utilisé pour 1 h sur 2 h (reste 0 min ce mois-ci)', 1, -1500, -1500],
    ]);
    expect(qa).toMatchObject({ totalExclVatCents: 1500, vatCents: 300, totalInclVatCents: 1800 });
    expectLinesAddUp(qa);

    // The balance is visible before the next booking (the e-mail is compared case-insensitively).
    const next = ok(await api.gql<{ quote: QuoteResult }>(QUOTE, { input: quoteInput([room.roomId], second, plusMinutes(second, 60), { requesterEmail: tenant.email.toLowerCase() }) })).quote;
    expect(next.allowanceUse).toEqual([]);
    expect(next.totalExclVatCents).toBe(1500);

    const b = await book(second, 60);
    const qb = await frozen(b.reservation.id);
    expect(qb.lines.map((l) => l.kind)).toEqual(['BASE']);
    expect(qb).toMatchObject({ totalExclVatCents: 1500, totalInclVatCents: 1800 });

    const usage = await api.sql<{ reservation_id: string; allowance_id: string; requester: string; month: string; minutes: number }>(
      `SELECT reservation_id, allowance_id, requester, month, minutes FROM allowance_usage ORDER BY created_at`,
    );
    expect(usage).toEqual([{ reservation_id: a.reservation.id, allowance_id: 'pepiniere-1h', requester: tenant.email.toLowerCase(), month: monthOfIso(first), minutes: 60 }]);
  });

  it('another company still has its own hour that month', async () => {
    const start = nextWeekdayAt(3, 10);
    const q = ok(await api.gql<{ quote: QuoteResult }>(QUOTE, { input: quoteInput([room.roomId], start, plusMinutes(start, 60), { requesterEmail: 'autre@example.org' }) })).quote;
    expect(q.totalInclVatCents).toBe(0);
    expect(q.allowanceUse[0]).toMatchObject({ minutes: 60, remainingMinutes: 0 });
  });
});
