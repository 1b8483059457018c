// Missing and found children over HTTP with the real worker: reports, matching in a BullMQ job, e-alerts,
// a confirmed match that traces the family on the found child's case, and citizens' reports.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { addIsoDuration } from '@raksha/case-machine';
import { obligationWatchId, obligationWatchQuery } from '@raksha/contracts/temporal';
import { TEMPORAL_CLIENT } from '../src/infrastructure/tokens.js';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, freshCitizen } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';


describe('missing and found children', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  const lakshmi = {
    name: 'Lakshmi Kumari',
    aliases: ['Laxmi'],
    guardians: [{ relation: 'FATHER', name: 'Ramesh Prasad' }],
    gender: 'FEMALE',
    ageYears: { min: 10, max: 10 },
    heightCm: { min: 128, max: 134 },
    complexion: 'WHEATISH',
    identifyingMarks: 'mole on the left cheek; burn scar on the right hand',
    languages: ['Hindi', 'Marwari'],
    clothing: 'red frock, blue slippers',
  };

  it('matches a child found in Pune to the girl missing from Jaipur, alerts both, and a confirmation traces her family on the case', async () => {
    const police = await as(stack, 'sho.jaipur');
    const { body: missing } = await stack.http
      .post('/reports/missing')
      .set(police)
      .send({ child: lakshmi, lastSeenAt: '2026-11-01T17:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Sindhi Camp bus stand' }, policeRef: 'MISSING-DIARY 214/2026' })
      .expect(201);
    expect(missing).toMatchObject({ kind: 'MISSING', status: 'OPEN', policeRef: 'MISSING-DIARY 214/2026' });
    // Untraced 4 months after the station took it, it is due for referral to the AHTU: a watch escalates it.
    const temporal = stack.app.get<Client>(TEMPORAL_CLIENT);
    const watch = temporal.workflow.getHandle(obligationWatchId('MISSING_REPORT', missing.id));
    const watched = (await watch.query(obligationWatchQuery)).watched;
    expect(watched).toMatchObject({ bodyId: 'POLICE_STATION-RJ-JAIPUR-PS-01', closed: false, deadline: { id: 'missing.ahtuReferral', dueAt: addIsoDuration(missing.createdAt, 'P4M') } });

    // Pune: the child is found at the railway station; a case is registered and she is produced before the CWC.
    const cwcPune = await as(stack, 'cwc.pune');
    const { body: registered } = await stack.http.post('/cases').set(cwcPune).send({ track: 'CNCP', districtCode: 'MH-PUNE', child: { ageYears: 10, gender: 'FEMALE', name: 'लक्ष्मी' } }).expect(201);
    expect(registered.caseNumber).toMatch(/^MH\/PUNE\/\d{4}\/[1-9]\d*$/);
    await stack.http.post(`/cases/${registered.caseId}/events`).set(cwcPune).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'RPF Pune' } }).expect(200);
    const { body: found } = await stack.http
      .post('/reports/found')
      .set(cwcPune)
      .send({
        child: { name: 'लक्ष्मी', guardians: [{ relation: 'FATHER', name: 'रमेश' }], gender: 'FEMALE', ageYears: { min: 9, max: 11 }, identifyingMarks: 'mole on left cheek', languages: ['Hindi'], clothing: 'red frock' },
        foundAt: '2026-11-04T09:30:00+05:30',
        place: { districtCode: 'MH-PUNE', text: 'Pune railway station, platform 3' },
        // the case by its number, typed as a person might
        caseNumber: registered.caseNumber.toLowerCase().replace(/\//g, ' / '),
      })
      .expect(201);
    expect(found.caseId).toBe(registered.caseId);

    const candidate = await eventually(async () => {
      const { body } = await stack.http.get(`/reports/${missing.id}/candidates`).set(police).expect(200);
      return (body.items as { found: { id: string } }[]).find((c) => c.found.id === found.id) as
        | { id: string; probability: number; status: string; explanation: { fields: { field: string; reason: string; weight: number }[] } }
        | undefined;
    }, 30_000);
    expect(candidate.status).toBe('PROPOSED');
    expect(candidate.probability).toBeGreaterThanOrEqual(0.9);
    const name = candidate.explanation.fields.find((f) => f.field === 'name');
    expect(name?.weight).toBeGreaterThan(0);
    expect(name?.reason).toMatch(/translit|phonetic|match/i);

    // e-alerts: the CWC where she was found and the Jaipur police.
    for (const who of [cwcPune, police]) {
      const alert = await eventually(async () => {
        const { body } = await stack.http.get('/notifications').set(who).query({ limit: 200 }).expect(200);
        return (body as { kind: string; body: string }[]).find((n) => n.kind === 'MATCH_ALERT' && n.body.includes(candidate.id));
      });
      expect(alert).toBeDefined();
    }

    // Another district's CWC does not know the candidate; the Jaipur police confirm it.
    await stack.http.get(`/match-candidates/${candidate.id}`).set(await as(stack, 'cwc.jodhpur')).expect(404);
    await stack.http.post(`/match-candidates/${candidate.id}/decision`).set(police).send({ decision: 'CONFIRM', note: 'ok' }).expect(400);
    const { body: decided } = await stack.http
      .post(`/match-candidates/${candidate.id}/decision`)
      .set(police)
      .send({ decision: 'CONFIRM', note: 'father identified her from the photo on a video call' })
      .expect(200);
    expect(decided.candidate).toMatchObject({ status: 'CONFIRMED', missing: { status: 'TRACED', caseId: registered.caseId }, found: { status: 'TRACED' } });
    expect(decided.case.openDeadlines.map((d: { id: string }) => d.id)).toContain('cncp.familyVerification');
    await stack.http.post(`/match-candidates/${candidate.id}/decision`).set(cwcPune).send({ decision: 'REJECT', note: 'too late to reject' }).expect(409);
    // Traced: the AHTU watch ends.
    await eventually(async () => ((await watch.describe()).status.name === 'COMPLETED' ? true : undefined));

    const { body: timeline } = await stack.http.get(`/cases/${registered.caseId}/timeline`).set(cwcPune).expect(200);
    const traced = (timeline as { eventType: string; payload: Record<string, unknown> }[]).filter((e) => e.eventType === 'FAMILY_TRACED');
    expect(traced).toHaveLength(1);
    expect(traced[0]!.payload).toMatchObject({ reportRef: 'MISSING-DIARY 214/2026', familyDistrictCode: 'RJ-JAIPUR' });

    // A name in another script finds the missing report.
    const { body: search } = await stack.http.get('/reports').set(police).query({ name: 'लक्ष्मी कुमारी', kind: 'MISSING' }).expect(200);
    expect(search.items.map((r: { id: string }) => r.id)).toContain(missing.id);
  });

  it("takes a citizen's missing report only once their phone is verified, shows it to them and the police alone, and limits floods", async () => {
    const citizen = await freshCitizen(stack);
    const report = { child: { name: 'Arjun', gender: 'MALE', ageYears: { min: 7, max: 8 } }, lastSeenAt: '2026-11-20T10:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Johari Bazaar' } };
    const unverified = await stack.http.post('/reports/missing').set(citizen.headers).send(report).expect(403);
    expect(unverified.body.type).toContain('contact-not-verified');

    await stack.http.post('/me/contact-verifications').set(citizen.headers).send({ channel: 'PHONE', address: '98290 12345' }).expect(201);
    const message = await eventually(async () => {
      const { body } = await stack.http.get('/notifications').set(citizen.headers).expect(200);
      return (body as { kind: string; subject: string }[]).find((n) => n.kind === 'CONTACT_CODE');
    });
    const code = /(\d{6})/.exec(message.subject)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    await stack.http.post('/me/contact-verifications/confirm').set(citizen.headers).send({ code: wrong }).expect(422);
    await stack.http.post('/me/contact-verifications/confirm').set(citizen.headers).send({ code }).expect(200);

    const { body: filed } = await stack.http.post('/reports/missing').set(citizen.headers).send(report).expect(201);
    expect(filed).toMatchObject({ status: 'PENDING_ACCEPTANCE', reporter: { phone: '9829012345', verified: true } });

    // The CWC does not see a citizen's report; another citizen neither; the police do, and accept it.
    await stack.http.get(`/reports/${filed.id}`).set(await as(stack, 'cwc.jaipur')).expect(404);
    await stack.http.get(`/reports/${filed.id}`).set((await freshCitizen(stack)).headers).expect(404);
    const police = await as(stack, 'sjpu.jaipur');
    const { body: seen } = await stack.http.get(`/reports/${filed.id}`).set(police).expect(200);
    expect(seen.reporter).toMatchObject({ phone: '9829012345' });
    const { body: accepted } = await stack.http.post(`/reports/${filed.id}/accept`).set(police).send({ policeRef: 'MD 300/2026' }).expect(200);
    expect(accepted).toMatchObject({ status: 'OPEN', policeRef: 'MD 300/2026', stationId: 'SJPU-RJ-JAIPUR' });
    await stack.http.post(`/reports/${filed.id}/accept`).set(police).send({ policeRef: 'MD 300/2026' }).expect(409);

    const mine = (await stack.http.get('/reports').set(citizen.headers).expect(200)).body;
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([filed.id]);

    // A flood is turned away with a clear error.
    for (let i = 1; i < 5; i += 1) await stack.http.post('/reports/found').set(citizen.headers).send({ ...report, lastSeenAt: undefined, foundAt: '2026-11-21T10:00:00+05:30' }).expect(201);
    const flood = await stack.http.post('/reports/found').set(citizen.headers).send({ ...report, lastSeenAt: undefined, foundAt: '2026-11-21T10:00:00+05:30' }).expect(429);
    expect(flood.body).toMatchObject({ type: expect.stringContaining('too-many-reports'), perDay: 5 });
  });

  it("takes the found child's case by its number only when the filer may work on that case", async () => {
    const cwcJaipur = await as(stack, 'cwc.jaipur');
    const { body: registered } = await stack.http.post('/cases').set(cwcJaipur).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { ageYears: 8, gender: 'MALE' } }).expect(201);
    const report = { child: { gender: 'MALE', ageYears: { min: 7, max: 9 } }, foundAt: '2026-11-20T10:00:00+05:30' };
    const refusal = async (who: Record<string, string>, body: object) => (await stack.http.post('/reports/found').set(who).send({ ...report, ...body }).expect(400)).body.errors;

    // Pune's CWC does not learn that a Jaipur case has this number.
    expect(await refusal(await as(stack, 'cwc.pune'), { place: { districtCode: 'MH-PUNE' }, caseNumber: registered.caseNumber })).toEqual([
      { field: 'caseNumber', message: `no case numbered ${registered.caseNumber} that you may work on`, key: 'error.caseNumberUnknown', params: { number: registered.caseNumber } },
    ]);
    const jaipur = { place: { districtCode: 'RJ-JAIPUR' } };
    expect(await refusal(cwcJaipur, { ...jaipur, caseNumber: 'RJ/JAIPUR/2026/9999999' })).toMatchObject([{ field: 'caseNumber', key: 'error.caseNumberUnknown' }]);
    expect(await refusal(cwcJaipur, { ...jaipur, caseNumber: 'case 12' })).toMatchObject([{ field: 'caseNumber' }]);
    expect(await refusal(cwcJaipur, { ...jaipur, caseNumber: registered.caseNumber, caseId: '00000000-0000-4000-8000-000000000000' })).toMatchObject([{ field: 'caseNumber', key: 'error.caseNumberDisagrees' }]);
    const { body: filed } = await stack.http.post('/reports/found').set(cwcJaipur).send({ ...report, ...jaipur, caseNumber: registered.caseNumber, caseId: registered.caseId }).expect(201);
    expect(filed.caseId).toBe(registered.caseId);
  });

  it('rejects bad reports with the fields named', async () => {
    const police = await as(stack, 'sho.jaipur');
    const bad = await stack.http
      .post('/reports/missing')
      .set(police)
      .send({ child: { gender: 'GIRL', ageYears: { min: 12, max: 9 } }, lastSeenAt: 'yesterday', place: { districtCode: 'jaipur' } })
      .expect(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['child.gender', 'lastSeenAt', 'place.districtCode']));
    const future = await stack.http
      .post('/reports/missing')
      .set(police)
      .send({ child: { gender: 'MALE' }, lastSeenAt: '2099-01-01T00:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' }, policeRef: 'X' })
      .expect(400);
    expect(future.body.errors).toEqual([{ field: 'lastSeenAt', message: 'is in the future' }]);
    await stack.http.post('/reports/missing').set(police).send({ child: { gender: 'MALE' }, lastSeenAt: '2026-11-01T00:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' } }).expect(400);
    await stack.http.post('/reports/missing').set(await as(stack, 'cwc.jaipur')).send({ child: { gender: 'MALE' }, lastSeenAt: '2026-11-01T00:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' } }).expect(403);
  });
});
