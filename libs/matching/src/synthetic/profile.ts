// Where the synthetic children live and how their names are drawn.
//   fitted (the default): the 63 districts of geography.ts and the names of name-pool.ts, each
//     equally likely. weights.ts and the thresholds were fitted on this data set: it must not change.
//   national: every district of the profiled states (a list the caller passes in, e.g. the seed
//     geography's), and names drawn by rank from longer lists (name-pool-national.ts appended).
import { STATES, type District, type StateProfile } from './geography.js';
import { NATIONAL_EXTRA } from './name-pool-national.js';
import { REGION_NAMES, type NameEntry, type NameRegion, type RegionNames } from './name-pool.js';
import type { Prng } from './prng.js';

export type SyntheticProfile = 'fitted' | 'national';

/** A district as a geography lists it (e.g. the seed's INDIA_GEOGRAPHY.districts). */
export interface DistrictRef {
  code: string;
  stateCode: string;
  name: string;
}

export interface Population {
  /** the districts a child of the state can live in, or be found in within its state */
  districtsOf(state: StateProfile): readonly District[];
  names(region: NameRegion): RegionNames;
  /** one name of a list of names */
  pickName(names: readonly NameEntry[], rng: Prng): NameEntry;
}

export const FITTED_POPULATION: Population = {
  districtsOf: (state) => state.districts,
  names: (region) => REGION_NAMES[region],
  pickName: (names, rng) => rng.pick(names),
};

/**
 * Zipf–Mandelbrot weight of the name at a rank (1 = the most common): 1 / (rank + q)^s. s = 1 is
 * Zipf's law, which the long tail of given names follows; q = 5 flattens the head, as observed
 * rank–frequency curves of given names do (their first ranks fall off more slowly than a power law),
 * so that the most common name of a list of 45–100 takes 6–8 % of its children, not the 19–23 % of a
 * pure 1/rank over so short a list.
 */
export const NAME_ZIPF = { s: 1, q: 5 } as const;

const cumulative = new WeakMap<readonly NameEntry[], number[]>();

function zipfPick(names: readonly NameEntry[], rng: Prng): NameEntry {
  let sums = cumulative.get(names);
  if (!sums) {
    let total = 0;
    sums = names.map((_, i) => (total += 1 / (i + 1 + NAME_ZIPF.q) ** NAME_ZIPF.s));
    cumulative.set(names, sums);
  }
  const r = rng.next() * (sums.at(-1) ?? 0);
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r < (sums[mid] ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return names[lo] as NameEntry;
}

const NATIONAL_NAMES = Object.fromEntries(
  Object.entries(REGION_NAMES).map(([region, names]) => {
    const extra = NATIONAL_EXTRA[region as NameRegion];
    return [region, { ...names, male: [...names.male, ...extra.male], female: [...names.female, ...extra.female], surnames: [...names.surnames, ...extra.surnames] }];
  }),
) as Record<NameRegion, RegionNames>;

/** The seed geography writes Telangana TS (its old vehicle code); ISO 3166-2:IN and geography.ts write TG. */
const STATE_CODE_ALIASES: Readonly<Record<string, string>> = { TS: 'TG' };

/**
 * The national population: a child's home district drawn uniformly among all districts of its state
 * (the state's share of reports stays geography.ts's reportWeight), and names by NAME_ZIPF. Districts of
 * states outside geography.ts are ignored; districts not in geography.ts have no coordinates, so
 * their reports carry none (the matcher then compares district and state codes).
 */
export function nationalPopulation(districts: readonly DistrictRef[]): Population {
  const byState = new Map<string, District[]>(STATES.map((s) => [s.code, []]));
  for (const d of districts) {
    const stateCode = STATE_CODE_ALIASES[d.stateCode] ?? d.stateCode;
    const code = d.stateCode === stateCode ? d.code : `${stateCode}${d.code.slice(d.stateCode.length)}`;
    const known = STATES.find((s) => s.code === stateCode)?.districts.find((k) => k.code === code);
    byState.get(stateCode)?.push(known ?? { code, stateCode, name: d.name });
  }
  for (const [state, list] of byState) if (list.length === 0) throw new RangeError(`no district of ${state} in the national profile's districts`);
  return {
    districtsOf: (state) => byState.get(state.code) ?? state.districts,
    names: (region) => NATIONAL_NAMES[region],
    pickName: zipfPick,
  };
}

/** The population of a profile. */
export function populationOf(profile: SyntheticProfile = 'fitted', districts?: readonly DistrictRef[]): Population {
  if (profile === 'fitted') return FITTED_POPULATION;
  if (!districts) throw new RangeError('the national profile needs its districts');
  return nationalPopulation(districts);
}
