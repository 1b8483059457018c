// Onboarding a district through the API alone: the national administrator brings in Assam's administrator,
// who sets up Kamrup's bodies and invites their people; links, resets, moves and the last administrator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { generate } from 'otplib';
import { as, currentTerm, signIn as signInFully } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const PASSWORD = 'kamrup-onboarding-2026';
/** A CWC or JJB member's term of office, which their invitation or move must carry (and no other role's may). */
const TERM = { term: currentTerm() };
const termOf = (role: string) => (role === 'CWC_MEMBER' || role === 'JJB_MEMBER' ? TERM : {});

describe('onboarding a district', () => {
  let stack: Stack;
  const run = randomBytes(3).toString('hex');
  const email = (who: string) => `${who}.${run}@example.org`;

  /** The one-time link the notification processor delivered to the person: the token in its fragment. */
  const linkOf = (userId: string, kind: string) =>
    eventually(async () => {
      const n = await stack.db.notification.findFirst({ where: { recipientUserId: userId, kind }, orderBy: { createdAt: 'desc' } });
      return n?.body.match(/#(?:accept-invitation|reset-password)=([A-Za-z0-9_-]{43})/)?.[1];
    });
  /** Bearer headers once the password (and the second step, which the helper answers) passes; else the password step's status. */
  const signIn = async (username: string, password = PASSWORD) => {
    const res = await stack.http.post('/auth/login').send({ username, password });
    return res.status === 200 ? { Authorization: `Bearer ${(await signInFully(stack, username, password)).accessToken}` } : res.status;
  };
  const headers = async (username: string, password = PASSWORD) => {
    const h = await signIn(username, password);
    if (typeof h === 'number') throw new Error(`${username} could not sign in: ${h}`);
    return h;
  };
  /** Invites and accepts (the password set from the link): the person's id. */
  const invite = async (admin: { Authorization: string }, who: string, bodyId: string, role: string) => {
    const invited = await stack.http.post('/people/invitations').set(admin).send({ email: email(who), displayName: who, bodyId, role, ...termOf(role) }).expect(201);
    const token = await linkOf(invited.body.person.id, 'ACCOUNT_INVITATION');
    await stack.http.post('/auth/invitations/accept').send({ token, password: PASSWORD }).expect(204);
    return invited.body.person.id as string;
  };
  /** Invites and accepts: the person's id and their bearer headers (the helper sets up their second step). */
  const onboard = async (admin: { Authorization: string }, who: string, bodyId: string, role: string) => {
    const id = await invite(admin, who, bodyId, role);
    return { id, headers: await headers(email(who)) };
  };

  let stateAdmin: { id: string; headers: { Authorization: string } };

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  it("lets the national administrator set up Assam's SCPS and invite its administrator, who sets a password once", async () => {
    const national = await as(stack, 'admin.india');
    const scps = await stack.http.post('/bodies').set(national).send({ type: 'SCPS', name: 'State Child Protection Society, Assam', stateCode: 'AS' }).expect(201);
    expect(scps.body).toMatchObject({ id: 'SCPS-AS', level: 'STATE', stateCode: 'AS', districtCode: null });
    const invited = await stack.http
      .post('/people/invitations')
      .set(national)
      .send({ email: email('admin.assam'), mobile: '+919876543210', displayName: 'Assam administrator', bodyId: 'SCPS-AS', role: 'STATE_ADMIN' })
      .expect(201);
    expect(invited.body.person).toMatchObject({ status: 'INVITED', bodyId: 'SCPS-AS', roles: ['STATE_ADMIN'], username: email('admin.assam') });
    const hours = (Date.parse(invited.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Invited, no password yet: nothing signs in.
    expect(await signIn(email('admin.assam'), 'anything at all here')).toBe(401);

    const token = await linkOf(invited.body.person.id, 'ACCOUNT_INVITATION');
    const weak = await stack.http.post('/auth/invitations/accept').send({ token, password: 'short' }).expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    await stack.http.post('/auth/invitations/accept').send({ token, password: PASSWORD }).expect(204);
    const reused = await stack.http.post('/auth/invitations/accept').send({ token, password: PASSWORD }).expect(410);
    expect(reused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reused.body.errors).toEqual([{ field: 'token', message: expect.stringMatching(/already used/) }]);
    stateAdmin = { id: invited.body.person.id, headers: await headers(email('admin.assam')) };
    const me = await stack.http.get('/auth/me').set(stateAdmin.headers).expect(200);
    expect(me.body).toMatchObject({ roles: ['STATE_ADMIN'], body: { id: 'SCPS-AS', level: 'STATE', stateCode: 'AS' } });
  });

  it("lets Assam's administrator create Kamrup's bodies and a police station, refusing bad input whole", async () => {
    const district = { districtCode: 'AS-KAMRUP' };
    for (const [type, name] of [
      ['DCPU', 'District Child Protection Unit, Kamrup'],
      ['CWC', 'Child Welfare Committee, Kamrup'],
      ['JJB', 'Juvenile Justice Board, Kamrup'],
      ['SJPU', 'Special Juvenile Police Unit, Kamrup'],
    ]) {
      const res = await stack.http.post('/bodies').set(stateAdmin.headers).send({ type, name, ...district });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: `${type}-AS-KAMRUP`, level: 'DISTRICT', stateCode: 'AS', districtCode: 'AS-KAMRUP', deactivatedAt: null, version: 1 });
    }
    // A police station body is its imported thana's: before Kamrup's police stations are imported, there is none.
    const station = await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'POLICE_STATION', name: 'Rangia Police Station', ...district, code: 'PS-RANGIA' }).expect(400);
    expect(station.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    expect((await stack.http.get('/bodies/POLICE_STATION-AS-KAMRUP-PS-RANGIA').set(stateAdmin.headers)).status).toBe(404);

    const unknown = await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'CWC', name: 'Nowhere CWC', districtCode: 'AS-NOWHERE' }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'districtCode', message: 'no district has the code AS-NOWHERE' }]);
    const duplicate = await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'CWC', name: 'Second CWC', ...district }).expect(409);
    expect(duplicate.body).toMatchObject({ errors: [{ field: 'code', message: 'CWC-AS-KAMRUP is taken' }] });
    expect((await stack.http.get('/bodies/CWC-AS-KAMRUP').set(stateAdmin.headers).expect(200)).body.name).toBe('Child Welfare Committee, Kamrup');
    // Another state's district and a national body are not Assam's to make.
    expect((await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'CWC', name: 'Jaipur CWC 2', districtCode: 'RJ-JAIPUR', code: 'TWO' })).status).toBe(403);
    expect((await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'NCRB', name: 'Another NCRB' })).status).toBe(403);

    const renamed = await stack.http.patch('/bodies/JJB-AS-KAMRUP').set(stateAdmin.headers).set('If-Match', '"1"').send({ phone: '0361 255 0000' }).expect(200);
    expect(renamed.body).toMatchObject({ phone: '0361 255 0000', version: 2 });
    await stack.http.patch('/bodies/JJB-AS-KAMRUP').set(stateAdmin.headers).set('If-Match', '"1"').send({ phone: '0361 255 0001' }).expect(409);
    const history = await stack.http.get('/bodies/JJB-AS-KAMRUP/history').set(stateAdmin.headers).expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(['body.created', 'body.updated']);
    expect(history.body[1]).toMatchObject({ actor: { id: stateAdmin.id, role: 'STATE_ADMIN' }, before: { phone: null }, after: { phone: '0361 255 0000' } });
  });

  it("imports Kamrup's police stations and blocks from CSV: a dry run, every bad row named, nothing partial, the same file twice writes once", async () => {
    const csv = (...rows: string[]) => ['districtCode,kind,code,name', ...rows].join('\r\n');
    const good = csv('AS-KAMRUP,POLICE_STATION,PS-RANGIA,Rangia Police Station', 'AS-KAMRUP,POLICE_STATION,PS-HAJO,Hajo Police Station', 'AS-KAMRUP,BLOCK,BL-RANGIA,Rangia Block');
    const importCsv = (body: string, dryRun = false) => stack.http.post(`/places/import${dryRun ? '?dryRun=true' : ''}`).set(stateAdmin.headers).set('content-type', 'text/csv').send(body);

    const dry = await importCsv(good, true).expect(200);
    expect(dry.body).toEqual({ dryRun: true, imported: 0, valid: 3, ids: ['AS-KAMRUP-PS-RANGIA', 'AS-KAMRUP-PS-HAJO', 'AS-KAMRUP-BL-RANGIA'] });
    expect((await stack.http.get('/places/districts/AS-KAMRUP/local').set(stateAdmin.headers).expect(200)).body).toEqual([]);

    const bad = await importCsv(
      csv('AS-KAMRUP,POLICE_STATION,PS-BOKO,Boko Police Station', 'AS-NOWHERE,BLOCK,BL-X,Nowhere', 'RJ-JAIPUR,BLOCK,BL-SANGANER,Sanganer', 'AS-KAMRUP,VILLAGE,V-1,A village', 'AS-KAMRUP,BLOCK,BL-RANGIA,Twice', 'AS-KAMRUP,BLOCK,BL-RANGIA,Twice'),
    ).expect(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.rejected.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [3, 'districtCode'],
      [4, 'districtCode'],
      [5, 'blockCode'], // a village names its block
      [7, 'code'],
    ]);
    expect((await stack.http.get('/places/districts/AS-KAMRUP/local').set(stateAdmin.headers).expect(200)).body).toEqual([]);

    expect((await importCsv(good).expect(201)).body).toMatchObject({ dryRun: false, imported: 3, valid: 3 });
    expect((await importCsv(good).expect(201)).body).toMatchObject({ imported: 0, valid: 3 });
    const stations = await stack.http.get('/places/districts/AS-KAMRUP/local').query({ kind: 'POLICE_STATION' }).set(stateAdmin.headers).expect(200);
    expect(stations.body).toEqual([
      { code: 'AS-KAMRUP-PS-HAJO', kind: 'POLICE_STATION', name: 'Hajo Police Station', districtCode: 'AS-KAMRUP', blockCode: null },
      { code: 'AS-KAMRUP-PS-RANGIA', kind: 'POLICE_STATION', name: 'Rangia Police Station', districtCode: 'AS-KAMRUP', blockCode: null },
    ]);
    // Now the station's body links to its place: its thanaCode is the imported police station's code.
    const station = await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'POLICE_STATION', name: 'Rangia Police Station', districtCode: 'AS-KAMRUP', code: 'PS-RANGIA' }).expect(201);
    expect(station.body).toMatchObject({ id: 'POLICE_STATION-AS-KAMRUP-PS-RANGIA', thanaCode: 'AS-KAMRUP-PS-RANGIA', level: 'THANA' });
    // A block's code is not a police station's.
    expect((await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'POLICE_STATION', name: 'Rangia Block PS', districtCode: 'AS-KAMRUP', code: 'BL-RANGIA' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    // A new name for a code renames the place, and writes only that row.
    expect((await importCsv(csv('AS-KAMRUP,BLOCK,BL-RANGIA,Rangia Development Block')).expect(201)).body).toMatchObject({ imported: 1, valid: 1 });
    const blocks = await stack.http.get('/places/districts/AS-KAMRUP/local').query({ kind: 'BLOCK' }).set(stateAdmin.headers).expect(200);
    expect(blocks.body).toEqual([{ code: 'AS-KAMRUP-BL-RANGIA', kind: 'BLOCK', name: 'Rangia Development Block', districtCode: 'AS-KAMRUP', blockCode: null }]);
    // A police station's code is not a block's: refused, not renamed.
    const clash = await importCsv(csv('AS-KAMRUP,BLOCK,PS-HAJO,Hajo Block')).expect(422);
    expect(clash.body.rejected).toEqual([expect.objectContaining({ row: 2, column: 'code' })]);
    // Only administrators import; another state's district is not Assam's.
    expect((await stack.http.post('/places/import').set(await as(stack, 'cwc.jaipur')).set('content-type', 'text/csv').send(good)).status).toBe(403);
    expect((await stack.http.get('/places/districts/AS-NOWHERE/local').set(stateAdmin.headers)).status).toBe(404);
  });

  it('invites a CWC member who sets up TOTP, signs in with it and works in Kamrup; an officer of another state is told none of it exists', async () => {
    const memberId = await invite(stateAdmin.headers, 'cwc.kamrup', 'CWC-AS-KAMRUP', 'CWC_MEMBER');
    // The first sign-in: a member's role needs the second step, so the session may only set it up.
    const first = await stack.http.post('/auth/login').send({ username: email('cwc.kamrup'), password: PASSWORD }).expect(200);
    expect(first.body).toMatchObject({ enrolmentOnly: true, user: { secondStep: { required: true, enrolled: false } } });
    const firstSession = { Authorization: `Bearer ${first.body.accessToken as string}` };
    const limited = await stack.http.post('/cases').set(firstSession).send({ track: 'CNCP', districtCode: 'AS-KAMRUP' }).expect(403);
    expect(limited.body.type).toBe('/problems/second-step-required');
    const enrolment = await stack.http.post('/me/mfa/totp').set(firstSession).expect(200);
    expect(enrolment.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = enrolment.body.secret as string;
    const confirmed = await stack.http.post('/me/mfa/totp/confirm').set(firstSession).send({ code: await generate({ secret }) }).expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    // Signing in again: the password step answers a challenge; a wrong code is named, the app's next code passes.
    const login = await stack.http.post('/auth/login').send({ username: email('cwc.kamrup'), password: PASSWORD }).expect(200);
    expect(login.body).toEqual({ secondStep: 'TOTP', challenge: expect.any(String), expiresIn: 300 });
    const wrong = await stack.http.post('/auth/mfa').send({ challenge: login.body.challenge, code: '000000' === (await generate({ secret })) ? '111111' : '000000' }).expect(401);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    const nextCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const signedIn = await stack.http.post('/auth/mfa').send({ challenge: login.body.challenge, code: nextCode }).expect(200);
    const member = { id: memberId, headers: { Authorization: `Bearer ${signedIn.body.accessToken as string}` } };
    const me = await stack.http.get('/auth/me').set(member.headers).expect(200);
    expect(me.body).toMatchObject({ secondStep: { required: true, enrolled: true }, enrolmentOnly: false });
    expect(me.body).toMatchObject({ roles: ['CWC_MEMBER'], body: { id: 'CWC-AS-KAMRUP', districtCode: 'AS-KAMRUP' } });
    const registered = await stack.http.post('/cases').set(member.headers).send({ track: 'CNCP', districtCode: 'AS-KAMRUP' }).expect(201);
    const event = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' } };
    await stack.http.post(`/cases/${registered.body.caseId}/events`).set(member.headers).send(event).expect(200);

    const jaipur = await as(stack, 'cwc.jaipur');
    expect((await stack.http.get(`/cases/${registered.body.caseId}`).set(jaipur)).status).toBe(404);
    expect((await stack.http.get('/bodies/CWC-AS-KAMRUP').set(jaipur)).status).toBe(404);
    const rajasthan = await as(stack, 'admin.rj');
    expect((await stack.http.get('/people').query({ bodyId: 'CWC-AS-KAMRUP' }).set(rajasthan)).status).toBe(404);
    expect((await stack.http.post(`/people/${member.id}/deactivate`).set(rajasthan)).status).toBe(404);

    const people = await stack.http.get('/people').query({ bodyId: 'CWC-AS-KAMRUP' }).set(stateAdmin.headers).expect(200);
    expect(people.body).toEqual([expect.objectContaining({ id: member.id, status: 'ACTIVE', email: email('cwc.kamrup') })]);
  });

  it("lets a CWC member give a case to a colleague, on the case's timeline and in their 'my cases'; nobody outside the CWC may", async () => {
    const chair = await onboard(stateAdmin.headers, 'chair.cwc.kamrup', 'CWC-AS-KAMRUP', 'CWC_MEMBER');
    const colleague = await onboard(stateAdmin.headers, 'member.cwc.kamrup', 'CWC-AS-KAMRUP', 'CWC_MEMBER');
    const jjb = await onboard(stateAdmin.headers, 'jjb.kamrup', 'JJB-AS-KAMRUP', 'JJB_MEMBER');
    const caseId = (await stack.http.post('/cases').set(chair.headers).send({ track: 'CNCP', districtCode: 'AS-KAMRUP' }).expect(201)).body.caseId as string;
    const before = await stack.http.get(`/cases/${caseId}`).set(chair.headers).expect(200);
    expect(before.body).toMatchObject({ assignee: null, assigneeId: null, mayAssign: true });

    const assigned = await stack.http.post(`/cases/${caseId}/assignment`).set(chair.headers).send({ userId: colleague.id }).expect(200);
    expect(assigned.body).toMatchObject({ assigneeId: colleague.id, assignee: { id: colleague.id, displayName: 'member.cwc.kamrup' }, version: before.body.version + 1 });
    // The same person again (a retried request) writes nothing more.
    await stack.http.post(`/cases/${caseId}/assignment`).set(chair.headers).send({ userId: colleague.id }).expect(200);
    const mine = await stack.http.get('/cases/mine').set(colleague.headers).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await stack.http.get('/cases/mine').set(chair.headers).expect(200)).body.items).toEqual([]);

    // The case still takes its events in order after the assignment; then the colleague hands it back.
    const event = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' } };
    await stack.http.post(`/cases/${caseId}/events`).set(colleague.headers).send(event).expect(200);
    await stack.http.post(`/cases/${caseId}/assignment`).set(colleague.headers).send({ userId: chair.id }).expect(200);
    expect((await stack.http.get('/cases/mine').set(colleague.headers).expect(200)).body.items).toEqual([]);
    const timeline = await stack.http.get(`/cases/${caseId}/timeline`).set(chair.headers).expect(200);
    const steps = timeline.body.map((e: { sequence: number; eventType: string }) => [e.sequence, e.eventType]);
    expect(steps).toEqual([
      [0, 'REGISTERED'],
      [1, 'CASE_ASSIGNED'],
      [2, 'PRODUCED_BEFORE_CWC'],
      [3, 'CASE_ASSIGNED'],
    ]);
    expect(timeline.body[1]).toMatchObject({ actor: { id: chair.id, role: 'CWC_MEMBER' }, payload: { assigneeId: colleague.id } });
    expect(timeline.body[3].payload).toEqual({ assigneeId: chair.id, assigneeName: 'chair.cwc.kamrup', previousAssigneeId: colleague.id });

    // Someone of another body, or nobody at all, is not a person the case can be given to: nothing is written.
    for (const userId of [jjb.id, stateAdmin.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await stack.http.post(`/cases/${caseId}/assignment`).set(chair.headers).send({ userId }).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    }
    expect((await stack.http.post(`/cases/${caseId}/assignment`).set(chair.headers).send({ userId: 'chair' }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'userId' }),
    ]);
    // The district's JJB sees the case but does not assign a CWC's; Jaipur's CWC is told it does not exist.
    expect((await stack.http.post(`/cases/${caseId}/assignment`).set(jjb.headers).send({ userId: jjb.id })).status).toBe(403);
    expect((await stack.http.post(`/cases/${caseId}/assignment`).set(await as(stack, 'cwc.jaipur')).send({ userId: chair.id })).status).toBe(404);
    expect((await stack.http.get(`/cases/${caseId}/timeline`).set(chair.headers).expect(200)).body).toHaveLength(4);
  });

  it('records the police station and block where a child was found, only places of the report’s own district', async () => {
    const member = await onboard(stateAdmin.headers, 'reports.cwc.kamrup', 'CWC-AS-KAMRUP', 'CWC_MEMBER');
    const report = (place: Record<string, string>) => ({
      child: { name: 'Bina', gender: 'FEMALE', ageYears: { min: 9, max: 11 } },
      foundAt: '2026-11-04T09:30:00+05:30',
      place: { districtCode: 'AS-KAMRUP', text: 'Rangia bus stand', ...place },
    });
    const filed = await stack.http.post('/reports/found').set(member.headers).send(report({ thanaCode: 'AS-KAMRUP-PS-RANGIA', blockCode: 'AS-KAMRUP-BL-RANGIA' })).expect(201);
    expect(filed.body.place).toMatchObject({ districtCode: 'AS-KAMRUP', thanaCode: 'AS-KAMRUP-PS-RANGIA', blockCode: 'AS-KAMRUP-BL-RANGIA' });
    const read = await stack.http.get(`/reports/${filed.body.id}`).set(member.headers).expect(200);
    expect(read.body.place).toMatchObject({ thanaCode: 'AS-KAMRUP-PS-RANGIA', blockCode: 'AS-KAMRUP-BL-RANGIA' });

    for (const [place, field] of [
      [{ thanaCode: 'AS-KAMRUP-PS-NOWHERE' }, 'place.thanaCode'],
      [{ thanaCode: 'AS-KAMRUP-BL-RANGIA' }, 'place.thanaCode'], // a block is not a police station
      [{ blockCode: 'AS-KAMRUP-PS-HAJO' }, 'place.blockCode'],
    ] as const) {
      const refused = await stack.http.post('/reports/found').set(member.headers).send(report(place)).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const jaipurPlace = await stack.http.post('/reports/found').set(member.headers).send({ ...report({}), place: { districtCode: 'RJ-JAIPUR', thanaCode: 'AS-KAMRUP-PS-RANGIA' } }).expect(400);
    expect(jaipurPlace.body.errors).toEqual([expect.objectContaining({ field: 'place.thanaCode' })]);
  });

  it('refuses an invitation to a role the body does not hold, one the administrator may not give, and an email already in use', async () => {
    const misfit = await stack.http.post('/people/invitations').set(stateAdmin.headers).send({ email: email('misfit'), displayName: 'Misfit', bodyId: 'CWC-AS-KAMRUP', role: 'JJB_MEMBER' }).expect(400);
    expect(misfit.body.errors).toEqual([{ field: 'role', message: 'a JJB_MEMBER does not belong to a CWC' }]);
    const national = await stack.http.post('/people/invitations').set(stateAdmin.headers).send({ email: email('nat'), displayName: 'Nat', bodyId: 'SCPS-AS', role: 'NATIONAL_ADMIN' });
    expect(national.status).toBe(403);
    const taken = await stack.http.post('/people/invitations').set(stateAdmin.headers).send({ email: email('cwc.kamrup'), displayName: 'Again', bodyId: 'CWC-AS-KAMRUP', role: 'CWC_MEMBER', ...TERM }).expect(409);
    expect(taken.body).toMatchObject({ errors: [{ field: 'email' }] });
    const badEmail = await stack.http.post('/people/invitations').set(stateAdmin.headers).send({ email: 'not-an-email', displayName: 'X', bodyId: 'CWC-AS-KAMRUP', role: 'CWC_MEMBER' }).expect(400);
    expect(badEmail.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('lets an expired invitation link do nothing', async () => {
    const invited = await stack.http.post('/people/invitations').set(stateAdmin.headers).send({ email: email('late'), displayName: 'Late', bodyId: 'SJPU-AS-KAMRUP', role: 'SJPU_OFFICER' }).expect(201);
    const token = await linkOf(invited.body.person.id, 'ACCOUNT_INVITATION');
    // 73 hours on: the link's expiry moved back rather than the clock forward.
    await stack.db.accountLink.updateMany({ where: { userId: invited.body.person.id }, data: { expiresAt: new Date(Date.now() - 3_600_000) } });
    const expired = await stack.http.post('/auth/invitations/accept').send({ token, password: PASSWORD }).expect(410);
    expect(expired.body.errors).toEqual([{ field: 'token', message: 'this link has expired; ask for a new one' }]);
    expect(await signIn(email('late'))).toBe(401);
  });

  it('resets a password by a one-time link that ends every session, telling nobody which addresses have accounts', async () => {
    const person = await onboard(stateAdmin.headers, 'sjpu.kamrup', 'SJPU-AS-KAMRUP', 'SJPU_OFFICER');
    await stack.http.post('/auth/password-reset').send({ email: email('sjpu.kamrup') }).expect(202);
    await stack.http.post('/auth/password-reset').send({ email: email('nobody') }).expect(202);
    const token = await linkOf(person.id, 'PASSWORD_RESET');
    const renewed = 'a-brand-new-password-2026';
    await stack.http.post('/auth/password-reset/complete').send({ token, password: renewed }).expect(204);
    expect((await stack.http.get('/auth/me').set(person.headers)).status).toBe(401);
    expect(await signIn(email('sjpu.kamrup'))).toBe(401);
    expect(typeof (await signIn(email('sjpu.kamrup'), renewed))).toBe('object');
    // An invitation's token is no reset token, and a used reset link works no more.
    expect((await stack.http.post('/auth/password-reset/complete').send({ token, password: renewed })).status).toBe(410);
  });

  it('marks the person who heads a body when inviting or moving them, and unmarks them when moved without it', async () => {
    const invited = await stack.http
      .post('/people/invitations')
      .set(stateAdmin.headers)
      .send({ email: email('chair.kamrup'), displayName: 'CWC chairperson', bodyId: 'CWC-AS-KAMRUP', role: 'CWC_MEMBER', head: true, ...TERM })
      .expect(201);
    expect(invited.body.person).toMatchObject({ head: true, bodyId: 'CWC-AS-KAMRUP' });
    const chair = invited.body.person.id as string;
    const roster = await stack.http.get('/people?bodyId=CWC-AS-KAMRUP').set(stateAdmin.headers).expect(200);
    expect(roster.body).toContainEqual(expect.objectContaining({ id: chair, head: true }));
    const refused = await stack.http.post(`/people/${chair}/move`).set(stateAdmin.headers).send({ bodyId: 'JJB-AS-KAMRUP', role: 'JJB_MEMBER', head: 'yes' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'head' })]);
    const moved = await stack.http.post(`/people/${chair}/move`).set(stateAdmin.headers).send({ bodyId: 'SJPU-AS-KAMRUP', role: 'SJPU_OFFICER' }).expect(200);
    expect(moved.body).toMatchObject({ head: false, bodyId: 'SJPU-AS-KAMRUP', term: null });
    // Their Chairperson's seat stays on the CWC's roster as history: ended the day before the move, no longer theirs.
    const yesterday = new Date(Date.now() + 5.5 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const cwc = await stack.http.get('/bodies/CWC-AS-KAMRUP').set(stateAdmin.headers).expect(200);
    expect(cwc.body.members).toContainEqual(expect.objectContaining({ name: 'CWC chairperson', designation: 'CHAIRPERSON', termTo: yesterday, userId: null }));
  });

  it('moves a person to another body, ending their sessions, and never leaves a body without an administrator', async () => {
    const moving = await onboard(stateAdmin.headers, 'moving.kamrup', 'SJPU-AS-KAMRUP', 'SJPU_OFFICER');
    const moved = await stack.http.post(`/people/${moving.id}/move`).set(stateAdmin.headers).send({ bodyId: 'JJB-AS-KAMRUP', role: 'JJB_MEMBER', ...TERM }).expect(200);
    expect(moved.body).toMatchObject({ bodyId: 'JJB-AS-KAMRUP', roles: ['JJB_MEMBER'], status: 'ACTIVE' });
    expect((await stack.http.get('/auth/me').set(moving.headers)).status).toBe(401);
    expect((await stack.http.get('/auth/me').set(await headers(email('moving.kamrup')))).body).toMatchObject({ roles: ['JJB_MEMBER'], body: { id: 'JJB-AS-KAMRUP' } });

    // Assam's only administrator cannot be removed, by themselves or by the nation.
    const national = await as(stack, 'admin.india');
    const last = await stack.http.post(`/people/${stateAdmin.id}/deactivate`).set(national).expect(409);
    expect(last.body).toMatchObject({ bodyId: 'SCPS-AS', role: 'STATE_ADMIN' });
    expect((await stack.http.post(`/people/${stateAdmin.id}/deactivate`).set(stateAdmin.headers)).status).toBe(409);
    expect((await stack.http.get('/auth/me').set(stateAdmin.headers)).status).toBe(200);

    // With a second administrator who has set a password, the first may go: at once.
    const second = await onboard(national, 'admin2.assam', 'SCPS-AS', 'STATE_ADMIN');
    const gone = await stack.http.post(`/people/${stateAdmin.id}/deactivate`).set(second.headers).expect(200);
    expect(gone.body.status).toBe('DEACTIVATED');
    expect((await stack.http.get('/auth/me').set(stateAdmin.headers)).status).toBe(401);
    expect(await signIn(email('admin.assam'))).toBe(401);
    stateAdmin = second;
  });

  it('deactivates a body only once nobody belongs to it', async () => {
    const busy = await stack.http.post('/bodies/JJB-AS-KAMRUP/deactivate').set(stateAdmin.headers).expect(409);
    expect(busy.body.people).toBeGreaterThan(0);
    const bcpc = await stack.http.post('/bodies').set(stateAdmin.headers).send({ type: 'BCPC', name: 'Rangia Block Child Protection Committee', districtCode: 'AS-KAMRUP', code: 'RANGIA' }).expect(201);
    const done = await stack.http.post(`/bodies/${bcpc.body.id}/deactivate`).set(stateAdmin.headers).expect(200);
    expect(done.body.deactivatedAt).not.toBeNull();
    const refused = await stack.http.post('/people/invitations').set(stateAdmin.headers).send({ email: email('late2'), displayName: 'X', bodyId: bcpc.body.id, role: 'CWC_MEMBER' }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'bodyId', message: `${bcpc.body.id as string} is deactivated` }]);
  });
});
