import { describe, expect, it } from '@jest/globals';
import { looseKey, phoneticKey, reducedKey, skeletonKey } from '../src/index.js';

describe('phoneticKey', () => {
  it('gives Lakshmi and Laxmi the same phonetic key', () => {
    expect(phoneticKey('laxmi')).toBe(phoneticKey('lakshmi'));
  });

  it.each([
    ['deepak', 'dipak'],
    ['pooja', 'puja'],
    ['aakash', 'akash'],
    ['bhavesh', 'bavesh'],
    ['ghanshyam', 'ganshyam'],
    ['shanti', 'santi'],
    ['jyothi', 'jyoti'],
    ['faizan', 'phaizan'],
    ['zahid', 'jahid'],
    ['rafique', 'rafiq'],
    ['pappu', 'papu'],
    ['sanjay', 'sanjai'],
    ['pandey', 'pande'],
    ['sourav', 'saurabh'],
    ['vikas', 'bikash'],
    ['biswajit', 'vishwajit'],
    ['chhaya', 'chaya'],
  ])('folds %s and %s together', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it('keeps different names apart (Ramesh, Rajesh; Sita, Gita)', () => {
    expect(phoneticKey('ramesh')).not.toBe(phoneticKey('rajesh'));
    expect(phoneticKey('sita')).not.toBe(phoneticKey('gita'));
  });
});

describe('reducedKey', () => {
  it('drops the short a that scripts write and speech drops (Rajani/Rajni, Suresha/Suresh)', () => {
    expect(reducedKey(phoneticKey('rajani'))).toBe(reducedKey(phoneticKey('rajni')));
    expect(reducedKey(phoneticKey('suresha'))).toBe(reducedKey(phoneticKey('suresh')));
  });
});

describe('skeletonKey and looseKey', () => {
  it('keeps the first letter and the consonants', () => {
    expect(skeletonKey('laksmi')).toBe('lksm');
    expect(skeletonKey('arjun')).toBe('arjn');
  });

  it('folds voicing for Tamil, whose script writes k/g and t/d alike (Geetha, கீதா)', () => {
    expect(looseKey(phoneticKey('geetha'))).toBe(looseKey(phoneticKey('kitha')));
  });
});
