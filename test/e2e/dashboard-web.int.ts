// The state monitor's MIS dashboard in a real browser, against the real API and services.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import type { Stack } from '../support/stack.js';
import { cellsOf, signIn, startWebStack, type WebStack } from './web.js';

describe('the MIS dashboard in the web app', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;
  let district: IsolatedDistrict;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
    district = await isolatedDistrict(stack);
    const register = async (name: string) =>
      (await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name, ageYears: 10 } }).expect(201)).body.caseId as string;
    const produced = await register('Sita');
    await register('Gopal');
    await stack.http.post(`/cases/${produced}/events`).set(district.cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'Childline' } }).expect(200);
  });
  afterAll(() => web?.stop());

  it('the state monitor lands on the dashboard, compares districts, opens one, reads the table behind a chart and downloads its CSV', async () => {
    const context = await web.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, base, 'monitor.rj');
    await page.getByRole('heading', { name: 'MIS dashboard' }).waitFor();

    // The state's districts, this one among them; opening it narrows every figure to it.
    const areas = page.locator('#dash-areas');
    await areas.getByLabel('Order by').selectOption('name');
    await areas.locator('details.dash-table summary').click();
    const row = areas.locator('details.dash-table tr', { hasText: `Test ${district.districtCode.slice('RJ-T'.length)}` });
    await expect(cellsOf(row)).resolves.toEqual(['Test ' + district.districtCode.slice('RJ-T'.length), '2', '0', '1', '1', '0', '0', '0', '0', '0', '0', '10', '0']);
    await row.getByRole('button').click();
    // the district by its name, never its code
    await page.getByRole('status').getByText(`Test ${district.districtCode.slice('RJ-T'.length)}`).waitFor();
    expect(await page.getByRole('status').getByText(district.districtCode).count()).toBe(0);

    // Which of its Committees and Boards are functioning: this CWC has never sat (s.28(1)) nor visited its home (s.30(viii)).
    await page.getByRole('heading', { name: 'Are the Committees and Boards functioning?' }).waitFor();
    const cwcRow = page.getByTestId('functioning-row').filter({ hasText: `CWC ${district.districtCode}` });
    const cells = await cellsOf(cwcRow);
    expect(cells[0]).toBe('Not functioning');
    expect(cells[1]).toMatch(/^0 of 20 days.*Last sat: never$/);
    expect(cells[3]).toContain(`Children's Home 1, ${district.districtCode}: 0 visits this month (last: never)`);

    const kpi = (label: string) => page.locator('.kpi', { hasText: label }).locator('.kpi-value').textContent();
    await expect(kpi('Cases registered')).resolves.toBe('2');
    await expect(kpi('Produced within 24 hours')).resolves.toBe('100%');

    const cases = page.locator('#dash-cases');
    await expect(cases.locator('figure.bars').first().textContent()).resolves.toMatch(/^(?=.*Production\s*1)(?=.*Inquiry\s*1)/);
    await cases.locator('details.dash-table summary').click();
    const table = await cases.locator('details.dash-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(table).toHaveLength(2);
    expect(table.map((r) => r[2]).sort()).toEqual(['1', '1']);

    // The section's CSV is the API's own, named for the place and section.
    const [download] = await Promise.all([page.waitForEvent('download'), cases.getByRole('button', { name: 'CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^raksha-${district.districtCode}-cases-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8');
    const api = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.rj')).query({ districtCode: district.districtCode, format: 'csv', section: 'cases' }).expect(200);
    expect(csv).toBe(api.text);
    expect(csv.split('\r\n')[0]).toBe('track,phase,cases');

    // Back up to the state.
    await page.getByRole('button', { name: 'Back to Rajasthan' }).click();
    await page.locator('#dash-areas').getByRole('heading', { name: 'Compare the districts' }).waitFor();
    await context.close();
  });

  it('the national monitor picks a state, then one of its districts, by name from the lists', async () => {
    const context = await web.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, base, 'monitor.india');
    await page.getByRole('heading', { name: 'MIS dashboard' }).waitFor();
    const district = page.getByLabel('District', { exact: true });
    expect(await district.isDisabled()).toBe(true); // no state chosen yet
    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Rajasthan' });
    await district.selectOption({ label: 'Jaipur' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('status').getByText('Jaipur:').waitFor();
    await context.close();
  });

  it('a district’s DCPU officer sees only the district, in Hindi too, and a bad period is refused with the reason', async () => {
    const context = await web.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, base, `dcpu.t${district.districtCode.slice('RJ-T'.length).toLowerCase()}`);
    await page.getByRole('link', { name: 'MIS dashboard' }).click();
    await page.getByRole('status').getByText(`Test ${district.districtCode.slice('RJ-T'.length)}`).waitFor();
    expect(await page.getByLabel('District', { exact: true }).count()).toBe(0);
    await page.getByLabel('Period from').fill('2026-12-01');
    await page.getByLabel('Period to').fill('2026-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('alert').getByText('The period cannot start after it ends.').waitFor();
    await page.getByLabel('Language').selectOption('hi');
    await page.getByRole('heading', { name: 'एमआईएस डैशबोर्ड' }).waitFor();
    await context.close();
  });

  it('shows the months as charts, opens the cases behind a figure by its address, and Back returns', async () => {
    const context = await web.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, `dcpu.t${district.districtCode.slice('RJ-T'.length).toLowerCase()}`);
    await page.getByRole('link', { name: 'MIS dashboard' }).click();
    const trends = page.locator('#dash-trends');
    await trends.getByRole('heading', { name: 'Month by month' }).waitFor();

    // The chart is drawn when it comes into view, described in words, and the table behind it says the same.
    const registered = trends.getByTestId('trend-registered');
    await registered.scrollIntoViewIfNeeded();
    await registered.locator('.trend-chart.drawn canvas').first().waitFor();
    await expect(registered.getByRole('img').getAttribute('aria-label')).resolves.toMatch(/^Cases registered, \w+ \d{4} to \w+ \d{4}: 2 in the latest month; the most, 2, in \w+ \d{4}\.$/);
    await registered.locator('summary').click();
    await expect(cellsOf(registered.locator('tbody tr').last())).resolves.toEqual([expect.stringMatching(/^\w+ \d{4}$/), '2']);

    // A headline figure opens the cases behind it; the address holds the list, and Back returns.
    await page.locator('.kpi', { hasText: 'Cases registered' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Cases registered' }).waitFor();
    expect(new URL(page.url()).searchParams.get('cases')).toBe('registered');
    await page.getByRole('status').getByText('2 cases.').waitFor();
    expect(await page.locator('table.data tbody tr').count()).toBe(2);
    await page.goBack();
    await page.getByRole('heading', { name: 'MIS dashboard' }).waitFor();

    // A month's figure in a trend's table opens that month's cases; the address loaded anew (as a shared link is, once
    // signed in) shows the same list.
    const production = page.locator('#dash-trends').getByTestId('trend-production');
    await production.locator('summary').click();
    await production.locator('tbody tr').last().getByRole('link', { name: /^Within 24 hours, / }).click();
    await page.getByRole('heading', { name: 'Children produced within 24 hours' }).waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toMatch(/^\d{4}-\d{2}$/);
    const shared = page;
    await shared.goto(page.url());
    await shared.getByRole('heading', { name: 'Children produced within 24 hours' }).waitFor();
    await shared.getByRole('status').getByText('1 case.').waitFor();
    await shared.getByRole('link', { name: /^RJ\// }).click();
    await shared.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    await context.close();
  });

  it('a police station officer sees their station’s area and their district month by month, and opens only their own cases', async () => {
    const sho = await as(stack, 'sho.jaipur');
    await stack.http.post('/cases').set(sho).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', thanaCode: 'RJ-JAIPUR-PS-01', child: { name: 'Ravi', ageYears: 9 } }).expect(201);
    const context = await web.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, base, 'sho.jaipur');
    await page.getByRole('link', { name: 'MIS dashboard' }).click();
    await page.getByRole('heading', { name: 'Police dashboard' }).waitFor();
    expect(await page.getByRole('button', { name: 'My police station’s area' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('trend-reports').getByRole('heading', { name: 'Missing and found children reported' }).waitFor();
    const registered = page.locator('.kpi', { hasText: 'Cases registered' }).getByRole('link');
    expect(Number(await registered.textContent())).toBeGreaterThanOrEqual(1);
    await registered.click();
    await page.getByRole('status').getByText('Police Station 01, Jaipur').waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'The whole district' }).click();
    await page.getByText('Counts only: the cases of other police stations are theirs to open.').waitFor();
    expect(new URL(page.url()).searchParams.get('district')).toBe('RJ-JAIPUR');
    expect(await page.locator('.kpi a').count()).toBe(0);
    await context.close();
  });
});
