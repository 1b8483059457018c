// How people are reached, in a real browser on a phone's screen: a DCPU officer sets their own notifications, sees who a
// case's notices reached, and an SCPS officer sends a dead-lettered webhook again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { as, isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import type { Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

describe('notifications in the web app', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;
  let district: IsolatedDistrict;
  let dcpu: string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
    district = await isolatedDistrict(stack);
    dcpu = `dcpu.t${district.districtCode.slice('RJ-T'.length).toLowerCase()}`;
  });
  afterAll(() => web?.stop());

  it('lets a DCPU officer choose Hindi, email for registered cases and no daily summary, with escalations shown as always reaching them', async () => {
    const page = await (await web.newContext()).newPage();
    await signIn(page, base, dcpu);
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'How you are reached' }).waitFor();
    const escalations = page.getByRole('checkbox', { name: 'Escalations and their reminders — Email' });
    expect(await escalations.isChecked()).toBe(true);
    expect(await escalations.isDisabled()).toBe(true);
    await page.getByLabel('Language of your emails and SMS').selectOption('hi');
    await page.getByRole('checkbox', { name: 'A case registered — Email' }).check();
    await page.getByRole('checkbox', { name: 'Email me a summary each morning' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const saved = await stack.http.get('/me/notification-settings').set(district.dcpu).expect(200);
    expect(saved.body).toMatchObject({ language: 'hi', choices: { CASE_REGISTERED: ['EMAIL'] }, digest: false });
    await page.reload();
    expect(await page.getByRole('checkbox', { name: 'Email me a summary each morning' }).isChecked()).toBe(false);
  });

  it('shows on a case who its notices reached, how and when, with the address masked', async () => {
    const registered = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name: 'Asha', ageYears: 9 } }).expect(201);
    const caseId = registered.body.caseId as string;
    const officer = await stack.db.user.findUniqueOrThrow({ where: { username: dcpu } });
    const at = new Date();
    await stack.db.delivery.create({
      data: { id: randomUUID(), noticeKey: `case-${caseId}-1-DCPU`, channel: 'EMAIL', recipientId: officer.id, address: 'officer@dcpu.example.gov.in', caseId, kind: 'CASE_REGISTERED', stateCode: 'RJ', districtCode: district.districtCode, status: 'SENT', attempts: 1, queuedAt: at, sentAt: at },
    });
    const page = await (await web.newContext()).newPage();
    await signIn(page, base, dcpu);
    await page.goto(`${base}/app/cases/${caseId}`);
    const reached = page.getByTestId('case-deliveries');
    await reached.waitFor();
    const text = await reached.innerText();
    expect(text).toContain('Who was reached, how and when');
    expect(text).toContain(`To ${dcpu} (o•••@dcpu.example.gov.in)`);
    expect(text).toMatch(/Sent[\s\S]*A case registered[\s\S]*sent /);
    expect(text).not.toContain('officer@');
  });

  it('lists a dead-lettered webhook for the SCPS officer, who sends it again', async () => {
    const name = `Partner portal ${randomBytes(3).toString('hex')}`;
    const sub = await stack.db.webhookSubscription.create({ data: { id: randomUUID(), name, url: 'https://partner.example.org/raksha', eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'RJ', districtCode: district.districtCode, secret: 'whsec_x' } });
    const id = randomUUID();
    await stack.db.delivery.create({
      data: { id, noticeKey: `hook-${id}`, channel: 'WEBHOOK', recipientId: sub.id, address: sub.url, kind: 'DEADLINE_ESCALATED', stateCode: 'RJ', districtCode: district.districtCode, status: 'FAILED', attempts: 6, lastError: 'the partner answered 500', failedAt: new Date() },
    });
    const page = await (await web.newContext()).newPage();
    await signIn(page, base, 'scps.rj');
    await page.getByRole('link', { name: 'Deliveries' }).click();
    const card = page.getByTestId('delivery').filter({ hasText: name });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Partner system[\s\S]*Failed[\s\S]*partner\.example\.org[\s\S]*Set aside after 6 attempts/);
    await card.getByRole('button', { name: 'Send again' }).click();
    await page.getByRole('status').filter({ hasText: 'Queued to be sent again.' }).waitFor();
    expect(await stack.db.delivery.findUnique({ where: { id } })).toMatchObject({ status: 'QUEUED', attempts: 0 });
    // only a state's officer manages deliveries: the DCPU officer has no such page
    expect((await stack.http.get('/deliveries').set(await as(stack, dcpu))).status).toBe(403);
  });
});
