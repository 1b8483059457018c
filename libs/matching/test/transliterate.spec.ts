import { describe, expect, it } from '@jest/globals';
import { detectScript, transliterate } from '../src/index.js';

describe('transliterate', () => {
  it('drops the inherent vowel at the end of a Hindi word: राम is "ram", not "rama"', () => {
    expect(transliterate('राम')).toBe('ram');
  });

  it.each([
    ['DEVANAGARI', 'लक्ष्मी'],
    ['BENGALI', 'লক্ষ্মী'],
    ['GUJARATI', 'લક્ષ્મી'],
    ['ODIA', 'ଲକ୍ଷ୍ମୀ'],
    ['TELUGU', 'లక్ష్మి'],
    ['KANNADA', 'ಲಕ್ಷ್ಮಿ'],
    ['MALAYALAM', 'ലക്ഷ്മി'],
  ])('spells Lakshmi in %s as "lakshmi"', (script, written) => {
    expect(detectScript(written)).toBe(script);
    expect(transliterate(written)).toBe('lakshmi');
  });

  it('reads Gurmukhi ਲਕਸ਼ਮੀ, written without a conjunct, with its sa + nukta as "sh"', () => {
    expect(transliterate('ਲਕਸ਼ਮੀ')).toBe('lakashmi');
  });

  it('reads Tamil ட்ச as the क्ष it stands for: லட்சுமி is "lakshumi"', () => {
    expect(transliterate('லட்சுமி')).toBe('lakshumi');
  });

  it('drops a Hindi inherent vowel between a vowel and a consonant with its own vowel (कमला, रजनी, अमरनाथ)', () => {
    expect(transliterate('कमला')).toBe('kamla');
    expect(transliterate('रजनी')).toBe('rajni');
    expect(transliterate('अमरनाथ')).toBe('amarnath');
    expect(transliterate('हरप्रीत')).toBe('harprit');
  });

  it('keeps the final vowel after a cluster ending in r, y or v (नरेन्द्र, दिव्य), but not after a nasal or r-led one (आनन्द, सिद्धार्थ)', () => {
    expect(transliterate('नरेन्द्र')).toBe('narendra');
    expect(transliterate('दिव्य')).toBe('divya');
    expect(transliterate('आनन्द')).toBe('anand');
    expect(transliterate('सिद्धार्थ')).toBe('siddharth');
    expect(transliterate('कृष्ण')).toBe('krishna');
  });

  it('keeps every written vowel in the south: ಸುರೇಶ is "suresha"', () => {
    expect(transliterate('ಸುರೇಶ')).toBe('suresha');
  });

  it('writes the anusvara as the nasal of the next consonant (आनंद, संजय, शंभु) and सिंह as "singh"', () => {
    expect(transliterate('आनंद')).toBe('anand');
    expect(transliterate('संजय')).toBe('sanjay');
    expect(transliterate('शंभु')).toBe('shambhu');
    expect(transliterate('सिंह')).toBe('singh');
    expect(transliterate('ਸਿੰਘ')).toBe('singh');
  });

  it('gives the nukta letters their Perso-Arabic sounds (ज़, फ़, क़, ख़)', () => {
    expect(transliterate('फ़ातिमा')).toBe('fatima');
    expect(transliterate('रफ़ीक़')).toBe('rafiq');
    expect(transliterate('ख़ान')).toBe('khan');
    expect(transliterate('ज़ैनब')).toBe('zainab');
  });

  it('voices Tamil k and t between vowels and after nasals (முருகன், பாண்டியன்)', () => {
    expect(transliterate('முருகன்')).toBe('murugan');
    expect(transliterate('பாண்டியன்')).toBe('pandiyan');
    expect(transliterate('கார்த்திக்')).toBe('karththik');
  });

  it('reads Bengali য as j on its own and as y after a consonant (যমুনা, শ্যাম)', () => {
    expect(transliterate('যমুনা')).toBe('jamuna');
    expect(transliterate('শ্যাম')).toBe('shyam');
  });

  it('reads Bengali ব as b and khanda ta ৎ as t: বিশ্বজিৎ is "bishbajit"', () => {
    expect(transliterate('বিশ্বজিৎ')).toBe('bishbajit');
  });

  it('reads Malayalam chillus and a final anusvara (രാഹുൽ, ശ്യാം)', () => {
    expect(transliterate('രാഹുൽ')).toBe('rahul');
    expect(transliterate('ശ്യാം')).toBe('shyam');
  });

  it('spells ज्ञ "gy" in the north (अज्ञात)', () => {
    expect(transliterate('अज्ञात')).toBe('agyat');
  });

  it('uses "ru" for the Odia vocalic r (କୃଷ୍ଣ)', () => {
    expect(transliterate('କୃଷ୍ଣ')).toBe('krushna');
  });

  it('transliterates each word of a name and leaves Latin words as they are', () => {
    expect(transliterate('सौरभ Kumar')).toBe('saurabh kumar');
  });
});
