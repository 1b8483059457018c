// A pair's probability of being the same child: prior log-odds plus each field's weight,
// through the logistic function, with the per-field explanation kept.
import { compareReports } from './compare.js';
import { candidateRoute } from './prepare.js';
import type { FieldComparison, FieldLevel, MatchField } from './fields.js';
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
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function explain(c: FieldComparison, table: LevelProbabilities, slope: number): FieldExplanation {
  const weight = c.level === null ? 0 : slope * levelWeight(c.field, c.level as FieldLevel<typeof c.field>, table);
  return { field: c.field, level: c.level, score: c.score, weight: Math.round(weight * 100) / 100, reason: c.reason };
}

/** How likely a missing report and a found report are the same child, and why. */
export function scorePair(missing: MissingReport, found: FoundReport, options: ScoreOptions = {}): MatchResult {
  const table = options.probabilities ?? LEVEL_PROBABILITIES;
  const { slope, intercept } = options.calibration ?? CALIBRATION;
  const fields = compareReports(missing, found).map((c) => explain(c, table, slope));
  const prior = (options.priors ?? PRIOR_MATCH_PROBABILITY)[candidateRoute(missing, found)];
  const logOdds = slope * logit(prior) + intercept + fields.reduce((sum, f) => sum + f.weight, 0);
  fields.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { missingId: missing.id, foundId: found.id, probability: logistic(logOdds), logOdds: Math.round(logOdds * 100) / 100, fields };
}
