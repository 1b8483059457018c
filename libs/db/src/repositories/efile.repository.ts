import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';
import type { Sealer } from '../sealing.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

/** Sections whose details are sealed at rest and opened only for roles with the right. */
export const SEALED_SECTIONS = new Set(['MEDICAL', 'COUNSELLING']);

export interface NewEFileEntry {
  id: string;
  caseId: string;
  section: string;
  kind: string;
  occurredOn: Date;
  details: Record<string, unknown>;
  recordedAt: Date;
  recordedBy: string;
  recordedRole: string;
}

export interface EFileEntryRecord {
  id: string;
  caseId: string;
  section: string;
  kind: string;
  occurredOn: Date;
  recordedAt: Date;
  recordedBy: string;
  recordedRole: string;
  /** The details, opened; undefined when sealed and not asked to open. */
  details?: Record<string, unknown>;
  sealed: boolean;
}

type Row = Awaited<ReturnType<Db['eFileEntry']['findMany']>>[number];

export class EFileRepository {
  private readonly audit: AuditRepository;

  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {
    this.audit = new AuditRepository(db);
  }

  /** Writes the entry, sealing the details of a sensitive section, and its audit entry, together. */
  add(entry: NewEFileEntry, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<EFileEntryRecord> {
    const sealed = SEALED_SECTIONS.has(entry.section);
    return this.db.$transaction(async (tx) => {
      const row = await tx.eFileEntry.create({
        data: {
          ...entry,
          details: sealed ? undefined : (entry.details as Prisma.InputJsonObject),
          sealed: sealed ? this.sealer.seal(entry.details, entry.id) : null,
        },
      });
      await this.audit.append(tx, { ...audit, chain: `efile:${entry.caseId}`, subjectType: 'efile-entry', subjectId: entry.id });
      return this.view(row, sealed);
    });
  }

  /**
   * The child's eFile, oldest first; sealed details are opened only for the sections named, and the read,
   * with which sealed entries were opened, is audited in the same transaction as it is served.
   */
  async list(
    caseId: string,
    filter: { section?: string },
    open: ReadonlySet<string>,
    audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId' | 'detail'> & { detail: Record<string, unknown> },
  ): Promise<EFileEntryRecord[]> {
    return this.db.$transaction(async (tx) => {
      const rows = await tx.eFileEntry.findMany({
        where: { caseId, ...(filter.section && { section: filter.section }) },
        orderBy: [{ occurredOn: 'asc' }, { recordedAt: 'asc' }],
      });
      const entries = rows.map((r) => this.view(r, open.has(r.section)));
      const opened = entries.filter((e) => e.sealed && e.details !== undefined).map((e) => e.id);
      await this.audit.append(tx, {
        ...audit,
        chain: `reads:case:${caseId}`,
        subjectType: 'case',
        subjectId: caseId,
        detail: { ...audit.detail, section: filter.section ?? null, entries: rows.length, openedSealed: opened },
      });
      return entries;
    });
  }

  /** One entry with its details opened (the first answer to a retried Idempotency-Key, given back to who recorded it). */
  async find(id: string): Promise<EFileEntryRecord | null> {
    const row = await this.db.eFileEntry.findUnique({ where: { id } });
    return row ? this.view(row, true) : null;
  }

  /** The stored row as it is in the database, for checking that nothing sensitive is in clear. */
  raw(id: string) {
    return this.db.eFileEntry.findUnique({ where: { id } });
  }

  private view(r: Row, open: boolean): EFileEntryRecord {
    const base = {
      id: r.id,
      caseId: r.caseId,
      section: r.section,
      kind: r.kind,
      occurredOn: r.occurredOn,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
      recordedRole: r.recordedRole,
      sealed: r.sealed !== null,
    };
    if (r.sealed === null) return { ...base, details: (r.details ?? {}) as Record<string, unknown> };
    return open ? { ...base, details: this.sealer.open(r.sealed, r.id) as Record<string, unknown> } : base;
  }
}
