import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

export interface NewChildReport {
  id: string;
  kind: 'MISSING' | 'FOUND';
  status: 'PENDING_ACCEPTANCE' | 'OPEN';
  policeRef: string | null;
  stationId: string | null;
  filedBy: string;
  filedByRole: string;
  filedByBodyId: string | null;
  reporterContact: Record<string, unknown> | null;
  description: Record<string, unknown>;
  occurredAt: Date;
  stateCode: string;
  districtCode: string;
  thanaCode: string | null;
  placeText: string | null;
  lat: number | null;
  lon: number | null;
  photo: Buffer | null;
  photoType: string | null;
  caseId: string | null;
  searchName: string;
  searchByAttributes: boolean;
  nameKeys: string[];
  nameSkeletons: string[];
  guardianKeys: string[];
  gender: string;
  birthYearMin: number | null;
  birthYearMax: number | null;
  createdAt: Date;
}

export type ChildReportRow = NonNullable<Awaited<ReturnType<ReportRepository['findById']>>>;

export interface ReportFilter {
  kind?: string;
  status?: string;
  stateCode?: string;
  districtCode?: string;
  /** only reports filed by this user (a citizen's own) */
  filedBy?: string;
  /** exclude citizens' reports (they are for the reporter and the police only) */
  officialOnly?: boolean;
  /** phonetic search name: rank by trigram similarity, keep those above 0.3 */
  searchName?: string;
  after?: { createdAt: Date; id: string };
  limit: number;
}

export interface CandidateSearch {
  /** the report's opposite kind */
  kind: 'MISSING' | 'FOUND';
  gender: string;
  /** birth years the subject allows, widened by the tolerance; null: age unknown, no age block */
  birthYearMin: number | null;
  birthYearMax: number | null;
  /** a missing report's last seen date: found reports on or after it; a found report's date: missing reports on or before it */
  occurredAt: Date;
  nameKeys: string[];
  nameSkeletons: string[];
  guardianKeys: string[];
  searchName: string;
  /** the subject's state: a report without a usable name is compared within it */
  stateCode: string;
  searchByAttributes: boolean;
  limit: number;
}

export interface CandidateScore {
  missingId: string;
  foundId: string;
  probability: number;
  explanation: unknown;
}

const WITHOUT_PHOTO = { photo: false } as const;

export class ReportRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  create(report: NewChildReport, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>) {
    return this.db.$transaction(async (tx) => {
      const row = await tx.childReport.create({
        data: { ...report, reporterContact: (report.reporterContact ?? undefined) as Prisma.InputJsonObject | undefined, description: report.description as Prisma.InputJsonObject, photo: report.photo ? new Uint8Array(report.photo) : null },
        omit: WITHOUT_PHOTO,
      });
      await this.audit.append(tx, { ...audit, chain: `report:${report.id}`, subjectType: 'child-report', subjectId: report.id });
      return row;
    });
  }

  findById(id: string) {
    return this.db.childReport.findUnique({ where: { id }, omit: WITHOUT_PHOTO });
  }

  photo(id: string) {
    return this.db.childReport.findUnique({ where: { id }, select: { photo: true, photoType: true } });
  }

  /** Reports filed by a user since a time, for a citizen's daily limit. */
  countFiledSince(userId: string, since: Date): Promise<number> {
    return this.db.childReport.count({ where: { filedBy: userId, createdAt: { gte: since } } });
  }

  async list(f: ReportFilter) {
    const where: Prisma.ChildReportWhereInput = {
      ...(f.kind && { kind: f.kind }),
      ...(f.status && { status: f.status }),
      ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
      ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
      ...(f.filedBy && { filedBy: f.filedBy }),
      ...(f.officialOnly && { filedByRole: { not: 'CITIZEN' } }),
    };
    if (f.searchName) {
      // Trigram similarity on the phonetic search name uses its GIN index (pg_trgm's % operator).
      const ids = await this.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "ChildReport" WHERE "searchName" % ${f.searchName}
        ORDER BY similarity("searchName", ${f.searchName}) DESC, id LIMIT 500`;
      const rows = await this.db.childReport.findMany({ where: { ...where, id: { in: ids.map((r) => r.id) } }, omit: WITHOUT_PHOTO });
      const order = new Map(ids.map((r, i) => [r.id, i]));
      return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).slice(0, f.limit);
    }
    return this.db.childReport.findMany({
      where: { ...where, ...(f.after && { OR: [{ createdAt: { lt: f.after.createdAt } }, { createdAt: f.after.createdAt, id: { lt: f.after.id } }] }) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
      omit: WITHOUT_PHOTO,
    });
  }

  /**
   * Candidates of the opposite kind by blocking in PostgreSQL: open, gender compatible, ages that can
   * agree, dates in order, and a shared name key or skeleton, a shared guardian key, or a similar search name.
   */
  async candidates(s: CandidateSearch) {
    const ids = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ChildReport"
      WHERE kind = ${s.kind} AND status = 'OPEN'
        AND (${s.gender} IN ('UNKNOWN', 'TRANSGENDER') OR gender IN (${s.gender}, 'UNKNOWN', 'TRANSGENDER'))
        AND (${s.birthYearMin}::int IS NULL OR "birthYearMax" IS NULL OR ("birthYearMax" >= ${s.birthYearMin}::int AND "birthYearMin" <= ${s.birthYearMax}::int))
        AND (CASE WHEN ${s.kind} = 'FOUND' THEN "occurredAt" >= date_trunc('day', ${s.occurredAt}::timestamptz)
                  ELSE "occurredAt" < date_trunc('day', ${s.occurredAt}::timestamptz) + interval '1 day' END)
        AND ("nameKeys" && ${s.nameKeys}::text[] OR "nameSkeletons" && ${s.nameSkeletons}::text[]
             OR "guardianKeys" && ${s.guardianKeys}::text[]
             OR (${s.searchName} <> '' AND "searchName" % ${s.searchName})
             OR (("searchByAttributes" OR ${s.searchByAttributes}) AND "stateCode" = ${s.stateCode}))
      LIMIT ${s.limit}`;
    if (ids.length === 0) return [];
    return this.db.childReport.findMany({ where: { id: { in: ids.map((r) => r.id) } }, omit: WITHOUT_PHOTO });
  }

  /** Keeps every candidate at or above the review threshold, updating the score of one already proposed. */
  async saveCandidates(scores: readonly CandidateScore[], now: Date) {
    const saved = [];
    for (const c of scores) {
      saved.push(
        await this.db.matchCandidate.upsert({
          where: { missingId_foundId: { missingId: c.missingId, foundId: c.foundId } },
          create: { id: randomUUID(), ...c, explanation: c.explanation as Prisma.InputJsonValue, status: 'PROPOSED', createdAt: now, updatedAt: now },
          update: { probability: c.probability, explanation: c.explanation as Prisma.InputJsonValue, updatedAt: now },
        }),
      );
    }
    return saved;
  }

  markAlerted(candidateIds: readonly string[], at: Date) {
    return this.db.matchCandidate.updateMany({ where: { id: { in: [...candidateIds] }, alertedAt: null }, data: { alertedAt: at } });
  }

  candidate(id: string) {
    return this.db.matchCandidate.findUnique({ where: { id }, include: { missing: { omit: WITHOUT_PHOTO }, found: { omit: WITHOUT_PHOTO } } });
  }

  /** A report's candidates, most probable first, with the total: no silent cut, page through them all. */
  async candidatesOf(reportId: string, kind: string, f: { minProbability: number; status?: string; offset: number; limit: number }) {
    const where: Prisma.MatchCandidateWhereInput = {
      ...(kind === 'MISSING' ? { missingId: reportId } : { foundId: reportId }),
      probability: { gte: f.minProbability },
      ...(f.status && { status: f.status }),
    };
    const [total, items] = await Promise.all([
      this.db.matchCandidate.count({ where }),
      this.db.matchCandidate.findMany({
        where,
        orderBy: [{ probability: 'desc' }, { id: 'asc' }],
        skip: f.offset,
        take: f.limit,
        include: { missing: { omit: WITHOUT_PHOTO }, found: { omit: WITHOUT_PHOTO } },
      }),
    ]);
    return { total, items };
  }

  /**
   * Confirms a match: the candidate CONFIRMED, the others of either report SUPERSEDED, both reports TRACED,
   * the missing report linked to the found child's case; or a rejection. Audited on both reports' chains.
   */
  decide(d: { candidateId: string; decision: 'CONFIRM' | 'REJECT'; note: string; by: string; at: Date }, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>) {
    return this.db.$transaction(async (tx) => {
      const c = await tx.matchCandidate.findUnique({ where: { id: d.candidateId }, include: { found: { select: { caseId: true } } } });
      if (!c || c.status !== 'PROPOSED') return null;
      if (d.decision === 'CONFIRM') {
        await tx.matchCandidate.update({ where: { id: c.id }, data: { status: 'CONFIRMED', decidedBy: d.by, decidedAt: d.at, decisionNote: d.note, updatedAt: d.at } });
        await tx.matchCandidate.updateMany({
          where: { id: { not: c.id }, status: 'PROPOSED', OR: [{ missingId: c.missingId }, { foundId: c.foundId }] },
          data: { status: 'SUPERSEDED', updatedAt: d.at },
        });
        await tx.childReport.update({ where: { id: c.missingId }, data: { status: 'TRACED', tracedAt: d.at, caseId: c.found.caseId } });
        await tx.childReport.update({ where: { id: c.foundId }, data: { status: 'TRACED', tracedAt: d.at } });
      } else {
        await tx.matchCandidate.update({ where: { id: c.id }, data: { status: 'REJECTED', decidedBy: d.by, decidedAt: d.at, decisionNote: d.note, updatedAt: d.at } });
      }
      for (const reportId of [c.missingId, c.foundId]) {
        await this.audit.append(tx, { ...audit, chain: `report:${reportId}`, subjectType: 'match-candidate', subjectId: c.id });
      }
      return tx.matchCandidate.findUniqueOrThrow({ where: { id: c.id }, include: { missing: { omit: WITHOUT_PHOTO }, found: { omit: WITHOUT_PHOTO } } });
    });
  }

  /** Accepts a citizen's missing report into a station's missing diary, or closes a report; audited. */
  update(id: string, data: Prisma.ChildReportUpdateInput, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>) {
    return this.db.$transaction(async (tx) => {
      const row = await tx.childReport.update({ where: { id }, data, omit: WITHOUT_PHOTO });
      await this.audit.append(tx, { ...audit, chain: `report:${id}`, subjectType: 'child-report', subjectId: id });
      return row;
    });
  }
}
