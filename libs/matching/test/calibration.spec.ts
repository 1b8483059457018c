import { describe, expect, it } from '@jest/globals';
import {
  ALERT_THRESHOLD,
  blockingKeys,
  candidateRoute,
  isCandidatePair,
  REVIEW_THRESHOLD,
  scorePair,
  type FoundReport,
  type MissingReport,
} from '../src/index.js';
import { generateDataset } from '@raksha/matching/synthetic';

// A synthetic set other than the ones weights.ts was fitted and thresholds.ts chosen on.
const data = generateDataset({ seed: 'calibration-spec', truePairs: 300, missingDistractors: 600, foundDistractors: 300 });
const missingById = new Map(data.missing.map((m) => [m.id, m]));
const foundById = new Map(data.found.map((f) => [f.id, f]));
const truePairs = data.truePairs.map((p) => ({ missing: missingById.get(p.missingId) as MissingReport, found: foundById.get(p.foundId) as FoundReport }));
const trueScores = truePairs.map((p) => scorePair(p.missing, p.found).probability);
const namedScores = truePairs.filter((p) => candidateRoute(p.missing, p.found) === 'name').map((p) => scorePair(p.missing, p.found).probability);

// Hard distractors: every other missing report that shares a name skeleton with a found report and passes blocking.
const bySkeleton = new Map<string, MissingReport[]>();
for (const m of data.missing) for (const k of blockingKeys(m).nameSkeletons) bySkeleton.set(k, [...(bySkeleton.get(k) ?? []), m]);
const trueMissingOf = new Map(data.truePairs.map((p) => [p.foundId, p.missingId]));
const distractorScores = data.found.flatMap((f) =>
  [...new Set(blockingKeys(f).nameSkeletons.flatMap((k) => bySkeleton.get(k) ?? []))]
    .filter((m) => m.id !== trueMissingOf.get(f.id) && isCandidatePair(m, f))
    .map((m) => scorePair(m, f).probability),
);

const shareAtOrAbove = (scores: number[], threshold: number) => scores.filter((p) => p >= threshold).length / scores.length;

describe('calibration on a synthetic set', () => {
  it('scores most true pairs at or above ALERT_THRESHOLD and nearly all at or above REVIEW_THRESHOLD', () => {
    expect(shareAtOrAbove(trueScores, ALERT_THRESHOLD)).toBeGreaterThan(0.5);
    expect(shareAtOrAbove(trueScores, REVIEW_THRESHOLD)).toBeGreaterThan(0.85);
  });

  it('does better where the found child gave a name', () => {
    expect(shareAtOrAbove(namedScores, ALERT_THRESHOLD)).toBeGreaterThan(0.6);
    expect(shareAtOrAbove(namedScores, REVIEW_THRESHOLD)).toBeGreaterThan(0.92);
  });

  it('scores distractors with a similar name below ALERT_THRESHOLD, nearly all below REVIEW_THRESHOLD', () => {
    expect(distractorScores.length).toBeGreaterThan(500);
    expect(shareAtOrAbove(distractorScores, ALERT_THRESHOLD)).toBeLessThan(0.005);
    expect(shareAtOrAbove(distractorScores, REVIEW_THRESHOLD)).toBeLessThan(0.05);
  });
});
