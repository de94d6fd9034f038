import { getIntrospectionQuery } from 'graphql';
import { expectData, expectDatabaseUnchanged, expectError, expectNoStackTrace } from '../e2e-assertions';
import { ADMIN, startTestApi, type GraphQLResponse, type TestApi } from '../harness';

interface IdOnly {
  id: string;
}

const CREATE_POINT = `mutation($input: CreatePointInput!) { createPoint(input: $input) { id slug } }`;
const UPDATE_POINT = `mutation($id: ID!, $input: UpdatePointInput!) { updatePoint(id: $id, input: $input) { id name } }`;
const SET_HOURS = `mutation($id: ID!, $schedule: OpeningScheduleInput!) { setOpeningHours(pointId: $id, schedule: $schedule) { id } }`;
const ADD_ROOM = `mutation($id: ID!, $input: RoomInput!) { addRoom(pointId: $id, input: $input) { id } }`;

type CreatePointResult = { createPoint: { id: string; slug: string } };

// Each file starts the API on its own database; hashing passwords and seeding are slow on a busy CI machine.
jest.setTimeout(60_000);

describe('bad input is rejected with a typed error and changes nothing', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let organisationId: string;
  let pointId: string;

  /** A createPoint input that the API accepts (the last test proves it), to spoil one field at a time. */
  const validPoint = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    organisationId,
    slug: 'e2e-bad-input-point',
    name: 'Point de test',
    hostSiteType: 'TOWN_HALL',
    accessPolicy: 'OPEN_TO_ALL',
    address: '1 place de la Mairie',
    postcode: '22300',
    town: 'Lannion',
    latitude: 48.7326,
    longitude: -3.4566,
    networkLine: 'FIBRE',
    bandwidthKbps: 2048,
    openingSchedule: { weekly: [{ weekday: 1, opens: '09:00', closes: '12:00' }] },
    rooms: [{ name: 'Salle 1', capacity: 8 }],
    ...overrides,
  });

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    [{ id: organisationId }] = await api.sql<IdOnly>(`SELECT id FROM organisation WHERE slug = 'lannion-tregor-communaute'`);
    [{ id: pointId }] = await api.sql<IdOnly>(`SELECT id FROM point WHERE slug = 'lannion-tregor-communaute-siege'`);
  });
  afterAll(() => api.close());

  it('createPoint with latitude 200 → BAD_USER_INPUT on input.latitude', async () => {
    const res = await expectDatabaseUnchanged(api, () => api.gql<CreatePointResult>(CREATE_POINT, { input: validPoint({ latitude: 200 }) }, admin));
    expectError(res, 'BAD_USER_INPUT', { field: ['input', 'latitude'] });
    expect(res.data ?? null).toBeNull();
  });

  it('setOpeningHours with closing before opening → BAD_USER_INPUT on the rule’s closes', async () => {
    const schedule = { weekly: [{ weekday: 2, opens: '14:00', closes: '09:00' }] };
    const res = await expectDatabaseUnchanged(api, () => api.gql(SET_HOURS, { id: pointId, schedule }, admin));
    const error = expectError(res, 'BAD_USER_INPUT', { field: ['schedule', 'weekly', 0, 'closes'] });
    expect(error.extensions?.details).toEqual({ opens: '14:00', closes: '09:00' });
  });

  it('setOpeningHours with overlapping weekly rules → BAD_USER_INPUT on the second rule', async () => {
    const schedule = {
      weekly: [
        { weekday: 3, opens: '09:00', closes: '12:00' },
        { weekday: 3, opens: '11:00', closes: '17:00' },
      ],
    };
    const res = await expectDatabaseUnchanged(api, () => api.gql(SET_HOURS, { id: pointId, schedule }, admin));
    expectError(res, 'BAD_USER_INPUT', { field: ['schedule', 'weekly', 1] });
  });

  it('an unknown enum value written in the query → GRAPHQL_VALIDATION_FAILED (HTTP 400)', async () => {
    const res = await expectDatabaseUnchanged(api, () =>
      api.gql(`mutation($id: ID!) { updatePoint(id: $id, input: { hostSiteType: SPACESHIP }) { id } }`, { id: pointId }, admin),
    );
    expectError(res, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
    expect(res.data ?? null).toBeNull();
  });

  it('an unknown enum value passed as a variable → BAD_USER_INPUT (HTTP 400)', async () => {
    const res = await expectDatabaseUnchanged(api, () => api.gql<CreatePointResult>(CREATE_POINT, { input: validPoint({ hostSiteType: 'SPACESHIP' }) }, admin));
    expectError(res, 'BAD_USER_INPUT', { status: 400 });
    const update = await expectDatabaseUnchanged(api, () => api.gql(UPDATE_POINT, { id: pointId, input: { accessPolicy: 'EVERYBODY' } }, admin));
    expectError(update, 'BAD_USER_INPUT', { status: 400 });
  });

  it('a 10 000-character name → BAD_USER_INPUT on input.name, for createPoint and updatePoint', async () => {
    const name = 'x'.repeat(10_000);
    const created = await expectDatabaseUnchanged(api, () => api.gql<CreatePointResult>(CREATE_POINT, { input: validPoint({ name }) }, admin));
    expectError(created, 'BAD_USER_INPUT', { field: ['input', 'name'] });
    const updated = await expectDatabaseUnchanged(api, () => api.gql(UPDATE_POINT, { id: pointId, input: { name } }, admin));
    expectError(updated, 'BAD_USER_INPUT', { field: ['input', 'name'] });
  });

  it('a negative room capacity → BAD_USER_INPUT, for addRoom and for createPoint’s rooms', async () => {
    const added = await expectDatabaseUnchanged(api, () => api.gql(ADD_ROOM, { id: pointId, input: { name: 'Salle négative', capacity: -4 } }, admin));
    expectError(added, 'BAD_USER_INPUT', { field: ['input', 'capacity'] });
    const rooms = [
      { name: 'Salle 1', capacity: 8 },
      { name: 'Salle 2', capacity: -1 },
    ];
    const created = await expectDatabaseUnchanged(api, () => api.gql<CreatePointResult>(CREATE_POINT, { input: validPoint({ rooms }) }, admin));
    expectError(created, 'BAD_USER_INPUT', { field: ['input', 'rooms', 1, 'capacity'] });
  });

  it('a timestamp without offset for points(filter: {openAt}) → typed error, in the query or as a variable', async () => {
    const literal = await api.gql(`{ points(filter: { openAt: "2026-07-14T10:00:00" }) { totalCount } }`);
    // Written in the document, the scalar's error is a validation error of the document.
    const error = expectError(literal, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
    expect(error.message).toMatch(/offset/);
    const variable = await api.gql(`query($at: DateTime) { points(filter: { openAt: $at }) { totalCount } }`, { at: '2026-07-14T10:00:00' });
    expect(expectError(variable, 'BAD_USER_INPUT', { status: 400 }).message).toMatch(/offset/);
    // The same instant with an offset is accepted.
    expectData(await api.gql(`{ points(filter: { openAt: "2026-07-14T10:00:00+02:00" }) { totalCount } }`));
  });

  it('a malformed id → BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    const read = await api.gql(`{ point(id: "not-a-uuid") { id name } }`);
    expectError(read, 'BAD_USER_INPUT');
    const write = await expectDatabaseUnchanged(api, () => api.gql(UPDATE_POINT, { id: 'not-a-uuid', input: { name: 'Nouveau nom' } }, admin));
    expectError(write, 'BAD_USER_INPUT');
    const hours = await expectDatabaseUnchanged(api, () => api.gql(SET_HOURS, { id: 'not-a-uuid', schedule: { weekly: [] } }, admin));
    expectError(hours, 'BAD_USER_INPUT');
    // A well-formed id that matches nothing is NOT_FOUND.
    expectError(await api.gql(`{ point(id: "00000000-0000-4000-8000-000000000000") { id } }`), 'NOT_FOUND');
  });

  describe('a query nested 50 levels deep is refused, never a 500', () => {
    /** `field { field { … } }`, `depth` levels, ending with `leaf`. */
    const nest = (fields: string[], depth: number, leaf: string): string => {
      let body = leaf;
      for (let i = depth - 1; i >= 0; i--) body = `${fields[i % fields.length]} { ${body} }`;
      return body;
    };

    it('through the introspection recursion (__Type.fields → __Field.type → __Type.fields …)', async () => {
      const query = `{ __schema { types { ${nest(['fields', 'type'], 50, 'name')} } } }`;
      const res = await api.gql(query);
      expectError(res, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
      expect(res.errors?.some((e) => /nested more than \d+ levels/.test(e.message))).toBe(true);
      expect(res.data ?? null).toBeNull();
    });

    it('through __Type.ofType', async () => {
      const res = await api.gql(`{ __type(name: "Point") { ${nest(['ofType'], 50, 'name')} } }`);
      expectError(res, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
      expect(res.errors?.some((e) => /nested more than \d+ levels/.test(e.message))).toBe(true);
    });

    it('through fragments that spread each other in a cycle', async () => {
      const query = `
        query { points { edges { node { point { ...A } } } } }
        fragment A on Point { rooms { ...B } }
        fragment B on Room { endpoints { id } id ...C }
        fragment C on Room { ...B }`;
      const res = await api.gql(query);
      expectError(res, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
    });

    it('through 50 levels of (unknown) nested fields', async () => {
      const res = await api.gql(`{ points { edges { node { point { rooms { ${nest(['room'], 50, 'id')} } } } } } }`);
      expectError(res, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
    });

    it('while the standard introspection query of GraphQL tools is still answered', async () => {
      const res = await api.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
      expect(expectData(res).__schema.types.length).toBeGreaterThan(10);
    });
  });

  it('a cost-limit breach → QUERY_TOO_COMPLEX (HTTP 400), nothing executed', async () => {
    const openings = Array.from({ length: 4 }, (_, i) => `o${i}: nextOpenings(count: 50) { start end onRequest }`).join(' ');
    const res = await api.gql(`{ points(first: 100) { edges { node { point { id ${openings} } } } } }`);
    const error = expectError(res, 'QUERY_TOO_COMPLEX', { status: 400 });
    expect(error.message).toMatch(/exceeds the limit/);
    expect(res.data ?? null).toBeNull();
  });

  it('the valid input used above is accepted (the rejections are about the spoiled field only)', async () => {
    const res = await api.gql<CreatePointResult>(CREATE_POINT, { input: validPoint() }, admin);
    expect(expectData(res).createPoint.slug).toBe('e2e-bad-input-point');
    const [row] = await api.sql<{ rooms: number }>(`SELECT count(*)::int AS rooms FROM room WHERE point_id = $1`, [res.data!.createPoint.id]);
    expect(row.rooms).toBe(1);
  });

  it('no error response carries a stack trace, even for an internal error', async () => {
    const responses: GraphQLResponse<unknown>[] = [
      await api.gql(`{ nope }`),
      await api.gql(`{ point(id: "not-a-uuid") { id } }`),
      await api.gql(`query { points(first: 1000) { totalCount } }`),
      await api.gql(`{`),
    ];
    for (const res of responses) {
      expectNoStackTrace(res);
      expect(res.errors?.length ?? 0).toBeGreaterThan(0);
      for (const e of res.errors ?? []) expect(Object.keys(e.extensions ?? {})).not.toContain('stacktrace');
    }
  });
});
