// A synthetic child: the truth that the missing and found reports each describe imperfectly.
import { STATES, type District, type StateProfile } from './geography.js';
import { NAME_FILLERS, PET_NAMES, type NameEntry, type NameRegion } from './name-pool.js';
import { FITTED_POPULATION, type Population } from './profile.js';
import type { Prng } from './prng.js';

export type NameWordRole = 'given' | 'filler' | 'surname' | 'patronymic';

export interface NameWord extends NameEntry {
  role: NameWordRole;
}

export interface Mark {
  type: 'mole' | 'scar' | 'burn' | 'birthmark' | 'tattoo';
  part: BodyPart;
  side?: 'left' | 'right';
}

export const BODY_PARTS = ['forehead', 'cheek', 'chin', 'nose', 'neck', 'hand', 'arm', 'leg', 'knee', 'back', 'chest', 'stomach', 'ear', 'lip', 'eyebrow', 'foot', 'shoulder'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

export interface SyntheticChild {
  id: string;
  region: NameRegion;
  home: StateProfile;
  homeDistrict: District;
  gender: 'MALE' | 'FEMALE' | 'TRANSGENDER';
  /** the name as the family writes it, in order */
  name: NameWord[];
  petName?: NameEntry;
  father: NameWord[];
  mother: NameWord[];
  /** day number (days since 1970) of birth */
  bornOnDay: number;
  /** cm above or below the average height for age and sex */
  heightOffsetCm: number;
  complexion: number;
  marks: Mark[];
  motherTongue: string;
}

// Average height (cm) at ages 0–18 of Indian boys and girls (IAP growth charts, rounded).
const HEIGHT_CM = {
  MALE: [50, 76, 87, 96, 103, 110, 116, 122, 128, 133, 138, 143, 149, 156, 163, 168, 171, 172, 173],
  FEMALE: [49, 74, 86, 95, 102, 109, 115, 121, 127, 133, 138, 144, 150, 154, 156, 157, 158, 158, 158],
};

/** True height at an age in years. */
export function heightAt(child: SyntheticChild, ageYears: number): number {
  const curve = child.gender === 'FEMALE' ? HEIGHT_CM.FEMALE : HEIGHT_CM.MALE;
  const age = Math.max(0, Math.min(18, ageYears));
  const lower = Math.floor(age);
  const a = curve[lower] ?? 173;
  const b = curve[Math.min(18, lower + 1)] ?? a;
  return a + (b - a) * (age - lower) + child.heightOffsetCm;
}

function pickState(rng: Prng): StateProfile {
  const weights = Object.fromEntries(STATES.map((s) => [s.code, s.reportWeight]));
  const code = rng.weighted(weights);
  return STATES.find((s) => s.code === code) as StateProfile;
}

function word(entry: NameEntry, role: NameWordRole): NameWord {
  return { ...entry, role };
}

// How each tradition composes a child's name from given name, filler words and surname.
function composeName(region: NameRegion, gender: 'MALE' | 'FEMALE', given: NameEntry, surname: NameEntry, fatherGiven: NameEntry, rng: Prng): NameWord[] {
  const out: NameWord[] = [];
  const male = gender === 'MALE';
  switch (region) {
    case 'HINDI':
      out.push(word(given, 'given'));
      if (rng.chance(male ? 0.4 : 0.45)) out.push(word(male ? NAME_FILLERS.kumar : NAME_FILLERS.kumari, 'filler'));
      if (rng.chance(0.7)) out.push(word(surname, 'surname'));
      break;
    case 'PUNJABI':
      out.push(word(given, 'given'));
      if (rng.chance(0.75)) {
        out.push(word(male ? NAME_FILLERS.singh : NAME_FILLERS.kaur, 'filler'));
        if (rng.chance(male ? 0.5 : 0.4)) out.push(word(surname, 'surname'));
      } else {
        out.push(word(surname, 'surname'));
      }
      break;
    case 'MUSLIM':
      if (male && rng.chance(0.35)) out.push(word(NAME_FILLERS.muhammad, 'filler'));
      out.push(word(given, 'given'));
      if (!male && rng.chance(0.25)) out.push(word(rng.chance(0.6) ? NAME_FILLERS.khatoon : NAME_FILLERS.begum, 'filler'));
      else if (rng.chance(male ? 0.6 : 0.45)) out.push(word(surname, 'surname'));
      break;
    case 'TAMIL':
      out.push(word(given, 'given'));
      if (rng.chance(0.55)) out.push(word(fatherGiven, 'patronymic'));
      else if (rng.chance(0.3)) out.push(word(surname, 'surname'));
      break;
    case 'BENGALI':
    case 'ODIA':
      out.push(word(given, 'given'));
      if (rng.chance(0.85)) out.push(word(surname, 'surname'));
      break;
    default:
      out.push(word(given, 'given'));
      if (!male && region === 'TELUGU' && rng.chance(0.2)) out.push(word(NAME_FILLERS.devi, 'filler'));
      if (rng.chance(0.75)) out.push(word(surname, 'surname'));
  }
  return out;
}

/** A child with a name of their region and everything a report could say of them. */
export function makeChild(id: string, rng: Prng, bornOnDay: number, state?: StateProfile, population: Population = FITTED_POPULATION): SyntheticChild {
  const home = state ?? pickState(rng);
  const region = rng.weighted(home.regions as Record<NameRegion, number>);
  const names = population.names(region);
  const pickName = (list: readonly NameEntry[]) => population.pickName(list, rng);
  const gender = rng.chance(0.003) ? 'TRANSGENDER' : rng.chance(0.55) ? 'FEMALE' : 'MALE';
  const nameGender = gender === 'TRANSGENDER' ? 'MALE' : gender;
  const given = pickName(nameGender === 'MALE' ? names.male : names.female);
  const surname = pickName(names.surnames);
  const fatherGiven = pickName(names.male);
  const name = composeName(region, nameGender, given, surname, fatherGiven, rng);
  const hasSurname = name.some((w) => w.role === 'surname');
  const father = [word(fatherGiven, 'given'), ...(hasSurname || rng.chance(0.5) ? [word(surname, 'surname')] : [])];
  const mother = [word(pickName(names.female), 'given'), ...(rng.chance(0.4) ? [word(surname, 'surname')] : [])];
  const markCount = rng.weighted({ 0: 35, 1: 45, 2: 20 });
  const marks = Array.from({ length: Number(markCount) }, (): Mark => {
    const type = rng.weighted({ mole: 40, scar: 30, burn: 10, birthmark: 12, tattoo: 8 });
    const side = rng.chance(0.7) ? rng.pick(['left', 'right'] as const) : undefined;
    return { type, part: rng.pick(BODY_PARTS), ...(side ? { side } : {}) };
  });
  return {
    id,
    region,
    home,
    homeDistrict: rng.pick(population.districtsOf(home)),
    gender,
    name,
    ...(rng.chance(0.35) ? { petName: rng.pick(PET_NAMES[nameGender]) } : {}),
    father,
    mother,
    bornOnDay,
    heightOffsetCm: rng.normal(0, 5),
    complexion: Number(rng.weighted({ 0: 5, 1: 25, 2: 40, 3: 25, 4: 5 })),
    marks,
    motherTongue: names.language ?? home.language,
  };
}
