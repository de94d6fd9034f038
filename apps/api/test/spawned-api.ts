import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ADMIN, GENEROUS_LIMITS, type GraphQLResponse } from './harness';

const repoRoot = resolve(__dirname, '..', '..', '..');
export const TEST_ADAPTERS_MODULE = join(__dirname, 'fixtures', 'test-adapters.ts');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface SpawnedApi {
  url: string;
  child: ChildProcess;
  output(): string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  loginAsAdmin(): Promise<Record<string, string>>;
  /** Sends `signal` and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `node -r @swc-node/register apps/api/src/main.ts` on `databaseUrl`, seeded, on a free 127.0.0.1 port. */
export async function spawnApi(databaseUrl: string, env: Record<string, string> = {}): Promise<SpawnedApi> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(repoRoot, 'apps/api/src/main.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.json'),
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'test',
      SEED: '1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MAILLAGE_EXTRA_ADAPTERS: TEST_ADAPTERS_MODULE,
      ...GENEROUS_LIMITS,
      ...env,
    },
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`API exited while starting:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not start within 60 s:\n${log}`);
    }
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const gql: SpawnedApi['gql'] = async (query, variables, headers = {}) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, ...((await res.json()) as object) };
  };
  return {
    url,
    child,
    output: () => log,
    gql,
    loginAsAdmin: async () => {
      const res = await gql<{ login: { token: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password });
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return { authorization: `Bearer ${res.data.login.token}` };
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
