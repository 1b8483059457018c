import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

export interface ReportDuplicateSearch {
  kind: string;
  stateCode: string;
  nameKeys: string[];
  nameSkeletons: string[];
  guardianKeys: string[];
  gender: string;
  birthYearMin: number | null;
  birthYearMax: number | null;
  /** the report itself, once saved */
  excludeId?: string;
}

/** An earlier report that may repeat a new one, as reportCandidates() reads it. */
export interface ReportDuplicateCandidate {
  id: string;
  kind: string;
  status: string;
  description: Prisma.JsonValue;
  occurredAt: Date;
  stateCode: string;
  districtCode: string;
  placeText: string | null;
  lat: number | null;
  lon: number | null;
  policeRef: string | null;
  createdAt: Date;
}

export interface NewDuplicateSuspect {
  recordType: 'REPORT' | 'CASE';
  recordId: string;
  duplicateOfId: string;
  probability: number;
  explanation: unknown;
  stateCode: string;
  districtCode: string;
  detectedOn: 'FILING' | 'REGISTRATION' | 'IMPORT';
}

export interface DuplicateFilter {
  recordType?: string;
  status?: string;
  stateCode?: string;
  districtCode?: string;
  offset: number;
  limit: number;
}

/** The most earlier records a new one is compared with; blocking by name keys keeps it far below this. */
const CANDIDATE_LIMIT = 300;
/** Ages a duplicate's birth years may differ by (estimates of one child's age by two officers). */
const BIRTH_YEAR_TOLERANCE = 3;

type Audit = Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>;

/** Likely duplicates of reports and cases: the earlier records a new one may repeat, the suspects, and merging. */
export class DuplicateRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /** Open reports of the same kind in the same state sharing a name, spelling skeleton or guardian key, of a compatible gender and age. */
  async reportCandidates(s: ReportDuplicateSearch) {
    const [rows] = await this.reportCandidatesOfEach([s]);
    return rows!;
  }

  /** reportCandidates() for many reports in one statement (a backfill batch): each its own search, side by side. */
  async reportCandidatesOfEach(searches: readonly ReportDuplicateSearch[]): Promise<ReportDuplicateCandidate[][]> {
    if (searches.length === 0) return [];
    const subjects = searches.map((s, i) => ({
      i,
      kind: s.kind,
      state: s.stateCode,
      names: s.nameKeys,
      skeletons: s.nameSkeletons,
      guardians: s.guardianKeys,
      gender: s.gender,
      ymin: s.birthYearMin === null ? null : s.birthYearMin - BIRTH_YEAR_TOLERANCE,
      ymax: s.birthYearMax === null ? null : s.birthYearMax + BIRTH_YEAR_TOLERANCE,
      exclude: s.excludeId ?? null,
    }));
    const rows = await this.db.$queryRawUnsafe<(ReportDuplicateCandidate & { subject: number })[]>(
      `SELECT s.i AS subject, r.* FROM jsonb_to_recordset($1::jsonb) AS s(i int, kind text, state text, names text[], skeletons text[], guardians text[], gender text, ymin int, ymax int, exclude uuid)
       CROSS JOIN LATERAL (
         SELECT id, kind, status, description, "occurredAt", "stateCode", "districtCode", "placeText", lat, lon, "policeRef", "createdAt"
         FROM "ChildReport"
         WHERE kind = s.kind AND "stateCode" = s.state AND "mergedIntoId" IS NULL AND status IN ('OPEN', 'PENDING_ACCEPTANCE')
           AND id <> COALESCE(s.exclude, '00000000-0000-0000-0000-000000000000'::uuid)
           AND ("nameKeys" && s.names OR "nameSkeletons" && s.skeletons OR "guardianKeys" && s.guardians)
           AND (s.gender = 'UNKNOWN' OR gender IN (s.gender, 'UNKNOWN', 'TRANSGENDER') OR s.gender = 'TRANSGENDER')
           AND (s.ymin IS NULL OR "birthYearMax" IS NULL OR "birthYearMax" >= s.ymin)
           AND (s.ymax IS NULL OR "birthYearMin" IS NULL OR "birthYearMin" <= s.ymax)
         ORDER BY "createdAt" DESC
         LIMIT ${CANDIDATE_LIMIT}
       ) r`,
      JSON.stringify(subjects),
    );
    const bySubject = searches.map(() => [] as ReportDuplicateCandidate[]);
    for (const { subject, ...row } of rows) bySubject[subject]!.push(row);
    return bySubject;
  }

  /** Open, unmerged cases of a state that name the child, with what their registration said of the child. */
  async caseCandidates(stateCode: string, excludeId?: string) {
    const rows = await this.db.$queryRaw<{ id: string; track: string; districtCode: string; stateCode: string; childName: string; registeredAt: Date; child: Prisma.JsonValue }[]>`
      SELECT c.id, c.track, c."districtCode", c."stateCode", c."childName", c."registeredAt", t.payload->'child' AS child
      FROM "Case" c JOIN "TimelineEntry" t ON t."caseId" = c.id AND t.sequence = 0
      WHERE c."stateCode" = ${stateCode} AND c."mergedIntoId" IS NULL AND c.phase <> 'CLOSED' AND c."childName" IS NOT NULL
        AND c.id <> COALESCE(${excludeId ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
      ORDER BY c."registeredAt" DESC
      LIMIT 5000`;
    return rows;
  }

  /** Cases as the duplicate views show them: the row and what its registration said of the child. */
  caseRecords(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.$queryRaw<{ id: string; track: string; districtCode: string; stateCode: string; childName: string | null; registeredAt: Date; child: Prisma.JsonValue }[]>`
      SELECT c.id, c.track, c."districtCode", c."stateCode", c."childName", c."registeredAt", t.payload->'child' AS child
      FROM "Case" c LEFT JOIN "TimelineEntry" t ON t."caseId" = c.id AND t.sequence = 0
      WHERE c.id = ANY(${[...ids]}::uuid[])`;
  }

  reportRecords(ids: readonly string[]) {
    return this.db.childReport.findMany({ where: { id: { in: [...ids] } }, select: { id: true, kind: true, description: true, occurredAt: true, stateCode: true, districtCode: true, policeRef: true, filedByRole: true, filedBy: true } });
  }

  async save(suspects: readonly NewDuplicateSuspect[], at: Date): Promise<void> {
    if (suspects.length === 0) return;
    await this.db.duplicateSuspect.createMany({
      data: suspects.map((s) => ({ ...s, id: randomUUID(), explanation: s.explanation as Prisma.InputJsonValue, status: 'PROPOSED', createdAt: at })),
      skipDuplicates: true,
    });
  }

  find(id: string) {
    return this.db.duplicateSuspect.findUnique({ where: { id } });
  }

  list(f: DuplicateFilter) {
    const where: Prisma.DuplicateSuspectWhereInput = {
      ...(f.recordType && { recordType: f.recordType }),
      ...(f.status && { status: f.status }),
      ...(f.stateCode && { stateCode: f.stateCode }),
      ...(f.districtCode && { districtCode: f.districtCode }),
    };
    // A record's suspects are saved together; the likeliest is the one a reviewer should see first.
    return this.db.duplicateSuspect.findMany({ where, orderBy: [{ createdAt: 'desc' }, { probability: 'desc' }, { id: 'asc' }], skip: f.offset, take: f.limit });
  }

  forRecord(recordId: string) {
    return this.db.duplicateSuspect.findMany({ where: { OR: [{ recordId }, { duplicateOfId: recordId }] }, orderBy: { createdAt: 'asc' } });
  }

  /** Dismisses a suspect (not the same child); null when someone decided it first. */
  async dismiss(id: string, d: { by: string; at: Date; note: string }, audit: Audit) {
    return this.db.$transaction(async (tx) => {
      const n = await tx.duplicateSuspect.updateMany({ where: { id, status: 'PROPOSED' }, data: { status: 'DISMISSED', decidedBy: d.by, decidedAt: d.at, decisionNote: d.note } });
      if (n.count === 0) return null;
      const s = (await tx.duplicateSuspect.findUnique({ where: { id } }))!;
      const chain = s.recordType === 'CASE' ? `case-merges:${s.duplicateOfId}` : `report:${s.recordId}`;
      await this.audit.append(tx, { ...audit, chain, subjectType: s.recordType === 'CASE' ? 'case' : 'child-report', subjectId: s.recordId });
      return s;
    });
  }

  /**
   * Merges the suspect's records into the survivor: the other points to it (reads of its id lead there), the suspect
   * is MERGED with who and when, and the link is on the audit chain of each record. A report merged away is closed
   * as a duplicate; a case merged away is closed with its escalations settled, and keeps its timeline, read with the
   * survivor's. Null when someone decided it first.
   */
  async merge(id: string, d: { survivorId: string; mergedId: string; by: string; at: Date; note: string }, audit: Audit) {
    return this.db.$transaction(async (tx) => {
      const n = await tx.duplicateSuspect.updateMany({ where: { id, status: 'PROPOSED' }, data: { status: 'MERGED', survivorId: d.survivorId, decidedBy: d.by, decidedAt: d.at, decisionNote: d.note } });
      if (n.count === 0) return null;
      const s = (await tx.duplicateSuspect.findUnique({ where: { id } }))!;
      const detail = { ...audit.detail, survivorId: d.survivorId, mergedId: d.mergedId, suspectId: id };
      if (s.recordType === 'REPORT') {
        await tx.childReport.update({ where: { id: d.mergedId }, data: { mergedIntoId: d.survivorId, status: 'CLOSED', closedAt: d.at, closedReason: `DUPLICATE: ${d.note}` } });
        // Anything merged into the merged one follows it to the survivor: every old id leads to one record.
        await tx.childReport.updateMany({ where: { mergedIntoId: d.mergedId }, data: { mergedIntoId: d.survivorId } });
        for (const rid of [d.survivorId, d.mergedId]) await this.audit.append(tx, { ...audit, detail, chain: `report:${rid}`, subjectType: 'child-report', subjectId: rid });
      } else {
        // Its workflow is ended: its row leaves every worklist and due list, and what it had escalated is settled here.
        await tx.case.update({ where: { id: d.mergedId }, data: { mergedIntoId: d.survivorId, phase: 'CLOSED', closedAt: d.at, nextDueAt: null } });
        await tx.escalation.updateMany({
          where: { caseId: d.mergedId, status: { not: 'RESOLVED' } },
          data: { status: 'RESOLVED', resolvedAt: d.at, resolvedBy: d.by, resolutionNote: 'The case was merged into another record of the same child; its deadlines continue there.' },
        });
        await tx.case.updateMany({ where: { mergedIntoId: d.mergedId }, data: { mergedIntoId: d.survivorId } });
        // A case's own chain holds one entry per timeline step (audit:verify checks it): merges go on a chain of their own.
        for (const cid of [d.survivorId, d.mergedId]) await this.audit.append(tx, { ...audit, detail, chain: `case-merges:${cid}`, subjectType: 'case', subjectId: cid });
      }
      // Other suspects naming the merged record now name the survivor's child: they stay for review.
      return s;
    });
  }

  /** Ids merged into a record (directly or through another), for a timeline read with theirs. */
  async mergedInto(recordType: 'REPORT' | 'CASE', survivorId: string): Promise<string[]> {
    const rows = recordType === 'CASE' ? await this.db.case.findMany({ where: { mergedIntoId: survivorId }, select: { id: true } }) : await this.db.childReport.findMany({ where: { mergedIntoId: survivorId }, select: { id: true } });
    return rows.map((r) => r.id);
  }
}
