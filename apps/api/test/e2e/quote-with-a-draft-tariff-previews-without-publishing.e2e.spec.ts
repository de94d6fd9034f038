// The tariff editor's live preview: `quote(input, draft)` prices a booking with a version that is not
// published yet — nothing is written, the public tariff does not move — and a bad draft is refused with
// the field path under ['draft', …]. Also `Point.publicHolidays(year)`, which the opening-hours editor shows.
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, type SeededRoom, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { countRows, expectLinesAddUp, ok, QUOTE_FIELDS, quoteInput, type QuoteResult, TARIFFS, territoryVersionInput, todayInParis } from '../tariff-fixtures';

const PREVIEW = `query($input: QuoteInput!, $draft: PriceListVersionInput) { quote(input: $input, draft: $draft) { ${QUOTE_FIELDS} } }`;

describe('an administrator previews a draft tariff before publishing it', () => {
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

  it('2 h inside the territory at a draft 40 € instead of the published 30 €; nothing is written', async () => {
    const versionsBefore = await countRows(api, 'price_list_version');
    const start = nextWeekdayAt(2, 10);
    const draft = territoryVersionInput({
      validFrom: todayInParis(),
      rates: [
        { category: 'COMPANY', territory: 'IN', amountCents: 4000 },
        { category: 'COMPANY', territory: 'OUT', amountCents: 6000 },
      ],
    });
    const preview = ok(await api.gql<{ quote: QuoteResult }>(PREVIEW, { input: quoteInput([room.roomId], start, plusMinutes(start, 120)), draft })).quote;
    expect(preview.priceListVersionId).toBeNull();
    expect(preview.version).toBe(2);
    expect(preview.lines.map((l) => [l.kind, l.quantity, l.unitCents, l.amountInclVatCents])).toEqual([['BASE', 1, 4000, 4000]]);
    expect(preview).toMatchObject({ totalExclVatCents: 3333, vatCents: 667, totalInclVatCents: 4000 });
    expectLinesAddUp(preview);

    // The published tariff still prices the same booking at 30 €, and no version was added.
    const published = ok(await api.gql<{ quote: QuoteResult }>(PREVIEW, { input: quoteInput([room.roomId], start, plusMinutes(start, 120)) })).quote;
    expect(published.totalInclVatCents).toBe(3000);
    expect(published.priceListVersionId).toEqual(expect.any(String));
    expect(await countRows(api, 'price_list_version')).toBe(versionsBefore);
    const { tariffs } = ok(await api.gql<{ tariffs: { current: { version: number } } }>(TARIFFS, { p: room.pointId }));
    expect(tariffs.current.version).toBe(1);
  });

  it('a negative price in the draft: BAD_USER_INPUT on draft.rates.0.amountCents, in French', async () => {
    const start = nextWeekdayAt(2, 10);
    const draft = territoryVersionInput({ rates: [{ category: 'COMPANY', territory: 'IN', amountCents: -500 }] });
    const res = await api.gql(PREVIEW, { input: quoteInput([room.roomId], start, plusMinutes(start, 120)), draft });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['draft', 'rates', 0, 'amountCents'], messageFr: 'Prix : montant invalide (centimes entiers, positifs ou nuls)' });
  });

  it('the public holidays of 2026 at a point of metropolitan France: 11 dates, 14 July included', async () => {
    const res = ok(await api.gql<{ point: { publicHolidays: { date: string; name: string }[] } }>(`query($id: ID!) { point(id: $id) { publicHolidays(year: 2026) { date name } } }`, { id: room.pointId }));
    expect(res.point.publicHolidays).toHaveLength(11);
    expect(res.point.publicHolidays[0]).toEqual({ date: '2026-01-01', name: "Jour de l'an" });
    expect(res.point.publicHolidays).toContainEqual({ date: '2026-07-14', name: 'Fête nationale' });
    expect(res.point.publicHolidays).toContainEqual({ date: '2026-04-06', name: 'Lundi de Pâques' });
    const bad = await api.gql(`query($id: ID!) { point(id: $id) { publicHolidays(year: 1200) { date } } }`, { id: room.pointId });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['year'] });
  });
});
