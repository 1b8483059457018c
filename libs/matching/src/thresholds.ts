// Calibrated by `npm run eval:matching` on a held-out synthetic set (seed raksha-eval: 2,000
// true pairs among 6,000 missing and 4,000 found reports). There, 0.8 flagged pairs with
// 96.8% precision at 62.6% recall, and 0.05 kept 90.8% of true pairs at 48.8% precision
// (under one pair per found report). Precision falls as the registry grows unless the priors
// in weights.ts are re-estimated for it.

/** At or above: alert the officers of both reports at once. */
export const ALERT_THRESHOLD = 0.8;

/** At or above: list the pair for a caseworker's review. */
export const REVIEW_THRESHOLD = 0.05;
