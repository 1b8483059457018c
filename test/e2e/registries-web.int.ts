// Registries in the web app: a DCPU officer imports institutions from CSV, sees the bad row's reason in
// the dry run, fixes it and imports.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import type { Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

describe('registries in the web app', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;
  let district: IsolatedDistrict;
  let dcpuUser: string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
    district = await isolatedDistrict(stack, []);
    dcpuUser = `dcpu.t${district.districtCode.slice('RJ-T'.length).toLowerCase()}`;
  });
  afterAll(() => web?.stop());

  it('a DCPU officer imports a CSV: the dry run names the bad row, the fixed file imports', async () => {
    const d = district.districtCode;
    const csv = (kind: string) =>
      ['name,districtCode,kind,management,capacity_FEMALE_12-17', `Asha Kiran Balika Griha,${d},CHILDRENS_HOME,GOVERNMENT,25`, `Sneh Aangan,${d},${kind},NGO,10`].join('\n');
    const context = await web.newContext();
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
    expect(rows).toEqual([['3', 'Kind', expect.any(String)]]);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Or paste the CSV here').fill(csv('OPEN_SHELTER'));
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    await page.getByText('All 2 rows are valid.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Done: 2 rows added or changed, 0 rows were already on record.').waitFor();

    const { body } = await stack.http.get('/institutions').set(district.dcpu).query({ districtCode: d }).expect(200);
    expect((body.items as { name: string; kind: string }[]).map((i) => [i.name, i.kind]).sort()).toEqual([
      ['Asha Kiran Balika Griha', 'CHILDRENS_HOME'],
      ['Sneh Aangan', 'OPEN_SHELTER'],
    ]);
    // the institution page shows capacity against occupancy
    await page.getByRole('link', { name: 'Registries' }).click();
    await page.getByRole('link', { name: 'Asha Kiran Balika Griha' }).click();
    await page.getByRole('heading', { name: 'Asha Kiran Balika Griha' }).waitFor();
    await page.getByText('0 of 25 places filled').waitFor();
  }, 60_000);

  it('a registry officer reads past the first 25 institutions with "Load more", each once', async () => {
    const other = await isolatedDistrict(stack, []);
    const d = other.districtCode;
    const names = Array.from({ length: 27 }, (_, i) => `Bal Ashram ${String(i + 1).padStart(2, '0')}`);
    const csv = ['name,districtCode,kind,management,capacity_MALE_6-11', ...names.map((n) => `${n},${d},CHILDRENS_HOME,NGO,10`)].join('\n');
    await stack.http.post('/institutions/import').set(other.dcpu).set('Content-Type', 'text/csv').send(csv).expect(201);
    const context = await web.newContext();
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
