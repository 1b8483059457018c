// Ranking candidates for one report: every candidate at or above the threshold, most likely
// first, a page at a time, with the total so that nothing is cut silently.
import { isCandidatePair, type BlockingOptions } from './blocking.js';
import type { ChildReport, FoundReport, MissingReport } from './record.js';
import { scorePair, type MatchResult, type ScoreOptions } from './score.js';
import { REVIEW_THRESHOLD } from './thresholds.js';

export interface RankOptions extends ScoreOptions, BlockingOptions {
  /** lowest probability listed; default REVIEW_THRESHOLD */
  threshold?: number;
  offset?: number;
  /** page size; default 20 */
  limit?: number;
}

export interface RankedCandidate<T extends ChildReport> {
  /** 1-based position among all candidates at or above the threshold */
  rank: number;
  candidate: T;
  result: MatchResult;
}

export interface RankedPage<T extends ChildReport> {
  /** how many candidates are at or above the threshold, over all pages */
  total: number;
  offset: number;
  limit: number;
  items: RankedCandidate<T>[];
}

export const DEFAULT_PAGE_SIZE = 20;

/** Found reports that may be this missing child, most likely first. */
export function rankFoundReports(missing: MissingReport, candidates: readonly FoundReport[], options: RankOptions = {}): RankedPage<FoundReport> {
  return page(
    candidates.filter((f) => isCandidatePair(missing, f, options)).map((f) => ({ candidate: f, result: scorePair(missing, f, options) })),
    options,
  );
}

/** Missing reports this found child may be, most likely first. */
export function rankMissingReports(found: FoundReport, candidates: readonly MissingReport[], options: RankOptions = {}): RankedPage<MissingReport> {
  return page(
    candidates.filter((m) => isCandidatePair(m, found, options)).map((m) => ({ candidate: m, result: scorePair(m, found, options) })),
    options,
  );
}

/** Candidates of the opposite kind for either kind of report. */
export function rankCandidates(subject: ChildReport, candidates: readonly ChildReport[], options: RankOptions = {}): RankedPage<ChildReport> {
  if (subject.kind === 'MISSING') {
    return rankFoundReports(subject, candidates.filter((c): c is FoundReport => c.kind === 'FOUND'), options);
  }
  return rankMissingReports(subject, candidates.filter((c): c is MissingReport => c.kind === 'MISSING'), options);
}

function page<T extends ChildReport>(scored: { candidate: T; result: MatchResult }[], options: RankOptions): RankedPage<T> {
  const threshold = options.threshold ?? REVIEW_THRESHOLD;
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(0, options.limit ?? DEFAULT_PAGE_SIZE);
  const kept = scored
    .filter((s) => s.result.probability >= threshold)
    .sort((a, b) => b.result.probability - a.result.probability || a.candidate.id.localeCompare(b.candidate.id));
  const items = kept.slice(offset, offset + limit).map((s, i) => ({ rank: offset + i + 1, ...s }));
  return { total: kept.length, offset, limit, items };
}
