// Likely duplicates of a report or a case among the earlier records of its state: the same child filed, registered or
// imported twice. Blocked in PostgreSQL (DuplicateRepository), scored by libs/matching (scoreDuplicate).
import { caseKeyTerms, type CaseRepository, type DuplicateRepository, type ReportDuplicateSearch } from '@raksha/db';
import { BoundedCache, childReportOf, likelyDuplicates, storedKeys, type ChildReport, type DatedDescription, type MatchResult } from '@raksha/matching';
import { storedRecord } from './matching.js';

type ReportCandidate = Awaited<ReturnType<DuplicateRepository['reportCandidates']>>[number];
type CaseCandidate = Awaited<ReturnType<DuplicateRepository['caseCandidates']>>[number];

/** What a report says, saved or not yet. */
export interface ReportSubject {
  id: string;
  kind: 'MISSING' | 'FOUND';
  /** the child's description as filed (childDescriptionBody) */
  description: object;
  occurredAt: Date;
  stateCode: string;
  districtCode: string;
  placeText: string | null;
  lat: number | null;
  lon: number | null;
}

type DatedRecord = DatedDescription & ChildReport;
/** Dated records of stored reports by id, kept across searches (a backfill batch after another): each analysed once. */
export type DuplicateRecords = BoundedCache<string, DatedRecord>;
export const duplicateRecords = (): DuplicateRecords => new BoundedCache();

const datedRecord = (r: ReportSubject, records?: DuplicateRecords): DatedRecord => {
  const make = () => ({ ...storedRecord(r as Parameters<typeof storedRecord>[0]), date: r.occurredAt.toISOString() });
  return records ? records.getOrAdd(r.id, make) : make();
};

/** The search for a report's earlier reports, or null when it names no one (nothing to block on). */
function duplicateSearch(subject: ReportSubject): ReportDuplicateSearch | null {
  const keys = storedKeys(storedRecord(subject as Parameters<typeof storedRecord>[0]));
  if (keys.nameKeys.length === 0 && keys.guardianKeys.length === 0) return null;
  return { kind: subject.kind, stateCode: subject.stateCode, districtCode: subject.districtCode, nameKeys: keys.nameKeys, nameSkeletons: keys.nameSkeletons, guardianKeys: keys.guardianKeys, gender: keys.gender, birthYearMin: keys.birthYearMin, birthYearMax: keys.birthYearMax, excludeId: subject.id };
}

function duplicatesAmong(subject: ReportSubject, rows: readonly ReportCandidate[], records?: DuplicateRecords): { report: ReportCandidate; result: MatchResult }[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const others = rows.map((r) => datedRecord({ ...r, kind: r.kind as ReportSubject['kind'], description: r.description as object }, records));
  return likelyDuplicates(datedRecord(subject, records), others).map(({ record: o, result }) => ({ report: byId.get(o.id)!, result }));
}

export async function reportDuplicates(repo: Pick<DuplicateRepository, 'reportCandidates'>, subject: ReportSubject): Promise<{ report: ReportCandidate; result: MatchResult }[]> {
  const search = duplicateSearch(subject);
  return search ? duplicatesAmong(subject, await repo.reportCandidates(search)) : [];
}

/**
 * reportDuplicates() for many saved reports (a backfill batch): their earlier reports read in one statement, and each
 * stored report analysed once however many searches find it (`records`, kept by the caller across batches).
 */
export async function reportDuplicatesOfEach(repo: Pick<DuplicateRepository, 'reportCandidatesOfEach'>, subjects: readonly ReportSubject[], records: DuplicateRecords): Promise<{ report: ReportCandidate; result: MatchResult }[][]> {
  const searches = subjects.map(duplicateSearch);
  const asked = searches.flatMap((s, i) => (s ? [{ s, i }] : []));
  const rows = await repo.reportCandidatesOfEach(asked.map(({ s }) => s));
  const out = subjects.map(() => [] as { report: ReportCandidate; result: MatchResult }[]);
  for (const [j, { i }] of asked.entries()) {
    out[i] = duplicatesAmong(subjects[i]!, rows[j]!, records);
    // Scoring is CPU work on the worker's event loop: let live case work in between.
    await new Promise((r) => setImmediate(r));
  }
  return out;
}

/** What a case registration says of the child. */
export interface CaseSubject {
  id?: string;
  stateCode: string;
  districtCode: string;
  registeredAt: Date;
  child: { name?: string | undefined; ageYears?: number | undefined; gender?: string | undefined };
}

export type CaseChild = { name?: string; ageYears?: number; gender?: string };
const describedChild = (id: string, child: CaseChild, place: { stateCode: string; districtCode: string }, at: Date) => ({
  id,
  ...(child.name && { name: child.name }),
  ...(child.gender && { gender: child.gender as 'MALE' | 'FEMALE' | 'TRANSGENDER' | 'UNKNOWN' }),
  ...(child.ageYears !== undefined && { ageYears: { min: child.ageYears, max: child.ageYears } }),
  place,
  date: at.toISOString(),
});

/** A case child's name keys and skeletons (libs/matching, as a report's are computed). */
function caseChildKeys(child: CaseChild, place: { stateCode: string; districtCode: string }, at: Date) {
  // Only the name makes name keys: the rest of a report is left out.
  const keys = storedKeys(childReportOf({ id: 'case', kind: 'FOUND', description: { ...(child.name && { name: child.name }) }, occurredAt: at.toISOString(), place }));
  return { nameKeys: keys.nameKeys, nameSkeletons: keys.nameSkeletons };
}

/** What a case row keeps for the duplicate search (Case.childKeys): none when the registration names no child. */
export function caseKeys(registration: { child?: CaseChild; stateCode: string; districtCode: string; registeredAt: Date }): string[] {
  if (!registration.child?.name) return [];
  return caseKeyTerms(caseChildKeys(registration.child, registration, registration.registeredAt));
}

export async function caseDuplicates(repo: Pick<DuplicateRepository, 'caseCandidates'>, subject: CaseSubject): Promise<{ case: CaseCandidate; result: MatchResult }[]> {
  if (!subject.child.name) return [];
  const keys = caseChildKeys(subject.child as CaseChild, subject, subject.registeredAt);
  const rows = await repo.caseCandidates({ stateCode: subject.stateCode, districtCode: subject.districtCode, ...keys, ...(subject.id && { excludeId: subject.id }) });
  const others = rows.map((r) => ({ ...describedChild(r.id, (r.child ?? {}) as CaseChild, r, r.registeredAt), row: r }));
  const me = describedChild(subject.id ?? 'new-case', subject.child, subject, subject.registeredAt);
  return likelyDuplicates(me, others).map(({ record: o, result }) => ({ case: o.row, result }));
}

/**
 * Gives the named cases registered before cases kept name keys their keys, in batches, so that the duplicate search
 * reaches them across the state as it reaches new ones (until then, only registrations in their own district). Run
 * by the worker at start, until it stops; a crash loses at most a batch, and a second worker writes the same keys.
 * Returns how many it keyed.
 */
export async function keyStoredCases(cases: Pick<CaseRepository, 'unkeyed' | 'setChildKeys'>, options: { batchSize?: number; stopped?: () => boolean } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let keyed = 0;
  for (let after: string | null = null; !options.stopped?.(); ) {
    const batch = await cases.unkeyed(after, batchSize);
    if (batch.length === 0) return keyed;
    const rows = batch.map((c) => ({ id: c.id, childKeys: caseKeys({ child: { name: c.childName! }, stateCode: c.stateCode, districtCode: c.districtCode, registeredAt: c.registeredAt }) })).filter((r) => r.childKeys.length > 0);
    await cases.setChildKeys(rows);
    keyed += rows.length;
    after = batch.at(-1)!.id;
  }
  return keyed;
}
