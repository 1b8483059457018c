// How common a name is among the reports searched. Agreeing on a common name is weaker evidence than agreeing on a rare
// one (Fellegi–Sunter with frequency-based u), and the more reports there are, the less likely any one of them is the child.

/** Counts of the reports searched (the candidates' kind), kept by the database per key. */
export interface KeyFrequencies {
  /** the kind of the reports counted: the candidates' kind */
  kind: 'MISSING' | 'FOUND';
  /** how many reports of that kind are stored */
  reports: number;
  /** how many of them carry a name's phonetic key (undefined or 0: none known) */
  count(key: string): number | undefined;
}

/**
 * Share of reports carrying an agreeing name key, on the synthetic set the weights were fitted on (geometric mean over
 * the true pairs' agreeing keys, `npm run eval:matching -- --fit`): the level weights already assume a name this common.
 */
export const REFERENCE_KEY_SHARE = 0.0031;

/** Reports of each kind in the synthetic set the weights and priors were fitted on (seed raksha-fit). */
export const FITTED_REPORTS = { MISSING: 6000, FOUND: 4000 } as const;

/**
 * Pseudo-reports at the reference share, so that a registry of a few thousand reports (or a test database full of one
 * name) does not make a name look rare or common; at national scale it hardly matters.
 */
const SMOOTHING_REPORTS = 10_000;

/** Nats a name's frequency may add to or take from the agreement's weight, over all its agreeing words. */
export const MAX_FREQUENCY_NATS = 3;

/** Smoothed share of reports carrying a key. */
export function keyShare(key: string, f: KeyFrequencies): number {
  return ((f.count(key) ?? 0) + SMOOTHING_REPORTS * REFERENCE_KEY_SHARE) / (f.reports + SMOOTHING_REPORTS);
}

/** Nats for the frequency of the agreeing keys: ln(reference share / share) each, summed and bounded. */
export function frequencyNats(keys: readonly string[], f: KeyFrequencies): number {
  const nats = [...new Set(keys)].reduce((sum, k) => sum + Math.log(REFERENCE_KEY_SHARE / keyShare(k, f)), 0);
  return Math.max(-MAX_FREQUENCY_NATS, Math.min(MAX_FREQUENCY_NATS, nats));
}

/**
 * Log-odds to add to the fitted prior when more reports are searched than the weights were fitted on: each is then
 * less likely to be the child, in proportion. A smaller registry keeps the fitted prior.
 */
export function populationNats(f: KeyFrequencies): number {
  return Math.min(0, Math.log(FITTED_REPORTS[f.kind] / Math.max(1, f.reports)));
}
