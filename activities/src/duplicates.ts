// Likely duplicates of a report or a case among the earlier records of its state: the same child filed, registered or
// imported twice. Blocked in PostgreSQL (DuplicateRepository), scored by libs/matching (scoreDuplicate).
import type { DuplicateRepository } from '@raksha/db';
import { likelyDuplicates, storedKeys, type MatchResult } from '@raksha/matching';
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

export async function reportDuplicates(repo: Pick<DuplicateRepository, 'reportCandidates'>, subject: ReportSubject): Promise<{ report: ReportCandidate; result: MatchResult }[]> {
  const record = storedRecord(subject as Parameters<typeof storedRecord>[0]);
  const keys = storedKeys(record);
  if (keys.nameKeys.length === 0 && keys.guardianKeys.length === 0) return [];
  const rows = await repo.reportCandidates({ kind: subject.kind, stateCode: subject.stateCode, nameKeys: keys.nameKeys, nameSkeletons: keys.nameSkeletons, guardianKeys: keys.guardianKeys, gender: keys.gender, birthYearMin: keys.birthYearMin, birthYearMax: keys.birthYearMax, excludeId: subject.id });
  const others = rows.map((r) => ({ ...storedRecord(r), date: r.occurredAt.toISOString(), row: r }));
  return likelyDuplicates({ ...record, date: subject.occurredAt.toISOString() }, others).map(({ record: o, result }) => ({ report: o.row, result }));
}

/** What a case registration says of the child. */
export interface CaseSubject {
  id?: string;
  stateCode: string;
  districtCode: string;
  registeredAt: Date;
  child: { name?: string | undefined; ageYears?: number | undefined; gender?: string | undefined };
}

type CaseChild = { name?: string; ageYears?: number; gender?: string };
const describedChild = (id: string, child: CaseChild, place: { stateCode: string; districtCode: string }, at: Date) => ({
  id,
  ...(child.name && { name: child.name }),
  ...(child.gender && { gender: child.gender as 'MALE' | 'FEMALE' | 'TRANSGENDER' | 'UNKNOWN' }),
  ...(child.ageYears !== undefined && { ageYears: { min: child.ageYears, max: child.ageYears } }),
  place,
  date: at.toISOString(),
});

export async function caseDuplicates(repo: Pick<DuplicateRepository, 'caseCandidates'>, subject: CaseSubject): Promise<{ case: CaseCandidate; result: MatchResult }[]> {
  if (!subject.child.name) return [];
  const rows = await repo.caseCandidates(subject.stateCode, subject.id);
  const others = rows.map((r) => ({ ...describedChild(r.id, (r.child ?? {}) as CaseChild, r, r.registeredAt), row: r }));
  const me = describedChild(subject.id ?? 'new-case', subject.child, subject, subject.registeredAt);
  return likelyDuplicates(me, others).map(({ record: o, result }) => ({ case: o.row, result }));
}
