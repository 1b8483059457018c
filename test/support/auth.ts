import { randomBytes, randomUUID } from 'node:crypto';
import type { Stack } from './stack.js';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';

const tokens = new WeakMap<Stack, Map<string, string>>();

/** Signs a seeded demo user in once per stack and returns the bearer header for them. */
export async function as(stack: Stack, username: string): Promise<{ Authorization: string }> {
  let mine = tokens.get(stack);
  if (!mine) tokens.set(stack, (mine = new Map()));
  let token = mine.get(username);
  if (!token) {
    const res = await stack.http.post('/auth/login').send({ username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    token = res.body.accessToken as string;
    mine.set(username, token);
  }
  return { Authorization: `Bearer ${token}` };
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
