// The web app in a real browser: Debian's chromium driven by playwright-core, against the API the
// test stack serves (with the built app at /app/).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';
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
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
}

/** The stack's API on a real port (the stack itself only answers supertest); returns its base URL. */
export async function listen(stack: Stack): Promise<string> {
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

export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/app/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
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
  const stack = await startStack(await bundleCaseWorkflows());
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
