// A case step is one statement (raksha_record_case_step): case row, timeline entry and the next
// link of the case's audit chain together, once per (caseId, sequence), however many workers retry it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AuditRepository, CaseRepository, createDb, type Db, type TransitionRecord } from '@raksha/db';
import { testSealer } from '@raksha/test-support/child-reports';
import { seed } from '@raksha/prisma/seed';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';

describe(CaseRepository.name, () => {
  let scratch: ScratchDb;
  let db: Db;
  let sut: CaseRepository;
  let caseId: string;

  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 10, minutes));
  const step = (sequence: number, extra: Partial<TransitionRecord> = {}): TransitionRecord => ({
    caseId,
    sequence,
    eventType: `EVENT_${sequence}`,
    fromState: 's',
    toState: 't',
    phase: 'INQUIRY',
    actorId: 'u1',
    actorRole: 'CWC_MEMBER',
    payload: { n: sequence, note: 'लक्ष्मी "quoted"' },
    occurredAt: at(sequence),
    openDeadlines: [],
    ...extra,
  });
  const chainOk = async (length: number) => expect(await new AuditRepository(db).verifyChain(`case:${caseId}`, length)).toEqual([]);

  beforeAll(async () => {
    scratch = await createScratchDb();
    db = createDb(scratch.url);
    await seed(db);
    sut = new CaseRepository(db, testSealer());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });
  beforeEach(async () => {
    caseId = randomUUID();
    const written = await sut.recordTransition({
      ...step(0),
      eventType: 'REGISTERED',
      fromState: null,
      toState: 'cncp.awaitingProduction',
      phase: 'PRODUCTION',
      openDeadlines: [{ id: 'cncp.production', obligation: 'produce', dueAt: at(60).toISOString(), citation: 's.31(1)' }],
      registration: { track: 'CNCP', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', childName: 'Lakshmi', registeredAt: at(0), registeredBy: 'u1' },
    });
    expect(written).toBe(true);
  });

  it('registers the case with its projection, timeline entry and first audit link', async () => {
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ track: 'CNCP', state: 'cncp.awaitingProduction', phase: 'PRODUCTION', sequence: 0, childName: 'Lakshmi', nextDueAt: at(60) });
    expect(await db.timelineEntry.count({ where: { caseId } })).toBe(1);
    await chainOk(1);
  });

  it('keeps each place a transfer moved the case from, once however often the step is retried (s.95)', async () => {
    const toPune = step(1, { eventType: 'CHILD_ESCORTED', jurisdiction: { track: 'CNCP', districtCode: 'MH-PUNE', stateCode: 'MH' }, movedFrom: { districtCode: 'RJ-JAIPUR', stateCode: 'RJ' } });
    expect(await sut.recordTransition(toPune)).toBe(true);
    expect(await sut.recordTransition(toPune)).toBe(false);
    await sut.recordTransition(step(2, { eventType: 'CHILD_ESCORTED', jurisdiction: { track: 'CNCP', districtCode: 'RJ-JODHPUR', stateCode: 'RJ' }, movedFrom: { districtCode: 'MH-PUNE', stateCode: 'MH' } }));
    expect(await sut.formerPlaces(caseId)).toEqual([{ districtCode: 'RJ-JAIPUR', stateCode: 'RJ' }, { districtCode: 'MH-PUNE', stateCode: 'MH' }]);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ districtCode: 'RJ-JODHPUR', stateCode: 'RJ' });
    // The moves themselves are the case's steps, and their payloads carry no former place.
    expect((await db.timelineEntry.findMany({ where: { caseId, eventType: 'CHILD_ESCORTED' } })).map((e) => e.payload)).toEqual([{ n: 1, note: 'लक्ष्मी "quoted"' }, { n: 2, note: 'लक्ष्मी "quoted"' }]);
  });

  it('writes a retried step once, and answers false to the retry', async () => {
    expect(await sut.recordTransition(step(1))).toBe(true);
    expect(await sut.recordTransition(step(1))).toBe(false);
    expect(await db.timelineEntry.count({ where: { caseId } })).toBe(2);
    expect(await db.auditEntry.count({ where: { chain: `case:${caseId}` } })).toBe(2);
    await chainOk(2);
  });

  it('writes a step once when several workers run it at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => sut.recordTransition(step(1))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { chain: `case:${caseId}` } })).toBe(2);
    await chainOk(2);
  });

  it('keeps one unbroken chain when steps of one case are written concurrently', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => sut.recordTransition(step(i + 1))));
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).sequence).toBe(12);
    await chainOk(13);
  });

  it('records an escalation, marks it met when an event fulfils its deadline, and its acknowledgement and resolution', async () => {
    const escalationId = randomUUID();
    const escalation = { id: escalationId, deadlineId: 'cncp.production', obligation: 'produce', citation: 's.31(1)', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', dueAt: at(60) };
    expect(await sut.recordEscalation({ ...step(1), eventType: 'DEADLINE_ESCALATED', escalation })).toBe(true);
    expect(await sut.recordEscalation({ ...step(1), eventType: 'DEADLINE_ESCALATED', escalation })).toBe(false);
    expect(await sut.recordTransition(step(2, {
      eventType: 'PRODUCED_BEFORE_CWC',
      deadlines: { met: [{ id: 'cncp.production', dueAt: at(60).toISOString(), late: true }], ended: [], opened: [] },
      milestones: { producedAt: at(2), productionLate: true },
    }))).toBe(true);
    expect(await sut.recordEscalationAction({ ...step(3), eventType: 'ESCALATION_ACKNOWLEDGED', escalationId, action: 'ACKNOWLEDGE', note: null })).toBe(true);
    expect(await sut.recordEscalationAction({ ...step(4), eventType: 'ESCALATION_RESOLVED', escalationId, action: 'RESOLVE', note: 'produced' })).toBe(true);
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({
      raisedAt: at(1),
      metAt: at(2),
      status: 'RESOLVED',
      acknowledgedAt: at(3),
      acknowledgedBy: 'u1',
      resolvedAt: at(4),
      resolutionNote: 'produced',
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ sequence: 4, producedAt: at(2), productionLate: true, nextDueAt: null });
    await chainOk(5);
  });

  it('leaves an escalation unmet when its deadline ends without being met, and marks it met only when a later event fulfils it', async () => {
    const escalationId = randomUUID();
    const escalation = { id: escalationId, deadlineId: 'cncp.production', obligation: 'produce', citation: 's.31(1)', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', dueAt: at(60) };
    await sut.recordEscalation({ ...step(1), eventType: 'DEADLINE_ESCALATED', escalation });
    const ended = { id: 'cncp.production', dueAt: at(60).toISOString(), overdue: true };
    expect(await sut.recordTransition(step(2, { eventType: 'WAIVE_DEADLINE', deadlines: { met: [], ended: [ended], opened: [] } }))).toBe(true);
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ metAt: null, status: 'OPEN' });
    // An extension had moved the due time: fulfilling the obligation meets the escalation of the earlier due time too.
    const met = { id: 'cncp.production', dueAt: at(90).toISOString(), late: true };
    await sut.recordTransition(step(3, { eventType: 'PRODUCED_BEFORE_CWC', deadlines: { met: [met], ended: [], opened: [] } }));
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ metAt: at(3), status: 'OPEN' });
    await chainOk(4);
  });

  it('answers false, writing nothing, when a unique row of the step is already on record (a concurrent writer won)', async () => {
    const escalation = { id: randomUUID(), deadlineId: 'cncp.production', obligation: 'produce', citation: 's.31(1)', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', dueAt: at(60) };
    expect(await sut.recordEscalation({ ...step(1), eventType: 'DEADLINE_ESCALATED', escalation })).toBe(true);
    expect(await sut.recordEscalation({ ...step(2), eventType: 'DEADLINE_ESCALATED', escalation: { ...escalation, id: randomUUID() } })).toBe(false);
    expect(await db.timelineEntry.count({ where: { caseId } })).toBe(2);
    await chainOk(2);
  });

  it("writes the milestones the step reached as given, and keeps the ones reached before", async () => {
    await sut.recordTransition(step(1, { milestones: { producedAt: at(1), productionLate: false } }));
    await sut.recordTransition(step(2, { eventType: 'SIR_SUBMITTED', milestones: { sirSubmittedAt: at(2), sirLate: true } }));
    await sut.recordTransition(step(3, { eventType: 'CLOSE_CASE' }));
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      producedAt: at(1),
      productionLate: false,
      sirSubmittedAt: at(2),
      sirLate: true,
      restoredAt: null,
      closedAt: null,
    });
  });

  it('moves the case where a hand-off or transfer puts it', async () => {
    await sut.recordTransition(step(1, { jurisdiction: { track: 'CICL', districtCode: 'RJ-JAIPUR', stateCode: 'RJ' } }));
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ track: 'CICL', sequence: 1 });
  });

  it('fails, writing nothing, when the escalation acted on does not exist', async () => {
    await expect(sut.recordEscalationAction({ ...step(1), escalationId: randomUUID(), action: 'ACKNOWLEDGE', note: null })).rejects.toThrow(/not found/);
    expect(await db.timelineEntry.count({ where: { caseId } })).toBe(1);
    await chainOk(1);
  });
});
