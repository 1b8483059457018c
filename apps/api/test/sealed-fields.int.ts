// Personal data sealed at rest (docs/sealed-fields.md): what the API stores of a report's reporter, place and photo, a
// child's guardians and address, a face descriptor and a CICL child's offence is no clear text in the tables (read with
// SQL through pg, as someone with database access would), while entitled users read it back; after a key rotation new
// writes take the new key, old values still open, and the re-seal job moves them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataKeyRing, dataKeyId, requireDataKeys } from '@raksha/config';
import { descriptorBytes, FaceRepository, ReportRepository, Sealer, SealedFieldsRepository } from '@raksha/db';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const tag = randomBytes(3).toString('hex');
const REPORTER = { name: `Sunita Devi ${tag}`, phone: '9414012345', email: `sunita.${tag}@example.in` };
const PLACE = `Near the Hanuman temple, ward ${tag}`;
const GUARDIAN_PHONE = '9829054321';
const ADDRESS_LINE = `house 12, gali ${tag}`;
const FIR = `FIR ${tag}/2026 Kotwali`;

describe('sealed fields', () => {
  let stack: Stack;
  let sql: pg.Client;
  let keys: DataKeyRing;
  /** Every column of a row as text, as a database reader sees it. */
  const rawRow = async (table: string, where: string, ...params: unknown[]) => {
    const { rows } = await sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table}" t WHERE ${where}`, params);
    return rows.map((r) => r.row).join('\n');
  };

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    sql = new pg.Client({ connectionString: stack.config.databaseUrl });
    await sql.connect();
    keys = requireDataKeys(stack.config);
  });
  afterAll(async () => {
    await sql?.end();
    await stack?.stop();
  });

  let reportId: string;

  it('stores a report’s reporter, place and photo sealed under the current key, and shows them to the police', async () => {
    const police = await as(stack, 'sho.jaipur');
    const { body } = await stack.http
      .post('/reports/missing')
      .set(police)
      .send({ child: { name: `Meena ${tag}`, gender: 'FEMALE', ageYears: { min: 9, max: 9 } }, lastSeenAt: '2026-09-01T10:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: PLACE }, policeRef: `MD ${tag}`, reporter: REPORTER, photo: { contentType: 'image/png', base64: PNG } })
      .expect(201);
    reportId = body.id;

    const row = await rawRow('ChildReport', 'id = $1', reportId);
    for (const clear of [REPORTER.name, REPORTER.phone, REPORTER.email, PLACE, 'Hanuman']) expect(row).not.toContain(clear);
    const { rows } = await sql.query<{ contact: string; place: string; photo: Buffer }>(`SELECT "reporterContact" #>> '{}' AS contact, "placeText" AS place, photo FROM "ChildReport" WHERE id = $1`, [reportId]);
    const stored = rows[0]!;
    for (const sealed of [stored.contact, stored.place, stored.photo.toString('utf8')]) expect(Sealer.keyIdOf(sealed)).toBe(keys.current.id);
    expect(stored.photo.includes(Buffer.from(PNG, 'base64').subarray(1, 4))).toBe(false); // no "PNG" signature

    const { body: read } = await stack.http.get(`/reports/${reportId}`).set(police).expect(200);
    expect(read.reporter).toMatchObject(REPORTER);
    expect(read.place.text).toBe(PLACE);
    const photo = await stack.http.get(`/reports/${reportId}/photo`).set(police).expect(200);
    expect(Buffer.from(photo.body as Buffer).equals(Buffer.from(PNG, 'base64'))).toBe(true);
  });

  it('stores a child’s guardians, address and photo, and a CICL child’s offence, sealed; the case’s officers read them', async () => {
    const sjpu = await as(stack, 'sjpu.jaipur');
    const jjb = await as(stack, 'jjb.jaipur');
    const child = { name: `Raju ${tag}`, ageYears: 15, guardians: [{ name: 'Mohan Lal', relation: 'FATHER', phone: GUARDIAN_PHONE }], address: { districtCode: 'RJ-JAIPUR', line: ADDRESS_LINE }, photo: { contentType: 'image/png', base64: PNG } };
    const { body: registered } = await stack.http.post('/cases').set(sjpu).send({ track: 'CICL', districtCode: 'RJ-JAIPUR', child }).expect(201);
    const caseId: string = registered.caseId;
    await stack.http.post(`/cases/${caseId}/events`).set(jjb).send({ type: 'PRODUCED_BEFORE_JJB', payload: { offenceCategory: 'SERIOUS', ageAtOffence: 15, firRef: FIR } }).expect(200);

    const stored = [
      await rawRow('ChildProfileVersion', '"caseId" = $1', caseId),
      await rawRow('Case', 'id = $1', caseId),
      await rawRow('TimelineEntry', '"caseId" = $1', caseId),
      await rawRow('AuditEntry', `chain LIKE '%' || $1`, caseId),
    ].join('\n');
    for (const clear of [GUARDIAN_PHONE, ADDRESS_LINE, FIR, 'SERIOUS', PNG.slice(0, 20)]) expect(stored).not.toContain(clear);
    const { rows } = await sql.query<{ sealed: string }>(`SELECT payload->>'sealed' AS sealed FROM "TimelineEntry" WHERE "caseId" = $1 AND "eventType" = 'PRODUCED_BEFORE_JJB'`, [caseId]);
    expect(Sealer.keyIdOf(rows[0]!.sealed)).toBe(keys.current.id);

    const { body: profile } = await stack.http.get(`/cases/${caseId}/child`).set(jjb).expect(200);
    expect(profile.guardians[0].phone).toBe(GUARDIAN_PHONE);
    expect(profile.address.line).toBe(ADDRESS_LINE);
    const { body: timeline } = await stack.http.get(`/cases/${caseId}/timeline`).set(jjb).expect(200);
    const production = (timeline.items ?? timeline).find((s: { eventType?: string; type?: string }) => (s.eventType ?? s.type) === 'PRODUCED_BEFORE_JJB');
    expect(production.payload).toMatchObject({ offenceCategory: 'SERIOUS', ageAtOffence: 15, firRef: FIR });
    expect(production.payload).not.toHaveProperty('sealed');
  });

  it('after a rotation: new writes take the new key, old values open before the re-seal job, and the job moves them', async () => {
    const newKey = randomBytes(32);
    const rotated = new Sealer(new DataKeyRing(newKey, [Buffer.from(stack.config.dataKey!, 'base64')]));
    const reports = new ReportRepository(stack.db, rotated);
    const faces = new FaceRepository(stack.db, rotated);
    // A row stored before its field was sealed: clear text, as the migration found it.
    await sql.query(`UPDATE "ChildReport" SET "placeText" = $2 WHERE id = $1`, [reportId, PLACE]);
    const descriptor = Array.from({ length: 128 }, (_, i) => Math.fround(Math.sin(i) / 10));
    await sql.query(`INSERT INTO "FaceDescriptor" ("reportId", kind, status, descriptor, model, faces, "computedAt") VALUES ($1, 'MISSING', 'DESCRIBED', $2, 'test', 1, now())`, [reportId, Buffer.from(descriptorBytes(descriptor))]);

    // Before the re-seal: the old key's values and the clear ones still read.
    const before = await reports.findById(reportId);
    expect(before?.reporterContact).toMatchObject(REPORTER);
    expect(before?.placeText).toBe(PLACE);
    expect((await faces.find(reportId))?.descriptor).toEqual(descriptor);

    // A new write takes the new key.
    await faces.save({ ...(await faces.find(reportId))!, computedAt: new Date() });
    const { rows: saved } = await sql.query<{ d: Buffer }>(`SELECT descriptor AS d FROM "FaceDescriptor" WHERE "reportId" = $1`, [reportId]);
    expect(Sealer.keyIdOf(saved[0]!.d.toString('utf8'))).toBe(dataKeyId(newKey));
    await sql.query(`UPDATE "FaceDescriptor" SET descriptor = $2 WHERE "reportId" = $1`, [reportId, Buffer.from(descriptorBytes(descriptor))]);

    const census = () => new SealedFieldsRepository(stack.db, rotated).census();
    expect((await census())['ChildReport.placeText']).toHaveProperty('clear');
    try {
      const outcome = await new SealedFieldsRepository(stack.db, rotated).resealAll();
      expect(outcome.unopened).toEqual({});
      expect(outcome.resealed['ChildReport.placeText']).toBeGreaterThanOrEqual(1);
      expect(outcome.resealed['TimelineEntry.payload.sealed']).toBeGreaterThanOrEqual(1);
      const after = await census();
      for (const [column, byKey] of Object.entries(after)) for (const key of Object.keys(byKey)) expect(`${column} ${key}`).toBe(`${column} v2 ${dataKeyId(newKey)}`);
      const row = await rawRow('ChildReport', 'id = $1', reportId);
      expect(row).not.toContain(PLACE);
      expect(await reports.findById(reportId)).toMatchObject({ reporterContact: REPORTER, placeText: PLACE });
      expect((await reports.photo(reportId))?.photo?.equals(Buffer.from(PNG, 'base64'))).toBe(true);
      expect((await faces.find(reportId))?.descriptor).toEqual(descriptor);
    } finally {
      // Back under the stack's key, so the API (which holds only that one) and later test files read every row.
      const back = await new SealedFieldsRepository(stack.db, new Sealer(new DataKeyRing(Buffer.from(stack.config.dataKey!, 'base64'), [newKey]))).resealAll();
      expect(back.unopened).toEqual({});
    }
    const police = await as(stack, 'sho.jaipur');
    expect((await stack.http.get(`/reports/${reportId}`).set(police).expect(200)).body.place.text).toBe(PLACE);
  });
});
