import { Injectable } from '@nestjs/common';
import { type CaseDocumentView, describeIssues, type DocumentVerification, documentUploadFields } from '@raksha/contracts';
import { type CaseDocumentRecord, DocumentRepository } from '@raksha/db';
import { DocumentVault, UploadRefused } from '@raksha/documents';
import { ReadAudit } from '../auth/read-audit.js';
import { can, type Principal } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';
import { invalidInput, notFound, problem, uploadRefused } from '../problem/domain-errors.js';
import { UPLOAD_FILE_FIELD, type UploadedFile } from './upload.interceptor.js';

const view = (d: CaseDocumentRecord, names: Map<string, string>): CaseDocumentView => ({
  id: d.id,
  kind: d.kind as CaseDocumentView['kind'],
  form: d.form,
  eventType: d.eventType,
  sequence: d.sequence,
  language: d.language as CaseDocumentView['language'],
  title: d.title,
  contentType: d.contentType as CaseDocumentView['contentType'],
  byteSize: d.byteSize,
  sha256: d.sha256,
  sealed: d.sealed,
  createdAt: d.createdAt.toISOString(),
  createdBy: d.createdBy ? (names.get(d.createdBy) ?? null) : null,
});

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * A case's documents: who can read the case reads its orders and reports (a medical report also needs the right to
 * open medical records, as in the eFile); every read of a document is audited before its bytes go out.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly vault: DocumentVault,
    private readonly documents: DocumentRepository,
    private readonly cases: CasesService,
    private readonly reads: ReadAudit,
  ) {}

  async list(principal: Principal, caseId: string): Promise<CaseDocumentView[]> {
    await this.cases.visible(principal, caseId);
    const docs = (await this.documents.list(caseId)).filter((d) => this.mayOpen(principal, d));
    await this.reads.record(principal, 'case', caseId, 'case.documents.listed', { documents: docs.map((d) => d.id) });
    const names = await this.documents.namesOf(docs.map((d) => d.createdBy));
    return docs.map((d) => view(d, names));
  }

  /** The document's bytes, as made or uploaded; the read is on the case's chain of reads before they are sent. */
  async file(principal: Principal, caseId: string, documentId: string): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
    const { doc, caseNumber } = await this.visibleDocument(principal, caseId, documentId);
    const bytes = await this.vault.read(doc);
    if (!bytes) throw problem('document-file-missing', `the file of document ${documentId} is not in the store`);
    await this.reads.record(principal, 'case', caseId, 'case.document.read', { documentId, kind: doc.kind, sha256: doc.sha256 });
    const base = [caseNumber?.replaceAll('/', '-') ?? 'case', doc.kind === 'ORDER' ? (doc.form?.replace('F.', 'form-') ?? 'order') : doc.kind.toLowerCase(), doc.sequence ?? '', doc.language ?? '']
      .filter((p) => p !== '')
      .join('_');
    return { bytes, contentType: doc.contentType, filename: `${base}.${EXTENSION[doc.contentType] ?? 'bin'}` };
  }

  async verify(principal: Principal, caseId: string, documentId: string): Promise<DocumentVerification> {
    const { doc } = await this.visibleDocument(principal, caseId, documentId);
    return this.vault.verify(doc);
  }

  /** A report uploaded to the case: fields and file checked before anything is stored. */
  async upload(principal: Principal, caseId: string, fields: unknown, file: UploadedFile | undefined): Promise<CaseDocumentView> {
    await this.cases.visible(principal, caseId);
    const parsed = documentUploadFields.safeParse(fields ?? {});
    const issues = parsed.success ? [] : describeIssues(parsed.error.issues, []);
    if (!file) issues.push({ field: UPLOAD_FILE_FIELD, message: 'attach the file', key: 'error.fileRequired', params: { field: UPLOAD_FILE_FIELD } });
    if (!parsed.success || !file) throw invalidInput(issues);
    if (parsed.data.kind === 'MEDICAL' && !can(principal, 'efile:medical')) throw problem('forbidden', 'your role may not keep medical records');
    const role = principal.roles.find((r) => can({ ...principal, roles: [r] }, 'document:upload')) ?? principal.roles[0]!;
    try {
      const doc = await this.vault.upload({ caseId, kind: parsed.data.kind, title: parsed.data.title, bytes: file.buffer, by: { userId: principal.userId, role } });
      return view(doc, await this.documents.namesOf([doc.createdBy]));
    } catch (err) {
      if (err instanceof UploadRefused) throw uploadRefused(UPLOAD_FILE_FIELD, err.message);
      throw err;
    }
  }

  private async visibleDocument(principal: Principal, caseId: string, documentId: string) {
    const row = await this.cases.visible(principal, caseId);
    const doc = await this.documents.find(caseId, documentId);
    if (!doc || !this.mayOpen(principal, doc)) throw notFound('document', documentId);
    return { doc, caseNumber: row.caseNumber };
  }

  /** A medical report opens only for roles that may open medical records (efile:medical); every other document for any reader of the case. */
  private mayOpen(principal: Principal, doc: CaseDocumentRecord): boolean {
    return doc.kind !== 'MEDICAL' || can(principal, 'efile:medical');
  }
}
