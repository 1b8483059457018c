// A CWC member's term of office (s.27; maximum MEMBER_TERM_MAX_YEARS, policy): their seat on the body's roster
// (BodyMember), placed when they are invited, checked, shown to administrators and on the Registries' Bodies page, and
// in force only within it: outside it the member cannot act on a case until it is renewed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DeliveryRepository } from '@raksha/db';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedCwc } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

/** A day in India this many days from today, as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + 5.5 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const produce = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' } };

describe('member terms of office', () => {
  let stack: Stack;
  let admin: { Authorization: string };
  let district: Awaited<ReturnType<typeof isolatedCwc>>;
  const run = randomBytes(3).toString('hex');

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    admin = await as(stack, 'admin.rj');
    district = await isolatedCwc(stack);
  });
  afterAll(() => stack?.stop());

  const invite = (who: string, role: string, term?: { from: string; until: string }) =>
    stack.http
      .post('/people/invitations')
      .set(admin)
      .send({ email: `${who}.${run}@example.org`, displayName: who, bodyId: role === 'CWC_MEMBER' ? `CWC-${district.districtCode}` : 'DCPU-RJ-JAIPUR', role, ...(term && { term }) });

  it("records a CWC member's term when they are invited, and the roster and the administrator's list of terms to renew show it when it ends within 60 days", async () => {
    const invited = await invite('member', 'CWC_MEMBER', { from: day(-10), until: day(30) }).expect(201);
    expect(invited.body.person.term).toEqual({ from: day(-10), until: day(30), status: 'ENDING_SOON', designation: 'MEMBER' });
    const roster = await stack.http.get(`/people?bodyId=CWC-${district.districtCode}`).set(admin).expect(200);
    expect(roster.body.find((p: { id: string }) => p.id === invited.body.person.id).term.status).toBe('ENDING_SOON');
    // The state's administrator sees them among the terms to renew; a member with years to go is not there.
    const settled = await invite('settled', 'CWC_MEMBER', { from: day(-10), until: day(400) }).expect(201);
    const ending = (await stack.http.get('/people/terms-ending').set(admin).expect(200)).body.map((s: { userId: string }) => s.userId);
    expect(ending).toContain(invited.body.person.id);
    expect(ending).not.toContain(settled.body.person.id);
    expect((await stack.http.get('/people/terms-ending').set(await as(stack, 'admin.pune')).expect(200)).body.map((s: { userId: string }) => s.userId)).not.toContain(invited.body.person.id);
  });

  it('refuses a missing, reversed or over-long term, or one for another role, naming the field and storing no one', async () => {
    const cases: [string, string, { from: string; until: string } | undefined, string][] = [
      ['no-term', 'CWC_MEMBER', undefined, 'term'],
      ['reversed', 'CWC_MEMBER', { from: day(0), until: day(-1) }, 'term.until'],
      ['too-long', 'CWC_MEMBER', { from: '2026-01-01', until: '2029-01-01' }, 'term.until'],
      ['officer', 'DCPU_OFFICER', { from: day(0), until: day(300) }, 'term'],
    ];
    for (const [who, role, term, field] of cases) {
      const refused = await invite(who, role, term).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
      expect(await stack.db.user.count({ where: { email: `${who}.${run}@example.org` } })).toBe(0);
    }
  });

  it('refuses a member past their term when they advance a case, and lets them again once a renewed term is recorded', async () => {
    const caseId: string = (await stack.http.post('/cases').set(district.headers).send({ track: 'CNCP', districtCode: district.districtCode }).expect(201)).body.caseId;
    const member = await stack.db.user.findFirstOrThrow({ where: { bodyId: `CWC-${district.districtCode}`, roles: { has: 'CWC_MEMBER' }, email: null } });

    const ended = await stack.http.put(`/people/${member.id}/term`).set(admin).send({ from: day(-1000), until: day(-2) }).expect(200);
    expect(ended.body.term.status).toBe('ENDED');
    const refused = await stack.http.post(`/cases/${caseId}/events`).set(district.headers).send(produce).expect(403);
    expect(refused.body).toMatchObject({ type: '/problems/member-term-lapsed', params: { body: 'CWC', reason: 'ENDED', day: day(-2) } });
    expect(refused.body.detail).toMatch(/^Your term as a member of this Committee ended on \d{1,2} [A-Z][a-z]+ \d{4}; an administrator can record a renewed term$/);
    expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(1);
    // Still signed in: their member role lapses, not their account.
    const me = await stack.http.get('/auth/me').set(district.headers).expect(200);
    expect(me.body).toMatchObject({ roles: [], lapsedTerm: { roles: ['CWC_MEMBER'], from: day(-1000), until: day(-2) } });
    // Nor is the Committee's news theirs: a notice to the CWC (inbox, email, SMS) and the daily digest pass them by.
    const toTheCwc = async () => (await new DeliveryRepository(stack.db).recipients({ recipientBody: 'CWC', districtCode: district.districtCode, stateCode: 'RJ' })).map((r) => r.userId);
    expect(await toTheCwc()).not.toContain(member.id);

    await stack.http.put(`/people/${member.id}/term`).set(admin).send({ from: day(-1), until: day(-3) }).expect(400);
    const renewed = await stack.http.put(`/people/${member.id}/term`).set(admin).send({ from: day(-1), until: day(700) }).expect(200);
    expect(renewed.body.term).toEqual({ from: day(-1), until: day(700), status: 'CURRENT', designation: 'MEMBER' });
    await stack.http.post(`/cases/${caseId}/events`).set(district.headers).send(produce).expect(200);
    expect(await toTheCwc()).toContain(member.id);
    const audited = await stack.db.auditEntry.findMany({ where: { subjectId: member.id, action: 'person.term_recorded' }, orderBy: { position: 'asc' } });
    expect(audited.map((a) => a.detail)).toEqual([
      expect.objectContaining({ before: null, after: { from: day(-1000), until: day(-2) } }),
      expect.objectContaining({ before: { from: day(-1000), until: day(-2) }, after: { from: day(-1), until: day(700) } }),
    ]);
  });

  it("keeps the term on the body's roster: the head takes the Chairperson's seat, ending it there ends their term, and a full roster takes no one more", async () => {
    const other = await isolatedCwc(stack);
    const bodyId = `CWC-${other.districtCode}`;
    const send = (who: string, head = false) =>
      stack.http.post('/people/invitations').set(admin).send({ email: `${who}.${run}@example.org`, displayName: `${who} ${run}`, bodyId, role: 'CWC_MEMBER', head, term: { from: day(-10), until: day(400) } });
    const chair = (await send('chair', true).expect(201)).body.person;
    expect(chair.term).toMatchObject({ designation: 'CHAIRPERSON', status: 'CURRENT' });
    // A CWC has four members' seats besides its Chairperson (s.27(2)): a fifth member is refused, naming the role, and no one is stored.
    for (const n of [1, 2, 3, 4]) await send(`seat${n}`).expect(201);
    const full = await send('seat5').expect(400);
    expect(full.body.errors).toEqual([expect.objectContaining({ field: 'role', key: 'error.seatsFilled', params: { most: 4 } })]);
    expect(await stack.db.user.count({ where: { email: `seat5.${run}@example.org` } })).toBe(0);

    // The Bodies page reads the very seat, with the account it belongs to.
    const scps = await as(stack, 'scps.rj');
    const body = (await stack.http.get(`/bodies/${bodyId}`).set(scps).expect(200)).body;
    expect(body.members[0]).toEqual({ id: expect.any(String), name: `chair ${run}`, designation: 'CHAIRPERSON', termFrom: day(-10), termTo: day(400), userId: chair.id });
    // Seated by the invitation, in the body's registry history as any roster change is.
    const history = (await stack.http.get(`/bodies/${bodyId}/history`).set(scps).expect(200)).body;
    expect(history).toContainEqual(expect.objectContaining({ action: 'body.member.seated', before: null, after: expect.objectContaining({ userId: chair.id, designation: 'CHAIRPERSON' }) }));
    // Ending the seat on the roster ends the Chairperson's term: the administrator sees it ended.
    const members = body.members.map(({ id: _id, ...m }: { id: string; userId: string | null; termTo: string | null }) => (m.userId === chair.id ? { ...m, termTo: day(-1) } : m));
    await stack.http.put(`/bodies/${bodyId}/members`).set(scps).send({ members }).expect(200);
    const people = (await stack.http.get(`/people?bodyId=${bodyId}`).set(admin).expect(200)).body;
    expect(people.find((p: { id: string }) => p.id === chair.id).term).toEqual({ from: day(-10), until: day(-1), status: 'ENDED', designation: 'CHAIRPERSON' });
    // An ended seat is the roster's history: a new Chairperson may be seated.
    await send('chair2', true).expect(201);
    // The seat of someone who signs in is their term: bounded as an invitation's.
    const tooLong = members.map((m: { userId: string | null }) => (m.userId === chair.id ? { ...m, termTo: '2099-12-31' } : m));
    const long = await stack.http.put(`/bodies/${bodyId}/members`).set(scps).send({ members: tooLong }).expect(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: `members.${tooLong.findIndex((m: { userId: string | null }) => m.userId === chair.id)}.termTo`, key: 'error.termTooLong' })]);
    // A seat names only an active member of this body.
    const stranger = await stack.db.user.findFirstOrThrow({ where: { bodyId: `CWC-${district.districtCode}`, email: null } });
    const refused = await stack.http
      .put(`/bodies/${bodyId}/members`)
      .set(scps)
      .send({ members: [{ name: 'Someone else', designation: 'MEMBER', termFrom: day(-1), userId: stranger.id }] })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'members.0.userId' })]);
  });
});
