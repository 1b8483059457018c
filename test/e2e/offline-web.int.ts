import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import { eventually, type Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

/** The app on a phone with no signal: installable, opening after a reload offline, and what is recorded offline sent once. */
describe('the web app on a phone, in a real browser at 360×740: installable, offline, a bottom bar', () => {
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
  const eventTypes = async (caseId: string) =>
    (await stack.http.get(`/cases/${caseId}/timeline`).set(district.cwc).expect(200)).body.map((e: { eventType: string }) => e.eventType) as string[];
  const foundReportsOf = async (username: string, name: string) => {
    const { id } = await stack.db.user.findUniqueOrThrow({ where: { username } });
    const rows = await stack.db.childReport.findMany({ where: { filedBy: id, kind: 'FOUND' }, select: { id: true, description: true, photoType: true } });
    return rows.filter((r) => (r.description as { name?: string }).name === name);
  };
  /** What the app keeps sealed in IndexedDB, and whether this tab still holds its key. */
  const onDevice = (page: Page) =>
    page.evaluate<{ sealed: boolean; key: boolean }>(`new Promise((resolve) => {
      const open = indexedDB.open('raksha', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox');
      open.onsuccess = () => {
        const get = open.result.transaction('outbox').objectStore('outbox').get('items');
        get.onsuccess = () => resolve({ sealed: get.result !== undefined, key: sessionStorage.getItem('raksha.outboxKey') !== null });
      };
    })`);
  async function recordProduced(page: Page, producedBy: string) {
    await page.getByLabel('Action').selectOption('PRODUCED_BEFORE_CWC');
    await page.getByLabel('How the child came').selectOption('RUNAWAY');
    await page.getByLabel('Produced by').fill(producedBy);
    await page.getByRole('button', { name: /^Record/ }).click();
  }
  async function registerChild(name: string): Promise<string> {
    const res = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name, ageYears: 9 } }).expect(201);
    return res.body.caseId as string;
  }
  /** Signs in and waits until the service worker controls the page, so the reads that follow go through it. */
  async function signInWithWorker(page: Page, username: string) {
    await signIn(page, base, username);
    // polled from outside the page: the app's CSP forbids the eval a string waitForFunction runs inside it
    await eventually(async () => (await page.evaluate<boolean>('navigator.serviceWorker.controller !== null')) || undefined, 60_000);
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
    // installed by a Hindi reader, the app is named in Hindi (the app points its manifest link at the chosen language's)
    const hindi = (await stack.http.get('/app/manifest.hi.webmanifest').expect(200).expect('cache-control', 'no-cache')).body as { short_name: string; lang: string; icons: unknown[] };
    expect(hindi).toMatchObject({ short_name: 'रक्षा', lang: 'hi', start_url: '/app/' });
    expect(hindi.icons).toEqual(manifest.icons);
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

  it('a case event and a found report with its photo, recorded offline, survive a reload and are each sent once when the connection returns', async () => {
    const caseId = await registerChild('Kamla');
    const cwc = await newPage();
    await signInWithWorker(cwc.page, user('cwc'));
    await cwc.page.goto(`${base}/app/cases/${caseId}`);
    await cwc.page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    await cwc.context.setOffline(true);
    // the page has seen the connection go before the officer records anything (as a phone's does)
    await eventually(async () => (await cwc.page.evaluate<boolean>('navigator.onLine === false')) || undefined);
    await recordProduced(cwc.page, 'CWPO Jaipur');
    await cwc.page.getByTestId('outbox-item').getByText('Waiting for a connection').waitFor();
    // a reload with no connection: the app opens, and what waits is still there (sealed in IndexedDB, opened with this sign-in's key)
    await cwc.page.reload();
    await cwc.page.getByRole('link', { name: /1 action waiting to be sent/ }).click();
    await cwc.page.getByRole('heading', { name: 'On this phone' }).waitFor();
    await cwc.page.getByTestId('outbox-item').getByText('Case action: Child produced before the CWC — Kamla').waitFor();

    // a DCPU officer out in the field files a found child's report, photo included, with no signal
    const dcpu = await newPage();
    await signInWithWorker(dcpu.page, user('dcpu'));
    await dcpu.page.goto(`${base}/app/reports/new/found`);
    await dcpu.page.getByRole('heading', { name: 'File a found report' }).waitFor();
    await dcpu.context.setOffline(true);
    await eventually(async () => (await dcpu.page.evaluate<boolean>('navigator.onLine === false')) || undefined);
    const name = `Pinki ${caseId.slice(0, 6)}`;
    await dcpu.page.locator('#rp-name').fill(name);
    await dcpu.page.locator('#rp-gender').selectOption('FEMALE');
    await dcpu.page.locator('#rp-age-min').fill('6');
    await dcpu.page.locator('#rp-age-max').fill('8');
    await dcpu.page.locator('#rp-place').fill('Sanganer bus stand');
    const png = readFileSync(fileURLToPath(new URL('../../apps/web/public/icons/icon-192.png', import.meta.url)));
    await dcpu.page.locator('#rp-photo').setInputFiles({ name: 'child.png', mimeType: 'image/png', buffer: png });
    await dcpu.page.getByRole('button', { name: 'File the report' }).click();
    await dcpu.page.getByRole('heading', { name: 'On this phone' }).waitFor();
    await dcpu.page.getByTestId('outbox-item').getByText(`Found child report: ${name}`).waitFor();
    expect(await eventTypes(caseId)).toEqual(['REGISTERED']);
    expect(await foundReportsOf(user('dcpu'), name)).toEqual([]);

    // the connection returns: each is sent once, and shows as sent
    await cwc.context.setOffline(false);
    await dcpu.context.setOffline(false);
    await cwc.page.getByTestId('outbox-sent').getByText('Sent').waitFor();
    await dcpu.page.getByTestId('outbox-sent').getByText('Sent').waitFor();
    expect(await cwc.page.getByTestId('outbox-item').count()).toBe(0);
    // flapping and the periodic send must not send them again
    await cwc.context.setOffline(true);
    await cwc.context.setOffline(false);
    await dcpu.context.setOffline(true);
    await dcpu.context.setOffline(false);
    await cwc.page.waitForTimeout(500);
    expect(await eventTypes(caseId)).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC']);
    const reports = await eventually(async () => {
      const r = await foundReportsOf(user('dcpu'), name);
      return r.length ? r : undefined;
    });
    expect(reports).toEqual([expect.objectContaining({ photoType: 'image/png' })]);
    // the sent report opens from the list
    await dcpu.page.getByTestId('outbox-sent').getByRole('link', { name: `Found child report: ${name}` }).click();
    await dcpu.page.getByRole('heading', { name: `Found: ${name}` }).waitFor();
  });

  it("a case's actions that could not be fetched on a first visit say so in words, and open by themselves when the connection returns", async () => {
    const caseId = await registerChild('Rekha');
    // a first visit: no service worker's copy of the app's parts yet
    const context = await web.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await signIn(page, base, user('cwc'));
    // the connection drops just as the actions' part is fetched
    await page.route(/\/assets\/EventComposer-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    await page.getByTestId('load-failure').getByText('This part could not be opened.').waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    // offline, it says what it waits for; when the connection returns, the part comes by itself
    await page.unroute(/\/assets\/EventComposer-[^/]+\.js$/);
    await context.setOffline(true);
    await page.getByText('This part needs a connection the first time it is opened. It opens by itself when the connection returns.').waitFor();
    await context.setOffline(false);
    await page.getByLabel('Action').waitFor();
    expect(await page.getByTestId('load-failure').count()).toBe(0);
    await context.close();
  });

  it('signing out erases what waits on the device: nothing of it is sent later', async () => {
    const caseId = await registerChild('Geeta');
    const { context, page } = await newPage();
    await signInWithWorker(page, user('cwc'));
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    await context.setOffline(true);
    await recordProduced(page, 'SJPU Jaipur');
    await page.getByTestId('outbox-item').getByText('Waiting for a connection').waitFor();
    await expect(onDevice(page)).resolves.toEqual({ sealed: true, key: true });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    await expect(onDevice(page)).resolves.toEqual({ sealed: false, key: false });
    await expect(page.evaluate<boolean>("caches.has('raksha-data')")).resolves.toBe(false);

    await context.setOffline(false);
    await signIn(page, base, user('cwc'));
    await page.goto(`${base}/app/outbox`);
    await page.getByText('Nothing is waiting to be sent.').waitFor();
    await page.waitForTimeout(500);
    expect(await eventTypes(caseId)).toEqual(['REGISTERED']);
  });

  it("puts the role's main places in a bottom bar with the inbox's unread count, taps of 44 px at least, and a case's actions first", async () => {
    await stack.db.notification.create({
      data: { id: randomUUID(), dedupeKey: randomUUID(), recipientBody: 'DCPU', districtCode: district.districtCode, stateCode: 'RJ', kind: 'CASE_REGISTERED', subject: 'A child was registered', body: 'A child was registered in your district' },
    });
    const caseId = await registerChild('Lata');
    const { page } = await newPage();
    await signIn(page, base, user('dcpu'));
    const bar = page.getByRole('navigation', { name: 'Main places' });
    await bar.getByRole('link', { name: /^Inbox/ }).waitFor();
    await bar.locator('.count', { hasText: '1' }).waitFor();
    const places = await bar.getByRole('link').all();
    expect(places.length).toBeGreaterThanOrEqual(3);
    expect(places.length).toBeLessThanOrEqual(5);
    // the bar sits at the bottom of the screen, and each place there is not repeated in the header
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height).toBeCloseTo(740, 0);
    for (const place of places) {
      const name = (await place.locator('span').first().textContent())!;
      expect(await page.getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).count()).toBe(1);
    }
    // tap targets
    const taps = [...places, page.getByRole('button', { name: 'Sign out' }), page.getByLabel('Language'), page.getByRole('link', { name: 'On this phone' })];
    for (const tap of taps) expect((await tap.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // on a case, the actions come before the summary
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByTestId('case-stage').waitFor();
    // the composer, once loaded after the first paint (the card that held its place is replaced by it)
    await page.locator('.case-page > .actions:not([aria-busy])').waitFor();
    const actions = (await page.locator('.case-page > .actions').boundingBox())!;
    const summary = (await page.locator('.case-page > .summary').boundingBox())!;
    expect(actions.y).toBeLessThan(summary.y);
  });

  // Last: Chromium's own check, as a phone's browser makes it before offering to install, in English then in Hindi
  // (the app points its manifest link at the reader's language).
  it('passes Chromium’s installability check in English and in Hindi', async () => {
    const { context, page: tab } = await newPage();
    await signInWithWorker(tab, user('cwc'));
    const cdp = await context.newCDPSession(tab);
    const installability = async () => {
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      const { url } = (await cdp.send('Page.getAppManifest')) as { url: string };
      // the test's browser contexts are incognito profiles, where Chromium offers no install whatever the app: every other check counts
      return { url: new URL(url).pathname, errors: installabilityErrors.map((e) => e.errorId).filter((e) => e !== 'in-incognito') };
    };
    expect(await installability()).toEqual({ url: '/app/manifest.webmanifest', errors: [] });
    await tab.getByLabel('Language').selectOption('hi');
    expect(await eventually(async () => ((await installability()).url.endsWith('.hi.webmanifest') ? installability() : undefined), 10_000)).toEqual({ url: '/app/manifest.hi.webmanifest', errors: [] });
    await context.close();
  });
});
