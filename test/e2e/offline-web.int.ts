import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import type { Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

/** The app on a phone with no signal: installable, opening after a reload offline, and what is recorded offline sent once. */
describe('the web app offline, in a real browser at 360×740', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;
  let district: IsolatedDistrict;
  let user: (name: string) => string;
  /** every request the API received, by path: what reached it while the phone was "offline" must be nothing */
  const received: string[] = [];

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
    district = await isolatedDistrict(stack);
    const suffix = district.districtCode.slice('RJ-T'.length).toLowerCase();
    user = (name) => `${name}.t${suffix}`;
    stack.app.getHttpServer().on('request', (req: IncomingMessage) => received.push(req.url ?? ''));
  });
  afterAll(() => web?.stop());

  async function newPage() {
    const context = await web.newContext({ viewport: { width: 360, height: 740 } });
    return { context, page: await context.newPage() };
  }
  async function registerChild(name: string): Promise<string> {
    const res = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name, ageYears: 9 } }).expect(201);
    return res.body.caseId as string;
  }
  /** Signs in and waits until the service worker controls the page, so the reads that follow go through it. */
  async function signInWithWorker(page: Page, username: string) {
    await signIn(page, base, username);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('is installable: a manifest with its icons, and a service worker', async () => {
    const manifest = (await stack.http.get('/app/manifest.webmanifest').expect(200)).body as { start_url: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ start_url: '/app/', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const png = await stack.http.get(`/app/${icon.src}`).buffer(true).expect(200).expect('content-type', 'image/png');
      expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    }
    await stack.http.get('/app/sw.js').expect(200).expect('cache-control', 'no-cache');
    const page = (await stack.http.get('/app/').expect(200)).text;
    expect(page).toContain('rel="manifest"');
  });

  it('reloads with no connection: the app, the queue and a case opened before, all from the device', async () => {
    const caseId = await registerChild('Meena');
    const { context, page } = await newPage();
    await signInWithWorker(page, user('cwc'));
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    await page.getByRole('link', { name: 'Meena' }).click();
    await page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    await page.getByRole('link', { name: 'My queue' }).first().click();
    await page.getByRole('link', { name: 'Meena' }).waitFor();

    await context.setOffline(true);
    received.length = 0;
    await page.reload();
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    await page.getByRole('link', { name: 'Meena' }).waitFor();
    await page.getByText('You are offline').waitFor();
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    expect(received).toEqual([]);
  });
});
