import { describe, expect, it } from '@jest/globals';
import {
  FITTED_REPORTS,
  frequencyNats,
  MAX_FREQUENCY_NATS,
  populationNats,
  REFERENCE_KEY_SHARE,
  scorePair,
  type FieldExplanation,
  type KeyFrequencies,
  type MatchResult,
} from '../src/index.js';
import { found, JAIPUR, missing } from './support.js';

const name = (r: MatchResult) => r.fields.find((f) => f.field === 'name') as FieldExplanation;
const registry = (reports: number, counts: Record<string, number>): KeyFrequencies => ({ kind: 'MISSING', reports, count: (k) => counts[k] });

describe('frequency-aware name weight (Fellegi–Sunter u from the name’s frequency)', () => {
  const puja = missing({ name: 'Puja', gender: 'FEMALE', ageYears: { min: 10, max: 10 }, place: JAIPUR });
  const foundPuja = found({ name: 'Puja', gender: 'FEMALE', ageYears: { min: 10, max: 10 }, place: JAIPUR });

  it('counts agreement on a name one report in a hundred carries as less evidence than on a rare name', () => {
    const common = scorePair(puja, foundPuja, { frequencies: registry(1_000_000, { puja: 11_000 }) });
    const rare = scorePair(puja, foundPuja, { frequencies: registry(1_000_000, { puja: 3 }) });
    expect(name(common).weight).toBeLessThan(name(rare).weight);
    expect(common.probability).toBeLessThan(rare.probability);
    expect(name(common).reason).toMatch(/common name \(puja 1\.1 % of missing reports\)/);
    expect(name(rare).reason).toMatch(/uncommon name/);
  });

  it('weighs agreement by how common the found child’s name is, however rarely the candidate spells it', () => {
    const kamla = missing({ name: 'कमला', gender: 'FEMALE', place: JAIPUR });
    const kamala = found({ name: 'Kamala', gender: 'FEMALE', place: JAIPUR });
    const rareSpelling = scorePair(kamla, kamala, { frequencies: registry(1_000_000, { kamla: 3, kamala: 11_000 }) });
    const commonSpelling = scorePair(kamla, kamala, { frequencies: registry(1_000_000, { kamla: 11_000, kamala: 11_000 }) });
    expect(name(rareSpelling).level).not.toBeNull();
    expect(name(rareSpelling).weight).toBe(name(commonSpelling).weight);
    expect(name(rareSpelling).reason).toMatch(/common name \(kamala 1\.1 % of missing reports\)/);
  });

  it('keeps the fitted weight for a name as common as the ones it was fitted on', () => {
    expect(frequencyNats(['puja'], registry(1_000_000, { puja: REFERENCE_KEY_SHARE * 1_000_000 }))).toBeCloseTo(0, 5);
  });

  it('does not call a name rare or common from a handful of reports', () => {
    expect(Math.abs(frequencyNats(['puja'], registry(5, { puja: 1 })))).toBeLessThan(0.2);
    expect(Math.abs(frequencyNats(['puja'], registry(5, {})))).toBeLessThan(0.01);
  });

  it('bounds what a name’s frequency may add or take away', () => {
    expect(frequencyNats(['xyzzy', 'qwerty'], registry(10_000_000, {}))).toBe(MAX_FREQUENCY_NATS);
    expect(frequencyNats(['puja', 'kumar'], registry(1000, { puja: 900, kumar: 900 }))).toBe(-MAX_FREQUENCY_NATS);
  });

  it('never turns agreement on a name into evidence against, however common the name', () => {
    const partial = scorePair(missing({ name: 'Puja Meena' }), found({ name: 'Puja' }), { frequencies: registry(1_000_000, { puja: 200_000 }) });
    expect(name(partial).level).toBe('good');
    expect(name(partial).weight).toBeGreaterThanOrEqual(0);
  });

  it('leaves a pair whose names disagree as it was', () => {
    const other = found({ name: 'Zoya', gender: 'FEMALE', place: JAIPUR });
    const without = scorePair(puja, other);
    const withFrequencies = scorePair(puja, other, { frequencies: registry(FITTED_REPORTS.MISSING, { puja: 11 }) });
    expect(name(withFrequencies)).toEqual(name(without));
  });
});

describe('prior by the number of reports searched', () => {
  it('makes each of a million reports a hundred-odd times less likely to be the child than each of six thousand', () => {
    expect(populationNats(registry(1_000_000, {}))).toBeCloseTo(Math.log(6000 / 1_000_000), 5);
  });

  it('keeps the fitted prior for a registry smaller than the fitted set', () => {
    expect(populationNats(registry(10, {}))).toBe(0);
    expect(populationNats({ kind: 'FOUND', reports: FITTED_REPORTS.FOUND, count: () => undefined })).toBe(0);
  });

  it('lowers the probability of the same pair in a larger registry', () => {
    const m = missing({ name: 'Puja', gender: 'FEMALE', place: JAIPUR });
    const f = found({ name: 'Puja', gender: 'FEMALE', place: JAIPUR });
    const small = scorePair(m, f, { frequencies: registry(6000, { puja: 20 }) });
    const large = scorePair(m, f, { frequencies: registry(1_000_000, { puja: 3300 }) });
    expect(large.probability).toBeLessThan(small.probability);
  });
});
