// The in-app inbox over HTTP: what the workflows tell a body reaches that body's people, and no one else.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

describe('inbox', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  it("tells the district's CWC of a new case, lets it mark the message read, and shows it to no other body", async () => {
    const d = await isolatedDistrict(stack);
    const { body: registered } = await stack.http
      .post('/cases')
      .set(d.dcpu)
      .send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 8 } })
      .expect(201);
    const [notice] = await eventually(async () => {
      const { body } = await stack.http.get('/notifications').set(d.cwc).expect(200);
      const mine = (body as { id: string; caseId: string; subject: string; readAt: string | null }[]).filter((n) => n.caseId === registered.caseId);
      return mine.length ? mine : undefined;
    }, 30_000);
    expect(notice).toMatchObject({ subject: expect.stringContaining('awaiting production before the CWC'), readAt: null });
    // The message names the case by the number its people say, as the case page shows it.
    const { body: theCase } = await stack.http.get(`/cases/${registered.caseId}`).set(d.cwc).expect(200);
    expect(theCase.caseNumber).toEqual(expect.any(String));
    expect(notice).toMatchObject({ caseNumber: theCase.caseNumber });

    const other = await as(stack, 'cwc.jaipur');
    const theirs = (await stack.http.get('/notifications').set(other).query({ limit: 200 }).expect(200)).body as { id: string }[];
    expect(theirs.map((n) => n.id)).not.toContain(notice!.id);
    await stack.http.post(`/notifications/${notice!.id}/read`).set(other).expect(404);

    const read = (await stack.http.post(`/notifications/${notice!.id}/read`).set(d.cwc).expect(200)).body;
    expect(read.readAt).not.toBeNull();
    const unread = (await stack.http.get('/notifications').set(d.cwc).query({ unread: 'true' }).expect(200)).body as { id: string }[];
    expect(unread.map((n) => n.id)).not.toContain(notice!.id);
    await stack.http.get('/notifications').set(d.cwc).query({ limit: 0 }).expect(400);
  });
});
