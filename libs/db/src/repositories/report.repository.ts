import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { prismaMatchingSql, type MatchingSql } from '../matching-sql.js';
import { openedBytes, openedJson, openedText, sealedBytes, sealedFieldBinding as bound, sealedJson, sealedText } from '../sealed-fields.js';
import type { Sealer } from '../sealing.js';
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
  blockCode: string | null;
  villageCode: string | null;
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
  /** BLOCKING_KEYS_VERSION of the keys above */
  keysVersion: number;
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
  /**
   * A police station's reports: the district's missing children (for matching, with the districtCode filter),
   * and the found reports of its thana or filed or owned by it.
   */
  station?: { thanaCode: string; bodyId: string };
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
  /** the subject's district: common keys are searched within it (or within the time window) */
  districtCode: string;
  searchByAttributes: boolean;
}

/**
 * How often a key occurs among the reports searched: `field:key` → reports (n: name key, s: skeleton, g: guardian key;
 * nn: two name keys, ng: a name key with a guardian's, as `a+b`).
 */
export type KeyCounts = ReadonlyMap<string, number>;

/** A key carried by more reports of the other kind than this is searched only with the district, or the month, and the birth year. */
export const COMMON_KEY_REPORTS = 100;
/** Days after last seen (or before found) within which a common name is searched anywhere in the country. */
export const NAME_WINDOW_DAYS = 31;
/** Days within which a report without a usable name is compared with the reports of its district. */
export const ATTRIBUTE_WINDOW_DAYS = 28;
/** Trigram similarity (pg_trgm) at which another stored name key counts as a spelling of the subject's. */
export const SIMILAR_KEY = 0.3;
/** A name key this rare among the other kind's reports is likely a misspelling: its trigram neighbours are searched too. */
export const MISSPELT_KEY_REPORTS = 5;

const DAY_MS = 86_400_000;
const utcMonth = (ms: number) => {
  const d = new Date(ms);
  return String(d.getUTCFullYear() * 100 + d.getUTCMonth() + 1);
};

/** Values of `at(day)` for every day of the window, without repeats. */
function overWindow(at: Date, days: number, forward: boolean, of: (ms: number) => string): string[] {
  const out = new Set<string>();
  for (let d = 0; d <= days; d++) out.add(of(at.getTime() + (forward ? d : -d) * DAY_MS));
  return [...out];
}

/**
 * The GIN terms (see raksha_block_terms() in the matching_at_scale migration) that find a subject's candidates: a
 * key rare among the other kind's reports alone; a common key with the district, or with a month of the time window,
 * and each birth year the subject allows; two of the child's name keys together when both are common and the pair is
 * not, a name key with a guardian's likewise; and the district with a week of the window for a report without a
 * usable name (or for candidates without one).
 */
export function candidateTerms(s: CandidateSearch, counts: KeyCounts, similarNameKeys: readonly string[] = []): string[] {
  const forward = s.kind === 'FOUND';
  const years = birthYearTerms(s.birthYearMin, s.birthYearMax);
  const months = overWindow(s.occurredAt, NAME_WINDOW_DAYS, forward, utcMonth);
  const weeks = overWindow(s.occurredAt, ATTRIBUTE_WINDOW_DAYS, forward, (ms) => String(Math.floor(ms / (7 * DAY_MS))));
  const terms = new Set<string>();
  const byKey = (field: 'n' | 's' | 'g', keys: readonly string[], refine = true) => {
    for (const key of new Set(keys)) {
      const reports = counts.get(`${field}:${key}`) ?? 0;
      if (reports === 0) continue;
      if (reports <= COMMON_KEY_REPORTS) {
        terms.add(`${field}:${key}`);
        continue;
      }
      if (!refine) continue;
      for (const y of years) {
        terms.add(`${field}:${key}@${s.districtCode}${y}`);
        for (const m of months) terms.add(`${field}:${key}#${m}${y}`);
      }
    }
  };
  byKey('n', [...s.nameKeys, ...similarNameKeys]);
  byKey('s', s.nameSkeletons, false);
  byKey('g', s.guardianKeys);
  // A pair finds a subset of what each of its keys finds: it is searched only when both keys are common (refined by
  // place and time) and the pair is rare, so that it reaches beyond their district and window.
  const searchedAlone = (field: 'n' | 'g', key: string) => (counts.get(`${field}:${key}`) ?? 0) <= COMMON_KEY_REPORTS;
  for (const { field, a, b } of subjectPairs(s)) {
    const reports = counts.get(`${field}:${a}+${b}`) ?? 0;
    if (reports > 0 && reports <= COMMON_KEY_REPORTS && !searchedAlone('n', a) && !searchedAlone(field === 'nn' ? 'n' : 'g', b)) terms.add(`${field}:${a}+${b}`);
  }
  for (const w of weeks) for (const y of years) terms.add(`${s.searchByAttributes ? 'd' : 'a'}:${s.districtCode}#${w}${y}`);
  return [...terms];
}

/**
 * The birth-year suffixes of the GIN terms that find reports of an age the subject allows (birth years already widened
 * by the tolerance): each year and '~?' (stored age unknown or too wide to be one) for a range of at most 12 years;
 * '~*' (any age) otherwise.
 */
export function birthYearTerms(min: number | null, max: number | null): string[] {
  if (min === null || max === null || max - min > 12) return ['~*'];
  return [...Array.from({ length: max - min + 1 }, (_, i) => `~${min + i}`), '~?'];
}

/** The subject's combined keys as "MatchKeyPair" counts them (nn: two name keys, a < b; ng: a name key and a guardian's). */
export function subjectPairs(s: Pick<CandidateSearch, 'nameKeys' | 'guardianKeys'>): { field: 'nn' | 'ng'; a: string; b: string }[] {
  const names = [...new Set(s.nameKeys)].sort();
  return [
    ...names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ field: 'nn' as const, a, b }))),
    ...names.flatMap((a) => [...new Set(s.guardianKeys)].map((b) => ({ field: 'ng' as const, a, b }))),
  ];
}
export const pairKeys = (s: Pick<CandidateSearch, 'nameKeys' | 'guardianKeys'>) => subjectPairs(s).map(({ a, b }) => `${a}+${b}`);

export interface CandidateScore {
  missingId: string;
  foundId: string;
  probability: number;
  explanation: unknown;
}

const WITHOUT_PHOTO = { photo: false } as const;

/** Every column a ChildReportRow has (all but the photo and the generated blocking terms), for raw queries. */
const REPORT_COLUMNS = [
  'id', 'kind', 'status', 'closedReason', 'policeRef', 'stationId', 'filedBy', 'filedByRole', 'filedByBodyId', 'reporterContact', 'description',
  'occurredAt', 'stateCode', 'districtCode', 'thanaCode', 'blockCode', 'villageCode', 'placeText', 'lat', 'lon', 'photoType', 'caseId', 'searchName', 'searchByAttributes',
  'nameKeys', 'nameSkeletons', 'guardianKeys', 'gender', 'birthYearMin', 'birthYearMax', 'keysVersion', 'createdAt', 'acceptedAt', 'tracedAt', 'closedAt', 'mergedIntoId',
  'legacySource', 'legacyRecordId',
].map((c) => `"${c}"`).join(', ');

/**
 * What matching reads of a candidate: what it compares, and what an alert names (hundreds of rows a match, parsed in Node).
 * `placeText` comes as stored, sealed: matching compares place codes and coordinates, never the place's words.
 */
const CANDIDATE_COLUMNS = ['id', 'kind', 'description', 'occurredAt', 'stateCode', 'districtCode', 'thanaCode', 'placeText', 'lat', 'lon', 'policeRef', 'caseId'] as const;
export type CandidateRow = Pick<ChildReportRow, (typeof CANDIDATE_COLUMNS)[number]>;
/** What the term lookup keeps of each row it finds: the candidate's columns and those its conditions test (not all 33: 15 % less time in the slowest searches). */
const HIT_COLUMNS = [...CANDIDATE_COLUMNS, 'status', 'gender', 'birthYearMin', 'birthYearMax'].map((c) => `"${c}"`).join(', ');

/** What re-keying reads of a report: what its keys are computed from, and the keys stored now. */
const STALE_KEYED_COLUMNS = {
  id: true, kind: true, status: true, description: true, occurredAt: true, stateCode: true, districtCode: true, placeText: true, lat: true, lon: true,
  searchName: true, searchByAttributes: true, nameKeys: true, nameSkeletons: true, guardianKeys: true, gender: true, birthYearMin: true, birthYearMax: true,
} as const;
export type StaleKeyedReport = Prisma.ChildReportGetPayload<{ select: typeof STALE_KEYED_COLUMNS }>;

/** A report's matching keys as stored (libs/matching storedKeys). */
export type ReportKeys = Pick<NewChildReport, 'id' | 'searchName' | 'searchByAttributes' | 'nameKeys' | 'nameSkeletons' | 'guardianKeys' | 'gender' | 'birthYearMin' | 'birthYearMax' | 'keysVersion'>;

export class ReportRepository {
  private readonly audit: AuditRepository;

  private readonly sql: MatchingSql;

  /**
   * `sealer`: seals the reporter's contact, the place's words and the photo at rest (docs/sealed-fields.md).
   * `sql`: how a match's statements run: Prisma's raw queries by default, or a pg pool of matching's own (createMatchingPool), which skips Prisma's query compiler.
   */
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
    sql?: MatchingSql,
  ) {
    this.audit = new AuditRepository(db);
    this.sql = sql ?? prismaMatchingSql(db);
  }

  create(report: NewChildReport, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>) {
    return this.db.$transaction(async (tx) => {
      const row = await tx.childReport.create({
        data: {
          ...report,
          reporterContact: report.reporterContact === null ? Prisma.DbNull : sealedJson(this.sealer, report.reporterContact, bound.reportContact(report.id)),
          placeText: sealedText(this.sealer, report.placeText, bound.reportPlace(report.id)),
          photo: report.photo === null ? null : sealedBytes(this.sealer, report.photo, bound.reportPhoto(report.id)),
          description: report.description as Prisma.InputJsonObject,
        },
        omit: WITHOUT_PHOTO,
      });
      await this.audit.append(tx, { ...audit, chain: `report:${report.id}`, subjectType: 'child-report', subjectId: report.id });
      return this.opened(row);
    });
  }

  /** The contact, place and photo an update brings, as stored: sealed, each bound to the report and the field. */
  private sealedFields(id: string, r: { reporterContact?: Record<string, unknown> | null; placeText?: string | null; photo?: Uint8Array | null }) {
    return {
      ...(r.reporterContact !== undefined && { reporterContact: r.reporterContact === null ? Prisma.DbNull : sealedJson(this.sealer, r.reporterContact, bound.reportContact(id)) }),
      ...(r.placeText !== undefined && { placeText: sealedText(this.sealer, r.placeText, bound.reportPlace(id)) }),
      ...(r.photo !== undefined && { photo: r.photo === null ? null : sealedBytes(this.sealer, r.photo, bound.reportPhoto(id)) }),
    };
  }

  /** A row as stored, with its sealed fields opened (a row stored before sealing passes through). */
  private opened<T extends { id: string; reporterContact: Prisma.JsonValue; placeText: string | null }>(row: T): T {
    return {
      ...row,
      reporterContact: openedJson<Prisma.JsonValue>(this.sealer, row.reporterContact, bound.reportContact(row.id)),
      placeText: openedText(this.sealer, row.placeText, bound.reportPlace(row.id)),
    };
  }

  async findById(id: string) {
    const row = await this.db.childReport.findUnique({ where: { id }, omit: WITHOUT_PHOTO });
    return row && this.opened(row);
  }

  /** A report to match, as findById gives it, through the matching statements' connection. */
  async matchSubject(id: string): Promise<ChildReportRow | null> {
    const [row] = await this.matchSubjects([id]);
    return row ?? null;
  }

  /** Reports to match, as findById gives them, in one statement (a backfill batch); those not found are left out. */
  async matchSubjects(ids: readonly string[]): Promise<ChildReportRow[]> {
    const rows = await this.sql.query<ChildReportRow>(`SELECT ${REPORT_COLUMNS} FROM "ChildReport" WHERE id = ANY($1::uuid[])`, [[...ids]]);
    return rows.map((r) => this.opened(r));
  }

  /** The report's photo, opened. */
  async photo(id: string): Promise<{ photo: Buffer | null; photoType: string | null } | null> {
    const row = await this.db.childReport.findUnique({ where: { id }, select: { photo: true, photoType: true } });
    return row && { photo: row.photo && openedBytes(this.sealer, row.photo, bound.reportPhoto(id)), photoType: row.photoType };
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
      ...(f.station && {
        AND: [{ OR: [{ kind: 'MISSING' }, { thanaCode: f.station.thanaCode }, { stationId: f.station.bodyId }, { filedByBodyId: f.station.bodyId }] }],
      }),
    };
    if (f.searchName) {
      // Trigram similarity on the phonetic search name uses its GIN index (pg_trgm's % operator).
      const ids = await this.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "ChildReport" WHERE "searchName" % ${f.searchName}
        ORDER BY similarity("searchName", ${f.searchName}) DESC, id LIMIT 500`;
      const rows = await this.db.childReport.findMany({ where: { ...where, id: { in: ids.map((r) => r.id) } }, omit: WITHOUT_PHOTO });
      const order = new Map(ids.map((r, i) => [r.id, i]));
      return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).slice(0, f.limit).map((r) => this.opened(r));
    }
    const rows = await this.db.childReport.findMany({
      where: { ...where, ...(f.after && { OR: [{ createdAt: { lt: f.after.createdAt } }, { createdAt: f.after.createdAt, id: { lt: f.after.id } }] }) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
      omit: WITHOUT_PHOTO,
    });
    return rows.map((r) => this.opened(r));
  }

  /**
   * Candidates of the opposite kind by blocking in PostgreSQL, all of them: open, gender compatible, ages that can
   * agree, dates in order, and a blocking term in common (candidateTerms). Also returns how often the subject's keys
   * occur among the reports searched, for frequency-aware scoring (a name agreement is weighed by the subject's keys).
   */
  async candidates(s: CandidateSearch) {
    const [one] = await this.candidatesOfEach([s]);
    return one!;
  }

  /**
   * candidates() for many subjects in two statements whatever their number (a backfill batch): the keys' counts of
   * all of them at once, then each subject's own term lookup, side by side in one statement. Each subject gets exactly
   * what candidates() alone would give it: only its own keys' counts, its own terms, its own conditions.
   */
  async candidatesOfEach(searches: readonly CandidateSearch[]) {
    if (searches.length === 0) return [];
    const union = (of: (s: CandidateSearch) => readonly string[], kind: string) => [...new Set(searches.filter((s) => s.kind === kind).flatMap(of))];
    const found: { kind: string; field: string; key: string; reports: number; similarTo: string | null }[] = [];
    for (const kind of [...new Set(searches.map((s) => s.kind))]) {
      const nameKeys = union((s) => s.nameKeys, kind);
      const rows = await this.sql.query<{ field: string; key: string; reports: number; similarTo: string | null }>(
        `SELECT field, key, reports, NULL AS "similarTo" FROM "MatchKey"
         WHERE kind = $1 AND ((field = 'n' AND key = ANY($2::text[])) OR (field = 's' AND key = ANY($3::text[])) OR (field = 'g' AND key = ANY($4::text[])) OR field = '*')
         UNION ALL
         SELECT field, key, reports, NULL FROM "MatchKeyPair" WHERE kind = $1 AND field IN ('nn', 'ng') AND key = ANY($5::text[])
         UNION ALL
         SELECT 'n', m.key, m.reports, q.key FROM "MatchKey" m, unnest($2::text[]) AS q(key)
         WHERE m.kind = $1 AND m.field = 'n' AND m.key % q.key AND similarity(m.key, q.key) >= $6::float8 AND m.key <> q.key`,
        [kind, nameKeys, union((s) => s.nameSkeletons, kind), union((s) => s.guardianKeys, kind), union(pairKeys, kind), SIMILAR_KEY],
      );
      for (const r of rows) found.push({ ...r, kind });
    }
    const searched = searches.map((s) => {
      // The subject's own keys' counts alone, as candidates() reads them (a pair's key under either field): a key of
      // another subject of the batch would change its frequencies.
      const own = new Set([...s.nameKeys.map((k) => `n:${k}`), ...s.nameSkeletons.map((k) => `s:${k}`), ...s.guardianKeys.map((k) => `g:${k}`), ...pairKeys(s).flatMap((k) => [`nn:${k}`, `ng:${k}`])]);
      const mine = found.filter((r) => r.kind === s.kind);
      const subjectCounts = new Map(mine.filter((r) => r.similarTo === null && (r.field === '*' || own.has(`${r.field}:${r.key}`))).map((r) => [`${r.field}:${r.key}`, r.reports]));
      const misspelt = new Set(s.nameKeys.filter((k) => (subjectCounts.get(`n:${k}`) ?? 0) <= MISSPELT_KEY_REPORTS));
      const similar = mine.filter((r) => r.similarTo !== null && misspelt.has(r.similarTo) && !s.nameKeys.includes(r.key));
      for (const r of similar) subjectCounts.set(`n:${r.key}`, r.reports);
      return { counts: subjectCounts as KeyCounts, terms: candidateTerms(s, subjectCounts, similar.map((r) => r.key)) };
    });
    // An array overlap with a hundred terms looks unselective to the planner, which then scans the table, or ANDs the
    // GIN index with a btree index on kind that reads half the table, and compiles the query with JIT (7 ms): the GIN
    // index answers it in milliseconds. So each subject's terms are looked up alone (a subquery the planner cannot
    // merge, OFFSET 0), sequential scans and JIT off, and the other conditions are checked on the rows found.
    const subjects = searches.map((s, i) => ({ i, terms: searched[i]!.terms, kind: s.kind, gender: s.gender, ymin: s.birthYearMin, ymax: s.birthYearMax, at: s.occurredAt.toISOString() })).filter((s) => s.terms.length > 0);
    const rows = subjects.length === 0 ? [] : await this.sql.indexOnly<CandidateRow & { subject: number }>(
      `SELECT s.i AS subject, ${CANDIDATE_COLUMNS.map((c) => `hit."${c}"`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS s(i int, terms text[], kind text, gender text, ymin int, ymax int, at timestamptz)
       CROSS JOIN LATERAL (SELECT ${HIT_COLUMNS} FROM "ChildReport" WHERE "blockTerms" && s.terms OFFSET 0) hit
       WHERE hit.kind = s.kind AND hit.status = 'OPEN'
         AND (s.gender IN ('UNKNOWN', 'TRANSGENDER') OR hit.gender IN (s.gender, 'UNKNOWN', 'TRANSGENDER'))
         AND (s.ymin IS NULL OR hit."birthYearMax" IS NULL OR (hit."birthYearMax" >= s.ymin AND hit."birthYearMin" <= s.ymax))
         AND (CASE WHEN s.kind = 'FOUND' THEN hit."occurredAt" >= date_trunc('day', s.at)
                   ELSE hit."occurredAt" < date_trunc('day', s.at) + interval '1 day' END)`,
      [JSON.stringify(subjects)],
    );
    const bySubject = searches.map(() => [] as CandidateRow[]);
    for (const { subject, ...row } of rows) bySubject[subject]!.push(row);
    return searches.map((_, i) => ({ rows: bySubject[i]!, counts: searched[i]!.counts, terms: searched[i]!.terms.length }));
  }

  /**
   * Keeps every candidate scored above the kept threshold, updating the score of one already proposed; one statement.
   * The explanations go as one JSON array (the i-th for the i-th pair), not as a jsonb[] whose every quote the driver
   * escapes into an array literal: a quarter of the time in Node for a hundred pairs.
   */
  async saveCandidates(scores: readonly CandidateScore[], now: Date) {
    if (scores.length === 0) return [];
    return this.sql.query<{ id: string; missingId: string; foundId: string; probability: number; status: string; alertedAt: Date | null }>(
      `INSERT INTO "MatchCandidate" (id, "missingId", "foundId", probability, explanation, status, "createdAt", "updatedAt")
       SELECT c.id, c.missing, c.found, c.probability, $5::jsonb -> (c.i::int - 1), 'PROPOSED', $6::timestamptz, $6::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::float8[]) WITH ORDINALITY AS c(id, missing, found, probability, i)
       ON CONFLICT ("missingId", "foundId") DO UPDATE SET probability = excluded.probability, explanation = excluded.explanation, "updatedAt" = excluded."updatedAt"
       RETURNING id, "missingId", "foundId", probability, status, "alertedAt"`,
      [scores.map(() => randomUUID()), scores.map((c) => c.missingId), scores.map((c) => c.foundId), scores.map((c) => c.probability), JSON.stringify(scores.map((c) => c.explanation)), now],
    );
  }

  async markAlerted(candidateIds: readonly string[], at: Date): Promise<void> {
    await this.sql.query(`UPDATE "MatchCandidate" SET "alertedAt" = $2::timestamptz WHERE id = ANY($1::uuid[]) AND "alertedAt" IS NULL`, [[...candidateIds], at]);
  }

  async candidate(id: string) {
    const c = await this.db.matchCandidate.findUnique({ where: { id }, include: { missing: { omit: WITHOUT_PHOTO }, found: { omit: WITHOUT_PHOTO } } });
    return c && this.openedPair(c);
  }

  private openedPair<T extends { missing: ChildReportRow; found: ChildReportRow }>(c: T): T {
    return { ...c, missing: this.opened(c.missing), found: this.opened(c.found) };
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
    return { total, items: items.map((c) => this.openedPair(c)) };
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
      return this.openedPair(await tx.matchCandidate.findUniqueOrThrow({ where: { id: c.id }, include: { missing: { omit: WITHOUT_PHOTO }, found: { omit: WITHOUT_PHOTO } } }));
    });
  }

  /** Up to `limit` reports whose keys an older BLOCKING_KEYS_VERSION computed, in id order after `after`: what re-keying reads. */
  staleKeyed(version: number, after: string | null, limit: number): Promise<StaleKeyedReport[]> {
    return this.db.childReport.findMany({
      where: { keysVersion: { lt: version }, ...(after !== null && { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: limit,
      select: STALE_KEYED_COLUMNS,
    });
  }

  /**
   * Writes recomputed keys in one statement. A report another worker re-keyed meanwhile (its version no older than the
   * one written) is left alone; the trigger moves the MatchKey and MatchKeyPair counts from the old keys to the new.
   */
  async rekey(rows: readonly ReportKeys[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(f: (r: ReportKeys) => T) => rows.map(f);
    await this.db.$executeRawUnsafe(
      `UPDATE "ChildReport" AS r SET "searchName" = u.search, "searchByAttributes" = u.attrs, "nameKeys" = string_to_array(u.keys, '|'),
              "nameSkeletons" = string_to_array(u.skeletons, '|'), "guardianKeys" = string_to_array(u.guardians, '|'), gender = u.gender,
              "birthYearMin" = u.ymin, "birthYearMax" = u.ymax, "keysVersion" = u.version
       FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[])
            AS u(id, search, attrs, keys, skeletons, guardians, gender, ymin, ymax, version)
       WHERE r.id = u.id AND r."keysVersion" < u.version`,
      col((r) => r.id),
      col((r) => r.searchName),
      col((r) => r.searchByAttributes),
      // '|' joins a report's keys into one text per row (unnest flattens arrays of arrays); keys are letters only.
      col((r) => r.nameKeys.join('|')),
      col((r) => r.nameSkeletons.join('|')),
      col((r) => r.guardianKeys.join('|')),
      col((r) => r.gender),
      col((r) => r.birthYearMin),
      col((r) => r.birthYearMax),
      col((r) => r.keysVersion),
    );
  }

  /**
   * Accepts a citizen's missing report into a station's missing diary, or closes a report; audited. A new contact,
   * place or photo given in clear (an object, a string, bytes) is sealed as `create` seals it.
   */
  update(id: string, data: Prisma.ChildReportUpdateInput, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>) {
    const { reporterContact, placeText, photo } = data;
    const clear = {
      ...(isPlainObject(reporterContact) && { reporterContact: reporterContact as Record<string, unknown> }),
      ...(typeof placeText === 'string' && { placeText }),
      ...(photo instanceof Uint8Array && { photo }),
    };
    return this.db.$transaction(async (tx) => {
      const row = await tx.childReport.update({ where: { id }, data: { ...data, ...this.sealedFields(id, clear) }, omit: WITHOUT_PHOTO });
      await this.audit.append(tx, { ...audit, chain: `report:${id}`, subjectType: 'child-report', subjectId: id });
      return this.opened(row);
    });
  }
}

/** A JSON object given as a value (not Prisma's DbNull or JsonNull, which are class instances, nor an update operation). */
function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
