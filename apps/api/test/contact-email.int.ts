// A citizen's email verified through a real SMTP server (smtp-server, listening locally), as a deployment
// with CONTACT_CODE_DELIVERY=smtp sends it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { freshCitizen } from '@raksha/test-support/auth';
import { startSmtpServer } from '@raksha/test-support/local-servers';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

describe('citizen contact verification by email', () => {
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await startStack(await caseWorkflowBundle(), { CONTACT_CODE_DELIVERY: 'smtp', SMTP_URL: smtp.url, SMTP_FROM: 'Raksha <no-reply@raksha.test>' });
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  it('mails the code to the address given, verifies it, and refuses a phone it cannot reach', async () => {
    const citizen = await freshCitizen(stack);
    const phone = await stack.http.post('/me/contact-verifications').set(citizen.headers).send({ channel: 'PHONE', address: '9829012345' }).expect(422);
    expect(phone.body).toMatchObject({ type: expect.stringContaining('contact-channel-unavailable'), channel: 'PHONE' });

    await stack.http.post('/me/contact-verifications').set(citizen.headers).send({ channel: 'EMAIL', address: ' Meena.Devi@Example.org ' }).expect(201);
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes('meena.devi@example.org')));
    const code = /code: (\d{6})/.exec(mail.raw)![1]!;
    // Nothing of it in the in-app inbox: the mail is the proof.
    const inbox = (await stack.http.get('/notifications').set(citizen.headers).expect(200)).body as { kind: string }[];
    expect(inbox.filter((n) => n.kind === 'CONTACT_CODE')).toEqual([]);
    await stack.http.post('/me/contact-verifications/confirm').set(citizen.headers).send({ code }).expect(200);

    const { body: filed } = await stack.http
      .post('/reports/found')
      .set(citizen.headers)
      .send({ child: { name: 'Pinky', gender: 'FEMALE', ageYears: { min: 5, max: 7 } }, foundAt: '2026-11-24T18:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'near Hawa Mahal' } })
      .expect(201);
    expect(filed.reporter).toMatchObject({ email: 'meena.devi@example.org', verified: true });
  });
});
