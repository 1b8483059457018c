// The child's profile over HTTP against the real stack: recorded at registration as the production report (Form 17)
// asks, refused field by field when wrong, changed only as a new sealed version with a trace, read with an audit entry,
// its date of birth driving the aftercare deadline, and the case found by the child's or a guardian's name in any script.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict, type IsolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

type Headers = { Authorization: string };
/** A 1×1 PNG: a photograph that is what it claims to be. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const PROFILE = {
  name: 'Lakshmi',
  aliases: ['Munni'],
  gender: 'FEMALE',
  languages: ['Hindi', 'Marwari'],
  identificationMarks: ['mole on the left cheek'],
  guardians: [{ name: 'Ramesh Kumar', relation: 'FATHER', phone: '+91 98290 12345' }],
  // a child found in one district may live in another: the address names the home district's places
  address: { districtCode: 'RJ-JAIPUR', thanaCode: 'RJ-JAIPUR-PS-01', blockCode: 'RJ-JAIPUR-BL-01', villageCode: 'RJ-JAIPUR-V-01', line: 'near the Hanuman temple' },
  school: { name: 'Govt. Primary School, Chomu', class: '4' },
  circumstancesOfFinding: 'found alone at the bus stand at night, asking for her father',
  photo: { contentType: 'image/png', base64: PNG },
};

/** YYYY-MM-DD of a UTC date. */
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('the child’s profile', () => {
  let stack: Stack;
  let district: IsolatedDistrict;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    district = await isolatedDistrict(stack, [5]);
  });
  afterAll(() => stack?.stop());

  const register = (who: Headers, child: Record<string, unknown>) => stack.http.post('/cases').set(who).send({ track: 'CNCP', districtCode: district.districtCode, child });
  const casesOfDistrict = () => stack.db.case.count({ where: { districtCode: district.districtCode } });
  const send = async (caseId: string, who: Headers, type: string, payload: Record<string, unknown>) =>
    (await stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200)).body as { openDeadlines: { id: string; dueAt: string }[] };

  it('records the profile at registration, sealed, and shows it to those who may read the case, each read audited', async () => {
    const { body: registered } = await register(district.cwc, { ...PROFILE, dateOfBirth: '2016-03-14', dateOfBirthBasis: 'SCHOOL_CERTIFICATE' }).expect(201);
    const caseId = registered.caseId as string;

    const { body: profile, headers } = await stack.http.get(`/cases/${caseId}/child`).set(district.dcpu).expect(200);
    expect(headers.etag).toBe('"1"');
    expect(profile).toMatchObject({
      version: 1,
      name: 'Lakshmi',
      aliases: ['Munni'],
      gender: 'FEMALE',
      age: { dateOfBirth: '2016-03-14', dateOfBirthBasis: 'SCHOOL_CERTIFICATE', estimate: null, eighteenOn: '2034-03-14', fromDateOfBirth: true },
      guardians: [{ name: 'Ramesh Kumar', relation: 'FATHER', phone: '+91 98290 12345' }],
      address: { districtCode: 'RJ-JAIPUR', names: { district: 'Jaipur', thana: expect.any(String), block: expect.any(String), village: expect.any(String) } },
      school: { name: 'Govt. Primary School, Chomu', class: '4' },
      photo: { contentType: 'image/png', base64: PNG },
    });
    // At rest the profile is sealed: neither the name nor the father's phone is in the row.
    const row = await stack.db.childProfileVersion.findUniqueOrThrow({ where: { caseId_version: { caseId, version: 1 } } });
    expect(row.sealed).not.toMatch(/Lakshmi|98290|Ramesh/);
    // Every read of the child's identity is on the case's chain of reads.
    const reads = await stack.db.auditEntry.findMany({ where: { chain: `reads:case:${caseId}`, action: 'case.child-profile.read' } });
    expect(reads).toHaveLength(1);
    // Outside the case's jurisdiction the case does not exist.
    await stack.http.get(`/cases/${caseId}/child`).set(await as(stack, 'cwc.pune')).expect(404);
  });

  it('refuses a wrong field by name and stores nothing: a birth date after today, an estimate without its basis, places of no district', async () => {
    const before = await casesOfDistrict();
    const tomorrow = day(new Date(Date.now() + 2 * 86_400_000));
    const refusals: [Record<string, unknown>, string][] = [
      [{ name: 'Asha', dateOfBirth: tomorrow }, 'child.dateOfBirth'],
      [{ name: 'Asha', dateOfBirth: '2000-01-01' }, 'child.dateOfBirth'],
      [{ name: 'Asha', ageEstimate: { years: 9 } }, 'child.ageEstimate.basis'],
      [{ name: 'Asha', ageEstimate: { years: 9, basis: 'APPEARANCE', estimatedOn: tomorrow } }, 'child.ageEstimate.estimatedOn'],
      [{ name: 'Asha', dateOfBirth: '2015-01-01', ageYears: 11 }, 'child.ageYears'],
      [{ name: 'Asha', address: { districtCode: 'RJ-NOWHERE' } }, 'child.address.districtCode'],
      [{ name: 'Asha', address: { districtCode: 'RJ-JAIPUR', blockCode: 'RJ-JAIPUR-PS-01' } }, 'child.address.blockCode'],
      [{ name: 'Asha', address: { districtCode: 'RJ-JAIPUR', thanaCode: 'RJ-JAIPUR-PS-99' } }, 'child.address.thanaCode'],
      [{ name: 'Asha', photo: { contentType: 'image/jpeg', base64: PNG } }, 'child.photo.base64'],
      [{ name: 'Asha', guardians: [{ name: 'Sita', relation: 'AUNTIE' }] }, 'child.guardians.0.relation'],
    ];
    for (const [child, field] of refusals) {
      const { body } = await register(district.cwc, child).expect(400);
      expect([field, body.errors.map((e: { field: string }) => e.field)]).toEqual([field, [field]]);
    }
    expect(await casesOfDistrict()).toBe(before);
  });

  it('changes the profile only as a new version with its reason, on the audit trail; the age stays the registration’s', async () => {
    const { body: registered } = await register(district.cwc, { name: 'Pinky', gender: 'FEMALE', ageEstimate: { years: 8, basis: 'APPEARANCE' } }).expect(201);
    const caseId = registered.caseId as string;
    const first = (await stack.http.get(`/cases/${caseId}/child`).set(district.cwc).expect(200)).body;
    expect(first.age).toMatchObject({ dateOfBirth: null, estimate: { years: 8, basis: 'APPEARANCE' }, fromDateOfBirth: false });

    const change = { name: 'Priya', aliases: ['Pinky'], gender: 'FEMALE', guardians: [{ name: 'Geeta Devi', relation: 'MOTHER', phone: '9829012345' }], reason: 'the mother came forward; the child’s own name is Priya' };
    const { body: changed, headers } = await stack.http.put(`/cases/${caseId}/child`).set(district.cwc).set('If-Match', '"1"').send(change).expect(200);
    expect(headers.etag).toBe('"2"');
    expect(changed).toMatchObject({ version: 2, name: 'Priya', aliases: ['Pinky'], age: first.age });
    // The case's lists show the name now recorded.
    expect((await stack.http.get(`/cases/${caseId}`).set(district.cwc).expect(200)).body.childName).toBe('Priya');

    // The same profile again changes nothing; a change made on an old version is refused.
    await stack.http.put(`/cases/${caseId}/child`).set(district.cwc).send(change).expect(200);
    const stale = await stack.http.put(`/cases/${caseId}/child`).set(district.cwc).set('If-Match', '"1"').send({ ...change, disability: 'none' }).expect(409);
    expect(stale.body.currentVersion).toBe(2);
    // The age is not changed here: an age determination (s.94) does that.
    const age = await stack.http.put(`/cases/${caseId}/child`).set(district.cwc).send({ ...change, dateOfBirth: '2017-01-01' }).expect(400);
    expect(age.body.errors.map((e: { field: string }) => e.field)).toEqual(['dateOfBirth']);
    const badPlace = await stack.http.put(`/cases/${caseId}/child`).set(district.cwc).send({ ...change, address: { districtCode: 'RJ-JAIPUR', villageCode: 'RJ-JAIPUR-V-404' } }).expect(400);
    expect(badPlace.body.errors.map((e: { field: string }) => e.field)).toEqual(['address.villageCode']);
    // The state's monitor reads the case but does not change the child's record.
    const monitor = await as(stack, 'monitor.rj');
    await stack.http.get(`/cases/${caseId}/child`).set(monitor).expect(200);
    await stack.http.put(`/cases/${caseId}/child`).set(monitor).send({ ...change, name: 'Someone else' }).expect(403);

    const { body: versions } = await stack.http.get(`/cases/${caseId}/child/versions`).set(district.dcpu).expect(200);
    expect(versions.map((v: { version: number; changedFields: string[]; reason: string | null }) => [v.version, v.changedFields, v.reason])).toEqual([
      [2, ['name', 'aliases', 'guardians'], change.reason],
      [1, ['name', 'gender'], null],
    ]);
    const trail = await stack.db.auditEntry.findMany({ where: { chain: `child-profile:${caseId}` }, orderBy: { position: 'asc' } });
    expect(trail.map((e) => [e.action, (e.detail as { version: number }).version])).toEqual([
      ['case.child-profile.recorded', 1],
      ['case.child-profile.changed', 2],
    ]);
    // The case's access log shows the change beside the reads.
    const { body: log } = await stack.http.get(`/cases/${caseId}/access-log`).set(monitor).expect(200);
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.child-profile.changed', 'case.child-profile.read']));
    // The trail names the fields, never the values.
    expect(JSON.stringify(trail.map((e) => e.detail))).not.toMatch(/Priya|Geeta|9829/);
  });

  it('counts the aftercare deadline from the date of birth: a child turning 18 in two months owes the plan from the birthday, not nine months on', async () => {
    const now = new Date();
    // the 18th birthday on the first day of the month after next: about two months away
    const birthday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
    const dob = day(new Date(Date.UTC(birthday.getUTCFullYear() - 18, birthday.getUTCMonth(), 1)));
    const intoCare = async (child: Record<string, unknown>, ref: string) => {
      const { body } = await register(district.cwc, { gender: 'MALE', ...child }).expect(201);
      await send(body.caseId, district.cwc, 'PRODUCED_BEFORE_CWC', { circumstance: 'RUNAWAY', producedBy: 'Childline' });
      await send(body.caseId, district.cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: `F18/${ref}`, placeId: district.ccis[0] });
      await send(body.caseId, district.cwc, 'SIR_ORDERED', { sirRef: `SIR/${ref}` });
      await send(body.caseId, district.probation, 'SIR_SUBMITTED', { sirRef: `SIR/${ref}`, finding: 'OTHER' });
      const ordered = await send(body.caseId, district.cwc, 'FINAL_ORDER_PASSED', { order: 'CHILDRENS_HOME', reasons: 'no family traced', orderRef: `CWC/${ref}`, placeId: district.ccis[0] });
      return { caseId: body.caseId as string, aftercare: ordered.openDeadlines.find((d) => d.id === 'cncp.aftercarePlan') };
    };

    const withBirthDate = await intoCare({ dateOfBirth: dob, dateOfBirthBasis: 'BIRTH_CERTIFICATE' }, 'DOB');
    // the plan is owed 3 months before the 18th birthday (F.37, R.25(2); policy)
    expect(withBirthDate.aftercare?.dueAt).toBe(new Date(Date.UTC(birthday.getUTCFullYear(), birthday.getUTCMonth() - 3, 1)).toISOString());
    const { body: profile } = await stack.http.get(`/cases/${withBirthDate.caseId}/child`).set(district.cwc).expect(200);
    expect(profile.age).toMatchObject({ eighteenOn: day(birthday), fromDateOfBirth: true });

    // An age alone still works, counted as estimated on the day of registration: 17 today is 18 a year on.
    const ageOnly = await intoCare({ ageYears: 17 }, 'AGE');
    const nineMonths = new Date(now);
    nineMonths.setUTCMonth(nineMonths.getUTCMonth() + 9);
    expect(Math.abs(Date.parse(ageOnly.aftercare!.dueAt) - nineMonths.getTime())).toBeLessThan(3 * 86_400_000);
    expect(Date.parse(withBirthDate.aftercare!.dueAt)).toBeLessThan(Date.parse(ageOnly.aftercare!.dueAt) - 180 * 86_400_000);
  });

  it('finds cases by the child’s name or alias in any script and by a guardian’s name, within the reader’s jurisdiction only, audited', async () => {
    const { body: registered } = await register(district.cwc, { ...PROFILE, ageYears: 7 }).expect(201);
    const caseId = registered.caseId as string;
    const search = async (who: Headers, query: Record<string, string>) =>
      ((await stack.http.get('/cases').set(who).query({ ...query, limit: 100 }).expect(200)).body.items as { id: string }[]).map((c) => c.id);

    expect(await search(district.cwc, { name: 'लक्ष्मी' })).toContain(caseId);
    expect(await search(district.cwc, { name: 'লক্ষ্মী' })).toContain(caseId);
    expect(await search(district.cwc, { name: 'Laxmi' })).toContain(caseId);
    expect(await search(district.cwc, { name: 'मुन्नी' })).toContain(caseId);
    expect(await search(district.cwc, { guardian: 'रमेश' })).toContain(caseId);
    expect(await search(district.cwc, { name: 'Sunita' })).not.toContain(caseId);
    expect(await search(district.cwc, { guardian: 'Lakshmi' })).not.toContain(caseId);
    // Outside the jurisdiction the case is not found (other test files may have their own Lakshmi in Pune).
    expect(await search(await as(stack, 'cwc.pune'), { name: 'Lakshmi' })).not.toContain(caseId);

    const me = (await stack.http.get('/auth/me').set(district.cwc).expect(200)).body as { userId: string };
    const searched = await stack.db.auditEntry.findMany({ where: { chain: `reads:user:${me.userId}`, action: 'cases.searched' } });
    expect(searched.some((e) => (e.detail as { shown: { ids: string[] } }).shown.ids.includes(caseId))).toBe(true);
  });
  // Last in the file: it stops the stack's worker.
  it('still shows a case and its child’s profile while the case’s workflow cannot answer, without waiting out the request’s bound', async () => {
    const { body: registered } = await register(district.cwc, { ...PROFILE, ageYears: 8 }).expect(201);
    const caseId = registered.caseId as string;
    await stack.worker.stop();

    const asked = Date.now();
    const { body: theCase } = await stack.http.get(`/cases/${caseId}`).set(district.cwc).expect(200);
    // what the case can take now is the workflow's to say: left out, not guessed
    expect(theCase).toMatchObject({ id: caseId, allowedEvents: null, yourEvents: null });
    const { body: profile } = await stack.http.get(`/cases/${caseId}/child`).set(district.cwc).expect(200);
    expect(profile).toMatchObject({ name: 'Lakshmi', guardians: [{ name: 'Ramesh Kumar' }] });
    // each read waits a few seconds for the workflow at most, far inside the 15–20 s after which a request is refused
    expect(Date.now() - asked).toBeLessThan(12_000);
  });
});
