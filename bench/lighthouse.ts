// `npm run bench:lighthouse`: Lighthouse (mobile form factor, its default simulated throttling: slow 4G, 4× CPU) on
// the web app's sign-in page, a CWC member's queue and case page, and the state monitor's dashboard, served by the
// real API with the built app from a throwaway database (services must be up). Not a test: it prints figures
// (docs/benchmarks.md). Each signed-in page is measured twice: cold (Lighthouse's storage reset: no HTTP cache, no
// service worker) and warm (`disableStorageReset`: the service worker installed, as on a phone's second visit).
// Usage: npm run bench:lighthouse -- [--runs 3] [--json figures.json] [--reports-dir dir] (each run's full Lighthouse JSON, to see why)
//   [--pages sign-in,queue,case,dashboard] (some of the pages only)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium as playwright } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { as } from '../test/support/auth.js';
import { createScratchDb } from '../test/support/scratch-db.js';
import { startStack } from '../test/support/stack.js';
import { buildWebApp, CHROMIUM, listen, signIn } from '../test/e2e/web.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, pages: { type: 'string' }, json: { type: 'string' }, 'reports-dir': { type: 'string' } } });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs ≥ 1');
const log = (line: string) => console.log(`[bench:lighthouse] ${line}`);

interface Target {
  page: string;
  path: string;
  /** signed in as this demo user first; the sign-in page itself is measured signed out */
  user?: string;
}

interface Figures {
  page: string;
  load: 'cold' | 'warm';
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  /** JavaScript the page downloaded: bytes on the wire (compressed) and once decoded */
  jsTransferred: number;
  jsDecoded: number;
  totalTransferred: number;
  scripts: number;
  benchmarkIndex: number;
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? NaN;

function figuresOf(lhr: Result, page: string, load: Figures['load']): Figures {
  const requests = ((lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number; resourceSize?: number }[] })?.items ?? []).filter((r) => r.resourceType === 'Script');
  return {
    page,
    load,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    jsTransferred: requests.reduce((s, r) => s + (r.transferSize ?? 0), 0),
    jsDecoded: requests.reduce((s, r) => s + (r.resourceSize ?? 0), 0),
    totalTransferred: numeric(lhr, 'total-byte-weight'),
    scripts: requests.length,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/**
 * Chromium's own verdict on installing the app (Lighthouse 12 dropped its PWA category): the manifest and a service
 * worker controlling the page, in an ordinary profile (Chromium never offers to install from an incognito one).
 */
async function installability(url: string): Promise<string> {
  const page = await driver.defaultBrowserContext().newPage();
  try {
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.waitForFunction('navigator.serviceWorker.controller !== null', { timeout: 180_000 });
    const cdp = await page.createCDPSession();
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const { errors, url: manifest } = await cdp.send('Page.getAppManifest');
    const problems = [...installabilityErrors.map((e) => e.errorId), ...errors.filter((e) => e.critical).map((e) => e.message)];
    return problems.length === 0 && manifest ? 'yes' : `no (${problems.join(', ') || 'no manifest'})`;
  } finally {
    await page.close();
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

buildWebApp();
const scratch = await createScratchDb();
const stack = await startStack(await bundleCaseWorkflows(), { TEST_DATABASE_URL: scratch.url });
const port = await freePort();
// One Chromium: playwright-core signs in through the pages (second step included), Lighthouse drives the same tab
// over the debugging port, so the session the app keeps in the tab's sessionStorage is there.
const browser = await playwright.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--remote-debugging-port=${port}`] });
const driver = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
const results: Figures[] = [];
let installable: string | undefined;
try {
  const base = await listen(stack);
  // A queue and a case as a CWC member would have them: children registered, produced, placed.
  const cwc = await as(stack, 'cwc.jaipur');
  const register = async (name: string, ageYears: number, gender: string) =>
    (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name, ageYears, gender } }).expect(201)).body.caseId as string;
  const send = (caseId: string, type: string, payload: Record<string, unknown>) => stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ type, payload }).expect(200);
  await register('Lakshmi', 9, 'FEMALE');
  const ravi = await register('Ravi', 12, 'MALE');
  await send(ravi, 'PRODUCED_BEFORE_CWC', { circumstance: 'RUNAWAY', producedBy: 'SJPU Jaipur' });
  const meena = await register('Meena', 14, 'FEMALE');
  await send(meena, 'PRODUCED_BEFORE_CWC', { circumstance: 'RESCUED', producedBy: 'Childline Jaipur' });
  await send(meena, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/JPR/101', placeId: 'CCI-RJ-JAIPUR' });

  const targets: Target[] = [
    { page: 'sign-in', path: '/app/' },
    { page: 'queue (CWC member)', path: '/app/queue', user: 'cwc.jaipur' },
    { page: 'case (CWC member)', path: `/app/cases/${meena}`, user: 'cwc.jaipur' },
    { page: 'dashboard (state monitor)', path: '/app/dashboard', user: 'monitor.rj' },
  ];

  let tab = 0;
  /** A fresh tab of a fresh profile, signed in if the target needs it, as Lighthouse's page. */
  async function tabFor(target: Target) {
    const context = await browser.newContext({ viewport: null });
    const page = await context.newPage();
    if (target.user) await signIn(page, base, target.user);
    const marker = `about:blank#bench-${++tab}`;
    await page.goto(marker);
    // the debugging port learns of the tab's address a moment later
    const found = await driver.waitForTarget((t) => t.url() === marker, { timeout: 10_000 }).then((t) => t.page());
    if (!found) throw new Error(`tab ${marker} not found over the debugging port`);
    return { context, page: found };
  }

  const flags = (warm: boolean): Flags => ({
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    formFactor: 'mobile',
    throttlingMethod: 'simulate',
    disableStorageReset: warm,
  });

  const only = args.pages?.split(',').map((p) => p.trim());
  const measured = only ? targets.filter((t) => only.some((p) => t.page.startsWith(p))) : targets;
  if (measured.length === 0) throw new Error(`--pages: none of ${targets.map((t) => t.page.split(' ')[0]).join(', ')}`);
  if (args['reports-dir']) mkdirSync(args['reports-dir'], { recursive: true });
  installable = await installability(`${base}/app/`);
  log(`installable: ${installable}`);
  for (const target of measured) {
    for (const load of target.user ? (['cold', 'warm'] as const) : (['cold'] as const)) {
      const runsOf: Figures[] = [];
      // a run Lighthouse could not record (NO_NAVSTART and the like, on a busy machine) is made again, twice at most
      for (let run = 0, failed = 0; run < runs; run++) {
        const { context, page } = await tabFor(target);
        try {
          // warm: one visit first, so the service worker is installed and has precached the app
          if (load === 'warm') {
            await page.goto(`${base}${target.path}`, { waitUntil: 'networkidle0' });
            // precaching the whole app (every page and language) takes a while on a busy machine
            await page.waitForFunction('navigator.serviceWorker.controller !== null', { timeout: 180_000 });
            await page.goto('about:blank');
          }
          const answer = await lighthouse(`${base}${target.path}`, flags(load === 'warm'), undefined, page);
          if (!answer) throw new Error('Lighthouse gave no result');
          const lhr = answer.lhr;
          if (lhr.runtimeError) {
            if (++failed > 2) throw new Error(`${target.page}: ${lhr.runtimeError.message}`);
            log(`${target.page} (${load}): run again after ${lhr.runtimeError.code}`);
            run--;
            continue;
          }
          if (args['reports-dir']) writeFileSync(join(args['reports-dir'], `${target.path.split('/')[2] || 'sign-in'}-${load}-${run + 1}.json`), JSON.stringify(lhr));
          runsOf.push(figuresOf(lhr, target.page, load));
        } finally {
          await context.close();
        }
      }
      // the median run by performance score, as Lighthouse's own docs advise for variable machines
      const median = [...runsOf].sort((a, b) => a.performance - b.performance)[Math.floor(runsOf.length / 2)]!;
      results.push(median);
      log(
        `${median.page} (${load}): performance ${median.performance} [runs: ${runsOf.map((r) => r.performance).join(', ')}], accessibility ${median.accessibility}, ` +
          `best practices ${median.bestPractices}, LCP ${(median.lcpMs / 1000).toFixed(2)} s, FCP ${(median.fcpMs / 1000).toFixed(2)} s, TBT ${Math.round(median.tbtMs)} ms, ` +
          `JS ${kib(median.jsTransferred)} KiB transferred (${kib(median.jsDecoded)} KiB decoded, ${median.scripts} files), all ${kib(median.totalTransferred)} KiB`,
      );
    }
  }
} finally {
  driver.disconnect();
  await browser.close();
  await stack.stop();
  await scratch.drop();
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

console.log('\n| Page | Load | Performance | Accessibility | Best practices | LCP | JS transferred (decoded) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(`| ${r.page} | ${r.load} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${(r.lcpMs / 1000).toFixed(2)} s | ${kib(r.jsTransferred)} KiB (${kib(r.jsDecoded)} KiB) |`);
console.log(`\nInstallable (Chromium's installability check, manifest and service worker): ${installable}`);
console.log(`Lighthouse's CPU benchmark index on this machine: ${results.map((r) => Math.round(r.benchmarkIndex)).join(', ')}`);
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
process.exit(0);
