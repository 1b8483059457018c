// A report reduced once to what comparisons need: analysed names, birth interval, features.
import { birthInterval, type BirthInterval } from './age.js';
import { clothingFeatures, markFeatures } from './descriptions.js';
import { languageCode } from './languages.js';
import { memoiseByText } from './memo.js';
import { analyseName, type AnalysedName } from './names.js';
import { reportNames, type ChildReport, type FoundReport, type GuardianRelation, type MissingReport } from './record.js';

/** What comparisons need of a report, computed once per report. */
export interface PreparedReport {
  report: ChildReport;
  names: AnalysedName[];
  guardians: { relation: GuardianRelation; name: AnalysedName }[];
  birth: BirthInterval | undefined;
  marks: ReadonlySet<string>;
  clothing: ReadonlySet<string>;
  languages: Set<string>;
  /** whether any name or alias has a given name or surname (not only "Unknown" or a pet name) */
  usableName: boolean;
}

const prepared = new WeakMap<ChildReport, PreparedReport>();
// Shared by every report with the same words: read only.
const marksOf = memoiseByText(markFeatures);
const clothingOf = memoiseByText(clothingFeatures);

/**
 * The report's analysed names and features, memoised per report object: reports are treated
 * as immutable, so a changed report must be a new object.
 */
export function prepareReport(report: ChildReport): PreparedReport {
  const cached = prepared.get(report);
  if (cached) return cached;
  const names = reportNames(report).map(analyseName);
  const p: PreparedReport = {
    report,
    names,
    guardians: (report.guardians ?? []).map((g) => ({ relation: g.relation, name: analyseName(g.name) })),
    birth: birthInterval(report),
    marks: marksOf(report.identifyingMarks ?? ''),
    clothing: clothingOf(report.clothing ?? ''),
    languages: new Set((report.languages ?? []).map(languageCode)),
    usableName: names.some((n) => n.tokens.some((t) => t.role === 'core')),
  };
  prepared.set(report, p);
  return p;
}

/**
 * How the database finds such a pair: by name keys when both reports have a usable name,
 * else by the other fields alone. The two routes have different shares of true pairs.
 */
export function candidateRoute(missing: MissingReport, found: FoundReport): 'name' | 'attributes' {
  return prepareReport(missing).usableName && prepareReport(found).usableName ? 'name' : 'attributes';
}
