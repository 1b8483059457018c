// Word-level figures over the labelled name pairs (synthetic/name-pairs.ts): for each kind, the share of pairs whose
// name comparison reaches the "good" level or above (the levels that count towards a match): recall for the kinds that
// are one child, false acceptance for the kinds that are two; and the AUC of the name score over all pairs.
import { compareNames, nameLevel } from '../src/index.js';
import type { NamePair } from '@raksha/matching/synthetic';

export interface KindFigures {
  kind: string;
  same: boolean;
  pairs: number;
  /** share reaching good, strong, exact or full */
  accepted: number;
  /** the pairs of the kind that were judged wrongly (first few), for reading */
  wrong: string[];
}

export interface NamePairEvaluation {
  kinds: KindFigures[];
  /** recall over the nine Brahmic scripts' pairs together */
  brahmicRecall: number;
  auc: number;
}

const AGREEING = new Set(['full', 'exact', 'strong', 'good']);

export function evaluateNamePairs(pairs: readonly NamePair[]): NamePairEvaluation {
  const scored = pairs.map((p) => {
    const c = compareNames(p.a, p.b);
    const score = c.score ?? 0;
    return { ...p, score, accepted: c.score !== null && AGREEING.has(nameLevel(c.score, c.matchedWords)), reason: c.reason };
  });
  const kinds = [...new Set(pairs.map((p) => p.kind))].map((kind): KindFigures => {
    const of = scored.filter((s) => s.kind === kind);
    const wrong = of.filter((s) => s.accepted !== s.same);
    return {
      kind,
      same: of[0]?.same ?? true,
      pairs: of.length,
      accepted: of.filter((s) => s.accepted).length / Math.max(1, of.length),
      wrong: wrong.slice(0, 4).map((s) => `${s.a} / ${s.b} (${s.score}, ${s.reason})`),
    };
  });
  const brahmic = scored.filter((s) => s.kind.startsWith('native: ') && s.kind !== 'native: urdu');
  return { kinds, brahmicRecall: brahmic.filter((s) => s.accepted).length / Math.max(1, brahmic.length), auc: auc(scored) };
}

// Probability that a random same-child pair scores above a random two-children pair (ties count half).
function auc(scored: readonly { same: boolean; score: number }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.score === sorted[i]?.score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (!sorted[k]?.same) continue;
      rankSum += rank;
      positives++;
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / Math.max(1, positives * negatives);
}
