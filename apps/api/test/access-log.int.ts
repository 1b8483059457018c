// Who read what: a child's case's access log and a person's, for monitors and administrators of the jurisdiction.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedCwc } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

interface Entry {
  at: string;
  kind: string;
  action: string;
  event: string | null;
  who: { id: string; name: string; roles: string[] } | null;
  body: { id: string; name: string } | null;
  from: string | null;
  record: { type: string; id: string | null; count: number } | null;
}

/** Today in India, as the log's day filters take it. */
const indianDay = (offsetDays = 0) => new Date(Date.now() + 5.5 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("access log: who read or changed a child's record, and what a person read", () => {
  let stack: Stack;
  let caseId: string;
  let cwc: { Authorization: string };
  let cwcUserId: string;

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    // A district of its own, so the CWC member's reads are only those of this test.
    const isolated = await isolatedCwc(stack);
    cwc = isolated.headers;
    cwcUserId = (await stack.http.get('/auth/me').set(cwc).expect(200)).body.userId;
    caseId = (
      await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: isolated.districtCode, child: { name: 'Meera', ageYears: 8 } }).expect(201)
    ).body.caseId;
    // The member takes the case: a change the case's workflow writes, as the registration was.
    await stack.http.post(`/cases/${caseId}/assignment`).set(cwc).send({ userId: cwcUserId }).expect((res) => expect(res.status).toBeLessThan(300));
    await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    await stack.http.get(`/cases?districtCode=${isolated.districtCode}`).set(cwc).expect(200);
  });
  afterAll(() => stack?.stop());

  const caseLog = async (who: string, query = '') => (await stack.http.get(`/cases/${caseId}/access-log${query}`).set(await as(stack, who))).body as { items: Entry[]; nextCursor: string | null };

  it("shows the state monitor every read and change of the case: who, role, body, when and from where, newest first", async () => {
    const log = await caseLog('monitor.rj');
    const mine = log.items.filter((e) => e.who?.id === cwcUserId);
    expect(mine.map((e) => [e.kind, e.action])).toEqual([
      ['READ', 'cases.listed'],
      ['READ', 'case.read'],
      ['CHANGE', 'case.assigned'],
      // the child's profile, recorded with the registration (docs/child-profile.md)
      ['CHANGE', 'case.child-profile.recorded'],
      ['CHANGE', 'case.registered'],
    ]);
    const [listed, read, assigned, profile, registered] = mine as [Entry, Entry, Entry, Entry, Entry];
    expect(profile).toMatchObject({ who: { id: cwcUserId }, body: read.body, from: read.from });
    expect(read).toMatchObject({ who: { roles: ['CWC_MEMBER'] }, body: { id: expect.stringMatching(/^CWC-RJ-T/) }, from: expect.stringMatching(/127\.0\.0\.1|::1/), record: { type: 'case', id: caseId, count: 1 } });
    expect(listed.record).toEqual({ type: 'case', id: null, count: 1 });
    // Changes the workflow wrote name the body the member acted for and their address, as their reads do.
    expect(registered).toMatchObject({ event: 'REGISTERED', who: { id: cwcUserId }, body: read.body, from: read.from });
    expect(assigned).toMatchObject({ event: 'CASE_ASSIGNED', who: { id: cwcUserId }, body: read.body, from: read.from });
    expect(Date.parse(read.at)).toBeGreaterThanOrEqual(Date.parse(registered.at));
  });

  it("is itself audited: the administrator's look is on the log the monitor reads next, after the monitor's own", async () => {
    await caseLog('admin.rj');
    const log = await caseLog('monitor.rj');
    const looks = log.items.filter((e) => e.kind === 'ACCESS_LOG');
    // The reading is recorded before the answer goes out: the newest entry is this very look.
    expect(looks[0]).toMatchObject({ action: 'case.access-log.read', who: { roles: ['STATE_MONITOR'] }, body: { id: 'STATE_MONITORING_CELL-RJ' } });
    expect(looks[1]).toMatchObject({ action: 'case.access-log.read', who: { name: expect.any(String), roles: ['STATE_ADMIN'] }, body: { id: 'SCPS-RJ' } });
  });

  it('pages with the cursor and filters by day (India time)', async () => {
    const all = await caseLog('monitor.rj', '?limit=100');
    const seen: Entry[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await caseLog('monitor.rj', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    // Each look adds one entry (the look itself, newest): the pages together hold everything of the first look.
    const older = seen.filter((e) => e.kind !== 'ACCESS_LOG');
    expect(older).toEqual(all.items.filter((e) => e.kind !== 'ACCESS_LOG'));
    expect((await caseLog('monitor.rj', `?from=${indianDay(1)}`)).items).toEqual([]);
    expect((await caseLog('monitor.rj', `?from=${indianDay()}&to=${indianDay()}`)).items.length).toBeGreaterThan(3);
  });

  it('answers 404 outside the jurisdiction, 403 to a role that keeps no log, 400 naming a bad filter', async () => {
    expect((await stack.http.get(`/cases/${caseId}/access-log`).set(await as(stack, 'monitor.mh'))).status).toBe(404);
    expect((await stack.http.get(`/cases/${caseId}/access-log`).set(await as(stack, 'admin.pune'))).status).toBe(404);
    expect((await stack.http.get(`/cases/${caseId}/access-log`).set(cwc)).status).toBe(403);
    const forged = await stack.http.get(`/cases/${caseId}/access-log?cursor=bm90LW91cnM`).set(await as(stack, 'monitor.rj')).expect(400);
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const backwards = await stack.http.get(`/cases/${caseId}/access-log?from=${indianDay()}&to=${indianDay(-1)}`).set(await as(stack, 'monitor.rj')).expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });

  it("shows an administrator what a person of their jurisdiction read, and audits that look on the person's log", async () => {
    const admin = await as(stack, 'admin.rj');
    const log = (await stack.http.get(`/people/${cwcUserId}/access-log`).set(admin).expect(200)).body as { items: Entry[] };
    expect(log.items.map((e) => [e.action, e.record])).toEqual([
      ['cases.listed', { type: 'case', id: null, count: 1 }],
      ['case.read', { type: 'case', id: caseId, count: 1 }],
    ]);
    const monitorId = (await stack.http.get('/auth/me').set(await as(stack, 'monitor.rj')).expect(200)).body.userId;
    const monitorsReads = (await stack.http.get(`/people/${monitorId}/access-log`).set(admin).expect(200)).body as { items: Entry[] };
    expect(monitorsReads.items.map((e) => e.action)).toContain('case.access-log.read');
    const looked = await stack.db.auditEntry.findMany({ where: { chain: `reads:person:${cwcUserId}` } });
    expect(looked.map((e) => e.action)).toEqual(['person.access-log.read']);
    expect((await stack.http.get(`/people/${cwcUserId}/access-log`).set(await as(stack, 'admin.mh'))).status).toBe(404);
  });
});
