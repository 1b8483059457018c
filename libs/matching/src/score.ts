// A pair's probability of being the same child: prior log-odds plus each field's weight,
// through the logistic function, with the per-field explanation kept.
import { compareReports } from './compare.js';
import { frequencyNats, keyShare, populationNats, type KeyFrequencies } from './frequency.js';
import { candidateRoute } from './prepare.js';
import type { FieldComparison, FieldLevel, MatchField, ReasonDetail } from './fields.js';
import type { FoundReport, MissingReport } from './record.js';
import { CALIBRATION, LEVEL_PROBABILITIES, levelWeight, PRIOR_MATCH_PROBABILITY, type CandidatePriors, type Calibration, type LevelProbabilities } from './weights.js';

export interface FieldExplanation {
  field: MatchField;
  /** level of agreement; null when the field is not recorded on both reports */
  level: string | null;
  /** similarity 0..1 where the field has a graded one (names, marks) */
  score: number | null;
  /** evidence in nats, ln(m/u) × the calibration slope; 0 for a field not recorded on both reports */
  weight: number;
  reason: string;
  /** the reason as a message key and values (fields.ts ReasonDetail), when the matcher gives one */
  detail?: ReasonDetail;
}

export interface MatchResult {
  missingId: string;
  foundId: string;
  /** calibrated probability that both reports describe the same child */
  probability: number;
  /** the prior's log-odds (calibrated) + the sum of the field weights */
  logOdds: number;
  /** every field, strongest evidence (either way) first */
  fields: FieldExplanation[];
}

export interface ScoreOptions {
  probabilities?: LevelProbabilities;
  priors?: CandidatePriors;
  calibration?: Calibration;
  /** how common names are among the reports searched, and how many there are: frequency-aware name weight and prior */
  frequencies?: KeyFrequencies;
}

/** Name levels that say the names agree: their weight depends on how common the agreeing name is. */
const AGREEING_NAME_LEVELS: ReadonlySet<string> = new Set(['full', 'exact', 'strong', 'good']);

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

// The subject's agreeing name keys, when the name's weight depends on how common it is. Agreeing by chance with the
// subject's name is as likely for every candidate, however each spells it: the subject's keys (as the reports searched
// count them) weigh the agreement, so a candidate's rare spelling or misspelling of a common name gains nothing.
function agreeingKeys(c: FieldComparison, frequencies?: KeyFrequencies): string[] | undefined {
  if (!frequencies || c.field !== 'name' || c.level === null || !AGREEING_NAME_LEVELS.has(c.level) || !c.matchedKeys) return undefined;
  return [...new Set(frequencies.kind === 'MISSING' ? c.matchedKeys.found : c.matchedKeys.missing)];
}

/** A field's evidence in nats, before calibration. */
function fieldNats(c: FieldComparison, table: LevelProbabilities, keys: string[] | undefined, frequencies?: KeyFrequencies): number {
  const nats = c.level === null ? 0 : levelWeight(c.field, c.level as FieldLevel<typeof c.field>, table);
  // However common the name, agreeing on it is never evidence against.
  return keys && frequencies ? Math.max(nats + frequencyNats(keys, frequencies), Math.min(nats, 0)) : nats;
}

function explain(c: FieldComparison, table: LevelProbabilities, slope: number, frequencies?: KeyFrequencies): FieldExplanation {
  const keys = agreeingKeys(c, frequencies);
  const weight = slope * fieldNats(c, table, keys, frequencies);
  let reason = c.reason;
  let detail = c.detail;
  if (keys && frequencies) {
    const shares = keys.map((k) => `${k} ${formatShare(keyShare(k, frequencies))}`).join(', ');
    const common = frequencyNats(keys, frequencies) < 0;
    reason = `${reason}; ${common ? 'common' : 'uncommon'} name (${shares} of ${frequencies.kind.toLowerCase()} reports)`;
    // The frequency in the key's values too, so the reason reads in the reader's language: the share of reports that
    // have the name (the commonest agreeing word's, or the rarest's), never the phonetic keys a person cannot read.
    const share = (common ? Math.max : Math.min)(...keys.map((k) => keyShare(k, frequencies)));
    if (detail) detail = { key: detail.key, params: { ...detail.params, frequency: common ? 'common' : 'uncommon', share, among: frequencies.kind === 'MISSING' ? 'missing' : 'found' } };
  }
  return { field: c.field, level: c.level, score: c.score, weight: roundWeight(weight), reason, ...(detail && { detail }) };
}

const roundWeight = (w: number) => Math.round(w * 100) / 100;

function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct >= 1 ? pct.toFixed(1) : pct >= 0.01 ? pct.toFixed(2) : pct.toFixed(4)} %`;
}

function priorLogOdds(missing: MissingReport, found: FoundReport, options: ScoreOptions, { slope, intercept }: Calibration): number {
  const prior = (options.priors ?? PRIOR_MATCH_PROBABILITY)[candidateRoute(missing, found)];
  const population = options.frequencies ? populationNats(options.frequencies) : 0;
  return slope * (logit(prior) + population) + intercept;
}

/**
 * How likely the pair is the same child, without the explanation: what deciding whether to keep a candidate needs. The
 * same sum as scorePair's (its weights rounded as they are shown), so a kept pair's explanation adds up to it.
 */
export function pairProbability(missing: MissingReport, found: FoundReport, options: ScoreOptions = {}): number {
  const table = options.probabilities ?? LEVEL_PROBABILITIES;
  const calibration = options.calibration ?? CALIBRATION;
  let weights = 0;
  for (const c of compareReports(missing, found, { reasons: false })) weights += roundWeight(calibration.slope * fieldNats(c, table, agreeingKeys(c, options.frequencies), options.frequencies));
  return logistic(priorLogOdds(missing, found, options, calibration) + weights);
}

/** How likely a missing report and a found report are the same child, and why. */
export function scorePair(missing: MissingReport, found: FoundReport, options: ScoreOptions = {}): MatchResult {
  const table = options.probabilities ?? LEVEL_PROBABILITIES;
  const calibration = options.calibration ?? CALIBRATION;
  const fields = compareReports(missing, found).map((c) => explain(c, table, calibration.slope, options.frequencies));
  const logOdds = priorLogOdds(missing, found, options, calibration) + fields.reduce((sum, f) => sum + f.weight, 0);
  fields.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { missingId: missing.id, foundId: found.id, probability: logistic(logOdds), logOdds: Math.round(logOdds * 100) / 100, fields };
}
