// Fellegi–Sunter evidence per field level. For each level, m = P(level | same child) and
// u = P(level | different children), among candidate pairs that pass blocking (see
// blocking.ts). A level's weight is ln(m / u), in nats; the weights of the fields recorded
// on both reports add to the prior log-odds, which CALIBRATION scales before the logistic
// function gives the probability.
//
// Fitted by `npm run eval:matching -- --fit` on a synthetic set (seed raksha-fit: 2,000 true
// pairs, 4,000 + 2,000 distractors; counts with add-one smoothing), except the levels marked
// "set by hand", which blocking never lets through. A shared pet name (name: petName) is fitted on the pairs of found
// children with no usable name, where its alternative is no agreeing alias rather than another level. The synthetic set encodes assumptions
// (how often surnames are dropped, how far children travel, how soon they are found), so
// these must be re-estimated on confirmed real matches before thresholds are trusted.
// The weight of each level is in the comment after it.
import type { FieldLevel, MatchField } from './fields.js';

export interface LevelProbability {
  m: number;
  u: number;
}

export type LevelProbabilities = { [F in MatchField]: Record<FieldLevel<F>, LevelProbability> };

export const LEVEL_PROBABILITIES: LevelProbabilities = {
  name: {
    full: { m: 0.269, u: 0.00177 }, // 5.02
    exact: { m: 0.243, u: 0.0515 }, // 1.55
    strong: { m: 0.0748, u: 0.0163 }, // 1.53
    good: { m: 0.375, u: 0.158 }, // 0.86
    petName: { m: 0.0916, u: 0.0122 }, // 2.02
    partial: { m: 0.0253, u: 0.0454 }, // -0.58
    weak: { m: 0.00806, u: 0.0979 }, // -2.50
    differs: { m: 0.0046, u: 0.629 }, // -4.92
  },
  guardians: {
    full: { m: 0.246, u: 0.000318 }, // 6.65
    exact: { m: 0.323, u: 0.0104 }, // 3.43
    strong: { m: 0.0988, u: 0.00303 }, // 3.48
    good: { m: 0.312, u: 0.026 }, // 2.48
    partial: { m: 0.0111, u: 0.00143 }, // 2.05
    weak: { m: 0.00444, u: 0.00979 }, // -0.79
    differs: { m: 0.00444, u: 0.949 }, // -5.36
  },
  gender: {
    same: { m: 0.999, u: 0.988 }, // 0.01
    compatible: { m: 0.005, u: 0.01 }, // -0.69 set by hand: a transgender child may be reported under the sex assigned at birth
    different: { m: 0.002, u: 0.45 }, // -5.42 set by hand: blocking excludes it
  },
  age: {
    same: { m: 0.0767, u: 0.0395 }, // 0.66
    overlap: { m: 0.771, u: 0.527 }, // 0.38
    near: { m: 0.124, u: 0.231 }, // -0.62
    far: { m: 0.0275, u: 0.203 }, // -2.00
    conflict: { m: 0.002, u: 0.3 }, // -5.01 set by hand: blocking excludes it
  },
  height: {
    overlap: { m: 0.807, u: 0.365 }, // 0.79
    near: { m: 0.185, u: 0.195 }, // -0.05
    far: { m: 0.00649, u: 0.192 }, // -3.39
    conflict: { m: 0.00162, u: 0.248 }, // -5.03
  },
  complexion: {
    same: { m: 0.58, u: 0.269 }, // 0.77
    adjacent: { m: 0.383, u: 0.431 }, // -0.12
    different: { m: 0.0378, u: 0.3 }, // -2.07
  },
  marks: {
    strong: { m: 0.786, u: 0.0315 }, // 3.22
    partial: { m: 0.192, u: 0.443 }, // -0.84
    differs: { m: 0.0226, u: 0.525 }, // -3.15
  },
  languages: {
    regional: { m: 0.467, u: 0.0461 }, // 2.32
    common: { m: 0.492, u: 0.416 }, // 0.17
    differs: { m: 0.0409, u: 0.538 }, // -2.58
  },
  clothing: {
    strong: { m: 0.772, u: 0.0502 }, // 2.73
    partial: { m: 0.122, u: 0.466 }, // -1.34
    differs: { m: 0.106, u: 0.483 }, // -1.52
  },
  place: {
    local: { m: 0.481, u: 0.0222 }, // 3.08
    regional: { m: 0.175, u: 0.074 }, // 0.86
    distant: { m: 0.259, u: 0.663 }, // -0.94
    remote: { m: 0.0847, u: 0.24 }, // -1.04
  },
  time: {
    week: { m: 0.481, u: 0.00883 }, // 4.00
    months: { m: 0.246, u: 0.0578 }, // 1.45
    year: { m: 0.159, u: 0.324 }, // -0.71
    years: { m: 0.113, u: 0.609 }, // -1.69
    before: { m: 0.000001, u: 0.5 }, // -13.12 set by hand: blocking excludes it
  },
  // Set by hand (the synthetic set has no photos). u from the 210 pairs of different people among the package's sample
  // faces (`npm run eval:faces`: alike 0, similar 3, unsure 11, unlike 196); alike, never seen there, is assumed 0.002.
  // m is far below what altered copies of one photo give (113 of 117 alike): a missing child's photo and a found
  // child's are different photos, months apart, of a face that grows. See docs/faces.md; re-estimate on confirmed matches.
  photo: {
    alike: { m: 0.55, u: 0.002 }, // 5.62
    similar: { m: 0.25, u: 0.02 }, // 2.53
    unsure: { m: 0.14, u: 0.06 }, // 0.85
    unlike: { m: 0.06, u: 0.918 }, // -2.73
  },
};

export interface CandidatePriors {
  /** pairs found through their names' keys (both reports name the child) */
  name: number;
  /** pairs found through gender, age and dates alone (a report without a usable name) */
  attributes: number;
}

/**
 * P(same child) for a pair that passed blocking, before any field is compared: the share of
 * true pairs among the synthetic set's candidate pairs, by the route that found them. It
 * depends on how many reports the registry holds per true match; re-estimate with the real
 * candidate volume.
 */
export const PRIOR_MATCH_PROBABILITY: CandidatePriors = { name: 0.018, attributes: 0.000421 };

/**
 * Naive Bayes treats the fields as independent, and they are not quite (place and time, name
 * and guardians), so the summed log-odds are over-confident. Platt scaling, fitted on the
 * same set: probability = logistic(slope × log-odds + intercept).
 */
export interface Calibration {
  slope: number;
  intercept: number;
}

export const CALIBRATION: Calibration = { slope: 0.876, intercept: -0.735 };

/** ln(m / u): how many nats of evidence a field's level adds (negative: against a match). */
export function levelWeight<F extends MatchField>(field: F, level: FieldLevel<F>, table: LevelProbabilities = LEVEL_PROBABILITIES): number {
  const { m, u } = table[field][level];
  return Math.log(m / u);
}
