// The kinds of names police and CWC staff write (issue 23): Urdu, conventional romanisations, and evidence against.
import { describe, expect, it } from '@jest/globals';
import { compareNames, detectScript, nameLevel, transliterate } from '../src/index.js';

const level = (a: string, b: string) => {
  const c = compareNames(a, b);
  return c.score === null ? null : nameLevel(c.score, c.matchedWords);
};
const AGREES = ['full', 'exact', 'strong', 'good'];

describe('Urdu (Perso-Arabic script)', () => {
  it('detects the script and reads a name as the known name its consonants and written vowels spell', () => {
    expect(detectScript('عمران')).toBe('URDU');
    expect(transliterate('عمران')).toBe('imran');
    expect(transliterate('فاطمہ')).toBe('fatima');
    expect(transliterate('یوسف')).toBe('yusuf');
  });

  it.each([
    ['Imran', 'عمران'], ['Ayesha', 'عائشہ'], ['Rizwana', 'رضوانہ'], ['Mohammad Rafiq', 'محمد رفیق'], ['Shabnam Khan', 'شبنم خان'],
    ['Zakir Hussain', 'ذاکر حسین'], ['Salma', 'سلمیٰ'], ['Qureshi', 'قریشی'], ['इमरान', 'عمران'],
  ])('matches %s with %s', (latin, urdu) => {
    expect(AGREES).toContain(level(latin, urdu));
    expect(compareNames(latin, urdu).reason).toContain('transliteration match');
  });

  it('does not match a name whose consonants differ, nor the other gender\'s form (عمران is not Amir; رضوان is not Rizwana)', () => {
    expect(compareNames('Amir', 'عمران').score).toBe(0);
    expect(AGREES).not.toContain(level('Rizwana', 'رضوان'));
  });
});

describe('conventional romanisations', () => {
  it('reads Sanskrit names in Tamil script voiced, as the known name they spell (கணேஷ் Ganesh, கோபால் Gopal, துர்கா Durga)', () => {
    expect(compareNames('Ganesh', 'கணேஷ்').pairs[0]?.score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Gopal', 'கோபால்').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Durga', 'துர்கா').score).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['Joydeep', 'জয়দীপ'], ['Joy', 'জয়'], ['Biswajit', 'বিশ্বজিৎ'], ['Dnyaneshwar', 'ज्ञानेश्वर'], ['Sai', 'సాయి'],
    ['Jaswinder', 'ਜਸਵਿੰਦਰ'], ['Sreejith', 'ശ്രീജിത്ത്'], ['Sowmya', 'సౌమ్యా'], ['Swathy', 'സ്വാതി'],
  ])('matches %s with %s', (latin, native) => {
    expect(AGREES).toContain(level(latin, native));
  });

  it('reads the Gurmukhi and Malayalam word endings as they are romanised (ਰਾਜਿੰਦਰ Rajinder, ਸਿੰਘ Singh, രാഹുല്‍ Rahul, ലക്ഷ്മി Lekshmi)', () => {
    expect(compareNames('Rajinder', 'ਰਾਜਿੰਦਰ').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Hari Singh', 'ਹਰਿ ਸਿੰਘ').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Rahul', 'രാഹുല്‍').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Lekshmi', 'ലക്ഷ്മി').score).toBeGreaterThanOrEqual(0.95);
  });

  it('joins vowel and glide spellings of one name (Aisha, Ayesha; Joydeep, Jaydeep; Sai, Sayi)', () => {
    expect(compareNames('Aisha', 'Ayesha').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Joydeep', 'Jaydeep').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Sai', 'Sayi').score).toBeGreaterThanOrEqual(0.9);
  });
});

describe('evidence against', () => {
  it.each([
    ['Harpreet Kaur', 'Harpreet Singh'], ['Ravi Kumari', 'Ravi Kumar'], ['Ankita', 'Ankit'], ['Rizwana', 'Rizwan'], ['Ankita Sharma', 'Ankit Sharma'],
  ])('weighs the gender forms %s and %s against a match', (a, b) => {
    const c = compareNames(a, b);
    expect(level(a, b)).toBe('weak');
    expect(c.reason).toContain('gender forms differ');
  });

  it('weighs initials that disagree against a match, and not initials that agree or are left out', () => {
    const differ = compareNames('K. Ramesh', 'S. Ramesh');
    expect(AGREES).not.toContain(level('K. Ramesh', 'S. Ramesh'));
    expect(differ.reason).toContain('initials differ');
    expect(AGREES).not.toContain(level('K. Ramesh', 'Ramesh Suresh'));
    expect(AGREES).toContain(level('K. Ramesh', 'K Ramesh'));
    expect(AGREES).toContain(level('K. Ramesh', 'Ramesh'));
    expect(AGREES).toContain(level('K. Ramesh', 'Ramesh Krishnan'));
  });

  it.each([['Ramesh', 'Rajesh'], ['Mohan', 'Sohan'], ['Geeta', 'Seeta'], ['Ramesh Yadav', 'Rajesh Yadav']])(
    'keeps the distinct names %s and %s below the good level',
    (a, b) => {
      expect(AGREES).not.toContain(level(a, b));
    },
  );

  it('still takes a slip that makes no known name for the name (Ramesh, Rmaesh; Rajesh, Rajehs)', () => {
    expect(AGREES).toContain(level('Ramesh', 'Rmaesh'));
    expect(AGREES).toContain(level('Rajesh', 'Rajehs'));
  });
});
