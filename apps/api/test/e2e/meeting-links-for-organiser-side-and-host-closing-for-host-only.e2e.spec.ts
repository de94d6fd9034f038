import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, CREATE_JOIN_LINK, createJoinLink, eventually, meetingClock, meetingRoom, SignallingTestClient } from '../meeting-fixtures';

type Headers = Record<string, string>;
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';

const PASSWORD = 'a-long-enough-password';
const MEETING = `query($r: ID!, $t: String) { meeting(reservationId: $r, accessToken: $t) { reservationId status participants { name role } attendance { name leftReason } } }`;
const CLOSE = `mutation($r: ID!) { closeMeeting(reservationId: $r) { status closeReason participants { name } attendance { name leftReason } } }`;

interface MeetingState {
  status: string;
  closeReason?: string | null;
  participants: { name: string; role?: string }[];
  attendance: { name: string; leftReason: string | null }[];
}

/**
 * Join links and the live state are for the organiser's side (its access token, the booking
 * account, its organisation's members) and the host (operators of the meeting's point, network
 * admins); closing a meeting is for the host only. The state is also a graphql-ws subscription,
 * served on /graphql next to the signalling sockets on /meet/ws.
 */
describe('join links for the organiser’s side and the host; closing for the host only', () => {
  let api: TestApi;
  let meeting: BookedMeeting;
  let clock: ReturnType<typeof meetingClock>;
  const as: Record<string, Headers> = {};
  const clients: SignallingTestClient[] = [];
  let subscriptions: Client | undefined;

  async function createUser(email: string, role: string, organisationSlug: string): Promise<Headers> {
    const [{ id }] = await api.sql<{ id: string }>(`SELECT id FROM organisation WHERE slug = $1`, [organisationSlug]);
    const res = await api.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { email, displayName: email, password: PASSWORD, role, organisationId: id } }, as.networkAdmin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return api.loginAs(email, PASSWORD);
  }

  beforeAll(async () => {
    api = await startTestApi();
    as.networkAdmin = await api.loginAs(ADMIN.email, ADMIN.password);
    as.organiser = await createUser('organiser@saint-brieuc.test', 'BOOKER', 'saint-brieuc-agglomeration');
    as.colleague = await createUser('colleague@saint-brieuc.test', 'BOOKER', 'saint-brieuc-agglomeration');
    as.stranger = await createUser('booker@morlaix.test', 'BOOKER', 'morlaix-communaute');
    as.hostOperator = await createUser('operator@lannion.test', 'POINT_OPERATOR', 'lannion-tregor-communaute');
    as.otherOperator = await createUser('operator@morlaix.test', 'POINT_OPERATOR', 'morlaix-communaute');
    as.anonymous = {};
    meeting = await bookMeeting(api, await meetingRoom(api), { headers: as.organiser, title: 'Comité de suivi' });
    clock = meetingClock(api);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await subscriptions?.dispose();
    clock.restore();
    await api.close();
  });

  const outcome = (res: { data?: unknown; errors?: { extensions?: { code?: string } }[] }): Outcome | string =>
    res.errors ? String(res.errors[0].extensions?.code) : 'ok';

  it.each<[string, Outcome, Outcome]>([
    ['anonymous', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ['organiser', 'ok', 'FORBIDDEN'],
    ['colleague', 'ok', 'FORBIDDEN'],
    ['stranger', 'FORBIDDEN', 'FORBIDDEN'],
    ['otherOperator', 'FORBIDDEN', 'FORBIDDEN'],
    ['hostOperator', 'ok', 'CONFLICT' as Outcome],
    ['networkAdmin', 'ok', 'CONFLICT' as Outcome],
  ])('%s: createJoinLink and meeting %s, closeMeeting %s (CONFLICT: allowed, but not open yet)', async (who, links, close) => {
    const link = await api.gql(CREATE_JOIN_LINK, { r: meeting.id, n: `Invité de ${who}` }, as[who]);
    expect(outcome(link)).toBe(links);
    expect(outcome(await api.gql(MEETING, { r: meeting.id }, as[who]))).toBe(links);
    expect(outcome(await api.gql(CLOSE, { r: meeting.id }, as[who]))).toBe(close);
  });

  it('the organiser without an account: with the access token only; a wrong token is FORBIDDEN', async () => {
    expect(outcome(await api.gql(CREATE_JOIN_LINK, { r: meeting.id, n: 'Élu', role: 'HOST', t: meeting.accessToken }))).toBe('ok');
    expect(outcome(await api.gql(MEETING, { r: meeting.id, t: meeting.accessToken }))).toBe('ok');
    expect(outcome(await api.gql(CREATE_JOIN_LINK, { r: meeting.id, n: 'Élu', t: 'mlr_wrong' }))).toBe('FORBIDDEN');
  });

  it('refuses a blank or overlong name (BAD_USER_INPUT on `name`) and an unknown reservation (NOT_FOUND)', async () => {
    for (const n of ['   ', 'x'.repeat(81)]) {
      const res = await api.gql(CREATE_JOIN_LINK, { r: meeting.id, n }, as.networkAdmin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['name'] });
    }
    const unknown = await api.gql(CREATE_JOIN_LINK, { r: '00000000-0000-4000-8000-000000000000', n: 'Personne' }, as.networkAdmin);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('the host sees who is connected live (graphql-ws subscription beside the signalling sockets), closes the meeting, and everyone is told and disconnected', async () => {
    await clock.at(meeting.start);
    const states: MeetingState[] = [];
    subscriptions = createClient({
      url: `${api.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: as.hostOperator.authorization },
    });
    subscriptions.subscribe<{ meetingState: MeetingState }>(
      { query: `subscription($r: ID!) { meetingState(reservationId: $r) { status closeReason participants { name role } attendance { name leftReason } } }`, variables: { r: meeting.id } },
      { next: (msg) => msg.data && states.push(msg.data.meetingState), error: (e) => states.push({ status: `error ${JSON.stringify(e)}`, participants: [], attendance: [] }), complete: () => undefined },
    );
    await eventually(async () => states.length > 0);
    expect(states[0]).toMatchObject({ status: 'OPEN', participants: [] });

    for (const [name, role] of [['Salle de Lannion', 'ROOM'], ['Camille Martin', 'GUEST']] as const) {
      const { token } = await createJoinLink(api, meeting, name, role, as.colleague);
      const client = await SignallingTestClient.connect(api);
      clients.push(client);
      expect((await client.join(token)).ok).toBe(true);
    }
    await eventually(async () => states.some((s) => s.participants.length === 2));
    const live = await api.gql<{ meeting: MeetingState }>(MEETING, { r: meeting.id }, as.organiser);
    expect(live.data?.meeting.participants).toEqual([
      { name: 'Salle de Lannion', role: 'ROOM' },
      { name: 'Camille Martin', role: 'GUEST' },
    ]);

    expect(outcome(await api.gql(CLOSE, { r: meeting.id }, as.colleague))).toBe('FORBIDDEN');
    const closed = await api.gql<{ closeMeeting: MeetingState }>(CLOSE, { r: meeting.id }, as.hostOperator);
    expect(closed.data?.closeMeeting).toMatchObject({ status: 'CLOSED', closeReason: 'closed-by-operator', participants: [] });
    for (const client of clients) {
      expect((await client.waitFor('meetingClosed')).data).toEqual({ reason: 'closed-by-operator' });
      expect((await client.closed).code).toBe(4004);
    }
    const last = await eventually(async () => states.find((s) => s.status === 'CLOSED' && s.attendance.every((a) => a.leftReason)));
    expect(last.attendance).toEqual([
      { name: 'Salle de Lannion', leftReason: 'meeting-closed' },
      { name: 'Camille Martin', leftReason: 'meeting-closed' },
    ]);
    const events = await api.sql<{ event_type: string }>(`SELECT event_type FROM outbox WHERE aggregate_id = $1 AND event_type LIKE 'meeting.%' ORDER BY id`, [meeting.id]);
    expect(events.map((e) => e.event_type)).toEqual(['meeting.opened', 'meeting.participant-joined', 'meeting.participant-joined', 'meeting.closed', 'meeting.participant-left', 'meeting.participant-left']);
    expect(outcome(await api.gql(CLOSE, { r: meeting.id }, as.hostOperator))).toBe('CONFLICT');
  });
});
