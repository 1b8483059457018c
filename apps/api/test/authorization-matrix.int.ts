// Every role × every endpoint × in and out of jurisdiction, against the exact allowed sets below.
// The sets are written out by hand from the roles' duties; they are not derived from the code under test.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import type { Role } from '@raksha/domain';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, currentTerm } from '@raksha/test-support/auth';
import { caseWithMissedProduction } from '@raksha/test-support/missed-deadline';
import { startStack, type Stack } from '@raksha/test-support/stack';

/** One demo user per role: Jaipur district bodies, Rajasthan state bodies, the national monitor, a citizen. */
const USERS: Record<Role, string> = {
  CWC_MEMBER: 'cwc.jaipur',
  JJB_MEMBER: 'jjb.jaipur',
  DCPU_OFFICER: 'dcpu.jaipur',
  PROBATION_OFFICER: 'probation.jaipur',
  SJPU_OFFICER: 'sjpu.jaipur',
  CHILD_WELFARE_POLICE_OFFICER: 'cwpo.jaipur',
  STATION_OFFICER: 'sho.jaipur',
  CCI_STAFF: 'cci.jaipur',
  CHILDLINE_WORKER: 'childline.jaipur',
  SCPS_OFFICER: 'scps.rj',
  SARA_OFFICER: 'sara.rj',
  STATE_MONITOR: 'monitor.rj',
  NATIONAL_MONITOR: 'monitor.india',
  CITIZEN: 'citizen.demo',
  NATIONAL_ADMIN: 'admin.india',
  STATE_ADMIN: 'admin.rj',
  DISTRICT_ADMIN: 'admin.jaipur',
};
const ROLES = Object.keys(USERS) as Role[];
const STATE_LEVEL: Role[] = ['SCPS_OFFICER', 'SARA_OFFICER', 'STATE_MONITOR', 'STATE_ADMIN'];
/** The police station's people (the seed's Police Station 01, Jaipur): they work their own thana's cases and reports. */
const STATION_LEVEL: Role[] = ['CHILD_WELFARE_POLICE_OFFICER', 'STATION_OFFICER'];
/** The seed's two police station areas of Jaipur: the station's own, and the next one's. */
const OWN_THANA = 'RJ-JAIPUR-PS-01';
const OTHER_THANA = 'RJ-JAIPUR-PS-02';
const NATIONAL_LEVEL: Role[] = ['NATIONAL_MONITOR', 'NATIONAL_ADMIN'];
/** Administrators onboard bodies and people; they read the registry and no child's case. */
const ADMINS: Role[] = ['NATIONAL_ADMIN', 'STATE_ADMIN', 'DISTRICT_ADMIN'];

const READERS: Role[] = ROLES.filter((r) => r !== 'CITIZEN' && !ADMINS.includes(r));
const ALLOWED = {
  registerCncp: ['CWC_MEMBER', 'DCPU_OFFICER', 'SJPU_OFFICER', 'CHILD_WELFARE_POLICE_OFFICER', 'STATION_OFFICER', 'CCI_STAFF', 'CHILDLINE_WORKER'],
  registerCicl: ['SJPU_OFFICER', 'CHILD_WELFARE_POLICE_OFFICER', 'STATION_OFFICER'],
  readCases: READERS,
  queue: ['CWC_MEMBER', 'JJB_MEMBER', 'DCPU_OFFICER', 'PROBATION_OFFICER', 'CCI_STAFF'],
  /** may send events at all (which event is the machine's EVENT_AUTHORITY) */
  sendEvents: ['CWC_MEMBER', 'JJB_MEMBER', 'DCPU_OFFICER', 'PROBATION_OFFICER', 'SJPU_OFFICER', 'CHILD_WELFARE_POLICE_OFFICER', 'STATION_OFFICER', 'CCI_STAFF'],
  produceBeforeCwc: ['CWC_MEMBER'],
  /** a CNCP case given to a person of the case's district CWC */
  assignCncp: ['CWC_MEMBER'],
  /** "my cases", and assigning at all (a CWC's or JJB's cases) */
  assignCases: ['CWC_MEMBER', 'JJB_MEMBER'],
  readEscalations: ['DCPU_OFFICER', 'SCPS_OFFICER', 'STATE_MONITOR', 'NATIONAL_MONITOR'],
  /** acting on an escalation raised to the DCPU */
  actOnDcpuEscalation: ['DCPU_OFFICER'],
  manageDeadlinePolicy: ['SCPS_OFFICER'],
  readRegistry: [...READERS, ...ADMINS],
  /** institutions of its jurisdiction, its CWC's and JJB's members and sittings */
  manageRegistry: ['DCPU_OFFICER', 'SCPS_OFFICER'],
  /** a district's bodies (a BCPC, a CWC's name) and its people (a CWC member): the state's and the district's administrators */
  administerDistrict: ['STATE_ADMIN', 'DISTRICT_ADMIN'],
  /** a body's people listed: every administrator whose jurisdiction holds the body */
  listPeople: ADMINS,
  /** missing and found children's reports of the jurisdiction */
  readReports: ['CWC_MEMBER', 'DCPU_OFFICER', 'SJPU_OFFICER', 'CHILD_WELFARE_POLICE_OFFICER', 'STATION_OFFICER', 'STATE_MONITOR', 'NATIONAL_MONITOR'],
  /** who read or changed a child's case, and what a person read: monitors and administrators */
  readAccessLog: ['STATE_MONITOR', 'NATIONAL_MONITOR', ...ADMINS],
} satisfies Record<string, Role[]>;

const allowed = (set: readonly Role[], role: Role) => set.includes(role);

describe('authorisation matrix', () => {
  let stack: Stack;
  let temporal: Client;
  /** in: a Jaipur case at the seed station's thana; outThana: Jaipur's other thana; outDistrict: Jodhpur (same state); outState: Pune */
  const cases = { in: '', outThana: '', outDistrict: '', outState: '' };
  /** Jaipur's reports at the other police station's thana: a missing child (read district-wide, for matching) and a found one */
  const reports = { missingOtherThana: '', foundOtherThana: '' };
  const escalations = { in: '', outDistrict: '', outState: '' };

  const caseWithEscalation = (districtCode: string, stateCode: string) => caseWithMissedProduction(stack, temporal, { districtCode, stateCode });

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    temporal = await stack.temporal();
    const [a, c, b, t] = await Promise.all([
      caseWithMissedProduction(stack, temporal, { districtCode: 'RJ-JAIPUR', stateCode: 'RJ', thanaCode: OWN_THANA }),
      caseWithEscalation('RJ-JODHPUR', 'RJ'),
      caseWithEscalation('MH-PUNE', 'MH'),
      caseWithMissedProduction(stack, temporal, { districtCode: 'RJ-JAIPUR', stateCode: 'RJ', thanaCode: OTHER_THANA }),
    ]);
    Object.assign(cases, { in: a.caseId, outThana: t.caseId, outDistrict: c.caseId, outState: b.caseId });
    const sjpu = await as(stack, USERS.SJPU_OFFICER);
    const child = { name: 'Meena', gender: 'FEMALE', ageYears: { min: 9, max: 10 } };
    const place = { districtCode: 'RJ-JAIPUR', thanaCode: OTHER_THANA, text: 'Sanganer bus stand' };
    const missing = await stack.http.post('/reports/missing').set(sjpu).send({ child, lastSeenAt: '2026-11-01T10:00:00+05:30', place, policeRef: 'MISSING-DIARY 9/2026' }).expect(201);
    const found = await stack.http.post('/reports/found').set(sjpu).send({ child, foundAt: '2026-11-02T10:00:00+05:30', place }).expect(201);
    Object.assign(reports, { missingOtherThana: missing.body.id, foundOtherThana: found.body.id });
    Object.assign(escalations, { in: a.escalationId, outDistrict: c.escalationId, outState: b.escalationId });
    for (const role of ROLES) await as(stack, USERS[role]); // sign everyone in once
  });
  afterAll(() => stack?.stop());

  /** The case (or escalation) outside this role's jurisdiction; the national monitor has none. */
  const outOf = (role: Role, of: { outDistrict: string; outState: string }) => (NATIONAL_LEVEL.includes(role) ? undefined : STATE_LEVEL.includes(role) ? of.outState : of.outDistrict);

  describe.each(ROLES)('%s', (role) => {
    const user = () => as(stack, USERS[role]);

    it('registers a CNCP case in its own district only if its role may', async () => {
      const res = await stack.http.post('/cases').set(await user()).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' });
      expect(res.status).toBe(allowed(ALLOWED.registerCncp, role) ? 201 : 403);
    });

    it('registers a CICL case only as police', async () => {
      const res = await stack.http.post('/cases').set(await user()).send({ track: 'CICL', districtCode: 'RJ-JAIPUR', child: { ageYears: 15 } });
      expect(res.status).toBe(allowed(ALLOWED.registerCicl, role) ? 201 : 403);
    });

    it('cannot register a case in a district outside its jurisdiction', async () => {
      const res = await stack.http.post('/cases').set(await user()).send({ track: 'CNCP', districtCode: 'MH-PUNE' });
      expect(res.status).toBe(403);
    });

    it('reads a case in its jurisdiction (200), is told a case outside it does not exist (404)', async () => {
      const expectIn = allowed(ALLOWED.readCases, role) ? 200 : 403;
      for (const path of ['', '/timeline', '/escalations']) {
        expect((await stack.http.get(`/cases/${cases.in}${path}`).set(await user())).status).toBe(expectIn);
        const out = outOf(role, cases);
        if (out) expect((await stack.http.get(`/cases/${out}${path}`).set(await user())).status).toBe(allowed(ALLOWED.readCases, role) ? 404 : 403);
      }
    });

    it('lists only cases in its jurisdiction', async () => {
      const res = await stack.http.get('/cases').query({ limit: 100 }).set(await user());
      expect(res.status).toBe(allowed(ALLOWED.readCases, role) ? 200 : 403);
      if (res.status !== 200) return;
      const seen = new Set<string>();
      for (let page = res; ; ) {
        for (const c of page.body.items as { id: string }[]) seen.add(c.id);
        if (!page.body.nextCursor) break;
        page = await stack.http.get('/cases').query({ limit: 100, cursor: page.body.nextCursor }).set(await user());
      }
      expect(seen.has(cases.in)).toBe(true);
      const out = outOf(role, cases);
      if (out) expect(seen.has(out)).toBe(false);
    });

    it("works a case at another police station's thana of its district unless it is a police station (404 to a station)", async () => {
      const mayRead = allowed(ALLOWED.readCases, role);
      const station = STATION_LEVEL.includes(role);
      for (const path of ['', '/timeline', '/escalations']) {
        expect((await stack.http.get(`/cases/${cases.outThana}${path}`).set(await user())).status).toBe(!mayRead ? 403 : station ? 404 : 200);
      }
      const ofThana = async (thanaCode: string) => {
        const res = await stack.http.get('/cases').query({ thanaCode, limit: 100 }).set(await user());
        expect(res.status).toBe(mayRead ? 200 : 403);
        return mayRead ? (res.body.items as { id: string; thanaCode: string }[]) : [];
      };
      if (!mayRead) return;
      const own = await ofThana(OWN_THANA);
      expect(own.map((c) => c.id)).toContain(cases.in);
      expect(own.every((c) => c.thanaCode === OWN_THANA)).toBe(true);
      const other = (await ofThana(OTHER_THANA)).map((c) => c.id);
      expect(other.includes(cases.outThana)).toBe(!station);
      if (allowed(ALLOWED.sendEvents, role)) {
        const event = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' } };
        const res = await stack.http.post(`/cases/${cases.outThana}/events`).set(await user()).send(event);
        expect(res.status).toBe(station ? 404 : allowed(ALLOWED.produceBeforeCwc, role) ? 200 : 403);
      }
    });

    it("registers a case at its own thana; a police station is refused another station's (400 naming thanaCode)", async () => {
      if (!allowed(ALLOWED.registerCncp, role)) return;
      const own = await stack.http.post('/cases').set(await user()).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' }).expect(201);
      const registered = await stack.http.get(`/cases/${own.body.caseId}`).set(await user()).expect(200);
      // A station's case is its own thana's unless it names one; anyone else's names none unless given.
      expect(registered.body.thanaCode).toBe(STATION_LEVEL.includes(role) ? OWN_THANA : null);
      const other = await stack.http.post('/cases').set(await user()).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', thanaCode: OTHER_THANA });
      expect(other.status).toBe(STATION_LEVEL.includes(role) ? 400 : 201);
      if (other.status === 400) expect(other.body.errors).toEqual([expect.objectContaining({ field: 'thanaCode' })]);
    });

    it("reads the district's missing children (matching) but another station's found child only if it is no police station", async () => {
      const mayRead = allowed(ALLOWED.readReports, role);
      const station = STATION_LEVEL.includes(role);
      // A report one may not read is one that does not exist, for every role.
      expect((await stack.http.get(`/reports/${reports.missingOtherThana}`).set(await user())).status).toBe(mayRead ? 200 : 404);
      expect((await stack.http.get(`/reports/${reports.foundOtherThana}`).set(await user())).status).toBe(mayRead && !station ? 200 : 404);
      if (!mayRead) return;
      const listed = await stack.http.get('/reports').query({ districtCode: 'RJ-JAIPUR', limit: 100 }).set(await user()).expect(200);
      const ids = (listed.body.items as { id: string }[]).map((r) => r.id);
      expect(ids).toContain(reports.missingOtherThana);
      expect(ids.includes(reports.foundOtherThana)).toBe(!station);
    });

    it("reads a case's access log in its jurisdiction only as a monitor or administrator (404 outside it)", async () => {
      const may = allowed(ALLOWED.readAccessLog, role);
      expect((await stack.http.get(`/cases/${cases.in}/access-log`).set(await user())).status).toBe(may ? 200 : 403);
      const out = outOf(role, cases);
      if (out) expect((await stack.http.get(`/cases/${out}/access-log`).set(await user())).status).toBe(may ? 404 : 403);
    });

    it("sees 'my queue' only if its body acts on cases", async () => {
      expect((await stack.http.get('/cases/queue').set(await user())).status).toBe(allowed(ALLOWED.queue, role) ? 200 : 403);
    });

    it('sends PRODUCED_BEFORE_CWC only as a CWC member of the case’s district', async () => {
      const target = allowed(ALLOWED.produceBeforeCwc, role)
        ? (await stack.http.post('/cases').set(await user()).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' })).body.caseId
        : cases.in;
      const event = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' } };
      const res = await stack.http.post(`/cases/${target}/events`).set(await user()).send(event);
      expect(res.status).toBe(allowed(ALLOWED.produceBeforeCwc, role) ? 200 : 403);
      const out = outOf(role, cases);
      if (out) {
        const outside = await stack.http.post(`/cases/${out}/events`).set(await user()).send(event);
        expect(outside.status).toBe(allowed(ALLOWED.sendEvents, role) ? 404 : 403);
      }
    });

    it("assigns a CNCP case only as a member of the case's district CWC, and sees 'my cases' only if its body assigns", async () => {
      expect((await stack.http.get('/cases/mine').set(await user())).status).toBe(allowed(ALLOWED.assignCases, role) ? 200 : 403);
      const cwc = (await stack.http.get('/auth/me').set(await as(stack, USERS.CWC_MEMBER)).expect(200)).body.userId as string;
      const res = await stack.http.post(`/cases/${cases.in}/assignment`).set(await user()).send({ userId: cwc });
      expect(res.status).toBe(allowed(ALLOWED.assignCncp, role) ? 200 : 403);
      const out = outOf(role, cases);
      if (out) {
        const outside = await stack.http.post(`/cases/${out}/assignment`).set(await user()).send({ userId: cwc });
        expect(outside.status).toBe(allowed(ALLOWED.assignCases, role) ? 404 : 403);
      }
    });

    it('reads escalations in its jurisdiction only if its body handles them', async () => {
      // Filtered by case: the shared test database holds many other escalations, older ones first.
      const list = await stack.http.get('/escalations').query({ caseId: cases.in }).set(await user());
      expect(list.status).toBe(allowed(ALLOWED.readEscalations, role) ? 200 : 403);
      if (list.status === 200) {
        expect((list.body as { id: string }[]).map((e) => e.id)).toContain(escalations.in);
        const outCase = outOf(role, cases);
        if (outCase) expect((await stack.http.get('/escalations').query({ caseId: outCase }).set(await user()).expect(200)).body).toEqual([]);
      }
      expect((await stack.http.get(`/escalations/${escalations.in}`).set(await user())).status).toBe(allowed(ALLOWED.readEscalations, role) ? 200 : 403);
      const out = outOf(role, escalations);
      if (out) expect((await stack.http.get(`/escalations/${out}`).set(await user())).status).toBe(allowed(ALLOWED.readEscalations, role) ? 404 : 403);
    });

    it('acknowledges and resolves a DCPU escalation only as that district’s DCPU officer', async () => {
      const mayAct = allowed(ALLOWED.actOnDcpuEscalation, role);
      // Each permitted action gets a fresh escalation, so the outcome never depends on test order.
      const target = mayAct ? (await caseWithEscalation('RJ-JAIPUR', 'RJ')).escalationId : escalations.in;
      const ack = await stack.http.post(`/escalations/${target}/acknowledge`).set(await user()).send({});
      expect(ack.status).toBe(mayAct ? 200 : 403);
      const resolve = await stack.http.post(`/escalations/${target}/resolve`).set(await user()).send({ note: 'child produced on our direction' });
      expect(resolve.status).toBe(mayAct ? 200 : 403);
      const out = outOf(role, escalations);
      if (out) {
        const outside = await stack.http.post(`/escalations/${out}/acknowledge`).set(await user()).send({});
        expect(outside.status).toBe(['DCPU_OFFICER', 'SCPS_OFFICER', 'STATE_MONITOR'].includes(role) ? 404 : 403);
      }
    });
  });

  describe.each(ROLES)('%s and deadline policy', (role) => {
    const user = () => as(stack, USERS[role]);

    it("reads its own state's deadline policy; another state's is unknown to it", async () => {
      expect((await stack.http.get('/states/RJ/deadline-policy').set(await user())).status).toBe(allowed(ALLOWED.readCases, role) ? 200 : 403);
      const other = await stack.http.get('/states/MH/deadline-policy').set(await user());
      expect(other.status).toBe(!allowed(ALLOWED.readCases, role) ? 403 : role === 'NATIONAL_MONITOR' ? 200 : 404);
    });

    it("sets a period only as the state's own SCPS", async () => {
      // The statutory period itself, so other tests' Rajasthan cases are unaffected.
      const body = { within: 'P15D', reason: 'confirming the statutory period (s.36(2))' };
      expect((await stack.http.put('/states/RJ/deadline-policy/cncp.sir').set(await user()).send(body)).status).toBe(
        allowed(ALLOWED.manageDeadlinePolicy, role) ? 200 : 403,
      );
      const other = await stack.http.put('/states/MH/deadline-policy/cncp.sir').set(await user()).send(body);
      expect(other.status).toBe(allowed(ALLOWED.manageDeadlinePolicy, role) ? 404 : 403);
    });
  });

  describe.each(ROLES)('%s and the registries', (role) => {
    const user = () => as(stack, USERS[role]);
    /** the seeded Children's Homes and CWCs: Jaipur (in), Jodhpur (same state), Pune */
    const ccis = { in: 'CCI-RJ-JAIPUR', outDistrict: 'CCI-RJ-JODHPUR', outState: 'CCI-MH-PUNE' };
    const cwcs = { in: 'CWC-RJ-JAIPUR', outDistrict: 'CWC-RJ-JODHPUR', outState: 'CWC-MH-PUNE' };
    const newHome = (districtCode: string) => ({ name: `Matrix Home ${role} ${Date.now()}`, districtCode, kind: 'CHILDRENS_HOME', management: 'NGO' });

    it('reads an institution and its history in its jurisdiction (200); one outside it is unknown (404)', async () => {
      const expectIn = allowed(ALLOWED.readRegistry, role) ? 200 : 403;
      const out = outOf(role, ccis);
      for (const path of ['', '/history']) {
        expect((await stack.http.get(`/institutions/${ccis.in}${path}`).set(await user())).status).toBe(expectIn);
        if (out) expect((await stack.http.get(`/institutions/${out}${path}`).set(await user())).status).toBe(allowed(ALLOWED.readRegistry, role) ? 404 : 403);
      }
      const listed = await stack.http.get('/institutions').query({ districtCode: 'RJ-JAIPUR', limit: 100 }).set(await user());
      expect(listed.status).toBe(expectIn);
      if (listed.status === 200) expect((listed.body.items as { id: string }[]).map((i) => i.id)).toContain(ccis.in);
      if (out && listed.status === 200) {
        const outside = await stack.http.get('/institutions').query({ districtCode: out.replace(/^CCI-/, ''), limit: 100 }).set(await user());
        expect(outside.body.items).toEqual([]);
      }
    });

    it('registers, changes and imports institutions only as a DCPU or SCPS, and only in its jurisdiction', async () => {
      const mayManage = allowed(ALLOWED.manageRegistry, role);
      const created = await stack.http.post('/institutions').set(await user()).send(newHome('RJ-JAIPUR'));
      expect(created.status).toBe(mayManage ? 201 : 403);
      expect((await stack.http.post('/institutions').set(await user()).send(newHome('MH-PUNE'))).status).toBe(403);
      const target = mayManage ? created.body.id : ccis.in;
      const patch = await stack.http.patch(`/institutions/${target}`).set(await user()).set('If-Match', '"1"').send({ phone: '0141 222 0000' });
      expect(patch.status).toBe(mayManage ? 200 : 403);
      const out = outOf(role, ccis);
      if (out) expect((await stack.http.patch(`/institutions/${out}`).set(await user()).set('If-Match', '"1"').send({ phone: '0141 222 0000' })).status).toBe(mayManage ? 404 : 403);
      const csv = 'name,districtCode,kind,management\nMatrix Home,RJ-JAIPUR,CHILDRENS_HOME,NGO\n';
      const dryRun = await stack.http.post('/institutions/import').query({ dryRun: 'true' }).set(await user()).set('Content-Type', 'text/csv').send(csv);
      expect(dryRun.status).toBe(mayManage ? 200 : 403);
      expect((await stack.http.get('/institutions/import/template').set(await user())).status).toBe(mayManage ? 200 : 403);
    });

    it("reads a CWC of its jurisdiction; sets its sitting days only as the district's DCPU or the state's SCPS", async () => {
      const out = outOf(role, cwcs);
      expect((await stack.http.get(`/bodies/${cwcs.in}`).set(await user())).status).toBe(allowed(ALLOWED.readRegistry, role) ? 200 : 403);
      if (out) expect((await stack.http.get(`/bodies/${out}`).set(await user())).status).toBe(allowed(ALLOWED.readRegistry, role) ? 404 : 403);
      expect((await stack.http.get('/bodies').query({ type: 'CWC' }).set(await user())).status).toBe(allowed(ALLOWED.readRegistry, role) ? 200 : 403);
      // The days the seed gives every CWC, so other tests see no change.
      const days = { sittingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] };
      const mayManage = allowed(ALLOWED.manageRegistry, role);
      expect((await stack.http.put(`/bodies/${cwcs.in}/sitting-days`).set(await user()).send(days)).status).toBe(mayManage ? 200 : 403);
      if (out) expect((await stack.http.put(`/bodies/${out}/sitting-days`).set(await user()).send(days)).status).toBe(mayManage ? 404 : 403);
      const members = await stack.http.put(`/bodies/${out ?? cwcs.outState}/members`).set(await user()).send({ members: [] });
      expect(members.status).toBe(!mayManage ? 403 : out ? 404 : 200);
    });
  });

  describe.each(ROLES)('%s and administration', (role) => {
    const user = () => as(stack, USERS[role]);
    const cwcs = { in: 'CWC-RJ-JAIPUR', outDistrict: 'CWC-RJ-JODHPUR', outState: 'CWC-MH-PUNE' };
    const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

    it("creates and renames a district's bodies only as its state's or its own administrator", async () => {
      const may = allowed(ALLOWED.administerDistrict, role);
      const bcpc = (districtCode: string) => ({ type: 'BCPC', name: `Matrix block committee ${role}`, districtCode, code: `B${Math.random().toString(36).slice(2, 10).toUpperCase()}` });
      expect((await stack.http.post('/bodies').set(await user()).send(bcpc('RJ-JAIPUR'))).status).toBe(may ? 201 : 403);
      expect((await stack.http.post('/bodies').set(await user()).send(bcpc('MH-PUNE'))).status).toBe(403);
      // The seed's own name, so other tests see no change.
      const rename = { name: 'Child Welfare Committee, Jaipur' };
      expect((await stack.http.patch(`/bodies/${cwcs.in}`).set(await user()).send(rename)).status).toBe(may ? 200 : 403);
      const out = outOf(role, cwcs);
      if (out) expect((await stack.http.patch(`/bodies/${out}`).set(await user()).send(rename)).status).toBe(may ? 404 : 403);
    });

    it("lists a body's people and invites to it only as an administrator of its place; elsewhere it is unknown (404)", async () => {
      const mayList = allowed(ALLOWED.listPeople, role);
      expect((await stack.http.get('/people').query({ bodyId: cwcs.in }).set(await user())).status).toBe(mayList ? 200 : 403);
      const out = outOf(role, cwcs);
      if (out) expect((await stack.http.get('/people').query({ bodyId: out }).set(await user())).status).toBe(mayList ? 404 : 403);
      const may = allowed(ALLOWED.administerDistrict, role);
      const invite = (bodyId: string) => ({ email: `matrix.${unique()}@example.org`, displayName: `Matrix ${role}`, bodyId, role: 'CWC_MEMBER', term: currentTerm() });
      const invited = await stack.http.post('/people/invitations').set(await user()).send(invite(cwcs.in));
      expect(invited.status).toBe(may ? 201 : 403);
      if (out) expect((await stack.http.post('/people/invitations').set(await user()).send(invite(out))).status).toBe(may ? 404 : 403);
      if (may) {
        const deactivated = await stack.http.post(`/people/${invited.body.person.id}/deactivate`).set(await user()).send({});
        expect(deactivated.status).toBe(200);
      }
    });
  });

  it('answers 401 to every endpoint without a token', async () => {
    const calls = [
      stack.http.post('/cases').send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' }),
      stack.http.get('/cases'),
      stack.http.get('/cases/queue'),
      stack.http.get(`/cases/${cases.in}`),
      stack.http.get(`/cases/${cases.in}/timeline`),
      stack.http.get(`/cases/${cases.in}/escalations`),
      stack.http.post(`/cases/${cases.in}/events`).send({ type: 'PRODUCED_BEFORE_CWC' }),
      stack.http.get('/escalations'),
      stack.http.get(`/escalations/${escalations.in}`),
      stack.http.post(`/escalations/${escalations.in}/acknowledge`).send({}),
      stack.http.post(`/escalations/${escalations.in}/resolve`).send({ note: 'nothing done' }),
      stack.http.get('/states/RJ/deadline-policy'),
      stack.http.put('/states/RJ/deadline-policy/cncp.sir').send({ within: 'P15D', reason: 'no token at all here' }),
      stack.http.get('/institutions'),
      stack.http.post('/institutions').send({}),
      stack.http.get('/institutions/CCI-RJ-JAIPUR'),
      stack.http.patch('/institutions/CCI-RJ-JAIPUR').send({}),
      stack.http.get('/institutions/CCI-RJ-JAIPUR/history'),
      stack.http.get('/institutions/import/template'),
      stack.http.post('/institutions/import').set('Content-Type', 'text/csv').send('name\n'),
      stack.http.get('/bodies'),
      stack.http.get('/bodies/CWC-RJ-JAIPUR'),
      stack.http.get('/bodies/CWC-RJ-JAIPUR/history'),
      stack.http.put('/bodies/CWC-RJ-JAIPUR/members').send({ members: [] }),
      stack.http.put('/bodies/CWC-RJ-JAIPUR/sitting-days').send({ sittingDays: [] }),
      stack.http.post('/bodies').send({ type: 'BCPC', name: 'no token', districtCode: 'RJ-JAIPUR', code: 'B1' }),
      stack.http.patch('/bodies/CWC-RJ-JAIPUR').send({ name: 'no token' }),
      stack.http.post('/bodies/CWC-RJ-JAIPUR/deactivate').send({}),
      stack.http.get('/people').query({ bodyId: 'CWC-RJ-JAIPUR' }),
      stack.http.post('/people/invitations').send({}),
      stack.http.post(`/people/${cases.in}/deactivate`).send({}),
      stack.http.post(`/people/${cases.in}/move`).send({}),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
