import { SECRET_BOX } from '../../src/points/points.service';
import type { SecretBox } from '../../src/common/secrets';
import { expectData, expectDatabaseUnchanged, expectError, expectNoStackTrace } from '../e2e-assertions';
import { ADMIN, startTestApi, type GraphQLResponse, type TestApi } from '../harness';

type Headers = Record<string, string>;
type Org = 'A' | 'B';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface IdRow {
  id: string;
}
interface Tenant {
  organisationId: string;
  pointId: string;
  roomId: string;
}
interface PrivatePoint {
  point: {
    id: string;
    name: string;
    slug: string;
    town: string;
    organisation: { slug: string };
    fixedIp: string | null;
    internalNotes: string | null;
    rooms: { name: string; endpoints: { id: string; name: string; secretNames: string[] }[] | null }[];
  } | null;
}

const PASSWORD = 'a-long-enough-password';
const SECRETS = { password: 'plaintext-codec-password-7f3a', apiToken: 'plaintext-codec-token-91bc' };

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id role organisationId } }`;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix role organisationId } } }`;
const UPDATE_POINT = `mutation($id: ID!, $input: UpdatePointInput!) { updatePoint(id: $id, input: $input) { id name } }`;
const ADD_ENDPOINT = `mutation($roomId: ID!, $input: EndpointInput!) { addEndpoint(roomId: $roomId, input: $input) { id name secretNames } }`;
const READ_PRIVATE = `query($id: ID!) {
  point(id: $id) {
    id name slug town organisation { slug }
    fixedIp internalNotes
    rooms { name endpoints { id name secretNames } }
  }
}`;

/** The four point mutations of the matrix: a document, its variables, and what success looks like. */
interface Operation {
  name: string;
  request(t: Tenant, tag: string): { query: string; variables: Record<string, unknown> };
  /** Checked on success, in the database. */
  landed(api: TestApi, t: Tenant, tag: string): Promise<boolean>;
}

const OPERATIONS: Record<'updatePoint' | 'setOpeningHours' | 'addRoom' | 'addEndpoint', Operation> = {
  updatePoint: {
    name: 'updatePoint',
    request: (t, tag) => ({ query: UPDATE_POINT, variables: { id: t.pointId, input: { name: `Renommé ${tag}` } } }),
    landed: async (api, t, tag) => (await api.sql<{ name: string }>(`SELECT name FROM point WHERE id = $1`, [t.pointId]))[0].name === `Renommé ${tag}`,
  },
  setOpeningHours: {
    name: 'setOpeningHours',
    request: (t, tag) => ({
      query: `mutation($id: ID!, $schedule: OpeningScheduleInput!) { setOpeningHours(pointId: $id, schedule: $schedule) { id } }`,
      variables: { id: t.pointId, schedule: { weekly: [{ weekday: 6, opens: '09:00', closes: '12:00' }], exceptions: [{ date: '2026-12-24', kind: 'closed', reason: tag }] } },
    }),
    landed: async (api, t, tag) =>
      (await api.sql<{ reason: string }>(`SELECT opening_schedule->'exceptions'->0->>'reason' AS reason FROM point WHERE id = $1`, [t.pointId]))[0].reason === tag,
  },
  addRoom: {
    name: 'addRoom',
    request: (t, tag) => ({
      query: `mutation($id: ID!, $input: RoomInput!) { addRoom(pointId: $id, input: $input) { id } }`,
      variables: { id: t.pointId, input: { name: `Salle ${tag}`, capacity: 6 } },
    }),
    landed: async (api, t, tag) => (await api.sql(`SELECT 1 FROM room WHERE point_id = $1 AND name = $2`, [t.pointId, `Salle ${tag}`])).length === 1,
  },
  addEndpoint: {
    name: 'addEndpoint',
    request: (t, tag) => ({ query: ADD_ENDPOINT, variables: { roomId: t.roomId, input: { name: `Codec ${tag}`, kind: 'ROOM_SYSTEM', protocol: 'SIP' } } }),
    landed: async (api, t, tag) => (await api.sql(`SELECT 1 FROM endpoint WHERE room_id = $1 AND name = $2`, [t.roomId, `Codec ${tag}`])).length === 1,
  },
};

// Each file starts the API on its own database; hashing passwords and seeding are slow on a busy CI machine.
jest.setTimeout(60_000);

describe('tenancy: who may do what on which organisation’s points', () => {
  let api: TestApi;
  const tenants = {} as Record<Org, Tenant>;
  const as = {} as Record<
    'networkAdmin' | 'adminA' | 'adminB' | 'operatorA' | 'bookerA' | 'keyA' | 'keyB' | 'revokedKeyA' | 'badBearer' | 'badApiKey' | 'anonymous',
    Headers
  >;
  const endpointIds = {} as Record<Org, string>;
  let revokedKeyId: string;

  const send = <T = Record<string, unknown>>(request: { query: string; variables: Record<string, unknown> }, headers: Headers) =>
    api.gql<T>(request.query, request.variables, headers);

  async function createUser(email: string, role: string, organisationId: string | null): Promise<Headers> {
    const res = await api.gql(CREATE_USER, { input: { email, displayName: email, password: PASSWORD, role, organisationId } }, as.networkAdmin);
    expectData(res);
    return api.loginAs(email, PASSWORD);
  }

  async function createApiKey(organisationId: string, by: Headers): Promise<{ id: string; headers: Headers }> {
    const res = await api.gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      CREATE_API_KEY,
      { input: { organisationId, name: 'Site web', role: 'POINT_OPERATOR' } },
      by,
    );
    const { key, apiKey } = expectData(res).createApiKey;
    return { id: apiKey.id, headers: { 'x-api-key': key } };
  }

  beforeAll(async () => {
    api = await startTestApi();
    for (const [org, slug] of [
      ['A', 'lannion-tregor-communaute'],
      ['B', 'saint-brieuc-agglomeration'],
    ] as const) {
      const [{ id: organisationId }] = await api.sql<IdRow>(`SELECT id FROM organisation WHERE slug = $1`, [slug]);
      const [{ id: pointId }] = await api.sql<IdRow>(`SELECT id FROM point WHERE slug = $1`, [`${slug}-siege`]);
      const [{ id: roomId }] = await api.sql<IdRow>(`SELECT id FROM room WHERE point_id = $1 ORDER BY name LIMIT 1`, [pointId]);
      tenants[org] = { organisationId, pointId, roomId };
    }
    as.anonymous = {};
    as.networkAdmin = await api.loginAs(ADMIN.email, ADMIN.password);
    as.adminA = await createUser('admin-a@test.maillage', 'ORGANISATION_ADMIN', tenants.A.organisationId);
    as.adminB = await createUser('admin-b@test.maillage', 'ORGANISATION_ADMIN', tenants.B.organisationId);
    as.operatorA = await createUser('operator-a@test.maillage', 'POINT_OPERATOR', tenants.A.organisationId);
    as.bookerA = await createUser('booker-a@test.maillage', 'BOOKER', tenants.A.organisationId);
    as.keyA = (await createApiKey(tenants.A.organisationId, as.adminA)).headers;
    as.keyB = (await createApiKey(tenants.B.organisationId, as.adminB)).headers;
    const revoked = await createApiKey(tenants.A.organisationId, as.adminA);
    expectData(await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: revoked.id }, as.adminA));
    revokedKeyId = revoked.id;
    as.revokedKeyA = revoked.headers;
    as.badBearer = { authorization: 'Bearer mls_this-session-token-was-never-issued' };
    as.badApiKey = { authorization: 'Bearer mlk_this-api-key-was-never-issued' };

    // Each organisation's private data, written by the network admin.
    for (const org of ['A', 'B'] as const) {
      const t = tenants[org];
      expectData(await api.gql(UPDATE_POINT, { id: t.pointId, input: { fixedIp: org === 'A' ? '192.0.2.10' : '192.0.2.20', internalNotes: `Digicode ${org}: 4321` } }, as.networkAdmin));
      const res = await api.gql<{ addEndpoint: { id: string } }>(
        ADD_ENDPOINT,
        { roomId: t.roomId, input: { name: `Codec salle ${org}`, kind: 'ROOM_SYSTEM', protocol: 'SIP', sipUri: `sip:salle-${org.toLowerCase()}@visio.example`, adapterSecrets: SECRETS } },
        as.networkAdmin,
      );
      endpointIds[org] = expectData(res).addEndpoint.id;
    }
  });
  afterAll(() => api.close());

  describe('point mutations, actor × operation × organisation', () => {
    const rows: [actor: keyof typeof as, operation: keyof typeof OPERATIONS, target: Org, expected: Outcome][] = [];
    const all = Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[];
    for (const op of all) rows.push(['adminA', op, 'A', 'ok'], ['adminA', op, 'B', 'FORBIDDEN']);
    rows.push(
      ['operatorA', 'updatePoint', 'A', 'ok'],
      ['operatorA', 'setOpeningHours', 'A', 'ok'],
      ['operatorA', 'addRoom', 'A', 'FORBIDDEN'],
      ['operatorA', 'addEndpoint', 'A', 'FORBIDDEN'],
      ['operatorA', 'updatePoint', 'B', 'FORBIDDEN'],
      ['bookerA', 'updatePoint', 'A', 'FORBIDDEN'],
      ['bookerA', 'setOpeningHours', 'A', 'FORBIDDEN'],
      ['bookerA', 'updatePoint', 'B', 'FORBIDDEN'],
      ['keyA', 'updatePoint', 'A', 'ok'],
      ['keyA', 'setOpeningHours', 'A', 'ok'],
      ['keyA', 'updatePoint', 'B', 'FORBIDDEN'],
      ['keyA', 'setOpeningHours', 'B', 'FORBIDDEN'],
      ['keyA', 'addEndpoint', 'B', 'FORBIDDEN'],
      ['keyB', 'updatePoint', 'B', 'ok'],
      ['keyB', 'updatePoint', 'A', 'FORBIDDEN'],
      ['adminB', 'updatePoint', 'A', 'FORBIDDEN'],
      ['adminB', 'addRoom', 'A', 'FORBIDDEN'],
    );
    for (const actor of ['anonymous', 'revokedKeyA', 'badBearer', 'badApiKey'] as const) {
      for (const op of all) rows.push([actor, op, 'A', 'UNAUTHENTICATED']);
    }

    it.each(rows)('%s %s on %s’s point → %s', async (actor, opName, target, expected) => {
      const op = OPERATIONS[opName];
      const tag = `${actor}-${opName}-${target}`;
      const request = op.request(tenants[target], tag);
      if (expected === 'ok') {
        expectData(await send(request, as[actor]));
        expect(await op.landed(api, tenants[target], tag)).toBe(true);
        return;
      }
      const res = await expectDatabaseUnchanged(api, () => send(request, as[actor]));
      expectError(res, expected, expected === 'UNAUTHENTICATED' && actor !== 'anonymous' ? { status: 401 } : {});
      expect(res.data?.[opName] ?? null).toBeNull();
      expect(await op.landed(api, tenants[target], tag)).toBe(false);
    });
  });

  describe('private fields of a point', () => {
    const forbiddenPaths = (res: GraphQLResponse<PrivatePoint>) =>
      (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => (e.path ?? []).filter((p) => typeof p === 'string').join('.'));

    it('A’s admin reading B’s point: FORBIDDEN on fixedIp, internalNotes and endpoints; public fields resolve', async () => {
      const res = await api.gql<PrivatePoint>(READ_PRIVATE, { id: tenants.B.pointId }, as.adminA);
      expectNoStackTrace(res);
      expect(res.status).toBe(200);
      expect(new Set(forbiddenPaths(res))).toEqual(new Set(['point.fixedIp', 'point.internalNotes', 'point.rooms.endpoints']));
      expect(res.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      const point = res.data?.point;
      expect(point).toMatchObject({ id: tenants.B.pointId, slug: 'saint-brieuc-agglomeration-siege', organisation: { slug: 'saint-brieuc-agglomeration' } });
      expect(point?.fixedIp).toBeNull();
      expect(point?.internalNotes).toBeNull();
      expect(point?.rooms.length).toBeGreaterThan(0);
      expect(point?.rooms.every((r) => r.endpoints === null && typeof r.name === 'string')).toBe(true);
      expect(JSON.stringify(res)).not.toMatch(/192\.0\.2\.20|Digicode B|Codec salle B/);
    });

    it('B’s private fields are FORBIDDEN to A’s API key and to anonymous visitors as well', async () => {
      for (const headers of [as.keyA, as.anonymous, as.operatorA]) {
        const res = await api.gql<PrivatePoint>(READ_PRIVATE, { id: tenants.B.pointId }, headers);
        expect(new Set(forbiddenPaths(res))).toEqual(new Set(['point.fixedIp', 'point.internalNotes', 'point.rooms.endpoints']));
        expect(res.data?.point?.slug).toBe('saint-brieuc-agglomeration-siege');
        expect(JSON.stringify(res)).not.toMatch(/192\.0\.2\.20|Digicode B/);
      }
    });

    it('A’s admin, operator and API key read A’s own private fields', async () => {
      for (const headers of [as.adminA, as.operatorA, as.keyA, as.networkAdmin]) {
        const res = await api.gql<PrivatePoint>(READ_PRIVATE, { id: tenants.A.pointId }, headers);
        const { point } = expectData(res);
        expect(point?.fixedIp).toBe('192.0.2.10');
        expect(point?.internalNotes).toBe('Digicode A: 4321');
        const endpoints = point?.rooms.flatMap((r) => r.endpoints ?? []) ?? [];
        expect(endpoints).toEqual(expect.arrayContaining([{ id: endpointIds.A, name: 'Codec salle A', secretNames: ['apiToken', 'password'] }]));
      }
    });

    it('a BOOKER of A does not read A’s private fields (they are for operators)', async () => {
      const res = await api.gql<PrivatePoint>(READ_PRIVATE, { id: tenants.A.pointId }, as.bookerA);
      expect(new Set(forbiddenPaths(res))).toEqual(new Set(['point.fixedIp', 'point.internalNotes', 'point.rooms.endpoints']));
    });
  });

  describe('users and API keys', () => {
    it('an ORGANISATION_ADMIN cannot create a NETWORK_ADMIN, with or without an organisation', async () => {
      for (const organisationId of [null, tenants.A.organisationId]) {
        const input = { email: `escalate-${organisationId ?? 'none'}@test.maillage`, displayName: 'Escalade', password: PASSWORD, role: 'NETWORK_ADMIN', organisationId };
        const res = await expectDatabaseUnchanged(api, () => api.gql(CREATE_USER, { input }, as.adminA));
        expectError(res, 'FORBIDDEN');
      }
    });

    it('an ORGANISATION_ADMIN cannot create a user in another organisation, nor one without organisation', async () => {
      for (const organisationId of [tenants.B.organisationId, null]) {
        const input = { email: `intruder-${organisationId ?? 'none'}@test.maillage`, displayName: 'Intrus', password: PASSWORD, role: 'BOOKER', organisationId };
        const res = await expectDatabaseUnchanged(api, () => api.gql(CREATE_USER, { input }, as.adminA));
        expectError(res, 'FORBIDDEN');
      }
    });

    it('a POINT_OPERATOR cannot create users, even in its organisation', async () => {
      const input = { email: 'op-made@test.maillage', displayName: 'Op', password: PASSWORD, role: 'BOOKER', organisationId: tenants.A.organisationId };
      expectError(await expectDatabaseUnchanged(api, () => api.gql(CREATE_USER, { input }, as.operatorA)), 'FORBIDDEN');
    });

    it('an ORGANISATION_ADMIN creates a POINT_OPERATOR in its own organisation', async () => {
      const input = { email: 'new-operator-a@test.maillage', displayName: 'Nouvel opérateur', password: PASSWORD, role: 'POINT_OPERATOR', organisationId: tenants.A.organisationId };
      const res = await api.gql<{ createUser: { role: string; organisationId: string } }>(CREATE_USER, { input }, as.adminA);
      expect(expectData(res).createUser).toMatchObject({ role: 'POINT_OPERATOR', organisationId: tenants.A.organisationId });
    });

    it('an ORGANISATION_ADMIN cannot mint or revoke API keys of another organisation', async () => {
      const mint = await expectDatabaseUnchanged(api, () =>
        api.gql(CREATE_API_KEY, { input: { organisationId: tenants.B.organisationId, name: 'Pirate', role: 'BOOKER' } }, as.adminA),
      );
      expectError(mint, 'FORBIDDEN');
      const [{ id: keyOfB }] = await api.sql<IdRow>(`SELECT id FROM api_key WHERE organisation_id = $1 LIMIT 1`, [tenants.B.organisationId]);
      const revoke = await expectDatabaseUnchanged(api, () => api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: keyOfB }, as.adminA));
      expectError(revoke, 'FORBIDDEN');
    });

    it('a revoked API key stays revoked in the database and is refused with 401', async () => {
      const [row] = await api.sql<{ revoked: boolean }>(`SELECT revoked_at IS NOT NULL AS revoked FROM api_key WHERE id = $1`, [revokedKeyId]);
      expect(row.revoked).toBe(true);
      const res = await api.gql(`{ networkSummary { activePoints } }`, undefined, as.revokedKeyA);
      expectError(res, 'UNAUTHENTICATED', { status: 401 });
    });
  });

  describe('anonymous visitors (GUEST) cannot mutate anything', () => {
    const mutations: [name: string, query: string, variables: () => Record<string, unknown>][] = [
      ['createPoint', `mutation($input: CreatePointInput!) { createPoint(input: $input) { id } }`, () => ({
        input: {
          organisationId: tenants.A.organisationId, slug: 'anonymous-point', name: 'Anonyme', hostSiteType: 'OTHER', accessPolicy: 'OPEN_TO_ALL',
          address: '1 rue', postcode: '22300', town: 'Lannion', latitude: 48.7, longitude: -3.4, networkLine: 'FIBRE', bandwidthKbps: 1024,
          openingSchedule: { weekly: [] },
        },
      })],
      ['updatePoint', UPDATE_POINT, () => ({ id: tenants.A.pointId, input: { name: 'Anonyme' } })],
      ['setOpeningHours', `mutation($id: ID!) { setOpeningHours(pointId: $id, schedule: { weekly: [] }) { id } }`, () => ({ id: tenants.A.pointId })],
      ['addRoom', `mutation($id: ID!) { addRoom(pointId: $id, input: { name: "Anonyme", capacity: 2 }) { id } }`, () => ({ id: tenants.A.pointId })],
      ['updateRoom', `mutation($id: ID!) { updateRoom(id: $id, input: { capacity: 3 }) { id } }`, () => ({ id: tenants.A.roomId })],
      ['removeRoom', `mutation($id: ID!) { removeRoom(id: $id) }`, () => ({ id: tenants.A.roomId })],
      ['addEndpoint', ADD_ENDPOINT, () => ({ roomId: tenants.A.roomId, input: { name: 'Anonyme', kind: 'PHONE', protocol: 'SIP' } })],
      ['updateEndpoint', `mutation($id: ID!) { updateEndpoint(id: $id, input: { name: "Anonyme", kind: PHONE, protocol: SIP }) { id } }`, () => ({ id: endpointIds.A })],
      ['createOrganisation', `mutation { createOrganisation(input: { slug: "anonyme", kind: ASSOCIATION, name: "Anonyme", address: "1 rue", postcode: "22300", town: "Lannion" }) { id } }`, () => ({})],
      ['updateOrganisation', `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Anonyme" }) { id } }`, () => ({ id: tenants.A.organisationId })],
      ['createUser', CREATE_USER, () => ({ input: { email: 'anon@test.maillage', displayName: 'Anon', password: PASSWORD, role: 'BOOKER', organisationId: tenants.A.organisationId } })],
      ['createApiKey', CREATE_API_KEY, () => ({ input: { organisationId: tenants.A.organisationId, name: 'Anon' } })],
      ['revokeApiKey', `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, () => ({ id: revokedKeyId })],
      ['updateApiKey', `mutation($id: ID!) { updateApiKey(id: $id, input: { quotaPerHour: 1 }) { id } }`, () => ({ id: revokedKeyId })],
      ['updateUser', `mutation($id: ID!) { updateUser(id: $id, input: { role: NETWORK_ADMIN }) { id } }`, () => ({ id: '00000000-0000-4000-8000-000000000000' })],
      ['createPriceList', `mutation($p: ID!) { createPriceList(input: { pointId: $p, name: "Anonyme" }) { id } }`, () => ({ p: tenants.A.pointId })],
      ['publishPriceListVersion', `mutation($id: ID!) { publishPriceListVersion(priceListId: $id, input: {
        validFrom: "2030-01-01", vatRateBp: 2000, pricesInclude: "INCL_VAT", unit: { kind: "HOUR" }, rates: [{ category: "COMPANY", territory: "IN", amountCents: 1 }] }) { id } }`,
        () => ({ id: '00000000-0000-4000-8000-000000000000' })],
      ['addOperatingCost', `mutation($p: ID!) { addOperatingCost(input: { pointId: $p, kind: "LINE", label: "Ligne", monthlyCents: 18400, fromMonth: "2026-01" }) { id } }`, () => ({ p: tenants.A.pointId })],
      ['removeOperatingCost', `mutation { removeOperatingCost(id: "00000000-0000-4000-8000-000000000000") }`, () => ({})],
      ['importHostBlocks', `mutation($r: ID!) { importHostBlocks(roomId: $r, ics: "BEGIN:VCALENDAR\\r\\nEND:VCALENDAR") { imported } }`, () => ({ r: tenants.A.roomId })],
      ['addHostBlock', `mutation($r: ID!) { addHostBlock(roomId: $r, start: "2030-01-07T10:00:00+01:00", end: "2030-01-07T12:00:00+01:00", summary: "Théâtre") { id } }`, () => ({ r: tenants.A.roomId })],
      ['removeHostBlock', `mutation { removeHostBlock(id: "00000000-0000-4000-8000-000000000000") }`, () => ({})],
      ['bindAdapter', `mutation($p: ID!) { bindAdapter(pointId: $p, adapterId: "notification-smtp", config: {}) { id } }`, () => ({ p: tenants.A.pointId })],
      ['unbindAdapter', `mutation { unbindAdapter(id: "00000000-0000-4000-8000-000000000000") }`, () => ({})],
      ['replayDeadLetter', `mutation { replayDeadLetter(id: "1") { id } }`, () => ({})],
      ['replayDeadLetters', `mutation { replayDeadLetters(subscriber: "relay") }`, () => ({})],
      ['closeMeeting', `mutation { closeMeeting(reservationId: "00000000-0000-4000-8000-000000000000") { status } }`, () => ({})],
      ['callSipParticipantAgain', `mutation { callSipParticipantAgain(sipCallId: "00000000-0000-4000-8000-000000000000") { id } }`, () => ({})],
      ['hangUpSipCall', `mutation { hangUpSipCall(sipCallId: "00000000-0000-4000-8000-000000000000") { id } }`, () => ({})],
      ['rebuildMeetingRecords', `mutation { rebuildMeetingRecords }`, () => ({})],
      ['resolveIncident', `mutation { resolveIncident(id: "00000000-0000-4000-8000-000000000000", resolution: "Réparé") { id } }`, () => ({})],
      ['testEndpointNow', `mutation($id: ID!) { testEndpointNow(id: $id) { id } }`, () => ({ id: endpointIds.A })],
      ['refreshEndpointStatus', `mutation($id: ID!) { refreshEndpointStatus(id: $id) { state } }`, () => ({ id: endpointIds.A })],
    ];

    it.each(mutations)('%s → UNAUTHENTICATED, nothing written', async (name, query, variables) => {
      const res = await expectDatabaseUnchanged(api, () => api.gql(query, variables(), as.anonymous));
      expectError(res, 'UNAUTHENTICATED');
      expect(res.data?.[name] ?? null).toBeNull();
    });

    /**
     * Reservation mutations: what a guest may request is decided (and tested) by the booking specs;
     * createJoinLink is open to the organiser's access token (meeting-links-for-organiser-side… spec);
     * submitSurvey to the holder of a survey link (meeting-ends-record-survey-once… spec).
     */
    // confirmBooking is public: its signed link is the credential (booking-holds e2e).
    const RESERVATIONS = ['addParticipant', 'approveReservation', 'book', 'bookMany', 'bookRecurring', 'confirmBooking', 'cancelReservation', 'changeReservation', 'createJoinLink', 'extendReservation', 'recordReservationOutcome', 'rejectReservation', 'setBookingPolicy', 'submitSurvey'];

    it('the list covers every mutation of the schema but login and the reservation ones', async () => {
      const res = await api.gql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "Mutation") { fields { name } } }`);
      const names = expectData(res).__type.fields.map((f) => f.name).filter((n) => n !== 'login' && !RESERVATIONS.includes(n));
      expect(names.filter((n) => !mutations.some(([m]) => m === n))).toEqual([]);
      expect(mutations.map(([m]) => m).filter((m) => !names.includes(m))).toEqual([]);
    });
  });

  describe('endpoint adapter secrets are write-only', () => {
    it('no field of the schema exposes them; secretNames lists the names only', async () => {
      const res = await api.gql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "Endpoint") { fields { name } } }`);
      const fields = expectData(res).__type.fields.map((f) => f.name);
      expect(fields.filter((f) => /secret/i.test(f))).toEqual(['secretNames']);
      const asked = await api.gql(`query($id: ID!) { point(id: $id) { rooms { endpoints { adapterSecrets } } } }`, { id: tenants.A.pointId }, as.adminA);
      expectError(asked, 'GRAPHQL_VALIDATION_FAILED', { status: 400 });
    });

    it('no response carries the plaintext, not even to the network admin', async () => {
      const res = await api.gql<PrivatePoint>(READ_PRIVATE, { id: tenants.A.pointId }, as.networkAdmin);
      expectData(res);
      const text = JSON.stringify(res);
      for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    });

    it('the database column holds AES-GCM ciphertext of the secrets, never the plaintext', async () => {
      const [row] = await api.sql<{ adapter_secrets: string; secret_names: string[] }>(`SELECT adapter_secrets, secret_names FROM endpoint WHERE id = $1`, [endpointIds.A]);
      expect(row.secret_names).toEqual(['apiToken', 'password']);
      expect(row.adapter_secrets).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const value of Object.values(SECRETS)) expect(row.adapter_secrets).not.toContain(value);
      expect(api.app.get<symbol, SecretBox>(SECRET_BOX).open(row.adapter_secrets)).toEqual(SECRETS);
      const audit = await api.sql<{ data: unknown }>(`SELECT data FROM audit_entry WHERE entity_type = 'endpoint'`);
      expect(audit.length).toBeGreaterThan(0);
      for (const value of Object.values(SECRETS)) expect(JSON.stringify(audit)).not.toContain(value);
    });
  });
});
