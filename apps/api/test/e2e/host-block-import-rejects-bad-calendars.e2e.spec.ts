import { randomUUID } from 'node:crypto';
import { expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { roomOf } from '../booking-fixtures';
import { type CalendarServer, serveText, startCalendarServer, streamBytes, vcalendar } from '../ical-fixtures';

jest.setTimeout(90_000);

const IMPORT = `mutation($r: ID!, $ics: String, $url: String) { importHostBlocks(roomId: $r, ics: $ics, url: $url) { imported } }`;
const EVENT = ['UID:ok@example', 'DTSTART;TZID=Europe/Paris:20991201T100000', 'DURATION:PT1H'];
const MB = 1024 * 1024;

describe('a host calendar that is malformed, unreachable, too big or not http(s) is rejected and changes nothing', () => {
  let api: TestApi;
  let calendars: CalendarServer;
  let admin: Record<string, string>;
  let roomId: string;
  beforeAll(async () => {
    // The test's own servers listen on 127.0.0.1: allowed explicitly (outbound requests reach public addresses only by default, ADR 0011).
    api = await startTestApi({ env: { OUTBOUND_ALLOW: '127.0.0.1' } });
    calendars = await startCalendarServer();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    roomId = (await roomOf(api, 'lannion-tregor-communaute-siege')).roomId;
  });
  afterAll(async () => {
    await calendars.close();
    await api.close();
  });

  const rejects = async (variables: Record<string, unknown>, code: string, field?: string[], headers = admin) =>
    expectError(await expectDatabaseUnchanged(api, () => api.gql(IMPORT, { r: roomId, ...variables }, headers)), code, field ? { field } : {});

  it('rejects malformed iCalendar text with BAD_USER_INPUT on ics', async () => {
    await rejects({ ics: 'this is not a calendar' }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: '' }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20991201T100000Z\r\n' }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART:tomorrow', 'DURATION:PT1H']]) }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART:20991301T100000Z', 'DURATION:PT1H']]) }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DURATION:PT1H']]) }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART;TZID=Mars/Olympus_Mons:20991201T100000', 'DURATION:PT1H']]) }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART;TZID="Europe/Paris:20991201T100000', 'DURATION:PT1H']]) }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART;TZID=Europe/Paris:20991201T100000', 'DURATION:soon']]) }, 'BAD_USER_INPUT', ['ics']);
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART;TZID=Europe/Paris:20991201T100000', 'DURATION:PT1H', 'RRULE:FREQ=SOMETIMES']]) }, 'BAD_USER_INPUT', ['ics']);
    // A rule producing too many occurrences before the booking horizon (hourly since 2020).
    await rejects({ ics: vcalendar([['UID:x', 'DTSTART:20200101T000000Z', 'DURATION:PT30M', 'RRULE:FREQ=HOURLY']]) }, 'BAD_USER_INPUT', ['ics']);
  });

  it('rejects giving both or neither of ics and url', async () => {
    await rejects({}, 'BAD_USER_INPUT');
    await rejects({ ics: vcalendar([EVENT]), url: calendars.url('/a.ics') }, 'BAD_USER_INPUT');
  });

  it('only fetches http and https URLs', async () => {
    for (const url of ['ftp://127.0.0.1/agenda.ics', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:secret@127.0.0.1/a.ics']) {
      await rejects({ url }, 'BAD_USER_INPUT', ['url']);
    }
  });

  it('rejects calendars over 2 MB, declared or streamed, uploaded or fetched', async () => {
    const big = vcalendar([[...EVENT, `DESCRIPTION:${'x'.repeat(3 * MB)}`]]);
    calendars.set('/declared.ics', serveText(big));
    calendars.set('/streamed.ics', (_req, res) => streamBytes(res, 3 * MB));
    const declared = await rejects({ url: calendars.url('/declared.ics') }, 'BAD_USER_INPUT', ['url']);
    expect(declared.extensions?.details).toMatchObject({ maxBytes: 2 * MB });
    await rejects({ url: calendars.url('/streamed.ics') }, 'BAD_USER_INPUT', ['url']);
    // An upload that large is refused before GraphQL sees it (HTTP body limit) or by the 2 MB check.
    const res = await api.gql(IMPORT, { r: roomId, ics: big }, admin);
    expect(res.data?.importHostBlocks ?? null).toBeNull();
    expect(res.status).toBeLessThan(500);
  });

  it('reports a server error, an unreachable host and a silent server as BAD_USER_INPUT on url', async () => {
    calendars.set('/missing.ics', (_req, res) => void res.writeHead(404).end('nope'));
    await rejects({ url: calendars.url('/missing.ics') }, 'BAD_USER_INPUT', ['url']);
    await rejects({ url: 'http://127.0.0.1:1/agenda.ics' }, 'BAD_USER_INPUT', ['url']);
    calendars.set('/silent.ics', () => undefined);
    const started = Date.now();
    const timedOut = await rejects({ url: calendars.url('/silent.ics') }, 'BAD_USER_INPUT', ['url']);
    expect(timedOut.message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('rejects strangers, unknown rooms and bad manual blocks', async () => {
    await rejects({ ics: vcalendar([EVENT]) }, 'UNAUTHENTICATED', undefined, {});
    await rejects({ r: randomUUID(), ics: vcalendar([EVENT]) }, 'NOT_FOUND');
    const add = `mutation($r: ID!, $s: DateTime!, $e: DateTime!) { addHostBlock(roomId: $r, start: $s, end: $e) { id } }`;
    expectError(await expectDatabaseUnchanged(api, () => api.gql(add, { r: roomId, s: '2099-12-01T12:00:00+01:00', e: '2099-12-01T10:00:00+01:00' }, admin)), 'BAD_USER_INPUT', { field: ['end'] });
    expectError(await expectDatabaseUnchanged(api, () => api.gql(`mutation($id: ID!) { removeHostBlock(id: $id) }`, { id: randomUUID() }, admin)), 'NOT_FOUND');
    expectError(await expectDatabaseUnchanged(api, () => api.gql(`mutation($id: ID!) { removeHostBlock(id: $id) }`, { id: 'nope' }, admin)), 'NOT_FOUND');
  });
});
