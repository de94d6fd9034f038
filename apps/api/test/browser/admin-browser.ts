// Shared by the admin console's browser tests (and any page behind /admin): Debian's chromium, signing in
// through the login page or with a token, users of a given role, axe-core and screenshots.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN, type TestApi } from '../harness';
import { ensureChromium } from './chromium';

export { describeInBrowser } from './chromium';
export const ROOT = join(__dirname, '..', '..', '..', '..');
export const SHOTS = join(ROOT, 'tmp', 'screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The key under which the web app keeps the session's bearer token (apps/admin/src/api.ts, AUTH_TOKEN_KEY). */
export const AUTH_TOKEN_KEY = 'maillage.admin.token';

export { ADMIN };


/** Builds apps/admin when stale (tools/build-admin.mjs) and makes the screenshots folder. */
export function buildWebApp(): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/build-admin.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building apps/admin failed');
  mkdirSync(SHOTS, { recursive: true });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

/** A French, Paris-time browser context (a phone: `{ width: 390, height: 844 }`). */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport });
  return { context, page: await context.newPage() };
}

/**
 * Signs in through the login page (/admin/connexion), as a person would, and waits for the console.
 * `next`: the console page to land on (default /admin, the points list).
 */
export async function signInThroughLoginPage(page: Page, apiUrl: string, email: string, password: string, next = '/admin'): Promise<void> {
  await page.goto(`${apiUrl}/admin/connexion?suite=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('signed-in-user').waitFor();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Signs a browser context in without the login page: the token (api.loginAs) goes where the app keeps it. */
export async function signInWithToken(context: BrowserContext, authorization: Record<string, string>): Promise<void> {
  const token = authorization.authorization!.replace(/^Bearer /, '');
  await context.addInitScript({ content: `sessionStorage.setItem(${JSON.stringify(AUTH_TOKEN_KEY)}, ${JSON.stringify(token)});` });
}

/** Creates a user of an organisation through GraphQL (as the network admin) and returns its credentials. */
export async function createUser(api: TestApi, role: 'ORGANISATION_ADMIN' | 'POINT_OPERATOR' | 'BOOKER', organisationId: string, email: string): Promise<{ email: string; password: string; id: string }> {
  const admin = await api.loginAs(ADMIN.email, ADMIN.password);
  const password = `${role.toLowerCase()}-password-2026`;
  const res = await api.gql<{ createUser: { id: string } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, password, displayName: email.split('@')[0], role, organisationId } },
    admin,
  );
  if (!res.data) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  return { email, password, id: res.data.createUser.id };
}

export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number; targets: string[] }[]> {
  // Evaluated through the DevTools protocol, not a <script> tag: the page's Content-Security-Policy stays as served.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(): Promise<Result> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => String(n.target[0])) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Horizontal overflow of the page in CSS pixels (0 or less: fits the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
}

/** The elements that stick out of the viewport on the right (tag.class and width), to say why a page overflows. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.table-scroll'))
    .slice(-5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '') + ' ' + Math.round(el.getBoundingClientRect().width))`) as Promise<string[]>;
}
