import { MAX_MESSAGE_BYTES } from '@maillage/media';
import { JoinTokens } from '../../src/meetings/join-tokens';
import { startTestApi, type TestApi } from '../harness';
import { type BookedMeeting, bookMeeting, createJoinLink, mediaOf, meetingClock, meetingRoom, SignallingTestClient } from '../meeting-fixtures';

/**
 * Every bad input on the signalling socket of one meeting is answered with a typed error; the
 * socket stays usable except after an authentication refusal or an oversized frame; and a
 * participant of another meeting (another router) keeps being served throughout.
 */
describe('bad signalling inputs get typed errors while another meeting keeps working', () => {
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let lannion: BookedMeeting;
  let morlaix: BookedMeeting;
  /** The participant of the other meeting, pinged after each case. */
  let bystander: SignallingTestClient;
  let pidsBefore: number[];
  const clients: SignallingTestClient[] = [];

  const connect = async (query = '') => {
    const client = await SignallingTestClient.connect(api, query);
    clients.push(client);
    return client;
  };
  const joined = async (meeting: BookedMeeting, name: string) => {
    const { token } = await createJoinLink(api, meeting, name);
    const client = await connect();
    const reply = await client.join(token);
    if (!reply.ok) throw new Error(`join failed: ${JSON.stringify(reply.error)}`);
    return client;
  };
  /** The other meeting still answers a real media request (a transport on its router). */
  const bystanderStillServed = async () => {
    const reply = await bystander.request('createTransport', { direction: 'recv' });
    expect(reply.ok).toBe(true);
  };

  beforeAll(async () => {
    process.env.SIGNALLING_JOIN_TIMEOUT_MS = '2000';
    api = await startTestApi();
    delete process.env.SIGNALLING_JOIN_TIMEOUT_MS;
    lannion = await bookMeeting(api, await meetingRoom(api, 'lannion-tregor-communaute-siege'), { title: 'Réunion à Lannion' });
    morlaix = await bookMeeting(api, await meetingRoom(api, 'morlaix-communaute-siege'), { title: 'Réunion à Morlaix' });
    clock = meetingClock(api);
    await clock.at(lannion.start);
    bystander = await joined(morlaix, 'Participant de Morlaix');
    pidsBefore = mediaOf(api).workerPids();
  });
  afterEach(async () => {
    await bystanderStillServed();
    expect(mediaOf(api).workerPids()).toEqual(pidsBefore);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    clock.restore();
    await api.close();
  });

  it('malformed JSON, a non-object, an unknown method and bad data: BAD_REQUEST, and the socket stays usable', async () => {
    const client = await joined(lannion, 'Camille');
    expect(await client.sendExpectingUnsolicited('{"id": 1, "method": ')).toMatchObject({ id: null, ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await client.sendExpectingUnsolicited('[1, 2, 3]')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await client.sendRaw(JSON.stringify({ id: 901, method: 'teleport', data: {} }), 901)).toMatchObject({ id: 901, ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/unknown method/) } });
    expect(await client.sendRaw(JSON.stringify({ id: 902, method: 'createTransport', data: { direction: 'sideways' } }), 902)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await client.sendExpectingUnsolicited(Buffer.from([1, 2, 3]), { binary: true })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await client.request('join', { token: 'x'.repeat(40) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'already joined' } });
    expect((await client.request('createTransport', { direction: 'send' })).ok).toBe(true);
  });

  it('produce before connect: NOT_CONNECTED; consume an unknown producer: NOT_FOUND; another participant’s transport: FORBIDDEN', async () => {
    const alice = await joined(lannion, 'Alice');
    const bob = await joined(lannion, 'Bob');
    const send = await alice.request('createTransport', { direction: 'send' });
    const recv = await alice.request('createTransport', { direction: 'recv' });
    if (!send.ok || !recv.ok) throw new Error('createTransport failed');
    const rtpParameters = { codecs: [], encodings: [] };
    expect(await alice.request('produce', { transportId: send.data.transportId, kind: 'audio', source: 'microphone', rtpParameters })).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
    expect(await alice.request('consume', { transportId: recv.data.transportId, producerId: 'no-such-producer', rtpCapabilities: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await bob.request('produce', { transportId: send.data.transportId, kind: 'audio', source: 'microphone', rtpParameters })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await bob.request('resume', { consumerId: 'no-such-consumer' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Still joined and served.
    expect((await bob.request('createTransport', { direction: 'recv' })).ok).toBe(true);
  });

  it('an oversized frame: TOO_LARGE, then the socket is closed (1009); beyond ws’s limit, closed at once', async () => {
    const client = await joined(lannion, 'Gros message');
    const big = JSON.stringify({ id: 7, method: 'createTransport', data: { direction: 'send', padding: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(await client.sendExpectingUnsolicited(big)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect((await client.closed).code).toBe(1009);
    const huge = await joined(lannion, 'Énorme message');
    huge.ws.send('y'.repeat(4 * MAX_MESSAGE_BYTES));
    expect((await huge.closed).code).toBe(1009);
  });

  it('a request before join: UNAUTHENTICATED and closed; no join at all: closed after the join timeout', async () => {
    const early = await connect();
    expect(await early.request('createTransport', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await early.closed).code).toBe(4001);
    const silent = await connect();
    const { code } = await silent.closed;
    expect(code).toBe(4002);
    expect(silent.unsolicited[0]).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a tampered token: UNAUTHENTICATED; a link to another meeting than the socket’s: FORBIDDEN; both closed', async () => {
    const link = await createJoinLink(api, lannion, 'Mallory');
    const [payload, signature] = link.token.split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('Mallory', 'Camille')).toString('base64url');
    const tampered = await connect();
    expect(await tampered.join(`${forged}.${signature}`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await tampered.closed).code).toBe(4001);
    const foreign = await connect(`?meeting=${morlaix.id}`);
    expect(await foreign.join(link.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await foreign.closed).code).toBe(4001);
  });

  it('a request flood on one socket: RATE_LIMITED beyond the burst, and usable again a moment later', async () => {
    const client = await joined(lannion, 'Pressé');
    const replies = await Promise.all(Array.from({ length: 160 }, () => client.request('resume', { consumerId: 'none' })));
    const codes = replies.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(new Set(codes)).toEqual(new Set(['NOT_FOUND', 'RATE_LIMITED']));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await client.request('createTransport', { direction: 'recv' })).ok).toBe(true);
  });

  it('a burst of 100 joins on one meeting: each answered (joined, RATE_LIMITED or MEETING_FULL), never more than 25 in', async () => {
    const tokens = api.app.get(JoinTokens);
    const links = Array.from({ length: 100 }, (_, i) => tokens.issue({ id: lannion.id, start: lannion.start, end: lannion.end }, { name: `Invité ${i + 1}`, role: 'guest' }).token);
    const sockets = await Promise.all(links.map(() => connect()));
    const replies = await Promise.all(sockets.map((s, i) => s.join(links[i])));
    const codes = replies.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.every((c) => ['OK', 'RATE_LIMITED', 'MEETING_FULL'].includes(c))).toBe(true);
    expect(codes.filter((c) => c !== 'OK').length).toBeGreaterThan(0);
    expect(mediaOf(api).bridge(lannion.id)!.peers().length).toBeLessThanOrEqual(25);
    // A refused join leaves the socket open: the client may try again.
    const refused = sockets[codes.findIndex((c) => c !== 'OK')];
    expect(refused.ws.readyState).toBe(refused.ws.OPEN);
    for (const s of sockets) s.close();
  });
});
