import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { analyseName, compareNames, generateDataset, INDIC_SCRIPTS, detectScript, Prng, renderInScript, romanise, transliterate } from '../src/index.js';

describe('Prng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Prng('seed');
    const b = new Prng('seed');
    const c = new Prng('other');
    const draws = (r: Prng) => Array.from({ length: 5 }, () => r.next());
    expect(draws(a)).toEqual(draws(b));
    expect(draws(new Prng('seed'))).not.toEqual(draws(c));
  });
});

describe('generateDataset', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('is deterministic for a seed and never calls Math.random', () => {
    jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    const sizes = { truePairs: 40, missingDistractors: 30, foundDistractors: 20 };
    expect(generateDataset({ seed: 7, ...sizes })).toEqual(generateDataset({ seed: 7, ...sizes }));
    expect(generateDataset({ seed: 8, ...sizes })).not.toEqual(generateDataset({ seed: 7, ...sizes }));
  });

  it('produces the requested reports, and true pairs that point at them', () => {
    const data = generateDataset({ seed: 1, truePairs: 50, missingDistractors: 30, foundDistractors: 20 });
    expect(data.missing).toHaveLength(80);
    expect(data.found).toHaveLength(70);
    const missingIds = new Set(data.missing.map((m) => m.id));
    const foundIds = new Set(data.found.map((f) => f.id));
    expect(data.truePairs.every((p) => missingIds.has(p.missingId) && foundIds.has(p.foundId))).toBe(true);
  });

  it('finds every child on or after the day it was last seen', () => {
    const data = generateDataset({ seed: 2, truePairs: 200, missingDistractors: 0, foundDistractors: 0 });
    const lastSeen = new Map(data.missing.map((m) => [m.id, m.lastSeenAt]));
    for (const p of data.truePairs) {
      const f = data.found.find((x) => x.id === p.foundId);
      expect((f?.foundAt ?? '') >= (lastSeen.get(p.missingId) ?? '')).toBe(true);
    }
  });

  it('writes names in Latin and in several native scripts, and leaves some unknown', () => {
    const data = generateDataset({ seed: 3, truePairs: 400, missingDistractors: 0, foundDistractors: 0 });
    const scripts = new Set(data.found.flatMap((f) => (f.name ? [detectScript(f.name)] : [])));
    expect(scripts.has('LATIN')).toBe(true);
    expect([...scripts].filter((s) => s !== 'LATIN' && s !== 'OTHER').length).toBeGreaterThanOrEqual(6);
    expect(data.found.some((f) => f.name === undefined || analyseName(f.name).tokens.length === 0)).toBe(true);
  });

  it('leaves some fields out of some reports', () => {
    const data = generateDataset({ seed: 4, truePairs: 200, missingDistractors: 0, foundDistractors: 0 });
    for (const key of ['heightCm', 'complexion', 'identifyingMarks', 'languages', 'clothing', 'guardians', 'ageYears'] as const) {
      const present = data.found.filter((f) => f[key] !== undefined).length;
      expect(present).toBeGreaterThan(0);
      expect(present).toBeLessThan(data.found.length);
    }
  });
});

describe('renderInScript', () => {
  it.each(INDIC_SCRIPTS)('renders a phonemic name in %s so that it transliterates back to a matching name', (script) => {
    for (const phonemic of ['lakShmii', 'raahul', 'pradiip', 'saMjay', 'murugan', 'faatimaa']) {
      const written = renderInScript(phonemic, script);
      expect(detectScript(written)).toBe(script);
      expect(compareNames(romanise(phonemic), written).score).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('writes the way clerks of the script write (लक्ष्मी, ਲਕਸ਼ਮੀ, ശ്യാം)', () => {
    expect(renderInScript('lakShmii', 'DEVANAGARI')).toBe('लक्ष्मी');
    expect(renderInScript('lakShmii', 'GURMUKHI')).toBe('ਲਕਸ਼ਮੀ');
    expect(renderInScript('shyaam', 'MALAYALAM')).toBe('ശ്യാം');
    expect(transliterate(renderInScript('kam@laa', 'DEVANAGARI'))).toBe('kamla');
  });
});
