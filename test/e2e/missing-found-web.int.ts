// Missing and found children in the web app: a police officer reviews the matcher's candidate, reads
// why it matched, confirms it, and sees the missing report traced and the found child's case linked; the found report
// is filed in the web form, naming the child's case by its number.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { en } from '@raksha/web/messages/en';
import { hi } from '@raksha/web/messages/hi';
import { as } from '../support/auth.js';
import { eventually, type Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

describe('missing and found children in the web app', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
  });
  afterAll(() => web?.stop());

  it('a police officer opens the candidate, reads why it matched, confirms it and sees the report traced', async () => {
    const police = await as(stack, 'sho.jaipur');
    const cwc = await as(stack, 'cwc.jaipur');
    const ref = `MISSING-DIARY ${Date.now() % 100000}/2026`;
    const child = {
      name: 'Sunita Meghwal',
      guardians: [{ relation: 'MOTHER', name: 'Kamla Devi' }],
      gender: 'FEMALE',
      ageYears: { min: 11, max: 11 },
      heightCm: { min: 138, max: 142 },
      identifyingMarks: 'scar above the right eyebrow',
      languages: ['Hindi', 'Marwari'],
      clothing: 'green salwar kameez',
    };
    const lastSeenAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const { body: missing } = await stack.http
      .post('/reports/missing')
      .set(police)
      .send({ child, lastSeenAt, place: { districtCode: 'RJ-JAIPUR', text: 'Chandpole market' }, policeRef: ref })
      .expect(201);

    // The child is found and produced before the CWC; the found report names her case by its number.
    // Found in the station's own area (the seed's Police Station 01, Jaipur), so its officers work her case.
    const { body: registered } = await stack.http
      .post('/cases')
      .set(cwc)
      .send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', thanaCode: 'RJ-JAIPUR-PS-01', child: { name: 'सुनीता', ageYears: 11, gender: 'FEMALE' } })
      .expect(201);
    await stack.http.post(`/cases/${registered.caseId}/events`).set(cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'GRP Jaipur' } }).expect(200);

    // The officer files the found report in the web form, naming her case by its number as it is read out.
    const context = await web.newContext();
    const page = await context.newPage();
    await signIn(page, base, 'sho.jaipur');
    await page.goto(`${base}/app/reports/new/found`);
    await page.getByRole('heading', { name: 'File a found report' }).waitFor();
    await page.locator('#rp-name').fill('सुनीता');
    await page.locator('#rp-mother').fill('कमला');
    // filed without the gender: the focus goes to the gender, to choose it
    await page.getByRole('button', { name: 'File the report' }).click();
    await page.getByRole('alert').getByText('Choose the gender').waitFor();
    await page.locator('#rp-gender:focus').waitFor();
    await page.locator('#rp-gender').selectOption('FEMALE');
    await page.locator('#rp-age-min').fill('10');
    await page.locator('#rp-age-max').fill('12');
    await page.locator('#rp-marks').fill('scar over right eyebrow');
    await page.locator('#rp-languages').fill('Hindi');
    await page.locator('#rp-clothing').fill('green kameez');
    await page.locator('#rp-place').fill('Jaipur Junction');
    const caseField = page.getByLabel("The found child's case number");
    await expect(page.locator('#rp-case-hint').textContent()).resolves.toContain('RJ/JAIPUR/2026/123');
    await caseField.fill('RJ/JAIPUR/2026/9999999');
    await page.getByRole('button', { name: 'File the report' }).click();
    await page.getByRole('alert').getByText("The found child's case number: no case numbered RJ/JAIPUR/2026/9999999 that you may work on.").waitFor();
    await caseField.fill(registered.caseNumber.toLowerCase());
    await page.getByRole('button', { name: 'File the report' }).click();
    await page.getByRole('heading', { name: 'Found: सुनीता' }).waitFor();
    const found = { id: new URL(page.url()).pathname.split('/').pop()! };
    const { body: filed } = await stack.http.get(`/reports/${found.id}`).set(police).expect(200);
    expect(filed).toMatchObject({ kind: 'FOUND', caseId: registered.caseId });
    const candidate = await eventually(async () => {
      const { body } = await stack.http.get(`/reports/${missing.id}/candidates`).set(police).query({ limit: 100 }).expect(200);
      return (body.items as { id: string; probability: number; found: { id: string } }[]).find((c) => c.found.id === found.id);
    }, 20_000);

    await page.getByRole('link', { name: 'Missing & found' }).click();
    await page.getByRole('heading', { name: 'Missing & found children' }).waitFor();
    await page.goto(`${base}/app/reports/${missing.id}`);
    await page.getByRole('heading', { name: 'Missing: Sunita Meghwal' }).waitFor();
    const row = page.getByTestId('candidate').filter({ has: page.locator(`a[href="/app/match-candidates/${candidate.id}"]`) });
    await expect(row.textContent()).resolves.toContain(`${Math.round(candidate.probability * 100) >= 100 ? 99 : Math.round(candidate.probability * 100)}% likely`);
    await row.getByRole('link').click();

    await page.getByRole('heading', { name: /^Possible match \(\d+%\)$/ }).waitFor();
    // the browser's tab names the page too
    await eventually(async () => /^Possible match \(\d+%\) · Raksha$/.test(await page.title()) || undefined);
    const explanation = page.getByTestId('explanation');
    const nameRow = explanation.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Name', exact: true }) });
    await expect(nameRow.textContent()).resolves.toMatch(/for/);
    // The level of agreement reads in the reader's language; the engine's detail stays as it gave it.
    const { body: detail } = await stack.http.get(`/match-candidates/${candidate.id}`).set(police).expect(200);
    const name = (detail.explanation.fields as { field: string; level: string; reason: string; detail?: { key: string } }[]).find((f) => f.field === 'name')!;
    await expect(nameRow.textContent()).resolves.toContain(en[`match.level.name.${name.level}` as keyof typeof en]);
    await page.getByLabel('Language').selectOption('hi');
    const nameRowHi = explanation.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'नाम', exact: true }) });
    await expect(nameRowHi.textContent()).resolves.toContain(hi[`match.level.name.${name.level}` as keyof typeof hi]);
    // the engine's reason reads in Hindi to the end, how common the name is included: no English left in the row
    expect(name.detail).toBeDefined();
    await expect(nameRowHi.locator('[lang="en"]').count()).resolves.toBe(0);
    await expect(nameRowHi.textContent()).resolves.not.toMatch(/\b(?:name|reports?|common)\b/i);
    await page.getByLabel('भाषा').selectOption('en');
    // A note too short to say how she was checked: the focus goes to the note, to correct it.
    const note = page.getByLabel('Note: how you checked');
    await note.fill('ok');
    await page.getByRole('button', { name: 'Confirm the match', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    await note.and(page.locator('[aria-invalid="true"]:focus')).waitFor();
    await note.fill('mother identified her from the photo at the station');
    // Confirming cannot be undone: the first press asks, in plain words, and sends nothing yet.
    await page.getByRole('button', { name: 'Confirm the match', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'Confirm this match?' });
    await ask.waitFor();
    await expect(ask.textContent()).resolves.toContain('This cannot be undone.');
    await ask.and(page.locator(':focus')).waitFor();
    const { body: waiting } = await stack.http.get(`/match-candidates/${candidate.id}`).set(police).expect(200);
    expect(waiting.status).toBe('PROPOSED');
    expect((await stack.http.get(`/reports/${missing.id}`).set(police).expect(200)).body.status).not.toBe('TRACED');
    // "Go back" asks nothing more and returns to the button; pressed again, it asks again, and "Yes" confirms.
    await ask.getByRole('button', { name: 'Go back' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Confirm the match', exact: true }).and(page.locator(':focus')).waitFor();
    await page.getByRole('button', { name: 'Confirm the match', exact: true }).click();
    await ask.getByRole('button', { name: 'Yes, confirm the match' }).click();
    await page.getByTestId('traced').getByText(`Confirmed: the missing report ${ref} is now traced.`).waitFor();
    await page.getByRole('link', { name: /Open the found child's case/ }).click();
    await page.getByRole('heading', { name: 'Case of सुनीता' }).waitFor();

    const { body: after } = await stack.http.get(`/reports/${missing.id}`).set(police).expect(200);
    expect(after).toMatchObject({ status: 'TRACED', caseId: registered.caseId });
  }, 60_000);
});
