// Placement is a place: an order placing a child names a registered place (an institution, fit facility, fit person
// or foster family), checked before anything is stored; the child is admitted with the order and moved by the next.
// Over HTTP against the real stack.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { isolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

type Headers = { Authorization: string };

describe('placement orders name a registered place', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  const girls = (sanctioned: number) => [{ gender: 'FEMALE', ageBand: '12-17', sanctioned }];
  const valid = { no: 'CWC/REC/2026/7', from: '2026-01-01', until: '2099-12-31' };

  it('places a girl with a fit person, then in foster care, refusing every order that names no fit place with nothing stored', async () => {
    const d = await isolatedDistrict(stack, [1]);
    const elsewhere = await isolatedDistrict(stack, [1]);
    const home = d.ccis[0]!;
    const register = async (body: Record<string, unknown>) =>
      (await stack.http.post('/institutions').set(d.dcpu).send({ districtCode: d.districtCode, ...body }).expect(201)).body as { id: string; name: string };
    const fitPerson = await register({ name: 'Smt. Kamla Devi', kind: 'FIT_PERSON', management: 'FAMILY', registration: valid, capacities: girls(1) });
    const fosterFamily = await register({ name: 'The Sharma family', kind: 'FOSTER_FAMILY', management: 'FAMILY', registration: valid, capacities: girls(2) });
    const retired = await register({ name: 'Shri Mohan Lal', kind: 'FIT_PERSON', management: 'FAMILY', registration: valid, capacities: girls(1) });
    await stack.db.body.update({ where: { id: retired.id }, data: { deactivatedAt: new Date() } }); // as an administrator's deactivation leaves it
    const lapsed = await register({ name: 'Sahara fit facility', kind: 'FIT_FACILITY', management: 'NGO', registration: { no: 'F/2020/1', from: '2020-01-01', until: '2021-12-31' }, capacities: girls(5) });

    const { body: registered } = await stack.http
      .post('/cases')
      .set(d.cwc)
      .send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 14, gender: 'FEMALE', name: 'Pooja' } })
      .expect(201);
    const caseId: string = registered.caseId;
    const post = (type: string, payload: Record<string, unknown>, who: Headers = d.cwc) => stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload });
    await post('PRODUCED_BEFORE_CWC', { circumstance: 'RESCUED', producedBy: 'Childline' }).expect(200);

    const interim = (payload: Record<string, unknown>) => ({ placement: 'CHILDRENS_HOME', orderRef: 'F18/P/1', ...payload });
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [interim({}), 'payload.placeId', /name the place/],
      [interim({ placeId: 'CCI-NOWHERE-1' }), 'payload.placeId', /no children’s home or open shelter with the id CCI-NOWHERE-1/],
      [interim({ placement: 'FIT_PERSON', placeId: home }), 'payload.placeId', /is a children’s home; this order places the child with a fit person/],
      [interim({ placement: 'FIT_FACILITY', placeId: lapsed.id }), 'payload.placeId', /recognition as a fit facility \(s\.51\(1\)\) ended on 31 December 2021/],
      [interim({ placement: 'FIT_PERSON', placeId: retired.id }), 'payload.placeId', /Shri Mohan Lal is no longer active/],
      [interim({ placeId: elsewhere.ccis[0] }), 'payload.outOfDistrictReason', /another district/],
      [interim({ placeId: 'CCI-MH-PUNE' }), 'payload.placeId', /another state/],
      [interim({ placement: 'PARENT_OR_GUARDIAN', placeId: home }), 'payload.placeId', /no registered place/],
      [interim({ placeId: home, placeName: 'Somewhere nice' }), 'payload.placeName', /taken from the registry/],
    ];
    for (const [payload, field, message] of refusals) {
      const res = await post('INTERIM_PLACEMENT_ORDERED', payload).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
    }
    // Nothing of any refused order is on record: no step, no stay.
    expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(2);
    expect(await stack.db.admission.count({ where: { caseId } })).toBe(0);

    // The interim order places her with the fit person: admitted with the order; a retry admits her once.
    const key = `interim-${randomUUID()}`;
    const order = { type: 'INTERIM_PLACEMENT_ORDERED', payload: interim({ placement: 'FIT_PERSON', placeId: fitPerson.id }) };
    await stack.http.post(`/cases/${caseId}/events`).set(d.cwc).set('Idempotency-Key', key).send(order).expect(200);
    await stack.http.post(`/cases/${caseId}/events`).set(d.cwc).set('Idempotency-Key', key).send(order).expect(200);
    const occupied = async (id: string) => (await stack.http.get(`/institutions/${id}/occupancy`).set(d.dcpu).expect(200)).body.total.occupied as number;
    expect(await occupied(fitPerson.id)).toBe(1);
    expect(await stack.db.admission.count({ where: { caseId } })).toBe(1);

    // The fit person has no room for a second girl: refused unless the order says why.
    const { body: other } = await stack.http
      .post('/cases')
      .set(d.cwc)
      .send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 13, gender: 'FEMALE' } })
      .expect(201);
    await stack.http.post(`/cases/${other.caseId}/events`).set(d.cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'Police' } }).expect(200);
    const full = await stack.http
      .post(`/cases/${other.caseId}/events`)
      .set(d.cwc)
      .send({ type: 'INTERIM_PLACEMENT_ORDERED', payload: { placement: 'FIT_PERSON', orderRef: 'F18/P/2', placeId: fitPerson.id } })
      .expect(409);
    expect(full.body.errors).toEqual([expect.objectContaining({ field: 'payload.overCapacityReason' })]);
    expect(await stack.db.admission.count({ where: { caseId: other.caseId } })).toBe(0);

    // The final order places her in foster care: the fit person's stay ends as a transfer, the family's begins.
    await post('SIR_ORDERED', { sirRef: 'SIR/P/1' }).expect(200);
    await post('SIR_SUBMITTED', { sirRef: 'SIR/P/1', finding: 'OTHER' }, d.probation).expect(200);
    const wrongKind = await post('FINAL_ORDER_PASSED', { order: 'FOSTER_CARE', reasons: 'no family traced; a family-based setting is best for her', orderRef: 'CWC/P/1', placeId: home }).expect(400);
    expect(wrongKind.body.errors[0]).toMatchObject({ field: 'payload.placeId', message: expect.stringContaining('foster family') });
    await post('FINAL_ORDER_PASSED', { order: 'FOSTER_CARE', reasons: 'no family traced; a family-based setting is best for her', orderRef: 'CWC/P/1', placeId: fosterFamily.id }).expect(200);
    expect(await occupied(fitPerson.id)).toBe(0);
    expect(await occupied(fosterFamily.id)).toBe(1);
    const stays = (await stack.http.get(`/cases/${caseId}/admissions`).set(d.cwc).expect(200)).body as { id: string; institutionId: string; endReason: string | null; transferredToId: string | null; orderRef: string }[];
    expect(stays.map((s) => [s.institutionId, s.orderRef, s.endReason])).toEqual([
      [fitPerson.id, 'F18/P/1', 'TRANSFERRED'],
      [fosterFamily.id, 'CWC/P/1', null],
    ]);
    expect(stays[0]!.transferredToId).toBe(stays[1]!.id);

    // The timeline names each place in words.
    const { body: timeline } = await stack.http.get(`/cases/${caseId}/timeline`).set(d.cwc).expect(200);
    const placed = timeline.filter((e: { payload: { placeName?: string } }) => e.payload.placeName).map((e: { eventType: string; payload: { placeName: string } }) => [e.eventType, e.payload.placeName]);
    expect(placed).toEqual([
      ['INTERIM_PLACEMENT_ORDERED', 'Smt. Kamla Devi'],
      ['FINAL_ORDER_PASSED', 'The Sharma family'],
    ]);
  });

  it('places a child in another district of the state when the order says why', async () => {
    const d = await isolatedDistrict(stack, [2]);
    const elsewhere = await isolatedDistrict(stack, [2]);
    const { body: registered } = await stack.http
      .post('/cases')
      .set(d.cwc)
      .send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 15, gender: 'MALE' } })
      .expect(201);
    const send = (type: string, payload: Record<string, unknown>) => stack.http.post(`/cases/${registered.caseId}/events`).set(d.cwc).send({ type, payload }).expect(200);
    await send('PRODUCED_BEFORE_CWC', { circumstance: 'RUNAWAY', producedBy: 'Childline' });
    await send('INTERIM_PLACEMENT_ORDERED', {
      placement: 'CHILDRENS_HOME',
      orderRef: 'F18/X/1',
      placeId: elsewhere.ccis[0],
      outOfDistrictReason: 'the district’s only home is being repaired; the nearest is in the next district',
    });
    const { body } = await stack.http.get(`/institutions/${elsewhere.ccis[0]}/occupancy`).set(elsewhere.dcpu).expect(200);
    expect(body.total).toEqual({ sanctioned: 4, occupied: 1 });
  });
});
