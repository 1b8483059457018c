// Duplicates: two records of the same kind (two missing reports, two found reports, two cases) that may be the same
// child, scored by the same field comparisons and weights as a missing/found pair.
import { candidateRejection } from './blocking.js';
import { dayNumber } from './dates.js';
import type { ChildDescription, FoundReport, MissingReport } from './record.js';
import { scorePair, type MatchResult } from './score.js';

/** At or above: shown before saving and listed for review as a likely duplicate. */
export const DUPLICATE_THRESHOLD = 0.5;

/** A record with the date it is about (last seen, found, registered): ISO date or date-time. */
export type DatedDescription = ChildDescription & { date: string };

/**
 * How likely two records describe the same child, and why; null when they cannot (genders or ages apart). The
 * earlier record stands as the missing report and the later as the found one, so each age is read on its own date.
 */
export function scoreDuplicate(a: DatedDescription, b: DatedDescription): MatchResult | null {
  const [earlier, later] = dayNumber(a.date) <= dayNumber(b.date) ? [a, b] : [b, a];
  const { date: lastSeenAt, ...m } = earlier;
  const { date: foundAt, ...f } = later;
  const missing: MissingReport = { ...m, kind: 'MISSING', lastSeenAt };
  const found: FoundReport = { ...f, kind: 'FOUND', foundAt };
  if (candidateRejection(missing, found) !== null) return null;
  const result = scorePair(missing, found);
  return earlier === a ? result : { ...result, missingId: result.foundId, foundId: result.missingId };
}

/** The likely duplicates of `subject` among `others`, most probable first. */
export function likelyDuplicates<T extends DatedDescription>(subject: DatedDescription, others: readonly T[], threshold = DUPLICATE_THRESHOLD): { record: T; result: MatchResult }[] {
  return others
    .filter((o) => o.id !== subject.id)
    .flatMap((record) => {
      const result = scoreDuplicate(subject, record);
      return result && result.probability >= threshold ? [{ record, result }] : [];
    })
    .sort((x, y) => y.result.probability - x.result.probability);
}
