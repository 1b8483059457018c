// The CWC's and JJB's recurring duties over HTTP against PostgreSQL, Redis and Temporal: sittings with their cause
// lists (s.28(1), s.7(1)), visits to institutions (s.30(viii), s.54), returns (R.17(v) F.16, s.16(3)), the daily
// missed-duty scan that escalates up the ladder, and the state monitor's view of which bodies are functioning.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { watchMissedDuties } from '@raksha/activities';
import { bodyDutyRule, lastDuePeriod } from '@raksha/case-machine';
import { AuditRepository, BodyDutyRepository, DeadlinePolicyRepository } from '@raksha/db';
import { redisConnectionOptions } from '@raksha/config';
import { dutyWatchTeller, startDutyWatch } from '@raksha/worker/duty-watch';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict, type IsolatedDistrict } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

type Headers = { Authorization: string };
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('recurring duties of the CWC and JJB, over HTTP', () => {
  let stack: Stack;
  let own: IsolatedDistrict;
  let jjb: Headers;
  let monitor: Headers;
  let cwcId: string;
  let jjbId: string;
  let cciId: string;

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    own = await isolatedDistrict(stack, [5]);
    cwcId = `CWC-${own.districtCode}`;
    jjbId = `JJB-${own.districtCode}`;
    cciId = own.ccis[0]!;
    await stack.db.body.create({ data: { id: jjbId, type: 'JJB', name: `Juvenile Justice Board ${own.districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode: own.districtCode } });
    const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jaipur' } });
    const username = `jjb.t${own.districtCode.slice(4).toLowerCase()}`;
    await stack.db.user.create({ data: { id: randomUUID(), username, displayName: username, passwordHash, bodyId: jjbId, roles: ['JJB_MEMBER'] } });
    jjb = await as(stack, username);
    monitor = await as(stack, 'monitor.rj');
  });
  afterAll(() => stack?.stop());

  const registerCncp = async () =>
    (await stack.http.post('/cases').set(own.cwc).send({ track: 'CNCP', districtCode: own.districtCode, child: { name: 'Meena', ageYears: 8 } }).expect(201)).body.caseId as string;

  it("records a JJB's sitting (s.7(1)); a CWC's case is not on a JJB's cause list, and nothing is stored for the refused day", async () => {
    const cncp = await registerCncp();
    await stack.http.put(`/bodies/${jjbId}/sittings/2026-02-02`).set(jjb).send({}).expect(200);
    const refused = await stack.http.put(`/bodies/${jjbId}/sittings/2026-02-03`).set(jjb).send({ caseIds: [cncp] }).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors[0].field).toBe('caseIds.0');
    await stack.http.put(`/bodies/${jjbId}/sittings/2026-02-04`).set(own.cwc).send({}).expect(403);
    const month = await stack.http.get(`/bodies/${jjbId}/sittings`).set(monitor).query({ month: '2026-02' }).expect(200);
    expect(month.body).toMatchObject({ held: 1, required: null, met: null });
    expect(month.body.sittings.map((s: { sittingOn: string }) => s.sittingOn)).toEqual(['2026-02-02']);
  });

  it("puts every sitting and every change of a cause list on the CWC's audited registry history", async () => {
    const heard = await registerCncp();
    await stack.http.put(`/bodies/${cwcId}/sittings/2026-02-09`).set(own.cwc).send({ caseIds: [heard] }).expect(200);
    await stack.http.put(`/bodies/${cwcId}/sittings/2026-02-09`).set(own.cwc).send({ caseIds: [] }).expect(200);
    const history = (await stack.http.get(`/bodies/${cwcId}/history`).set(own.dcpu).expect(200)).body as { action: string; before: unknown; after: unknown }[];
    const sittings = history.filter((h) => h.action === 'body.sitting.recorded');
    expect(sittings).toEqual([
      expect.objectContaining({ before: null, after: { sittingOn: '2026-02-09', caseIds: [heard] } }),
      expect.objectContaining({ before: { sittingOn: '2026-02-09', caseIds: [heard] }, after: { sittingOn: '2026-02-09', caseIds: [] } }),
    ]);
    expect(await new AuditRepository(stack.db).verifyChain(`registry:${cwcId}`)).toEqual([]);
  });

  it("records the CWC's and the inspection committee's visits with their findings, counting the CWC's against s.30(viii)'s two a month", async () => {
    const visit = await stack.http.post(`/institutions/${cciId}/inspections`).set(own.cwc).send({ visitedOn: '2026-02-10', findings: 'Kitchen clean; two girls without school admission.' }).expect(201);
    expect(visit.body).toMatchObject({ cciId, byBodyId: cwcId, visitedAs: 'CWC', visitedOn: '2026-02-10' });
    await stack.http.post(`/institutions/${cciId}/inspections`).set(own.dcpu).send({ visitedOn: '2026-02-12', findings: 'Fire exits blocked; asked the home to clear them.', asInspectionCommittee: true }).expect(201);
    const month = await stack.http.get(`/institutions/${cciId}/inspections`).set(own.dcpu).query({ month: '2026-02' }).expect(200);
    expect(month.body).toMatchObject({ cwcVisits: 1, required: 2, met: false, citation: 's.30(viii)' });
    expect(month.body.inspections.map((i: { visitedAs: string }) => i.visitedAs)).toEqual(['INSPECTION_COMMITTEE', 'CWC']);
    const history = (await stack.http.get(`/institutions/${cciId}/history`).set(own.dcpu).expect(200)).body as { action: string }[];
    expect(history.filter((h) => h.action === 'institution.inspection.recorded')).toHaveLength(2);
  });

  it('refuses a visit with no findings, one still to come, or by the home itself, storing none of them', async () => {
    const short = await stack.http.post(`/institutions/${cciId}/inspections`).set(own.cwc).send({ visitedOn: '2026-02-11', findings: 'ok' }).expect(400);
    expect(short.body.errors[0].field).toBe('findings');
    const future = await stack.http.post(`/institutions/${cciId}/inspections`).set(own.cwc).send({ visitedOn: '2099-01-01', findings: 'Everything in order this time.' }).expect(400);
    expect(future.body.errors[0].field).toBe('visitedOn');
    const cwcAsCommittee = await stack.http.post(`/institutions/${cciId}/inspections`).set(own.cwc).send({ visitedOn: '2026-02-11', findings: 'Everything in order this time.', asInspectionCommittee: true }).expect(400);
    expect(cwcAsCommittee.body.errors[0].field).toBe('asInspectionCommittee');
    await stack.http.post(`/institutions/${cciId}/inspections`).set(own.cciStaff[cciId]!).send({ visitedOn: '2026-02-11', findings: 'We inspected ourselves.' }).expect(403);
    const month = await stack.http.get(`/institutions/${cciId}/inspections`).set(own.dcpu).query({ month: '2026-02' }).expect(200);
    expect(month.body.inspections.map((i: { visitedOn: string }) => i.visitedOn)).not.toContain('2026-02-11');
  });

  it("files the CWC's quarterly F.16 return (R.17(v)), on time within 15 days of the quarter (policy), and refuses what cannot be one", async () => {
    const filed = await stack.http.put(`/bodies/${cwcId}/returns/cwc.quarterlyReturn/2026-Q3`).set(own.cwc).send({ filedOn: '2026-10-10', pending: 14, disposed: 9 }).expect(200);
    expect(filed.body).toMatchObject({ period: '2026-Q3', filedOn: '2026-10-10', dueOn: '2026-10-15', onTime: true, pending: 14, disposed: 9 });
    const wrongBody = await stack.http.put(`/bodies/${cwcId}/returns/jjb.pendencyReport/2026-Q3`).set(own.cwc).send({ filedOn: '2026-10-10', pending: 1, disposed: 1 }).expect(400);
    expect(wrongBody.body.errors[0].field).toBe('dutyId');
    const badQuarter = await stack.http.put(`/bodies/${cwcId}/returns/cwc.quarterlyReturn/2026-Q5`).set(own.cwc).send({ filedOn: '2026-10-10', pending: 1, disposed: 1 }).expect(400);
    expect(badQuarter.body.errors[0].field).toBe('quarter');
    const notEnded = await stack.http.put(`/bodies/${cwcId}/returns/cwc.quarterlyReturn/2099-Q1`).set(own.cwc).send({ filedOn: '2026-10-10', pending: 1, disposed: 1 }).expect(400);
    expect(notEnded.body.errors[0].field).toBe('quarter');
    const negative = await stack.http.put(`/bodies/${cwcId}/returns/cwc.quarterlyReturn/2026-Q2`).set(own.cwc).send({ filedOn: '2026-07-05', pending: -1, disposed: 0 }).expect(400);
    expect(negative.body.errors[0].field).toBe('pending');
    await stack.http.put(`/bodies/${cwcId}/returns/cwc.quarterlyReturn/2026-Q2`).set(own.dcpu).send({ filedOn: '2026-07-05', pending: 1, disposed: 0 }).expect(403);
    const returns = await stack.http.get(`/bodies/${cwcId}/returns`).set(monitor).expect(200);
    expect(returns.body.map((r: { period: string }) => r.period)).toEqual(['2026-Q3']);
  });

  it("escalates each missed duty in plain words on the state's ladder for it, once however often the daily scan runs", async () => {
    // Rajasthan sends missed visits to the SCPS at once; its other duties keep the default ladder (DCPU first)
    const scps = await as(stack, 'scps.rj');
    const onlyLadder = await stack.http.put('/states/RJ/deadline-policy/cwc.cciVisits').set(scps).send({ within: 'P2M', reason: 'visits are counted by the month' }).expect(400);
    expect(onlyLadder.body.errors[0].field).toBe('within');
    const set = await stack.http.put('/states/RJ/deadline-policy/cwc.cciVisits').set(scps).send({ ladder: [{ to: 'SCPS', after: 'PT0S' }], reason: 'the SCPS follows up missed visits itself' }).expect(200);
    expect(set.body).toMatchObject({ id: 'cwc.cciVisits', citation: 's.30(viii)', ladder: [{ to: 'SCPS', after: 'PT0S' }] });
    const client = await stack.temporal();
    const deps = { duties: new BodyDutyRepository(stack.db), policies: new DeadlinePolicyRepository(stack.db), tell: dutyWatchTeller(client, stack.config.temporal.taskQueue) };
    const now = new Date();
    const started = await watchMissedDuties(deps, now, { stateCode: 'RJ', districtCode: own.districtCode });
    const missed = started.map((m) => `${m.body.id} ${m.dutyId}`).sort();
    const returnDue = lastDuePeriod(bodyDutyRule('cwc.quarterlyReturn'), now.toISOString()).label;
    // the CWC sat no day of last month and visited no home; the JJB sent no pendency report; the CWC's F.16 is filed if the quarter due is 2026-Q3
    expect(missed).toEqual(
      [`${cwcId} cwc.cciVisits`, `${cwcId} cwc.sittings`, ...(returnDue === '2026-Q3' ? [] : [`${cwcId} cwc.quarterlyReturn`]), `${jjbId} jjb.pendencyReport`].sort(),
    );
    const onDefaultLadder = started.filter((m) => m.dutyId !== 'cwc.cciVisits');
    const inbox = await eventually(async () => {
      const res = await stack.http.get('/escalations').set(own.dcpu).query({ toBody: 'DCPU', districtCode: own.districtCode }).expect(200);
      const duties = (res.body as { deadlineId: string; bodyId: string }[]).filter((e) => e.bodyId === cwcId || e.bodyId === jjbId);
      return duties.length === onDefaultLadder.length ? duties : undefined;
    });
    expect(inbox.map((e) => e.deadlineId).sort()).toEqual(onDefaultLadder.map((m) => m.dutyId).sort());
    const visits = await eventually(async () => {
      const res = await stack.http.get('/escalations').set(scps).query({ toBody: 'SCPS', districtCode: own.districtCode }).expect(200);
      return (res.body as { deadlineId: string; bodyId: string; rung: number }[]).find((e) => e.bodyId === cwcId && e.deadlineId === 'cwc.cciVisits');
    });
    expect(visits.rung).toBe(0);
    const notice = await eventually(async () => (await stack.db.notification.findMany({ where: { kind: 'BODY_DUTY_MISSED', recipientBody: 'DCPU', districtCode: own.districtCode, subject: { contains: 'sat on 0 of the 20 days' } } }))[0]);
    expect(notice.subject).toContain('Sit as a Committee');
    expect(`${notice.subject} ${notice.body}`).not.toMatch(ISO_DATE);
    expect(notice.body).toContain('s.28(1)');
    expect(await watchMissedDuties(deps, now, { stateCode: 'RJ', districtCode: own.districtCode })).toEqual([]);
  });

  it('schedules the scan once a day at 00:30 in India, after a month ends at midnight IST', async () => {
    const deps = { duties: new BodyDutyRepository(stack.db), policies: new DeadlinePolicyRepository(stack.db), tell: async () => undefined };
    const watch = await startDutyWatch(redisConnectionOptions(stack.config.redisUrl), deps);
    try {
      expect(await watch.queue.getJobScheduler('missed-duties')).toMatchObject({ pattern: '30 0 * * *', tz: 'Asia/Kolkata' });
    } finally {
      await watch.queue.removeJobScheduler('missed-duties');
      await watch.close();
    }
  });

  it("marks a missed return met when it is filed late, and shows the state monitor which bodies are not functioning", async () => {
    const due = lastDuePeriod(bodyDutyRule('jjb.pendencyReport'), new Date().toISOString());
    const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
    const late = await stack.http.put(`/bodies/${jjbId}/returns/jjb.pendencyReport/${due.label}`).set(jjb).send({ filedOn: today, pending: 3, disposed: 2 }).expect(200);
    expect(late.body.onTime).toBe(false);
    const met = await eventually(async () => {
      const res = await stack.http.get('/escalations').set(own.dcpu).query({ toBody: 'DCPU', districtCode: own.districtCode }).expect(200);
      return (res.body as { deadlineId: string; metAt: string | null }[]).find((e) => e.deadlineId === 'jjb.pendencyReport' && e.metAt);
    });
    expect(met.metAt).not.toBeNull();

    const view = await stack.http.get('/dashboards/functioning').set(monitor).query({ districtCode: own.districtCode }).expect(200);
    expect(view.body.stateCode).toBe('RJ');
    const cwc = view.body.bodies.find((b: { bodyId: string }) => b.bodyId === cwcId);
    const board = view.body.bodies.find((b: { bodyId: string }) => b.bodyId === jjbId);
    expect(cwc).toMatchObject({ type: 'CWC', required: 20, status: 'NOT_FUNCTIONING', pendingCases: 2 });
    expect(cwc.openEscalations).toBeGreaterThan(0);
    expect(cwc.ccisUnderVisited.map((c: { cciId: string }) => c.cciId)).toEqual([cciId]);
    expect(board).toMatchObject({ type: 'JJB', required: null, lastReturnDue: { period: due.label, filed: true } });

    // a district's DCPU sees its own district; another state's monitor is told of no such state
    const district = await stack.http.get('/dashboards/functioning').set(own.dcpu).expect(200);
    expect(district.body.bodies.map((b: { bodyId: string }) => b.bodyId).sort()).toEqual([cwcId, jjbId].sort());
    await stack.http.get('/dashboards/functioning').set(monitor).query({ stateCode: 'MH' }).expect(404);
    const badMonth = await stack.http.get('/dashboards/functioning').set(monitor).query({ month: '2026-13' }).expect(400);
    expect(badMonth.body.errors[0].field).toBe('month');
  });
});
