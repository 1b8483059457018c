// Place pickers: every signed-in user reads the states and a state's districts; bad or unknown codes answer clearly.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('places for pickers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  it("lists the states by name and a state's districts by name, to a police officer and a citizen alike", async () => {
    for (const username of ['sho.jaipur', 'citizen.demo']) {
      const headers = await as(stack, username);
      const states = await stack.http.get('/places/states').set(headers).expect(200);
      expect(states.headers['cache-control']).toContain('max-age=3600');
      expect(states.body).toEqual(expect.arrayContaining([{ code: 'RJ', name: 'Rajasthan', kind: 'STATE' }, expect.objectContaining({ code: 'DL', kind: 'UT' })]));
      const names = states.body.map((s: { name: string }) => s.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

      const districts = await stack.http.get('/places/states/RJ/districts').set(headers).expect(200);
      expect(districts.body).toEqual(expect.arrayContaining([{ code: 'RJ-JAIPUR', name: 'Jaipur' }, { code: 'RJ-JODHPUR', name: 'Jodhpur' }]));
      expect(districts.body.every((d: { code: string }) => d.code.startsWith('RJ-'))).toBe(true);
    }
  });

  it('refuses a malformed state code naming the field, answers 404 for an unknown one, and 401 without a sign-in', async () => {
    const headers = await as(stack, 'sho.jaipur');
    const bad = await stack.http.get('/places/states/rj1/districts').set(headers).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].field).toBe('stateCode');
    const unknown = await stack.http.get('/places/states/QQ/districts').set(headers).expect(404);
    expect(unknown.body.detail).toContain('QQ');
    await stack.http.get('/places/states').expect(401);
  });
});
