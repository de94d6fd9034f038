import { randomUUID } from 'node:crypto';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { nextWeekdayAt, plusMinutes, roomOf } from '../booking-fixtures';
import { countRows, CREATE_PRICE_LIST, ok, PUBLISH, QUOTE, quoteInput, territoryVersionInput } from '../tariff-fixtures';

jest.setTimeout(60_000);

describe('a bad price list is refused with a typed error naming the field, and nothing is written', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let priceListId: string;
  const snapshot = async () => ({
    versions: await countRows(api, 'price_list_version'),
    lists: await countRows(api, 'price_list'),
    quotes: await countRows(api, 'reservation_quote'),
  });
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'saint-brieuc-agglomeration-siege');
    priceListId = ok(await api.gql<{ createPriceList: { id: string } }>(CREATE_PRICE_LIST, { input: { pointId: room.pointId, name: 'Tarif 2015' } }, admin)).createPriceList.id;
    ok(await api.gql(PUBLISH, { id: priceListId, input: territoryVersionInput({ validTo: '2016-01-01' }) }, admin));
  });
  afterAll(() => api?.close());

  const rejected = async (input: Record<string, unknown>, field: (string | number)[], extra: Record<string, unknown> = {}) => {
    const before = await snapshot();
    const res = await api.gql(PUBLISH, { id: priceListId, input }, admin);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, ...extra });
    expect(await snapshot()).toEqual(before);
  };

  it('a negative price', async () => {
    await rejected(territoryVersionInput({ validFrom: '2016-01-01', rates: [{ category: 'COMPANY', territory: 'IN', amountCents: -3000 }] }), ['input', 'rates', 0, 'amountCents']);
  });

  it('a validity overlapping the previous version', async () => {
    await rejected(territoryVersionInput({ validFrom: '2015-06-01' }), ['input', 'validFrom'], { details: { version: 2, overlapsVersion: 1 } });
  });

  it('an unknown requester category', async () => {
    await rejected(territoryVersionInput({ validFrom: '2016-01-01', rates: [{ category: 'STUDENT', territory: 'IN', amountCents: 1000 }] }), ['input', 'rates', 0, 'category'], {
      details: { category: 'STUDENT' },
    });
  });

  it('VAT at 150 %', async () => {
    await rejected(territoryVersionInput({ validFrom: '2016-01-01', vatRateBp: 15_000 }), ['input', 'vatRateBp'], { messageFr: 'Taux de TVA invalide (entre 0 et 100 %)' });
  });

  it('back-to-back versions are accepted (validTo is exclusive)', async () => {
    const res = ok(await api.gql<{ publishPriceListVersion: { versions: { version: number; validFrom: string; validTo: string | null }[] } }>(
      PUBLISH, { id: priceListId, input: territoryVersionInput({ validFrom: '2016-01-01' }) }, admin,
    ));
    expect(res.publishPriceListVersion.versions.map((v) => [v.version, v.validFrom, v.validTo])).toEqual([[1, '2015-01-01', '2016-01-01'], [2, '2016-01-01', null]]);
  });

  it('the database refuses overlapping versions even if the API were bypassed', async () => {
    await expect(
      api.sql(`INSERT INTO price_list_version (price_list_id, version, valid_from, definition, created_by) VALUES ($1, 9, '2015-03-01', '{}', 'test')`, [priceListId]),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('a quote for a room that does not exist: NOT_FOUND', async () => {
    const before = await snapshot();
    const start = nextWeekdayAt(2, 10);
    const res = await api.gql(QUOTE, { input: quoteInput([randomUUID()], start, plusMinutes(start, 120)) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'roomIds', 0] });
    expect(await snapshot()).toEqual(before);
  });

  it('only the organisation’s admins may publish', async () => {
    const res = await api.gql(PUBLISH, { id: priceListId, input: territoryVersionInput({ validFrom: '2017-01-01' }) });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
