import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { as, isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import { caseWithMissedProduction } from '../support/missed-deadline.js';
import { eventually, type Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

const ONE_PIXEL_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8a5a90000000049454e44ae426082', 'hex');

describe('the web app, role by role, in a real browser', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;
  let temporal: Client;
  let district: IsolatedDistrict;
  /** usernames isolatedDistrict gave its people: `<name>.t<suffix>` */
  let user: (name: string) => string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
    temporal = await stack.temporal();
    district = await isolatedDistrict(stack);
    const suffix = district.districtCode.slice('RJ-T'.length).toLowerCase();
    user = (name) => `${name}.t${suffix}`;
  });
  afterAll(() => web?.stop());

  async function newPage(viewport = { width: 360, height: 780 }) {
    const context = await web.newContext({ viewport });
    return { context, page: await context.newPage() };
  }
  async function registerChild(name: string): Promise<string> {
    const res = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name, ageYears: 9 } }).expect(201);
    return res.body.caseId as string;
  }
  const eventTypes = async (caseId: string) =>
    (await stack.http.get(`/cases/${caseId}/timeline`).set(district.cwc).expect(200)).body.map((e: { eventType: string }) => e.eventType) as string[];

  it('serves the app at /app/ and its pages fall back to it, leaving the API where it was', async () => {
    const page = await stack.http.get('/app/queue').expect(200);
    expect(page.text).toContain('<div id="root">');
    await stack.http.get('/health').expect((r) => expect(r.status).toBeLessThan(500));
    await stack.http.get('/cases').expect(401);
  });

  it('a CWC member signs in to their queue and records that the child was produced (s.31(1))', async () => {
    const caseId = await registerChild('Asha');
    const { page } = await newPage();
    await signIn(page, base, user('cwc'));
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    await page.getByRole('link', { name: 'Asha' }).click();
    await expect(page.getByTestId('case-stage').textContent()).resolves.toContain('to be produced before the CWC');
    await page.getByLabel('Action').selectOption('PRODUCED_BEFORE_CWC');
    await page.getByLabel('How the child came').selectOption('LOST');
    await page.getByLabel('Produced by').fill('SJPU Jaipur');
    await page.getByRole('button', { name: /^Record/ }).click();
    await page.getByTestId('case-stage').getByText('Produced: interim placement pending inquiry').waitFor();
    await page.locator('[data-testid="timeline"] li[data-event="PRODUCED_BEFORE_CWC"]').waitFor();
    expect(await eventTypes(caseId)).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC']);

    // The record of production joins the case's documents a moment later, in English and Hindi; a report is uploaded.
    await eventually(async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Orders and documents' }).waitFor();
      // English and Hindi are made one after the other: the page may have loaded between them.
      const english = await page.getByText('Record of production of the child before the Child Welfare Committee').count();
      const hindi = await page.getByText('बाल कल्याण समिति के समक्ष बालक की प्रस्तुति का अभिलेख').count();
      return english > 0 && hindi > 0 ? true : undefined;
    }, 30_000);
    await page.locator('#doc-kind').selectOption('SIR');
    await page.locator('#doc-title').fill('Social investigation, home visit');
    await page.locator('#doc-file').setInputFiles({ name: 'sir.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.locator('form:has(#doc-file) button[type=submit]').click();
    await page.getByText('The report was uploaded.').waitFor();
    await page.getByText('Social investigation, home visit').waitFor();
  });

  it('three CWC members, ticked by name from the roster, declare a child legally free, and the timeline names them (s.38(4))', async () => {
    const bodyId = `CWC-${district.districtCode}`;
    const day = (offset: number) => new Date(Date.now() + 5.5 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    await stack.http
      .put(`/bodies/${bodyId}/members`)
      .set(await as(stack, 'scps.rj'))
      .send({ members: ['Asha Verma', 'Bhanu Pratap', 'Chitra Rao'].map((name, i) => ({ name, designation: i ? 'MEMBER' : 'CHAIRPERSON', termFrom: day(-30), termTo: day(400) })).concat([{ name: 'Dinesh Meena', designation: 'MEMBER', termFrom: day(-700), termTo: day(-1) }]) })
      .expect(200);
    const { body } = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { ageYears: 1, gender: 'FEMALE' } }).expect(201);
    const caseId: string = body.caseId;
    const send = (who: { Authorization: string }, type: string, payload: Record<string, unknown>) => stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200);
    const saa = { districtCode: district.districtCode, name: 'Shishu Griha', kind: 'SPECIALISED_ADOPTION_AGENCY', management: 'NGO', registration: { no: 'SAA/2026/9', from: '2026-01-01', until: '2099-12-31' }, capacities: [{ gender: 'FEMALE', ageBand: '0-5', sanctioned: 20 }] };
    const agency: string = (await stack.http.post('/institutions').set(district.dcpu).send(saa).expect(201)).body.id;
    await send(district.cwc, 'PRODUCED_BEFORE_CWC', { circumstance: 'ABANDONED', producedBy: 'Childline' });
    await send(district.cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'SPECIALISED_ADOPTION_AGENCY', orderRef: 'F18/9', placeId: agency });
    await send(district.cwc, 'SIR_ORDERED', { sirRef: 'SIR/9' });
    await send(district.probation, 'SIR_SUBMITTED', { sirRef: 'SIR/9', finding: 'ABANDONED' });

    const { page } = await newPage({ width: 1024, height: 900 });
    await signIn(page, base, user('cwc'));
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByLabel('Action').selectOption('LEGALLY_FREE_DECLARED');
    await page.getByLabel('Ground').selectOption('ABANDONED');
    await page.getByLabel('Order reference').fill('CWC/LF/9');
    // Only the members in their term today are offered: a member whose term ended is not.
    const members = page.getByRole('group', { name: 'Members who signed' });
    await members.getByLabel('Asha Verma').waitFor();
    expect(await members.getByLabel('Dinesh Meena').count()).toBe(0);
    for (const name of ['Asha Verma', 'Bhanu Pratap', 'Chitra Rao']) await members.getByLabel(name).check();
    await page.getByRole('button', { name: /^Record/ }).click();
    const step = page.locator('[data-testid="timeline"] li[data-event="LEGALLY_FREE_DECLARED"]');
    await step.waitFor();
    expect(await step.textContent()).toContain('Signed by: Asha Verma, Bhanu Pratap and Chitra Rao');
    expect(await eventTypes(caseId)).toContain('LEGALLY_FREE_DECLARED');
  });

  it('a CWC member places a produced child in a home chosen from the registry; the timeline names it and the home counts the child', async () => {
    const { body } = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name: 'Gopal', ageYears: 13, gender: 'MALE' } }).expect(201);
    const caseId = body.caseId as string;
    await stack.http.post(`/cases/${caseId}/events`).set(district.cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'Childline' } }).expect(200);
    const home = district.ccis[0]!;
    const homeName = `Children's Home 1, ${district.districtCode}`;
    const before = (await stack.http.get(`/institutions/${home}/occupancy`).set(district.dcpu).expect(200)).body.total.occupied as number;
    const { page } = await newPage({ width: 1280, height: 900 });
    await signIn(page, base, user('cwc'));
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByLabel('Action').selectOption('INTERIM_PLACEMENT_ORDERED');
    await page.getByLabel('Placement').selectOption('CHILDRENS_HOME');
    await page.getByLabel('Order reference').fill('F18/WEB/1');
    // The place is picked from the registry, by its name, among the places of the kind the order needs.
    await page.getByLabel('Place', { exact: true }).selectOption({ label: `${homeName} (Children's home)` });
    await page.getByRole('button', { name: /^Record/ }).click();
    await page.locator('[data-testid="timeline"] li[data-event="INTERIM_PLACEMENT_ORDERED"]').getByText(`Place: ${homeName}`).waitFor();
    expect((await stack.http.get(`/institutions/${home}/occupancy`).set(district.dcpu).expect(200)).body.total.occupied).toBe(before + 1);
  });

  it('closing a case asks first and "Go back" leaves it open; a missing field takes the focus; each page names itself in the tab, in Hindi too', async () => {
    const caseId = await registerChild('Lata');
    // every open deadline waived, so the case may be closed
    const { body: opened } = await stack.http.get(`/cases/${caseId}`).set(district.cwc).expect(200);
    for (const d of opened.openDeadlines as { id: string }[]) {
      await stack.http.post(`/cases/${caseId}/events`).set(district.cwc).send({ type: 'WAIVE_DEADLINE', payload: { deadlineId: d.id, reasons: 'produced before the bench on paper, recorded there' } }).expect(200);
    }
    const { page } = await newPage();
    await page.goto(`${base}/app/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await eventually(async () => (await page.title()) === 'Sign in · Raksha' || undefined);
    await signIn(page, base, user('cwc'));
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    await eventually(async () => (await page.title()) === 'My queue · Raksha' || undefined);
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Case of Lata' }).waitFor();
    await eventually(async () => (await page.title()) === 'Case of Lata · Raksha' || undefined);

    // Sent with its ground left empty: the focus goes to the ground, the first field to correct.
    await page.getByLabel('Action').selectOption('CLOSE_CASE');
    const record = page.getByRole('button', { name: /^Record/ });
    await record.click();
    await page.getByText('Please correct the marked fields.').waitFor();
    await page.locator('#f-ground:focus').waitFor();
    await page.getByLabel('Ground').selectOption('RESTORED_AND_FOLLOWED_UP');
    await page.getByLabel('Reasons').fill('restored to her mother and followed up at home');

    // Closing cannot be undone: the first press asks, in plain words; "Go back" returns to the button, the case open.
    await record.click();
    const ask = page.getByRole('alertdialog', { name: 'Close this case?' });
    await ask.waitFor();
    await expect(ask.textContent()).resolves.toContain('nothing more can be recorded on it. This cannot be undone.');
    await ask.getByRole('button', { name: 'Go back' }).click();
    await ask.waitFor({ state: 'detached' });
    await record.and(page.locator(':focus')).waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('outbox-item').count()).toBe(0);
    expect(await eventTypes(caseId)).not.toContain('CLOSE_CASE');

    // Asked again, "Yes" closes it, as any event is sent: through the device's outbox.
    await record.click();
    await ask.getByRole('button', { name: 'Yes, close the case' }).click();
    await page.locator('[data-testid="timeline"] li[data-event="CLOSE_CASE"]').waitFor();
    expect(await eventTypes(caseId)).toContain('CLOSE_CASE');

    await page.getByLabel('Language').selectOption('hi');
    await page.getByRole('heading', { name: 'Lata का मामला' }).waitFor();
    await eventually(async () => (await page.title()) === 'Lata का मामला · रक्षा' || undefined);
  });

  it('a CWC with more cases waiting than one page reads on with "Load more", soonest deadline first', async () => {
    const busy = await isolatedDistrict(stack);
    const names = Array.from({ length: 51 }, (_, i) => `Child ${String(i + 1).padStart(2, '0')}`);
    // registered one after another, so each production deadline (s.31(1)) falls due after the one before
    for (const name of names) await stack.http.post('/cases').set(busy.cwc).send({ track: 'CNCP', districtCode: busy.districtCode, child: { name, ageYears: 9 } }).expect(201);
    const { page } = await newPage();
    await signIn(page, base, `cwc.t${busy.districtCode.slice('RJ-T'.length).toLowerCase()}`);
    const shown = () => page.getByRole('list', { name: 'My queue' }).locator('.child').allTextContents();
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    expect(await shown()).toEqual(names.slice(0, 50));
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('link', { name: 'Child 51', exact: true }).waitFor();
    expect(await shown()).toEqual(names);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  });

  it('a DCPU officer finds a missed production in the inbox and resolves it with a note', async () => {
    const { caseId, escalationId } = await caseWithMissedProduction(stack, temporal, { districtCode: district.districtCode, stateCode: 'RJ' });
    const { page } = await newPage({ width: 1280, height: 900 });
    await signIn(page, base, user('dcpu'));
    await page.getByRole('heading', { name: 'Escalations' }).waitFor();
    const card = page.getByTestId('escalation').filter({ hasText: 'Produce the child before the CWC' });
    await card.getByLabel('Note: what was done').fill('SJPU directed to produce the child today');
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No escalations.').waitFor();
    const resolved = await stack.http.get(`/cases/${caseId}/escalations`).set(district.dcpu).expect(200);
    expect(resolved.body).toEqual([expect.objectContaining({ id: escalationId, status: 'RESOLVED', resolutionNote: 'SJPU directed to produce the child today' })]);
  });

  it("the state monitor finds a case by the number said on the phone and reads its full timeline", async () => {
    const caseId = await registerChild('Meena');
    await stack.http.post(`/cases/${caseId}/events`).set(district.cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'RESCUED', producedBy: 'Childline' } }).expect(200);
    const { caseNumber } = (await stack.http.get(`/cases/${caseId}`).set(district.cwc).expect(200)).body as { caseNumber: string };
    const { page } = await newPage();
    await signIn(page, base, 'monitor.rj');
    await page.getByRole('heading', { name: 'MIS dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Search cases' }).click();
    await page.getByRole('heading', { name: 'Search cases' }).waitFor();
    await page.getByLabel('Case number').fill(caseNumber.toLowerCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    // a monitor's list names no child (JJ Act s.74): the case is listed by its number
    await page.getByRole('link', { name: `Case ${caseNumber}` }).click();
    await expect(page.getByTestId('case-number').textContent()).resolves.toBe(caseNumber);
    await page.getByText('Meena').first().waitFor(); // the case itself, its reading audited, names her
    const timeline = page.getByTestId('timeline');
    await timeline.locator('li[data-event="PRODUCED_BEFORE_CWC"]').waitFor();
    expect(await timeline.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event')))).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC']);
    await expect(timeline.textContent()).resolves.toContain('Met: Produce the child before the CWC');
    expect(await page.getByLabel('Action').count()).toBe(0);
  });

  it('on a link that cannot read the place lists, the district code can still be typed', async () => {
    const caseId = await registerChild('Sunita');
    // without the service worker, whose kept answers would stand in for the failing lists (test/e2e/offline-web.int.ts)
    const context = await web.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/places/**', (route) => route.abort('connectionfailed'));
    await signIn(page, base, 'monitor.rj');
    await page.getByRole('link', { name: 'Search cases' }).click();
    await page.getByText('The list of places could not be read').waitFor();
    await page.getByRole('textbox', { name: 'District', exact: true }).fill(district.districtCode.toLowerCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator(`a[href$="/cases/${caseId}"]`).waitFor();
    expect(await page.getByText('Sunita').count()).toBe(0); // listed by number, not by name (s.74)
  });

  it('a police officer registers a found child from the cases list, then works in Hindi, which the app remembers', async () => {
    const { page } = await newPage();
    await signIn(page, base, 'sjpu.jaipur');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Register a case' }).click();
    // the officer's own district is chosen already, shown by name
    await page.getByLabel('District', { exact: true }).locator('option:checked', { hasText: 'Jaipur' }).waitFor({ state: 'attached' });
    await page.getByLabel("Child's name").fill('Kiran');
    await page.getByLabel('Age in years').fill('8');
    // where the child was found: the district's police station, block and village, by name
    await page.getByLabel('Police station', { exact: true }).selectOption({ label: 'Police Station 02, Jaipur' });
    await page.getByLabel('Block', { exact: true }).selectOption({ label: 'Block 01, Jaipur' });
    await page.getByLabel('Village', { exact: true }).selectOption({ label: 'Village 01, Jaipur' });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    // a database used before holds the Kiran an earlier run registered here: the app shows her record first
    const saveAnyway = page.getByRole('button', { name: 'Not the same child: save' });
    await page.getByRole('heading', { name: 'Case of Kiran' }).or(saveAnyway).waitFor();
    if (await saveAnyway.count()) await saveAnyway.click();
    await page.getByRole('heading', { name: 'Case of Kiran' }).waitFor();
    await page.getByTestId('case-thana').getByText('Police Station 02, Jaipur').waitFor();
    await page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    await page.getByLabel('Language').selectOption('hi');
    await page.getByRole('heading', { name: 'Kiran का मामला' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('hi');
    await page.reload();
    await page.getByRole('heading', { name: 'Kiran का मामला' }).waitFor();
    await expect(page.getByTestId('case-stage').textContent()).resolves.toContain('बाल कल्याण समिति के सामने प्रस्तुत किया जाना है');
  });

  it('a CWC member registers a child with a date of birth and a father, sees when the child turns 18, corrects the name with a reason, and finds the case by the name in Devanagari', async () => {
    const { page } = await newPage({ width: 1024, height: 900 });
    await signIn(page, base, user('cwc'));
    await page.goto(`${base}/app/register`);
    await page.getByLabel("Child's name").fill('Sunil');
    await page.getByRole('textbox', { name: 'Date of birth' }).fill('2016-03-14');
    await page.getByLabel('Document showing the date of birth').selectOption('BIRTH_CERTIFICATE');
    await page.getByLabel("Parent's or guardian's name").fill('Ramesh Kumar');
    await page.getByLabel('Relation to the child').selectOption('FATHER');
    await page.getByLabel('Their phone number').fill('9829012345');
    await page.getByLabel('How the child was found').fill('found at the railway station, alone');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('heading', { name: 'Case of Sunil' }).waitFor();
    await page.getByTestId('child-turns-18').getByText('turns 18 on 14 Mar 2034').waitFor();
    await page.getByTestId('child-profile').getByText('Ramesh Kumar (father) · 9829012345').waitFor();

    await page.getByRole('button', { name: "Change the child's record" }).click();
    await page.getByLabel("Child's name").fill('Suneel');
    await page.getByLabel('Why the record is changed').fill('spelt as on the birth certificate');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await page.getByTestId('child-profile').getByText('Suneel').waitFor();
    await page.getByTestId('child-profile-versions').getByText(/changed the name/).waitFor();
    await page.getByTestId('child-profile-versions').getByText('spelt as on the birth certificate').waitFor();

    await page.goto(`${base}/app/cases`);
    await page.getByLabel("Child's name").fill('सुनील');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Suneel' }).waitFor();
  });

  it('an event recorded offline waits on the device and is sent exactly once when the connection returns', async () => {
    const caseId = await registerChild('Ravi');
    const { context, page } = await newPage();
    await signIn(page, base, user('cwc'));
    await page.goto(`${base}/app/cases/${caseId}`);
    await page.getByTestId('case-stage').getByText('to be produced before the CWC').waitFor();
    // the actions' card loads its code after the page is drawn (aria-busy until then), and this page has no service
    // worker's copy of it yet: the connection drops once the card is there
    await page.locator('main:not(:has([aria-busy="true"]))').waitFor();
    await context.setOffline(true);
    await page.getByText('You are offline').waitFor();
    await page.getByLabel('Action').selectOption('PRODUCED_BEFORE_CWC');
    await page.getByLabel('How the child came').selectOption('RUNAWAY');
    await page.getByLabel('Produced by').fill('CWPO Jaipur');
    await page.getByRole('button', { name: /^Record/ }).click();
    await page.getByTestId('outbox-item').getByText('Waiting for a connection').waitFor();
    expect(await eventTypes(caseId)).toEqual(['REGISTERED']);
    // the composed event waits on the device (a reload offline: test/e2e/offline-web.int.ts)
    await context.setOffline(false);
    await page.getByTestId('case-stage').getByText('Produced: interim placement pending inquiry').waitFor();
    await page.locator('[data-testid="timeline"] li[data-event="PRODUCED_BEFORE_CWC"]').waitFor();
    expect(await page.getByTestId('outbox-item').count()).toBe(0);
    // online/offline flapping and the periodic flush must not send it again
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(500);
    const types = await eventually(async () => {
      const t = await eventTypes(caseId);
      return t.length >= 2 ? t : undefined;
    });
    expect(types.filter((t) => t === 'PRODUCED_BEFORE_CWC')).toHaveLength(1);
    expect(types).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC']);
  });
});
