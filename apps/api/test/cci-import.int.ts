// Porting a state's CCI register, over HTTP with the real worker: each child becomes a case in the state its
// record says, its history on the timeline marked imported; sent twice, nothing twice; bad rows named by field;
// an import whose worker is killed mid-way resumes without starting a case twice.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { enqueueLegacyImport, legacyCaseId, loadLegacySource, readExport, stageLegacyImport } from '@raksha/activities';
import { redisConnectionOptions, requireDataKeys } from '@raksha/config';
import { LEGACY_IMPORT_QUEUE, type LegacyImportJob } from '@raksha/contracts';
import { LegacyImportRepository, Sealer } from '@raksha/db';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(await caseWorkflowBundle());
});
afterAll(() => stack?.stop());

describe('porting a CCI register', () => {
  const run = randomBytes(3).toString('hex').toUpperCase();
  // The shipped sample, its admission numbers made this run's own.
  const sample = readFileSync(new URL('../../../porting/samples/cci-register-sample.csv', import.meta.url), 'utf8').replaceAll('GCH-', `GCH-${run}-`);
  const caseOf = (n: string) => legacyCaseId('cci-register', `GCH-${run}-${n}`);
  const finished = (headers: { Authorization: string }, id: string) =>
    eventually(async () => {
      const { body } = await stack.http.get(`/imports/legacy/${id}`).set(headers).expect(200);
      return body.status === 'DONE' ? body : undefined;
    }, 30_000);

  it('makes each child a case in the state the register says, its history marked imported; twice, nothing twice; bad rows named', async () => {
    const dcpu = await as(stack, 'dcpu.jaipur');
    // The SCPS may port missing/found registers, but the children of a CCI register become cases: the DCPU's to register.
    await stack.http.post('/imports/legacy').query({ source: 'cci-register' }).set(await as(stack, 'scps.rj')).set('content-type', 'text/csv').send(sample).expect(403);

    const first = await stack.http.post('/imports/legacy').query({ source: 'cci-register', fileName: 'gch-jaipur.csv' }).set(dcpu).set('content-type', 'text/csv').send(sample).expect(202);
    const done = await finished(dcpu, first.body.id);
    expect(done).toMatchObject({ kind: 'CCI_CHILD', total: 6, imported: 3, alreadyImported: 0, rejected: 3 });
    expect(done.rejections).toEqual([
      expect.objectContaining({ line: 5, field: 'cci', column: 'CCI Registration No', message: expect.stringContaining('“JJ/REG/RJ-AJMER/2023/09”') }),
      expect.objectContaining({ line: 6, field: 'icpPreparedAt', column: 'ICP Date', message: '“31/02/2024” is not a date written DD/MM/YYYY' }),
      // The machine's refusal, in words: no final order before the Social Investigation Report.
      expect.objectContaining({ line: 7, field: 'cwcOrderedAt', column: 'CWC Order Date', message: expect.stringContaining('the case was then at “Inquiry: Social Investigation Report to be ordered”') }),
    ]);
    for (const n of ['JPR-2024-004', 'AJM-2024-004', 'JPR-2024-005', 'JPR-2024-006']) expect(await stack.db.case.count({ where: { id: caseOf(n) } })).toBe(0);

    // Each case reaches the state its record says, through its workflow: in care under a reviewed plan, on leave, restored.
    // Registration and seven steps: sequence 7 once the last is on record.
    const rekha = await eventually(async () => {
      const c = await stack.db.case.findUnique({ where: { id: caseOf('JPR-2024-001') } });
      return c?.sequence === 7 ? c : undefined;
    }, 30_000);
    // An imported case is numbered like a registered one, in the year it was registered (India time).
    const year = new Intl.DateTimeFormat('en-IN', { year: 'numeric', timeZone: 'Asia/Kolkata' }).format(rekha.registeredAt);
    expect(rekha.caseNumber).toMatch(new RegExp(`^RJ/JAIPUR/${year}/\\d+$`));
    expect(rekha).toMatchObject({ track: 'CNCP', state: 'cncp.inCare.icpInForce', phase: 'PLACEMENT', districtCode: 'RJ-JAIPUR', childName: 'Rekha Bairwa', producedAt: new Date('2024-01-03T00:00:00+05:30'), productionLate: false });
    const timeline = (await stack.http.get(`/cases/${rekha.id}/timeline`).set(dcpu).expect(200)).body as { eventType: string; occurredAt: string; importedFrom?: string; payload: Record<string, unknown> }[];
    expect(timeline.map((e) => e.eventType)).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC', 'INTERIM_PLACEMENT_ORDERED', 'SIR_ORDERED', 'SIR_SUBMITTED', 'FINAL_ORDER_PASSED', 'ICP_PREPARED', 'ICP_REVIEWED']);
    expect(timeline.every((e) => e.importedFrom === 'state CCI')).toBe(true);
    // At their own times: the timeline reads as the child's history.
    expect(timeline.find((e) => e.eventType === 'FINAL_ORDER_PASSED')!.occurredAt).toBe('2024-02-19T18:30:00.000Z');
    // The plan's review fell due in December 2025: overdue and shown, but not escalated the moment it was imported.
    expect((rekha.openDeadlines as { id: string; dueAt: string }[]).find((d) => d.id === 'cncp.icpReview')).toMatchObject({ dueAt: '2025-12-09T18:30:00.000Z' });
    expect(await stack.db.escalation.count({ where: { caseId: rekha.id } })).toBe(0);
    // Imported history tells no one: no notice of a registration years old; partners' feed has each step marked imported.
    expect(await stack.db.notification.count({ where: { caseId: rekha.id } })).toBe(0);
    const fed = await stack.db.partnerEvent.findMany({ where: { subjectId: rekha.id } });
    expect(fed.map((e) => (e.data as { imported?: boolean }).imported)).toEqual(Array(8).fill(true));

    // The register names the home: her stay there is on record with the placement, so the home's occupancy counts her.
    const stays = await stack.db.admission.findMany({ where: { caseId: rekha.id } });
    expect(stays).toEqual([expect.objectContaining({ institutionId: 'CCI-RJ-JAIPUR', endedAt: null, gender: 'FEMALE' })]);
    expect(timeline.find((e) => e.eventType === 'INTERIM_PLACEMENT_ORDERED')).toMatchObject({ payload: { placeId: 'CCI-RJ-JAIPUR', placeName: expect.any(String) } });

    const [imran, pinky] = await Promise.all(
      [caseOf('JPR-2024-002'), caseOf('JPR-2024-003')].map((id) => eventually(async () => (await stack.db.case.findUnique({ where: { id } })) ?? undefined, 30_000)),
    );
    await eventually(async () => ((await stack.db.case.findUniqueOrThrow({ where: { id: pinky!.id } })).phase === 'FOLLOW_UP' ? true : undefined), 30_000);
    expect(await stack.db.case.findUniqueOrThrow({ where: { id: pinky!.id } })).toMatchObject({ restoredAt: new Date('2025-06-20T00:00:00+05:30') });
    // A child the register records as restored is no longer counted in the home: her stay ended on the day.
    expect(await stack.db.admission.findMany({ where: { caseId: pinky!.id } })).toEqual([expect.objectContaining({ endReason: 'RESTORED', endedAt: new Date('2025-06-20T00:00:00+05:30') })]);
    const leave = await eventually(async () => (await stack.db.timelineEntry.findFirst({ where: { caseId: imran!.id, eventType: 'LEAVE_OF_ABSENCE_GRANTED' } })) ?? undefined, 30_000);
    expect(leave.importedFrom).toBe('state CCI');

    // The same register again: nothing twice.
    const again = await stack.http.post('/imports/legacy').query({ source: 'cci-register' }).set(dcpu).set('content-type', 'text/csv').send(sample).expect(202);
    expect(await finished(dcpu, again.body.id)).toMatchObject({ imported: 0, alreadyImported: 3, rejected: 3 });
    const dry = await stack.http.post('/imports/legacy').query({ source: 'cci-register', dryRun: 'true' }).set(dcpu).set('content-type', 'text/csv').send(sample).expect(200);
    expect(dry.body).toMatchObject({ total: 6, wouldImport: 0, alreadyImported: 3 });
    expect(await stack.db.timelineEntry.count({ where: { caseId: rekha.id } })).toBe(8);
  });

  it('resumes an import whose worker was killed mid-way: every child’s case started once', async () => {
    const header = sample.split('\n')[0]!;
    const rows = Array.from({ length: 12 }, (_, i) => `K${run}-${i},JJ/REG/RJ-JAIPUR/2023/01,Child ${i},${i % 2 ? 'M' : 'F'},${6 + (i % 8)},,CNCP,Rescued,,0${1 + (i % 9)}/03/2025,0${1 + (i % 9)}/03/2025,,,,,,,In Care,,,,`);
    const mapping = loadLegacySource('cci-register');
    const imports = new LegacyImportRepository(stack.db, new Sealer(requireDataKeys(stack.config)));
    const dcpu = await stack.db.user.findUniqueOrThrow({ where: { username: 'dcpu.jaipur' } });
    // Staged without its job: the stack's worker does not take it; a worker process of its own does, and is killed.
    const id = await stageLegacyImport({ imports, jobs: { add: async () => undefined } }, mapping, readExport(mapping, [header, ...rows].join('\n'), 'csv'), {
      fileName: 'big.csv',
      importer: { userId: dcpu.id, role: 'DCPU_OFFICER', bodyId: dcpu.bodyId, isPolice: false },
    });
    const env = { ...process.env, DATABASE_URL: stack.config.databaseUrl, REDIS_URL: stack.config.redisUrl, TEMPORAL_ADDRESS: stack.config.temporal.address, TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue, RAKSHA_DATA_KEY: stack.config.dataKey! };
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'apps/worker/test/import-until-killed.ts', id], { env, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    await eventually(async () => ((await imports.find(id))!.processed >= 5 ? true : undefined), 60_000);
    child.kill('SIGKILL');
    await exited;
    expect((await imports.find(id))!.processed).toBeLessThan(12);

    const queue = new Queue<LegacyImportJob>(LEGACY_IMPORT_QUEUE, { connection: redisConnectionOptions(stack.config.redisUrl) });
    try {
      await enqueueLegacyImport(queue, id);
      const done = await eventually(async () => {
        const imp = (await imports.find(id))!;
        return imp.status === 'DONE' ? imp : undefined;
      }, 30_000);
      expect(done).toMatchObject({ total: 12, processed: 12, imported: 12, alreadyImported: 0, rejected: 0 });
    } finally {
      await queue.close();
    }
    const ids = rows.map((_, i) => legacyCaseId('cci-register', `K${run}-${i}`));
    await eventually(async () => ((await stack.db.case.count({ where: { id: { in: ids }, phase: 'INQUIRY' } })) === 12 ? true : undefined), 30_000);
    // One registration each: no case started twice.
    expect(await stack.db.timelineEntry.count({ where: { caseId: { in: ids }, eventType: 'REGISTERED' } })).toBe(12);
  });

  it('lists an imported child already registered as a likely duplicate of her case, for review, merging nothing', async () => {
    const dcpu = await as(stack, 'dcpu.jaipur');
    const name = `Zubeida ${run.toLowerCase()} Qureshi`;
    // Rescued again last month and registered by the CWC, before the home's register was ported.
    const { body: registered } = await stack.http.post('/cases').set(await as(stack, 'cwc.jaipur')).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name, ageYears: 9, gender: 'FEMALE' } }).expect(201);
    const header = sample.split('\n')[0]!;
    const row = `D${run}-1,JJ/REG/RJ-JAIPUR/2023/01,${name},F,9,,CNCP,Rescued,,01/03/2025,01/03/2025,,,,,,,In Care,,,,`;
    const { body: started } = await stack.http.post('/imports/legacy').query({ source: 'cci-register', fileName: 'one.csv' }).set(dcpu).set('content-type', 'text/csv').send(`${header}\n${row}\n`).expect(202);
    expect(await finished(dcpu, started.id)).toMatchObject({ imported: 1, rejected: 0 });
    const imported = legacyCaseId('cci-register', `D${run}-1`);
    const suspect = await eventually(async () => {
      const { body } = await stack.http.get('/duplicates').query({ recordType: 'CASE', limit: 200 }).set(dcpu).expect(200);
      return (body.items as { record: { id: string }; duplicateOf: { id: string }; detectedOn: string; status: string }[]).find((s) => s.record.id === imported);
    }, 30_000);
    expect(suspect).toMatchObject({ duplicateOf: { id: registered.caseId }, detectedOn: 'IMPORT', status: 'PROPOSED' });
    // Both cases stand until a person decides.
    expect(await stack.db.case.count({ where: { id: { in: [imported, registered.caseId] }, mergedIntoId: null } })).toBe(2);
  });
});

describe('porting an observation home’s register (children in conflict with law)', () => {
  const run = randomBytes(3).toString('hex').toUpperCase();
  // The shipped sample, its case numbers and homes made this run's own.
  const sample = readFileSync(new URL('../../../porting/samples/observation-home-register-sample.csv', import.meta.url), 'utf8')
    .replaceAll('OH-JPR-', `OH-${run}-JPR-`)
    .replaceAll('OH-AJM-', `OH-${run}-AJM-`)
    .replaceAll('/2022/OH-01', `/2022/OH-01-${run}`)
    .replaceAll('/2022/SH-01', `/2022/SH-01-${run}`);
  const caseOf = (n: string) => legacyCaseId('observation-home-register', `OH-${run}-JPR-${n}`);
  const finished = (headers: { Authorization: string }, id: string) =>
    eventually(async () => {
      const { body } = await stack.http.get(`/imports/legacy/${id}`).set(headers).expect(200);
      return body.status === 'DONE' ? body : undefined;
    }, 30_000);

  it('makes each child a case before the JJB at the step the register says, marked imported, telling no one and naming no child', async () => {
    const dcpu = await as(stack, 'dcpu.jaipur');
    const home = (kind: string, no: string) => ({ name: `Government ${kind === 'SPECIAL_HOME' ? 'Special' : 'Observation'} Home ${run}, Jaipur`, districtCode: 'RJ-JAIPUR', kind, management: 'GOVERNMENT', registration: { no, from: '2022-04-01', until: '2027-03-31' } });
    await stack.http.post('/institutions').set(dcpu).send(home('OBSERVATION_HOME', `JJ/REG/RJ-JAIPUR/2022/OH-01-${run}`)).expect(201);
    await stack.http.post('/institutions').set(dcpu).send(home('SPECIAL_HOME', `JJ/REG/RJ-JAIPUR/2022/SH-01-${run}`)).expect(201);

    // Its children become cases of children in conflict with law, which the police register: the DCPU gets 403.
    await stack.http.post('/imports/legacy').query({ source: 'observation-home-register' }).set(dcpu).set('content-type', 'text/csv').send(sample).expect(403);
    const police = await as(stack, 'sho.jaipur');
    const dry = await stack.http.post('/imports/legacy').query({ source: 'observation-home-register', dryRun: 'true' }).set(police).set('content-type', 'text/csv').send(sample).expect(200);
    expect(dry.body).toMatchObject({ total: 6, wouldImport: 2, alreadyImported: 0 });
    expect(await stack.db.case.count({ where: { id: { in: [caseOf('2026-001'), caseOf('2026-002')] } } })).toBe(0);

    const first = await stack.http.post('/imports/legacy').query({ source: 'observation-home-register', fileName: 'oh-jaipur.csv' }).set(police).set('content-type', 'text/csv').send(sample).expect(202);
    const done = await finished(police, first.body.id);
    expect(done).toMatchObject({ kind: 'CICL_CHILD', total: 6, imported: 2, alreadyImported: 0, rejected: 4 });
    expect(done.rejections).toEqual([
      // The machine's refusal, in words: heinous at 16, no order before the preliminary assessment (s.15).
      expect.objectContaining({ line: 4, field: 'jjbOrderedAt', column: 'JJB Order Date', message: expect.stringContaining('“Preliminary assessment (heinous offence, 16–18)”') }),
      expect.objectContaining({ line: 5, field: 'bailRefusalGround', column: 'Ground of Refusal' }),
      expect.objectContaining({ line: 6, field: 'cci', column: 'Home Registration No', message: expect.stringContaining('register the home first') }),
      expect.objectContaining({ line: 7, field: 'child.ageYears', column: 'Age', message: expect.stringContaining('18 or more') }),
    ]);
    // s.74: what the porting office reads of a refused row names the home, the dates and the field, never the child.
    const said = JSON.stringify(done.rejections);
    for (const name of ['Sunil Kumar', 'Arif Khan', 'Deepak Jat', 'Manoj Gurjar']) expect(said).not.toContain(name);

    // Under inquiry after the Social Investigation Report; and in the special home under the JJB's order, plan made.
    const inquiry = await eventually(async () => {
      const c = await stack.db.case.findUnique({ where: { id: caseOf('2026-001') } });
      return c?.sequence === 3 ? c : undefined;
    }, 30_000);
    expect(inquiry).toMatchObject({ track: 'CICL', state: 'cicl.beforeJjb.inquiry', districtCode: 'RJ-JAIPUR', producedAt: new Date('2026-06-11T00:00:00+05:30') });
    const ordered = await eventually(async () => {
      const c = await stack.db.case.findUnique({ where: { id: caseOf('2026-002') } });
      return c?.sequence === 6 ? c : undefined;
    }, 30_000);
    expect(ordered).toMatchObject({ track: 'CICL', state: 'cicl.postOrder.followUp', phase: 'FOLLOW_UP' });
    // The JJB, whose cases they are, reads each child's history.
    const jjb = await as(stack, 'jjb.jaipur');
    const timeline = (await stack.http.get(`/cases/${ordered.id}/timeline`).set(jjb).expect(200)).body as { eventType: string; occurredAt: string; importedFrom?: string }[];
    expect(timeline.map((e) => e.eventType)).toEqual(['REGISTERED', 'PRODUCED_BEFORE_JJB', 'BAIL_DECIDED', 'SIR_SUBMITTED', 'PRELIMINARY_ASSESSMENT_COMPLETED', 'JJB_FINAL_ORDER_PASSED', 'ICP_PREPARED']);
    expect(timeline.every((e) => e.importedFrom === 'observation home')).toBe(true);
    expect(timeline.find((e) => e.eventType === 'JJB_FINAL_ORDER_PASSED')!.occurredAt).toBe('2026-08-09T18:30:00.000Z');
    // The inquiry's four months (s.14(1)) ran out in October: overdue, but not escalated the moment it was imported.
    expect((inquiry.openDeadlines as { id: string }[]).map((d) => d.id)).toContain('cicl.inquiry');
    // Imported history tells no one: no notice (which would carry the case, s.74) of an apprehension months old.
    for (const c of [inquiry, ordered]) {
      expect(await stack.db.notification.count({ where: { caseId: c.id } })).toBe(0);
      expect(await stack.db.escalation.count({ where: { caseId: c.id } })).toBe(0);
    }

    // The same register again: nothing twice.
    const again = await stack.http.post('/imports/legacy').query({ source: 'observation-home-register' }).set(police).set('content-type', 'text/csv').send(sample).expect(202);
    expect(await finished(police, again.body.id)).toMatchObject({ imported: 0, alreadyImported: 2, rejected: 4 });
    expect(await stack.db.timelineEntry.count({ where: { caseId: ordered.id } })).toBe(7);
  });
});
