import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { openedStepPayload } from '../sealed-fields.js';
import type { Sealer } from '../sealing.js';
import { AuditRepository, type ChainBreak } from './audit.repository.js';

/** The audit chain a case's documents' hashes are on: one entry per document, apart from the case's steps. */
export const documentChain = (caseId: string) => `documents:case:${caseId}`;

export interface NewCaseDocument {
  id: string;
  caseId: string;
  kind: string;
  sequence?: number;
  eventType?: string;
  form?: string | null;
  language?: string;
  title: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  storedSha256: string;
  sealed: boolean;
  createdAt: Date;
  createdBy?: string | null;
  createdRole?: string | null;
}

export interface CaseDocumentRecord {
  id: string;
  caseId: string;
  kind: string;
  sequence: number | null;
  eventType: string | null;
  form: string | null;
  language: string | null;
  title: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  storedSha256: string;
  sealed: boolean;
  createdAt: Date;
  createdBy: string | null;
  createdRole: string | null;
}

/** What an order's document is made of: the step on the timeline and who and what it names. */
export interface OrderStep {
  caseId: string;
  caseNumber: string | null;
  childName: string | null;
  track: string;
  districtName: string;
  stateName: string;
  sequence: number;
  eventType: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  importedFrom: string | null;
  /** the person who recorded the order and their body, as the register names them */
  actor: { id: string; name: string; role: string | null; bodyName: string | null } | null;
  /** the members who signed, from the body's roster (s.38(4): a legally-free declaration's `signedBy` seats), in the payload's order */
  signers: { name: string; designation: string }[];
}

/** The entry on the documents chain that recorded a document's hash. */
export interface RecordedDocumentHash {
  position: number;
  sha256: string;
  at: Date;
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DocumentRepository {
  private readonly audit: AuditRepository;

  /** `sealer`: opens an order step's sealed details (a CICL production's offence) for the order it prints. */
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {
    this.audit = new AuditRepository(db);
  }

  /**
   * The document's row and its hash on the case's documents chain, together. An order's document already on record
   * for its step and language is answered as it is (`created: false`): a retried job writes nothing twice.
   */
  async add(doc: NewCaseDocument, audit: { action: string; actorId?: string | null; actorRole?: string | null }): Promise<{ record: CaseDocumentRecord; created: boolean }> {
    try {
      const record = await this.db.$transaction(async (tx) => {
        const row = await tx.caseDocument.create({ data: doc });
        await this.audit.append(tx, {
          chain: documentChain(doc.caseId),
          action: audit.action,
          actorId: audit.actorId ?? null,
          actorRole: audit.actorRole ?? null,
          subjectType: 'case-document',
          subjectId: doc.id,
          detail: {
            caseId: doc.caseId,
            kind: doc.kind,
            sha256: doc.sha256,
            storedSha256: doc.storedSha256,
            byteSize: doc.byteSize,
            sealed: doc.sealed,
            ...(doc.sequence !== undefined && { sequence: doc.sequence, eventType: doc.eventType, form: doc.form ?? null, language: doc.language }),
          },
          at: doc.createdAt,
        });
        return row;
      });
      return { record, created: true };
    } catch (err) {
      if (!isUniqueViolation(err) || doc.sequence === undefined) throw err;
      const existing = await this.db.caseDocument.findFirst({ where: { caseId: doc.caseId, sequence: doc.sequence, language: doc.language ?? null } });
      if (!existing) throw err;
      return { record: existing, created: false };
    }
  }

  list(caseId: string): Promise<CaseDocumentRecord[]> {
    return this.db.caseDocument.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { language: 'asc' }] });
  }

  /** People's names by their ids (who recorded an order, who uploaded a report), for what a person reads. */
  async namesOf(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null && UUID.test(id)))];
    if (!wanted.length) return new Map();
    const users = await this.db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  find(caseId: string, id: string): Promise<CaseDocumentRecord | null> {
    return this.db.caseDocument.findFirst({ where: { id, caseId } });
  }

  /** The order's documents already made, by language. */
  async orderLanguages(caseId: string, sequence: number): Promise<Set<string>> {
    const rows = await this.db.caseDocument.findMany({ where: { caseId, sequence }, select: { language: true } });
    return new Set(rows.map((r) => r.language ?? ''));
  }

  /** Whether any document is stored under this name (a file may be removed only when none is). */
  async storedUnder(storedSha256: string): Promise<boolean> {
    return (await this.db.caseDocument.count({ where: { storedSha256 } })) > 0;
  }

  /** The hash the audit chain recorded for the document (not the row's copy, which an editor of the table could change). */
  async recordedHash(caseId: string, documentId: string): Promise<RecordedDocumentHash | null> {
    const entry = await this.db.auditEntry.findFirst({
      where: { chain: documentChain(caseId), subjectType: 'case-document', subjectId: documentId },
      orderBy: { position: 'asc' },
    });
    const sha256 = (entry?.detail as { sha256?: unknown } | undefined)?.sha256;
    return entry && typeof sha256 === 'string' ? { position: entry.position, sha256, at: entry.at } : null;
  }

  /** Every entry of the case's documents chain recomputed: an edited, deleted or re-linked entry is a break. */
  verifyChain(caseId: string): Promise<ChainBreak[]> {
    return this.audit.verifyChain(documentChain(caseId));
  }

  /** The order's step with the names its document prints; null when the step is not on record. */
  async orderStep(caseId: string, sequence: number): Promise<OrderStep | null> {
    const step = await this.db.timelineEntry.findUnique({ where: { caseId_sequence: { caseId, sequence } } });
    if (!step) return null;
    const c = await this.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { district: { include: { state: true } } } });
    const payload = openedStepPayload(this.sealer, step);
    const actorUser = step.actorId && UUID.test(step.actorId) ? await this.db.user.findUnique({ where: { id: step.actorId }, include: { body: true } }) : null;
    const seatIds = Array.isArray(payload.signedBy) ? payload.signedBy.filter((id): id is string => typeof id === 'string' && UUID.test(id)) : [];
    const seats = seatIds.length ? await this.db.bodyMember.findMany({ where: { id: { in: seatIds } }, select: { id: true, name: true, designation: true } }) : [];
    const seatById = new Map(seats.map((m) => [m.id, m]));
    return {
      caseId,
      caseNumber: c.caseNumber,
      childName: c.childName,
      track: c.track,
      districtName: c.district.name,
      stateName: c.district.state.name,
      sequence,
      eventType: step.eventType,
      payload,
      occurredAt: step.occurredAt,
      importedFrom: step.importedFrom,
      actor: actorUser ? { id: actorUser.id, name: actorUser.displayName, role: step.actorRole, bodyName: actorUser.body?.name ?? null } : null,
      signers: seatIds.flatMap((id) => {
        const seat = seatById.get(id);
        return seat ? [{ name: seat.name, designation: seat.designation }] : [];
      }),
    };
  }

  /** Orders on the timeline whose documents are not all made (a job lost with Redis, a worker that died mid-way). */
  async ordersMissingDocuments(eventTypes: readonly string[], languages: number, limit = 1000): Promise<{ caseId: string; sequence: number }[]> {
    return this.db.$queryRaw<{ caseId: string; sequence: number }[]>`
      SELECT t."caseId"::text AS "caseId", t."sequence"
      FROM "TimelineEntry" t
      WHERE t."eventType" = ANY(${eventTypes as string[]}) AND t."importedFrom" IS NULL
        AND (SELECT count(*) FROM "CaseDocument" d WHERE d."caseId" = t."caseId" AND d."sequence" = t."sequence") < ${languages}
      ORDER BY t."occurredAt"
      LIMIT ${limit}`;
  }
}
