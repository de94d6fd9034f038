// A password-guessing run against one account, spread over 1 000 addresses so that no per-address limit
// stops it: after 10 failures the account is locked for a while (its failure budget refills at 10 per 15
// minutes), the rest of the run costs no password check at all, every refusal looks and lasts the same,
// and another user signs in meanwhile as fast as before. From one address, the per-address limit answers
// RATE_LIMITED with Retry-After.
import { passwordChecks, LOGIN_FAILURE_MS } from '../../src/auth/auth.service';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { createUserAndLogin } from '../reservation-scenario-helpers';

jest.setTimeout(240_000);

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const ATTACKS = 1000;
const PASSWORD = 'correct-horse-battery-staple';

interface Attempt {
  status: number;
  code?: string;
  message?: string;
  ms: number;
  retryAfter: string | null;
}

async function login(api: TestApi, email: string, password: string, ip: string): Promise<Attempt> {
  const started = performance.now();
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('1 000 wrong passwords lock the account, cost no password checks once locked, and do not slow anyone else', () => {
  let api: TestApi;
  const victim = 'victim@lannion.example';
  const other = 'colleague@lannion.example';

  beforeAll(async () => {
    api = await startTestApi({ limits: 'production', env: { TRUST_PROXY: 'loopback' } });
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const [org] = await api.sql<{ id: string }>(`SELECT id FROM organisation ORDER BY slug LIMIT 1`);
    await createUserAndLogin(api, admin, { email: victim, role: 'POINT_OPERATOR', organisationId: org.id });
    await createUserAndLogin(api, admin, { email: other, role: 'POINT_OPERATOR', organisationId: org.id });
    await api.sql(`DELETE FROM rate_limit`);
  });
  afterAll(async () => api?.close());

  it('locks after 10 failures; the run’s other 990 attempts check no password; the colleague signs in meanwhile, as fast as before', async () => {
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await login(api, other, PASSWORD, '192.0.2.10');
      expect(a.code).toBeUndefined();
      baseline.push(a.ms);
    }
    const checksBefore = passwordChecks.count;
    const attacks: Attempt[] = [];
    let next = 0;
    const attacker = async () => {
      for (let i = next++; i < ATTACKS; i = next++) attacks.push(await login(api, victim, `guess-${i}`, `198.18.${Math.floor(i / 250)}.${i % 250}`));
    };
    const during: number[] = [];
    const colleague = async () => {
      for (let i = 0; i < 10; i++) {
        const a = await login(api, other, PASSWORD, '192.0.2.10');
        expect(a.code).toBeUndefined();
        during.push(a.ms);
      }
    };
    await Promise.all([...Array.from({ length: 10 }, attacker), colleague()]);
    const attackChecks = passwordChecks.count - checksBefore - during.length;
    console.log(
      `[abuse] ${ATTACKS} wrong passwords: ${attackChecks} password checks; refusals ${Math.round(Math.min(...attacks.map((a) => a.ms)))}–${Math.round(Math.max(...attacks.map((a) => a.ms)))} ms; colleague median ${median(baseline).toFixed(0)} ms before, ${median(during).toFixed(0)} ms during`,
    );
    expect(attacks).toHaveLength(ATTACKS);
    // Every refusal is the same answer: code, words, status, and at least LOGIN_FAILURE_MS.
    expect(new Set(attacks.map((a) => `${a.status} ${a.code} ${a.message}`))).toEqual(new Set([`200 UNAUTHENTICATED ${attacks[0].message}`]));
    expect(attacks.every((a) => a.ms >= LOGIN_FAILURE_MS - 5)).toBe(true);
    // Locked after the failure budget (10): the run's other attempts ran no scrypt.
    expect(attackChecks).toBeLessThanOrEqual(11);
    // The colleague was not slowed: within a generous factor of the baseline (the machine is shared).
    expect(median(during)).toBeLessThan(median(baseline) * 3 + 300);

    // Locked: even the right password is refused, with the same answer, until the budget refills.
    const right = await login(api, victim, PASSWORD, '192.0.2.99');
    expect([right.code, right.message]).toEqual(['UNAUTHENTICATED', attacks[0].message]);
    // An address without an account answers the same, in the same time.
    const nobody = await login(api, 'nobody@nowhere.example', 'whatever-password', '192.0.2.98');
    expect([nobody.code, nobody.message]).toEqual(['UNAUTHENTICATED', attacks[0].message]);
    expect(nobody.ms).toBeGreaterThanOrEqual(LOGIN_FAILURE_MS - 5);
  });

  it('from one address, the 31st attempt within the hour is RATE_LIMITED (429, Retry-After), whatever the account', async () => {
    await api.sql(`DELETE FROM rate_limit`);
    const attempts: Attempt[] = [];
    for (let i = 0; i < 35; i++) attempts.push(await login(api, `someone-${i}@example.org`, 'wrong-password-1', '203.0.113.50'));
    expect(attempts.map((a) => a.code)).toEqual([...Array<string>(30).fill('UNAUTHENTICATED'), ...Array<string>(5).fill('RATE_LIMITED')]);
    const limited = attempts.slice(30);
    expect(limited.map((a) => [a.status, Number(a.retryAfter) > 0])).toEqual(limited.map(() => [429, true]));
    // Another address is not affected.
    const ok = expectData(await api.gql<{ login: { token: string } }>(LOGIN, { e: other, p: PASSWORD }, { 'x-forwarded-for': '192.0.2.11' }));
    expect(ok.login.token).toMatch(/^mls_/);
  });
});
