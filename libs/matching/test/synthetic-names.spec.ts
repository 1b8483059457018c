// The generator's name kinds (issue 23): Urdu-written names, initials, namesakes, and the labelled name pairs.
import { describe, expect, it } from '@jest/globals';
import { detectScript } from '../src/index.js';
import { generateDataset, generateNamePairs, renderInUrdu } from '../src/synthetic/index.js';

describe('synthetic names', () => {
  const sizes = { seed: 'names-spec', truePairs: 600, missingDistractors: 600, foundDistractors: 200, asFiled: true };
  const data = generateDataset(sizes);
  const names = [...data.missing, ...data.found].map((r) => r.name ?? '');

  it('writes Urdu with its long vowels and a final gol he, short vowels left out', () => {
    expect(renderInUrdu('imraan')).toBe('امران');
    expect(renderInUrdu('shab@nam')).toBe('شبنم');
    expect(renderInUrdu('faatimaa')).toBe('فاتما');
  });

  it('writes some names in Urdu and some with a father\'s initial first, only when asked to', () => {
    const fitted = generateDataset({ ...sizes, asFiled: false });
    expect(fitted.missing.filter((m) => detectScript(m.name ?? '') === 'URDU' || /^[A-Z]\. /.test(m.name ?? ''))).toEqual([]);
    expect(names.filter((n) => detectScript(n) === 'URDU').length).toBeGreaterThan(0);
    expect(names.filter((n) => /^[A-Z]\. /.test(n)).length).toBeGreaterThan(0);
  });

  it('adds namesakes as missing reports that are no true pair', () => {
    const inPairs = new Set(data.truePairs.map((p) => p.missingId));
    expect(data.missing.length).toBeGreaterThan(600 + 600);
    expect(data.missing.filter((m) => !inPairs.has(m.id)).length).toBeGreaterThan(600);
  });

  it('draws namesakes apart: without them, the other reports are the same', () => {
    const without = generateDataset({ ...sizes, namesakes: 0 });
    const byId = new Map(without.missing.map((m) => [m.id, m]));
    const common = data.missing.filter((m) => byId.has(m.id));
    expect(common.length).toBe(without.missing.length);
    for (const m of common.slice(0, 50)) expect(byId.get(m.id)).toEqual(m);
  });
});

describe('labelled name pairs', () => {
  const pairs = generateNamePairs();

  it('has every kind, one-child and two-children kinds apart', () => {
    const kinds = new Map(pairs.map((p) => [p.kind, p.same]));
    for (const kind of ['native: urdu', 'native: tamil', 'conventional romanisation', 'vowel variant', 'typing slip']) expect(kinds.get(kind)).toBe(true);
    for (const kind of ['initials differ', 'gender form', 'gender word', 'one letter apart', 'different names']) expect(kinds.get(kind)).toBe(false);
  });

  it('is the same for the same seed', () => {
    expect(generateNamePairs()).toEqual(pairs);
  });
});
