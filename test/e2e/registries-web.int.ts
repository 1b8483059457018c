// Registries in the web app: a DCPU officer imports institutions from CSV, sees the bad row's reason in
// the dry run, fixes it and imports.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import { startStack, type Stack } from '../support/stack.js';
import { buildWebApp, launchBrowser, listen, signIn } from './web.js';

describe('registries in the web app', () => {
  let stack: Stack;
  let base: string;
  let browser: Browser;
  let district: IsolatedDistrict;
  let dcpuUser: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    buildWebApp();
    stack = await startStack(await bundleCaseWorkflows());
    base = await listen(stack);
    browser = await launchBrowser();
    district = await isolatedDistrict(stack, []);
    dcpuUser = `dcpu.t${district.districtCode.slice('RJ-T'.length).toLowerCase()}`;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  it('a DCPU officer imports a CSV: the dry run names the bad row, the fixed file imports', async () => {
    const d = district.districtCode;
    const csv = (kind: string) =>
      ['name,districtCode,kind,management,capacity_FEMALE_12-17', `Asha Kiran Balika Griha,${d},CHILDRENS_HOME,GOVERNMENT,25`, `Sneh Aangan,${d},${kind},NGO,10`].join('\n');
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, dcpuUser);
    await page.getByRole('link', { name: 'Registries' }).click();
    await page.getByRole('heading', { name: 'Child care institutions' }).waitFor();
    await page.getByRole('link', { name: 'Import from CSV' }).click();

    await page.getByLabel('Or paste the CSV here').fill(csv('ORPHANAGE'));
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    const rejected = page.getByTestId('rejected');
    await rejected.waitFor();
    const rows = await rejected.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([['3', 'kind', expect.any(String)]]);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Or paste the CSV here').fill(csv('OPEN_SHELTER'));
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    await page.getByText('All 2 row(s) are valid.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 institution(s) imported.').waitFor();

    const { body } = await stack.http.get('/institutions').set(district.dcpu).query({ districtCode: d }).expect(200);
    expect((body.items as { name: string; kind: string }[]).map((i) => [i.name, i.kind]).sort()).toEqual([
      ['Asha Kiran Balika Griha', 'CHILDRENS_HOME'],
      ['Sneh Aangan', 'OPEN_SHELTER'],
    ]);
    // the institution page shows capacity against occupancy
    await page.getByRole('link', { name: /ASHA-KIRAN/ }).click();
    await page.getByRole('heading', { name: 'Asha Kiran Balika Griha' }).waitFor();
    await page.getByText('0 of 25 places filled').waitFor();
  }, 60_000);

  it('a registry officer reads past the first 25 institutions with "Load more", each once', async () => {
    const other = await isolatedDistrict(stack, []);
    const d = other.districtCode;
    const names = Array.from({ length: 27 }, (_, i) => `Bal Ashram ${String(i + 1).padStart(2, '0')}`);
    const csv = ['name,districtCode,kind,management,capacity_MALE_6-11', ...names.map((n) => `${n},${d},CHILDRENS_HOME,NGO,10`)].join('\n');
    await stack.http.post('/institutions/import').set(other.dcpu).set('Content-Type', 'text/csv').send(csv).expect(201);
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, `dcpu.t${d.slice('RJ-T'.length).toLowerCase()}`);
    await page.getByRole('link', { name: 'Registries' }).click();
    const rows = page.getByTestId('institution');
    await rows.nth(24).waitFor();
    expect(await rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(26).waitFor();
    const shown = await rows.locator('.child').allTextContents();
    expect(shown.sort()).toEqual(names);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  }, 60_000);
});
