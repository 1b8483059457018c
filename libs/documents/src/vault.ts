import { randomUUID } from 'node:crypto';
import { isOrderEvent, ORDER_LANGUAGES, type DocumentVerification, type OrderLanguage, type UploadKind } from '@raksha/contracts';
import { SealError, type CaseDocumentRecord, type DocumentRepository, type OrderStep, type Sealer } from '@raksha/db';
import { dateInWords, ORDER_TEMPLATES, ORDER_WORDS } from './orders.js';
import { renderOrderPdf, type OrderSheet } from './render.js';
import { sniffUpload } from './sniff.js';
import { sha256, type DocumentStore } from './store.js';

/** Uploads sealed at rest, as the eFile seals its medical section (an age test under s.94(2)(iii) is medical). */
export const SEALED_UPLOADS: ReadonlySet<UploadKind> = new Set(['MEDICAL', 'AGE_DETERMINATION']);

/** An upload refused for what the file is; nothing was stored. */
export class UploadRefused extends Error {
  override readonly name = 'UploadRefused';
}

export interface Uploader {
  userId: string;
  role: string;
}

/** A case's documents: orders made from the timeline, reports uploaded, each kept outside the database and its hash on the audit chain. */
export class DocumentVault {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly store: DocumentStore,
    private readonly sealer: Sealer,
  ) {}

  /**
   * The order's documents, one per language, each made once: a step whose documents exist is left as it is, so a
   * retried or repeated job writes nothing twice. Returns how many were made now.
   */
  async makeOrderDocuments(caseId: string, sequence: number): Promise<number> {
    const step = await this.documents.orderStep(caseId, sequence);
    if (!step || !isOrderEvent(step.eventType) || step.importedFrom !== null) return 0;
    const made = await this.documents.orderLanguages(caseId, sequence);
    let created = 0;
    for (const language of ORDER_LANGUAGES) {
      if (made.has(language)) continue;
      const sheet = orderSheet(step, language);
      const pdf = await renderOrderPdf(sheet);
      const hash = await this.store.put(pdf);
      const template = ORDER_TEMPLATES[step.eventType as keyof typeof ORDER_TEMPLATES];
      const outcome = await this.documents.add(
        {
          id: randomUUID(),
          caseId,
          kind: 'ORDER',
          sequence,
          eventType: step.eventType,
          form: template.form(step.payload),
          language,
          title: sheet.title,
          contentType: 'application/pdf',
          byteSize: pdf.length,
          sha256: hash,
          storedSha256: hash,
          sealed: false,
          createdAt: step.occurredAt,
          createdBy: step.actor?.id ?? null,
          createdRole: step.actor?.role ?? null,
        },
        { action: 'case.document.order-made', actorId: 'system:documents', actorRole: 'SYSTEM' },
      );
      if (outcome.created) created++;
      // Another run made it first, from its own render: this one's file is nobody's.
      else if (outcome.record.storedSha256 !== hash && !(await this.documents.storedUnder(hash))) await this.store.remove(hash);
    }
    return created;
  }

  /**
   * A report uploaded to the case: checked by its bytes first, so a refused file leaves nothing behind; sealed at
   * rest when medical; its row and its hash on the audit chain in one transaction, the file removed if that fails.
   */
  async upload(input: { caseId: string; kind: UploadKind; title: string; bytes: Buffer; by: Uploader }): Promise<CaseDocumentRecord> {
    const sniffed = sniffUpload(input.bytes);
    if (!sniffed.ok) throw new UploadRefused(sniffed.reason);
    const id = randomUUID();
    const sealed = SEALED_UPLOADS.has(input.kind);
    const stored = sealed ? Buffer.from(this.sealer.sealBytes(input.bytes, id), 'utf8') : input.bytes;
    const storedSha256 = await this.store.put(stored);
    try {
      const { record } = await this.documents.add(
        {
          id,
          caseId: input.caseId,
          kind: input.kind,
          title: input.title,
          contentType: sniffed.type,
          byteSize: input.bytes.length,
          sha256: sha256(input.bytes),
          storedSha256,
          sealed,
          createdAt: new Date(),
          createdBy: input.by.userId,
          createdRole: input.by.role,
        },
        { action: 'case.document.uploaded', actorId: input.by.userId, actorRole: input.by.role },
      );
      return record;
    } catch (err) {
      if (!(await this.documents.storedUnder(storedSha256))) await this.store.remove(storedSha256);
      throw err;
    }
  }

  /** The document's bytes as they were made or uploaded (opened, when sealed); undefined when the file is gone. */
  async read(doc: CaseDocumentRecord): Promise<Buffer | undefined> {
    const stored = await this.store.get(doc.storedSha256);
    if (!stored) return undefined;
    return doc.sealed ? this.sealer.openBytes(stored.toString('utf8'), doc.id) : stored;
  }

  /** Recomputes the document's hash from the stored file and compares it with what the audit chain recorded. */
  async verify(doc: CaseDocumentRecord): Promise<DocumentVerification> {
    const problems: string[] = [];
    const recorded = await this.documents.recordedHash(doc.caseId, doc.id);
    if (!recorded) problems.push('the audit chain holds no record of this document');
    const breaks = await this.documents.verifyChain(doc.caseId);
    if (breaks.length) problems.push(`the case's documents audit chain is broken at ${breaks.map((b) => `entry ${b.position} (${b.reason})`).join(', ')}`);
    let hash: string | null = null;
    try {
      const bytes = await this.read(doc);
      if (bytes) hash = sha256(bytes);
      else problems.push('the stored file is missing');
    } catch (err) {
      if (!(err instanceof SealError)) throw err;
      problems.push('the stored file was altered: its seal does not open');
    }
    if (hash && recorded && hash !== recorded.sha256) problems.push('the stored file was altered: its SHA-256 differs from the one the audit chain recorded');
    if (recorded && recorded.sha256 !== doc.sha256) problems.push('the document’s row was altered: its SHA-256 differs from the audit chain’s');
    return { documentId: doc.id, verified: problems.length === 0, sha256: hash, recordedSha256: recorded?.sha256 ?? null, chainIntact: breaks.length === 0, problems };
  }

  /** Every document of the case verified (the CLI). */
  async verifyCase(caseId: string): Promise<DocumentVerification[]> {
    const docs = await this.documents.list(caseId);
    const out: DocumentVerification[] = [];
    for (const doc of docs) out.push(await this.verify(doc));
    return out;
  }

  /** Orders on the timeline whose documents were never made (a job lost with Redis's data), to be queued again. */
  ordersMissingDocuments(eventTypes: readonly string[]) {
    return this.documents.ordersMissingDocuments(eventTypes, ORDER_LANGUAGES.length);
  }
}

/** The order as words in one language: the form, the body, the case, the child, the date, the signers. */
export function orderSheet(step: OrderStep, language: OrderLanguage): OrderSheet {
  const template = ORDER_TEMPLATES[step.eventType as keyof typeof ORDER_TEMPLATES];
  const words = ORDER_WORDS[language];
  const form = template.form(step.payload);
  const court = step.actor?.role === 'JJB_MEMBER' ? 'JJB' : step.actor?.role === 'CWC_MEMBER' ? 'CWC' : template.court;
  const orderRef = typeof step.payload.orderRef === 'string' ? step.payload.orderRef : undefined;
  return {
    language,
    formLine: form ? `${words.form(form)} — ${words.rules}` : words.noForm,
    actLine: words.act,
    citationLine: template.citation[language],
    title: template.title[language],
    before: `${words.before[court]}, ${step.districtName} (${step.stateName})`,
    particulars: [
      { label: words.caseNumber, value: step.caseNumber ?? '' },
      { label: words.child, value: step.childName ?? '' },
      { label: words.date, value: dateInWords(step.occurredAt, language) },
      ...(orderRef ? [{ label: words.reference, value: orderRef }] : []),
    ],
    paragraphs: template.body(step.payload, language),
    signedLabel: words.signed,
    signers: signersOf(step, language),
    footer: words.footer,
    madeAt: step.occurredAt,
  };
}

/**
 * Who signs: the members a legally-free declaration names (s.38(4)), from the roster's seats (`signedBy`) or the names
 * recorded with it (`signerNames`); else the member who recorded the order, and how many signed if the payload says.
 */
function signersOf(step: OrderStep, language: OrderLanguage): string[] {
  const words = ORDER_WORDS[language];
  const court = step.actor?.role === 'JJB_MEMBER' ? 'JJB' : 'CWC';
  if (step.signers.length) return step.signers.map((s) => `${s.name}, ${words.seat(s.designation, court)}`);
  const recorded = Array.isArray(step.payload.signerNames) ? step.payload.signerNames.filter((n): n is string => typeof n === 'string') : [];
  if (recorded.length) return recorded.map((n) => `${n}, ${words.seat('MEMBER', court)}`);
  const designation = words.signer[step.actor?.role ?? ''] ?? step.actor?.bodyName ?? '';
  const count = typeof step.payload.membersSigning === 'number' ? step.payload.membersSigning : undefined;
  const recorder = step.actor ? [`${step.actor.name}, ${designation}`] : [];
  return count && count > 1 ? [...recorder, words.membersSigning(count)] : recorder;
}
