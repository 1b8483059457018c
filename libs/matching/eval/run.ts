// `npm run eval:matching`: generates a labelled synthetic data set, runs blocking and scoring,
// prints recall@1, recall@10, precision and recall at the thresholds, and calibration.
// --fit estimates m/u and the prior on a training seed and prints them for weights.ts.
// Usage: npm run eval:matching -- [--pairs 2000] [--missing-distractors 4000]
//        [--found-distractors 2000] [--seed raksha-eval] [--fit] [--json out.json] [--names-only] [--fitted-names]
// First it scores the labelled name pairs by kind (native scripts, Urdu, conventional romanisations, gender forms,
// initials, distinct names one letter apart): --names-only stops there.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ALERT_THRESHOLD, MATCH_FIELDS, REVIEW_THRESHOLD, type CandidatePriors, type LevelProbabilities } from '../src/index.js';
import { generateDataset, generateNamePairs } from '@raksha/matching/synthetic';
import { evaluateNamePairs } from './name-pairs.js';
import { atThreshold, calibration, fitCalibration, fitProbabilities, referenceKeyShare, runEvaluation } from './evaluate.js';

const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '2000' },
    'missing-distractors': { type: 'string', default: '4000' },
    'found-distractors': { type: 'string', default: '2000' },
    seed: { type: 'string', default: 'raksha-eval' },
    fit: { type: 'boolean', default: false },
    json: { type: 'string' },
    'names-only': { type: 'boolean', default: false },
    'fitted-names': { type: 'boolean', default: false },
  },
});

const sizes = {
  truePairs: Number(args.pairs),
  missingDistractors: Number(args['missing-distractors']),
  foundDistractors: Number(args['found-distractors']),
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printTable(probabilities: LevelProbabilities, priors: CandidatePriors): void {
  const round = (x: number) => Number(x.toPrecision(3));
  console.log('\n// fitted m/u (paste into libs/matching/src/weights.ts)');
  console.log('export const LEVEL_PROBABILITIES: LevelProbabilities = {');
  for (const field of MATCH_FIELDS) {
    const levels = Object.entries(probabilities[field] as Record<string, { m: number; u: number }>)
      .map(([level, { m, u }]) => `    ${level}: { m: ${round(m)}, u: ${round(u)} }, // ${Math.log(m / u).toFixed(2)}`)
      .join('\n');
    console.log(`  ${field}: {\n${levels}\n  },`);
  }
  console.log('};');
  console.log(`export const PRIOR_MATCH_PROBABILITY: CandidatePriors = { name: ${round(priors.name)}, attributes: ${round(priors.attributes)} };`);
}

if (args.fit) {
  const training = generateDataset({ seed: 'raksha-fit', ...sizes });
  console.log(`// frequency.ts\nexport const REFERENCE_KEY_SHARE = ${referenceKeyShare(training).toPrecision(2)};`);
  const { probabilities, priors } = fitProbabilities(training, runEvaluation(training));
  printTable(probabilities, priors);
  // Scale the fitted model's log-odds (calibration off while fitting it).
  const raw = runEvaluation(training, { probabilities, priors, calibration: { slope: 1, intercept: 0 } });
  const { slope, intercept } = fitCalibration(raw.scored);
  console.log(`export const CALIBRATION: Calibration = { slope: ${slope.toFixed(3)}, intercept: ${intercept.toFixed(3)} };`);
  process.exit(0);
}

const names = evaluateNamePairs(generateNamePairs());
console.log('name pairs (seed raksha-names): share reaching the "good" level or above');
console.log('kind                            pairs  one child?  reach good');
for (const k of names.kinds) {
  console.log(`${k.kind.padEnd(30)} ${String(k.pairs).padStart(6)}  ${(k.same ? 'yes' : 'no').padStart(10)}  ${pct(k.accepted).padStart(10)}`);
  for (const w of k.wrong) console.log(`    ${k.same ? 'missed' : 'accepted'}: ${w}`);
}
console.log(`nine Brahmic scripts together: ${pct(names.brahmicRecall)} reach good; AUC of the name score over all pairs ${names.auc.toFixed(3)}\n`);
if (args['names-only']) process.exit(0);

// Names as filed (Urdu, initials, namesakes) unless --fitted-names asks for the set the weights were fitted on.
const data = generateDataset({ seed: args.seed, ...sizes, asFiled: !args['fitted-names'] });
const e = runEvaluation(data);
console.log(`synthetic set (seed ${args.seed}${args['fitted-names'] ? ', names as fitted' : ', names as filed'}): ${e.missingReports} missing reports, ${e.foundReports} found reports, ${e.truePairs} true pairs`);
console.log(`candidates compared: ${e.candidatesCompared} (${(e.candidatesCompared / e.foundReports).toFixed(1)} per found report) in ${(e.millis / 1000).toFixed(1)} s`);
console.log(`blocking recall:   ${pct(e.blockingRecall)} of true pairs reach scoring`);
console.log(`recall@1:          ${pct(e.recallAt1)}`);
console.log(`recall@10:         ${pct(e.recallAt10)}`);
const routes = e.recallAt1ByRoute;
console.log(`  recall@1 where the found child gave a name: ${pct(routes.name)} (${pct(routes.namedShare)} of true pairs); no usable name: ${pct(routes.attributes)}`);
for (const [label, threshold] of [['alert', ALERT_THRESHOLD], ['review', REVIEW_THRESHOLD]] as const) {
  const t = atThreshold(e, threshold);
  console.log(`at ${label} threshold ${threshold}: precision ${pct(t.precision)}, recall ${pct(t.recall)} (${t.flagged} pairs flagged)`);
}
console.log('\nthreshold  precision  recall  flagged');
for (const threshold of [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99]) {
  const t = atThreshold(e, threshold);
  console.log(`${threshold.toFixed(2).padStart(9)}  ${pct(t.precision).padStart(9)}  ${pct(t.recall).padStart(6)}  ${String(t.flagged).padStart(7)}`);
}
console.log('\ncalibration: band, pairs, mean predicted, observed share of true pairs');
for (const c of calibration(e)) {
  console.log(`${c.band.padEnd(12)} ${String(c.pairs).padStart(8)}  ${c.meanPredicted.toFixed(3)}  ${c.observed.toFixed(3)}`);
}
if (args.json) {
  const { scored: _scored, ...summary } = e;
  writeFileSync(args.json, JSON.stringify({ seed: args.seed, sizes, ...summary, names, alert: atThreshold(e, ALERT_THRESHOLD), review: atThreshold(e, REVIEW_THRESHOLD), calibration: calibration(e) }, null, 2));
}
