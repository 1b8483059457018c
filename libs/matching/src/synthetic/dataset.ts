// A labelled synthetic data set: children reported missing and later found (the true pairs),
// children reported missing and never found, and found children nobody reported missing.
import { dayNumber } from '../dates.js';
import type { FoundReport, MissingReport } from '../record.js';
import { makeChild, type SyntheticChild } from './children.js';
import { DESTINATION_DISTRICTS, districtOf, stateOf, type District } from './geography.js';
import { populationOf, type DistrictRef, type Population, type SyntheticProfile } from './profile.js';
import { Prng } from './prng.js';
import { foundReportOf, missingReportOf, randomClothing } from './reports.js';

export interface SyntheticOptions {
  seed?: string | number;
  /** children both reported missing and found; default 2000 */
  truePairs?: number;
  /** missing reports with no found report; default 4000 */
  missingDistractors?: number;
  /** found reports with no missing report; default 2000 */
  foundDistractors?: number;
  /** first date a child goes missing; default 2022-01-01 */
  from?: string;
  /** last date a child goes missing; default 2025-06-30 */
  to?: string;
  /**
   * 'fitted' (default): the data set weights.ts and the thresholds were fitted on, 63 districts and short name lists
   * drawn uniformly. 'national': children spread over `districts` and names drawn by rank from longer lists (profile.ts).
   */
  profile?: SyntheticProfile;
  /** the national profile's districts: every district of the profiled states (e.g. the seed geography's) */
  districts?: readonly DistrictRef[];
  /**
   * Names as police and CWC staff file them (issue 23): half the Muslim children's native-script names in UP, Bihar,
   * Jharkhand, Delhi and Telangana written in Urdu, four in ten Tamil and Telugu patronymics as the father's initial
   * (K. Ramesh), and namesakes. Drawn from streams of their own, so the other reports stay as drawn. Default false: the
   * data set weights.ts was fitted on.
   */
  asFiled?: boolean;
  /**
   * with asFiled, missing reports of namesakes, per true pair: another child of the same district, sex, surname and
   * about the same age, named the same (another father) or one letter apart (Ramesh, Rajesh); default 0.1
   */
  namesakes?: number;
}

export interface TruePair {
  missingId: string;
  foundId: string;
}

export interface SyntheticDataset {
  missing: MissingReport[];
  found: FoundReport[];
  truePairs: TruePair[];
}

// Missing children are mostly adolescents (NCRB): ages at disappearance.
function ageAtLoss(rng: Prng): number {
  const band = rng.weighted({ young: 8, child: 27, teen: 65 });
  const [min, max] = band === 'young' ? [1, 6] : band === 'child' ? [6, 12] : [12, 18];
  return rng.uniform(min, max);
}

function daysUntilFound(rng: Prng): number {
  const when = rng.weighted({ week: 50, months: 25, year: 15, years: 10 });
  if (when === 'week') return rng.int(0, 7);
  if (when === 'months') return rng.int(8, 60);
  if (when === 'year') return rng.int(61, 365);
  return rng.int(366, 1100);
}

// Most children are found near home; many who travel end up in a big city's station.
function whereFound(child: SyntheticChild, rng: Prng, population: Population): District {
  const where = rng.weighted({ home: 45, state: 20, city: 35 });
  if (where === 'home') return child.homeDistrict;
  if (where === 'state') return rng.pick(population.districtsOf(child.home));
  return districtOf(rng.pick(DESTINATION_DISTRICTS.filter((d) => d !== child.homeDistrict.code)));
}

function shuffle<T>(items: T[], rng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** A deterministic data set for a seed. */
export function generateDataset(options: SyntheticOptions = {}): SyntheticDataset {
  const rng = new Prng(options.seed ?? 'raksha');
  const asFiled = options.asFiled ?? false;
  const population = populationOf(options.profile, options.districts);
  const from = dayNumber(options.from ?? '2022-01-01');
  const to = dayNumber(options.to ?? '2025-06-30');
  const missing: MissingReport[] = [];
  const found: FoundReport[] = [];
  const truePairs: TruePair[] = [];
  let serial = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++serial).padStart(6, '0')}`;
  const child = (day: number) => makeChild(nextId('C'), rng, Math.round(day - ageAtLoss(rng) * 365.25), undefined, population);

  const lost: { child: SyntheticChild; day: number }[] = [];
  for (let i = 0; i < (options.truePairs ?? 2000); i++) {
    const lostDay = rng.int(from, to);
    const c = child(lostDay);
    lost.push({ child: c, day: lostDay });
    const foundDay = lostDay + daysUntilFound(rng);
    const clothing = randomClothing(c.gender, rng);
    const district = whereFound(c, rng, population);
    const m = missingReportOf(nextId('M'), c, lostDay, clothing, rng, asFiled);
    const keepsClothes = foundDay - lostDay <= 7 && rng.chance(0.8);
    const f = foundReportOf(nextId('F'), c, foundDay, district, stateOf(district.stateCode), keepsClothes ? clothing : randomClothing(c.gender, rng), rng, asFiled);
    missing.push(m);
    found.push(f);
    truePairs.push({ missingId: m.id, foundId: f.id });
  }
  for (let i = 0; i < (options.missingDistractors ?? 4000); i++) {
    const lostDay = rng.int(from, to);
    const c = child(lostDay);
    missing.push(missingReportOf(nextId('M'), c, lostDay, randomClothing(c.gender, rng), rng, asFiled));
  }
  for (let i = 0; i < (options.foundDistractors ?? 2000); i++) {
    const foundDay = rng.int(from, to + 365);
    const c = child(foundDay);
    const district = rng.chance(0.7) ? c.homeDistrict : districtOf(rng.pick(DESTINATION_DISTRICTS));
    found.push(foundReportOf(nextId('F'), c, foundDay, district, stateOf(district.stateCode), randomClothing(c.gender, rng), rng, asFiled));
  }
  // Namesakes come from a stream of their own, so that the other reports are drawn as before.
  const side = new Prng(`${options.seed ?? 'raksha'}/namesakes`);
  for (const { child: c, day } of lost) {
    if (!asFiled || !side.chance(options.namesakes ?? 0.1)) continue;
    const other = namesakeOf(c, side, population, nextId('C'));
    const lostDay = day + side.int(-60, 60);
    missing.push(missingReportOf(nextId('M'), other, lostDay, randomClothing(other.gender, side), side, true));
  }
  return { missing: shuffle(missing, rng), found: shuffle(found, rng), truePairs };
}

// Another child of the same place, sex, surname and about the same age: the same given name with another father, or a
// given name of the same tradition one letter away (a hard negative for the name rules).
function namesakeOf(c: SyntheticChild, side: Prng, population: Population, id: string): SyntheticChild {
  const other = makeChild(id, side, c.bornOnDay + side.int(-365, 365), c.home, population);
  const names = population.names(c.region);
  const given = c.name.find((w) => w.role === 'given');
  const list = c.gender === 'FEMALE' ? names.female : names.male;
  const near = given ? list.filter((e) => e.phonemic !== given.phonemic && oneLetterApart(e.latin || e.phonemic, given.latin || given.phonemic)) : [];
  const name = c.name.map((w) => (w.role === 'given' && near.length > 0 && side.chance(0.5) ? { ...side.pick(near), role: w.role } : w));
  return { ...other, region: c.region, gender: c.gender, homeDistrict: c.homeDistrict, name, motherTongue: c.motherTongue };
}

function oneLetterApart(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (Math.abs(x.length - y.length) > 1 || x === y) return false;
  let i = 0;
  while (i < Math.min(x.length, y.length) && x[i] === y[i]) i++;
  return x.slice(i + (x.length >= y.length ? 1 : 0)) === y.slice(i + (y.length >= x.length ? 1 : 0));
}
