// Every field of a missing report against a found report, each with a level of agreement and
// a reason a caseworker can check.
import { ageOn, birthGapYears, type BirthInterval } from './age.js';
import { daysBetween } from './dates.js';
import { describeFeature, sharedFeatures } from './descriptions.js';
import { nameLevel, type FieldComparison, type MatchField, type ReasonDetail } from './fields.js';
import { separation } from './geo.js';
import { comparePhotos } from './photo.js';
import { LINGUA_FRANCAS } from './languages.js';
import { compareNameLists, type NameComparison, type NameWhy } from './name-compare.js';
import type { AnalysedName } from './names.js';
import { prepareReport, type PreparedReport } from './prepare.js';
import { COMPLEXIONS, type FoundReport, type MissingReport, type Range } from './record.js';

/** All fields compared, in MATCH_FIELDS order. */
export function compareReports(missing: MissingReport, found: FoundReport, options: { reasons?: boolean } = {}): FieldComparison[] {
  // Scoring every candidate needs only the levels; the words are written for the pairs that are kept.
  const why: Why = options.reasons === false ? () => '' : (reason) => reason();
  const m = prepareReport(missing);
  const f = prepareReport(found);
  const days = daysBetween(missing.lastSeenAt, found.foundAt);
  const names = m.names.length > 0 && f.names.length > 0 ? compareNameLists(m.names, f.names) : undefined;
  return [
    names ? compareChildNames(names) : neutral('name', 'name not recorded on both reports', NOT_RECORDED),
    compareGuardians(m, f, new Set(names?.matchedKeys), why),
    compareGender(missing, found, why),
    compareAge(m, f, found.foundAt, days, why),
    compareHeight(missing.heightCm, found.heightCm, days, why),
    compareComplexion(missing, found, why),
    compareMarks(m.marks, f.marks, missing.identifyingMarks, found.identifyingMarks, why),
    compareLanguages(m.languages, f.languages, why),
    compareClothing(m.clothing, f.clothing, days, why),
    comparePlace(missing, found, days, why),
    compareTime(days, why),
    comparePhotos(missing.face, found.face, days, why),
  ];
}

/** Writes a reason, or skips it when only the level is wanted. */
type Why = (reason: () => string) => string;

function neutral<F extends MatchField>(field: F, reason: string, detail?: ReasonDetail): FieldComparison<F> {
  return { field, level: null, score: null, reason, ...(detail && { detail }) };
}

/** A field either report leaves empty. */
const NOT_RECORDED: ReasonDetail = { key: 'match.reason.notRecorded' };

function fromNames<F extends 'name' | 'guardians'>(field: F, c: NameComparison, prefix = '', detail: ReasonDetail = nameDetail(c.why)): FieldComparison<F> {
  if (c.score === null) return neutral(field, `${prefix}${c.reason}`, detail);
  return { field, level: nameLevel(c.score, c.matchedWords), score: c.score, reason: `${prefix}${c.reason}`, detail };
}

/** A name comparison's parts as the values of one message (`match.reason.name`), each a choice the message words. */
function nameParams(why: NameWhy): Record<string, string> {
  return { how: why.how, partial: why.partial ?? 'none', order: why.reordered ? 'differs' : 'same', initials: why.initialsDiffer ? 'differ' : 'agree' };
}

function nameDetail(why: NameWhy, relation?: string): ReasonDetail {
  return relation ? { key: 'match.reason.guardian', params: { relation, ...nameParams(why) } } : { key: 'match.reason.name', params: nameParams(why) };
}

// Only a pet name agreeing (Munna and alias Munna) is evidence of its own: weaker than a given name, yet for it, not
// against it as a weak spelling likeness would be.
function compareChildNames(c: NameComparison): FieldComparison<'name'> {
  const field = fromNames('name', c);
  return { ...field, ...(c.petNameOnly && field.level !== null ? { level: 'petName' as const } : {}), matchedKeys: sideKeys(c) };
}

// matchedKeys alternates the missing report's key and the found report's.
function sideKeys(c: NameComparison): { missing: string[]; found: string[] } {
  return { missing: c.matchedKeys.filter((_, i) => i % 2 === 0), found: c.matchedKeys.filter((_, i) => i % 2 === 1) };
}

// A surname already counted in the child's name is not evidence a second time in the father's. The parent's own given
// name (the first word) stays, even where the child shares it (Deepa, daughter of Deepa Thevar).
function without(name: AnalysedName, counted: ReadonlySet<string>): AnalysedName {
  const tokens = name.tokens.filter((t, i) => i === 0 || !counted.has(t.key));
  return tokens.some((t) => t.role === 'core') ? { ...name, tokens } : name;
}

// Father against father, mother against mother; a guardian against anyone. Both parents' names agreeing are two
// independent words of evidence, as a parent's given name and surname are.
function compareGuardians(m: PreparedReport, f: PreparedReport, counted: ReadonlySet<string>, why: Why): FieldComparison<'guardians'> {
  const best = new Map<string, NameComparison>();
  for (const a of m.guardians) {
    for (const b of f.guardians) {
      if (a.relation !== b.relation && a.relation !== 'GUARDIAN' && b.relation !== 'GUARDIAN') continue;
      const c = compareNameLists([without(a.name, counted)], [without(b.name, counted)]);
      const relation = b.relation.toLowerCase();
      const sofar = best.get(relation)?.score;
      if (c.score !== null && (sofar == null || c.score > sofar)) best.set(relation, c);
    }
  }
  const [father, mother] = [best.get('father'), best.get('mother')];
  if (father?.score != null && mother?.score != null && father.score >= BOTH_PARENTS_AGREE && mother.score >= BOTH_PARENTS_AGREE) {
    const both: NameComparison = { ...father, score: Math.max(father.score, mother.score), matchedWords: 2, reason: '' };
    return fromNames('guardians', both, why(() => `father's name: ${father.reason}; mother's name: ${mother.reason}`), { key: 'match.reason.guardians.both' });
  }
  let top: [string, NameComparison] | undefined;
  for (const entry of best) if (!top || (entry[1].score ?? 0) > (top[1].score ?? 0)) top = entry;
  if (!top) return neutral('guardians', 'no parent or guardian named on both reports', NOT_RECORDED);
  const [relation, c] = top;
  return fromNames('guardians', c, why(() => `${relation}'s name: `), nameDetail(c.why, relation));
}

/** Both parents' names at least this alike (a good likeness each, a surname left out allowed): two agreeing words. */
const BOTH_PARENTS_AGREE = 0.78;

// A child may be reported under the sex assigned at birth and found as transgender: compatible.
function compareGender(missing: MissingReport, found: FoundReport, why: Why): FieldComparison<'gender'> {
  const [a, b] = [missing.gender ?? 'UNKNOWN', found.gender ?? 'UNKNOWN'];
  if (a === 'UNKNOWN' || b === 'UNKNOWN') return neutral('gender', 'gender not recorded on both reports', NOT_RECORDED);
  const detail: ReasonDetail = { key: 'match.reason.gender', params: { reported: a, found: b } };
  if (a === b) return { field: 'gender', level: 'same', score: null, reason: why(() => `both ${a.toLowerCase()}`), detail };
  if (a === 'TRANSGENDER' || b === 'TRANSGENDER') return { field: 'gender', level: 'compatible', score: null, reason: why(() => `reported ${a.toLowerCase()}, found ${b.toLowerCase()}`), detail };
  return { field: 'gender', level: 'different', score: null, reason: why(() => `reported ${a.toLowerCase()}, found ${b.toLowerCase()}`), detail };
}

function formatRange(r: Range): string {
  return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
}

function compareAge(m: PreparedReport, f: PreparedReport, foundAt: string, days: number, why: Why): FieldComparison<'age'> {
  if (!m.birth || !f.birth) return neutral('age', 'age not recorded on both reports', NOT_RECORDED);
  const gap = birthGapYears(m.birth, f.birth);
  const detail = () => `expected ${formatRange(ageOn(m.birth!, foundAt))}${days >= 365 ? `, ${(days / 365.25).toFixed(1)} years on` : ''}, found ${formatRange(ageOn(f.birth!, foundAt))}`;
  const narrow = (b: BirthInterval) => b.to - b.from <= 1.01;
  const ages = { expected: formatRange(ageOn(m.birth, foundAt)), found: formatRange(ageOn(f.birth, foundAt)) };
  if (gap === 0 && narrow(m.birth) && narrow(f.birth)) return { field: 'age', level: 'same', score: null, reason: why(() => `same age (${detail()})`), detail: { key: 'match.reason.age.same', params: ages } };
  if (gap === 0) return { field: 'age', level: 'overlap', score: null, reason: why(() => `ranges overlap (${detail()})`), detail: { key: 'match.reason.age.overlap', params: ages } };
  const level = gap <= 1 ? 'near' : gap <= 3 ? 'far' : 'conflict';
  return { field: 'age', level, score: null, reason: why(() => `ranges ${gap.toFixed(1)} years apart (${detail()})`), detail: { key: 'match.reason.age.apart', params: { ...ages, gap: Math.round(gap * 10) / 10 } } };
}

// Children grow 3 to 8 cm a year; what the missing child measured then bounds what it measures now.
function compareHeight(then: Range | undefined, now: Range | undefined, days: number, why: Why): FieldComparison<'height'> {
  if (!then || !now) return neutral('height', 'height not recorded on both reports', NOT_RECORDED);
  const years = Math.max(0, days) / 365.25;
  const expected = { min: then.min + 3 * years, max: then.max + Math.min(40, 8 * years) };
  const gap = Math.max(0, now.min - expected.max, expected.min - now.max);
  const detail = () => `expected ${formatRange({ min: Math.round(expected.min), max: Math.round(expected.max) })} cm, found ${formatRange(now)} cm`;
  const heights = { expected: formatRange({ min: Math.round(expected.min), max: Math.round(expected.max) }), found: formatRange(now) };
  if (gap === 0) return { field: 'height', level: 'overlap', score: null, reason: why(() => `heights agree (${detail()})`), detail: { key: 'match.reason.height.agree', params: heights } };
  const level = gap <= 5 ? 'near' : gap <= 12 ? 'far' : 'conflict';
  return { field: 'height', level, score: null, reason: why(() => `heights ${Math.round(gap)} cm apart (${detail()})`), detail: { key: 'match.reason.height.apart', params: { ...heights, gap: Math.round(gap) } } };
}

function compareComplexion(missing: MissingReport, found: FoundReport, why: Why): FieldComparison<'complexion'> {
  if (!missing.complexion || !found.complexion) return neutral('complexion', 'complexion not recorded on both reports', NOT_RECORDED);
  const steps = Math.abs(COMPLEXIONS.indexOf(missing.complexion) - COMPLEXIONS.indexOf(found.complexion));
  const words = () => `${missing.complexion!.toLowerCase()} / ${found.complexion!.toLowerCase()}`.replace(/_/g, ' ');
  const level = steps === 0 ? 'same' : steps === 1 ? 'adjacent' : 'different';
  const detail: ReasonDetail = { key: 'match.reason.complexion', params: { reported: missing.complexion, found: found.complexion } };
  return { field: 'complexion', level, score: null, reason: why(() => (steps === 0 ? `both ${missing.complexion!.toLowerCase().replace('_', ' ')}` : words())), detail };
}

function overlapScore(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((x) => b.has(x)).length;
  return Math.round((shared / Math.max(1, Math.min(a.size, b.size))) * 100) / 100;
}

function compareMarks(a: ReadonlySet<string>, b: ReadonlySet<string>, textA: string | undefined, textB: string | undefined, why: Why): FieldComparison<'marks'> {
  if (a.size === 0 || b.size === 0) {
    return textA && textB
      ? neutral('marks', 'marks described in words the matcher does not know', { key: 'match.reason.marks.unknownWords' })
      : neutral('marks', 'marks not recorded on both reports', NOT_RECORDED);
  }
  const shared = sharedFeatures(a, b);
  const score = overlapScore(a, b);
  const top = shared[0];
  if (top?.includes('@')) return { field: 'marks', level: 'strong', score, reason: why(() => `both mention ${describeFeature(top)}`), detail: mention('marks', [top]) };
  if (top) return { field: 'marks', level: 'partial', score, reason: why(() => `both mention ${shared.slice(0, 2).map(describeFeature).join(', ')}`), detail: mention('marks', shared.slice(0, 2)) };
  return { field: 'marks', level: 'differs', score: 0, reason: 'no mark in common', detail: { key: 'match.reason.marks.differ' } };
}

/** Shared features as their canonical words (`mole@cheek@left`, `red+shirt`), which the web app says in the reader's language. */
function mention(field: 'marks' | 'clothing', features: string[]): ReasonDetail {
  return { key: `match.reason.${field}.shared`, params: { features: features.join(',') } };
}

function compareLanguages(a: ReadonlySet<string>, b: ReadonlySet<string>, why: Why): FieldComparison<'languages'> {
  if (a.size === 0 || b.size === 0) return neutral('languages', 'languages not recorded on both reports', NOT_RECORDED);
  const shared = [...a].filter((l) => b.has(l));
  // Language codes (ISO 639), named by the reader's browser in the reader's language.
  if (shared.length === 0) {
    const detail: ReasonDetail = { key: 'match.reason.languages.none', params: { reportedLanguages: [...a].join(','), foundLanguages: [...b].join(',') } };
    return { field: 'languages', level: 'differs', score: 0, reason: why(() => `no language in common (${[...a].join(', ')} / ${[...b].join(', ')})`), detail };
  }
  const regional = shared.filter((l) => !LINGUA_FRANCAS.has(l));
  const detail: ReasonDetail = { key: 'match.reason.languages.shared', params: { languages: shared.join(',') } };
  return { field: 'languages', level: regional.length > 0 ? 'regional' : 'common', score: null, reason: why(() => `both speak ${shared.join(', ')}`), detail };
}

/** Beyond this many days the child has likely changed clothes. */
const CLOTHING_DAYS = 7;

function compareClothing(a: ReadonlySet<string>, b: ReadonlySet<string>, days: number, why: Why): FieldComparison<'clothing'> {
  if (a.size === 0 || b.size === 0) return neutral('clothing', 'clothing not recorded on both reports', NOT_RECORDED);
  if (days > CLOTHING_DAYS) return neutral('clothing', `not compared: found ${days} days later`, { key: 'match.reason.clothing.later', params: { days } });
  const shared = sharedFeatures(a, b);
  const score = overlapScore(a, b);
  const top = shared[0];
  if (top?.includes('+')) return { field: 'clothing', level: 'strong', score, reason: why(() => `both mention ${describeFeature(top)}`), detail: mention('clothing', [top]) };
  if (top) return { field: 'clothing', level: 'partial', score, reason: why(() => `both mention ${shared.slice(0, 2).map(describeFeature).join(', ')}`), detail: mention('clothing', shared.slice(0, 2)) };
  return { field: 'clothing', level: 'differs', score: 0, reason: 'clothing differs', detail: { key: 'match.reason.clothing.differ' } };
}

function later(days: number): string {
  if (days < 0) return `${-days} days before last seen`;
  if (days === 0) return 'the same day';
  return days === 1 ? '1 day later' : `${days} days later`;
}

function comparePlace(missing: MissingReport, found: FoundReport, days: number, why: Why): FieldComparison<'place'> {
  const s = separation(missing.place, found.place);
  const when = () => later(days);
  switch (s.kind) {
    case 'km': {
      const km = Math.round(s.km);
      const level = km <= 25 ? 'local' : km <= 300 ? 'regional' : km <= 1000 ? 'distant' : 'remote';
      return { field: 'place', level, score: null, reason: why(() => `found ${km} km away, ${when()}`), detail: { key: 'match.reason.place.km', params: { km } } };
    }
    case 'sameDistrict':
      return { field: 'place', level: 'local', score: null, reason: why(() => `found in the same district, ${when()}`), detail: { key: 'match.reason.place.sameDistrict' } };
    case 'sameState':
      return { field: 'place', level: 'regional', score: null, reason: why(() => `found in the same state, ${when()}`), detail: { key: 'match.reason.place.sameState' } };
    case 'otherState':
      return { field: 'place', level: 'distant', score: null, reason: why(() => `found in another state (${missing.place?.stateCode} → ${found.place?.stateCode}), ${when()}`), detail: { key: 'match.reason.place.otherState' } };
    case 'unknown':
      return neutral('place', 'place not recorded on both reports', NOT_RECORDED);
  }
}

function compareTime(days: number, why: Why): FieldComparison<'time'> {
  const level = days < 0 ? 'before' : days <= 7 ? 'week' : days <= 60 ? 'months' : days <= 365 ? 'year' : 'years';
  const reason = why(() => (days < 0 ? `found ${-days} days before last seen` : days === 0 ? 'found the day last seen' : `found ${days} day${days === 1 ? '' : 's'} after last seen`));
  const detail: ReasonDetail = days < 0 ? { key: 'match.reason.time.before', params: { days: -days } } : days === 0 ? { key: 'match.reason.time.sameDay' } : { key: 'match.reason.time.after', params: { days } };
  return { field: 'time', level, score: null, reason, detail };
}
