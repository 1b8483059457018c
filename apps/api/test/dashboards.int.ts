// The MIS dashboard over HTTP, for a district of the test's own so other tests' cases do not count.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';
import { ist, projectedCase, type ProjectedCase } from '@raksha/test-support/projected-case';

describe('MIS dashboard', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
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

  it('trends by month count what their labels say, open the cases behind each figure, and give the police their station and district only', async () => {
    const d = await isolatedDistrict(stack, []);
    const dc = d.districtCode;
    const [ps1, ps2] = [`${dc}-PS-01`, `${dc}-PS-02`];
    for (const code of [ps1, ps2]) await stack.db.localPlace.create({ data: { code, kind: 'POLICE_STATION', name: `Station ${code.slice(-2)}`, districtCode: dc, stateCode: 'RJ' } });
    const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jaipur' } });
    const officer = async (body: { id: string; type: string; level: string; thanaCode?: string }, role: string) => {
      await stack.db.body.create({ data: { ...body, name: body.id, stateCode: 'RJ', districtCode: dc } });
      const username = `${role.toLowerCase()}.${dc.toLowerCase()}`;
      await stack.db.user.create({ data: { id: randomUUID(), username, displayName: username, passwordHash, bodyId: body.id, roles: [role] } });
      return as(stack, username);
    };
    const station = await officer({ id: `PS-${dc}`, type: 'POLICE_STATION', level: 'THANA', thanaCode: ps1 }, 'STATION_OFFICER');
    const sjpu = await officer({ id: `SJPU-${dc}`, type: 'SJPU', level: 'DISTRICT' }, 'SJPU_OFFICER');

    const kase = (c: Omit<ProjectedCase, 'districtCode'>) => projectedCase(stack.db, { districtCode: dc, ...c });
    const inquiry = await kase({ thana: ps1, registered: '2026-04-10T10:00:00', produced: '2026-04-10T20:00:00', productionLate: true, phase: 'INQUIRY' });
    const late = await kase({ thana: ps2, registered: '2026-04-30T23:00:00', produced: '2026-05-02T09:00:00', phase: 'PLACEMENT', steps: [['cncp.inCare.icpPending', '2026-10-05T12:00:00']] });
    const waiting = await kase({ thana: ps1, registered: '2026-06-15T09:00:00', phase: 'PRODUCTION' });
    // Registered before the months shown; missing from the home for three weeks of its inquiry, which do not count.
    const absent = await kase({
      thana: ps2, registered: '2026-03-20T10:00:00', produced: '2026-03-21T08:00:00', phase: 'INQUIRY',
      steps: [['cncp.beforeCwc.missing.unreported', '2026-08-20T10:00:00'], ['cncp.beforeCwc.inquiry.awaitingSir', '2026-09-10T10:00:00']],
    });
    await kase({ thana: ps1, registered: '2026-06-16T09:00:00', phase: 'PRODUCTION', merged: true });
    await stack.db.escalation.create({
      data: { id: randomUUID(), caseId: inquiry, deadlineId: 'cncp.sir', obligation: 'x', citation: 's.36(2)', rung: 0, toBody: 'DCPU', districtCode: dc, stateCode: 'RJ', dueAt: ist('2026-04-30T20:00:00'), raisedAt: ist('2026-05-01T10:00:00') },
    });

    const monitor = await as(stack, 'monitor.rj');
    const trends = await stack.http.get('/dashboards/trends').set(monitor).query({ districtCode: dc, to: '2026-10', months: 7 }).expect(200);
    expect(trends.body.scope).toEqual({ name: `Test ${dc.slice('RJ-T'.length)}`, stateCode: 'RJ', districtCode: dc, thanaCode: null, thanaName: null });
    const series = (k: string, body = trends.body) => body.months.map((m: Record<string, number>) => m[k]);
    expect(series('month')).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(series('registered')).toEqual([2, 0, 1, 0, 0, 0, 0]); // 30 April 23:00 IST is April's; the merged duplicate is not counted
    expect(series('produced')).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(series('producedWithin24Hours')).toEqual([1, 0, 0, 0, 0, 0, 0]); // 10 hours: within, though flagged late; 34 hours: not
    expect(series('escalations')).toEqual([1, 0, 0, 0, 0, 0, 0]); // by the month the deadline fell due, not when it was sent up
    // Open more than 4 months after production at the month's end: March's from July (not while the child was missing
    // in August), April's from August, May's in September until it left the inquiry in October.
    expect(series('pendingBeyond4Months')).toEqual([0, 0, 0, 1, 1, 3, 2]);
    const csv = await stack.http.get('/dashboards/trends').set(monitor).query({ districtCode: dc, to: '2026-10', months: 7, format: 'csv' }).expect(200);
    expect(csv.text.split('\r\n').slice(0, 2)).toEqual(['month,registered,produced,producedWithin24Hours,pendingBeyond4Months,escalations,missingReports,foundReports', '2026-04,2,1,1,0,1,0,0']);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="raksha-${dc}-trends-2026-04-2026-10.csv"`);
    // The overview's "within 24 hours" counts the same way.
    const overview = await stack.http.get('/dashboards/overview').set(monitor).query({ districtCode: dc, from: '2026-04-01', to: '2026-05-31' }).expect(200);
    expect(overview.body.production).toEqual({ produced: 2, within24Hours: 1, sharePercent: 50 });

    // The cases behind a figure, counted as the figure is.
    const behind = async (who: { Authorization: string }, query: Record<string, string>) => (await stack.http.get('/dashboards/cases').set(who).query(query).expect(200)).body;
    const after = await behind(monitor, { districtCode: dc, measure: 'producedAfter24Hours', month: '2026-05' });
    expect(after).toMatchObject({ place: `Test ${dc.slice('RJ-T'.length)}`, total: 1, cases: [expect.objectContaining({ id: late, hoursToProduction: 34, phase: 'PLACEMENT' })] });
    expect((await behind(monitor, { districtCode: dc, measure: 'pendingBeyond4Months', month: '2026-09' })).cases.map((c: { id: string }) => c.id).sort()).toEqual([inquiry, late, absent].sort());
    expect((await behind(monitor, { districtCode: dc, measure: 'registered', month: '2026-06' })).cases.map((c: { id: string }) => c.id)).toEqual([waiting]);
    expect((await behind(monitor, { districtCode: dc, measure: 'escalations', from: '2026-04-01', to: '2026-04-30' })).cases.map((c: { id: string }) => c.id)).toEqual([inquiry]);

    // The police: a station reads its district's counts and its own area's, and lists its own area's cases only.
    const stationDistrict = await stack.http.get('/dashboards/trends').set(station).query({ to: '2026-10', months: 7 }).expect(200);
    expect(series('registered', stationDistrict.body)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    const own = await stack.http.get('/dashboards/trends').set(station).query({ thanaCode: ps1, to: '2026-10', months: 7 }).expect(200);
    expect(own.body.scope).toMatchObject({ districtCode: dc, thanaCode: ps1, thanaName: 'Station 01' });
    expect(series('registered', own.body)).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect(series('escalations', own.body)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    await stack.http.get('/dashboards/trends').set(station).query({ thanaCode: ps2 }).expect(404);
    await stack.http.get('/dashboards/trends').set(station).query({ districtCode: 'RJ-JAIPUR' }).expect(404);
    expect((await behind(station, { measure: 'pendingBeyond4Months', month: '2026-09' })).cases.map((c: { id: string }) => c.id)).toEqual([inquiry]);
    await stack.http.get('/dashboards/cases').set(station).query({ measure: 'registered', thanaCode: ps2 }).expect(404);
    // The district's SJPU reads any of its stations' areas, and no other district.
    const other = await stack.http.get('/dashboards/trends').set(sjpu).query({ thanaCode: ps2, to: '2026-10', months: 7 }).expect(200);
    expect(series('registered', other.body)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    await stack.http.get('/dashboards/trends').set(sjpu).query({ thanaCode: 'RJ-JAIPUR-PS-01' }).expect(404);
    // Others with case access but no dashboard are refused; a bad month names its field.
    await stack.http.get('/dashboards/trends').set(await as(stack, 'cwc.jaipur')).expect(403);
    const bad = await stack.http.get('/dashboards/trends').set(monitor).query({ to: '2026-13' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});
