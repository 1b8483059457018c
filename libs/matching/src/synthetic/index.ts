// Synthetic, labelled reports for evaluating and calibrating the matcher (and for demo data): `@raksha/matching/synthetic`, never loaded by production code.
export { Prng } from './prng.js';
export { parsePhonemes, type Phoneme } from './phonemes.js';
export { renderInScript, renderWord } from './render-script.js';
export { romanise, romaniseVariant, typo, PLAIN_STYLE, type LatinStyle } from './render-latin.js';
export { NAME_REGIONS, REGION_NAMES, NAME_FILLERS, PET_NAMES, type NameEntry, type NameRegion, type RegionNames } from './name-pool.js';
export { STATES, DESTINATION_DISTRICTS, districtOf, stateOf, type District, type StateProfile } from './geography.js';
export { makeChild, heightAt, type SyntheticChild, type Mark, type NameWord } from './children.js';
export { missingReportOf, foundReportOf, isoDay } from './reports.js';
export { NAME_ZIPF, nationalPopulation, populationOf, type DistrictRef, type Population, type SyntheticProfile } from './profile.js';
export { NATIONAL_EXTRA } from './name-pool-national.js';
export { generateDataset, type SyntheticDataset, type SyntheticOptions, type TruePair } from './dataset.js';
export { renderInUrdu } from './render-urdu.js';
export { generateNamePairs, type NamePair } from './name-pairs.js';
