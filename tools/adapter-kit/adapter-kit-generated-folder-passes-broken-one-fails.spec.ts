import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..');
const script = (name: string) => ['-r', '@swc-node/register', join(repoRoot, 'tools', 'adapter-kit', name)];

/** Runs one of the kit's commands as `npm run` does (the project's node, from the repo root); never rejects. */
async function kit(name: 'new-adapter.ts' | 'testkit-cli.ts', args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...script(name), ...args], { cwd: repoRoot, timeout: 90_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}

describe('adapter authoring: the generator’s folders pass the external testkit, a broken adapter fails on the expected checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-adapter-kit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates an endpoint driver outside the repo that passes every endpoint check', async () => {
    const made = await kit('new-adapter.ts', ['endpoint', 'polycom-trio', '--out', dir]);
    expect(made.code).toBe(0);
    const folder = join(dir, 'room-polycom-trio');
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'conformance.ts', 'room-polycom-trio.adapter.spec.ts', 'room-polycom-trio.adapter.ts', 'room-polycom-trio.client.ts']);
    expect(readFileSync(join(folder, 'conformance.ts'), 'utf8')).toContain("from '@maillage/adapters'");
    const report = await kit('testkit-cli.ts', [folder]);
    expect(report.err).toBe('');
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/^Conformance report: room-polycom-trio/);
    for (const id of ['manifest', 'init', 'errors-contained', 'endpoint-methods', 'endpoint-status', 'endpoint-diagnostics', 'endpoint-dial-hang-up', 'endpoint-unreachable']) expect(report.out).toMatch(new RegExp(`PASS  ${id} `));
    expect(report.out).toMatch(/12 passed, 0 failed, 2 skipped\nCONFORMANT/);
  }, 120_000);

  it('generates a notification adapter that passes, duplicates included (JSON report)', async () => {
    expect((await kit('new-adapter.ts', ['notification', 'brevo', '--out', dir])).code).toBe(0);
    const report = await kit('testkit-cli.ts', [join(dir, 'notification-brevo'), '--json']);
    expect(report.code).toBe(0);
    const parsed = JSON.parse(report.out) as { adapterId: string; passed: boolean; checks: { id: string; status: string }[] };
    expect(parsed).toMatchObject({ adapterId: 'notification-brevo', passed: true });
    expect(parsed.checks.find((c) => c.id === 'duplicate-events-once')?.status).toBe('pass');
    expect(parsed.checks.filter((c) => c.id.startsWith('endpoint-')).map((c) => c.status)).toEqual(Array(5).fill('skip'));
  }, 120_000);

  it('fails the deliberately broken room system on exactly its faults', async () => {
    const report = await kit('testkit-cli.ts', [join(repoRoot, 'tools', 'adapter-kit', 'fixtures', 'broken-room'), '--json']);
    expect(report.code).toBe(1);
    const parsed = JSON.parse(report.out) as { passed: boolean; failed: string[]; checks: { id: string; status: string; reason?: string }[] };
    expect(parsed.passed).toBe(false);
    expect(parsed.failed.sort()).toEqual(['endpoint-diagnostics', 'endpoint-methods', 'endpoint-status', 'endpoint-unreachable', 'errors-contained']);
    const reason = (id: string) => parsed.checks.find((c) => c.id === id)?.reason ?? '';
    expect(reason('endpoint-methods')).toBe('missing standby');
    // What the broken driver gets right is not reported as broken.
    expect(parsed.checks.find((c) => c.id === 'endpoint-dial-hang-up')).toMatchObject({ status: 'pass' });
    expect(reason('endpoint-status')).toMatch(/state "Asleep" is not one of idle, in-call/);
    expect(reason('endpoint-diagnostics')).toBe('outcome ok does not match its checks (warning)');
    expect(reason('endpoint-unreachable')).toMatch(/status must resolve 'offline', not fail: .*connection refused/);
    expect(reason('errors-contained')).toBe('health is up although the vendor is unreachable');
  }, 120_000);

  it('refuses bad arguments with exit code 2, writing nothing', async () => {
    const badKind = await kit('new-adapter.ts', ['teleporter', 'acme', '--out', dir]);
    expect(badKind).toMatchObject({ code: 2 });
    expect(badKind.err).toMatch(/kind must be one of endpoint, notification/);
    const badVendor = await kit('new-adapter.ts', ['endpoint', 'Acme Corp', '--out', dir]);
    expect(badVendor.code).toBe(2);
    expect(badVendor.err).toMatch(/vendor must be lowercase kebab-case/);
    expect((await kit('new-adapter.ts', ['endpoint', 'polycom-trio', '--out', dir])).err).toMatch(/already exists/);
    expect(existsSync(join(dir, 'room-acme'))).toBe(false);
    const missing = await kit('testkit-cli.ts', [join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nowhere not found \(the folder needs a conformance.ts/);
  }, 120_000);
});
