// Bulk imports along one path: people invited from CSV (dry run, rejected rows, idempotent by email) and long
// imports written by a job whose progress GET /imports/:id reports, resumed after a crash; a district's police stations.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { ImportJobsService } from '@raksha/api/imports/import-jobs.service';
import { as, currentTerm } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const HEADER = 'email,displayName,bodyId,role,mobile,head,termFrom,termUntil';
/** A CWC / JJB member's term of office, required for those roles. */
const TERM = `,${currentTerm().from},${currentTerm().until}`;
const PROBLEM_JSON = /application\/problem\+json/;

describe('imports: people from CSV, and long imports as jobs', () => {
  let stack: Stack;
  const run = randomBytes(3).toString('hex');
  const email = (who: string) => `${who}.${run}@example.org`;
  const csvOf = (lines: string[]) => `${HEADER}\r\n${lines.join('\r\n')}\r\n`;
  /** DCPU officers (no seat on a roster: as many as a file holds). */
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${email(`${prefix}${i}`)},Officer ${prefix} ${i},DCPU-RJ-JAIPUR,DCPU_OFFICER,,,,`);
  /** A CWC of Jaipur's own for this run: the members a file seats fill its roster, not the demo CWC's (4 members' seats, s.27). */
  const cwc = `CWC-RJ-JAIPUR-T${run.toUpperCase()}`;
  const invitationsTo = async (emails: string[]) => {
    const users = await stack.db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    return stack.db.notification.count({ where: { recipientUserId: { in: users.map((u) => u.id) }, kind: 'ACCOUNT_INVITATION' } });
  };
  const finished = (id: string, headers: { Authorization: string }) =>
    eventually(async () => {
      const res = await stack.http.get(`/imports/${id}`).set(headers).expect(200);
      return res.body.status === 'DONE' || res.body.status === 'FAILED' ? res.body : undefined;
    }, 120_000);

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    await stack.db.body.create({ data: { id: cwc, type: 'CWC', name: `Second CWC, Jaipur ${run}`, level: 'DISTRICT', stateCode: 'RJ', districtCode: 'RJ-JAIPUR' } });
  });
  afterAll(() => stack?.stop());

  it('refuses a file with bad rows whole, naming each row and column, and stores nothing', async () => {
    const admin = await as(stack, 'admin.jaipur');
    const file = csvOf([
      `${email('good')},A good row,CWC-RJ-JAIPUR,CWC_MEMBER,,${TERM}`,
      `not-an-email,Bad email,CWC-RJ-JAIPUR,CWC_MEMBER,,${TERM}`,
      `${email('pune')},Outside,CWC-MH-PUNE,CWC_MEMBER,,${TERM}`,
      `${email('misfit')},Wrong role for the body,CWC-RJ-JAIPUR,JJB_MEMBER,,${TERM}`,
      `${email('good')},Twice,CWC-RJ-JAIPUR,CWC_MEMBER,,${TERM}`,
      `${email('head')},Bad head,CWC-RJ-JAIPUR,CWC_MEMBER,,perhaps${TERM}`,
      `${email('term')},Term over the longest allowed,CWC-RJ-JAIPUR,CWC_MEMBER,,,2026-01-01,2030-01-01`,
    ]);
    const res = await stack.http.post('/people/import').set(admin).set('content-type', 'text/csv').send(file).expect(422);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body.rejected.map((r: { row: number; column?: string }) => [r.row, r.column])).toEqual([
      [3, 'email'],
      [4, 'bodyId'],
      [5, 'role'],
      [6, 'email'],
      [7, 'head'],
      [8, 'termUntil'],
    ]);
    expect(await stack.db.user.count({ where: { email: { in: [email('good'), email('pune'), email('misfit'), email('head'), email('term')] } } })).toBe(0);
  });

  it('checks a file on a dry run and stores nothing; imports it, inviting each person once; a rerun invites nobody again', async () => {
    const admin = await as(stack, 'admin.jaipur');
    const file = csvOf([`${email('small0')},Member small 0,${cwc},CWC_MEMBER,,${TERM}`, `${email('small1')},Member small 1,${cwc},CWC_MEMBER,,${TERM}`, `${email('chair')},Chairperson,${cwc},CWC_MEMBER,+919876543210,yes${TERM}`]);
    const emails = [email('small0'), email('small1'), email('chair')];

    const dry = await stack.http.post('/people/import?dryRun=true').set(admin).set('content-type', 'text/csv').send(file).expect(200);
    expect(dry.body).toEqual({ dryRun: true, imported: 0, valid: 3, ids: emails });
    expect(await stack.db.user.count({ where: { email: { in: emails } } })).toBe(0);
    expect(await stack.db.importJob.count({ where: { rows: { array_contains: [{ invite: { email: emails[0] } }] } } })).toBe(0);

    const done = await stack.http.post('/people/import').set(admin).send({ csv: file }).expect(201);
    expect(done.body).toEqual({ dryRun: false, imported: 3, valid: 3, ids: emails });
    const listed = (await stack.http.get(`/people?bodyId=${cwc}`).set(admin).expect(200)).body as { email: string; status: string; head: boolean; mobile: string | null }[];
    expect(listed.filter((p) => emails.includes(p.email)).map((p) => [p.email, p.status, p.head])).toEqual(
      expect.arrayContaining([
        [email('small0'), 'INVITED', false],
        [email('chair'), 'INVITED', true],
      ]),
    );
    await eventually(async () => ((await invitationsTo(emails)) === 3 ? true : undefined));

    const again = await stack.http.post('/people/import').set(admin).set('content-type', 'text/csv').send(file).expect(201);
    expect(again.body).toMatchObject({ imported: 0, valid: 3 });
    expect(await stack.db.user.count({ where: { email: { in: emails } } })).toBe(3);
    expect(await invitationsTo(emails)).toBe(3);

    // The same email for another body is a person to move, not a row to import.
    const moved = await stack.http.post('/people/import').set(admin).set('content-type', 'text/csv').send(csvOf([`${email('small0')},Member,JJB-RJ-JAIPUR,JJB_MEMBER,,${TERM}`])).expect(422);
    expect(moved.body.rejected).toEqual([expect.objectContaining({ row: 2, column: 'email', reason: expect.stringMatching(/move that person/) })]);
  });

  it('writes a long file by a job whose progress the importer follows, and which resumes after a crash without inviting anyone twice', async () => {
    const admin = await as(stack, 'admin.jaipur');
    const lines = people('long', 60);
    const emails = lines.map((l) => l.split(',')[0]!);
    const res = await stack.http.post('/people/import').set(admin).set('content-type', 'text/csv').send(csvOf(lines)).expect(202);
    expect(res.headers.location).toBe(`/imports/${res.body.id}`);
    expect(res.body).toMatchObject({ kind: 'PEOPLE', total: 60 });
    const job = await finished(res.body.id, admin);
    expect(job).toMatchObject({ status: 'DONE', total: 60, done: 60, imported: 60, rejected: [] });
    expect(await stack.db.user.count({ where: { email: { in: emails } } })).toBe(60);
    // Only the importer's body sees the import.
    expect((await stack.http.get(`/imports/${res.body.id}`).set(await as(stack, 'admin.pune'))).status).toBe(404);

    // Once done, the job keeps its counts but not the people's names, emails and mobiles it was given.
    const stored = await stack.db.importJob.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored).toMatchObject({ status: 'DONE', total: 60, imported: 60, rows: [] });
    expect(JSON.stringify(stored)).not.toContain(emails[0]);

    // A worker that died after saving 20 rows leaves the import RUNNING at 20, its rows still kept; picked up again,
    // it goes on from there.
    const rows = lines.map((l, i) => ({ line: i + 2, invite: { email: l.split(',')[0]!, name: l.split(',')[1]!, bodyId: 'DCPU-RJ-JAIPUR', role: 'DCPU_OFFICER' } }));
    await stack.db.importJob.update({ where: { id: res.body.id }, data: { status: 'RUNNING', done: 20, finishedAt: null, rows } });
    await stack.app.get(ImportJobsService).recover();
    const resumed = await finished(res.body.id, admin);
    expect(resumed).toMatchObject({ status: 'DONE', done: 60 });
    expect((await stack.db.importJob.findUniqueOrThrow({ where: { id: res.body.id } })).rows).toEqual([]);
    expect(await stack.db.user.count({ where: { email: { in: emails } } })).toBe(60);
    // One invitation link each: a row written twice would have made a second (its email goes out through the
    // notification processor, which retries a failed delivery later; the link is what the invitation made).
    const links = await stack.db.accountLink.groupBy({ by: ['userId'], where: { purpose: 'INVITATION', user: { email: { in: emails } } }, _count: true });
    expect(links).toHaveLength(60);
    expect(links.every((l) => l._count === 1)).toBe(true);
  });

  it('drops the rows of an import that failed for good, keeping its counts', async () => {
    const id = randomUUID();
    const rows = [{ line: 2, invite: { email: email('failed'), name: 'Failed Row', bodyId: 'CWC-RJ-JAIPUR', role: 'CWC_MEMBER', mobile: '+919876500000' } }];
    // Left RUNNING and not queued: nothing else picks it up while the test fails it.
    await stack.db.importJob.create({ data: { id, kind: 'PEOPLE', createdBy: randomUUID(), principal: {}, rows, total: 1, done: 0, status: 'RUNNING' } });
    await stack.app.get(ImportJobsService).failed(id);
    expect(await stack.db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', total: 1, rows: [] });
  });

  // 3,000 rows take the job's path (over 2,000) in three chunks; `npm run bench:imports` times 15,000 (docs/benchmarks.md).
  it("imports a district's police stations by a job past 2,000 rows, and a second import of the same file changes nothing", async () => {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-IMP${suffix}`;
    await stack.db.district.create({ data: { code: districtCode, name: `Import ${suffix}`, stateCode: 'RJ' } });
    const admin = await as(stack, 'admin.rj');
    const rows = Array.from({ length: 3_000 }, (_, i) => `${districtCode},POLICE_STATION,PS-${i},Thana ${i}`);
    const file = `districtCode,kind,code,name\r\n${rows.join('\r\n')}\r\n`;

    const dry = await stack.http.post('/places/import?dryRun=true').set(admin).set('content-type', 'text/csv').send(file).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: 3_000 });
    expect(await stack.db.localPlace.count({ where: { districtCode } })).toBe(0);

    const res = await stack.http.post('/places/import').set(admin).set('content-type', 'text/csv').send(file).expect(202);
    const job = await finished(res.body.id, admin);
    expect(job).toMatchObject({ kind: 'PLACES', status: 'DONE', total: 3_000, done: 3_000, imported: 3_000 });
    expect(await stack.db.localPlace.count({ where: { districtCode } })).toBe(3_000);

    const again = await stack.http.post('/places/import').set(admin).set('content-type', 'text/csv').send(file).expect(201);
    expect(again.body).toMatchObject({ imported: 0, valid: 3_000 });
  });
});
