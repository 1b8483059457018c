// The MIS dashboard over HTTP, for a district of the test's own so other tests' cases do not count.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { as, isolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

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
    await send(a!, d.cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/D/1', placeId: d.ccis[0] });
    await send(a!, d.cwc, 'SIR_ORDERED', { sirRef: 'SIR/D/1' });
    await send(a!, d.probation, 'SIR_SUBMITTED', { sirRef: 'SIR/D/1' });

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
    // The district is its own single area; its row repeats the headline figures for the comparison table.
    expect(body.areaLevel).toBe('DISTRICT');
    expect(body.areas).toEqual([
      expect.objectContaining({ code: d.districtCode, casesRegistered: 3, produced: 2, producedWithin24Hours: 2, productionSharePercent: 100, sirsOnTime: 1, sanctionedPlaces: 10, childrenInCare: 1 }),
    ]);

    // The state's monitor compares the state's districts: this one among them, and districts with nothing to count.
    const state = await stack.http.get('/dashboards/overview').set(monitor).expect(200);
    expect(state.body.areaLevel).toBe('DISTRICT');
    expect(state.body.areas.find((a: { code: string }) => a.code === d.districtCode)).toMatchObject({ casesRegistered: 3, produced: 2 });
    expect(state.body.areas.find((a: { code: string }) => a.code === 'RJ-BARMER')).toMatchObject({ name: 'Barmer', casesRegistered: 0, productionSharePercent: null });
    expect(state.body.production.produced).toBe(state.body.areas.reduce((t: number, a: { produced: number }) => t + a.produced, 0));

    // Each section exports as a table of its own.
    const section = await stack.http.get('/dashboards/overview').set(monitor).query({ districtCode: d.districtCode, format: 'csv', section: 'cases' }).expect(200);
    expect(section.headers['content-disposition']).toContain(`raksha-${d.districtCode}-cases-`);
    expect(section.text).toBe('track,phase,cases\r\nCNCP,INQUIRY,2\r\nCNCP,PRODUCTION,1\r\n');
    const areas = await stack.http.get('/dashboards/overview').set(monitor).query({ districtCode: d.districtCode, format: 'csv', section: 'areas' }).expect(200);
    expect(areas.text.split('\r\n')[1]).toMatch(new RegExp(`^${d.districtCode},[^,]+,3,0,2,2,100,1,1,`));

    // The district's DCPU sees its district without asking; the CSV carries the same figures.
    const csv = await stack.http.get('/dashboards/overview').set(d.dcpu).query({ format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')).toEqual(expect.arrayContaining(['section,key,value', 'scope,stateCode,RJ', `scope,districtCode,${d.districtCode}`, 'production,produced,2', 'casesByTrackAndPhase,CNCP/INQUIRY,2']));
  });

  it('keeps each monitor to its jurisdiction and refuses a bad period', async () => {
    await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.mh')).query({ stateCode: 'RJ' }).expect(404);
    await stack.http.get('/dashboards/overview').set(await as(stack, 'cwc.jaipur')).expect(403);
    const bad = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ from: '2026-12-01', to: '2026-01-01' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from', message: 'from must not be after to' })]);
    const noFormat = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ section: 'cases' }).expect(400);
    expect(noFormat.body.errors).toEqual([expect.objectContaining({ field: 'section', message: 'a section is exported as CSV: add format=csv' })]);
    await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ format: 'csv', section: 'everything' }).expect(400);
    await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ districtCode: 'RJ-NOWHERE' }).expect(404);
    await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ stateCode: 'QQ' }).expect(404);
    const india = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).query({ stateCode: 'MH', from: '2026-01-01', to: '2026-12-31' }).expect(200);
    expect(india.body.scope).toEqual({ name: 'Maharashtra', stateCode: 'MH', districtCode: null, from: '2026-01-01', to: '2026-12-31' });
    // Nationally, the areas are the states and union territories (36, and any other test's own state).
    const national = await stack.http.get('/dashboards/overview').set(await as(stack, 'monitor.india')).expect(200);
    expect(national.body.areaLevel).toBe('STATE');
    expect(national.body.areas.length).toBeGreaterThanOrEqual(36);
    expect(national.body.areas).toContainEqual(expect.objectContaining({ code: 'AN', name: 'Andaman and Nicobar Islands' }));
    expect(national.body.areas.find((a: { code: string }) => a.code === 'RJ').casesRegistered).toBeGreaterThanOrEqual(3);
  });
});
