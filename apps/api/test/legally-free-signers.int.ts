// s.38(4): a declaration that a child is legally free for adoption is taken by at least three members of the CWC,
// on its roster at the time and named on the record. Over HTTP against the real services: the CWC names its
// members from the roster; a bare count, a member named twice, one not of this CWC, one outside their term, or
// fewer than three is refused naming the field, and nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedCwc, isolatedDistrict, type IsolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

/** A day in India this many days from today, as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + 5.5 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('the members who sign a declaration that a child is legally free for adoption (s.38(4))', () => {
  let stack: Stack;
  let district: IsolatedDistrict;
  let seat: Record<string, string>;
  let elsewhere: string;
  let agency: string;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    district = await isolatedDistrict(stack, []);
    // the adoption agency the CWC places the infants in: an order places a child in a registered place
    const saa = { districtCode: district.districtCode, name: 'Shishu Griha', kind: 'SPECIALISED_ADOPTION_AGENCY', management: 'NGO', registration: { no: 'SAA/2026/1', from: '2026-01-01', until: '2099-12-31' }, capacities: [{ gender: 'FEMALE', ageBand: '0-5', sanctioned: 20 }] };
    agency = (await stack.http.post('/institutions').set(district.dcpu).send(saa).expect(201)).body.id;
    const scps = await as(stack, 'scps.rj');
    const roster = async (bodyId: string, members: Record<string, unknown>[]) => {
      await stack.http.put(`/bodies/${bodyId}/members`).set(scps).send({ members }).expect(200);
      return (await stack.http.get(`/bodies/${bodyId}`).set(scps).expect(200)).body.members as { id: string; name: string }[];
    };
    const members = await roster(`CWC-${district.districtCode}`, [
      { name: 'Asha Verma', designation: 'CHAIRPERSON', termFrom: day(-300), termTo: day(400) },
      { name: 'Bhanu Pratap', designation: 'MEMBER', termFrom: day(-300), termTo: day(400) },
      { name: 'Chitra Rao', designation: 'MEMBER', termFrom: day(-300), termTo: null },
      { name: 'Dinesh Meena', designation: 'MEMBER', termFrom: day(-700), termTo: day(-1) },
      { name: 'Esha Joshi', designation: 'MEMBER', termFrom: day(2), termTo: day(700) },
    ]);
    seat = Object.fromEntries(members.map((m) => [m.name.split(' ')[0]!, m.id]));
    const other = await isolatedCwc(stack);
    elsewhere = (await roster(`CWC-${other.districtCode}`, [{ name: 'Farida Khan', designation: 'MEMBER', termFrom: day(-30), termTo: day(400) }]))[0]!.id;
  });
  afterAll(() => stack?.stop());

  /** An abandoned infant whose inquiry established it (SIR), so the CWC may declare her free (s.38(1)). */
  async function abandonedInfant(): Promise<string> {
    const { cwc, probation, districtCode } = district;
    const { body } = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode, child: { ageYears: 1, gender: 'FEMALE' } }).expect(201);
    const send = (who: { Authorization: string }, type: string, payload: Record<string, unknown>) => stack.http.post(`/cases/${body.caseId}/events`).set(who).send({ type, payload }).expect(200);
    await send(cwc, 'PRODUCED_BEFORE_CWC', { circumstance: 'ABANDONED', producedBy: 'Childline' });
    await send(cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'SPECIALISED_ADOPTION_AGENCY', orderRef: 'F18/1', placeId: agency });
    await send(cwc, 'SIR_ORDERED', { sirRef: 'SIR/1' });
    await send(probation, 'SIR_SUBMITTED', { sirRef: 'SIR/1', finding: 'ABANDONED' });
    return body.caseId;
  }
  const declare = (caseId: string, payload: Record<string, unknown>) =>
    stack.http.post(`/cases/${caseId}/events`).set(district.cwc).send({ type: 'LEGALLY_FREE_DECLARED', payload: { ground: 'ABANDONED', orderRef: 'CWC/LF/1', ...payload } });
  const steps = async (caseId: string) => (await stack.http.get(`/cases/${caseId}/timeline`).set(district.cwc).expect(200)).body as { eventType: string; payload: Record<string, unknown> }[];

  it('refuses a declaration without three members of this CWC in their term, naming the field, and records nothing', async () => {
    const caseId = await abandonedInfant();
    const before = await steps(caseId);
    const refusals: [string, Record<string, unknown>, { field: string; key: string }[]][] = [
      // the old payload: a number says nothing of who decided
      ['a bare number of signers', { membersSigning: 3 }, [{ field: 'payload.membersSigning', key: 'error.signersByName' }, { field: 'payload.signedBy', key: 'error.signersTooFew' }]],
      ['two members', { signedBy: [seat.Asha, seat.Bhanu] }, [{ field: 'payload.signedBy', key: 'error.signersTooFew' }]],
      ['a member named twice', { signedBy: [seat.Asha, seat.Bhanu, seat.Asha] }, [{ field: 'payload.signedBy.2', key: 'error.signerTwice' }, { field: 'payload.signedBy', key: 'error.signersTooFew' }]],
      ['someone on no roster', { signedBy: [seat.Asha, seat.Bhanu, randomUUID()] }, [{ field: 'payload.signedBy.2', key: 'error.signerUnknown' }]],
      ['a member of another CWC', { signedBy: [seat.Asha, elsewhere, seat.Bhanu] }, [{ field: 'payload.signedBy.1', key: 'error.signerUnknown' }]],
      ['a member whose term has ended', { signedBy: [seat.Dinesh, seat.Asha, seat.Bhanu] }, [{ field: 'payload.signedBy.0', key: 'error.signerOutOfTerm' }]],
      ['a member whose term has not begun', { signedBy: [seat.Asha, seat.Bhanu, seat.Esha] }, [{ field: 'payload.signedBy.2', key: 'error.signerOutOfTerm' }]],
    ];
    for (const [what, payload, errors] of refusals) {
      const res = await declare(caseId, payload);
      expect([what, res.status]).toEqual([what, 400]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect([what, res.body.errors.map((e: { field: string; key: string }) => ({ field: e.field, key: e.key }))]).toEqual([what, errors]);
    }
    const ended = await declare(caseId, { signedBy: [seat.Dinesh, seat.Asha, seat.Bhanu] });
    expect(ended.body.errors[0].message).toMatch(/Dinesh Meena’s term as a member of this Committee ended on/);
    expect(await steps(caseId)).toEqual(before);
    expect((await stack.http.get(`/cases/${caseId}`).set(district.cwc).expect(200)).body.state).not.toBe('cncp.legallyFree');
  });

  it('declares the child free on the decision of three members in their term, and names them on the timeline as the roster does', async () => {
    const caseId = await abandonedInfant();
    // Names the request gives are not taken: the record names the members as the roster gives them on the day.
    const declared = await declare(caseId, { signedBy: [seat.Asha, seat.Bhanu, seat.Chitra], signerNames: ['Someone', 'Else', 'Entirely'] }).expect(200);
    expect(declared.body.state).toBe('cncp.legallyFree');
    const step = (await steps(caseId)).find((e) => e.eventType === 'LEGALLY_FREE_DECLARED');
    expect(step?.payload).toMatchObject({ signedBy: [seat.Asha, seat.Bhanu, seat.Chitra], signerNames: ['Asha Verma', 'Bhanu Pratap', 'Chitra Rao'] });
  });
});
