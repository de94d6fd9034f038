import { meetingRoom } from '../meeting-fixtures';
import { expectData, expectError } from '../e2e-assertions';
import { type Figures, METRICS, type MetricsData, OUTCOME, pastMeeting, recordOf } from '../evaluation-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';

type Headers = Record<string, string>;
const PASSWORD = 'a-long-enough-password';
const RECORDS = `query($f: EvaluationFilter!) { meetingRecords(filter: $f, first: 50) { totalCount records { reference pointName } } }`;
const PUBLIC = `query($y: Int!) { publicEvaluationSummary(year: $y) {
  year activePoints totals { records completed uses co2eNetKg kmAvoided satisfaction }
  byMonth { month uses } byCategory { key records } byDestination { key records }
} }`;

jest.setTimeout(120_000);

describe('evaluation tenancy: EPCI A reads its own records only, the network admin all, the public an anonymised summary', () => {
  let api: TestApi;
  const as = {} as Record<'admin' | 'adminA' | 'operatorA' | 'bookerA' | 'adminB' | 'anonymous', Headers>;
  const org = {} as Record<'A' | 'B', string>;
  const point = {} as Record<'A' | 'B', string>;
  const meetings = {} as Record<'A' | 'B', Awaited<ReturnType<typeof pastMeeting>>>;

  const createUser = async (email: string, role: string, organisationId: string): Promise<Headers> => {
    expectData(await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { email, displayName: email, password: PASSWORD, role, organisationId } }, as.admin));
    return api.loginAs(email, PASSWORD);
  };

  beforeAll(async () => {
    api = await startTestApi();
    as.admin = await api.loginAs(ADMIN.email, ADMIN.password);
    as.anonymous = {};
    for (const [k, slug] of [['A', 'lannion-tregor-communaute'], ['B', 'saint-brieuc-agglomeration']] as const) {
      const room = await meetingRoom(api, `${slug}-siege`);
      [{ id: org[k] }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = $1`, [slug]);
      point[k] = room.pointId;
      meetings[k] = await pastMeeting(api, [room.roomId], { organiser: { name: `Organisateur ${k}`, email: `organisateur-${k.toLowerCase()}@example.org` } }, k === 'A' ? 1 : 2);
      expectData(await api.gql(OUTCOME, { id: meetings[k].id, o: 'COMPLETED' }, as.admin));
      await recordOf(api, meetings[k].id);
    }
    as.adminA = await createUser('admin-a@test.maillage', 'ORGANISATION_ADMIN', org.A);
    as.operatorA = await createUser('operator-a@test.maillage', 'POINT_OPERATOR', org.A);
    as.bookerA = await createUser('booker-a@test.maillage', 'BOOKER', org.A);
    as.adminB = await createUser('admin-b@test.maillage', 'ORGANISATION_ADMIN', org.B);
  });
  afterAll(() => api.close());

  const month = () => meetings.A.month;
  const filter = (extra: Record<string, unknown> = {}) => ({ f: { from: month(), to: month(), ...extra } });

  it.each([
    ['admin', {}, ['A', 'B']],
    ['admin', { organisationId: 'B' }, ['B']],
    ['adminA', {}, ['A']],
    ['adminA', { organisationId: 'A' }, ['A']],
    ['operatorA', {}, ['A']],
    ['adminB', {}, ['B']],
  ] as const)('%s with %j reads the records of %j', async (who, extra, expected) => {
    const f = 'organisationId' in extra ? filter({ organisationId: org[extra.organisationId as 'A' | 'B'] }) : filter();
    const page = expectData(await api.gql<{ meetingRecords: { records: { reference: string }[] } }>(RECORDS, f, as[who])).meetingRecords;
    expect(page.records.map((r) => r.reference).sort()).toEqual(expected.map((k) => meetings[k].reference).sort());
    const m = expectData(await api.gql<MetricsData>(METRICS, f, as[who])).evaluationMetrics;
    expect(m.totals.completed).toBe(expected.length);
  });

  it.each([
    ['adminA', { organisationId: 'B' }, 'FORBIDDEN'],
    ['adminA', { pointId: 'B' }, 'FORBIDDEN'],
    ['adminB', { organisationId: 'A' }, 'FORBIDDEN'],
    ['bookerA', {}, 'FORBIDDEN'],
    ['anonymous', {}, 'UNAUTHENTICATED'],
  ] as const)('%s with %j is refused %s, for records, metrics and exports', async (who, extra, code) => {
    const target = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, k === 'organisationId' ? org[v as 'A' | 'B'] : point[v as 'A' | 'B']]));
    expectError(await api.gql(RECORDS, filter(target), as[who]), code);
    expectError(await api.gql(METRICS, filter(target), as[who]), code);
    const query = new URLSearchParams({ from: month(), to: month(), ...target }).toString();
    const csv = await fetch(`${api.url}/evaluation/records.csv?${query}`, { headers: as[who] });
    expect([csv.status, ((await csv.json()) as { code: string }).code]).toEqual([code === 'FORBIDDEN' ? 403 : 401, code]);
  });

  it('the CSV of EPCI A lists A’s meeting and not B’s', async () => {
    const csv = await (await fetch(`${api.url}/evaluation/records.csv?from=${month()}&to=${month()}`, { headers: as.adminA })).text();
    expect(csv).toContain(meetings.A.reference);
    expect(csv).not.toContain(meetings.B.reference);
  });

  it('anyone reads the anonymised yearly summary: counts and sums, no name, e-mail or reference', async () => {
    const year = Number(month().slice(0, 4));
    const res = await api.gql<{ publicEvaluationSummary: { totals: Figures; activePoints: number } }>(PUBLIC, { y: year });
    const s = expectData(res).publicEvaluationSummary;
    expect(s.totals).toMatchObject({ records: 2, completed: 2, uses: 2 });
    expect(s.activePoints).toBeGreaterThan(40);
    const text = JSON.stringify(res);
    const [names] = [await api.sql<{ name: string }>(`SELECT name FROM point WHERE id = ANY($1)`, [[point.A, point.B]])];
    for (const forbidden of [meetings.A.reference, meetings.B.reference, 'organisateur-a@example.org', 'Organisateur B', 'Réunion de coordination', ...names.map((n) => n.name)]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it('bad filters get a typed error', async () => {
    expectError(await api.gql(METRICS, { f: { from: '2026-13', to: '2026-01' } }, as.admin), 'BAD_USER_INPUT');
    expectError(await api.gql(METRICS, { f: { from: '2026-05', to: '2026-01' } }, as.admin), 'BAD_USER_INPUT');
    expectError(await api.gql(METRICS, { f: { from: '2000-01', to: '2026-01' } }, as.admin), 'BAD_USER_INPUT');
    expectError(await api.gql(PUBLIC, { y: 1789 }), 'BAD_USER_INPUT');
  });
});
