import { describe, expect, it } from '@jest/globals';
import { analyseName, BoundedCache, compareNames, memoiseByText } from '../src/index.js';

describe(BoundedCache.name, () => {
  it('forgets its oldest entry beyond its bound, so a long-lived worker does not grow without end', () => {
    const sut = new BoundedCache<string, number>(2);
    const made: string[] = [];
    const make = (k: string) => (made.push(k), k.length);
    sut.getOrAdd('a', make);
    sut.getOrAdd('bb', make);
    sut.getOrAdd('a', make);
    sut.getOrAdd('ccc', make);
    sut.getOrAdd('a', make);
    expect(made).toEqual(['a', 'bb', 'ccc', 'a']);
    expect(sut.size).toBe(2);
  });

  it('keeps forgetting the oldest, in the order added, however many times it has filled', () => {
    const sut = new BoundedCache<number, number>(3);
    const made: number[] = [];
    const make = (k: number) => (made.push(k), k);
    for (let k = 0; k < 10; k++) sut.getOrAdd(k, make); // 7, 8, 9 kept
    made.length = 0;
    for (const k of [7, 8, 9, 6, 7, 9]) sut.getOrAdd(k, make);
    expect(made).toEqual([6, 7]); // 6 forgets 7 (the oldest), 7 forgets 8; 9 is still kept
    expect(sut.size).toBe(3);
  });
});

describe(memoiseByText.name, () => {
  it('computes each text once', () => {
    let calls = 0;
    const sut = memoiseByText((t: string) => (calls++, t.toUpperCase()));
    expect([sut('puja'), sut('puja'), sut('ravi')]).toEqual(['PUJA', 'PUJA', 'RAVI']);
    expect(calls).toBe(2);
  });
});

describe('names analysed once per text', () => {
  it('keeps a repeated word of one name as two words: a name with it once does not match both', () => {
    const twice = analyseName('Raj Raj');
    expect(twice.tokens).toHaveLength(2);
    expect(twice.tokens[0]).not.toBe(twice.tokens[1]);
    expect(compareNames('Raj Raj', 'Raj').score).toBeLessThan(1);
  });
});
