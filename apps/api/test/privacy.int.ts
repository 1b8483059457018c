// Issue #22, privacy law: the Digital Personal Data Protection Act 2023 next to the JJ Act, over HTTP against the real
// stack (PostgreSQL, Redis, Temporal and the worker): the notice acknowledged with a citizen's report, their own
// reports read, corrected and erased, the retention job, the record of disclosures to partners, and s.74 in monitors' lists.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisConnectionOptions } from '@raksha/config';
import { AuditRepository } from '@raksha/db';
import { PRIVACY_NOTICE_VERSION } from '@raksha/domain';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { RETENTION_QUEUE } from '@raksha/worker/records-destruction';
import { as, freshCitizen } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const DAY = 86_400_000;
/** Names of letters alone, new each time, so nothing else in the database shares them. */
const word = () => randomBytes(4).toString('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!);

describe('privacy (DPDP Act 2023)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  /** A citizen whose phone is verified, as filing needs. */
  const verifiedCitizen = async () => {
    const c = await freshCitizen(stack);
    const at = new Date();
    await stack.db.contactVerification.create({ data: { id: randomUUID(), userId: c.userId, channel: 'PHONE', address: `+9198${String(Date.now()).slice(-8)}`, codeHash: 'x', expiresAt: at, verifiedAt: at, createdAt: at } });
    return c;
  };
  const sighting = (name: string) => ({
    child: { name, gender: 'FEMALE', ageYears: { min: 9, max: 10 }, identifyingMarks: 'a mole on the left cheek', clothing: 'red frock' },
    lastSeenAt: '2026-11-20T18:00:00+05:30',
    place: { districtCode: 'RJ-JAIPUR', text: 'near the bus stand' },
  });

  it('a citizen files with the notice acknowledged, reads and corrects their own report, and erases it once closed; nobody else reaches it', async () => {
    const notice = (await stack.http.get('/privacy/notice').expect(200)).body;
    expect(notice).toMatchObject({ version: PRIVACY_NOTICE_VERSION, reportRetentionDays: 1095, grievanceAnswerDays: 90 });
    expect(notice.grievanceContact).toMatch(/grievance/);

    const citizen = await verifiedCitizen();
    const name = `${word()} ${word()}`;
    const filed = (await stack.http.post('/reports/missing').set(citizen.headers).send({ ...sighting(name), privacyNotice: { version: PRIVACY_NOTICE_VERSION, language: 'hi' } }).expect(201)).body;
    const mine = (await stack.http.get('/me/reports').set(citizen.headers).expect(200)).body;
    expect(mine.items).toEqual([expect.objectContaining({ id: filed.id, privacyNotice: expect.objectContaining({ version: PRIVACY_NOTICE_VERSION, language: 'hi' }), mayCorrect: true, mayErase: false, erasure: null })]);

    // Another citizen, and the police who may read the report itself, find no "own report" here.
    const other = await verifiedCitizen();
    const police = await as(stack, 'sho.jaipur');
    for (const who of [other.headers, police]) {
      expect((await stack.http.get(`/me/reports/${filed.id}`).set(who)).status).toBe(404);
      expect((await stack.http.patch(`/me/reports/${filed.id}`).set(who).send({ placeText: 'elsewhere' })).status).toBe(404);
      expect((await stack.http.post(`/me/reports/${filed.id}/erasure`).set(who)).status).toBe(404);
    }

    // A correction: the fields given change, the rest stays; the chain records which fields, not the words.
    const empty = await stack.http.patch(`/me/reports/${filed.id}`).set(citizen.headers).send({});
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    const corrected = (await stack.http.patch(`/me/reports/${filed.id}`).set(citizen.headers).send({ child: { identifyingMarks: 'a burn scar on the right hand' }, placeText: 'Sindhi Camp bus stand' }).expect(200)).body;
    expect(corrected.child).toMatchObject({ name, identifyingMarks: 'a burn scar on the right hand', clothing: 'red frock' });
    expect(corrected.place.text).toBe('Sindhi Camp bus stand');
    const trace = await stack.db.auditEntry.findFirstOrThrow({ where: { chain: `report:${filed.id}`, action: 'report.corrected' } });
    expect(trace.detail).toMatchObject({ fields: ['child.identifyingMarks', 'placeText'], citation: 'DPDP Act s.12(2)' });
    expect(JSON.stringify(trace.detail)).not.toContain('mole');

    // Erasure waits for the closing: while the child is looked for, the police need the report.
    const early = await stack.http.post(`/me/reports/${filed.id}/erasure`).set(citizen.headers);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/closed/);
    await stack.http.post(`/reports/${filed.id}/close`).set(citizen.headers).send({ reason: 'RETURNED_HOME', note: 'she came home this morning' }).expect(200);
    const erased = (await stack.http.post(`/me/reports/${filed.id}/erasure`).set(citizen.headers).expect(200)).body;
    expect(erased).toMatchObject({ id: filed.id, status: 'CLOSED', erasure: { ground: 'CITIZEN_REQUEST', keptWithCase: false }, mayCorrect: false, mayErase: false });
    expect(erased.child).toEqual({ gender: 'FEMALE' });
    // the tombstone: number, kind, district and dates; nothing that names or reaches anyone
    const row = await stack.db.childReport.findUniqueOrThrow({ where: { id: filed.id } });
    expect({ kind: row.kind, districtCode: row.districtCode, createdAt: row.createdAt, reporter: row.reporterContact, place: row.placeText, searchName: row.searchName }).toEqual({
      kind: 'MISSING',
      districtCode: 'RJ-JAIPUR',
      createdAt: new Date(filed.createdAt),
      reporter: null,
      place: null,
      searchName: '',
    });
    expect({ closedReason: row.closedReason, closed: row.closedAt !== null }).toEqual({ closedReason: 'RETURNED_HOME', closed: true });
    expect(JSON.stringify(row)).not.toContain(name.split(' ')[0]);
    // the report's trail told the closing note in words: emptied, attested by the erasure, and the chain still verifies
    const trail = await stack.db.auditEntry.findMany({ where: { chain: `report:${filed.id}` } });
    expect(trail.filter((e) => e.action === 'report.erased')).toHaveLength(1);
    expect(JSON.stringify(trail.map((e) => e.detail))).not.toContain('came home');
    expect(await new AuditRepository(stack.db).verifyChain(`report:${filed.id}`)).toEqual([]);
    // asking again changes nothing; a correction after erasure has nothing to correct
    expect((await stack.http.post(`/me/reports/${filed.id}/erasure`).set(citizen.headers).expect(200)).body.erasure.erasedAt).toBe(erased.erasure.erasedAt);
    expect((await stack.http.patch(`/me/reports/${filed.id}`).set(citizen.headers).send({ placeText: 'again' })).status).toBe(409);
  });

  it('the daily retention job anonymises reports closed past their time and deletes ended sessions and stale codes; administrators see the schedule and the run', async () => {
    const citizen = await verifiedCitizen();
    const old = (await stack.http.post('/reports/found').set(citizen.headers).send({ ...sighting(`${word()} ${word()}`), lastSeenAt: undefined, foundAt: '2026-11-20T18:00:00+05:30' }).expect(201)).body;
    const recent = (await stack.http.post('/reports/found').set(citizen.headers).send({ ...sighting(`${word()} ${word()}`), lastSeenAt: undefined, foundAt: '2026-11-20T18:00:00+05:30' }).expect(201)).body;
    for (const r of [old, recent]) await stack.http.post(`/reports/${r.id}/close`).set(citizen.headers).send({ reason: 'OTHER', note: 'handed to the police' }).expect(200);
    await stack.db.childReport.update({ where: { id: old.id }, data: { closedAt: new Date(Date.now() - 4 * 365 * DAY) } });
    const session = await stack.db.session.create({ data: { id: randomUUID(), userId: citizen.userId, refreshHash: randomUUID(), expiresAt: new Date(Date.now() - 60 * DAY) } });
    const code = await stack.db.contactVerification.create({ data: { id: randomUUID(), userId: citizen.userId, channel: 'EMAIL', address: 'never@confirmed.in', codeHash: 'x', expiresAt: new Date(Date.now() - 3 * DAY), createdAt: new Date(Date.now() - 3 * DAY) } });

    // The job as the worker runs it each night, fired now through its BullMQ queue.
    const queue = new Queue(RETENTION_QUEUE, { connection: redisConnectionOptions(stack.config.redisUrl) });
    const runsBefore = await stack.db.retentionRun.count();
    await queue.add('retention', {});
    await queue.close();
    await eventually(async () => ((await stack.db.retentionRun.count()) > runsBefore ? true : undefined), 20_000);

    expect(await stack.db.reportErasure.findUnique({ where: { reportId: old.id } })).toMatchObject({ ground: 'RETENTION', erasedBy: null });
    expect((await stack.db.childReport.findUniqueOrThrow({ where: { id: old.id } })).reporterContact).toBeNull();
    expect(await stack.db.reportErasure.findUnique({ where: { reportId: recent.id } })).toBeNull();
    expect(await stack.db.session.findUnique({ where: { id: session.id } })).toBeNull();
    expect(await stack.db.contactVerification.findUnique({ where: { id: code.id } })).toBeNull();
    // the citizen's verified phone stays: it is what lets them file
    expect(await stack.db.contactVerification.count({ where: { userId: citizen.userId, verifiedAt: { not: null } } })).toBe(1);

    const admin = await as(stack, 'admin.rj');
    const schedule = (await stack.http.get('/administration/retention').set(admin).expect(200)).body;
    expect(schedule.rules).toEqual(expect.arrayContaining([expect.objectContaining({ recordType: 'CHILD_REPORT', action: 'ANONYMISE', days: 1095 }), expect.objectContaining({ recordType: 'CASE_CICL', action: 'DESTROY_S24' })]));
    expect(schedule.runs[0].outcome.CHILD_REPORT).toBeGreaterThanOrEqual(1);
    expect((await stack.http.get('/administration/retention').set(citizen.headers)).status).toBe(403);
  });

  it("records every partner read — which partner, which record, when, why — for the state's monitors and administrators alone", async () => {
    const admin = await as(stack, 'admin.rj');
    const partner = (await stack.http.post('/partner-clients').set(admin).send({ name: `Portal ${word()}`, kind: 'STATE_SYSTEM', scopes: ['reports:read', 'cases:summary'] }).expect(201)).body as { clientId: string; clientSecret: string; name: string };
    const token = await stack.http
      .post('/oauth/token')
      .set('Authorization', `Basic ${Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64')}`)
      .type('form')
      .send({ grant_type: 'client_credentials' })
      .expect(200);
    const bearer = { Authorization: `Bearer ${token.body.access_token as string}` };
    const report = (await stack.http.post('/reports/found').set(await as(stack, 'cwc.jaipur')).send({ ...sighting(`${word()} ${word()}`), lastSeenAt: undefined, foundAt: '2026-11-20T18:00:00+05:30' }).expect(201)).body;
    const read = (await stack.http.get(`/partner/v1/reports/${report.id}`).set(bearer).expect(200)).body;
    expect(read.child.name).toBe(report.child.name);

    const monitor = await as(stack, 'monitor.rj');
    const { items } = (await stack.http.get('/partner-disclosures').query({ recordId: report.id }).set(monitor).expect(200)).body;
    expect(items).toEqual([expect.objectContaining({ partnerId: partner.clientId, partnerName: partner.name, recordType: 'report', recordId: report.id, scope: 'reports:read', via: 'GET /partner/v1/reports/:id', stateCode: 'RJ', districtCode: 'RJ-JAIPUR' })]);
    expect(items[0].purpose).toMatch(/tracing/);
    expect((await stack.http.get('/partner-disclosures').query({ recordId: report.id }).set(admin).expect(200)).body.items).toHaveLength(1);
    // another state's monitor sees none of it; a police officer may not ask
    expect((await stack.http.get('/partner-disclosures').query({ recordId: report.id }).set(await as(stack, 'monitor.mh')).expect(200)).body.items).toEqual([]);
    expect((await stack.http.get('/partner-disclosures').set(await as(stack, 'sho.jaipur'))).status).toBe(403);
  });

  it("shows a state monitor case numbers, not children's names, in case and report lists and the dashboard's CSV (JJ Act s.74); the CWC still sees the name", async () => {
    const name = `${word()} ${word()}`;
    const cwc = await as(stack, 'cwc.jaipur');
    const registered = (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { ageYears: 9, gender: 'MALE', name } }).expect(201)).body;
    const report = (await stack.http.post('/reports/found').set(cwc).send({ ...sighting(name), lastSeenAt: undefined, foundAt: '2026-11-20T18:00:00+05:30' }).expect(201)).body;
    const monitor = await as(stack, 'monitor.rj');

    const monitorCases = (await stack.http.get('/cases').query({ number: registered.caseNumber }).set(monitor).expect(200)).body.items;
    expect(monitorCases).toEqual([expect.objectContaining({ caseNumber: registered.caseNumber, childName: null })]);
    const cwcCases = (await stack.http.get('/cases').query({ number: registered.caseNumber }).set(cwc).expect(200)).body.items;
    expect(cwcCases).toEqual([expect.objectContaining({ caseNumber: registered.caseNumber, childName: name })]);

    const reports = (await stack.http.get('/reports').query({ districtCode: 'RJ-JAIPUR', kind: 'FOUND', limit: 100 }).set(monitor).expect(200)).body.items as { id: string; child: Record<string, unknown> }[];
    const listed = reports.find((r) => r.id === report.id);
    expect(listed?.child).toMatchObject({ gender: 'FEMALE', identifyingMarks: 'a mole on the left cheek' });
    expect(JSON.stringify(reports)).not.toContain(name);

    const csv = await stack.http.get('/dashboards/overview').query({ stateCode: 'RJ', format: 'csv' }).set(monitor).expect(200);
    expect(csv.text).toMatch(/casesRegistered|RJ-JAIPUR/);
    expect(csv.text).not.toContain(name);
  });
});
