// Blocking: the cheap, stored keys that find candidate pairs in PostgreSQL, and the pure rule
// a pair must pass before it is scored.
import { birthGapYears, birthInterval, birthYearRange } from './age.js';
import { prepareReport } from './prepare.js';
import { dayNumber } from './dates.js';
import { analyseName, significantTokens, type AnalysedName } from './names.js';
import { reportNames, type ChildReport, type FoundReport, type Gender, type MissingReport } from './record.js';

export interface BlockingKeys {
  /** phonetic keys of the words of the name and aliases: text[] with a GIN index, && */
  nameKeys: string[];
  /** voicing-folded consonant skeletons of the same words: coarse, survive script changes */
  nameSkeletons: string[];
  /** phonetic keys of the parents' and guardians' names */
  guardianKeys: string[];
  /** the name and each alias as phonetic keys, one string each, for pg_trgm similarity */
  searchNames: string[];
  /** no usable name (none, "Unknown", only generic pet names): search by the other fields */
  searchByAttributes: boolean;
  gender: Gender;
  /** birth years the reported age or date of birth allows (null: age not recorded) */
  birthYearMin: number | null;
  birthYearMax: number | null;
}

export interface BlockingOptions {
  /** years a found child's estimated age may miss the reported one by; default 2 */
  ageToleranceYears?: number;
}

export const DEFAULT_AGE_TOLERANCE_YEARS = 2;

/** Bumped whenever keys for the same report would change: stored keys of an older version must be recomputed. */
// 2: "not known" in Tamil, Telugu, Kannada and Malayalam is no name; 3: Rao/రావు, Naidu/నాయుడు, Dutta/ਦੱਤ one key each;
// 4: Urdu read; Tamil voicing by known names; Dnyaneshwar = Gyaneshwar, Ayesha = Aisha, Joy = Jay, Sowmya = Soumya, Swathy = Swathi;
// 5: Jaswinder = Jaswindar (ਜਸਵਿੰਦਰ), Lekshmi = Lakshmi
export const BLOCKING_KEYS_VERSION = 5;

function unique(values: string[]): string[] {
  return [...new Set(values)].filter((v) => v !== '');
}

function keyTokens(name: AnalysedName) {
  return significantTokens(name).filter((t) => t.role !== 'initial');
}

/** Normalised Latin form of a name for trigram similarity: its words' phonetic keys. */
export function searchName(name: string | AnalysedName): string {
  const analysed = typeof name === 'string' ? analyseName(name) : name;
  return unique(keyTokens(analysed).map((t) => t.key)).join(' ');
}

/** The keys a record stores so a search by any of these names, in any script, finds it (cases by child or guardian). */
export function nameSearchKeys(names: readonly string[]): string[] {
  return unique(names.filter((n) => n.trim() !== '').flatMap((n) => keyTokens(analyseName(n)).map((t) => t.key)));
}

/** The values to store with a report for candidate search. */
export function blockingKeys(report: ChildReport): BlockingKeys {
  const names = reportNames(report).map(analyseName);
  const tokens = names.flatMap(keyTokens);
  const guardianTokens = (report.guardians ?? []).map((g) => analyseName(g.name)).flatMap(keyTokens);
  const years = birthYearRange(report);
  return {
    nameKeys: unique(tokens.map((t) => t.key)),
    nameSkeletons: unique(tokens.map((t) => t.looseSkeleton)),
    guardianKeys: unique(guardianTokens.map((t) => t.key)),
    searchNames: unique(names.map(searchName)),
    searchByAttributes: !prepareReport(report).usableName,
    gender: report.gender ?? 'UNKNOWN',
    birthYearMin: years?.min ?? null,
    birthYearMax: years?.max ?? null,
  };
}

/** Whether two genders can belong to one child: UNKNOWN fits any; TRANSGENDER fits any recorded sex. */
export function gendersCompatible(a: Gender | undefined, b: Gender | undefined): boolean {
  if (!a || !b || a === 'UNKNOWN' || b === 'UNKNOWN' || a === b) return true;
  return a === 'TRANSGENDER' || b === 'TRANSGENDER';
}

/** Why a pair cannot be the same child, or null when it is a candidate. */
export function candidateRejection(missing: MissingReport, found: FoundReport, options: BlockingOptions = {}): string | null {
  if (dayNumber(found.foundAt) < dayNumber(missing.lastSeenAt)) return 'found before last seen';
  if (!gendersCompatible(missing.gender, found.gender)) return 'genders differ';
  const m = birthInterval(missing);
  const f = birthInterval(found);
  const tolerance = options.ageToleranceYears ?? DEFAULT_AGE_TOLERANCE_YEARS;
  if (m && f && birthGapYears(m, f) > tolerance) return 'ages too far apart';
  return null;
}

/** The blocking predicate: compatible genders, ages that agree once time has passed, found after last seen. */
export function isCandidatePair(missing: MissingReport, found: FoundReport, options: BlockingOptions = {}): boolean {
  return candidateRejection(missing, found, options) === null;
}
