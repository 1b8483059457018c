// The second sign-in step (TOTP, RFC 6238) against the real PostgreSQL and Redis: enrolment with a QR code, the
// challenge after the password, replayed and wrong codes, recovery codes, the enrolment-only session of a role
// that needs it, and an administrator's reset for a lost phone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';
import { as, totpSecretOf } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('the second sign-in step (TOTP)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  /** A person of this test alone, with the demo password: a Jaipur DCPU officer unless told. */
  const person = async (roles = ['DCPU_OFFICER'], bodyId: string | null = 'DCPU-RJ-JAIPUR') => {
    const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'dcpu.jaipur' } });
    const username = `mfa.${randomBytes(5).toString('hex')}`;
    const id = randomUUID();
    await stack.db.user.create({ data: { id, username, displayName: username, passwordHash, bodyId, roles } });
    return { id, username };
  };
  const login = (username: string) => stack.http.post('/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** The code the person's app shows `steps` periods of 30 s from now. */
  const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });
  /** Sets the app up through the API: the secret and the recovery codes. */
  const enrol = async (username: string) => {
    const session = bearer((await login(username)).body.accessToken);
    const started = await stack.http.post('/me/mfa/totp').set(session).expect(200);
    const confirmCode = await codeAt(started.body.secret);
    const confirmed = await stack.http.post('/me/mfa/totp/confirm').set(session).send({ code: confirmCode }).expect(200);
    return { secret: started.body.secret as string, confirmCode, recoveryCodes: confirmed.body.recoveryCodes as string[], session };
  };

  it('sets up an authenticator app from a QR code, keeps the secret sealed, and then asks every sign-in for a code', async () => {
    const p = await person();
    const first = await login(p.username);
    expect(first.body).toMatchObject({ enrolmentOnly: true, user: { secondStep: { required: true, enrolled: false } } });
    const session = bearer(first.body.accessToken);
    // The page opened twice at once: one secret between them.
    const [started, twin] = await Promise.all([stack.http.post('/me/mfa/totp').set(session).expect(200), stack.http.post('/me/mfa/totp').set(session).expect(200)]);
    expect(twin.body.secret).toBe(started.body.secret);
    expect(started.headers['cache-control']).toBe('no-store');
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toBe(`otpauth://totp/Raksha:${p.username}?secret=${secret}&issuer=Raksha`);
    expect(Buffer.from(started.body.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    // Reloading the page before confirming shows the same secret: a code already scanned still works.
    expect((await stack.http.post('/me/mfa/totp').set(session).expect(200)).body.secret).toBe(secret);
    const stored = await stack.db.user.findUniqueOrThrow({ where: { id: p.id } });
    expect(stored.totpSecret).toMatch(/^v2\./);
    expect(stored.totpSecret).not.toContain(secret);

    const wrongFirst = await stack.http.post('/me/mfa/totp/confirm').set(session).send({ code: '12345' }).expect(400);
    expect(wrongFirst.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    const confirmed = await stack.http.post('/me/mfa/totp/confirm').set(session).send({ code: await codeAt(secret) }).expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((c) => expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/));
    const hashes = await stack.db.recoveryCode.findMany({ where: { userId: p.id } });
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.codeHash).join()).not.toContain(codes[0]!.replace('-', ''));
    // The session that set it up may now work; setting it up again is refused.
    await stack.http.get('/cases').set(session).expect(200);
    expect((await stack.http.post('/me/mfa/totp').set(session).expect(409)).body.type).toBe('/problems/second-step-exists');

    const next = await login(p.username);
    expect(next.body).toEqual({ secondStep: 'TOTP', challenge: expect.any(String), expiresIn: 300 });
    const signedIn = await stack.http.post('/auth/mfa').send({ challenge: next.body.challenge, code: await codeAt(secret, 1) }).expect(200);
    expect(signedIn.body).toMatchObject({ enrolmentOnly: false, user: { id: p.id, secondStep: { required: true, enrolled: true } } });
    await stack.http.get('/cases').set(bearer(signedIn.body.accessToken)).expect(200);
    const audit = await stack.db.auditEntry.findMany({ where: { chain: `user:${p.id}` }, orderBy: { position: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.second_step_enrolled', 'auth.login']));
    expect(JSON.stringify(audit.map((e) => e.detail))).not.toContain(secret);
  });

  it('refuses a wrong code and a replayed one naming the field, throttled like wrong passwords, without locking the account', async () => {
    const p = await person();
    const { secret, confirmCode } = await enrol(p.username);
    const challenge = (await login(p.username)).body.challenge as string;
    // The code the confirmation used cannot sign in.
    const replayed = await stack.http.post('/auth/mfa').send({ challenge, code: confirmCode }).expect(401);
    expect(replayed.body).toMatchObject({ type: '/problems/second-step-failed', errors: [{ field: 'code', message: expect.stringContaining('used already') }] });
    const nextCode = await codeAt(secret, 1);
    const ok = await stack.http.post('/auth/mfa').send({ challenge, code: nextCode }).expect(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
    // The same code again (the challenge is still young): refused, and it counts as a failure.
    expect((await stack.http.post('/auth/mfa').send({ challenge, code: nextCode }).expect(401)).body.errors[0].field).toBe('code');

    const wrongCode = (await codeAt(secret, 5)) === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const wrong = await stack.http.post('/auth/mfa').send({ challenge, code: wrongCode }).expect(401);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code', message: expect.stringContaining('not the code') })]);
    }
    // Five failures since the last success (the reused code and four wrong ones): this source waits, 429.
    await stack.http.post('/auth/mfa').send({ challenge, code: wrongCode }).expect(429);
    await stack.http.post('/auth/login').send({ username: p.username, password: DEMO_PASSWORD }).expect(429);
    const account = await stack.db.user.findUniqueOrThrow({ where: { id: p.id } });
    expect({ lockedUntil: account.lockedUntil, disabledAt: account.disabledAt }).toEqual({ lockedUntil: null, disabledAt: null });
    // A forged or expired challenge signs nobody in.
    const forged = challenge.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await stack.http.post('/auth/mfa').send({ challenge: forged, code: await codeAt(secret, 1) })).status).toBe(401);
    expect((await stack.http.post('/auth/mfa').send({ challenge, code: '123456', recoveryCode: 'abcde-fghij' }).expect(400)).body.errors[0].field).toBe('code');
  });

  it('lets each recovery code stand in for the app once', async () => {
    const p = await person();
    const { recoveryCodes } = await enrol(p.username);
    const first = await stack.http.post('/auth/mfa').send({ challenge: (await login(p.username)).body.challenge, recoveryCode: recoveryCodes[3]!.toUpperCase() }).expect(200);
    await stack.http.get('/cases').set(bearer(first.body.accessToken)).expect(200);
    const again = await stack.http.post('/auth/mfa').send({ challenge: (await login(p.username)).body.challenge, recoveryCode: recoveryCodes[3] }).expect(401);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'recoveryCode' })]);
    await stack.http.post('/auth/mfa').send({ challenge: (await login(p.username)).body.challenge, recoveryCode: recoveryCodes[4]!.replace('-', '') }).expect(200);
    const used = await stack.db.auditEntry.findMany({ where: { chain: `user:${p.id}`, action: 'auth.login' }, orderBy: { position: 'asc' } });
    expect(used.map((e) => (e.detail as { recoveryCodesLeft?: number }).recoveryCodesLeft).filter((n) => n !== undefined)).toEqual([9, 8]);
  });

  it("limits a role that needs the second step to setting it up; a citizen's is optional", async () => {
    const officer = await person(['CWC_MEMBER'], 'CWC-RJ-JAIPUR');
    const session = bearer((await login(officer.username)).body.accessToken);
    const refused = await stack.http.get('/cases').set(session).expect(403);
    expect(refused.body).toMatchObject({ type: '/problems/second-step-required', title: expect.stringContaining('second sign-in step') });
    await stack.http.get('/notifications').set(session).expect(403);
    expect((await stack.http.get('/auth/me').set(session).expect(200)).body).toMatchObject({ enrolmentOnly: true, secondStep: { required: true, enrolled: false } });
    // Refreshing keeps the session limited.
    const refreshed = await stack.http.post('/auth/refresh').send({ refreshToken: (await login(officer.username)).body.refreshToken }).expect(200);
    expect(refreshed.body.enrolmentOnly).toBe(true);
    // Another session of the same person, opened before they set it up, stays limited after.
    await enrol(officer.username);
    await stack.http.get('/cases').set(session).expect(403);

    const citizen = await person(['CITIZEN'], null);
    const plain = await login(citizen.username);
    expect(plain.body).toMatchObject({ enrolmentOnly: false, user: { secondStep: { required: false, enrolled: false } } });
    await stack.http.get('/reports').set(bearer(plain.body.accessToken)).expect(200);
    const { secret } = await enrol(citizen.username);
    const challenged = await login(citizen.username);
    expect(challenged.body.secondStep).toBe('TOTP');
    await stack.http.post('/auth/mfa').send({ challenge: challenged.body.challenge, code: await codeAt(secret, 1) }).expect(200);
  });

  it("lets an administrator of the person's district reset a lost phone: audited, sessions ended, set up again at the next sign-in", async () => {
    const p = await person();
    const { session } = await enrol(p.username);
    await stack.http.get('/cases').set(session).expect(200);
    // Outside their jurisdiction an administrator finds no such person.
    expect((await stack.http.post(`/people/${p.id}/mfa/reset`).set(await as(stack, 'admin.pune'))).status).toBe(404);
    expect((await stack.http.post(`/people/${p.id}/mfa/reset`).set(await as(stack, 'cwc.jaipur'))).status).toBe(403);
    const listed = await stack.http.get('/people').query({ bodyId: 'DCPU-RJ-JAIPUR' }).set(await as(stack, 'admin.jaipur')).expect(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ id: p.id, secondStep: true }));
    const reset = await stack.http.post(`/people/${p.id}/mfa/reset`).set(await as(stack, 'admin.jaipur')).expect(200);
    expect(reset.body).toMatchObject({ id: p.id, status: 'ACTIVE', secondStep: false });
    await stack.http.get('/cases').set(session).expect(401);
    expect(await totpSecretOf(stack, p.username)).toBeUndefined();
    expect(await stack.db.recoveryCode.count({ where: { userId: p.id } })).toBe(0);
    const entry = await stack.db.auditEntry.findFirstOrThrow({ where: { chain: `user:${p.id}`, action: 'person.second_step_reset' } });
    expect(entry).toMatchObject({ actorId: (await stack.db.user.findUniqueOrThrow({ where: { username: 'admin.jaipur' } })).id, actorRole: 'DISTRICT_ADMIN' });
    expect((await login(p.username)).body).toMatchObject({ enrolmentOnly: true, user: { secondStep: { enrolled: false } } });
    // Nothing left to reset: the field is named.
    expect((await stack.http.post(`/people/${p.id}/mfa/reset`).set(await as(stack, 'admin.jaipur')).expect(400)).body.errors[0].field).toBe('id');
  });
});
