// JJ Act s.24(2): a CICL case's records destroyed after the appeal period (s.101(1)), unless a legal hold stands; the
// destruction proved on the audit chain without the content. Through HTTP, the worker's scan and the audit verifier,
// against the real PostgreSQL and Temporal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { caseWorkflowId } from '@raksha/contracts/temporal';
import { AuditRepository, documentChain, RecordsDestructionRepository } from '@raksha/db';
import { DocumentStore } from '@raksha/documents';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { destroyDueRecords, temporalHistoryDeleter } from '@raksha/worker/records-destruction';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const DAY = 86_400_000;
type Headers = { Authorization: string };

describe('records destruction under s.24(2)', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let stack: Stack;
  let jjb: Headers;
  let sjpu: Headers;
  let probation: Headers;
  let cwc: Headers;
  let monitor: Headers;
  let scan: (now: Date) => Promise<string[]>;
  let store: DocumentStore;
  /** The destroyed case's workflow history gone from Temporal (deleted asynchronously, slowly on a loaded machine). */
  let historyGone: Promise<true> | undefined;

  beforeAll(async () => {
    bundle = await caseWorkflowBundle();
    stack = await startStack(bundle);
    jjb = await as(stack, 'jjb.jaipur');
    sjpu = await as(stack, 'sjpu.jaipur');
    probation = await as(stack, 'probation.jaipur');
    cwc = await as(stack, 'cwc.jaipur');
    monitor = await as(stack, 'monitor.rj');
    store = new DocumentStore(stack.config.documents.dir);
    const deps = { destructions: new RecordsDestructionRepository(stack.db), deleteHistory: temporalHistoryDeleter(await stack.temporal(), stack.config.temporal.namespace), removeDocumentFile: (h: string) => store.remove(h) };
    scan = (now) => destroyDueRecords(deps, now);
  });
  afterAll(() => stack?.stop());

  const send = (caseId: string, who: Headers, type: string, payload: Record<string, unknown> = {}) => stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200);
  const status = async (caseId: string) => (await stack.http.get(`/cases/${caseId}/records-destruction`).set(jjb).expect(200)).body;

  /** A child apprehended in Jaipur, produced, bailed and inquired into; the SIR in. Answers the case and the child's name. */
  async function inquiredInto(offence: { offenceCategory: string; ageAtOffence: number } = { offenceCategory: 'PETTY', ageAtOffence: 15 }) {
    const name = `Destroyme ${randomBytes(4).toString('hex')}`;
    const registered = await stack.http.post('/cases').set(sjpu).send({ track: 'CICL', districtCode: 'RJ-JAIPUR', child: { name, ageYears: offence.ageAtOffence } }).expect(201);
    const caseId: string = registered.body.caseId;
    await send(caseId, jjb, 'PRODUCED_BEFORE_JJB', offence);
    await send(caseId, jjb, 'BAIL_DECIDED', { granted: true });
    await send(caseId, probation, 'SIR_SUBMITTED', { sirRef: `SIR/${name}`, finding: 'FAMILY_TRACED' });
    return { caseId, name, caseNumber: registered.body.caseNumber as string };
  }

  /** Released by the Board (s.17(1)) and closed: a case s.24 covers. */
  async function releasedAndClosed() {
    const c = await inquiredInto();
    await send(c.caseId, jjb, 'JJB_FINAL_ORDER_PASSED', { order: 'RELEASED_NO_OFFENCE', reasons: `no offence by ${c.name} established`, orderRef: 'JJB/JPR/2026/7' });
    await send(c.caseId, jjb, 'CLOSE_CASE', { ground: 'DISPOSED_BY_JJB', reasons: 'released; nothing remains before the Board' });
    return c;
  }

  it('schedules a released child’s records for the end of the appeal period, destroys them then, and answers 410 everywhere after', async () => {
    const { caseId, name, caseNumber } = await releasedAndClosed();
    await stack.http.post(`/cases/${caseId}/efile`).set(probation).send({ section: 'EDUCATION', occurredOn: '2026-11-02', entry: { kind: 'ENROLMENT', details: { school: `School of ${name}`, class: '8' } } }).expect(201);

    const scheduled = await eventually(async () => {
      const s = await status(caseId);
      return s.status === 'SCHEDULED' ? s : undefined;
    });
    expect(scheduled).toMatchObject({ ground: 'RELEASED', citation: 's.24(2); appeal period s.101(1)', hold: null, destroyedAt: null, mayHold: true });
    expect(Date.parse(scheduled.dueAt) - Date.parse(scheduled.orderAt)).toBe(30 * DAY);
    expect(scheduled.explanation).toContain('released the child');
    // The Board's order made its documents (English and Hindi PDFs naming the child), each file on disk.
    const orderDocs = await eventually(async () => {
      const list = (await stack.http.get(`/cases/${caseId}/documents`).set(jjb).expect(200)).body as { eventType: string | null }[];
      return list.filter((d) => d.eventType === 'JJB_FINAL_ORDER_PASSED').length === 2 ? list : undefined;
    }, 30_000);
    expect(orderDocs.length).toBeGreaterThanOrEqual(2);
    const documentFiles = (await stack.db.caseDocument.findMany({ where: { caseId }, select: { storedSha256: true } })).map((d) => d.storedSha256);
    for (const h of documentFiles) expect(await store.get(h)).toBeDefined();

    // Not before the appeal period has run.
    expect(await scan(new Date(Date.parse(scheduled.dueAt) - 60_000))).not.toContain(caseId);
    await stack.http.get(`/cases/${caseId}`).set(jjb).expect(200);
    const counted = async () => {
      const overview = (await stack.http.get('/dashboards/overview').query({ districtCode: 'RJ-JAIPUR' }).set(monitor).expect(200)).body as { casesByTrackAndPhase: { track: string; phase: string; cases: number }[] };
      return overview.casesByTrackAndPhase.find((r) => r.track === 'CICL' && r.phase === 'CLOSED')?.cases ?? 0;
    };
    const before = await counted();

    const after = new Date(Date.parse(scheduled.dueAt) + 60_000);
    expect(await scan(after)).toContain(caseId);
    expect(await scan(after)).not.toContain(caseId); // done once

    // Every read and write of the case answers 410 in words, with its number and never what it held.
    for (const path of ['', '/timeline', '/escalations', '/efile', '/admissions', '/care-plan', '/documents']) {
      const gone = await stack.http.get(`/cases/${caseId}${path}`).set(jjb).expect(410);
      expect(gone.headers['content-type']).toContain('application/problem+json');
      expect(gone.body.title).toBe('The records of this case were destroyed under s.24 of the Juvenile Justice Act');
      expect(gone.body.detail).toContain(`case ${caseNumber}`);
      expect(JSON.stringify(gone.body)).not.toContain(name);
    }
    await stack.http.post(`/cases/${caseId}/events`).set(jjb).send({ type: 'CLOSE_CASE', payload: { ground: 'OTHER', reasons: 'sent after destruction' } }).expect(410);
    expect((await stack.http.get('/cases').query({ number: caseNumber }).set(jjb).expect(200)).body.items).toEqual([]);
    expect(await status(caseId)).toMatchObject({ status: 'DESTROYED', mayHold: false });
    await stack.http.post(`/cases/${caseId}/records-destruction/hold`).set(jjb).send({ orderRef: 'JJB/JPR/HOLD/1', reason: 'too late: already destroyed' }).expect(410);

    // Nothing in the database tells the child's name any more; the dashboards still count the case.
    const mentions = await stack.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT (SELECT count(*) FROM "AuditEntry" WHERE detail::text LIKE $1) + (SELECT count(*) FROM "TimelineEntry" WHERE payload::text LIKE $1)
            + (SELECT count(*) FROM "Case" WHERE "childName" LIKE $1) + (SELECT count(*) FROM "Notification" WHERE body LIKE $1 OR subject LIKE $1)
            + (SELECT count(*) FROM "EFileEntry" WHERE details::text LIKE $1) + (SELECT count(*) FROM "PartnerEvent" WHERE data::text LIKE $1) AS n`,
      `%${name}%`,
    );
    expect(Number(mentions[0]!.n)).toBe(0);
    // The order's documents are gone, rows and files.
    expect(await stack.db.caseDocument.count({ where: { caseId } })).toBe(0);
    for (const h of documentFiles) expect(await store.get(h)).toBeUndefined();
    // Who read the record before it was destroyed stays on the access log, without what they read.
    const log = await stack.http.get(`/cases/${caseId}/access-log`).set(monitor).expect(200);
    expect(JSON.stringify(log.body)).not.toContain(name);
    expect(await counted()).toBe(before);

    // The chains verify without the content, and name the destruction; an emptied entry edited afterwards is caught.
    const audit = new AuditRepository(stack.db);
    const row = await stack.db.case.findUniqueOrThrow({ where: { id: caseId } });
    for (const chain of [`case:${caseId}`, `efile:${caseId}`, documentChain(caseId)]) expect(await audit.verifyChain(chain, chain.startsWith('case:') ? row.sequence + 1 : undefined)).toEqual([]);
    const proof = await stack.db.auditEntry.findFirstOrThrow({ where: { chain: `case:${caseId}`, action: 'case.records-destroyed' } });
    expect(proof.detail).toMatchObject({ event: 'RECORDS_DESTROYED', ground: 'RELEASED' });
    const first = await stack.db.auditEntry.findFirstOrThrow({ where: { chain: `case:${caseId}`, position: 1 } });
    await stack.db.auditEntry.update({ where: { id: first.id }, data: { action: 'case.tampered' } });
    expect(await audit.verifyChain(`case:${caseId}`)).toEqual([{ chain: `case:${caseId}`, position: 1, reason: 'emptied-unattested' }]);
    await stack.db.auditEntry.update({ where: { id: first.id }, data: { action: first.action } });

    // The case workflow's history is gone from Temporal too: the deletion accepted, and done (Temporal deletes asynchronously).
    expect((await stack.db.recordsDestruction.findUniqueOrThrow({ where: { caseId } })).historyDeletedAt).not.toBeNull();
    const temporal = await stack.temporal();
    historyGone = eventually(async () => ((await temporal.workflow.getHandle(caseWorkflowId(caseId)).describe().then(() => false, () => true)) ? true : undefined), 90_000);
    historyGone.catch(() => undefined); // awaited by the last test, while the others run
  });

  it('keeps the records while a legal hold stands; lifting it makes destruction due again', async () => {
    const { caseId } = await releasedAndClosed();
    const scheduled = await eventually(async () => {
      const s = await status(caseId);
      return s.status === 'SCHEDULED' ? s : undefined;
    });
    // Only a member of the case's Board places it.
    await stack.http.post(`/cases/${caseId}/records-destruction/hold`).set(cwc).send({ orderRef: 'CWC/1', reason: 'a CWC may not hold a CICL case' }).expect(403);
    const held = await stack.http.post(`/cases/${caseId}/records-destruction/hold`).set(jjb).send({ orderRef: 'HC/RJ/CRLREV/2027/12', reason: 'revision petition pending before the High Court' }).expect(200);
    expect(held.body).toMatchObject({ status: 'HELD', hold: { orderRef: 'HC/RJ/CRLREV/2027/12', reason: 'revision petition pending before the High Court' } });
    expect(held.body.explanation).toContain('HC/RJ/CRLREV/2027/12');

    const later = new Date(Date.parse(scheduled.dueAt) + 90 * DAY);
    expect(await scan(later)).not.toContain(caseId);
    await stack.http.get(`/cases/${caseId}`).set(jjb).expect(200);

    const lifted = await stack.http.post(`/cases/${caseId}/records-destruction/lift`).set(jjb).send({ orderRef: 'HC/RJ/CRLREV/2027/12', reason: 'revision petition dismissed by the High Court' }).expect(200);
    expect(lifted.body).toMatchObject({ status: 'SCHEDULED', hold: null });
    await stack.http.post(`/cases/${caseId}/records-destruction/lift`).set(jjb).send({ orderRef: 'HC/RJ/CRLREV/2027/12', reason: 'lifting a hold that is not there' }).expect(409);
    expect(await scan(later)).toContain(caseId);
    // The hold and its lifting are on the audit trail, emptied and attested with the rest.
    const trail = await stack.db.auditEntry.findMany({ where: { chain: `records-destruction:${caseId}` }, orderBy: { position: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['records.hold-placed', 'records.hold-lifted']);
    expect(await new AuditRepository(stack.db).verifyChain(`records-destruction:${caseId}`)).toEqual([]);
  });

  it('does not schedule a child sent for trial as an adult, and says why in words', async () => {
    const { caseId } = await inquiredInto({ offenceCategory: 'HEINOUS', ageAtOffence: 17 });
    await send(caseId, jjb, 'PRELIMINARY_ASSESSMENT_COMPLETED', { finding: 'TRIAL_AS_ADULT', reasons: 'mental and physical capacity assessed under s.15' });
    await send(caseId, jjb, 'TRANSFERRED_TO_CHILDRENS_COURT', { courtRef: 'CC/JPR/1', orderRef: 'JJB/JPR/2026/9' });
    expect(await status(caseId)).toMatchObject({ status: 'OPEN' });
    await send(caseId, jjb, 'CLOSE_CASE', { ground: 'TRANSFERRED_TO_CHILDRENS_COURT', reasons: 'trial before the Children’s Court' });
    const kept = await status(caseId);
    expect(kept).toMatchObject({ status: 'NOT_SCHEDULED', ground: 'TRIED_AS_ADULT', dueAt: null, citation: 's.24(2) proviso; s.19(1)(i)' });
    expect(kept.explanation).toContain('Children’s Court');
    expect(await stack.db.recordsDestruction.findUnique({ where: { caseId } })).toBeNull();
  });

  it('refuses a hold without its order or reason, naming the fields, and stores nothing', async () => {
    const { caseId } = await releasedAndClosed();
    const bad = await stack.http.post(`/cases/${caseId}/records-destruction/hold`).set(jjb).send({ orderRef: ' ', reason: 'short', extra: 1 }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['orderRef', 'reason']));
    expect((await stack.db.recordsDestruction.findUnique({ where: { caseId } }))?.holdOrderRef ?? null).toBeNull();
    expect(await stack.db.auditEntry.count({ where: { chain: `records-destruction:${caseId}` } })).toBe(0);
    // A child in need of care and protection is not s.24's.
    const cncp = (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: {} }).expect(201)).body.caseId as string;
    const notCicl = await stack.http.get(`/cases/${cncp}/records-destruction`).set(cwc).expect(200);
    expect(notCicl.body).toMatchObject({ status: 'NOT_SCHEDULED', mayHold: false });
    await stack.http.get('/cases/not-a-uuid/records-destruction').set(jjb).expect(400);
  });

  it('deletes the destroyed case’s workflow history from Temporal', async () => {
    expect(historyGone).toBeDefined();
    await expect(historyGone).resolves.toBe(true);
  }, 100_000);
});
