import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { prismaMatchingSql, type MatchingSql } from '../matching-sql.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';
import { birthYearTerms, COMMON_KEY_REPORTS, subjectPairs } from './report.repository.js';

/** The most earlier records a new one is compared with; blocking by name keys keeps it far below this. */
const CANDIDATE_LIMIT = 300;
/** Ages a duplicate's birth years may differ by (estimates of one child's age by two officers). */
const BIRTH_YEAR_TOLERANCE = 3;

export interface ReportDuplicateSearch {
  kind: string;
  stateCode: string;
  /** the report's district: a common key is searched only within it */
  districtCode: string;
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

/** A case registration's search for earlier cases of the same child. */
export interface CaseDuplicateSearch {
  stateCode: string;
  /** the case's district: a common name is searched only within it, and so are cases registered before cases had keys */
  districtCode: string;
  /** the child's name keys and spelling skeletons (libs/matching blockingKeys) */
  nameKeys: string[];
  nameSkeletons: string[];
  /** the case itself, once registered */
  excludeId?: string;
}

/**
 * How often each key occurs among the reports (MatchKey, MatchKeyPair: every report ever filed of the kind, the
 * population a name is drawn from): `kind|field:key` → reports.
 */
type KindKeyCounts = ReadonlyMap<string, number>;

/**
 * The GIN terms (raksha_block_terms()) that find a report's earlier reports of the same child: a key rare among reports
 * of its kind (at most COMMON_KEY_REPORTS) alone, anywhere (the state is checked on the rows found); a common key only
 * with the report's district and each birth year it allows; two of the child's name keys together, or a name key with
 * a guardian's, when both are common and the pair is not (a full name rare as a whole is searched anywhere too).
 * Unlike matching, no month window: a duplicate is the same child filed again, whenever, by someone of its district.
 */
export function duplicateTerms(s: ReportDuplicateSearch, counts: KindKeyCounts): string[] {
  const count = (field: string, key: string) => counts.get(`${s.kind}|${field}:${key}`) ?? 0;
  const years = birthYearTerms(s.birthYearMin === null ? null : s.birthYearMin - BIRTH_YEAR_TOLERANCE, s.birthYearMax === null ? null : s.birthYearMax + BIRTH_YEAR_TOLERANCE);
  const terms = new Set<string>();
  const byKey = (field: 'n' | 's' | 'g', keys: readonly string[]) => {
    for (const key of new Set(keys)) {
      const reports = count(field, key);
      if (reports === 0) continue;
      if (reports <= COMMON_KEY_REPORTS) terms.add(`${field}:${key}`);
      else for (const y of years) terms.add(`${field}:${key}@${s.districtCode}${y}`);
    }
  };
  byKey('n', s.nameKeys);
  byKey('s', s.nameSkeletons);
  byKey('g', s.guardianKeys);
  for (const { field, a, b } of subjectPairs(s)) {
    const reports = count(field, `${a}+${b}`);
    if (reports > 0 && reports <= COMMON_KEY_REPORTS && count('n', a) > COMMON_KEY_REPORTS && count(field === 'nn' ? 'n' : 'g', b) > COMMON_KEY_REPORTS) terms.add(`${field}:${a}+${b}`);
  }
  return [...terms];
}

/** A case's name keys as the Case row stores them (childKeys): n: name keys, s: spelling skeletons. */
export const caseKeyTerms = (k: { nameKeys: readonly string[]; nameSkeletons: readonly string[] }) => [...new Set([...k.nameKeys.map((x) => `n:${x}`), ...k.nameSkeletons.map((x) => `s:${x}`)])];

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


type Audit = Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>;

/** Likely duplicates of reports and cases: the earlier records a new one may repeat, the suspects, and merging. */
export class DuplicateRepository {
  private readonly audit: AuditRepository;

  private readonly sql: MatchingSql;

  /** `sql`: how the searches run: Prisma's raw queries by default, or matching's own pg pool (createMatchingPool). */
  constructor(private readonly db: Db, sql?: MatchingSql) {
    this.audit = new AuditRepository(db);
    this.sql = sql ?? prismaMatchingSql(db);
  }

  /** The reports' counts of the keys asked (`kind|field:key`); keys no report has are left out. */
  private async keyCounts(asked: readonly { kind: string; field: string; key: string }[]): Promise<KindKeyCounts> {
    const single = asked.filter((a) => a.field.length === 1);
    const pairs = asked.filter((a) => a.field.length === 2);
    const rows = asked.length === 0 ? [] : await this.sql.query<{ kind: string; field: string; key: string; reports: number }>(
      `SELECT m.kind, m.field, m.key, m.reports FROM "MatchKey" m JOIN unnest($1::text[], $2::text[], $3::text[]) AS q(kind, field, key) USING (kind, field, key)
       UNION ALL
       SELECT m.kind, m.field, m.key, m.reports FROM "MatchKeyPair" m JOIN unnest($4::text[], $5::text[], $6::text[]) AS q(kind, field, key) USING (kind, field, key)`,
      [single.map((a) => a.kind), single.map((a) => a.field), single.map((a) => a.key), pairs.map((a) => a.kind), pairs.map((a) => a.field), pairs.map((a) => a.key)],
    );
    return new Map(rows.map((r) => [`${r.kind}|${r.field}:${r.key}`, r.reports]));
  }

  /**
   * Open reports of the same kind in the same state, of a compatible gender and age, sharing a rare name, skeleton or
   * guardian key (anywhere in the state) or a common one within the report's district (duplicateTerms): the 300 most
   * recent of them.
   */
  async reportCandidates(s: ReportDuplicateSearch) {
    const [rows] = await this.reportCandidatesOfEach([s]);
    return rows!;
  }

  /**
   * reportCandidates() for many reports in two statements (a backfill batch): the keys' counts of all of them, then each
   * report's own term lookup, side by side. What is read is bounded by the terms, not by the register: a rare key finds
   * at most COMMON_KEY_REPORTS reports, a common one those of one district and birth years.
   */
  async reportCandidatesOfEach(searches: readonly ReportDuplicateSearch[]): Promise<ReportDuplicateCandidate[][]> {
    if (searches.length === 0) return [];
    const asked = new Map<string, { kind: string; field: string; key: string }>();
    const ask = (kind: string, field: string, key: string) => asked.set(`${kind}|${field}:${key}`, { kind, field, key });
    for (const s of searches) {
      for (const k of s.nameKeys) ask(s.kind, 'n', k);
      for (const k of s.nameSkeletons) ask(s.kind, 's', k);
      for (const k of s.guardianKeys) ask(s.kind, 'g', k);
      for (const { field, a, b } of subjectPairs(s)) ask(s.kind, field, `${a}+${b}`);
    }
    const counts = await this.keyCounts([...asked.values()]);
    const subjects = searches
      .map((s, i) => ({
        i,
        terms: duplicateTerms(s, counts),
        kind: s.kind,
        state: s.stateCode,
        gender: s.gender,
        ymin: s.birthYearMin === null ? null : s.birthYearMin - BIRTH_YEAR_TOLERANCE,
        ymax: s.birthYearMax === null ? null : s.birthYearMax + BIRTH_YEAR_TOLERANCE,
        exclude: s.excludeId ?? null,
      }))
      .filter((s) => s.terms.length > 0);
    // As in candidate matching: each report's terms looked up alone in the GIN index (OFFSET 0 keeps the planner from
    // merging the subquery), sequential scans and JIT off, the other conditions checked on the rows found.
    const rows = subjects.length === 0 ? [] : await this.sql.indexOnly<ReportDuplicateCandidate & { subject: number }>(
      `SELECT s.i AS subject, r.* FROM jsonb_to_recordset($1::jsonb) AS s(i int, terms text[], kind text, state text, gender text, ymin int, ymax int, exclude uuid)
       CROSS JOIN LATERAL (
         SELECT id, kind, status, description, "occurredAt", "stateCode", "districtCode", "placeText", lat, lon, "policeRef", "createdAt"
         FROM (SELECT id, kind, status, description, "occurredAt", "stateCode", "districtCode", "placeText", lat, lon, "policeRef", "createdAt", "mergedIntoId", gender, "birthYearMin", "birthYearMax"
               FROM "ChildReport" WHERE "blockTerms" && s.terms OFFSET 0) hit
         WHERE hit.kind = s.kind AND hit."stateCode" = s.state AND hit."mergedIntoId" IS NULL AND hit.status IN ('OPEN', 'PENDING_ACCEPTANCE')
           AND hit.id <> COALESCE(s.exclude, '00000000-0000-0000-0000-000000000000'::uuid)
           AND (s.gender = 'UNKNOWN' OR hit.gender IN (s.gender, 'UNKNOWN', 'TRANSGENDER') OR s.gender = 'TRANSGENDER')
           AND (s.ymin IS NULL OR hit."birthYearMax" IS NULL OR hit."birthYearMax" >= s.ymin)
           AND (s.ymax IS NULL OR hit."birthYearMin" IS NULL OR hit."birthYearMin" <= s.ymax)
         ORDER BY hit."createdAt" DESC
         LIMIT ${CANDIDATE_LIMIT}
       ) r`,
      [JSON.stringify(subjects)],
    );
    const bySubject = searches.map(() => [] as ReportDuplicateCandidate[]);
    for (const { subject, ...row } of rows) bySubject[subject]!.push(row);
    return bySubject;
  }

  /**
   * Open, unmerged cases of the state that name the child, with what their registration said of the child: those
   * sharing a name key or skeleton rare among reports (either kind) anywhere in the state; those sharing a common one,
   * and those registered before cases kept keys, only in the case's district. The 300 most recent.
   */
  async caseCandidates(s: CaseDuplicateSearch) {
    const asked = [...s.nameKeys.map((key) => ({ field: 'n', key })), ...s.nameSkeletons.map((key) => ({ field: 's', key }))];
    const counts = await this.keyCounts(asked.flatMap((a) => ['MISSING', 'FOUND'].map((kind) => ({ kind, ...a }))));
    const reports = (field: string, key: string) => (counts.get(`MISSING|${field}:${key}`) ?? 0) + (counts.get(`FOUND|${field}:${key}`) ?? 0);
    const rare = caseKeyTerms({ nameKeys: s.nameKeys.filter((k) => reports('n', k) <= COMMON_KEY_REPORTS), nameSkeletons: s.nameSkeletons.filter((k) => reports('s', k) <= COMMON_KEY_REPORTS) });
    const all = caseKeyTerms(s);
    return this.sql.query<{ id: string; track: string; districtCode: string; stateCode: string; childName: string; registeredAt: Date; child: Prisma.JsonValue }>(
      `SELECT c.id, c.track, c."districtCode", c."stateCode", c."childName", c."registeredAt", t.payload->'child' AS child
       FROM "Case" c JOIN "TimelineEntry" t ON t."caseId" = c.id AND t.sequence = 0
       WHERE c."stateCode" = $1 AND c."mergedIntoId" IS NULL AND c.phase <> 'CLOSED' AND c."childName" IS NOT NULL
         AND c.id <> COALESCE($5::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
         AND (c."childKeys" && $3::text[] OR (c."districtCode" = $2 AND (c."childKeys" && $4::text[] OR c."childKeys" = '{}')))
       ORDER BY c."registeredAt" DESC
       LIMIT ${CANDIDATE_LIMIT}`,
      [s.stateCode, s.districtCode, rare, all, s.excludeId ?? null],
    );
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
