import { randomBytes, randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { requireDataKeys } from '@raksha/config';
import type { TokenResponse } from '@raksha/contracts';
import { Sealer } from '@raksha/db';
import type { Stack } from './stack.js';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';

const tokens = new WeakMap<Stack, Map<string, string>>();

/** Signs a seeded demo user in once per stack and returns the bearer header for them. */
export async function as(stack: Stack, username: string): Promise<{ Authorization: string }> {
  let mine = tokens.get(stack);
  if (!mine) tokens.set(stack, (mine = new Map()));
  let token = mine.get(username);
  if (!token) {
    token = (await signIn(stack, username)).accessToken;
    mine.set(username, token);
  }
  return { Authorization: `Bearer ${token}` };
}

/** What signing in needs of a stack (an app of the auth module alone will do). */
export type SignInStack = Pick<Stack, 'http' | 'db' | 'config'>;

/** The person's TOTP secret as their authenticator app holds it, opened from the database with the stack's data key. */
export async function totpSecretOf(stack: SignInStack, username: string): Promise<string | undefined> {
  const user = await stack.db.user.findUnique({ where: { username }, select: { id: true, totpSecret: true } });
  return user?.totpSecret ? (new Sealer(requireDataKeys(stack.config)).open(user.totpSecret, `totp:${user.id}`) as string) : undefined;
}

/**
 * Signs in as a person would, second step included: a role that needs one and has none sets it up through the API
 * (computing the app's code with otplib); one that has it answers the challenge with the current code. The suite
 * signs the same demo users in from many files at once, far more often than once per 30-second code; a phone
 * cannot do that, so before answering a challenge the helper forgets the last code step used (the replay guard
 * has its own tests in mfa.int.ts). Another file enrolling the same user at the same moment is retried.
 */
export async function signIn(stack: SignInStack, username: string, password: string = DEMO_PASSWORD): Promise<TokenResponse> {
  for (let attempt = 1; ; attempt++) {
    const fail = (what: string, res: { status: number; body: unknown }) => new Error(`${what} as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const login = await stack.http.post('/auth/login').send({ username, password });
    if (login.status !== 200) throw fail('login', login);
    let res;
    if (login.body.challenge) {
      const user = await stack.db.user.update({ where: { username }, data: { totpLastStep: null }, select: { id: true, totpSecret: true } });
      const secret = new Sealer(requireDataKeys(stack.config)).open(user.totpSecret!, `totp:${user.id}`) as string;
      res = await stack.http.post('/auth/mfa').send({ challenge: login.body.challenge, code: await generate({ secret }) });
      if (res.status === 200) return res.body as TokenResponse;
    } else if (login.body.enrolmentOnly) {
      const auth = { Authorization: `Bearer ${login.body.accessToken}` };
      const started = await stack.http.post('/me/mfa/totp').set(auth);
      res = started.status === 200 ? await stack.http.post('/me/mfa/totp/confirm').set(auth).send({ code: await generate({ secret: started.body.secret }) }) : started;
      if (res.status === 200) return { ...(login.body as TokenResponse), enrolmentOnly: false, user: { ...login.body.user, secondStep: { required: true, enrolled: true } } };
    } else {
      return login.body as TokenResponse;
    }
    // Another test file signed the same person in (or set up their app) at the same moment: start again.
    if (attempt >= 5) throw fail('second sign-in step', res);
  }
}

/**
 * A district of its own for a test that counts or orders cases, so cases other test files register
 * at the same time never show up in it; with a CWC member who signs in with the demo password.
 */
export async function isolatedCwc(stack: Stack): Promise<{ districtCode: string; headers: { Authorization: string } }> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const districtCode = `RJ-T${suffix}`;
  const demo = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jaipur' } });
  await stack.db.district.create({ data: { code: districtCode, name: `Test ${suffix}`, stateCode: 'RJ' } });
  const body = await stack.db.body.create({
    data: { id: `CWC-${districtCode}`, type: 'CWC', name: `CWC ${districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode },
  });
  const username = `cwc.t${suffix.toLowerCase()}`;
  await stack.db.user.create({
    data: { id: randomUUID(), username, displayName: username, passwordHash: demo.passwordHash, bodyId: body.id, roles: ['CWC_MEMBER'] },
  });
  return { districtCode, headers: await as(stack, username) };
}

export interface IsolatedDistrict {
  districtCode: string;
  /** bearer headers for one user of each body: CWC member, DCPU officer, probation officer, staff of each CCI */
  cwc: { Authorization: string };
  dcpu: { Authorization: string };
  probation: { Authorization: string };
  cciStaff: Record<string, { Authorization: string }>;
  /** institution ids, in the order their capacities were given */
  ccis: string[];
}

/**
 * A district of its own with a CWC, a DCPU and Children's Homes of the given capacities (MALE and FEMALE,
 * ages 12–17), so a test can count occupancy and cases without other test files' rows showing up.
 */
export async function isolatedDistrict(stack: Stack, cciCapacities: number[] = [5]): Promise<IsolatedDistrict> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const districtCode = `RJ-T${suffix}`;
  const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jaipur' } });
  await stack.db.district.create({ data: { code: districtCode, name: `Test ${suffix}`, stateCode: 'RJ' } });
  const place = { level: 'DISTRICT', stateCode: 'RJ', districtCode };
  const person = async (bodyId: string, role: string, name: string) => {
    const username = `${name}.t${suffix.toLowerCase()}`;
    await stack.db.user.create({ data: { id: randomUUID(), username, displayName: username, passwordHash, bodyId, roles: [role] } });
    return as(stack, username);
  };
  await stack.db.body.create({ data: { id: `CWC-${districtCode}`, type: 'CWC', name: `CWC ${districtCode}`, ...place } });
  await stack.db.body.create({ data: { id: `DCPU-${districtCode}`, type: 'DCPU', name: `DCPU ${districtCode}`, ...place } });
  const ccis: string[] = [];
  const cciStaff: Record<string, { Authorization: string }> = {};
  for (const [i, sanctioned] of cciCapacities.entries()) {
    const id = `CCI-${districtCode}-${i + 1}`;
    await stack.db.body.create({ data: { id, type: 'CCI', name: `Children's Home ${i + 1}, ${districtCode}`, ...place } });
    await stack.db.institution.create({
      data: {
        bodyId: id,
        kind: 'CHILDRENS_HOME',
        management: 'GOVERNMENT',
        // registered (s.41(1)) well past any test's clock, so an order may place a child there
        registrationNo: `JJ/REG/${id}`,
        registeredFrom: new Date('2024-04-01'),
        registeredUntil: new Date('2099-03-31'),
        capacities: { create: ['MALE', 'FEMALE'].map((gender) => ({ gender, ageBand: '12-17', sanctioned })) },
      },
    });
    ccis.push(id);
    cciStaff[id] = await person(id, 'CCI_STAFF', `cci${i + 1}`);
  }
  return {
    districtCode,
    cwc: await person(`CWC-${districtCode}`, 'CWC_MEMBER', 'cwc'),
    dcpu: await person(`DCPU-${districtCode}`, 'DCPU_OFFICER', 'dcpu'),
    probation: await person(`DCPU-${districtCode}`, 'PROBATION_OFFICER', 'probation'),
    cciStaff,
    ccis,
  };
}

/** A citizen of their own (reports are limited per citizen per day), signing in with the demo password. */
export async function freshCitizen(stack: Stack): Promise<{ userId: string; headers: { Authorization: string } }> {
  const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'citizen.demo' } });
  const username = `citizen.t${randomBytes(4).toString('hex')}`;
  const userId = randomUUID();
  await stack.db.user.create({ data: { id: userId, username, displayName: `Citizen ${username}`, passwordHash, bodyId: null, roles: ['CITIZEN'] } });
  return { userId, headers: await as(stack, username) };
}

/** A CWC / JJB member's term of office in force today (a month ago to two years on), as their invitation or move carries it. */
export function currentTerm(): { from: string; until: string } {
  const day = (offset: number) => new Date(Date.now() + 5.5 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-30), until: day(700) };
}
