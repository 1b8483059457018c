// `npm run eval:ceiling`: how high recall@10 can go at all on bench:matching's data set, whatever the scorer. For each
// true pair whose found child gives no usable name, it counts the other missing reports that agree with the found report
// at least as well as the true one on every field and better on one (each field's levels ordered as weights.ts orders
// their evidence, "not recorded" between the levels for and against). With 10 or more such reports, no scorer that
// follows the direction of each level's evidence ranks the true report in its top 10. Named pairs are not counted, so
// the bound is loose: the true ceiling is lower. Not a test; CPU-bound (about 20 minutes at a million on one core).
// Usage: npm run eval:ceiling -- [--missing 1000000] [--pairs 3000]
import { parseArgs } from 'node:util';
import {
  candidateRoute,
  compareReports,
  FIELD_LEVELS,
  isCandidatePair,
  levelWeight,
  type FoundReport,
  type MatchField,
  type MissingReport,
} from '../src/index.js';
import { generateDataset } from '@raksha/matching/synthetic';

const { values: args } = parseArgs({ options: { missing: { type: 'string', default: '1000000' }, pairs: { type: 'string', default: '3000' } } });
const total = Number(args.missing);
const wanted = Number(args.pairs);
const BATCH = 10_000;

// The missing reports and true pairs of bench:matching (its default profile): batches of 10,000, seed bench-<n>.
const missing: MissingReport[] = [];
const pairs: { found: FoundReport; truth: MissingReport }[] = [];
for (let b = 0; b * BATCH < total; b++) {
  const p = Math.min(BATCH / 2, Math.max(0, wanted - pairs.length));
  const data = generateDataset({ seed: `bench-${b}`, truePairs: p, missingDistractors: Math.min(BATCH, total - b * BATCH) - p, foundDistractors: 0 });
  const byId = new Map(data.missing.map((m) => [m.id, m]));
  for (const tp of data.truePairs) pairs.push({ found: data.found.find((f) => f.id === tp.foundId)!, truth: byId.get(tp.missingId)! });
  missing.push(...data.missing);
}

/** A level's place among its field's, best first; "not recorded" after the levels that are evidence for a match. */
function rank(field: MatchField, level: string | null): number {
  const levels = FIELD_LEVELS[field] as readonly string[];
  if (level === null) return levels.filter((l) => levelWeight(field, l as never) > 0).length - 0.5;
  return levels.indexOf(level);
}
const ranks = (m: MissingReport, f: FoundReport) => compareReports(m, f, { reasons: false }).map((c) => rank(c.field, c.level));

const nameless = pairs.filter((p) => candidateRoute(p.truth, p.found) === 'attributes');
let outranked = 0;
for (const { found, truth } of nameless) {
  const t = ranks(truth, found);
  let better = 0;
  for (const m of missing) {
    if (m === truth || !isCandidatePair(m, found)) continue;
    const r = ranks(m, found);
    if (r.every((x, i) => x <= t[i]!) && r.some((x, i) => x < t[i]!) && ++better >= 10) break;
  }
  if (better >= 10) outranked++;
}
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
console.log(`${missing.length.toLocaleString('en-IN')} missing reports, ${pairs.length} true pairs; ${nameless.length} (${pct(nameless.length / pairs.length)}) found without a usable name`);
console.log(`of these, ${outranked} (${pct(outranked / Math.max(1, nameless.length))}) have 10 or more other reports at least as good on every field and better on one`);
console.log(`recall@10 of any scorer that follows each level's evidence: at most ${pct(1 - outranked / pairs.length)}`);
