// What a phone's outbox resends after a lost answer is recorded once: missing and found reports and eFile entries
// take an Idempotency-Key as registrations and case events do; the same key on a different request is refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict, type IsolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('a retried report or eFile entry under the same Idempotency-Key', () => {
  let stack: Stack;
  let district: IsolatedDistrict;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    district = await isolatedDistrict(stack);
  });
  afterAll(() => stack?.stop());

  const child = { name: 'Sunita Meena', gender: 'FEMALE', ageYears: { min: 7, max: 8 }, clothing: 'green salwar' };
  const photo = { contentType: 'image/png', base64: Buffer.from('89504e470d0a1a0a', 'hex').toString('base64') };

  it('files a missing and a found report once, photo included, however often the phone sends it', async () => {
    const police = await as(stack, 'sho.jaipur');
    const diary = `MD ${randomUUID().slice(0, 8)}`;
    const missing = { child, lastSeenAt: '2026-11-20T18:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Chandpole market' }, policeRef: diary, photo };
    const key = randomUUID();
    const first = await stack.http.post('/reports/missing').set(police).set('Idempotency-Key', key).send(missing).expect(201);
    const again = await stack.http.post('/reports/missing').set(police).set('Idempotency-Key', key).send(missing).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await stack.db.childReport.count({ where: { policeRef: diary } })).toBe(1);

    const found = { child, foundAt: '2026-11-21T08:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Jaipur Junction' }, photo };
    const foundKey = randomUUID();
    const f1 = await stack.http.post('/reports/found').set(police).set('Idempotency-Key', foundKey).send(found).expect(201);
    const f2 = await stack.http.post('/reports/found').set(police).set('Idempotency-Key', foundKey).send(found).expect(201);
    expect(f2.body).toMatchObject({ id: f1.body.id, hasPhoto: true });
    expect(await stack.db.childReport.count({ where: { id: f1.body.id } })).toBe(1);

    // the same key on another report is the sender's mistake, and files nothing
    const other = await stack.http.post('/reports/missing').set(police).set('Idempotency-Key', key).send({ ...missing, policeRef: `${diary}-2` }).expect(422);
    expect(other.body.type).toContain('idempotency-key-reused');
    expect(await stack.db.childReport.count({ where: { policeRef: `${diary}-2` } })).toBe(0);
  });

  it('adds an eFile entry once under one key, and refuses the key on a different entry', async () => {
    const { body: registered } = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name: 'Raju', ageYears: 12, gender: 'MALE' } }).expect(201);
    const entry = { section: 'MEDICAL', occurredOn: '2026-11-02', entry: { kind: 'CHECKUP', details: { findings: 'healthy', weightKg: 30 } } };
    const key = randomUUID();
    const first = await stack.http.post(`/cases/${registered.caseId}/efile`).set(district.dcpu).set('Idempotency-Key', key).send(entry).expect(201);
    const again = await stack.http.post(`/cases/${registered.caseId}/efile`).set(district.dcpu).set('Idempotency-Key', key).send(entry).expect(201);
    expect(again.body).toEqual(first.body);
    const changed = { ...entry, entry: { kind: 'CHECKUP', details: { findings: 'fever', weightKg: 30 } } };
    await stack.http.post(`/cases/${registered.caseId}/efile`).set(district.dcpu).set('Idempotency-Key', key).send(changed).expect(422);
    const { body: eFile } = await stack.http.get(`/cases/${registered.caseId}/efile`).set(district.dcpu).expect(200);
    expect(eFile).toHaveLength(1);
  });
});
