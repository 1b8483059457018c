import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  analyseName,
  compareNames,
  INDIC_SCRIPTS,
  detectScript,
  transliterate,
} from '../src/index.js';
import {
  generateDataset,
  NAME_REGIONS,
  NATIONAL_EXTRA,
  Prng,
  REGION_NAMES,
  renderInScript,
  romanise,
  STATES,
  type DistrictRef,
} from '@raksha/matching/synthetic';

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

describe('the default (fitted) profile', () => {
  // weights.ts and the thresholds were fitted on this data set: digests taken before the national profile was added.
  const digest = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');

  it('generates the same data set as the one the weights were fitted on', () => {
    const data = generateDataset({ seed: 'unchanged', truePairs: 30, missingDistractors: 20, foundDistractors: 10 });
    expect(data.missing.find((m) => m.id === 'M-000122')).toEqual({
      kind: 'MISSING', id: 'M-000122', lastSeenAt: '2024-05-28', name: 'Ashvini Kamble', gender: 'FEMALE', guardians: [{ relation: 'FATHER', name: 'Prashant Kaamble' }],
      ageYears: { min: 15, max: 15 }, heightCm: { min: 148, max: 154 }, languages: ['Marathi', 'Hindi'],
      place: { stateCode: 'MH', districtCode: 'MH-MUMBAI', text: 'Mumbai', lat: 19.0526, lon: 72.9134 },
    });
    expect(digest(data)).toBe('f48af03c3ee8394394f65f7cc1015cfc933a9016ec2f7330e7b880b0208b25a4');
    expect(digest(generateDataset({ seed: 7, truePairs: 40, missingDistractors: 30, foundDistractors: 20 }))).toBe('f581751e615af4bbc32bb4e86052e34f5b99c46541226132d28c3d55d2278c41');
    expect(generateDataset({ seed: 'unchanged', truePairs: 30, missingDistractors: 20, foundDistractors: 10, profile: 'fitted' })).toEqual(data);
  });
});

describe('the national profile', () => {
  // 30 districts per profiled state, as the seed geography would list them (Telangana as TS); the first of each is geography.ts's.
  const districts: DistrictRef[] = STATES.flatMap((s) => {
    const stateCode = s.code === 'TG' ? 'TS' : s.code;
    const first = s.districts[0]!;
    return [
      { code: `${stateCode}${first.code.slice(s.code.length)}`, stateCode, name: first.name },
      ...Array.from({ length: 29 }, (_, i) => ({ code: `${stateCode}-DISTRICT-${i + 1}`, stateCode, name: `District ${i + 1}` })),
    ];
  });
  const data = generateDataset({ seed: 'national', truePairs: 2000, missingDistractors: 8000, foundDistractors: 0, profile: 'national', districts, from: '2013-01-01' });

  it('needs its districts', () => {
    expect(() => generateDataset({ profile: 'national' })).toThrow(RangeError);
  });

  it('spreads the reports over hundreds of districts, with coordinates only where geography.ts has them', () => {
    const places = data.missing.map((m) => m.place!);
    const used = new Set(places.map((p) => p.districtCode));
    expect(used.size).toBeGreaterThan(400);
    expect([...used].every((code) => !code?.startsWith('TS-'))).toBe(true);
    expect(used.has('TG-DISTRICT-1')).toBe(true);
    expect(places.filter((p) => p.lat !== undefined).every((p) => STATES.some((s) => s.districts.some((d) => d.code === p.districtCode)))).toBe(true);
    expect(data.missing.some((m) => m.lastSeenAt < '2016-01-01')).toBe(true);
  });

  it('draws given names from a long tail, the common ones more often', () => {
    const extra = new Set(NAME_REGIONS.flatMap((r) => [...NATIONAL_EXTRA[r].male, ...NATIONAL_EXTRA[r].female].map((n) => n.latin.toLowerCase())));
    const base = new Set(NAME_REGIONS.flatMap((r) => [...REGION_NAMES[r].male, ...REGION_NAMES[r].female].map((n) => (n.latin || romanise(n.phonemic, REGION_NAMES[r].style)).toLowerCase())));
    const counts = new Map<string, number>();
    for (const m of data.missing) {
      const word = (m.name ?? '').split(' ').find((w) => w !== 'Mohammad')?.toLowerCase() ?? '';
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const tail = [...counts.keys()].filter((w) => extra.has(w) && !base.has(w));
    expect(tail.length).toBeGreaterThan(200);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(10 * (sorted[200] ?? 0));
  });

  it('has extra names that are new, parse and render in their script', () => {
    for (const region of NAME_REGIONS) {
      const names = REGION_NAMES[region];
      for (const kind of ['male', 'female', 'surnames'] as const) {
        const phonemic = [...names[kind], ...NATIONAL_EXTRA[region][kind]].map((n) => n.phonemic);
        expect(new Set(phonemic).size).toBe(phonemic.length);
        for (const n of NATIONAL_EXTRA[region][kind]) {
          const written = renderInScript(n.phonemic, names.script ?? 'DEVANAGARI');
          expect(compareNames(n.latin || romanise(n.phonemic, names.style), written).score).toBeGreaterThanOrEqual(0.8);
        }
      }
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
