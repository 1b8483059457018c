// Calibrated by `npm run eval:matching` on a held-out synthetic set (seed raksha-eval: 2,000
// true pairs among 6,000 missing and 4,000 found reports). There, 0.8 flagged pairs with
// 96.6% precision at 63.1% recall, and 0.05 kept 91.7% of true pairs at 50.2% precision
// (under one pair per found report). With the database's counts (ScoreOptions.frequencies) the
// prior falls as the registry grows and a common name weighs less (frequency.ts).

/** At or above: alert the officers of both reports at once. */
export const ALERT_THRESHOLD = 0.8;

/** At or above: list the pair for a caseworker's review. */
export const REVIEW_THRESHOLD = 0.05;

/**
 * At or above: kept with its explanation, so that a caseworker can page beyond the review threshold (the API lists
 * from REVIEW_THRESHOLD unless asked for less). Below it a pair is not stored: a threshold, never a top-N cut.
 */
export const KEPT_THRESHOLD = 0.001;
