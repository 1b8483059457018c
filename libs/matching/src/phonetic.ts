// Phonetic keys for romanised Indian names: spellings a clerk would use for the same sound
// share a key. Input is one lower-case Latin word (see transliterate()).

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, 'ks'], // Laxmi = Lakshmi
  [/dny|^jn/g, 'gy'], // ज्ञ: Marathi Dnyaneshwar, southern Jnana = Gyaneshwar, Gyan
  [/chh|ch/g, 'C'], // kept aside while the other c's are resolved
  [/c(?=[eiy])/g, 's'],
  [/ck|c/g, 'k'],
  [/C/g, 'c'],
  [/zh/g, 'l'], // Tamil/Malayalam ழ: Ezhil, Elil
  [/([kgcjtdpbsr])h/g, '$1'], // aspirates fold: kh/gh/jh/th/dh/ph/bh; sh → s; rh → r
  [/f/g, 'p'], // f = ph
  [/que$/g, 'k'], // Rafique = Rafiq
  [/q/g, 'k'],
  [/z/g, 'j'],
  [/ow(?![aeiou])/g, 'o'], // Sowmya = Soumya, Gowri = Gauri
  [/[wv]/g, 'b'], // Bengali and Odia have no v: Vikas = Bikash, Debi = Devi
  [/aa/g, 'a'],
  [/ee|ii/g, 'i'],
  [/oo|uu/g, 'u'],
  [/au|ou/g, 'o'], // Saurabh = Sourav
  [/(?<=[^aeiou])y$/g, 'i'], // Swathy = Swathi, Parvathy = Parvathi
  [/ay[ei](?![aeiou])/g, 'ai'], // Ayesha = Aisha, Sayi = Sai
  [/[ao]y(?![aeiou])/g, 'ai'], // Sanjay = Sanjai; the Bengali inherent o: Bijoy = Bijay, Joydeep = Jaydeep, Roy = Rai
  [/ey$/g, 'e'], // Pandey = Pande
  [/n(?=[pb])/g, 'm'], // Shambhu, Sampath
  [/(?<=[aeiou])h$/g, ''], // Farah = Fara
  [/(?<=[dt])er$/g, 'ar'], // Punjabi -inder for the -indar its script spells (ਜਸਵਿੰਦਰ Jaswinder), Sunder = Sundar
  [/(.)\1+/g, '$1'], // Pappu = Papu, Anna = Ana
];

/** Key under which a romanised name word's common spellings coincide (Lakshmi, Laxmi → laksmi). */
export function phoneticKey(word: string): string {
  let key = word;
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}

const VOWELS = 'aeiou';
const CONSONANT = '[^aeiou\\s]';

/**
 * A key with no short a between consonants nor after the last one: the inherent vowel that
 * scripts write and speech drops (Rajani/Rajni, Suresh/Suresha, Kamala/Kamla).
 */
export function reducedKey(key: string): string {
  return key.replace(new RegExp(`(?<=${CONSONANT})a(?=${CONSONANT}|$)`, 'g'), '');
}

/** First letter and consonants: a coarse key that survives vowel spelling (लकशमी, லட்சுமி). */
export function skeletonKey(key: string): string {
  const [first = '', ...rest] = key;
  return (first + rest.filter((ch) => !VOWELS.includes(ch)).join('')).replace(/(.)\1+/g, '$1');
}

/** A key with voicing folded, for Tamil, whose script writes k/g, t/d, p/b, s/ch/j alike. */
export function looseKey(key: string): string {
  return key
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/[jcs]/g, 's')
    .replace(/(.)\1+/g, '$1');
}
