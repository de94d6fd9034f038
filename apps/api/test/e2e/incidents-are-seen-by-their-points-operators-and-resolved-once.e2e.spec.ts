import { IncidentsService } from '../../src/incidents/incidents.service';
import { expectData, expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, meetingRoom } from '../meeting-fixtures';

const INCIDENTS = `query($filter: IncidentFilter, $first: Int, $after: String) {
  incidents(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind severity cause reservationId pointIds resolvedAt resolution } } }
}`;
const RESOLVE = `mutation($id: ID!, $resolution: String!) { resolveIncident(id: $id, resolution: $resolution) { id resolvedAt resolution } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
type Headers = Record<string, string>;
type Page = { incidents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; kind: string; severity: string; cause: string; reservationId: string | null; pointIds: string[]; resolvedAt: string | null; resolution: string | null } }[] } };

/**
 * Incidents reported by the platform's parts: one per dedupe key, their points derived from the
 * reservation, listed to the operators of those points only (network admins: all), newest first
 * and paged, resolved once with an `incident.resolved` event.
 */
describe('incidents are seen by the operators of their points and resolved once', () => {
  let api: TestApi;
  const as: Record<'admin' | 'operatorLannion' | 'operatorSaintBrieuc', Headers> = { admin: {}, operatorLannion: {}, operatorSaintBrieuc: {} };
  let lannion: { id: string; pointId: string };
  let saintBrieucPointId: string;

  beforeAll(async () => {
    api = await startTestApi();
    as.admin = await api.loginAs(ADMIN.email, ADMIN.password);
    for (const [who, slug] of [
      ['operatorLannion', 'lannion-tregor-communaute'],
      ['operatorSaintBrieuc', 'saint-brieuc-agglomeration'],
    ] as const) {
      const [{ id }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = $1`, [slug]);
      const email = `${slug}@test.maillage`;
      expectData(await api.gql(CREATE_USER, { input: { email, displayName: slug, password: 'operator-password-1', role: 'POINT_OPERATOR', organisationId: id } }, as.admin));
      as[who] = await api.loginAs(email, 'operator-password-1');
    }
    lannion = await bookMeeting(api, await meetingRoom(api));
    [{ id: saintBrieucPointId }] = await api.sql<{ id: string }>(`SELECT id FROM point WHERE slug = 'saint-brieuc-agglomeration-siege'`);
  });
  afterAll(() => api.close());

  it('opens one incident per dedupe key, on the points of its reservation, with one incident.opened event', async () => {
    const incidents = api.app.get(IncidentsService);
    const report = { kind: 'sip.call-failed', severity: 'failure' as const, source: 'sip-drachtio', cause: 'sip-486', detail: 'Busy Here', reservationId: lannion.id, dedupeKey: 'test:busy:1' };
    const first = await incidents.report(report);
    const again = await incidents.report(report);
    expect(again.id).toBe(first.id);
    expect(first.pointIds).toEqual([lannion.pointId]);
    await incidents.report({ kind: 'endpoint.preflight-failed', severity: 'warning', source: 'preflight', cause: 'diagnostics-warning', detail: 'Camera not detected', pointIds: [saintBrieucPointId] });
    const events = await api.sql<{ payload: { incidentId: string; pointIds: string[] } }>(`SELECT payload FROM outbox WHERE event_type = 'incident.opened' ORDER BY id`);
    expect(events.map((e) => e.payload.pointIds)).toEqual([[lannion.pointId], [saintBrieucPointId]]);
  });

  it('lists to each operator the incidents of their own points only, and all of them to the network admin', async () => {
    const kinds = async (who: Headers) => expectData(await api.gql<Page>(INCIDENTS, {}, who)).incidents.edges.map((e) => e.node.kind);
    expect(await kinds(as.operatorLannion)).toEqual(['sip.call-failed']);
    expect(await kinds(as.operatorSaintBrieuc)).toEqual(['endpoint.preflight-failed']);
    expect(await kinds(as.admin)).toEqual(['endpoint.preflight-failed', 'sip.call-failed']);
    expectError(await api.gql(INCIDENTS, {}), 'UNAUTHENTICATED');
    expectError(await api.gql(INCIDENTS, { filter: { pointId: lannion.pointId } }, as.operatorSaintBrieuc), 'FORBIDDEN');
  });

  it('pages newest first with a cursor and filters by reservation and by open or resolved', async () => {
    const first = expectData(await api.gql<Page>(INCIDENTS, { first: 1 }, as.admin)).incidents;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = expectData(await api.gql<Page>(INCIDENTS, { first: 1, after: first.pageInfo.endCursor }, as.admin)).incidents;
    expect([...first.edges, ...second.edges].map((e) => e.node.kind)).toEqual(['endpoint.preflight-failed', 'sip.call-failed']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ofMeeting = expectData(await api.gql<Page>(INCIDENTS, { filter: { reservationId: lannion.id, open: true } }, as.admin)).incidents;
    expect(ofMeeting.edges.map((e) => e.node.cause)).toEqual(['sip-486']);
    expectError(await api.gql(INCIDENTS, { after: 'bm90LWEtY3Vyc29y' }, as.admin), 'BAD_USER_INPUT', { field: ['after'] });
  });

  it('is resolved once by an operator of its point; another organisation sees NOT_FOUND and changes nothing', async () => {
    const [{ id }] = await api.sql<{ id: string }>(`SELECT id FROM incident WHERE kind = 'sip.call-failed'`);
    await expectDatabaseUnchanged(api, async () => {
      expectError(await api.gql(RESOLVE, { id, resolution: 'Rappelé' }, as.operatorSaintBrieuc), 'NOT_FOUND');
      expectError(await api.gql(RESOLVE, { id, resolution: '' }, as.operatorLannion), 'BAD_USER_INPUT');
    });
    const resolved = expectData(await api.gql<{ resolveIncident: { resolvedAt: string; resolution: string } }>(RESOLVE, { id, resolution: 'Salle rappelée, appel repris' }, as.operatorLannion));
    expect(resolved.resolveIncident.resolution).toBe('Salle rappelée, appel repris');
    expectError(await api.gql(RESOLVE, { id, resolution: 'Encore' }, as.operatorLannion), 'CONFLICT');
    const events = await api.sql(`SELECT 1 FROM outbox WHERE event_type = 'incident.resolved' AND aggregate_id = $1`, [id]);
    expect(events).toHaveLength(1);
    const open = expectData(await api.gql<Page>(INCIDENTS, { filter: { open: false } }, as.operatorLannion)).incidents;
    expect(open.edges.map((e) => e.node.id)).toEqual([id]);
  });
});
