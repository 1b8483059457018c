import { randomBytes, randomUUID } from 'node:crypto';
import type { Stack } from './stack.js';
import { DEMO_PASSWORD } from '../../prisma/seed-users.js';

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
