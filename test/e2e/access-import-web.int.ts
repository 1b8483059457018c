// In the web app on a phone: an administrator imports people from CSV (bad rows shown, fixed, imported), and a
// state monitor reads who saw a child's case.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { as, currentTerm } from '../support/auth.js';
import type { Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

const SHOTS = process.env.RAKSHA_SHOTS; // a folder to keep screenshots in, when looking at the pages by eye

describe('imports and the access log in the web app', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
  });
  afterAll(() => web?.stop());

  it('a district administrator checks a people file, sees the bad row in plain words, fixes it and imports', async () => {
    const run = randomBytes(3).toString('hex');
    const email = (who: string) => `${who}.${run}@example.org`;
    const TERM = `${currentTerm().from},${currentTerm().until}`;
    const page = await (await web.newContext()).newPage();
    await signIn(page, base, 'admin.jaipur');
    await page.getByRole('link', { name: 'Import places, people or institutions from a CSV file' }).click();
    await page.getByRole('heading', { name: 'Import from a CSV file' }).waitFor();
    await page.getByLabel('What the file holds').selectOption('PEOPLE');
    const header = 'email,displayName,bodyId,role,mobile,head,termFrom,termUntil';
    const good = `${email('asha')},Asha Meena,CWC-RJ-JAIPUR,CWC_MEMBER,,yes,${TERM}`;
    await page.getByLabel('Or paste the CSV here').fill([header, good, `not-an-email,Ravi Sharma,CWC-RJ-JAIPUR,CWC_MEMBER,,,${TERM}`].join('\n'));
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    const rejected = page.getByTestId('rejected');
    await rejected.waitFor();
    expect(await rejected.locator('tbody tr').count()).toBe(1);
    expect(await rejected.locator('tbody tr td').first().textContent()).toBe('3');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/imports-rejected-360.png`, fullPage: true });

    await page.getByLabel('Or paste the CSV here').fill([header, good, `${email('ravi')},Ravi Sharma,CWC-RJ-JAIPUR,CWC_MEMBER,,,${TERM}`].join('\n'));
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    await page.getByText('All 2 rows are valid. You can import them now.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Done: 2 rows added or changed, 0 rows were already on record.').waitFor();
    expect(await stack.db.user.count({ where: { email: { in: [email('asha'), email('ravi')] } } })).toBe(2);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/imports-done-360.png`, fullPage: true });
  }, 90_000);

  it("a state monitor opens who saw a child's case: the reader's name, role and body, what they did, in plain words", async () => {
    const cwc = await as(stack, 'cwc.jaipur');
    const caseId = (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Kavya', ageYears: 7 } }).expect(201)).body.caseId as string;
    await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    const page = await (await web.newContext()).newPage();
    await signIn(page, base, 'monitor.rj');
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByRole('link', { name: 'Who has seen or changed this record' }).click();
    await page.getByRole('heading', { name: "Who saw or changed this child's record" }).waitFor();
    const entries = page.getByTestId('log-entry');
    await entries.first().waitFor();
    const text = (await entries.allTextContents()).join('\n');
    expect(text).toContain("opened the child's case");
    expect(text).toContain('looked at who saw a child');
    expect(text).toMatch(/CWC member/i);
    expect(text).not.toContain(caseId);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/access-log-360.png`, fullPage: true });
    // One visit is one entry per resource read: the case, its timeline, its log (not one per render of the page).
    const monitorId = (await stack.http.get('/auth/me').set(await as(stack, 'monitor.rj')).expect(200)).body.userId as string;
    const reads = await stack.db.auditEntry.findMany({ where: { chain: `reads:case:${caseId}`, actorId: monitorId }, orderBy: { id: 'asc' } });
    // The case page shows the child's profile, its past changes and her documents: reads of her identity, each audited.
    expect(reads.map((e) => e.action).sort()).toEqual(['case.access-log.read', 'case.child-profile.read', 'case.child-profile.versions.read', 'case.documents.listed', 'case.read', 'case.timeline.read']);
  }, 90_000);
});
