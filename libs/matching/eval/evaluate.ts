// Blocking, scoring and the figures that judge them, over a labelled data set.
import {
  blockingKeys,
  candidateRoute,
  compareReports,
  FIELD_LEVELS,
  LEVEL_PROBABILITIES,
  MATCH_FIELDS,
  scorePair,
  type FoundReport,
  type Calibration,
  type KeyFrequencies,
  type CandidatePriors,
  type LevelProbabilities,
  type MatchField,
  type MissingReport,
  type ScoreOptions,
} from '../src/index.js';
import type { SyntheticDataset } from '@raksha/matching/synthetic';
import { buildCandidateSearch } from './candidates.js';

export interface ScoredPair {
  missing: number;
  found: number;
  probability: number;
  logOdds: number;
  isMatch: boolean;
}

export interface Evaluation {
  truePairs: number;
  foundReports: number;
  missingReports: number;
  candidatesCompared: number;
  /** true pairs that blocking kept */
  blockingRecall: number;
  recallAt1: number;
  recallAt10: number;
  /** recall@1 of the true pairs whose found report names the child, and of those that do not */
  recallAt1ByRoute: { name: number; attributes: number; namedShare: number };
  scored: ScoredPair[];
  millis: number;
}

/** How common each name key is among the set's missing reports, as the database counts them (MatchKey). */
export function keyFrequencies(data: SyntheticDataset): KeyFrequencies {
  const counts = new Map<string, number>();
  for (const m of data.missing) for (const k of blockingKeys(m).nameKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return { kind: 'MISSING', reports: data.missing.length, count: (k) => counts.get(k) };
}

/** Geometric mean of the raw share of the true pairs' agreeing name keys (missing side): REFERENCE_KEY_SHARE. */
export function referenceKeyShare(data: SyntheticDataset): number {
  const f = keyFrequencies(data);
  const byId = new Map([...data.missing, ...data.found].map((r) => [r.id, r]));
  const logs: number[] = [];
  for (const p of data.truePairs) {
    const name = compareReports(byId.get(p.missingId) as MissingReport, byId.get(p.foundId) as FoundReport)[0];
    if (!name?.matchedKeys || !name.level || !['full', 'exact', 'strong', 'good'].includes(name.level)) continue;
    for (const k of new Set(name.matchedKeys.missing)) logs.push(Math.log((f.count(k) ?? 1) / f.reports));
  }
  return Math.exp(logs.reduce((a, b) => a + b, 0) / Math.max(1, logs.length));
}

/** Scores every candidate pair as the worker does: with the set's name frequencies unless options give others. */
export function runEvaluation(data: SyntheticDataset, options: ScoreOptions = {}): Evaluation {
  const started = performance.now();
  options = { frequencies: keyFrequencies(data), ...options };
  const search = buildCandidateSearch(data.missing);
  const missingIndex = new Map(data.missing.map((m, i) => [m.id, i]));
  const truth = new Map(data.truePairs.map((p) => [p.foundId, missingIndex.get(p.missingId) as number]));
  const scored: ScoredPair[] = [];
  let kept = 0;
  let at1 = 0;
  let at10 = 0;
  const byRoute = { name: { n: 0, at1: 0 }, attributes: { n: 0, at1: 0 } };
  data.found.forEach((f, fi) => {
    const trueMissing = truth.get(f.id);
    const results = search
      .candidatesFor(f)
      .map((mi) => ({ mi, ...scorePair(data.missing[mi] as MissingReport, f, options) }))
      .sort((a, b) => b.probability - a.probability || a.mi - b.mi);
    for (const r of results) scored.push({ missing: r.mi, found: fi, probability: r.probability, logOdds: r.logOdds, isMatch: r.mi === trueMissing });
    if (trueMissing === undefined) return;
    const rank = results.findIndex((r) => r.mi === trueMissing);
    if (rank >= 0) kept++;
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 10) at10++;
    const route = byRoute[candidateRoute(data.missing[trueMissing] as MissingReport, f)];
    route.n++;
    if (rank === 0) route.at1++;
  });
  const n = data.truePairs.length;
  return {
    truePairs: n,
    foundReports: data.found.length,
    missingReports: data.missing.length,
    candidatesCompared: scored.length,
    blockingRecall: kept / n,
    recallAt1: at1 / n,
    recallAt10: at10 / n,
    recallAt1ByRoute: {
      name: byRoute.name.at1 / Math.max(1, byRoute.name.n),
      attributes: byRoute.attributes.at1 / Math.max(1, byRoute.attributes.n),
      namedShare: byRoute.name.n / n,
    },
    scored,
    millis: performance.now() - started,
  };
}

/** Precision and recall (of all true pairs) of the pairs at or above a threshold. */
export function atThreshold(e: Evaluation, threshold: number): { threshold: number; precision: number; recall: number; flagged: number } {
  const flagged = e.scored.filter((s) => s.probability >= threshold);
  const tp = flagged.filter((s) => s.isMatch).length;
  return { threshold, precision: flagged.length === 0 ? 1 : tp / flagged.length, recall: tp / e.truePairs, flagged: flagged.length };
}

/** Mean predicted probability against the observed share of true pairs, by probability band. */
export function calibration(e: Evaluation, edges = [0, 0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, 1.0000001]) {
  return edges.slice(0, -1).map((lo, i) => {
    const hi = edges[i + 1] as number;
    const band = e.scored.filter((s) => s.probability >= lo && s.probability < hi);
    const mean = band.reduce((sum, s) => sum + s.probability, 0) / Math.max(1, band.length);
    const observed = band.filter((s) => s.isMatch).length / Math.max(1, band.length);
    return { band: `${lo}–${Math.min(1, hi)}`, pairs: band.length, meanPredicted: mean, observed };
  });
}

/**
 * m and u of every field level, counted over the candidate pairs (true pairs for m, the rest
 * for u), with add-one smoothing; and the priors, the share of true pairs among the candidates
 * of each search route.
 */
export function fitProbabilities(data: SyntheticDataset, e: Evaluation): { probabilities: LevelProbabilities; priors: CandidatePriors } {
  const counts = Object.fromEntries(MATCH_FIELDS.map((f) => [f, { m: new Map<string, number>(), u: new Map<string, number>() }])) as Record<
    MatchField,
    { m: Map<string, number>; u: Map<string, number> }
  >;
  const route = (s: ScoredPair) => candidateRoute(data.missing[s.missing] as MissingReport, data.found[s.found] as FoundReport);
  // A shared pet name is the only name evidence a found child without a usable name can give: its alternative is no
  // agreeing alias at all (no level), so its m and u are shares of all that route's pairs, not of the compared ones.
  const petNames = { m: { pairs: 0, agree: 0 }, u: { pairs: 0, agree: 0 } };
  for (const s of e.scored) {
    const attributesRoute = route(s) === 'attributes';
    if (attributesRoute) petNames[s.isMatch ? 'm' : 'u'].pairs++;
    for (const c of compareReports(data.missing[s.missing] as MissingReport, data.found[s.found] as FoundReport)) {
      if (c.level === null) continue;
      if (c.field === 'name' && c.level === 'petName') {
        if (attributesRoute) petNames[s.isMatch ? 'm' : 'u'].agree++;
        continue;
      }
      const side = counts[c.field][s.isMatch ? 'm' : 'u'];
      side.set(c.level, (side.get(c.level) ?? 0) + 1);
    }
  }
  const probabilities = Object.fromEntries(
    MATCH_FIELDS.map((field) => {
      const levels = FIELD_LEVELS[field] as readonly string[];
      const share = (side: Map<string, number>, level: string) => {
        const total = levels.reduce((sum, l) => sum + (side.get(l) ?? 0) + 1, 0);
        return ((side.get(level) ?? 0) + 1) / total;
      };
      return [field, Object.fromEntries(levels.map((l) => [l, { m: share(counts[field].m, l), u: share(counts[field].u, l) }]))];
    }),
  ) as unknown as LevelProbabilities;
  const petShare = (side: { pairs: number; agree: number }) => (side.agree + 1) / (side.pairs + 2);
  probabilities.name.petName = { m: petShare(petNames.m), u: petShare(petNames.u) };
  // The synthetic reports have no photos: the photo's levels keep their hand-set evidence (weights.ts).
  probabilities.photo = LEVEL_PROBABILITIES.photo;
  const share = (r: 'name' | 'attributes') => {
    const pairs = e.scored.filter((s) => route(s) === r);
    return pairs.filter((s) => s.isMatch).length / Math.max(1, pairs.length);
  };
  return { probabilities, priors: { name: share('name'), attributes: share('attributes') } };
}

/**
 * Platt scaling: the slope and intercept of a logistic regression of "is a true pair" on the
 * summed log-odds, by Newton's method.
 */
export function fitCalibration(scored: readonly ScoredPair[]): Calibration {
  let [slope, intercept] = [1, 0];
  for (let iteration = 0; iteration < 50; iteration++) {
    let [gA, gB, hAA, hAB, hBB] = [0, 0, 0, 0, 0];
    for (const s of scored) {
      const p = 1 / (1 + Math.exp(-(slope * s.logOdds + intercept)));
      const r = (s.isMatch ? 1 : 0) - p;
      const w = p * (1 - p);
      gA += r * s.logOdds;
      gB += r;
      hAA += w * s.logOdds * s.logOdds;
      hAB += w * s.logOdds;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    slope += dA;
    intercept += dB;
    if (Math.abs(dA) + Math.abs(dB) < 1e-9) break;
  }
  return { slope, intercept };
}
