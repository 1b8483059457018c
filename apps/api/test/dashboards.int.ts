// The MIS dashboard over HTTP, for a district of the test's own so other tests' cases do not count.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleCaseWorkflows } from '../../worker/src/workflow-bundle.js';
import { as, isolatedDistrict } from '../../../test/support/auth.js';
import { startStack, type Stack } from '../../../test/support/stack.js';

describe('MIS dashboard', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await bundleCaseWorkflows());
  });
  afterAll(() => stack?.stop());

  it('counts a district’s cases by stage, productions and SIRs on time, and occupancy; as JSON and as CSV', async () => {
    const d = await isolatedDistrict(stack, [5]);
    const send = (caseId: string, who: { Authorization: string }, type: string, payload: Record<string, unknown>) =>
      stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200);
    const register = async () =>
      (await stack.http.post('/cases').set(d.cwc).send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 14, gender: 'MALE' } }).expect(201)).body.caseId as string;
    const [a, b] = [await register(), await register(), await register()];
    for (const id of [a!, b!]) await send(id, d.cwc, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'Childline' });
    await send(a!, d.cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/D/1' });
    await send(a!, d.cwc, 'SIR_ORDERED', { sirRef: 'SIR/D/1' });
    await send(a!, d.probation, 'SIR_SUBMITTED', { sirRef: 'SIR/D/1' });
    await stack.http.post(`/cases/${a}/admissions`).set(d.cciStaff[d.ccis[0]!]!).send({ institutionId: d.ccis[0], orderRef: 'F18/D/1' }).expect(201);

    const monitor = await as(stack, 'monitor.rj');
    const { body } = await stack.http.get('/dashboards/overview').set(monitor).query({ districtCode: d.districtCode }).expect(200);
    expect(body.scope).toMatchObject({ stateCode: 'RJ', districtCode: d.districtCode });
    expect(body.casesByTrackAndPhase).toEqual([
      { track: 'CNCP', phase: 'INQUIRY', cases: 2 },
      { track: 'CNCP', phase: 'PRODUCTION', cases: 1 },
    ]);
    expect(body.production).toEqual({ produced: 2, within24Hours: 2, sharePercent: 100 });
    expect(body.socialInvestigationReports).toEqual({ submitted: 1, onTime: 1, sharePercent: 100 });
    expect(body.pendingBeyond4Months).toEqual([]);
    expect(body.occupancy.total).toEqual({ sanctioned: 10, occupied: 1 });
    expect(body.escalations).toEqual([]);

    // The district's DCPU sees its district without asking; the CSV carries the same figures.
    const csv = await stack.http.get('/dashboards/overview').set(d.dcpu).query({ format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')).toEqual(expect.arrayContaining(['section,key,value', 'scope,stateCode,RJ', `scope,districtCode,${d.districtCode}`, 'production,produced,2', 'casesByTrackAndPhase,CNCP/INQUIRY,2']));
  });

  it('keeps each monitor to its jurisdiction and refuses a bad period', async () => {
    await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.mh')).query({ stateCode: 'RJ' }).expect(404);
    await stack.http.get('/dashboards/overview').set(await as(stack, 'cwc.jaipur')).expect(403);
    const bad = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ from: '2026-12-01', to: '2026-01-01' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'from', message: 'from must not be after to' }]);
    const india = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ stateCode: 'MH', from: '2026-01-01', to: '2026-12-31' }).expect(200);
    expect(india.body.scope).toEqual({ stateCode: 'MH', districtCode: null, from: '2026-01-01', to: '2026-12-31' });
  });
});
