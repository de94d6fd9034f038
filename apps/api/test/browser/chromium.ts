// Every browser test runs on a fresh machine too: Debian's Chromium is found at /usr/bin/chromium, or
// installed (`apt-get install -y chromium`, when running as root where apt-get exists), or the test fails
// saying what is missing. Never a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

export const CHROMIUM = '/usr/bin/chromium';

let checked: string | undefined;

/** The Chromium binary, installed on the way when it is missing and this process may; otherwise throws with the fix. */
export function ensureChromium(): string {
  if (checked) return checked;
  if (!existsSync(CHROMIUM)) {
    const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' });
    if (userInfo().uid === 0 && apt.status === 0) {
      console.log(`[browser tests] ${CHROMIUM} is missing: apt-get install -y chromium`);
      spawnSync('apt-get', ['update'], { stdio: 'inherit' });
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (as root; .ci/run does), then run the tests again.`);
    }
  }
  return (checked = CHROMIUM);
}

/** `describe` for a browser test: Chromium is made sure of first (installed or a clear failure), never skipped. */
export function describeInBrowser(name: string, body: () => void): void {
  describe(name, () => {
    beforeAll(() => {
      ensureChromium();
    }, 15 * 60_000);
    body();
  });
}
