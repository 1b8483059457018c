// A child's stay in care, over HTTP against the real stack: placement order → admission → eFile → ICP and
// reviews → transfer → discharge, with occupancy and the timeline checked at each step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_ICP_GOALS } from '@raksha/case-machine';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict, type IsolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

type Headers = { Authorization: string };

describe('children in care', () => {
  let stack: Stack;
  let district: IsolatedDistrict;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  const send = async (caseId: string, who: Headers, type: string, payload: Record<string, unknown>) =>
    (await stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200)).body;

  /** A boy of 13 before the district's CWC, placed pending inquiry by order `interimRef`, in the district's first home unless `place` says where. */
  async function placedChild(d: IsolatedDistrict, interimRef: string, place: Record<string, unknown> = {}): Promise<string> {
    const caseId = await producedChild(d);
    await send(caseId, d.cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: interimRef, placeId: d.ccis[0], ...place });
    return caseId;
  }
  async function producedChild(d: IsolatedDistrict): Promise<string> {
    const { body } = await stack.http
      .post('/cases')
      .set(d.cwc)
      .send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 13, gender: 'MALE', name: 'Raju' } })
      .expect(201);
    await send(body.caseId, d.cwc, 'PRODUCED_BEFORE_CWC', { circumstance: 'RUNAWAY', producedBy: 'Childline' });
    return body.caseId as string;
  }
  const staysOf = async (caseId: string, who: Headers) =>
    (await stack.http.get(`/cases/${caseId}/admissions`).set(who).expect(200)).body as { id: string; institutionId: string; orderRef: string; endReason: string | null; transferredToId: string | null }[];

  const occupancyOf = async (institutionId: string, who: Headers) =>
    (await stack.http.get(`/institutions/${institutionId}/occupancy`).set(who).expect(200)).body as {
      rows: { gender: string; ageBand: string; sanctioned: number; occupied: number }[];
      total: { sanctioned: number; occupied: number };
      overCapacity: unknown[];
    };
  const boys = (o: Awaited<ReturnType<typeof occupancyOf>>) => o.rows.find((r) => r.gender === 'MALE' && r.ageBand === '12-17');

  it('walks a child from a placement order through admission, eFile, ICP and two reviews, a transfer and discharge', async () => {
    district = await isolatedDistrict(stack, [1, 5]);
    const [homeA, homeB] = district.ccis as [string, string];
    const staffA = district.cciStaff[homeA]!;
    const staffB = district.cciStaff[homeB]!;

    // Before any order, no institution may take the child.
    const { body: unplaced } = await stack.http
      .post('/cases')
      .set(district.cwc)
      .send({ track: 'CNCP', districtCode: district.districtCode, child: { ageYears: 13, gender: 'MALE' } })
      .expect(201);
    const refused = await stack.http.post(`/cases/${unplaced.caseId}/admissions`).set(staffA).send({ institutionId: homeA, orderRef: 'F18/1' }).expect(409);
    expect(refused.body).toMatchObject({ type: expect.stringContaining('no-placement-order'), ordersInForce: [] });

    // The interim order names the home: the child is admitted with the order, and the home's occupancy counts him.
    const caseId = await placedChild(district, 'F18/JPR/101', { placeId: homeA });
    const [admitted] = await staysOf(caseId, district.cwc);
    expect(admitted).toMatchObject({ institutionId: homeA, orderRef: 'F18/JPR/101', gender: 'MALE', ageBand: '12-17', endedAt: null });
    expect(boys(await occupancyOf(homeA, staffA))).toEqual({ gender: 'MALE', ageBand: '12-17', sanctioned: 1, occupied: 1 });
    // One child, one institution at a time: no second admission by hand.
    await stack.http.post(`/cases/${caseId}/admissions`).set(district.dcpu).send({ institutionId: homeB, orderRef: 'F18/JPR/101' }).expect(409);

    // The home is full: an order placing a second boy there is refused, naming the field, with nothing stored,
    // unless the order says why he is placed over capacity.
    const second = await producedChild(district);
    const full = await stack.http
      .post(`/cases/${second}/events`)
      .set(district.cwc)
      .send({ type: 'INTERIM_PLACEMENT_ORDERED', payload: { placement: 'CHILDRENS_HOME', orderRef: 'F18/JPR/102', placeId: homeA } })
      .expect(409);
    expect(full.headers['content-type']).toContain('application/problem+json');
    expect(full.body).toMatchObject({ type: expect.stringContaining('over-capacity'), occupied: 1, sanctioned: 1, ageBand: '12-17', errors: [{ field: 'payload.overCapacityReason' }] });
    expect(await stack.db.timelineEntry.count({ where: { caseId: second } })).toBe(2);
    expect(await staysOf(second, district.cwc)).toEqual([]);
    await send(second, district.cwc, 'INTERIM_PLACEMENT_ORDERED', {
      placement: 'CHILDRENS_HOME',
      orderRef: 'F18/JPR/102',
      placeId: homeA,
      overCapacityReason: 'brother of the child admitted on F18/JPR/101; siblings kept together',
    });
    expect((await occupancyOf(homeA, staffA)).overCapacity).toEqual([{ gender: 'MALE', ageBand: '12-17', sanctioned: 1, occupied: 2 }]);
    const [overCapacity] = await staysOf(second, district.cwc);
    await stack.http.post(`/admissions/${overCapacity!.id}/discharge`).set(staffA).send({ reason: 'OTHER', note: 'moved with sibling plan' }).expect(200);
    expect(boys(await occupancyOf(homeA, staffA))?.occupied).toBe(1);

    // The eFile: medical, education and counselling records.
    const addEntry = (body: Record<string, unknown>) => stack.http.post(`/cases/${caseId}/efile`).set(staffA).send(body).expect(201);
    const medical = await addEntry({ section: 'MEDICAL', occurredOn: '2026-11-02', entry: { kind: 'CHECKUP', details: { findings: 'mild anaemia; iron supplements', weightKg: 31 } } });
    await addEntry({ section: 'MEDICAL', occurredOn: '2026-11-03', entry: { kind: 'IMMUNISATION', details: { vaccine: 'Td', dose: 'booster' } } });
    await addEntry({ section: 'EDUCATION', occurredOn: '2026-11-04', entry: { kind: 'ENROLMENT', details: { school: 'Govt. Upper Primary School', class: '6' } } });
    await addEntry({ section: 'COUNSELLING', occurredOn: '2026-11-05', entry: { kind: 'SESSION', details: { counsellor: 'CCI counsellor', notes: 'fears returning home; father drinks' } } });
    const { body: eFile } = await stack.http.get(`/cases/${caseId}/efile`).set(staffA).expect(200);
    expect(eFile.map((e: { section: string; kind: string }) => `${e.section}/${e.kind}`)).toEqual([
      'MEDICAL/CHECKUP',
      'MEDICAL/IMMUNISATION',
      'EDUCATION/ENROLMENT',
      'COUNSELLING/SESSION',
    ]);
    expect(eFile[0]).toMatchObject({ sealed: true, details: { findings: 'mild anaemia; iron supplements', weightKg: 31 } });
    expect((await stack.db.eFileEntry.findUniqueOrThrow({ where: { id: medical.body.id } })).details).toBeNull();

    // ICP: the final order places the child in care; the plan is prepared, then reviewed twice.
    await send(caseId, district.cwc, 'SIR_ORDERED', { sirRef: 'SIR/101' });
    await send(caseId, district.probation, 'SIR_SUBMITTED', { sirRef: 'SIR/101', finding: 'OTHER' });
    // The final order keeps the child in the home he is in: the stay goes on, now under that order.
    const ordered = await send(caseId, district.cwc, 'FINAL_ORDER_PASSED', { order: 'CHILDRENS_HOME', reasons: 'home unsafe; long-term care needed', orderRef: 'CWC/101', placeId: homeA });
    expect(await staysOf(caseId, district.cwc)).toEqual([expect.objectContaining({ id: admitted!.id, orderRef: 'CWC/101', endReason: null })]);
    expect(boys(await occupancyOf(homeA, staffA))?.occupied).toBe(1);
    expect(ordered.openDeadlines.map((d: { id: string }) => d.id)).toContain('cncp.icpPreparation');
    const noPlan = (await stack.http.get(`/cases/${caseId}/care-plan`).set(staffA).expect(200)).body;
    expect(noPlan).toMatchObject({ plan: null, nextDue: { id: 'cncp.icpPreparation' } });
    await stack.http
      .post(`/cases/${caseId}/events`)
      .set(staffA)
      .send({ type: 'ICP_PREPARED', payload: { icpRef: 'ICP/101', goals: SAMPLE_ICP_GOALS.slice(1) } })
      .expect(400);
    await send(caseId, staffA, 'ICP_PREPARED', { icpRef: 'ICP/101', goals: SAMPLE_ICP_GOALS });
    await send(caseId, staffA, 'ICP_REVIEWED', { icpRef: 'ICP/101', progress: [{ domain: 'HEALTH', status: 'ON_TRACK', note: 'Hb improving' }] });
    const revised = SAMPLE_ICP_GOALS.map((g) => (g.domain === 'EDUCATION' ? { ...g, goal: 'bridge course, then class 7' } : g));
    await send(caseId, district.dcpu, 'ICP_REVIEWED', { icpRef: 'ICP/101', progress: [{ domain: 'EDUCATION', status: 'NEEDS_ATTENTION' }], goals: revised });
    const { body: carePlan } = await stack.http.get(`/cases/${caseId}/care-plan`).set(district.cwc).expect(200);
    expect(carePlan.plan).toMatchObject({ icpRef: 'ICP/101', nextDue: { id: 'cncp.icpReview' } });
    expect(carePlan.plan.reviews.map((r: { revisedGoals: boolean }) => r.revisedGoals)).toEqual([false, true]);
    expect(carePlan.plan.goals.find((g: { domain: string }) => g.domain === 'EDUCATION').goal).toBe('bridge course, then class 7');

    // Transfer to the other home on the final order: both stays change together.
    const { body: moved } = await stack.http
      .post(`/admissions/${admitted!.id}/transfer`)
      .set(district.dcpu)
      .send({ institutionId: homeB, orderRef: 'CWC/101/T', note: 'closer to school' })
      .expect(201);
    expect(moved).toMatchObject({ institutionId: homeB, caseId });
    expect(boys(await occupancyOf(homeA, staffA))?.occupied).toBe(0);
    expect(boys(await occupancyOf(homeB, staffB))?.occupied).toBe(1);
    const residents = (await stack.http.get(`/institutions/${homeB}/children`).set(staffB).expect(200)).body;
    expect(residents).toEqual([expect.objectContaining({ caseId, childName: 'Raju', caseState: 'cncp.inCare.icpInForce' })]);

    // Restoration: ordered, the child is still in the home; handed to the family, his stay ends with it.
    await send(caseId, district.cwc, 'RESTORATION_ORDERED', { orderRef: 'CWC/101/R', reasons: 'father in treatment; mother ready to take him back' });
    expect(boys(await occupancyOf(homeB, staffB))?.occupied).toBe(1);
    await send(caseId, district.dcpu, 'CHILD_RESTORED', { restoredTo: 'PARENT' });
    expect(boys(await occupancyOf(homeB, staffB))?.occupied).toBe(0);
    await stack.http.post(`/admissions/${moved.id}/discharge`).set(staffB).send({ reason: 'RESTORED' }).expect(404);
    const stays = await staysOf(caseId, district.cwc);
    expect(stays.map((s) => [s.institutionId, s.endReason])).toEqual([
      [homeA, 'TRANSFERRED'],
      [homeB, 'RESTORED'],
    ]);
    expect(stays[0]!.transferredToId).toBe(moved.id);

    const { body: timeline } = await stack.http.get(`/cases/${caseId}/timeline`).set(district.cwc).expect(200);
    expect(timeline.map((e: { eventType: string }) => e.eventType)).toEqual([
      'REGISTERED',
      'PRODUCED_BEFORE_CWC',
      'INTERIM_PLACEMENT_ORDERED',
      'SIR_ORDERED',
      'SIR_SUBMITTED',
      'FINAL_ORDER_PASSED',
      'ICP_PREPARED',
      'ICP_REVIEWED',
      'ICP_REVIEWED',
      'RESTORATION_ORDERED',
      'CHILD_RESTORED',
    ]);
    // The timeline names the place in words, as the registry had it when the order was made.
    expect(timeline.find((e: { eventType: string }) => e.eventType === 'INTERIM_PLACEMENT_ORDERED').payload).toMatchObject({ placeId: homeA, placeName: `Children's Home 1, ${district.districtCode}` });
  });

  it('keeps medical and counselling details sealed in the database and from roles without the right, and audits every read', async () => {
    const d = await isolatedDistrict(stack, [3]);
    const home = d.ccis[0]!;
    const caseId = await placedChild(d, 'F18/S/1');
    const secret = 'disclosed abuse by an uncle';
    const { body: session } = await stack.http
      .post(`/cases/${caseId}/efile`)
      .set(d.cciStaff[home]!)
      .send({ section: 'COUNSELLING', occurredOn: '2026-11-10', entry: { kind: 'SESSION', details: { counsellor: 'Ms Meena', notes: secret } } })
      .expect(201);
    await stack.http
      .post(`/cases/${caseId}/efile`)
      .set(d.cciStaff[home]!)
      .send({ section: 'MEDICAL', occurredOn: '2026-11-10', entry: { kind: 'CONDITION', details: { condition: 'HIV positive', treatment: 'ART' } } })
      .expect(201);
    await stack.http
      .post(`/cases/${caseId}/efile`)
      .set(d.cciStaff[home]!)
      .send({ section: 'EDUCATION', occurredOn: '2026-11-10', entry: { kind: 'APTITUDE', details: { assessment: 'DAT', result: 'mechanical' } } })
      .expect(201);

    // In the database the details are ciphertext, bound to the row.
    const row = await stack.db.eFileEntry.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.details).toBeNull();
    expect(row.sealed).toMatch(/^v2\./);
    expect(JSON.stringify(row)).not.toContain('uncle');
    const raw = await stack.db.$queryRaw<{ t: string }[]>`SELECT row_to_json(e)::text AS t FROM "EFileEntry" e WHERE "caseId" = ${caseId}::uuid`;
    expect(raw.map((r) => r.t).join('\n')).not.toMatch(/uncle|HIV|ART"/);

    // The probation officer reads counselling but not medical details; the state monitor neither.
    const details = async (who: Headers) =>
      Object.fromEntries(
        ((await stack.http.get(`/cases/${caseId}/efile`).set(who).expect(200)).body as { section: string; details: unknown }[]).map((e) => [e.section, e.details]),
      );
    expect(await details(d.probation)).toEqual({ COUNSELLING: { counsellor: 'Ms Meena', notes: secret }, MEDICAL: null, EDUCATION: { assessment: 'DAT', result: 'mechanical' } });
    expect(await details(await as(stack, 'monitor.rj'))).toEqual({ COUNSELLING: null, MEDICAL: null, EDUCATION: { assessment: 'DAT', result: 'mechanical' } });
    // The police read the case but not the eFile; another state's monitor does not know the case.
    await stack.http.get(`/cases/${caseId}/efile`).set(await as(stack, 'sjpu.jaipur')).expect(403);
    await stack.http.get(`/cases/${caseId}/efile`).set(await as(stack, 'monitor.mh')).expect(404);
    // A probation officer may not write medical records.
    await stack.http
      .post(`/cases/${caseId}/efile`)
      .set(d.probation)
      .send({ section: 'MEDICAL', occurredOn: '2026-11-11', entry: { kind: 'CHECKUP', details: { findings: 'x' } } })
      .expect(403);

    const reads = await stack.db.auditEntry.findMany({ where: { chain: `reads:case:${caseId}`, action: 'efile.read' }, orderBy: { position: 'asc' } });
    expect(reads).toHaveLength(2);
    expect(reads.map((r) => (r.detail as { openedSealed: string[] }).openedSealed.length)).toEqual([1, 0]);
  });

  it('rejects bad eFile and admission input with the fields named', async () => {
    const d = await isolatedDistrict(stack, [1]);
    const caseId = await placedChild(d, 'F18/B/1');
    const staff = d.cciStaff[d.ccis[0]!]!;
    const bad = await stack.http
      .post(`/cases/${caseId}/efile`)
      .set(staff)
      .send({ section: 'MEDICAL', occurredOn: '10/11/2026', entry: { kind: 'SESSION', details: {} } })
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['occurredOn']));
    await stack.http.post(`/cases/${caseId}/admissions`).set(staff).send({ institutionId: 'not an id', orderRef: '' }).expect(400);
    await stack.http.post(`/cases/${caseId}/admissions`).set(staff).send({ institutionId: 'CCI-NOWHERE', orderRef: 'F18/B/1' }).expect(403);
    await stack.http.post(`/cases/${caseId}/admissions`).set(d.dcpu).send({ institutionId: 'CCI-NOWHERE', orderRef: 'F18/B/1' }).expect(404);
  });
});
