// Words of Indian names that a phonetic key cannot judge alone: titles, filler words, pet
// names, nicknames and spelling variants. Lists are in common romanisation; lookups go by
// phonetic key, so "Munnaa" finds "munna".
import { phoneticKey } from './phonetic.js';

/** Titles and forms of address, dropped before comparing (matched on the exact word). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'shri', 'shree', 'sri', 'sree', 'shrimati', 'srimati', 'smt', 'sushri', 'km', 'ku', 'kum',
  'mr', 'mrs', 'ms', 'miss', 'master', 'mstr', 'dr', 'late', 'lt', 'sh', 'thiru', 'tiru',
  'thirumathi', 'tirumathi', 'thirumati', 'selvan', 'janab', 'mst', 'mosammat', 'musammat',
  'mosst', 'sahab', 'saheb', 'sahib', 'ji', 'sardar', 'sardarni',
]);

/** Words written where a name is not known ("Unknown", "लावारिस", "Baby of ..."). */
export const UNKNOWN_NAME_WORDS: ReadonlySet<string> = new Set([
  'unknown', 'unkown', 'unknwn', 'na', 'nil', 'none', 'not', 'known', 'nk', 'agyat', 'agyaat',
  'ajnat', 'lawaris', 'lavaris', 'laawaris', 'lawarish', 'nameless', 'anonymous', 'anamik',
  'child', 'boy', 'girl', 'male', 'female', 'balak', 'balika', 'of', 'xyz',
  // "not known" in the southern scripts, as transliterated: Tamil, Telugu, Kannada, Malayalam
  'theriyavillai', 'teriyavillai', 'theliyadu', 'teliyadu', 'goththilla', 'gottilla', 'ajnatham', 'ajnatam',
]);

function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(phoneticKey));
}

/** Words that attach to many names and say little: Kumar, Kumari, Devi, Singh, Kaur, Md. */
export const FILLER_KEYS = keySet([
  'kumar', 'kumari', 'devi', 'singh', 'kaur', 'bai', 'ben', 'bhai', 'begum', 'bibi', 'khatun',
  'muhammad', 'rani', 'kunwar', 'kanwar',
]);

/** Filler words that say a girl or a boy (Kaur, Kumari; Singh, Kumar): a name with one cannot be a name with the other. */
export const FILLER_GENDER: ReadonlyMap<string, 'MALE' | 'FEMALE'> = new Map([
  ...['kumari', 'devi', 'kaur', 'bai', 'ben', 'begum', 'bibi', 'khatun', 'rani'].map((w) => [phoneticKey(w), 'FEMALE'] as const),
  ...['kumar', 'singh', 'bhai', 'muhammad', 'kunwar'].map((w) => [phoneticKey(w), 'MALE'] as const),
]);

/** Pet names given to so many children that sharing one is weak evidence. */
export const GENERIC_PET_NAME_KEYS = keySet([
  'munna', 'munni', 'munnu', 'guddu', 'guddi', 'gudiya', 'pappu', 'babloo', 'bablu', 'babli',
  'babu', 'baby', 'baba', 'chhotu', 'chhoti', 'chutki', 'bittu', 'bitto', 'sonu', 'soni', 'monu',
  'moni', 'golu', 'pinky', 'rinku', 'tinku', 'pintu', 'bunty', 'bobby', 'dolly', 'chintu',
  'appu', 'ammu', 'kunju', 'kutty', 'chinnu', 'chinna', 'khokon', 'khuku', 'bapi', 'tumpa',
  'mamoni', 'putul', 'bubai', 'bujji', 'lado', 'laddu', 'kallu', 'kalu', 'bhola', 'sweety',
  'honey', 'lucky', 'happy', 'sunny', 'tunna', 'gullu', 'dabbu', 'titu', 'minku', 'ladli',
]);

/** Nicknames of particular given names. */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  raju: ['raj', 'rajesh', 'rajendra', 'rajkumar', 'rajan', 'rajiv', 'rajeev'],
  ramu: ['ram', 'ramesh', 'ramachandra', 'raman', 'ramakrishna'],
  shyamu: ['shyam', 'shyamal', 'ghanshyam'],
  gopu: ['gopal', 'gopi', 'gopinath', 'gopalakrishnan'],
  kittu: ['krishna', 'kishan', 'kishore', 'krithika'],
  kannan: ['krishna', 'krishnan', 'kannaiah'],
  sanju: ['sanjay', 'sanjana', 'sanjeev', 'sanjiv'],
  manju: ['manjula', 'manjunath', 'manjusha', 'manjari'],
  viju: ['vijay', 'vijaya', 'vijayan', 'vijayalakshmi'],
  chandu: ['chandra', 'chandrakant', 'chandrashekhar', 'chandan'],
  balu: ['balakrishna', 'balaji', 'balram', 'balachandran', 'balasubramanian'],
  ballu: ['balram', 'baljeet', 'balwinder', 'baldev'],
  jassi: ['jaswinder', 'jaspreet', 'jasbir', 'jasmeet'],
  harry: ['harpreet', 'harjeet', 'harinder', 'harish'],
  pammi: ['parminder', 'paramjit', 'pamela'],
  subbu: ['subramaniam', 'subramanian', 'subbaiah', 'subbarao', 'subhash'],
  venky: ['venkatesh', 'venkat', 'venkataramana'],
  mithu: ['mithun', 'mithila', 'mithilesh'],
  anu: ['anuradha', 'anupama', 'anushka', 'anusha', 'anjali'],
  pinki: ['priyanka', 'pinky'],
  nikki: ['nikita', 'nikhil', 'nikhita'],
  abhi: ['abhishek', 'abhinav', 'abhijit', 'abhay'],
  guddi: ['gudiya'],
  bablu: ['babloo'],
};

/** Spellings of one name that no phonetic rule joins (Md/Mohammad, Banerjee/Bandyopadhyay). */
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['muhammad', 'mohammad', 'mohammed', 'muhammed', 'mohamad', 'mohamed', 'mohmad', 'mohd', 'md', 'mhd', 'muhd', 'mohammod', 'mahammad', 'mahamad', 'mo'],
  ['abdul', 'abd', 'abdool'],
  ['shaikh', 'sheikh', 'shekh', 'sheik', 'shaik', 'sk', 'seikh'],
  ['syed', 'sayed', 'sayyed', 'saiyed', 'saiyad', 'sayyad', 'seyed', 'syad'],
  ['chaudhary', 'chaudhari', 'chaudhri', 'choudhary', 'choudhari', 'choudhury', 'chowdhury', 'chowdhary', 'chaudhry', 'choudhry'],
  ['lakshmi', 'laxmi', 'lekshmi', 'lakshami', 'lachmi', 'lachhmi', 'lakhmi', 'lokkhi', 'luxmi'],
  ['banerjee', 'banerji', 'bandyopadhyay', 'bandopadhyay', 'bandyopadhyaya'],
  ['mukherjee', 'mukherji', 'mukhopadhyay', 'mukhopadhyaya'],
  ['chatterjee', 'chatterji', 'chattopadhyay', 'chattopadhyaya'],
  ['ganguly', 'ganguli', 'gangopadhyay'],
  ['bhattacharya', 'bhattacharjee', 'bhattacharyya'],
  ['srivastava', 'shrivastava', 'srivastav', 'shrivastav'],
  ['agarwal', 'agrawal', 'aggarwal'],
  ['fatima', 'fatma'],
  ['khatun', 'khatoon'],
  ['jyoti', 'jyothi', 'joti'],
  ['krishna', 'krushna', 'krishn'],
  ['reddy', 'reddi'],
  ['pandey', 'pande', 'pandeya'],
  ['narayan', 'narayana', 'narain'],
  // Telugu and Bengali surnames whose English spelling is not their script's: రావు Rao, నాయుడు Naidu, ਦੱਤ/দত্ত Dutta
  ['rao', 'ravu', 'rau', 'rav'],
  ['naidu', 'nayudu', 'naydu'],
  ['dutta', 'datta', 'dutt', 'datt'],
  // Surnames whose usual English spelling is not their script's reading: বসু Bose, ஐயர் Iyer, கவுண்டர் Gounder, നായർ Nair
  ['basu', 'bose', 'bosu'],
  ['iyer', 'aiyar', 'ayyar'],
  ['gounder', 'goundar', 'kavundar', 'kounder'],
  ['nair', 'nayar'],
  ['warrier', 'variyar', 'wariar'],
  ['mathew', 'mathews', 'mathyu', 'matyu'],
];

// Muhammad's spellings are too many to list: m + vowel + (h) + vowel + m + vowel + d.
const MUHAMMAD_PATTERN = /^m[aou]h?[aeo]?m+[aeo]d$/;

const CANONICAL_BY_KEY = new Map<string, string>(
  VARIANT_GROUPS.flatMap((group) => group.map((spelling) => [phoneticKey(spelling), group[0] ?? spelling] as const)),
);
const NICKNAME_TARGETS = new Map<string, ReadonlySet<string>>(
  Object.entries(NICKNAMES).map(([nick, names]) => [phoneticKey(nick), keySet(names)]),
);

/** The standard spelling of a word's variant group (Md → muhammad), or undefined. */
export function canonicalVariant(latinWord: string): string | undefined {
  if (MUHAMMAD_PATTERN.test(latinWord)) return 'muhammad';
  return CANONICAL_BY_KEY.get(phoneticKey(latinWord));
}

/** Whether one key is a listed nickname of the other (Raju of Rajesh), either way round. */
export function isNicknameOf(keyA: string, keyB: string): boolean {
  return NICKNAME_TARGETS.get(keyA)?.has(keyB) === true || NICKNAME_TARGETS.get(keyB)?.has(keyA) === true;
}

/**
 * Whether a short word ending in -u is a pet form of the other (Sanju of Sanjay, Viju of
 * Vijaya): its stem of three letters or more begins the longer name.
 */
export function isHypocoristic(keyA: string, keyB: string): boolean {
  const [nick, full] = keyA.length <= keyB.length ? [keyA, keyB] : [keyB, keyA];
  if (!/^[a-z]{3,5}u$/.test(nick) || full.length < nick.length + 1) return false;
  const stem = nick.slice(0, -1);
  return full.startsWith(stem) && !full.startsWith(nick);
}
