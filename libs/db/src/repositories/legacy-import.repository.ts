import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { sealedFieldBinding as bound, sealedJson, sealedText } from '../sealed-fields.js';
import type { Sealer } from '../sealing.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';
import type { NewChildReport } from './report.repository.js';

export interface NewLegacyImport {
  id: string;
  source: string;
  kind: string;
  fileName: string;
  total: number;
  importedBy: string;
  importedByRole: string;
  importedByBody: string | null;
  createdAt: Date;
}

export interface StagedRow {
  position: number;
  line: number;
  sourceRecordId: string | null;
  record: Record<string, string>;
}

export interface RowOutcome {
  position: number;
  outcome: 'IMPORTED' | 'ALREADY_IMPORTED' | 'REJECTED';
  problems?: unknown;
  reportId?: string | null;
  /** a CCI child's record: the case it became */
  caseId?: string | null;
}

/** A ported report: a report as filed, with the source and its record id that make the import idempotent. */
export type PortedReport = NewChildReport & { legacySource: string; legacyRecordId: string };

export type LegacyImportRecord = NonNullable<Awaited<ReturnType<LegacyImportRepository['find']>>>;

const STAGE_CHUNK = 5000;

/** Legacy imports: the staged rows, the job's progress, and the reports written batch by batch. */
export class LegacyImportRepository {
  private readonly audit: AuditRepository;

  /** `sealer`: seals the imported reports' contacts and places as ReportRepository does (docs/sealed-fields.md). */
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {
    this.audit = new AuditRepository(db);
  }

  /** The import and every row of its file, in one transaction: an import exists whole or not at all. */
  async stage(imp: NewLegacyImport, rows: readonly StagedRow[], audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<void> {
    await this.db.$transaction(
      async (tx) => {
        await tx.legacyImport.create({ data: { ...imp, status: 'QUEUED' } });
        for (let i = 0; i < rows.length; i += STAGE_CHUNK) {
          await tx.legacyImportRow.createMany({ data: rows.slice(i, i + STAGE_CHUNK).map((r) => ({ ...r, importId: imp.id, record: r.record as Prisma.InputJsonObject })) });
        }
        await this.audit.append(tx, { ...audit, chain: `legacy-import:${imp.id}`, subjectType: 'legacy-import', subjectId: imp.id });
      },
      { timeout: 120_000 },
    );
  }

  find(id: string) {
    return this.db.legacyImport.findUnique({ where: { id } });
  }

  /** Imports a worker should be running: queued, or running when a worker stopped. */
  unfinished() {
    return this.db.legacyImport.findMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } });
  }

  rowsFrom(importId: string, position: number, limit: number) {
    return this.db.legacyImportRow.findMany({ where: { importId, position: { gte: position } }, orderBy: { position: 'asc' }, take: limit });
  }

  rejections(importId: string, offset: number, limit: number) {
    return this.db.legacyImportRow.findMany({ where: { importId, outcome: 'REJECTED' }, orderBy: { position: 'asc' }, skip: offset, take: limit, select: { line: true, sourceRecordId: true, problems: true } });
  }

  /** The reports of these source record ids already imported from the source: record id → report id. */
  async imported(source: string, recordIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.childReport.findMany({ where: { legacySource: source, legacyRecordId: { in: [...recordIds] } }, select: { id: true, legacyRecordId: true } });
    return new Map(rows.map((r) => [r.legacyRecordId!, r.id]));
  }

  /**
   * Which of these cases exist, each with the import that started it (from its registration step), if any: an
   * imported case's id comes from its source record, so it exists if imported before, by this import or another.
   */
  async existingCases(ids: readonly string[]): Promise<Map<string, string | null>> {
    const rows = await this.db.timelineEntry.findMany({ where: { caseId: { in: [...ids] }, sequence: 0 }, select: { caseId: true, payload: true } });
    return new Map(rows.map((r) => [r.caseId, ((r.payload as { importedFrom?: { importId?: string } } | null)?.importedFrom?.importId ?? null)]));
  }

  /** The child care institutions of a jurisdiction (every one when it is national), as a CCI register names them. */
  async ccis(scope: { stateCode: string | null; districtCode: string | null }) {
    const rows = await this.db.institution.findMany({
      where: { body: { type: 'CCI', deactivatedAt: null, ...(scope.stateCode && { stateCode: scope.stateCode }), ...(scope.districtCode && { districtCode: scope.districtCode }) } },
      select: { bodyId: true, kind: true, registrationNo: true, body: { select: { name: true, districtCode: true, stateCode: true } } },
    });
    return rows.flatMap((r) => (r.body.districtCode && r.body.stateCode ? [{ bodyId: r.bodyId, name: r.body.name, registrationNo: r.registrationNo, kind: r.kind, districtCode: r.body.districtCode, stateCode: r.body.stateCode }] : []));
  }

  /** The jurisdiction of the importer's body: rows outside it are refused. */
  async bodyScope(bodyId: string | null): Promise<{ stateCode: string | null; districtCode: string | null; bodyType: string | null }> {
    const body = bodyId ? await this.db.body.findUnique({ where: { id: bodyId }, select: { type: true, level: true, stateCode: true, districtCode: true } }) : null;
    if (!body || body.level === 'NATIONAL') return { stateCode: null, districtCode: null, bodyType: body?.type ?? null };
    return { stateCode: body.stateCode, districtCode: body.level === 'STATE' ? null : body.districtCode, bodyType: body.type };
  }

  async start(id: string, at: Date): Promise<void> {
    await this.db.legacyImport.updateMany({ where: { id, startedAt: null }, data: { startedAt: at } });
    await this.db.legacyImport.update({ where: { id }, data: { status: 'RUNNING' } });
  }

  /**
   * One batch, all or nothing: its reports (a record imported before, by any import, is kept as it was), each row's
   * outcome, the import's counts and the position it reached, and an entry on the import's audit chain.
   * Returns the ids of the reports written.
   */
  commitBatch(importId: string, batch: { reports: readonly PortedReport[]; outcomes: readonly RowOutcome[]; next: number }, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<string[]> {
    return this.db.$transaction(
      async (tx) => {
        const written = batch.reports.length
          ? await tx.childReport.createManyAndReturn({
              data: batch.reports.map((r) => ({
                ...r,
                reporterContact: r.reporterContact ? sealedJson(this.sealer, r.reporterContact, bound.reportContact(r.id)) : undefined,
                placeText: sealedText(this.sealer, r.placeText, bound.reportPlace(r.id)),
                description: r.description as Prisma.InputJsonObject,
                photo: null,
              })),
              skipDuplicates: true,
              select: { id: true },
            })
          : [];
        const writtenIds = new Set(written.map((w) => w.id));
        // A report skipped as a duplicate was imported by an earlier import (or run) of the same source record.
        const outcomes = batch.outcomes.map((o) => (o.outcome === 'IMPORTED' && o.reportId && !writtenIds.has(o.reportId) ? { ...o, outcome: 'ALREADY_IMPORTED' as const } : o));
        if (outcomes.length) {
          await tx.$executeRaw`
            UPDATE "LegacyImportRow" AS r SET outcome = v.outcome, problems = v.problems::jsonb, "reportId" = v.rid::uuid, "caseId" = v.cid::uuid
            FROM (SELECT unnest(${outcomes.map((o) => o.position)}::int[]) AS pos, unnest(${outcomes.map((o) => o.outcome)}::text[]) AS outcome,
                         unnest(${outcomes.map((o) => (o.problems === undefined ? null : JSON.stringify(o.problems)))}::text[]) AS problems,
                         unnest(${outcomes.map((o) => o.reportId ?? null)}::text[]) AS rid,
                         unnest(${outcomes.map((o) => o.caseId ?? null)}::text[]) AS cid) AS v
            WHERE r."importId" = ${importId}::uuid AND r.position = v.pos`;
        }
        const count = (k: RowOutcome['outcome']) => outcomes.filter((o) => o.outcome === k).length;
        await tx.legacyImport.update({
          where: { id: importId },
          data: { processed: batch.next, imported: { increment: count('IMPORTED') }, alreadyImported: { increment: count('ALREADY_IMPORTED') }, rejected: { increment: count('REJECTED') } },
        });
        await this.audit.append(tx, {
          ...audit,
          detail: { ...audit.detail, reportIds: [...writtenIds], through: batch.next },
          chain: `legacy-import:${importId}`,
          subjectType: 'legacy-import',
          subjectId: importId,
        });
        return [...writtenIds];
      },
      { timeout: 60_000 },
    );
  }

  /** Reports imported by rows in [from, to), to queue for matching. */
  async importedBetween(importId: string, from: number, to: number): Promise<string[]> {
    const rows = await this.db.legacyImportRow.findMany({ where: { importId, outcome: 'IMPORTED', position: { gte: from, lt: to } }, select: { reportId: true }, orderBy: { position: 'asc' } });
    return rows.flatMap((r) => (r.reportId ? [r.reportId] : []));
  }

  async matchQueued(id: string, through: number): Promise<void> {
    await this.db.legacyImport.update({ where: { id }, data: { matchQueued: through } });
  }

  /**
   * The import ends (DONE, or FAILED: never resumed) and its staged source records — children's names and
   * descriptions, informants' details — are dropped with it; each row keeps only its position, line, source record
   * id, outcome, report id and reasons for rejection.
   */
  async finish(id: string, at: Date, failure?: string): Promise<void> {
    await this.db.$transaction([
      this.db.legacyImport.update({ where: { id }, data: { status: failure ? 'FAILED' : 'DONE', finishedAt: at, failure: failure ?? null } }),
      this.db.legacyImportRow.updateMany({ where: { importId: id }, data: { record: {} } }),
    ]);
  }
}
