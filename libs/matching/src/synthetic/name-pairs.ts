// Labelled pairs of names, by kind, as police and CWC staff write them: the same name in a native script and in
// Latin, the conventional romanisations, spelling variants and slips (same child), and the hard negatives: gender
// forms, disagreeing initials, distinct names one letter apart (different children). `npm run eval:matching` scores
// them word against word, apart from the reports.
import type { IndicScript } from '../scripts.js';
import { entries, REGION_NAMES, type NameEntry, type NameRegion } from './name-pool.js';
import { NATIONAL_EXTRA } from './name-pool-national.js';
import { Prng } from './prng.js';
import { romanise, romaniseVariant, typo } from './render-latin.js';
import { renderInScript } from './render-script.js';
import { renderInUrdu } from './render-urdu.js';

export interface NamePair {
  kind: string;
  a: string;
  b: string;
  /** true: one child's name written two ways; false: two children's names */
  same: boolean;
}

const SCRIPT_OF_REGION: Partial<Record<NameRegion, IndicScript>> = {
  HINDI: 'DEVANAGARI', MARATHI: 'DEVANAGARI', BENGALI: 'BENGALI', PUNJABI: 'GURMUKHI', GUJARATI: 'GUJARATI', ODIA: 'ODIA',
  TAMIL: 'TAMIL', TELUGU: 'TELUGU', KANNADA: 'KANNADA', MALAYALAM: 'MALAYALAM',
};

function namesOf(region: NameRegion): NameEntry[] {
  const r = REGION_NAMES[region];
  const extra = NATIONAL_EXTRA[region];
  return [...r.male, ...r.female, ...r.surnames, ...extra.male, ...extra.female, ...extra.surnames];
}

const latinOf = (e: NameEntry, region: NameRegion) => e.latin || romanise(e.phonemic, REGION_NAMES[region].style);

/**
 * Names as a region conventionally romanises them, which a plain reading of its script misses: Sanskrit names in Tamil
 * script (voiced), Bengali o for the inherent vowel, Marathi dny for ज्ञ, Telugu Sai, Punjabi -er, Malayalam -th.
 */
const CONVENTIONAL: ReadonlyArray<readonly [NameRegion, string]> = [
  ['TAMIL', 'gaNesh=Ganesh gopaal=Gopal durgaa=Durga diipaa=Deepa diinesh=Dinesh baalaaji=Balaji gaurii=Gowri bhaaratii=Bharathi gopi=Gopi gaayatrii=Gayathri gaMgaa=Ganga dhanuSh=Dhanush deepak=Deepak divyaa=Divya baabu=Babu'],
  ['BENGALI', 'jaydiip=Joydeep vishvajit=Biswajit saurav=Sourav shubhajit=Subhojit jay=Joy vijay=Bijoy shubhaMkar=Subhankar devaashiiSh=Debashis jaydev=Joydev prasenjit=Prosenjit'],
  ['MARATHI', 'j~naaneshvar=Dnyaneshwar j~naanesh=Dnyanesh j~naanadaa=Dnyanada j~naaneshvarii=Dnyaneshwari'],
  ['TELUGU', 'saaii=Sai saaiikumaar=Saikumar saaiikiraN=Saikiran saaiiteja=Saiteja'],
  ['PUNJABI', 'jas@viMdar=Jaswinder sukh@viMdar=Sukhwinder hariMdar=Harinder suriMdar=Surinder gur@viMdar=Gurwinder man@jiit=Manjeet'],
  ['MALAYALAM', 'shriijit=Sreejith ajit=Ajith viniit=Vineeth anuup=Anoop saMtosh=Santhosh suuraj=Sooraj midhun=Midhun jayaraaj=Jayaraj'],
];

// Spellings of one name that differ in their vowels or glides.
const VOWEL_VARIANTS: ReadonlyArray<readonly string[]> = [
  ['Aisha', 'Ayesha', 'Aysha', 'Ayisha'], ['Sai', 'Saai', 'Sayi'], ['Priya', 'Preeya'], ['Faisal', 'Faysal'],
  ['Kaif', 'Kayef'], ['Zainab', 'Zaynab'], ['Vaishali', 'Vayshali'], ['Aishwarya', 'Aiswarya', 'Ayshwarya'],
];

// Real Urdu spellings (with ain, he, the Arabic letters) of Muslim names, against their usual Latin spelling.
const URDU_WRITTEN: ReadonlyArray<readonly [string, string]> = [
  ['Imran', 'عمران'], ['Ali', 'علی'], ['Asif', 'آصف'], ['Mohammad', 'محمد'], ['Fatima', 'فاطمہ'], ['Ayesha', 'عائشہ'],
  ['Rizwana', 'رضوانہ'], ['Rehana', 'ریحانہ'], ['Shabnam', 'شبنم'], ['Zakir', 'ذاکر'], ['Abdul', 'عبدل'], ['Rashid', 'راشد'],
  ['Salma', 'سلمیٰ'], ['Sana', 'ثنا'], ['Tahir', 'طاہر'], ['Shahid', 'شاہد'], ['Nazia', 'نازیہ'], ['Yusuf', 'یوسف'],
  ['Mustafa', 'مصطفیٰ'], ['Irfan', 'عرفان'], ['Zubair', 'زبیر'], ['Khan', 'خان'], ['Hussain', 'حسین'], ['Qureshi', 'قریشی'],
];

// Masculine and feminine forms of a name (the pair is two children, whatever the spelling).
const GENDER_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['Ankit', 'Ankita'], ['Rizwan', 'Rizwana'], ['Praveen', 'Praveena'], ['Naveen', 'Naveena'], ['Farhan', 'Farhana'],
  ['Sultan', 'Sultana'], ['Kamal', 'Kamala'], ['Arif', 'Arifa'], ['Shahid', 'Shahida'], ['Nasir', 'Nasira'],
  ['Sajid', 'Sajida'], ['Jay', 'Jaya'], ['Manish', 'Manisha'], ['Lalit', 'Lalita'], ['Sunil', 'Sunila'], ['Vijay', 'Vijaya'],
  ['Sanjay', 'Sanjana'],
];
// Words that say a girl or a boy, after a name either could bear.
const GENDERED_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['Kaur', 'Singh'], ['Kumari', 'Kumar'], ['Devi', 'Kumar'], ['Khatoon', 'Mohammad'],
];
const UNISEX = ['Harpreet', 'Gurpreet', 'Manpreet', 'Paramjit', 'Kiran', 'Amrit', 'Mandeep', 'Navjot', 'Sukhpreet', 'Jaspreet', 'Ravi', 'Pooja', 'Rani', 'Suman', 'Amar'];

// Distinct names one letter apart, each borne by many children.
const ONE_LETTER_APART: ReadonlyArray<readonly [string, string]> = [
  ['Ramesh', 'Rajesh'], ['Mohan', 'Sohan'], ['Geeta', 'Seeta'], ['Rekha', 'Lekha'], ['Naresh', 'Paresh'], ['Kiran', 'Karan'],
  ['Rohit', 'Mohit'], ['Meena', 'Reena'], ['Neha', 'Sneha'], ['Aman', 'Amar'], ['Asha', 'Usha'], ['Sima', 'Rima'],
  ['Kavita', 'Savita'], ['Rakesh', 'Ramesh'], ['Anita', 'Amita'], ['Sunita', 'Punita'], ['Arjun', 'Arun'], ['Ritu', 'Rita'],
  ['Sachin', 'Sachit'], ['Rahul', 'Rahil'],
];

function two<T>(rng: Prng, items: readonly T[]): [T, T] {
  const i = rng.int(0, items.length - 1);
  const j = (i + rng.int(1, items.length - 1)) % items.length;
  return [items[i] as T, items[j] as T];
}

/** The labelled pairs for a seed. */
export function generateNamePairs(seed: string | number = 'raksha-names'): NamePair[] {
  const rng = new Prng(seed);
  const pairs: NamePair[] = [];
  const push = (kind: string, a: string, b: string, same: boolean) => pairs.push({ kind, a, b, same });

  // The same name in its region's script (and a Muslim name in Devanagari, Bengali and Urdu) against its Latin spelling.
  for (const [region, script] of Object.entries(SCRIPT_OF_REGION) as [NameRegion, IndicScript][]) {
    for (const e of namesOf(region)) push(`native: ${script.toLowerCase()}`, latinOf(e, region), renderInScript(e.phonemic, script), true);
  }
  for (const e of namesOf('MUSLIM')) {
    push('native: devanagari', latinOf(e, 'MUSLIM'), renderInScript(e.phonemic, 'DEVANAGARI'), true);
    push('native: urdu', latinOf(e, 'MUSLIM'), renderInUrdu(e.phonemic), true);
  }
  for (const [latin, urdu] of URDU_WRITTEN) push('native: urdu', latin, urdu, true);

  for (const [region, list] of CONVENTIONAL) {
    const script = SCRIPT_OF_REGION[region] as IndicScript;
    for (const e of entries(list)) push('conventional romanisation', e.latin, renderInScript(e.phonemic, script), true);
  }
  for (const group of VOWEL_VARIANTS) group.slice(1).forEach((v) => push('vowel variant', group[0] as string, v, true));
  for (const region of Object.keys(REGION_NAMES) as NameRegion[]) {
    for (const e of namesOf(region).slice(0, 25)) {
      const variant = romaniseVariant(e.phonemic, REGION_NAMES[region].style, rng);
      if (variant.toLowerCase() !== latinOf(e, region).toLowerCase()) push('regional spelling', latinOf(e, region), variant, true);
      const slip = typo(latinOf(e, region), rng);
      if (slip !== latinOf(e, region)) push('typing slip', latinOf(e, region), slip, true);
    }
  }
  // Initials (a father's, in the South): agreeing or left out on one report is the same child; disagreeing is not.
  for (const e of [...REGION_NAMES.TAMIL.male, ...REGION_NAMES.TELUGU.male].slice(0, 30)) {
    const name = e.latin || romanise(e.phonemic);
    const [x, y] = two(rng, ['K', 'S', 'R', 'M', 'P', 'V', 'A', 'T']);
    push('initial agrees', `${x}. ${name}`, rng.chance(0.5) ? `${name} ${x}` : name, true);
    push('initials differ', `${x}. ${name}`, `${y}. ${name}`, false);
  }
  for (const [male, female] of GENDER_FORMS) push('gender form', male, female, false);
  for (const [female, male] of GENDERED_WORDS) {
    for (const given of UNISEX.slice(0, 8)) push('gender word', `${given} ${female}`, `${given} ${male}`, false);
  }
  for (const [a, b] of ONE_LETTER_APART) push('one letter apart', a, b, false);
  // Two children of a region with different names.
  for (const region of Object.keys(REGION_NAMES) as NameRegion[]) {
    const names = namesOf(region);
    for (let i = 0; i < 20; i++) {
      const [a, b] = two(rng, names);
      if (latinOf(a, region).toLowerCase() === latinOf(b, region).toLowerCase()) continue;
      push('different names', latinOf(a, region), latinOf(b, region), false);
    }
  }
  return pairs;
}
