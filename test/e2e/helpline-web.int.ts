// A CHILDLINE worker works a helpline call in the web app: reaches the child, records the rescue, opens the case.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { as } from '../support/auth.js';
import type { Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

describe('helpline calls in the web app', () => {
  let web: WebStack;
  let stack: Stack;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack } = web);
  });
  afterAll(() => web?.stop());

  it('a CHILDLINE worker sees a 1098 call, records that the child was reached and rescued, and opens the case that begins with the call', async () => {
    const client = await stack.http
      .post('/partner-clients')
      .set(await as(stack, 'admin.india'))
      .send({ name: 'CHILDLINE 1098', kind: 'HELPLINE_1098', scopes: ['interventions:write'] })
      .expect(201);
    const token = await stack.http.post('/oauth/token').auth(client.body.clientId, client.body.clientSecret).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    const words = `Boy of about 7 selling balloons at Jal Mahal after dark ${randomUUID().slice(0, 6)}`;
    await stack.http
      .post('/helpline/v1/calls')
      .set({ Authorization: `Bearer ${token.body.access_token}` })
      .send({ callId: `JP-2026-${String(Date.now()).slice(-6)}`, calledAt: new Date().toISOString(), place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', text: 'Jal Mahal' }, callerRelation: 'PASSER_BY', child: { description: words, gender: 'MALE' }, distress: 'CHILD_LABOUR' })
      .expect(200);

    const page = await (await web.newContext()).newPage();
    await signIn(page, web.base, 'childline.jaipur');
    await page.getByRole('link', { name: 'Helpline calls' }).click();
    const card = page.getByTestId('intervention').filter({ hasText: words });
    await card.waitFor();
    expect(await card.textContent()).toContain('Child labour');
    await card.getByRole('button', { name: 'We reached the child' }).click();
    await page.getByTestId('intervention').filter({ hasText: words }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Reached', exact: true }).click();
    const reached = page.getByTestId('intervention').filter({ hasText: words });
    await reached.getByRole('button', { name: 'Child rescued: start a case' }).click();
    await reached.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Rescued', exact: true }).click();
    await page.getByTestId('intervention').filter({ hasText: words }).getByRole('link', { name: 'Open the case' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const first = timeline.locator('li').first();
    expect(await first.getAttribute('data-event')).toBe('HELPLINE_CALL');
    expect(await first.textContent()).toContain('Helpline call');
    // The helpline's own call reference is shown; the intervention's internal id is not.
    expect(await timeline.textContent()).toContain('Call reference: JP-2026-');
    expect(await timeline.textContent()).not.toMatch(/interventionId|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
