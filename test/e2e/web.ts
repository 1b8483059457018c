// The web app in a real browser: Debian's chromium driven by playwright-core, against the API the
// test stack serves (with the built app at /app/).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { caseWorkflowBundle } from '../support/workflow-bundle.js';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';
import { generate } from 'otplib';
import { totpSecretOf } from '../support/auth.js';
import { startStack, type Stack } from '../support/stack.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'apps/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Builds apps/web into apps/web/dist unless the build is newer than every source. */
export function buildWebApp(): void {
  const built = join(WEB, 'dist/index.html');
  const sources = Math.max(newestMtime(join(WEB, 'src')), newestMtime(join(WEB, 'index.html')), newestMtime(join(ROOT, 'libs/case-machine/src')));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  // Jest sets NODE_ENV=test, and Vite builds React's development bundle for any NODE_ENV but production: there
  // StrictMode mounts every page twice, so each page load would read (and audit) every record twice. The
  // browser tests drive the bundle users get.
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--configLoader', 'runner', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** The stack's API on a real port (the stack itself only answers supertest); returns its base URL. */
export async function listen(stack: Stack): Promise<string> {
  current = stack;
  await stack.app.listen(0, '127.0.0.1');
  const { port } = stack.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The stack the browser signs in to (the one `listen` served): signIn reads second-step secrets from it. */
let current: Stack | undefined;

/**
 * Signs in through the pages as the person would, second step included: a role that needs one sets up the app
 * (reading the key the page shows) and saves the recovery codes the first time; after that it enters the app's
 * code (the secret read from the database; the replay guard forgotten as test/support/auth.ts explains).
 */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/app/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const shell = page.locator('header.top');
  await page.locator('#totp-code, #setup-code, header.top').first().waitFor();
  if (await page.locator('#setup-code').isVisible()) {
    const secret = await page.locator('.totp-secret').getAttribute('data-secret');
    await page.locator('#setup-code').fill(await generate({ secret: secret! }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'I have saved them' }).click();
  } else if (await page.locator('#totp-code').isVisible()) {
    if (!current) throw new Error('signIn needs the stack startWebStack started');
    const secret = await totpSecretOf(current, username);
    await current.db.user.update({ where: { username }, data: { totpLastStep: null } });
    await page.locator('#totp-code').fill(await generate({ secret: secret! }));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await shell.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * The cells of a table row once the row is on the page: reading a locator's texts does not wait, and a section's
 * heading shows before its table has loaded.
 */
export async function cellsOf(row: Locator): Promise<string[]> {
  await row.waitFor();
  return row.locator('td').allTextContents();
}

/** The real stack serving the built web app on a port, and a browser. */
export interface WebStack {
  stack: Stack;
  /** the API's base URL; the app is at `${base}/app/` */
  base: string;
  /** A fresh browser context (a phone's screen unless told), closed by `stop`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Closes the contexts, the browser and the stack. */
  stop(): Promise<void>;
}

export async function startWebStack(): Promise<WebStack> {
  buildWebApp();
  const stack = await startStack(await caseWorkflowBundle());
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  const stop = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stack.stop();
  };
  try {
    const base = await listen(stack);
    const opened = (browser = await launchBrowser());
    const newContext = async (options: BrowserContextOptions = { viewport: { width: 360, height: 780 } }) => {
      const context = await opened.newContext(options);
      contexts.push(context);
      return context;
    };
    return { stack, base, newContext, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
