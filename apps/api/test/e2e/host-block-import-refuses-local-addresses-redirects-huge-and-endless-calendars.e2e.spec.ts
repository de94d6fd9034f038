// The host-block import fetches what an operator types: by default (no OUTBOUND_ALLOW) it must not reach
// the machine itself, its network or a cloud's metadata, not even through a redirect or a DNS name, and
// must not take a huge or endless calendar. Each attempt is a typed error, writes nothing, and — counted by
// local servers — fetches nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectDatabaseUnchanged, expectError } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { roomOf } from '../booking-fixtures';
import { streamBytes, vcalendar } from '../ical-fixtures';

jest.setTimeout(120_000);

const IMPORT = `mutation($r: ID!, $ics: String, $url: String) { importHostBlocks(roomId: $r, ics: $ics, url: $url) { imported } }`;
const MB = 1024 * 1024;

/** A local HTTP server that counts the requests it receives and answers each with `handler`. */
async function countingServer(handler: (path: string, res: import('node:http').ServerResponse) => void): Promise<{ port: number; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '/');
    handler(req.url ?? '/', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('importHostBlocks refuses local and private addresses, redirects to them, huge and endless calendars: typed errors, nothing written, nothing fetched', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let roomId: string;
  let target: Awaited<ReturnType<typeof countingServer>>;
  let redirector: Awaited<ReturnType<typeof countingServer>>;
  let dbPort: number;

  beforeAll(async () => {
    target = await countingServer((_path, res) => void res.writeHead(200, { 'content-type': 'text/calendar' }).end(vcalendar([['UID:x@t', 'DTSTART:20991201T100000Z', 'DURATION:PT1H']])));
    redirector = await countingServer((path, res) => {
      if (path === '/to-loopback.ics') return void res.writeHead(302, { location: `http://127.0.0.1:${target.port}/secret.ics` }).end();
      if (path === '/to-metadata.ics') return void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (path === '/to-mapped.ics') return void res.writeHead(307, { location: `http://[::ffff:127.0.0.1]:${target.port}/secret.ics` }).end();
      if (path === '/loop.ics') return void res.writeHead(302, { location: '/loop.ics' }).end();
      if (path === '/big.ics') return streamBytes(res, 3 * MB);
      res.writeHead(404).end();
    });
    // Only the redirector's port is allowed (to reach the redirects at all); the target, the database and everything else local is not.
    api = await startTestApi({ env: { OUTBOUND_ALLOW: `127.0.0.1:${redirector.port}` } });
    dbPort = Number(new URL(api.databaseUrl).port || 5432);
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    roomId = (await roomOf(api, 'lannion-tregor-communaute-siege')).roomId;
  });
  afterAll(async () => {
    await api?.close();
    await target?.close();
    await redirector?.close();
  });

  const refused = async (variables: { url?: string; ics?: string }, field: string) => {
    const res = await expectDatabaseUnchanged(api, () => api.gql(IMPORT, { r: roomId, ...variables }, admin));
    return expectError(res, 'BAD_USER_INPUT', { field: [field] });
  };

  it('refuses other schemes than http(s): file://, ftp://, gopher://', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/agenda.ics', 'gopher://127.0.0.1:70/']) await refused({ url }, 'url');
  });

  it(`refuses the loopback in every spelling — the database's own port, [::1], localhost, 0x7f000001, IPv4-mapped IPv6 — and fetches nothing`, async () => {
    const urls = [
      `http://127.0.0.1:${dbPort}/`,
      `http://[::1]:${target.port}/agenda.ics`,
      `http://localhost:${target.port}/agenda.ics`,
      `http://0x7f000001:${target.port}/agenda.ics`,
      `http://127.1:${target.port}/agenda.ics`,
      `http://[::ffff:127.0.0.1]:${target.port}/agenda.ics`,
      `http://127.0.0.1:${target.port}/agenda.ics`,
    ];
    for (const url of urls) {
      const error = await refused({ url }, 'url');
      expect(error.message).toMatch(/may not be fetched/);
    }
    expect(target.hits).toEqual([]);
  });

  it('refuses private, link-local, CGNAT and metadata addresses before connecting', async () => {
    for (const url of ['http://10.0.0.1/a.ics', 'http://192.168.1.1/a.ics', 'http://172.16.5.4/a.ics', 'http://100.64.0.1/a.ics', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://[fe80::1]/']) {
      const error = await refused({ url }, 'url');
      expect(error.message).toMatch(/may not be fetched/);
    }
  });

  it('follows a redirect only after checking where it goes: to the loopback, the metadata service or a mapped address is refused, the target never hit', async () => {
    for (const path of ['/to-loopback.ics', '/to-metadata.ics', '/to-mapped.ics']) {
      const error = await refused({ url: `http://127.0.0.1:${redirector.port}${path}` }, 'url');
      expect(error.message).toMatch(/may not be fetched/);
    }
    expect(redirector.hits).toEqual(['/to-loopback.ics', '/to-metadata.ics', '/to-mapped.ics']);
    expect(target.hits).toEqual([]);
    const loop = await refused({ url: `http://127.0.0.1:${redirector.port}/loop.ics` }, 'url');
    expect(loop.message).toMatch(/redirects/);
    expect(redirector.hits.filter((h) => h === '/loop.ics')).toHaveLength(6);
  });

  it('stops reading a 3 MB calendar at 2 MB, fetched or uploaded', async () => {
    const fetched = await refused({ url: `http://127.0.0.1:${redirector.port}/big.ics` }, 'url');
    expect(fetched.extensions?.details).toMatchObject({ maxBytes: 2 * MB });
    const big = vcalendar([['UID:big@t', 'DTSTART:20991201T100000Z', 'DURATION:PT1H', `DESCRIPTION:${'x'.repeat(3 * MB)}`]]);
    const res = await expectDatabaseUnchanged(api, () => api.gql(IMPORT, { r: roomId, ics: big }, admin));
    expect(res.data?.importHostBlocks ?? null).toBeNull();
    expect(res.status).toBeLessThan(500);
  });

  it('refuses an RRULE FREQ=SECONDLY over ten years without expanding it', async () => {
    const now = new Date();
    const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const tenYears = new Date(now.getTime() + 10 * 365 * 86_400_000);
    const started = Date.now();
    const error = await refused({ ics: vcalendar([['UID:every-second@t', `DTSTART:${stamp(now)}`, 'DURATION:PT1S', `RRULE:FREQ=SECONDLY;UNTIL=${stamp(tenYears)}`]]) }, 'ics');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error.extensions?.messageFr).toBeDefined();
  });
});
