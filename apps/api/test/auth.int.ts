// Sign-in against the real PostgreSQL: the auth module in a Nest app of its own (infrastructure,
// auth, the global guard, the same pipe and filter as createApp), so it runs without Temporal.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import request from 'supertest';
import { loadTestConfig, type RakshaConfig } from '@raksha/config';
import { AuditRepository, createDb, UserRepository, type Db } from '@raksha/db';
import { AuthGuard } from '../src/auth/auth.guard.js';
import { AuthModule } from '../src/auth/auth.module.js';
import { UNKNOWN_USER_CHAIN } from '../src/auth/auth.service.js';
import { loginThrottleKey } from '../src/auth/login-throttle.js';
import { REDIS } from '../src/infrastructure/tokens.js';
import type { Redis } from 'ioredis';
import { hashPassword } from '@raksha/db/password';
import { TokenService } from '../src/auth/token.service.js';
import { InfrastructureModule } from '../src/infrastructure/infrastructure.module.js';
import { ProblemDetailsFilter } from '../src/problem/problem-details.filter.js';
import { SchemaValidationPipe } from '../src/problem/validation.js';
import { seed } from '@raksha/prisma/seed';
import { DEMO_PASSWORD, DEMO_USERS, demoUserId } from '@raksha/prisma/seed-users';
import { signIn } from '@raksha/test-support/auth';

@Module({})
class AuthTestModule {}

const PASSWORD = 'correct horse battery staple';

/** The claims of an access token, read without verifying (the test's own tokens). */
function claimsOf(token: string): { sub: string; sid: string; iat: number; exp: number; iss: string } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sign-in: login, refresh, logout and the access token', () => {
  let config: RakshaConfig;
  let db: Db;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let passwordHash: string;
  const created: string[] = [];

  beforeAll(async () => {
    config = loadTestConfig({ ...process.env, LOG_LEVEL: 'error' });
    db = createDb(config.databaseUrl);
    await seed(db);
    passwordHash = await hashPassword(PASSWORD);
    app = await NestFactory.create(
      { module: AuthTestModule, imports: [InfrastructureModule.forRoot(config), AuthModule], providers: [{ provide: APP_GUARD, useClass: AuthGuard }] },
      { logger: ['error'] },
    );
    app.useGlobalPipes(new SchemaValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    if (created.length) {
      await db.session.deleteMany({ where: { userId: { in: created } } });
      await db.user.deleteMany({ where: { id: { in: created } } });
    }
    await app?.close();
    await db?.$disconnect();
  });

  /** A user of this test alone (lock-outs and revocations must not touch the shared demo users). */
  async function freshUser(): Promise<{ id: string; username: string }> {
    const u = { id: randomUUID(), username: `test.${randomBytes(5).toString('hex')}` };
    await new UserRepository(db).upsert({ ...u, displayName: 'Test DCPU officer', passwordHash, bodyId: 'DCPU-RJ-JAIPUR', roles: ['DCPU_OFFICER'] });
    created.push(u.id);
    return u;
  }

  const login = (username: string, password: string) => http.post('/auth/login').send({ username, password });
  const me = (accessToken: string) => http.get('/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) => http.post('/auth/refresh').send({ refreshToken });

  it('login success: a bearer token pair, the user with roles and body, and /auth/me answers the principal', async () => {
    // cwc.jaipur's role needs the second step: the helper answers it (or sets it up, the first time).
    const res = { body: await signIn({ http, db, config }, 'cwc.jaipur') };
    expect((await login('cwc.jaipur', DEMO_PASSWORD).expect(200)).headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: config.auth.accessTokenTtlSeconds,
      user: {
        id: demoUserId('cwc.jaipur'),
        username: 'cwc.jaipur',
        roles: ['CWC_MEMBER'],
        body: { id: 'CWC-RJ-JAIPUR', type: 'CWC', level: 'DISTRICT', stateCode: 'RJ', districtCode: 'RJ-JAIPUR' },
      },
    });
    expect(res.body.refreshToken).toEqual(expect.any(String));
    const claims = claimsOf(res.body.accessToken);
    expect(claims).toMatchObject({ sub: demoUserId('cwc.jaipur'), sid: expect.any(String), iss: 'raksha' });
    expect(claims.exp - claims.iat).toBe(config.auth.accessTokenTtlSeconds);

    const principal = await me(res.body.accessToken).expect(200);
    expect(principal.body).toEqual({
      userId: demoUserId('cwc.jaipur'),
      username: 'cwc.jaipur',
      displayName: 'CWC member, Jaipur',
      roles: ['CWC_MEMBER'],
      body: { id: 'CWC-RJ-JAIPUR', type: 'CWC', name: 'Child Welfare Committee, Jaipur', level: 'DISTRICT', stateCode: 'RJ', districtCode: 'RJ-JAIPUR', thanaCode: null },
      secondStep: { required: true, enrolled: true },
      sessionId: claims.sid,
      enrolmentOnly: false,
    });
    // Usernames are matched trimmed and lower-cased.
    await login('  CWC.Jaipur ', DEMO_PASSWORD).expect(200);
    await http.get('/auth/me').expect(401);
  });

  it('every demo user signs in with the demo password, with their role and body', async () => {
    for (const u of DEMO_USERS) {
      const signedIn = await signIn({ http, db, config }, u.username).catch((err: Error) => err.message);
      expect(typeof signedIn === 'string' ? signedIn : signedIn.user).toMatchObject({ roles: [u.role], body: u.bodyId ? { id: u.bodyId } : null });
    }
    expect(DEMO_USERS.find((u) => u.username === 'cwpo.pune')?.bodyId).toBe('POLICE_STATION-MH-PUNE-PS-01');
    const citizen = await login('citizen.demo', DEMO_PASSWORD).expect(200);
    expect((await me(citizen.body.accessToken).expect(200)).body).toMatchObject({ roles: ['CITIZEN'], body: null });
  });

  it('wrong password and unknown user give identical 401s', async () => {
    const wrong = await login((await freshUser()).username, 'not the password').expect(401);
    const unknown = await login(`nobody.${randomBytes(4).toString('hex')}`, 'not the password').expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.headers['content-type']).toBe(wrong.headers['content-type']);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ type: '/problems/invalid-credentials', title: 'Sign-in failed', status: 401, detail: 'wrong username or password', instance: '/auth/login' });
  });

  it('a disabled account is refused like a wrong password, and its sessions stop working', async () => {
    const u = await freshUser();
    const before = await login(u.username, PASSWORD).expect(200);
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    const refused = await login(u.username, PASSWORD).expect(401);
    expect(refused.body.detail).toBe('wrong username or password');
    await me(before.body.accessToken).expect(401);
    await refresh(before.body.refreshToken).expect(401);
  });

  it('5 wrong passwords from one address make that address wait (429, Retry-After), the right password included; the account is not locked', async () => {
    const u = await freshUser();
    for (let i = 1; i <= 5; i++) expect((await login(u.username, `wrong-${i}`).expect(401)).body.type).toBe('/problems/invalid-credentials');
    const right = await login(u.username, PASSWORD).expect(429);
    expect(right.body.type).toBe('/problems/too-many-requests');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(await db.user.findUnique({ where: { id: u.id }, select: { lockedUntil: true } })).toEqual({ lockedUntil: null });

    // Fifteen minutes later (the count expired): the right password signs in and clears the account's count.
    const redis = app.get<Redis>(REDIS);
    const sources = await redis.keys(loginThrottleKey(u.username, '*'));
    expect(sources).toHaveLength(1);
    await redis.del(...sources);
    await login(u.username, PASSWORD).expect(200);
    expect(await db.user.findUnique({ where: { id: u.id }, select: { failedLogins: true, lockedUntil: true } })).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it('an account an administrator locked answers as a wrong password does', async () => {
    const u = await freshUser();
    await db.user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    const locked = await login(u.username, PASSWORD).expect(401);
    const unknown = await login(`${u.username}.nobody`, PASSWORD).expect(401);
    expect({ ...locked.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
  });

  it('a success resets the failure count: 4 failures, a success, 4 more failures do not lock', async () => {
    const u = await freshUser();
    for (let i = 0; i < 4; i++) await login(u.username, 'wrong').expect(401);
    await login(u.username, PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) await login(u.username, 'wrong').expect(401);
    await login(u.username, PASSWORD).expect(200);
  });

  it('refresh rotates and the old token is refused', async () => {
    const u = await freshUser();
    const first = await login(u.username, PASSWORD).expect(200);
    const second = await refresh(first.body.refreshToken).expect(200);
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.body).toMatchObject({ tokenType: 'Bearer', expiresIn: config.auth.accessTokenTtlSeconds, user: { id: u.id } });
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect(claimsOf(second.body.accessToken).sid).toBe(claimsOf(first.body.accessToken).sid);
    await me(second.body.accessToken).expect(200);

    const old = await refresh(first.body.refreshToken).expect(401);
    expect(old.body.type).toBe('/problems/unauthenticated');
    // Tokens that never were ours: malformed, or well-formed for a session that does not exist.
    await refresh('not-a-refresh-token').expect(401);
    await refresh(`${randomUUID()}.${randomBytes(32).toString('base64url')}`).expect(401);
  });

  it('reuse of a rotated token revokes the session', async () => {
    const u = await freshUser();
    const first = await login(u.username, PASSWORD).expect(200);
    const second = await refresh(first.body.refreshToken).expect(200);
    const reuse = await refresh(first.body.refreshToken).expect(401);
    expect(reuse.body.detail).toMatch(/already used/);

    // The thief's replay ends the session for everyone: the newest pair is dead too.
    await refresh(second.body.refreshToken).expect(401);
    await me(second.body.accessToken).expect(401);
    await me(first.body.accessToken).expect(401);
    const session = await db.session.findUnique({ where: { id: claimsOf(first.body.accessToken).sid } });
    expect(session?.revokedAt).toBeInstanceOf(Date);
    const actions = (await db.auditEntry.findMany({ where: { chain: `user:${u.id}` }, orderBy: { position: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['auth.login', 'auth.refresh', 'auth.refresh_reused']);
  });

  it('logout revokes and the access token stops working', async () => {
    const u = await freshUser();
    const session = await login(u.username, PASSWORD).expect(200);
    const other = await login(u.username, PASSWORD).expect(200);
    await me(session.body.accessToken).expect(200);
    await http.post('/auth/logout').send({ refreshToken: session.body.refreshToken }).expect(204);
    const after = await me(session.body.accessToken).expect(401);
    expect(after.body.detail).toMatch(/session has ended/);
    await refresh(session.body.refreshToken).expect(401);
    // Logging out twice is no error; the user's other session is untouched.
    await http.post('/auth/logout').send({ refreshToken: session.body.refreshToken }).expect(204);
    await me(other.body.accessToken).expect(200);
  });

  it('logout with only the bearer access token revokes its session', async () => {
    const u = await freshUser();
    const session = await login(u.username, PASSWORD).expect(200);
    await http.post('/auth/logout').set('Authorization', `Bearer ${session.body.accessToken}`).expect(204);
    await me(session.body.accessToken).expect(401);
    await refresh(session.body.refreshToken).expect(401);
    // Neither token: nothing to end.
    expect((await http.post('/auth/logout').send({}).expect(401)).body.type).toBe('/problems/unauthenticated');
  });

  it('expired access token refused (signed with a past exp)', async () => {
    const u = await freshUser();
    const session = await login(u.username, PASSWORD).expect(200);
    const { sid } = claimsOf(session.body.accessToken);
    const tokens = app.get(TokenService);
    // The same user and live session, signed so that it expired a second ago.
    const expired = tokens.signAccess(u.id, sid, new Date(Date.now() - (config.auth.accessTokenTtlSeconds + 1) * 1000));
    expect(claimsOf(expired).exp).toBeLessThan(Date.now() / 1000);
    const res = await me(expired).expect(401);
    expect(res.body.detail).toMatch(/expired/);
    await me(tokens.signAccess(u.id, sid)).expect(200);
  });

  it('tampered token refused: edited claims, edited signature, alg none, another key', async () => {
    const u = await freshUser();
    const victim = await freshUser();
    const session = await login(u.username, PASSWORD).expect(200);
    const token: string = session.body.accessToken;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = claimsOf(token);

    const asVictim = `${header}.${b64({ ...claims, sub: victim.id })}.${signature}`;
    const longer = `${header}.${b64({ ...claims, exp: claims.exp + 86_400 })}.${signature}`;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const flip = (c: string, bits: number) => alphabet[alphabet.indexOf(c) ^ bits]!;
    const badSignature = `${header}.${payload}.${flip(signature[0]!, 0b100000)}${signature.slice(1)}`;
    // The last of 43 characters carries 2 bits the 32-byte HMAC does not use: same bytes, other text.
    const reEncoded = `${header}.${payload}.${signature.slice(0, -1)}${flip(signature.at(-1)!, 0b1)}`;
    expect(Buffer.from(reEncoded.split('.')[2]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const otherKey = new TokenService({ ...config, auth: { ...config.auth, tokenSecret: 'another-secret-of-at-least-thirty-two-chars' } }).signAccess(u.id, claims.sid);
    for (const forged of [asVictim, longer, badSignature, reEncoded, algNone, otherKey, `${token}x`, 'garbage', `${header}.${payload}`]) {
      const res = await me(forged);
      expect({ forged, status: res.status, type: res.body.type }).toEqual({ forged, status: 401, type: '/problems/unauthenticated' });
    }
    await me(token).expect(200);
  });

  it('a role change takes effect at the next request, without signing in again', async () => {
    const u = await freshUser();
    const session = await login(u.username, PASSWORD).expect(200);
    expect((await me(session.body.accessToken).expect(200)).body.roles).toEqual(['DCPU_OFFICER']);
    await db.user.update({ where: { id: u.id }, data: { roles: ['PROBATION_OFFICER'] } });
    expect((await me(session.body.accessToken).expect(200)).body.roles).toEqual(['PROBATION_OFFICER']);
  });

  it('every login, failure and refresh appears in the audit chain, without passwords or tokens', async () => {
    const u = await freshUser();
    await login(u.username, 'wrong password').expect(401);
    const first = await login(u.username, PASSWORD).expect(200);
    const second = await refresh(first.body.refreshToken).expect(200);
    await http.post('/auth/logout').send({ refreshToken: second.body.refreshToken }).expect(204);

    const audit = new AuditRepository(db);
    const chain = `user:${u.id}`;
    const entries = await db.auditEntry.findMany({ where: { chain }, orderBy: { position: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login', 'auth.refresh', 'auth.logout']);
    expect(entries.every((e) => e.actorId === u.id && e.subjectType === 'user' && e.subjectId === u.id)).toBe(true);
    const sessionId = claimsOf(first.body.accessToken).sid;
    expect(entries.map((e) => e.detail)).toEqual([
      expect.objectContaining({ reason: 'wrong-password', consecutiveFailures: 1 }),
      expect.objectContaining({ sessionId }),
      expect.objectContaining({ sessionId }),
      expect.objectContaining({ sessionId, via: 'refresh-token' }),
    ]);
    expect(await audit.verifyChain(chain)).toEqual([]);

    const unknown = `nobody.${randomBytes(4).toString('hex')}`;
    await login(unknown, 'guessed password').expect(401);
    const failed = await db.auditEntry.findFirst({ where: { chain: UNKNOWN_USER_CHAIN, subjectId: unknown } });
    expect(failed).toMatchObject({ action: 'auth.login_failed', actorId: null, subjectType: 'username', detail: expect.objectContaining({ reason: 'unknown-user' }) });

    const secrets = [PASSWORD, 'wrong password', 'guessed password', first.body.accessToken, first.body.refreshToken, second.body.accessToken, second.body.refreshToken];
    const stored = JSON.stringify([...entries, failed].map((e) => e?.detail));
    for (const secret of secrets) expect(stored).not.toContain(secret);
    for (const token of [first.body.refreshToken, second.body.refreshToken]) expect(stored).not.toContain(token.split('.')[1]);
  });

  it('each failed sign-in is audited on the account; a throttled try reaches no account', async () => {
    const u = await freshUser();
    for (let i = 0; i < 5; i++) await login(u.username, 'wrong').expect(401);
    await login(u.username, PASSWORD).expect(429);
    const entries = await db.auditEntry.findMany({ where: { chain: `user:${u.id}` }, orderBy: { position: 'asc' } });
    expect(entries.map((e) => [e.action, (e.detail as { reason?: string }).reason])).toEqual(Array.from({ length: 5 }, () => ['auth.login_failed', 'wrong-password']));
  });

  it('validation 400 naming the field for a missing password', async () => {
    const res = await http.post('/auth/login').send({ username: 'cwc.jaipur' }).expect(400);
    expect(res.body.type).toBe('/problems/invalid-input');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    const noToken = await http.post('/auth/refresh').send({}).expect(400);
    expect(noToken.body.errors.map((e: { field: string }) => e.field)).toEqual(['refreshToken']);
  });
});
