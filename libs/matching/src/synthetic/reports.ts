// Reports of a synthetic child as a family (missing) or the police or a CWC (found) would
// write them: other spellings and scripts, dropped words, estimated ages, missing fields.
import { COMPLEXIONS, type FoundReport, type GuardianName, type MissingReport, type Place, type Range } from '../record.js';
import type { IndicScript } from '../scripts.js';
import { BODY_PARTS, heightAt, type BodyPart, type Mark, type NameWord, type SyntheticChild } from './children.js';
import { LANGUAGE_WRITTEN, type District, type StateProfile } from './geography.js';
import { PET_NAMES, REGION_NAMES, type NameEntry } from './name-pool.js';
import { Prng as SideStream, type Prng } from './prng.js';
import { romanise, romaniseVariant, typo } from './render-latin.js';
import { renderInScript } from './render-script.js';
import { renderInUrdu } from './render-urdu.js';

const DAY_MS = 86_400_000;

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function ageOnDay(child: SyntheticChild, day: number): number {
  return (day - child.bornOnDay) / 365.25;
}

type Writing = 'canonical' | 'variant' | 'native';
/** The script a report's names are written in: the state's, or Urdu. */
type NativeScript = IndicScript | 'URDU';

/** States whose police and CWCs often write a Muslim child's name in Urdu. */
const URDU_STATES: ReadonlySet<string> = new Set(['UP', 'BR', 'JH', 'DL', 'TG']);

// With asFiled, half the Muslim children's reports of those states write native names in Urdu. Decided on a stream of the report's
// own (its id), so that the draws of the data set the weights were fitted on stay as they were.
function nativeScript(child: SyntheticChild, state: StateProfile, reportId: string, asFiled: boolean): NativeScript {
  const urdu = asFiled && child.region === 'MUSLIM' && URDU_STATES.has(state.code) && new SideStream(`urdu/${reportId}`).chance(0.5);
  return urdu ? 'URDU' : state.script;
}

function writeWord(w: NameEntry, child: SyntheticChild, writing: Writing, script: NativeScript, rng: Prng): string {
  const style = REGION_NAMES[child.region].style;
  if (writing === 'native') return script === 'URDU' ? renderInUrdu(w.phonemic) : renderInScript(w.phonemic, script);
  if (writing === 'canonical') return w.latin || romanise(w.phonemic, style);
  return romaniseVariant(w.phonemic, style, rng);
}

function writeName(words: readonly NameEntry[], child: SyntheticChild, writing: Writing, script: NativeScript, rng: Prng): string {
  return words.map((w) => (w.phonemic === '' ? w.latin : writeWord(w, child, writing, script, rng))).join(' ');
}

/** Regions whose records often write the father's name as an initial before the child's (K. Ramesh). */
const INITIAL_REGIONS: ReadonlySet<string> = new Set(['TAMIL', 'TELUGU']);

// With asFiled, the father's given name (the patronymic) as his initial, first, in four reports in ten of those regions: decided on
// a stream of the report's own, as the Urdu writing is.
function withInitials(words: readonly NameWord[], child: SyntheticChild, reportId: string, asFiled: boolean): NameEntry[] {
  const patronymic = words.find((w) => w.role === 'patronymic');
  if (!asFiled || !patronymic || !INITIAL_REGIONS.has(child.region) || !new SideStream(`initial/${reportId}`).chance(0.4)) return [...words];
  const initial = romanise(patronymic.phonemic).charAt(0).toUpperCase();
  return [{ phonemic: '', latin: `${initial}.` }, ...words.filter((w) => w !== patronymic)];
}

function writingFor(rng: Prng, native: number, variant: number): Writing {
  return rng.weighted({ native, variant, canonical: Math.max(0, 1 - native - variant) });
}

function jitter(district: District, rng: Prng, withCoordinates: number): Place {
  const place: Place = { stateCode: district.stateCode, districtCode: district.code, text: district.name };
  if (rng.chance(withCoordinates) && district.lat !== undefined && district.lon !== undefined) {
    place.lat = Math.round((district.lat + rng.normal(0, 0.08)) * 1e4) / 1e4;
    place.lon = Math.round((district.lon + rng.normal(0, 0.08)) * 1e4) / 1e4;
  }
  return place;
}

const HINDI_PART: Record<string, string> = {
  forehead: 'mathe', cheek: 'gaal', chin: 'thodi', nose: 'naak', neck: 'gardan', hand: 'haath', arm: 'baju', leg: 'taang', knee: 'ghutne',
  back: 'peeth', chest: 'seena', stomach: 'pet', ear: 'kaan', lip: 'honth', eyebrow: 'bhaun', foot: 'paon', shoulder: 'kandhe',
};
const HINDI_MARK: Record<Mark['type'], string> = { mole: 'til', scar: 'nishan', burn: 'jala nishan', birthmark: 'lehsun', tattoo: 'godna' };

const NEIGHBOURING_PART: Partial<Record<BodyPart, BodyPart>> = {
  cheek: 'chin', chin: 'cheek', forehead: 'eyebrow', eyebrow: 'forehead', hand: 'arm', arm: 'shoulder', leg: 'knee', knee: 'leg', neck: 'shoulder', back: 'shoulder', chest: 'stomach', stomach: 'chest',
};
const CONFUSED_TYPE: Record<Mark['type'], Mark['type']> = { mole: 'birthmark', birthmark: 'mole', scar: 'burn', burn: 'scar', tattoo: 'tattoo' };

// Another observer sees a mark a little differently: the other side, the next body part, a mole for a birthmark.
function misobserve(m: Mark, rng: Prng): Mark {
  const seen: Mark = { type: rng.chance(0.1) ? CONFUSED_TYPE[m.type] : m.type, part: rng.chance(0.1) ? (NEIGHBOURING_PART[m.part] ?? m.part) : m.part };
  if (m.side && rng.chance(0.8)) seen.side = rng.chance(0.1) ? (m.side === 'left' ? 'right' : 'left') : m.side;
  return seen;
}

function describeMark(m: Mark, rng: Prng): string {
  const side = m.side ? `${m.side} ` : '';
  const hindiSide = m.side === 'left' ? 'baye ' : m.side === 'right' ? 'daye ' : '';
  switch (rng.int(0, 3)) {
    case 0:
      return `${m.type} on ${side}${m.part}`;
    case 1:
      return `${m.type === 'mole' ? 'black mole' : `old ${m.type} mark`} near ${side}${m.part}`;
    case 2:
      return `${hindiSide}${HINDI_PART[m.part]} par ${HINDI_MARK[m.type]}`;
    default:
      return `${side}${m.part} - ${m.type}`;
  }
}

const COLOURS = ['red', 'blue', 'green', 'yellow', 'black', 'white', 'pink', 'orange', 'brown', 'grey', 'purple', 'maroon'];
const HINDI_COLOUR: Record<string, string> = { red: 'lal', blue: 'neela', green: 'hara', yellow: 'peela', black: 'kala', white: 'safed', pink: 'gulabi', orange: 'kesari', brown: 'bhura' };

/** What a child was wearing: one or two garments with colours. */
export function randomClothing(gender: SyntheticChild['gender'], rng: Prng): [string, string][] {
  const garments =
    gender === 'FEMALE'
      ? [['frock'], ['salwar', 'kurti'], ['top', 'jeans'], ['school uniform'], ['lehenga', 'top']]
      : [['shirt', 'pant'], ['t-shirt', 'jeans'], ['t-shirt', 'half pant'], ['school uniform'], ['kurta', 'pyjama'], ['vest', 'shorts']];
  return rng.pick(garments).map((g) => [rng.pick(COLOURS), g] as [string, string]);
}

function describeClothing(items: [string, string][], rng: Prng): string {
  return items.map(([colour, garment]) => `${rng.chance(0.25) ? (HINDI_COLOUR[colour] ?? colour) : colour} ${garment}`).join(rng.chance(0.5) ? ' and ' : ', ');
}

function languagesOf(child: SyntheticChild, rng: Prng): string[] {
  const codes = [child.motherTongue];
  if (child.motherTongue !== 'hi' && rng.chance(0.3)) codes.push('hi');
  if (child.region === 'MUSLIM' && child.motherTongue === 'hi' && rng.chance(0.4)) codes.push('ur');
  return codes.map((c) => rng.pick(LANGUAGE_WRITTEN[c] ?? [c]));
}

function reportedComplexion(child: SyntheticChild, rng: Prng, accuracy: number): (typeof COMPLEXIONS)[number] {
  const shift = rng.chance(accuracy) ? 0 : rng.pick([-1, 1]);
  return COMPLEXIONS[Math.max(0, Math.min(4, child.complexion + shift))] ?? 'WHEATISH';
}

function guardian(relation: GuardianName['relation'], words: readonly NameWord[], child: SyntheticChild, writing: Writing, script: NativeScript, rng: Prng, givenOnly: boolean): GuardianName {
  return { relation, name: writeName(givenOnly ? words.slice(0, 1) : words, child, writing, script, rng) };
}

/** The family's report to the police, filed in the home state. */
export function missingReportOf(id: string, child: SyntheticChild, lastSeenDay: number, clothing: [string, string][], rng: Prng, asFiled = false): MissingReport {
  const script = nativeScript(child, child.home, id, asFiled);
  const writing = writingFor(rng, 0.2, 0.25);
  const words = withInitials(rng.chance(0.1) ? child.name.filter((w) => w.role !== 'surname') : child.name, child, id, asFiled);
  const age = ageOnDay(child, lastSeenDay);
  const report: MissingReport = { kind: 'MISSING', id, lastSeenAt: isoDay(lastSeenDay), name: writeName(words, child, writing, script, rng), gender: child.gender };
  if (child.petName && rng.chance(0.5)) report.aliases = [child.petName.latin];
  const guardians: GuardianName[] = [];
  if (rng.chance(0.9)) guardians.push(guardian('FATHER', child.father, child, writing, script, rng, false));
  if (rng.chance(0.6)) guardians.push(guardian('MOTHER', child.mother, child, writing, script, rng, false));
  if (guardians.length > 0) report.guardians = guardians;
  const ageKind = rng.weighted({ exact: 80, dob: 12, none: 8 });
  if (ageKind === 'exact') {
    const years = Math.max(0, Math.floor(age) + (rng.chance(0.08) ? rng.pick([-1, 1]) : 0));
    report.ageYears = { min: years, max: years };
  } else if (ageKind === 'dob') {
    report.dateOfBirth = isoDay(child.bornOnDay);
  }
  if (rng.chance(0.55)) report.heightCm = around(heightAt(child, age) + rng.normal(0, 3), 3);
  if (rng.chance(0.65)) report.complexion = reportedComplexion(child, rng, 0.75);
  if (child.marks.length > 0 && rng.chance(0.5)) report.identifyingMarks = child.marks.map((m) => describeMark(rng.chance(0.8) ? m : misobserve(m, rng), rng)).join(', ');
  if (rng.chance(0.6)) report.languages = languagesOf(child, rng);
  if (rng.chance(0.6)) report.clothing = describeClothing(clothing, rng);
  report.place = jitter(child.homeDistrict, rng, 0.7);
  return report;
}

function around(value: number, halfWidth: number): Range {
  return { min: Math.round(value - halfWidth), max: Math.round(value + halfWidth) };
}

const UNKNOWN_WRITTEN: Partial<Record<IndicScript, string>> = { DEVANAGARI: 'अज्ञात', BENGALI: 'অজ্ঞাত', TAMIL: 'தெரியவில்லை' };

// What the found child says or the police write down: the given name, maybe the rest.
function foundName(id: string, child: SyntheticChild, state: StateProfile, rng: Prng, asFiled: boolean): { name?: string; aliases?: string[] } {
  const script = state.script;
  const situation = rng.weighted({ unknown: 5, pet: 8, named: 87 });
  if (situation === 'unknown') return rng.chance(0.5) ? {} : { name: rng.chance(0.5) ? 'Unknown' : (UNKNOWN_WRITTEN[script] ?? 'Unknown') };
  if (situation === 'pet') {
    const nameGender = child.gender === 'FEMALE' ? 'FEMALE' : 'MALE';
    return { name: (child.petName ?? rng.pick(PET_NAMES[nameGender])).latin };
  }
  let words = child.name.filter((w) => {
    if (w.role === 'given') return true;
    if (w.role === 'filler') return rng.chance(0.4);
    return rng.chance(0.45);
  });
  if (words.length > 1 && rng.chance(0.08)) words = [...words.slice(1), ...words.slice(0, 1)];
  const writing = writingFor(rng, 0.35, 0.55);
  let name = writeName(withInitials(words, child, id, asFiled), child, writing, nativeScript(child, state, id, asFiled), rng);
  if (writing !== 'native' && rng.chance(0.12)) name = typo(name, rng);
  return { name };
}

/** The report made when the child is found, in the state where it is found. */
export function foundReportOf(
  id: string,
  child: SyntheticChild,
  foundDay: number,
  district: District,
  state: StateProfile,
  clothing: [string, string][],
  rng: Prng,
  asFiled = false,
): FoundReport {
  const report: FoundReport = { kind: 'FOUND', id, foundAt: isoDay(foundDay), ...foundName(id, child, state, rng, asFiled) };
  const script = nativeScript(child, state, id, asFiled);
  const guardians: GuardianName[] = [];
  const writing = writingFor(rng, 0.35, 0.55);
  if (rng.chance(0.4)) guardians.push(guardian('FATHER', child.father, child, writing, script, rng, rng.chance(0.6)));
  if (rng.chance(0.25)) guardians.push(guardian('MOTHER', child.mother, child, writing, script, rng, true));
  if (guardians.length > 0) report.guardians = guardians;
  report.gender = rng.chance(0.97) ? child.gender : 'UNKNOWN';
  const age = ageOnDay(child, foundDay);
  if (rng.chance(0.85)) {
    const estimate = age + rng.normal(0, 1.2);
    const halfWidth = rng.weighted({ 0: 15, 1: 50, 2: 35 });
    report.ageYears = { min: Math.max(0, Math.round(estimate) - Number(halfWidth)), max: Math.max(0, Math.round(estimate) + Number(halfWidth)) };
  }
  if (rng.chance(0.6)) report.heightCm = around(heightAt(child, age) + rng.normal(0, 2), 2);
  if (rng.chance(0.65)) report.complexion = reportedComplexion(child, rng, 0.7);
  const seen = child.marks.filter(() => rng.chance(0.75)).map((m) => misobserve(m, rng));
  if (rng.chance(0.15)) seen.push({ type: 'scar', part: rng.pick(BODY_PARTS) }); // a new injury
  if (seen.length > 0 && rng.chance(0.45)) report.identifyingMarks = seen.map((m) => describeMark(m, rng)).join('; ');
  if (rng.chance(0.65)) report.languages = rng.chance(0.9) ? languagesOf(child, rng) : ['Hindi'];
  if (rng.chance(0.65)) report.clothing = describeClothing(clothing, rng);
  report.place = jitter(district, rng, 0.7);
  return report;
}
