// Onboarding in the web app: a district's administrator creates a block committee and invites a CWC member,
// who opens the link from the invitation, sets a password and signs in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { eventually, type Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

describe('onboarding in the web app', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
  });
  afterAll(() => web?.stop());

  it("a district administrator creates a body and invites a CWC member, who sets a password from the link and signs in", async () => {
    const run = randomBytes(3).toString('hex').toUpperCase();
    const email = `cwc.member.${run.toLowerCase()}@example.org`;
    const admin = await (await web.newContext()).newPage();
    await signIn(admin, base, 'admin.jodhpur');
    await admin.getByRole('heading', { name: 'Administration: bodies and people' }).waitFor();

    await admin.getByLabel('Kind of body').selectOption('BCPC');
    await admin.getByLabel('Name', { exact: true }).fill(`Osian Block Child Protection Committee ${run}`);
    await admin.getByLabel('Code').fill(`OSIAN-${run}`);
    await admin.getByRole('button', { name: 'Create body' }).click();
    await admin.getByText(`Osian Block Child Protection Committee ${run} is created.`).waitFor();
    expect((await stack.db.body.findUnique({ where: { id: `BCPC-RJ-JODHPUR-OSIAN-${run}` } }))?.districtCode).toBe('RJ-JODHPUR');

    await admin.getByLabel('Body', { exact: true }).selectOption('CWC-RJ-JODHPUR');
    await admin.getByLabel('Full name').fill('Meera Rathore');
    await admin.getByLabel('Email address').fill(email);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`An invitation is on its way to ${email}.`).waitFor();
    await admin.getByTestId('people').getByText('invited, no password yet').first().waitFor();

    const person = await stack.db.user.findUniqueOrThrow({ where: { email } });
    const token = await eventually(async () => {
      const n = await stack.db.notification.findFirst({ where: { recipientUserId: person.id, kind: 'ACCOUNT_INVITATION' } });
      return n?.body.match(/#accept-invitation=([A-Za-z0-9_-]{43})/)?.[1];
    });

    const member = await (await web.newContext()).newPage();
    await member.goto(`${base}/app/#accept-invitation=${token}`);
    await member.getByRole('heading', { name: 'Set your password' }).waitFor();
    await member.getByLabel('New password').fill('jodhpur-cwc-2026');
    await member.getByLabel('Type it again').fill('jodhpur-cwc-2026');
    await member.getByRole('button', { name: 'Set password' }).click();
    await member.getByText('Your password is set.').waitFor();
    await member.getByRole('button', { name: 'Go to sign in' }).click();
    await member.getByLabel('Username').fill(email);
    await member.getByLabel('Password').fill('jodhpur-cwc-2026');
    await member.getByRole('button', { name: 'Sign in' }).click();
    await member.getByRole('button', { name: 'Sign out' }).waitFor();
    await member.getByText(/Meera Rathore/).first().waitFor();
  }, 90_000);

  it('a state administrator registers a partner system, is shown its secret once, and revokes it', async () => {
    const run = randomBytes(3).toString('hex');
    const admin = await (await web.newContext()).newPage();
    await signIn(admin, base, 'admin.rj');
    await admin.getByRole('heading', { name: 'Partner systems' }).waitFor();
    await admin.getByLabel('Name of the system').fill(`Rajasthan portal ${run}`);
    await admin.getByLabel('Kind of system').selectOption('STATE_SYSTEM');
    await admin.getByLabel("Read case summaries (never a child's name)").check();
    await admin.getByLabel('Follow what changes in its area').check();
    await admin.getByRole('button', { name: 'Register a partner system' }).click();
    const shown = admin.getByTestId('partner-secret');
    await shown.getByText(/^rks_/).waitFor();
    if (process.env.RAKSHA_SCREENSHOTS) await admin.screenshot({ path: process.env.RAKSHA_SCREENSHOTS, fullPage: true });
    const [clientId, clientSecret] = await shown.locator('code').allTextContents();
    const token = await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).expect(200);
    expect(token.body.scope).toBe('cases:summary feed:read');

    const item = admin.getByTestId('partner-clients').locator('li', { hasText: `Rajasthan portal ${run}` });
    await item.getByRole('button', { name: 'Revoke' }).click();
    await item.getByText('revoked').waitFor();
    await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).expect(401);
  }, 90_000);
});
