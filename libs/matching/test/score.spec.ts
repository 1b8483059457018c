import { describe, expect, it } from '@jest/globals';
import { levelWeight, LEVEL_PROBABILITIES, MATCH_FIELDS, pairProbability, scorePair, type FieldExplanation, type MatchResult } from '../src/index.js';
import { generateDataset } from '@raksha/matching/synthetic';
import { found, JAIPUR, JODHPUR, missing, MUMBAI, NEW_DELHI } from './support.js';

const field = (r: MatchResult, name: FieldExplanation['field']) => r.fields.find((f) => f.field === name) as FieldExplanation;

const LAKSHMI = missing({
  name: 'Lakshmi Kumari Meena',
  guardians: [{ relation: 'FATHER', name: 'Ramesh Meena' }],
  gender: 'FEMALE',
  ageYears: { min: 9, max: 9 },
  heightCm: { min: 125, max: 130 },
  complexion: 'WHEATISH',
  identifyingMarks: 'black mole on left cheek',
  languages: ['Hindi'],
  clothing: 'red frock',
  place: JAIPUR,
});

describe('scorePair', () => {
  it('explains every field, strongest evidence first', () => {
    const r = scorePair(LAKSHMI, found({ name: 'लक्ष्मी', gender: 'FEMALE', place: JAIPUR }));
    expect(r.fields.map((f) => f.field).sort()).toEqual([...MATCH_FIELDS].sort());
    const weights = r.fields.map((f) => Math.abs(f.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('explains the name comparison with its score, weight and reason', () => {
    const r = scorePair(LAKSHMI, found({ name: 'लक्ष्मी' }));
    expect(field(r, 'name')).toMatchObject({ level: 'good', reason: 'partial: surname missing (transliteration match)' });
    expect(field(r, 'name').score).toBeCloseTo(0.97 * 0.88, 3);
    expect(field(r, 'name').weight).toBeGreaterThan(0);
  });

  it('reports distance and elapsed time together for the place', () => {
    const r = scorePair(LAKSHMI, found({ foundAt: '2024-03-04', place: MUMBAI }));
    expect(field(r, 'place').reason).toBe('found 920 km away, 3 days later');
    expect(field(r, 'time').reason).toBe('found 3 days after last seen');
  });

  it('falls back to district and state codes when a place has no coordinates', () => {
    const r = scorePair(missing({ place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR' } }), found({ place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR' } }));
    expect(field(r, 'place')).toMatchObject({ level: 'local', reason: 'found in the same district, 3 days later' });
    const other = scorePair(missing({ place: { stateCode: 'RJ' } }), found({ place: { stateCode: 'DL' } }));
    expect(field(other, 'place')).toMatchObject({ level: 'distant', reason: 'found in another state (RJ → DL), 3 days later' });
  });

  it('says when age ranges overlap once the child has grown older', () => {
    const r = scorePair(
      missing({ lastSeenAt: '2022-03-01', ageYears: { min: 9, max: 9 } }),
      found({ foundAt: '2024-03-04', ageYears: { min: 10, max: 12 } }),
    );
    expect(field(r, 'age')).toMatchObject({ level: 'overlap' });
    expect(field(r, 'age').reason).toMatch(/^ranges overlap \(expected 11–12, 2\.0 years on, found 10–12\)$/);
  });

  it('ranks a report that lists the pet name a found child gives above one that lists none', () => {
    const foundMunni = found({ name: 'Munni', gender: 'FEMALE' });
    const withAlias = scorePair(missing({ name: 'Heena', aliases: ['Munni'], gender: 'FEMALE' }), foundMunni);
    const without = scorePair(missing({ name: 'Heena', gender: 'FEMALE' }), foundMunni);
    expect(field(withAlias, 'name')).toMatchObject({ level: 'petName', reason: 'generic pet name' });
    expect(field(withAlias, 'name').weight).toBeGreaterThan(0);
    expect(field(without, 'name')).toMatchObject({ level: null, weight: 0 });
    expect(withAlias.probability).toBeGreaterThan(without.probability);
  });

  it('lets a field recorded on one report only contribute nothing', () => {
    const r = scorePair(missing({ name: 'Ravi' }), found({ name: 'Ravi' }));
    for (const f of r.fields.filter((x) => !['name', 'time'].includes(x.field))) {
      expect(f).toMatchObject({ level: null, weight: 0 });
    }
    const withoutHeight = scorePair(missing({ name: 'Ravi', heightCm: { min: 120, max: 125 } }), found({ name: 'Ravi' }));
    expect(withoutHeight.probability).toBe(r.probability);
  });

  it('finds matching marks described in English and in Hindi', () => {
    const r = scorePair(LAKSHMI, found({ identifyingMarks: 'baye gaal par til' }));
    expect(field(r, 'marks')).toMatchObject({ level: 'strong', reason: 'both mention mole on left cheek' });
  });

  it('compares clothing only when the child is found within a week', () => {
    expect(field(scorePair(LAKSHMI, found({ clothing: 'lal frock' })), 'clothing')).toMatchObject({ level: 'strong', reason: 'both mention red frock' });
    expect(field(scorePair(LAKSHMI, found({ foundAt: '2024-04-20', clothing: 'lal frock' })), 'clothing')).toMatchObject({ level: null });
  });

  it('compares a father’s name without counting the surname the child’s name already matched', () => {
    const r = scorePair(LAKSHMI, found({ name: 'Lakshmi Meena', guardians: [{ relation: 'FATHER', name: 'Suresh Meena' }] }));
    expect(field(r, 'guardians')).toMatchObject({ level: 'differs', reason: "father's name: names differ" });
  });

  it("compares a father's name without the surname the child's name already counted, whichever pair came first", () => {
    const father = [{ relation: 'FATHER' as const, name: 'Suresh Meena' }];
    const sharedSurname = scorePair(missing({ name: 'Lakshmi Meena', guardians: father }), found({ name: 'Lakshmi Meena', guardians: father }));
    const otherSurname = scorePair(missing({ name: 'Lakshmi', guardians: father }), found({ name: 'Lakshmi', guardians: father }));
    expect(field(otherSurname, 'guardians').level).toBe('full');
    expect(field(sharedSurname, 'guardians').level).not.toBe('full');
  });

  it("counts both parents' names agreeing as two words of evidence, more than one parent's", () => {
    const parents = [
      { relation: 'FATHER' as const, name: 'Sooraj Mathew' },
      { relation: 'MOTHER' as const, name: 'Anjali' },
    ];
    const child = found({ name: 'Anoop', guardians: [{ relation: 'FATHER', name: 'സൂരജ്' }, { relation: 'MOTHER', name: 'അംജലി' }] });
    const both = scorePair(missing({ name: 'Anoop Mathew', guardians: parents }), child);
    const fatherOnly = scorePair(missing({ name: 'Anoop Mathew', guardians: [parents[0]!] }), child);
    expect(field(both, 'guardians')).toMatchObject({ level: 'full' });
    expect(field(both, 'guardians').reason).toMatch(/^father's name: .*; mother's name: /);
    expect(field(fatherOnly, 'guardians').level).not.toBe('full');
    expect(field(both, 'guardians').weight).toBeGreaterThan(field(fatherOnly, 'guardians').weight);
  });

  it("compares a mother's given name even when the child shares it (Deepa, daughter of Deepa Thevar)", () => {
    const r = scorePair(
      missing({ name: 'Deepa', guardians: [{ relation: 'MOTHER', name: 'Deepa Thevar' }] }),
      found({ name: 'Deepa', guardians: [{ relation: 'MOTHER', name: 'दीपा' }] }),
    );
    expect(field(r, 'guardians').weight).toBeGreaterThan(0);
  });

  it('does not compare a mother’s name with a father’s', () => {
    const r = scorePair(LAKSHMI, found({ guardians: [{ relation: 'MOTHER', name: 'Ramesh Meena' }] }));
    expect(field(r, 'guardians').level).toBeNull();
  });

  it('gives a close description of the same child a high probability, and a different child a low one', () => {
    const same = found({
      name: 'Laxmi',
      guardians: [{ relation: 'FATHER', name: 'Ramesh' }],
      gender: 'FEMALE',
      ageYears: { min: 8, max: 10 },
      heightCm: { min: 126, max: 129 },
      identifyingMarks: 'mole on left cheek',
      languages: ['Hindi'],
      place: JODHPUR,
    });
    const other = found({ name: 'Sunita', gender: 'FEMALE', ageYears: { min: 12, max: 14 }, place: NEW_DELHI, languages: ['Bengali'] });
    expect(scorePair(LAKSHMI, same).probability).toBeGreaterThan(0.95);
    expect(scorePair(LAKSHMI, other).probability).toBeLessThan(0.001);
  });

  it('adds the field weights to the prior log-odds', () => {
    const r = scorePair(LAKSHMI, found({ name: 'Laxmi', place: JAIPUR }));
    const withoutPlace = scorePair(LAKSHMI, found({ name: 'Laxmi' }));
    expect(r.logOdds - withoutPlace.logOdds).toBeCloseTo(field(r, 'place').weight, 1);
    expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(-r.logOdds)), 2);
  });
});

describe('LEVEL_PROBABILITIES', () => {
  it('makes agreement evidence for a match and disagreement evidence against, in every field', () => {
    const best = { name: 'full', guardians: 'full', gender: 'same', age: 'same', height: 'overlap', complexion: 'same', marks: 'strong', languages: 'regional', clothing: 'strong', place: 'local', time: 'week', photo: 'alike' } as const;
    const worst = { name: 'differs', guardians: 'differs', gender: 'different', age: 'conflict', height: 'conflict', complexion: 'different', marks: 'differs', languages: 'differs', clothing: 'differs', place: 'remote', time: 'before', photo: 'unlike' } as const;
    for (const f of MATCH_FIELDS) {
      expect(levelWeight(f, best[f])).toBeGreaterThanOrEqual(0);
      expect(levelWeight(f, worst[f])).toBeLessThan(0);
    }
  });

  it('keeps every m and u a probability', () => {
    for (const levels of Object.values(LEVEL_PROBABILITIES)) {
      for (const { m, u } of Object.values(levels as Record<string, { m: number; u: number }>)) {
        expect(m).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }
    }
  });
});

describe('pairProbability', () => {
  it('gives every pair the probability its explanation adds up to, without writing the explanation', () => {
    const data = generateDataset({ seed: 'pair-probability', truePairs: 40, missingDistractors: 40, foundDistractors: 0 });
    const frequencies = { kind: 'MISSING' as const, reports: 1_000_000, count: (key: string) => (key.length % 3) * 2_000 };
    for (const m of data.missing) {
      for (const f of data.found.slice(0, 10)) {
        expect(pairProbability(m, f, { frequencies })).toBe(scorePair(m, f, { frequencies }).probability);
      }
    }
  });
});

