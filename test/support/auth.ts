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
