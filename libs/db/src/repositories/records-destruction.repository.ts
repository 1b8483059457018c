// JJ Act s.24(2): a CICL case's schedule of destruction, its legal hold, and the destruction itself. The destruction is
// one transaction: every row that identifies the child is emptied or overwritten, each audit entry that told of them
// keeps its hash and a digest of its detail, and the case's chain gains an entry attesting what was emptied. A crash
// half-way leaves nothing done; a second run finds the case destroyed and does nothing.
import { attestationOf, DESTROYED_MARK, detailDigest, type EmptiedEntry, isDestroyedDetail, RECORDS_DESTROYED_ACTION, REPORT_ERASED_ACTION, type AuditRecord } from '../audit-chain.js';
import { isReportErasable } from '@raksha/domain';
import type { Db, DbTransaction } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository } from './audit.repository.js';
import { documentChain } from './document.repository.js';

export const recordsDestructionChain = (caseId: string) => `records-destruction:${caseId}`;

export type RecordsDestructionRow = NonNullable<Awaited<ReturnType<RecordsDestructionRepository['find']>>>;

export interface DestructionSchedule {
  caseId: string;
  ground: string;
  orderAt: Date;
  closedAt: Date;
  dueAt: Date;
}

export interface HoldChange {
  caseId: string;
  orderRef: string;
  reason: string;
  at: Date;
  audit: Pick<AuditRecord, 'actorId' | 'actorRole'>;
}

export interface ReportErasureRecord {
  reportId: string;
  /** the citizen who asked; null for the retention job */
  by: string | null;
  at: Date;
  ground: 'CITIZEN_REQUEST' | 'RETENTION';
}

/** Per record type the retention job deletes by age, the moment before which a record is past retention. */
export type RetentionCutoffs = Partial<Record<'SESSIONS' | 'CONTACT_CODES' | 'NOTIFICATIONS' | 'DELIVERIES' | 'PARTNER_FEED' | 'PARTNER_DISCLOSURES' | 'IMPORTS', Date | null>>;

export type DestroyOutcome = 'destroyed' | 'already-destroyed' | 'held' | 'not-due';

/** What a notice about a destroyed case says instead of what it said. */
export const DESTROYED_NOTICE = {
  subject: 'Records destroyed under s.24 of the Juvenile Justice Act',
  body: 'This message was about a case whose records were destroyed under s.24(2) of the Juvenile Justice Act 2015; what it said is no longer kept.',
};

/**
 * Empties reports of what identifies a child or their reporter; one place for s.24(2) destruction, a citizen's erasure
 * and the retention job. `keep`: 'nothing' (s.24: the police reference and closing reason go too); 'tombstone' (the
 * report's police reference, kind, district, status and dates stay for the police record); 'child' (a report linked to
 * a child's case: only the reporter's contact goes, the child's description stays with the case under the JJ Act).
 */
export async function emptyReports(tx: DbTransaction, reports: string[], opts: { keep: 'nothing' | 'tombstone' | 'child' }): Promise<void> {
  if (!reports.length) return;
  if (opts.keep === 'child') {
    await tx.childReport.updateMany({ where: { id: { in: reports } }, data: { reporterContact: Prisma.DbNull } });
    return;
  }
  // a tombstone keeps the gender, which names nobody, so the report still reads as a report of a child
  // the closing reason stays, not the note written with it (`REASON: note`)
  if (opts.keep === 'tombstone') await tx.$executeRaw`UPDATE "ChildReport" SET description = jsonb_build_object('gender', description->'gender'), "closedReason" = split_part("closedReason", ':', 1) WHERE id = ANY(${reports}::uuid[])`;
  await tx.childReport.updateMany({
    where: { id: { in: reports } },
    data: {
      ...(opts.keep === 'nothing' && { description: {} }),
      reporterContact: Prisma.DbNull,
      photo: null,
      photoType: null,
      placeText: null,
      lat: null,
      lon: null,
      searchName: '',
      nameKeys: [],
      nameSkeletons: [],
      guardianKeys: [],
      villageCode: null,
      ...(opts.keep === 'nothing' && { policeRef: null, closedReason: null }),
    },
  });
  await tx.faceDescriptor.deleteMany({ where: { reportId: { in: reports } } });
  await tx.matchCandidate.updateMany({ where: { OR: [{ missingId: { in: reports } }, { foundId: { in: reports } }] }, data: { explanation: {}, decisionNote: null } });
}

/**
 * Empties the details of every entry on these chains, each keeping its hash and a digest of its detail, and answers
 * the attestations the caller's own entry (RECORDS_DESTROYED_ACTION, REPORT_ERASED_ACTION) must carry for the chain
 * to verify. Locks the chains first, in a fixed order, so two writers never wait on each other the other way round.
 */
async function emptyAuditDetails(tx: DbTransaction, chains: string[], under: string): Promise<EmptiedEntry[]> {
  for (const chain of [...chains].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${chain}, 0))`;
  const emptied: EmptiedEntry[] = [];
  const entries = await tx.auditEntry.findMany({ where: { chain: { in: chains } }, orderBy: [{ chain: 'asc' }, { position: 'asc' }] });
  for (const e of entries) {
    if (isDestroyedDetail(e.detail)) continue;
    const digest = detailDigest(e.detail);
    emptied.push({ chain: e.chain, position: e.position, attestation: attestationOf(e, digest) });
    await tx.auditEntry.update({ where: { id: e.id }, data: { detail: { [DESTROYED_MARK]: under, detailDigest: digest } } });
  }
  return emptied;
}

export class RecordsDestructionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  find(caseId: string) {
    return this.db.recordsDestruction.findUnique({ where: { caseId } });
  }

  /** The schedule set when the case closed; a hold placed earlier stays. Written once: a retried closure changes nothing. */
  async schedule(s: DestructionSchedule): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO "RecordsDestruction" ("caseId", ground, "orderAt", "closedAt", "dueAt", "updatedAt")
      VALUES (${s.caseId}::uuid, ${s.ground}, ${s.orderAt}, ${s.closedAt}, ${s.dueAt}, now())
      ON CONFLICT ("caseId") DO UPDATE SET ground = EXCLUDED.ground, "orderAt" = EXCLUDED."orderAt", "closedAt" = EXCLUDED."closedAt",
        "dueAt" = EXCLUDED."dueAt", "updatedAt" = now()
      WHERE "RecordsDestruction".ground IS NULL`;
  }

  /** Places a legal hold (or replaces the order it stands on), audited on the case's destruction chain. */
  placeHold(h: HoldChange) {
    return this.db.$transaction(async (tx) => {
      const row = await this.lock(tx, h.caseId);
      if (row?.destroyedAt) return null;
      const saved = await tx.recordsDestruction.upsert({
        where: { caseId: h.caseId },
        create: { caseId: h.caseId, holdOrderRef: h.orderRef, holdReason: h.reason, heldAt: h.at, heldBy: h.audit.actorId ?? null },
        update: { holdOrderRef: h.orderRef, holdReason: h.reason, heldAt: h.at, heldBy: h.audit.actorId ?? null },
      });
      await this.audit.append(tx, { ...h.audit, chain: recordsDestructionChain(h.caseId), subjectType: 'case', subjectId: h.caseId, action: 'records.hold-placed', detail: { orderRef: h.orderRef, reason: h.reason }, at: h.at });
      return saved;
    });
  }

  /** Lifts the hold; a due time already past moves to the lifting, so the next scan destroys. Null when no hold stands. */
  liftHold(h: HoldChange) {
    return this.db.$transaction(async (tx) => {
      const row = await this.lock(tx, h.caseId);
      if (!row?.holdOrderRef || row.destroyedAt) return null;
      const dueAt = row.dueAt && row.dueAt < h.at ? h.at : row.dueAt;
      const saved = await tx.recordsDestruction.update({ where: { caseId: h.caseId }, data: { holdOrderRef: null, holdReason: null, heldAt: null, heldBy: null, dueAt } });
      await this.audit.append(tx, {
        ...h.audit,
        chain: recordsDestructionChain(h.caseId),
        subjectType: 'case',
        subjectId: h.caseId,
        action: 'records.hold-lifted',
        detail: { orderRef: h.orderRef, reason: h.reason, heldOn: row.holdOrderRef, dueAt: dueAt?.toISOString() ?? null },
        at: h.at,
      });
      return saved;
    });
  }

  /** Cases whose destruction is due at `now`, not held and not done, soonest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.recordsDestruction.findMany({
      where: { dueAt: { lte: now }, destroyedAt: null, holdOrderRef: null },
      orderBy: { dueAt: 'asc' },
      take: limit,
      select: { caseId: true },
    });
    return rows.map((r) => r.caseId);
  }

  /** Destroyed cases whose workflow history is still to be deleted from Temporal, each with the duplicates merged into it. */
  async historyToDelete(limit: number): Promise<{ caseId: string; workflowCaseIds: string[] }[]> {
    const rows = await this.db.recordsDestruction.findMany({ where: { destroyedAt: { not: null }, historyDeletedAt: null }, take: limit, select: { caseId: true } });
    const merged = await this.db.case.findMany({ where: { mergedIntoId: { in: rows.map((r) => r.caseId) } }, select: { id: true, mergedIntoId: true } });
    return rows.map((r) => ({ caseId: r.caseId, workflowCaseIds: [r.caseId, ...merged.filter((m) => m.mergedIntoId === r.caseId).map((m) => m.id)] }));
  }

  async historyDeleted(caseId: string, at: Date): Promise<void> {
    await this.db.recordsDestruction.update({ where: { caseId }, data: { historyDeletedAt: at } });
  }

  /**
   * Destroys the case's records in one transaction, if due and not held. Keeps what the law keeps: the case row's
   * track, phase, place and milestones (the dashboards' counts), the timeline's steps without their payloads, and every
   * audit entry with its hash (its detail replaced by a digest, attested by the destruction entry). The case's
   * documents (orders' PDFs and uploads name the child) go with their rows; their files, once no other case's row
   * names the same bytes, are handed to `removeDocumentFiles` after the transaction commits, so a destruction that
   * does not happen never loses a file.
   */
  async destroy(caseId: string, at: Date, citation: string, removeDocumentFiles?: (storedSha256: string[]) => Promise<void>): Promise<DestroyOutcome> {
    let documentFiles: string[] = [];
    const outcome = await this.db.$transaction(
      async (tx) => {
        const row = await this.lock(tx, caseId);
        if (!row || row.destroyedAt) return row?.destroyedAt ? 'already-destroyed' : 'not-due';
        if (row.holdOrderRef) return 'held';
        if (!row.dueAt || row.dueAt > at) return 'not-due';

        // The case and any duplicate merged into it: the same child's records, read with it until now.
        const merged = (await tx.case.findMany({ where: { mergedIntoId: caseId }, select: { id: true } })).map((c) => c.id);
        const ids = [caseId, ...merged];
        const reports = (await tx.childReport.findMany({ where: { caseId: { in: ids } }, select: { id: true } })).map((r) => r.id);
        const interventions = (await tx.intervention.findMany({ where: { caseId: { in: ids } }, select: { id: true } })).map((i) => i.id);
        const chains = [
          ...ids.flatMap((id) => [`case:${id}`, `efile:${id}`, `case-merges:${id}`, recordsDestructionChain(id), documentChain(id)]),
          ...reports.map((r) => `report:${r}`),
          ...interventions.map((i) => `intervention:${i}`),
        ];
        const emptied = await emptyAuditDetails(tx, chains, 's.24(2)');

        await tx.timelineEntry.updateMany({ where: { caseId: { in: ids } }, data: { payload: {} } });
        // the child's profile, every version of it (docs/child-profile.md)
        await tx.childProfileVersion.deleteMany({ where: { caseId: { in: ids } } });
        // the case's documents (docs/documents.md): rows here, files once committed
        const stored = (await tx.caseDocument.findMany({ where: { caseId: { in: ids } }, select: { storedSha256: true } })).map((d) => d.storedSha256);
        await tx.caseDocument.deleteMany({ where: { caseId: { in: ids } } });
        const shared = new Set((await tx.caseDocument.findMany({ where: { storedSha256: { in: stored } }, select: { storedSha256: true } })).map((d) => d.storedSha256));
        documentFiles = [...new Set(stored)].filter((h) => !shared.has(h));
        await tx.case.updateMany({ where: { id: { in: ids } }, data: { childName: null, childKeys: [], nameKeys: [], guardianKeys: [], villageCode: null, blockCode: null, thanaCode: null, openDeadlines: [], nextDueAt: null, assigneeId: null, assignedAt: null, destroyedAt: at } });
        await tx.eFileEntry.updateMany({ where: { caseId: { in: ids } }, data: { details: Prisma.DbNull, sealed: null } });
        await tx.admission.updateMany({ where: { caseId: { in: ids } }, data: { endNote: null, overCapacityReason: null } });
        await tx.escalation.updateMany({ where: { caseId: { in: ids } }, data: { resolutionNote: null } });
        await tx.notification.updateMany({ where: { caseId: { in: ids } }, data: DESTROYED_NOTICE });
        await tx.partnerEvent.updateMany({ where: { subjectId: { in: [...ids, ...reports] } }, data: { data: { destroyed: true } } });
        await tx.duplicateSuspect.updateMany({ where: { OR: [{ recordId: { in: [...ids, ...reports] } }, { duplicateOfId: { in: [...ids, ...reports] } }] }, data: { explanation: {}, decisionNote: null } });
        await emptyReports(tx, reports, { keep: 'nothing' });
        if (interventions.length) {
          await tx.intervention.updateMany({ where: { id: { in: interventions } }, data: { childDescription: '', placeText: null, lat: null, lon: null, closeNote: null } });
          await tx.helplineCall.updateMany({ where: { interventionId: { in: interventions } }, data: { childDescription: '', lat: null, lon: null } });
        }

        // The proof: on the case's own chain, hashed like every entry, naming each entry emptied and the law it was under.
        await this.audit.append(tx, {
          chain: `case:${caseId}`,
          action: RECORDS_DESTROYED_ACTION,
          actorId: null,
          actorRole: 'SYSTEM',
          subjectType: 'case',
          subjectId: caseId,
          detail: { event: 'RECORDS_DESTROYED', citation, ground: row.ground, dueAt: row.dueAt.toISOString(), emptied },
          at,
        });
        await tx.recordsDestruction.update({ where: { caseId }, data: { destroyedAt: at } });
        return 'destroyed' as const;
      },
      { timeout: 60_000 },
    );
    if (outcome === 'destroyed' && documentFiles.length && removeDocumentFiles) await removeDocumentFiles(documentFiles);
    return outcome;
  }

  /**
   * Erases a closed (or traced) report at its filer's request (DPDP Act s.12(3)) or past retention: emptied as `emptyReports` does,
   * a tombstone kept, the erasure recorded and told on the report's own chain. Null when still open or already erased.
   */
  eraseReport(e: ReportErasureRecord) {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "ChildReport" WHERE id = ${e.reportId}::uuid FOR UPDATE`;
      const report = await tx.childReport.findUnique({ where: { id: e.reportId }, select: { status: true, caseId: true } });
      if (!report || !isReportErasable(report.status) || (await tx.reportErasure.findUnique({ where: { reportId: e.reportId } }))) return null;
      const keptWithCase = report.caseId !== null;
      const citation = e.ground === 'CITIZEN_REQUEST' ? 'DPDP Act s.12(3)' : 'DPDP Act s.8(7)';
      const chain = `report:${e.reportId}`;
      await emptyReports(tx, [e.reportId], { keep: keptWithCase ? 'child' : 'tombstone' });
      // The report's own trail told its closing note and match notes in words: emptied with it, attested below. A
      // report kept with a child's case keeps its trail, which is the case's too.
      const emptied = keptWithCase ? [] : await emptyAuditDetails(tx, [chain], citation);
      if (!keptWithCase) await tx.partnerEvent.updateMany({ where: { subjectId: e.reportId }, data: { data: { erased: true } } });
      const saved = await tx.reportErasure.create({ data: { reportId: e.reportId, erasedBy: e.by, erasedAt: e.at, ground: e.ground, keptWithCase } });
      await this.audit.append(tx, {
        chain,
        action: REPORT_ERASED_ACTION,
        actorId: e.by,
        actorRole: e.by ? 'CITIZEN' : 'SYSTEM',
        subjectType: 'report',
        subjectId: e.reportId,
        detail: { ground: e.ground, keptWithCase, citation, emptied },
        at: e.at,
      });
      return saved;
    });
  }

  findErasure(reportId: string) {
    return this.db.reportErasure.findUnique({ where: { reportId } });
  }

  /** Reports closed (or traced) before `cutoff`, never erased: the retention job's next batch. */
  async reportsPastRetention(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ChildReport" r
      WHERE r.status IN ('CLOSED', 'TRACED') AND COALESCE(r."closedAt", r."tracedAt") < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "ReportErasure" e WHERE e."reportId" = r.id)
      ORDER BY COALESCE(r."closedAt", r."tracedAt") LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  /** Deletes what is past its retention (cutoffs per record type; absent: not erased by age); answers counts per type. */
  async deletePastRetention(cutoffs: RetentionCutoffs): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const run = async (type: keyof RetentionCutoffs, del: (cutoff: Date) => Promise<{ count: number }>) => {
      const cutoff = cutoffs[type];
      if (cutoff) counts[type] = (await del(cutoff)).count;
    };
    await run('SESSIONS', (c) => this.db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: c } }, { revokedAt: { lt: c } }] } }));
    await run('CONTACT_CODES', (c) => this.db.contactVerification.deleteMany({ where: { verifiedAt: null, expiresAt: { lt: c } } }));
    await run('NOTIFICATIONS', (c) => this.db.notification.deleteMany({ where: { createdAt: { lt: c } } }));
    await run('DELIVERIES', (c) => this.db.delivery.deleteMany({ where: { queuedAt: { lt: c } } }));
    await run('PARTNER_FEED', (c) => this.db.partnerEvent.deleteMany({ where: { occurredAt: { lt: c } } }));
    await run('PARTNER_DISCLOSURES', (c) => this.db.partnerDisclosure.deleteMany({ where: { disclosedAt: { lt: c } } }));
    await run('IMPORTS', async (c) => {
      const jobs = await this.db.importJob.deleteMany({ where: { finishedAt: { lt: c } } });
      const rows = await this.db.legacyImportRow.deleteMany({ where: { legacyImport: { finishedAt: { lt: c } } } });
      return { count: jobs.count + rows.count };
    });
    return counts;
  }

  /** Records a run of the retention job, for the administrators' page. */
  async recordRetentionRun(id: string, at: Date, outcome: Record<string, number>): Promise<void> {
    await this.db.retentionRun.create({ data: { id, ranAt: at, outcome } });
  }

  lastRetentionRuns(limit: number) {
    return this.db.retentionRun.findMany({ orderBy: { ranAt: 'desc' }, take: limit });
  }

  private async lock(tx: DbTransaction, caseId: string) {
    // The row, locked for the transaction: a hold placed while a destruction runs waits for it, and sees it done.
    await tx.$executeRaw`SELECT 1 FROM "RecordsDestruction" WHERE "caseId" = ${caseId}::uuid FOR UPDATE`;
    return tx.recordsDestruction.findUnique({ where: { caseId } });
  }
}
