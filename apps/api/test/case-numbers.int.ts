// Readable case numbers (state/district/year/serial): given once at registration, in turn per district and year, never
// twice even when registrations come at once, found by the case search and never carrying the child's name (s.74).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { requireDataKeys } from '@raksha/config';
import { CaseRepository, Sealer } from '@raksha/db';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('case numbers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  /** A registration as the case workflow's activity writes it (the one path every new case row takes). */
  const register = (districtCode: string, registeredAt: Date) =>
    new CaseRepository(stack.db, new Sealer(requireDataKeys(stack.config))).recordTransition({
      caseId: randomUUID(),
      sequence: 0,
      eventType: 'REGISTERED',
      fromState: null,
      toState: 'cncp.awaitingProduction',
      actorId: null,
      actorRole: 'SJPU_OFFICER',
      payload: {},
      occurredAt: registeredAt,
      phase: 'PRODUCTION',
      openDeadlines: [],
      registration: { track: 'CNCP', districtCode, stateCode: 'RJ', childName: 'Sunita Kumari', registeredAt, registeredBy: null },
    });

  it('numbers a district’s registrations of a year 1, 2, 3… with no number given twice when 20 come at once; another year counts afresh', async () => {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-NEW-DISTRICT-${suffix}`;
    await stack.db.district.create({ data: { code: districtCode, name: `New District ${suffix}`, stateCode: 'RJ' } });
    // the district's code in numbers: its name part, cut to 12 characters
    const { caseCode } = await stack.db.district.findUniqueOrThrow({ where: { code: districtCode } });
    expect(caseCode).toBe('NEW-DISTRICT');

    const inIndia2026 = new Date('2026-06-01T10:00:00+05:30');
    const written = await Promise.all(Array.from({ length: 20 }, () => register(districtCode, inIndia2026)));
    expect(written.every(Boolean)).toBe(true);
    // 31 December 20:00 UTC is already 1 January in India: the next year's first case
    await register(districtCode, new Date('2026-12-31T20:00:00Z'));

    const rows = await stack.db.case.findMany({ where: { districtCode }, select: { caseNumber: true, childName: true } });
    const numbers = rows.map((r) => r.caseNumber!);
    expect(new Set(numbers).size).toBe(21);
    expect(numbers.filter((n) => n.startsWith('RJ/NEW-DISTRICT/2026/')).map((n) => Number(n.split('/')[3])).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(numbers).toContain('RJ/NEW-DISTRICT/2027/1');
    expect(numbers.some((n) => /sunita/i.test(n))).toBe(false);
  });

  it('shows the number on the case and in lists, and the search finds the case by it, typed loosely; outside the jurisdiction it finds nothing', async () => {
    const cwc = await as(stack, 'cwc.jaipur');
    const { body: registered } = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Lakshmi', ageYears: 9 } }).expect(201);
    const { body: theCase } = await stack.http.get(`/cases/${registered.caseId}`).set(cwc).expect(200);
    expect(theCase.caseNumber).toMatch(/^RJ\/JAIPUR\/\d{4}\/\d+$/);

    const typed = theCase.caseNumber.toLowerCase().replaceAll('/', ' / ');
    const found = await stack.http.get('/cases').set(cwc).query({ number: typed }).expect(200);
    expect(found.body.items.map((c: { id: string; caseNumber: string }) => [c.id, c.caseNumber])).toEqual([[registered.caseId, theCase.caseNumber]]);
    const queue = await stack.http.get('/cases/queue').set(cwc).query({ limit: 100 }).expect(200);
    expect(queue.body.items.find((c: { id: string }) => c.id === registered.caseId)?.caseNumber).toBe(theCase.caseNumber);

    const elsewhere = await stack.http.get('/cases').set(await as(stack, 'cwc.pune')).query({ number: theCase.caseNumber }).expect(200);
    expect(elsewhere.body.items).toEqual([]);
    const bad = await stack.http.get('/cases').set(cwc).query({ number: registered.caseId }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['number']);
  });
});
