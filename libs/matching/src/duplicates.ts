// Duplicates: two records of the same kind (two missing reports, two found reports, two cases) that may be the same
// child, scored by the same field comparisons and weights as a missing/found pair.
import { candidateRejection } from './blocking.js';
import { dayNumber } from './dates.js';
import type { ChildDescription, FoundReport, MissingReport } from './record.js';
import { pairProbability, scorePair, type MatchResult } from './score.js';

/** At or above: shown before saving and listed for review as a likely duplicate. */
export const DUPLICATE_THRESHOLD = 0.5;

/** A record with the date it is about (last seen, found, registered): ISO date or date-time. */
export type DatedDescription = ChildDescription & { date: string };

// The two records as the missing and the found report of a pair, kept per record object (as prepareReport keeps its
// analysis): comparing one record with hundreds analyses it once, not once a comparison.
const asMissing = new WeakMap<DatedDescription, MissingReport>();
const asFound = new WeakMap<DatedDescription, FoundReport>();
function missingView(r: DatedDescription): MissingReport {
  let v = asMissing.get(r);
  if (!v) {
    const { date: lastSeenAt, ...m } = r;
    asMissing.set(r, (v = { ...m, kind: 'MISSING', lastSeenAt }));
  }
  return v;
}
function foundView(r: DatedDescription): FoundReport {
  let v = asFound.get(r);
  if (!v) {
    const { date: foundAt, ...f } = r;
    asFound.set(r, (v = { ...f, kind: 'FOUND', foundAt }));
  }
  return v;
}

/** The pair two records make (the earlier as the missing report), or null when they cannot be one child. */
function duplicatePair(a: DatedDescription, b: DatedDescription): { missing: MissingReport; found: FoundReport; swapped: boolean } | null {
  const swapped = dayNumber(a.date) > dayNumber(b.date);
  const [earlier, later] = swapped ? [b, a] : [a, b];
  const missing = missingView(earlier);
  const found = foundView(later);
  return candidateRejection(missing, found) === null ? { missing, found, swapped } : null;
}

const explained = ({ missing, found, swapped }: { missing: MissingReport; found: FoundReport; swapped: boolean }): MatchResult => {
  const result = scorePair(missing, found);
  return swapped ? { ...result, missingId: result.foundId, foundId: result.missingId } : result;
};

/**
 * How likely two records describe the same child, and why; null when they cannot (genders or ages apart). The
 * earlier record stands as the missing report and the later as the found one, so each age is read on its own date.
 */
export function scoreDuplicate(a: DatedDescription, b: DatedDescription): MatchResult | null {
  const pair = duplicatePair(a, b);
  return pair && explained(pair);
}

/**
 * The likely duplicates of `subject` among `others`, most probable first. Each pair's probability is summed first
 * (pairProbability, scorePair's sum without the words); only those at or above the threshold are explained.
 */
export function likelyDuplicates<T extends DatedDescription>(subject: DatedDescription, others: readonly T[], threshold = DUPLICATE_THRESHOLD): { record: T; result: MatchResult }[] {
  return others
    .filter((o) => o.id !== subject.id)
    .flatMap((record) => {
      const pair = duplicatePair(subject, record);
      if (!pair || pairProbability(pair.missing, pair.found) < threshold) return [];
      return [{ record, result: explained(pair) }];
    })
    .sort((x, y) => y.result.probability - x.result.probability);
}
