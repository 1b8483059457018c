// A case's orders and documents over HTTP against the real stack: an order recorded on the timeline becomes a PDF in
// English and Hindi (made by the worker's job), readable by the case's readers only, its hash verifiable against the
// audit chain; a report uploaded to the case is checked by its bytes, and a spoofed one leaves nothing behind.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { extractText, getDocumentProxy } from 'unpdf';
import type { CaseDocumentView, DocumentVerification } from '@raksha/contracts';
import { DocumentStore } from '@raksha/documents';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

type Headers = { Authorization: string };

/** The words of a PDF, whitespace made single (a line may break inside a case number). */
async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Everything stored under the documents directory, file by file. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

// The smallest whole PNG (a 1×1 pixel) and a Windows program's first bytes.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8a5a90000000049454e44ae426082', 'hex');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe('orders and documents', () => {
  let stack: Stack;
  let cwc: Headers;
  let cci: Headers;
  let outsider: Headers;
  let store: DocumentStore;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    [cwc, cci, outsider] = await Promise.all([as(stack, 'cwc.jaipur'), as(stack, 'cci.jaipur'), as(stack, 'cwc.jodhpur')]);
    store = new DocumentStore(stack.config.documents.dir);
  });
  afterAll(() => stack?.stop());

  const send = async (caseId: string, type: string, payload: Record<string, unknown>, who: Headers = cwc) => (await stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200)).body;
  const documentsOf = async (caseId: string, who: Headers = cwc) => (await stack.http.get(`/cases/${caseId}/documents`).set(who).expect(200)).body as CaseDocumentView[];
  const pdf = async (caseId: string, docId: string, who: Headers = cwc) =>
    (await stack.http.get(`/cases/${caseId}/documents/${docId}`).set(who).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
  const verify = async (caseId: string, docId: string, who: Headers = cwc) => (await stack.http.get(`/cases/${caseId}/documents/${docId}/verify`).set(who).expect(200)).body as DocumentVerification;

  it('makes an interim placement order into a Form 18 PDF in English and Hindi naming the child, its hash verifiable; an altered file is caught', async () => {
    // A district of its own, with a registered children's home (places for boys of 12–17) the order can name.
    const d = await isolatedDistrict(stack, [5]);
    const { body: registered } = await stack.http.post('/cases').set(d.cwc).send({ track: 'CNCP', districtCode: d.districtCode, child: { ageYears: 13, gender: 'MALE', name: 'Raju Meena' } }).expect(201);
    const caseId = registered.caseId as string;
    await send(caseId, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' }, d.cwc);
    await send(caseId, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'CWC/JPR/F18/7', placeId: d.ccis[0] }, d.cwc);
    const placeName = (await stack.db.body.findUniqueOrThrow({ where: { id: d.ccis[0]! } })).name;

    // Two orders, two languages each; the worker makes them a moment after each step is on record.
    const docs = await eventually(async () => {
      const list = await documentsOf(caseId, d.cwc);
      return list.length === 4 ? list : undefined;
    }, 30_000);
    const placement = docs.filter((d) => d.eventType === 'INTERIM_PLACEMENT_ORDERED');
    expect(placement.map((d) => [d.kind, d.form, d.language, d.contentType]).sort()).toEqual([
      ['ORDER', 'F.18', 'en', 'application/pdf'],
      ['ORDER', 'F.18', 'hi', 'application/pdf'],
    ]);
    const english = placement.find((d) => d.language === 'en')!;
    const hindi = placement.find((d) => d.language === 'hi')!;

    const text = await pdfText(await pdf(caseId, english.id, d.cwc));
    expect(text).toContain('Order of interim placement of the child pending inquiry');
    expect(text).toContain('Form 18');
    expect(text).toContain('Raju Meena');
    expect(text).toContain(registered.caseNumber);
    expect(text).toContain('CWC/JPR/F18/7');
    expect(text).toContain(placeName);
    expect(text).toMatch(/Date of the order: \d{1,2} [A-Z][a-z]+ \d{4}/); // in words, not an ISO time
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const hindiText = await pdfText(await pdf(caseId, hindi.id, d.cwc));
    expect(hindiText).toContain('Raju Meena');
    expect(hindiText).toContain('प्रपत्र 18');

    // The read is on the case's chain of reads, naming the document.
    const reads = await stack.db.auditEntry.findMany({ where: { chain: `reads:case:${caseId}`, action: 'case.document.read' } });
    expect(reads.map((r) => (r.detail as { documentId: string }).documentId)).toContain(english.id);

    expect(await verify(caseId, english.id, d.cwc)).toMatchObject({ verified: true, chainIntact: true, sha256: english.sha256, recordedSha256: english.sha256, problems: [] });

    // Someone alters the stored file: the hash no longer matches the audit chain's.
    const path = store.pathOf(english.sha256);
    const original = await pdf(caseId, english.id, d.cwc);
    await writeFile(path, Buffer.concat([original, Buffer.from('\n% altered\n')]));
    const altered = await verify(caseId, english.id, d.cwc);
    expect(altered.verified).toBe(false);
    expect(altered.recordedSha256).toBe(english.sha256);
    expect(altered.sha256).not.toBe(english.sha256);
    expect(altered.problems.join(' ')).toContain('altered');
    await writeFile(path, original);
    expect((await verify(caseId, english.id, d.cwc)).verified).toBe(true);

    // Outside the jurisdiction (Jaipur's CWC here) the case's documents do not exist.
    await stack.http.get(`/cases/${caseId}/documents`).set(cwc).expect(404);
    await stack.http.get(`/cases/${caseId}/documents/${english.id}`).set(cwc).expect(404);
  });

  it('keeps an uploaded age-determination report sealed, and refuses a program named .pdf with the field named, storing nothing', async () => {
    const { body: registered } = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { ageYears: 12, name: 'Ravi' } }).expect(201);
    const caseId = registered.caseId as string;

    const { body: uploaded } = await stack.http
      .post(`/cases/${caseId}/documents`)
      .set(cci)
      .field('kind', 'AGE_DETERMINATION')
      .field('title', 'Ossification test report, SMS Hospital')
      .attach('file', PNG, { filename: 'xray.png', contentType: 'image/png' })
      .expect(201);
    expect(uploaded).toMatchObject({ kind: 'AGE_DETERMINATION', contentType: 'image/png', sealed: true, byteSize: PNG.length, createdBy: expect.any(String) });
    // Stored sealed: the file on disk is not the image, and the image comes back whole.
    const stored = await stack.db.caseDocument.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect((await store.get(stored.storedSha256))!.includes(PNG)).toBe(false);
    const back = await stack.http.get(`/cases/${caseId}/documents/${uploaded.id}`).set(cwc).expect(200);
    expect(Buffer.from(back.body as Buffer).equals(PNG)).toBe(true);
    expect(await verify(caseId, uploaded.id)).toMatchObject({ verified: true });

    const before = await storedFiles(stack.config.documents.dir);
    const spoofed = await stack.http
      .post(`/cases/${caseId}/documents`)
      .set(cci)
      .field('kind', 'SIR')
      .field('title', 'Social investigation report')
      .attach('file', EXE, { filename: 'sir.pdf', contentType: 'application/pdf' })
      .expect(422);
    expect(spoofed.headers['content-type']).toContain('application/problem+json');
    expect(spoofed.body.errors).toEqual([expect.objectContaining({ field: 'file', key: 'error.fileType' })]);
    expect(await storedFiles(stack.config.documents.dir)).toEqual(before);
    expect(await stack.db.caseDocument.count({ where: { caseId } })).toBe(1);

    // Outside the jurisdiction the case does not exist, to upload to as to read.
    await stack.http.post(`/cases/${caseId}/documents`).set(outsider).field('kind', 'OTHER').field('title', 'A report').attach('file', PNG, 'x.png').expect(404);

    // A missing kind is named too, and nothing is stored.
    const noKind = await stack.http.post(`/cases/${caseId}/documents`).set(cci).field('title', 'A report').attach('file', PNG, 'x.png').expect(400);
    expect(noKind.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    expect(await stack.db.caseDocument.count({ where: { caseId } })).toBe(1);
  });
});
