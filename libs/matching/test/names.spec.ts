import { describe, expect, it } from '@jest/globals';
import { analyseName, compareNameLists, compareNames } from '../src/index.js';

describe('compareNames', () => {
  it.each([
    ['Devanagari', 'लक्ष्मी'],
    ['Bengali', 'লক্ষ্মী'],
    ['Gurmukhi', 'ਲਕਸ਼ਮੀ'],
    ['Gujarati', 'લક્ષ્મી'],
    ['Odia', 'ଲକ୍ଷ୍ମୀ'],
    ['Tamil', 'லட்சுமி'],
    ['Telugu', 'లక్ష్మి'],
    ['Kannada', 'ಲಕ್ಷ್ಮಿ'],
    ['Malayalam', 'ലക്ഷ്മി'],
  ])('matches Lakshmi written in %s with "Laxmi" as a transliteration match', (_script, written) => {
    const c = compareNames('Laxmi', written);
    expect(c.reason).toBe('transliteration match');
    expect(c.score).toBeGreaterThanOrEqual(0.85);
  });

  it('scores the same name in the same spelling as exact', () => {
    expect(compareNames('Ravi Sharma', 'RAVI  sharma')).toMatchObject({ score: 1, reason: 'exact' });
  });

  it('scores spellings with the same sound as a phonetic match (Pooja, Puja)', () => {
    expect(compareNames('Pooja', 'Puja')).toMatchObject({ score: 0.95, reason: 'phonetic match' });
  });

  it.each(['Md. Rafiq', 'Mohd Rafiq', 'Muhammad Rafiq', 'Mohammed Rafiq', 'Mohamad Rafique', 'मोहम्मद रफ़ीक़', 'Rafiq'])(
    'treats "%s" as the same name as "Mohammad Rafiq"',
    (variant) => {
      expect(compareNames('Mohammad Rafiq', variant).score).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('calls Md and Muhammad a variant, not a phonetic match', () => {
    expect(compareNames('Md', 'Muhammad')).toMatchObject({ reason: 'nickname/variant' });
  });

  it('joins surnames whose English spelling is not the script\'s (Rao for రావు, Naidu for నాయుడు, Dutta for ਦੱਤ)', () => {
    expect(compareNames('Chaithanya Rao', 'చైతన్య రావు').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Venkatesh Naidu', 'వెంకటేష్ నాయుడు').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Rakhi Dutta', 'ਰਾਖੀ ਦੱਤ').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Rakhi Dutta', 'Rakhi Rao').score).toBeLessThan(0.6);
  });

  it('tolerates swapped word order and says so', () => {
    const c = compareNames('Ravi Sharma', 'Sharma Ravi');
    expect(c.score).toBe(1);
    expect(c.reason).toContain('word order differs');
  });

  it('tolerates a missing surname, with a partial score', () => {
    expect(compareNames('Ravi Sharma', 'Ravi')).toMatchObject({ score: 0.88, reason: 'partial: surname missing' });
  });

  it('ignores filler words a report adds or drops (Kumar, Kumari, Devi)', () => {
    expect(compareNames('Pooja Kumari', 'Pooja').score).toBe(1);
    expect(compareNames('Ravi Kumar Sharma', 'Ravi Sharma').score).toBe(1);
  });

  it('drops honorifics (Shri, Smt, Km.)', () => {
    expect(compareNames('Shri Ramesh Yadav', 'Ramesh Yadav').score).toBe(1);
    expect(compareNames('Km. Sunita', 'Sunita').score).toBe(1);
  });

  it('scores two different surnames well below a missing one', () => {
    const differ = compareNames('Ravi Sharma', 'Ravi Verma');
    expect(differ.reason).toBe('partial: surnames differ');
    expect(differ.score).toBeLessThan(compareNames('Ravi Sharma', 'Ravi').score ?? 0);
  });

  it('gives little for a shared surname alone', () => {
    expect(compareNames('Ravi Sharma', 'Anil Sharma')).toMatchObject({ reason: 'partial: only surname matches' });
    expect(compareNames('Ravi Sharma', 'Anil Sharma').score).toBeLessThan(0.4);
  });

  it('matches names written as one word or two (Rajkumar, Raj Kumar)', () => {
    expect(compareNames('Rajkumar', 'Raj Kumar').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Lakshmidevi', 'Lakshmi Devi').score).toBeGreaterThanOrEqual(0.95);
  });

  it('scores one slip of the pen as edit distance 1', () => {
    expect(compareNames('Ramesh', 'Rmaesh')).toMatchObject({ score: 0.8, reason: 'edit distance 1' });
  });

  it('treats a shared generic pet name as weak evidence', () => {
    expect(compareNames('Munna', 'Munnaa')).toMatchObject({ score: 0.5, reason: 'generic pet name' });
  });

  it('gives no evidence either way when one report has only a generic pet name', () => {
    expect(compareNames('Munna', 'Rahul Kumar')).toMatchObject({ score: null, reason: 'generic pet name only' });
  });

  it('recognises a nickname of a given name (Raju for Rajesh, Sanju for Sanjay)', () => {
    expect(compareNames('Raju', 'Rajesh')).toMatchObject({ reason: 'nickname/variant' });
    expect(compareNames('Sanju', 'Sanjay')).toMatchObject({ reason: 'nickname/variant' });
  });

  it('gives no evidence when a name is not known ("Unknown", "अज्ञात", "लावारिस", "தெரியவில்லை")', () => {
    for (const unknown of ['Unknown', 'अज्ञात', 'लावारिस', 'Not known', 'தெரியவில்லை', 'తెలియదు', 'ಗೊತ್ತಿಲ್ಲ', 'അജ്ഞാതം']) {
      expect(compareNames(unknown, 'Ramesh').score).toBeNull();
    }
  });

  it('scores different names as differing', () => {
    expect(compareNames('Ramesh', 'Sunita')).toMatchObject({ score: 0, reason: 'names differ' });
    expect(compareNames('Radha', 'ઋદ્ધિ').score).toBe(0);
  });

  it('counts the words that agree, so that given name and surname together outweigh one', () => {
    expect(compareNames('Ravi Sharma', 'रवि शर्मा').matchedWords).toBe(2);
    expect(compareNames('Ravi Sharma', 'Ravi').matchedWords).toBe(1);
  });
});

describe('compareNameLists', () => {
  it('takes the best pair among names and aliases', () => {
    expect(compareNameLists(['Rahul Yadav', 'Munna'], ['Munna']).score).toBe(0.5);
    expect(compareNameLists(['Rahul Yadav', 'Guddu'], ['राहुल']).reason).toContain('transliteration match');
  });
});

describe('analyseName', () => {
  it('tags filler words, pet names and initials', () => {
    const roles = analyseName('R. Munna Kumar Yadav').tokens.map((t) => [t.latin, t.role]);
    expect(roles).toEqual([
      ['r', 'initial'],
      ['munna', 'pet'],
      ['kumar', 'filler'],
      ['yadav', 'core'],
    ]);
  });
});
