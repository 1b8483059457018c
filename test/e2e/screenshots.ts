// `npm run web:screenshots`: each role's home page at 360 px and 1280 px, in docs/screenshots/,
// from a throwaway database seeded with the demo users and a year of demo work as `npm start` seeds it (services must be up).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { requireDataKeys } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { seedDemoData } from '../../prisma/demo/seed.js';
import { as } from '../support/auth.js';
import { caseWithMissedProduction } from '../support/missed-deadline.js';
import { createScratchDb } from '../support/scratch-db.js';
import { startStack } from '../support/stack.js';
import { buildWebApp, launchBrowser, listen, signIn } from './web.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const HOMES: { username: string; file: string; ready: string; hindi?: string }[] = [
  { username: 'cwc.jaipur', file: 'cwc-queue', ready: 'My queue' },
  { username: 'dcpu.jaipur', file: 'dcpu-escalations', ready: 'Escalations' },
  { username: 'cci.jaipur', file: 'cci-children', ready: 'Children in our care' },
  { username: 'sjpu.jaipur', file: 'police-cases', ready: 'Cases' },
  { username: 'monitor.rj', file: 'monitor-dashboard', ready: 'MIS dashboard' },
  { username: 'monitor.rj', file: 'monitor-dashboard-hi', ready: 'MIS dashboard', hindi: 'एमआईएस डैशबोर्ड' },
];

buildWebApp();
const scratch = await createScratchDb();
const stack = await startStack(await bundleCaseWorkflows(), { TEST_DATABASE_URL: scratch.url });
const temporal = new Client({ connection: await Connection.connect({ address: stack.config.temporal.address }), dataConverter: caseDataConverter(requireDataKeys(stack.config)) });
const browser = await launchBrowser();
try {
  const base = await listen(stack);
  const cwc = await as(stack, 'cwc.jaipur');
  const register = async (name: string, ageYears: number, gender: string) =>
    (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name, ageYears, gender } })).body.caseId as string;
  const send = (caseId: string, type: string, payload: Record<string, unknown>) => stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ type, payload });

  await seedDemoData(stack.db, stack.config);
  await caseWithMissedProduction(stack, temporal, { districtCode: 'RJ-JAIPUR', stateCode: 'RJ' });
  await register('Lakshmi', 9, 'FEMALE');
  const ravi = await register('Ravi', 12, 'MALE');
  await send(ravi, 'PRODUCED_BEFORE_CWC', { circumstance: 'RUNAWAY', producedBy: 'SJPU Jaipur' });
  const meena = await register('Meena', 14, 'FEMALE');
  await send(meena, 'PRODUCED_BEFORE_CWC', { circumstance: 'RESCUED', producedBy: 'Childline Jaipur' });
  await send(meena, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/JPR/101', placeId: 'CCI-RJ-JAIPUR' });

  mkdirSync(OUT, { recursive: true });
  for (const home of HOMES) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: width === 360 ? 780 : 800 } });
      const page = await context.newPage();
      await signIn(page, base, home.username);
      await page.getByRole('heading', { name: home.ready, exact: true }).waitFor();
      if (home.hindi) {
        await page.getByLabel('Language').selectOption('hi');
        await page.getByRole('heading', { name: home.hindi, exact: true }).waitFor();
      }
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${OUT}${home.file}-${width}.png`, fullPage: true });
      await context.close();
      console.log(`docs/screenshots/${home.file}-${width}.png`);
    }
  }
} finally {
  await browser.close();
  await temporal.connection.close();
  await stack.stop();
  await scratch.drop();
}
