// Porting legacy registers and catching duplicates, over HTTP with the real worker: a ZIPNET-like CSV imported
// twice (nothing twice), its bad rows named, a dry run that stores nothing, an import whose worker is killed
// mid-way and resumed, imported reports matched like new ones; a child registered twice, found and merged.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { enqueueLegacyImport, keyStoredCases, loadLegacySource, readExport, stageLegacyImport } from '@raksha/activities';
import { redisConnectionOptions, requireDataKeys } from '@raksha/config';
import { LEGACY_IMPORT_QUEUE, type LegacyImportJob } from '@raksha/contracts';
import { CaseRepository, COMMON_KEY_REPORTS, LegacyImportRepository, Sealer } from '@raksha/db';
import { childReportOf, storedKeys } from '@raksha/matching';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const HEADER = 'Record No,FIR/DD No,State,District,Name,Alias,Sex,Age,Height (cm),Complexion,Identification Marks,Language,Wearing Apparel,Father Name,Mother Name,Date of Missing,Place of Missing';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(await caseWorkflowBundle());
});
afterAll(() => stack?.stop());

describe('porting legacy registers', () => {
  const run = randomBytes(3).toString('hex').toUpperCase();

  const zipnet = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
  const ported = () => stack.db.childReport.count({ where: { legacySource: 'zipnet', legacyRecordId: { startsWith: `ZN-${run}` } } });
  const finished = (headers: { Authorization: string }, id: string) =>
    eventually(async () => {
      const { body } = await stack.http.get(`/imports/legacy/${id}`).set(headers).expect(200);
      return body.status === 'DONE' ? body : undefined;
    }, 30_000);

  const csv = zipnet([
    `ZN-${run}-1,DD 41/2019,Rajasthan,Jaipur,Sunita Meena,Sunu,F,11,135,Wheatish,mole on the chin,"Hindi,Marwari",green salwar suit,Ramesh Meena,Kamla Devi,14/03/2019,Sindhi Camp bus stand`,
    `ZN-${run}-2,DD 57/2019,Rajasthan,Jaipur,Mohit Kumar,,M,9-10,,Fair,,Hindi,blue shirt,Suresh Kumar,,02/07/2019 18:30,Jaipur Junction`,
    `ZN-${run}-3,FIR 112/2020,Rajasthan,Ajmeer,Pooja,,F,13,,,,,,,,11/01/2020,Dargah Bazaar`,
    `ZN-${run}-4,DD 9/2020,Rajasthan,Jaipur,Arjun Singh,,Boy,12,,,,,,,,31/02/2020,`,
    `ZN-${run}-5,DD 10/2020,Rajasthan,Jodhpur,Kavita,,F,8,,,,,,,,03/03/2020,Paota`,
  ]);

  it('imports a CSV once however often it is sent, names each bad row’s field and column, and matches what it imported', async () => {
    const police = await as(stack, 'sho.jaipur');
    // A found girl the imported missing report should be matched with, filed before the import.
    const cwc = await as(stack, 'cwc.jaipur');
    const { body: found } = await stack.http
      .post('/reports/found')
      .set(cwc)
      .send({ child: { name: 'सुनीता मीणा', gender: 'FEMALE', ageYears: { min: 11, max: 12 }, guardians: [{ relation: 'FATHER', name: 'रमेश मीणा' }] }, foundAt: '2019-03-20T10:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Jaipur Junction' } })
      .expect(201);

    const first = await stack.http.post('/imports/legacy').query({ source: 'zipnet', fileName: 'zipnet-jaipur.csv' }).set(police).set('content-type', 'text/csv').send(csv).expect(202);
    const done = await finished(police, first.body.id);
    expect(done).toMatchObject({ total: 5, processed: 5, imported: 2, alreadyImported: 0, rejected: 3 });
    // Each refusal names the row, the field and the source's column, in words.
    expect(done.rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, recordId: `ZN-${run}-3`, field: 'place.district', column: 'District', message: expect.stringContaining('no district of Rajasthan is named “Ajmeer”') }),
        expect.objectContaining({ line: 5, field: 'occurredAt', column: 'Date of Missing', message: expect.stringContaining('31/02/2020') }),
        expect.objectContaining({ line: 5, field: 'child.gender', column: 'Sex', message: expect.stringContaining('“Boy”') }),
        expect.objectContaining({ line: 6, field: 'place.district', message: 'Jodhpur is outside your jurisdiction' }),
      ]),
    );
    expect(await ported()).toBe(2);
    // Once finished, the source records (names, parents, places) are dropped; each row keeps only its outcome.
    const staged = await stack.db.legacyImportRow.findMany({ where: { importId: first.body.id }, orderBy: { position: 'asc' } });
    expect(staged.map((r) => [r.outcome, r.record])).toEqual([['IMPORTED', {}], ['IMPORTED', {}], ['REJECTED', {}], ['REJECTED', {}], ['REJECTED', {}]]);
    expect(staged[0]!.reportId).not.toBeNull();
    expect(JSON.stringify(staged)).not.toContain('Sunita');

    const again = await stack.http.post('/imports/legacy').query({ source: 'zipnet' }).set(police).set('content-type', 'text/csv').send(csv).expect(202);
    expect(await finished(police, again.body.id)).toMatchObject({ imported: 0, alreadyImported: 2, rejected: 3 });
    expect(await ported()).toBe(2);

    // Imported reports are matched like new ones, on the backfill queue.
    const sunita = await stack.db.childReport.findFirstOrThrow({ where: { legacySource: 'zipnet', legacyRecordId: `ZN-${run}-1` } });
    expect(sunita).toMatchObject({ kind: 'MISSING', status: 'OPEN', policeRef: 'DD 41/2019', districtCode: 'RJ-JAIPUR', stationId: 'POLICE_STATION-RJ-JAIPUR-PS-01' });
    const candidate = await eventually(async () => {
      const { body } = await stack.http.get(`/reports/${sunita.id}/candidates`).set(police).expect(200);
      return (body.items as { found: { id: string }; probability: number }[]).find((c) => c.found.id === found.id);
    }, 30_000);
    expect(candidate.probability).toBeGreaterThan(0.5);
    // Someone else's import is not theirs to read.
    await stack.http.get(`/imports/legacy/${first.body.id}`).set(await as(stack, 'sho.pune')).expect(404);
  });

  it('a dry run names the bad rows and stores nothing', async () => {
    const police = await as(stack, 'sho.jaipur');
    const dry = zipnet([`ZN-${run}-D1,DD 1/2021,Rajasthan,Jaipur,Ravi,,M,10,,,,,,,,01/01/2021,`, `ZN-${run}-D2,DD 2/2021,Rajasthan,Jaipur,,,Q,10,,,,,,,,,`]);
    const imports = await stack.db.legacyImport.count();
    const { body } = await stack.http.post('/imports/legacy').query({ source: 'zipnet', dryRun: 'true' }).set(police).set('content-type', 'text/csv').send(dry).expect(200);
    expect(body).toMatchObject({ dryRun: true, total: 2, wouldImport: 1, alreadyImported: 0 });
    // The API's document says so: 200 for a dry run, 202 for an import staged for the worker.
    const doc = (await stack.http.get('/docs/openapi.json').expect(200)).body as { paths: Record<string, { post: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/imports/legacy']!.post.responses)).toEqual(expect.arrayContaining(['200', '202']));
    expect(body.rejected).toEqual(expect.arrayContaining([expect.objectContaining({ line: 3, field: 'child.gender', column: 'Sex' }), expect.objectContaining({ line: 3, field: 'occurredAt', column: 'Date of Missing' })]));
    expect(await stack.db.legacyImport.count()).toBe(imports);
    expect(await stack.db.childReport.count({ where: { legacyRecordId: { startsWith: `ZN-${run}-D` } } })).toBe(0);
    // A file the mapping cannot read at all is refused as a whole, naming what is missing.
    const wrong = await stack.http.post('/imports/legacy').query({ source: 'zipnet' }).set(police).set('content-type', 'text/csv').send('Name,Age\nRavi,10\n').expect(422);
    expect(wrong.body.detail).toContain('“Record No”');
    const unknown = await stack.http.post('/imports/legacy').query({ source: 'nosuch' }).set(police).set('content-type', 'text/csv').send(dry).expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'source' });
  });

  it('resumes an import whose worker was killed mid-way: every row in, none twice', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `ZN-${run}-K${i},DD ${i}/2022,Rajasthan,Jaipur,Child ${i} Sharma,,${i % 2 ? 'M' : 'F'},${5 + (i % 10)},,,,,,Father ${i},,0${1 + (i % 9)}/02/2022,`);
    const mapping = loadLegacySource('zipnet');
    const imports = new LegacyImportRepository(stack.db, new Sealer(requireDataKeys(stack.config)));
    const sho = await stack.db.user.findUniqueOrThrow({ where: { username: 'sho.jaipur' } });
    // Staged without its job: the stack's worker does not take it; a worker process of its own does, and is killed.
    const id = await stageLegacyImport({ imports, jobs: { add: async () => undefined } }, mapping, readExport(mapping, zipnet(rows), 'csv'), {
      fileName: 'big.csv',
      importer: { userId: sho.id, role: 'STATION_OFFICER', bodyId: sho.bodyId, isPolice: true },
    });
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'apps/worker/test/import-until-killed.ts', id], { env: { ...process.env, DATABASE_URL: stack.config.databaseUrl, REDIS_URL: stack.config.redisUrl }, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    await eventually(async () => ((await imports.find(id))!.processed >= 10 ? true : undefined), 60_000);
    child.kill('SIGKILL');
    await exited;
    const halfway = (await imports.find(id))!;
    expect(halfway.status).toBe('RUNNING');
    expect(halfway.processed).toBeLessThan(60);

    // Started again (as a worker does at start for an unfinished import), it goes on from the position on record.
    const queue = new Queue<LegacyImportJob>(LEGACY_IMPORT_QUEUE, { connection: redisConnectionOptions(stack.config.redisUrl) });
    try {
      await enqueueLegacyImport(queue, id);
      const done = await eventually(async () => {
        const imp = (await imports.find(id))!;
        return imp.status === 'DONE' ? imp : undefined;
      }, 30_000);
      expect(done).toMatchObject({ total: 60, processed: 60, imported: 60, rejected: 0, matchQueued: 60 });
    } finally {
      await queue.close();
    }
    expect(await stack.db.childReport.count({ where: { legacySource: 'zipnet', legacyRecordId: { startsWith: `ZN-${run}-K` } } })).toBe(60);
    expect(await stack.db.legacyImportRow.count({ where: { importId: id, outcome: 'IMPORTED' } })).toBe(60);
  });
});

describe('duplicates', () => {
  it('shows a child already registered before a second registration, lists it after, and merges the two with both timelines', async () => {
    const cwc = await as(stack, 'cwc.jodhpur');
    const name = `Lakshmi ${randomBytes(2).toString('hex')}`;
    const { body: first } = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JODHPUR', child: { name: `${name} Kumari`, ageYears: 9, gender: 'FEMALE' } }).expect(201);
    await stack.http.post(`/cases/${first.caseId}/events`).set(cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'RPF Jodhpur' } }).expect(200);

    // The form asks before saving: the same girl, the name spelt otherwise.
    const { body: preview } = await stack.http.post('/cases/duplicates').set(cwc).send({ districtCode: 'RJ-JODHPUR', child: { name: `${name} Kumari`, ageYears: 10, gender: 'FEMALE' } }).expect(200);
    expect(preview.items[0]).toMatchObject({ record: { recordType: 'CASE', id: first.caseId, name: `${name} Kumari` } });
    expect(preview.items[0].probability).toBeGreaterThanOrEqual(0.5);
    // Someone of another district is not shown Jodhpur's child.
    const elsewhere = await stack.http.post('/cases/duplicates').set(await as(stack, 'cwc.pune')).send({ districtCode: 'MH-PUNE', child: { name: `${name} Kumari`, ageYears: 9, gender: 'FEMALE' } }).expect(200);
    expect((elsewhere.body.items as { record: { id: string } }[]).map((d) => d.record.id)).not.toContain(first.caseId);

    // Registered anyway (the officer was not sure): the pair is listed for review.
    const { body: second } = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JODHPUR', child: { name: `${name} Kumari`, ageYears: 10, gender: 'FEMALE' } }).expect(201);
    const { body: listed } = await stack.http.get('/duplicates').query({ recordType: 'CASE' }).set(cwc).expect(200);
    // Other girls with a like name may be listed too; the one registered under the same name comes first.
    const suspect = (listed.items as { id: string; record: { id: string }; duplicateOf: { id: string }; detectedOn: string }[]).find((s) => s.record.id === second.caseId);
    expect(suspect).toMatchObject({ duplicateOf: { id: first.caseId }, detectedOn: 'REGISTRATION' });

    // The district's dashboard counts one child once: before the merge it counts two cases.
    const monitor = await as(stack, 'monitor.rj');
    const cncpCases = async () => {
      const { body } = await stack.http.get('/dashboards/overview').set(monitor).query({ districtCode: 'RJ-JODHPUR' }).expect(200);
      return (body.casesByTrackAndPhase as { track: string; cases: number }[]).filter((r) => r.track === 'CNCP').reduce((n, r) => n + r.cases, 0);
    };
    const before = await cncpCases();
    const merged = await stack.http.post(`/duplicates/${suspect!.id}/merge`).set(cwc).send({ note: 'same girl, registered twice by the night shift' }).expect(200);
    expect(await cncpCases()).toBe(before - 1);
    expect(merged.body).toMatchObject({ status: 'MERGED', survivorId: first.caseId });
    await stack.http.post(`/duplicates/${suspect!.id}/merge`).set(cwc).send({ note: 'again' }).expect(409);

    // Reads of the merged id lead to the survivor; its timeline holds both cases' steps.
    const { body: read } = await stack.http.get(`/cases/${second.caseId}`).set(cwc).expect(200);
    expect(read.id).toBe(first.caseId);
    // Writes to it do too: the merged case's own workflow has ended (an assignment answered 503; found by test/fuzz).
    const { id: member } = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jodhpur' } });
    const { body: assigned } = await stack.http.post(`/cases/${second.caseId}/assignment`).set(cwc).send({ userId: member }).expect(200);
    expect(assigned.id).toBe(first.caseId);
    const { body: timeline } = await stack.http.get(`/cases/${first.caseId}/timeline`).set(cwc).expect(200);
    const steps = (timeline as { eventType: string; mergedFromCaseId?: string }[]).map((e) => `${e.eventType}${e.mergedFromCaseId ? ' (merged)' : ''}`);
    expect(steps).toEqual(expect.arrayContaining(['REGISTERED', 'PRODUCED_BEFORE_CWC', 'REGISTERED (merged)']));
    // The merged case is listed no more, and the link is on the audit trail of both.
    const { body: page } = await stack.http.get('/cases').query({ districtCode: 'RJ-JODHPUR', limit: 100 }).set(cwc).expect(200);
    expect((page.items as { id: string }[]).map((c) => c.id)).not.toContain(second.caseId);
    for (const id of [first.caseId, second.caseId]) expect(await stack.db.auditEntry.count({ where: { chain: `case-merges:${id}`, action: 'case.merged' } })).toBe(1);
  });

  it('looks for a commonly named child in its own district only, and for a rarely named one across the state', async () => {
    // Made-up names of this run alone: one the register already holds for many children, one it holds for none.
    const word = () => Array.from(randomBytes(3), (b) => 'bdgkmnprstv'[b % 11]! + 'aeiou'[(b >> 4) % 5]!).join('');
    const common = `Ko${word()}`;
    const rare = `Zu${word()}`;
    const father = `Ha${word()}`;
    const child = (name: string) => ({ name, gender: 'FEMALE', ageYears: { min: 10, max: 10 }, guardians: [{ relation: 'FATHER', name: father }] });
    // More than a hundred children of that name and father were reported missing before (closed, in another state).
    const keys = storedKeys(childReportOf({ id: 'earlier', kind: 'MISSING', description: child(common) as never, occurredAt: '2025-01-01T00:00:00Z', place: { stateCode: 'MH', districtCode: 'MH-PUNE' } }));
    await stack.db.childReport.createMany({
      data: Array.from({ length: COMMON_KEY_REPORTS + 1 }, () => ({
        id: randomUUID(), kind: 'MISSING', status: 'CLOSED', filedBy: randomUUID(), filedByRole: 'STATION_OFFICER', description: child(common), occurredAt: new Date('2025-01-01T00:00:00Z'), stateCode: 'MH', districtCode: 'MH-PUNE',
        searchName: keys.searchName, nameKeys: keys.nameKeys, nameSkeletons: keys.nameSkeletons, guardianKeys: keys.guardianKeys, gender: 'FEMALE', birthYearMin: keys.birthYearMin, birthYearMax: keys.birthYearMax, keysVersion: keys.keysVersion, createdAt: new Date(),
      })),
    });
    const file = async (who: string, districtCode: string, name: string) => {
      const { body } = await stack.http.post('/reports/missing').set(await as(stack, who)).send({ child: child(name), lastSeenAt: '2026-10-01T10:00:00+05:30', place: { districtCode }, policeRef: `DD ${randomBytes(2).toString('hex')}/2026` }).expect(201);
      return body.id as string;
    };
    const jaipurCommon = await file('sho.jaipur', 'RJ-JAIPUR', common);
    const jaipurRare = await file('sho.jaipur', 'RJ-JAIPUR', rare);
    const jodhpurCommon = await file('sho.jodhpur', 'RJ-JODHPUR', common);
    const jodhpurRare = await file('sho.jodhpur', 'RJ-JODHPUR', rare);
    const jodhpurCommonAgain = await file('sho.jodhpur', 'RJ-JODHPUR', common);

    // The state's monitor reviews Rajasthan's duplicates.
    const { body: listed } = await stack.http.get('/duplicates').query({ recordType: 'REPORT', limit: 100 }).set(await as(stack, 'monitor.rj')).expect(200);
    const listedFor = (id: string) => (listed.items as { record: { id: string }; duplicateOf: { id: string } }[]).filter((s) => s.record.id === id).map((s) => s.duplicateOf.id);
    // The rare name is looked for across the state: Jaipur's girl is listed against Jodhpur's.
    expect(listedFor(jodhpurRare)).toContain(jaipurRare);
    // The common one only in Jodhpur: Jaipur's girl of that name is not listed, Jodhpur's earlier one is.
    expect(listedFor(jodhpurCommon)).not.toContain(jaipurCommon);
    expect(listedFor(jodhpurCommonAgain)).toContain(jodhpurCommon);
    expect(listedFor(jodhpurCommonAgain)).not.toContain(jaipurCommon);

    // Cases likewise: registrations are compared by the same rule.
    const register = async (who: string, districtCode: string, name: string) => {
      const { body } = await stack.http.post('/cases').set(await as(stack, who)).send({ track: 'CNCP', districtCode, child: { name, ageYears: 10, gender: 'FEMALE' } }).expect(201);
      return body.caseId as string;
    };
    const caseJaipurCommon = await register('cwc.jaipur', 'RJ-JAIPUR', common);
    const caseJaipurRare = await register('cwc.jaipur', 'RJ-JAIPUR', rare);
    const caseJodhpurCommon = await register('cwc.jodhpur', 'RJ-JODHPUR', common);
    const caseJodhpurRare = await register('cwc.jodhpur', 'RJ-JODHPUR', rare);
    const { body: cases } = await stack.http.get('/duplicates').query({ recordType: 'CASE', limit: 100 }).set(await as(stack, 'monitor.rj')).expect(200);
    const caseListedFor = (id: string) => (cases.items as { record: { id: string }; duplicateOf: { id: string } }[]).filter((s) => s.record.id === id).map((s) => s.duplicateOf.id);
    expect(caseListedFor(caseJodhpurRare)).toContain(caseJaipurRare);
    expect(caseListedFor(caseJodhpurCommon)).not.toContain(caseJaipurCommon);

    // A case registered before cases kept name keys gets them from the worker's pass over stored cases.
    const { childKeys } = await stack.db.case.findUniqueOrThrow({ where: { id: caseJaipurRare } });
    expect(childKeys.length).toBeGreaterThan(0);
    await stack.db.case.update({ where: { id: caseJaipurRare }, data: { childKeys: [] } });
    expect(await keyStoredCases(new CaseRepository(stack.db, new Sealer(requireDataKeys(stack.config))))).toBeGreaterThanOrEqual(1);
    expect((await stack.db.case.findUniqueOrThrow({ where: { id: caseJaipurRare } })).childKeys).toEqual(childKeys);
  });

  it('shows a missing child already reported before the second report, and merges the reports into one', async () => {
    const police = await as(stack, 'sho.jodhpur');
    const tag = randomBytes(2).toString('hex');
    const child = { name: `Ravi ${tag} Bishnoi`, gender: 'MALE', ageYears: { min: 12, max: 12 }, guardians: [{ relation: 'FATHER', name: `Mohan ${tag} Bishnoi` }] };
    const { body: first } = await stack.http.post('/reports/missing').set(police).send({ child, lastSeenAt: '2026-10-01T10:00:00+05:30', place: { districtCode: 'RJ-JODHPUR' }, policeRef: `DD ${tag}/2026` }).expect(201);
    const { body: preview } = await stack.http.post('/reports/duplicates').set(police).send({ kind: 'MISSING', child, place: { districtCode: 'RJ-JODHPUR' } }).expect(200);
    expect(preview.items[0]).toMatchObject({ record: { recordType: 'REPORT', id: first.id, policeRef: `DD ${tag}/2026` } });
    const { body: second } = await stack.http.post('/reports/missing').set(police).send({ child, lastSeenAt: '2026-10-02T10:00:00+05:30', place: { districtCode: 'RJ-JODHPUR' }, policeRef: `DD ${tag}b/2026` }).expect(201);
    const { body: listed } = await stack.http.get('/duplicates').query({ recordType: 'REPORT' }).set(police).expect(200);
    const suspect = (listed.items as { id: string; record: { id: string } }[]).find((s) => s.record.id === second.id)!;
    await stack.http.post(`/duplicates/${suspect.id}/merge`).set(police).send({ note: 'the mother reported at two stations' }).expect(200);
    expect((await stack.http.get(`/reports/${second.id}`).set(police).expect(200)).body.id).toBe(first.id);
    expect(await stack.db.childReport.findUnique({ where: { id: second.id }, select: { mergedIntoId: true, status: true } })).toEqual({ mergedIntoId: first.id, status: 'CLOSED' });
  });
});
