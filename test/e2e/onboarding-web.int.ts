// Onboarding in the web app: a district's administrator creates a block committee and invites a CWC member,
// who opens the link from the invitation, sets a password and signs in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';
import { as, currentTerm, totpSecretOf } from '../support/auth.js';
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
    // A CWC member's term of office: from the day of the state's notification to its last day.
    const term = currentTerm();
    await admin.getByLabel("Appointed from (the date of the state government's notification)").fill(term.from);
    await admin.getByLabel('Last day of the term').fill(term.until);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`An invitation is on its way to ${email}.`).waitFor();
    await admin.getByTestId('people').getByText('invited, no password yet').first().waitFor();
    const inWords = (day: string) => new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(new Date(day));
    const shown = admin.getByTestId('people').locator('li', { hasText: 'Meera Rathore' }).getByTestId('member-term');
    expect(await shown.textContent()).toContain(`Term of office: ${inWords(term.from)} to ${inWords(term.until)} in force`);
    if (process.env.RAKSHA_SCREENSHOTS) await shown.screenshot({ path: process.env.RAKSHA_SCREENSHOTS.replace(/\.png$/, '-term.png') });
    // The same term is the CWC's roster seat on the Registries' Bodies page: one record of it.
    await admin.goto(`${base}/app/registry/bodies`);
    const seat = admin.getByTestId('body').filter({ hasText: 'Jodhpur' }).locator('fieldset', { has: admin.locator('input[value="Meera Rathore"]') });
    await seat.getByText('Signs in to Raksha: the term here is their term of office (outside it they cannot act as a member).').waitFor();
    expect([await seat.getByLabel('Term from').inputValue(), await seat.getByLabel('Term to').inputValue()]).toEqual([term.from, term.until]);

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
    // A CWC member signs in with a second step: the app is set up first, from the QR code or the key in groups.
    await member.getByRole('heading', { name: 'Set up your sign-in codes' }).waitFor();
    await member.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = (await member.locator('.totp-secret').getAttribute('data-secret'))!;
    expect(await member.locator('.totp-secret').innerText()).toBe(secret.match(/.{4}/g)!.join(' '));
    await member.getByLabel('The 6-digit code the app now shows').fill(await generate({ secret }));
    await member.getByRole('button', { name: 'Confirm' }).click();
    await member.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    expect(await member.locator('.recovery-codes li').count()).toBe(10);
    await member.getByRole('button', { name: 'I have saved them' }).click();
    await member.locator('header.top').getByText(/Meera Rathore/).waitFor();

    // Signing in again asks for the app's code; a wrong one is said in plain words.
    await member.locator('header.top').getByRole('button', { name: 'Sign out' }).click();
    await member.getByLabel('Username').fill(email);
    await member.getByLabel('Password').fill('jodhpur-cwc-2026');
    await member.getByRole('button', { name: 'Sign in' }).click();
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await member.getByLabel('Sign-in code').fill(next === '000000' ? '111111' : '000000');
    await member.getByRole('button', { name: 'Continue' }).click();
    await member.getByText('That code is wrong or was already used. Enter the code the app shows now.').waitFor();
    await member.getByLabel('Sign-in code').fill(next);
    await member.getByRole('button', { name: 'Continue' }).click();
    await member.locator('header.top').getByText(/Meera Rathore/).waitFor();
  }, 90_000);

  it('a state administrator registers a partner system, is shown its secret once, and revokes it', async () => {
    const run = randomBytes(3).toString('hex');
    const admin = await (await web.newContext()).newPage();
    // An administrator signs in with a code from their authenticator app (set up through the API if not yet).
    await as(stack, 'admin.rj');
    await admin.goto(`${base}/app/`);
    await admin.getByLabel('Username').fill('admin.rj');
    await admin.getByLabel('Password').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByLabel('Sign-in code').waitFor();
    await stack.db.user.update({ where: { username: 'admin.rj' }, data: { totpLastStep: null } });
    await admin.getByLabel('Sign-in code').fill(await generate({ secret: (await totpSecretOf(stack, 'admin.rj'))! }));
    await admin.getByRole('button', { name: 'Continue' }).click();
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
