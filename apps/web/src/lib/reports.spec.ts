import { beforeAll, describe, expect, it } from '@jest/globals';
import { PHOTO_MAX_BYTES } from '@raksha/contracts';
import { FEATURE_WORDS } from '@raksha/matching';
import { LANGS, isMessageKey, translate, loadCatalogues } from './i18n.js';
import { bearingOf, byWeight, candidateIdIn, checkPhoto, childOf, codeIn, featureWords, istDateTime, nowInIndia, percent, reasonValues } from './reports.js';

describe('missing and found reports in the web app', () => {
  beforeAll(() => loadCatalogues());
  it('builds the child description, leaving out what was not filled in', () => {
    expect(childOf({ gender: 'FEMALE' })).toEqual({ gender: 'FEMALE' });
    expect(
      childOf({ name: ' लक्ष्मी ', aliases: 'Laxmi, Lachhi', father: 'Ramesh', gender: 'FEMALE', ageMin: '9', ageMax: '11', heightMin: '130', languages: 'Hindi; Marwari', marks: 'mole on left cheek' }),
    ).toEqual({
      name: 'लक्ष्मी',
      aliases: ['Laxmi', 'Lachhi'],
      guardians: [{ relation: 'FATHER', name: 'Ramesh' }],
      gender: 'FEMALE',
      ageYears: { min: 9, max: 11 },
      heightCm: { min: 130, max: 130 },
      languages: ['Hindi', 'Marwari'],
      identifyingMarks: 'mole on left cheek',
    });
    expect(childOf({ ageMin: '12', ageMax: '10' }).ageYears).toEqual({ min: 10, max: 12 });
  });

  it('reads a datetime-local value as India time', () => {
    expect(istDateTime('2026-11-25T10:30')).toBe('2026-11-25T10:30:00+05:30');
    expect(nowInIndia(new Date('2026-11-25T00:00:00Z'))).toBe('2026-11-25T05:30');
  });

  it('takes a photo of up to 300 kB in JPEG, PNG or WebP', () => {
    expect(checkPhoto({ size: PHOTO_MAX_BYTES, type: 'image/jpeg' })).toEqual({ ok: true });
    expect(checkPhoto({ size: PHOTO_MAX_BYTES + 1, type: 'image/png' })).toEqual({ ok: false, reason: 'size' });
    expect(checkPhoto({ size: 10, type: 'image/gif' })).toEqual({ ok: false, reason: 'type' });
  });

  it('shows a probability as a whole percent, and a field as for or against', () => {
    expect(percent(0.923)).toBe(92);
    expect(percent(0.999)).toBe(99);
    expect(percent(0.001)).toBe(1);
    expect(percent(1)).toBe(100);
    expect([2.1, -1.4, 0].map((weight) => bearingOf({ weight }))).toEqual(['for', 'against', 'neutral']);
    expect(byWeight([{ field: 'a', weight: 0.5 }, { field: 'b', weight: -2 }] as never).map((f: { field: string }) => f.field)).toEqual(['b', 'a']);
  });

  it('finds the candidate an e-alert names and the code a verification message carries', () => {
    const id = '0b5a3c1e-9d2f-4a6b-8c7d-1e2f3a4b5c6d';
    expect(candidateIdIn(`Compare the two reports and decide: https://raksha.example.gov.in/app/match-candidates/${id}`)).toBe(id);
    expect(candidateIdIn('no candidate here')).toBeUndefined();
    expect(codeIn('Your Raksha verification code: 048213')).toBe('048213');
  });

  it('says why names, gender, complexion and languages agree in the reader\'s language, naming no code', () => {
    const name = { how: 'transliteration', partial: 'surnameMissing', order: 'same', initials: 'differ' };
    expect(translate('en', 'match.reason.name', name)).toBe('The same name in another script; one report has no surname; the initials differ');
    expect(translate('hi', 'match.reason.name', name)).toBe('दूसरी लिपि में वही नाम; एक रिपोर्ट में उपनाम नहीं है; आद्याक्षर अलग हैं');
    expect(translate('en', 'match.reason.guardian', { relation: 'mother', how: 'variant', partial: 'none', order: 'differs', initials: 'agree' })).toBe(
      "Mother's name: a known form or nickname of the same name; the words are in another order",
    );
    expect(translate('bn', 'match.reason.gender', { reported: 'FEMALE', found: 'TRANSGENDER' })).toBe('নিখোঁজ রিপোর্টে মেয়ে, পাওয়ার সময় রূপান্তরকামী');
    expect(translate('mr', 'match.reason.complexion', { reported: 'WHEATISH', found: 'DARK' })).toBe('हरवल्याच्या अहवालात गव्हाळ, सापडताना सावळा');
    const hindi = translate('hi', 'match.reason.languages.shared', reasonValues('hi', { languages: 'bn,hi' }));
    expect(hindi).toContain('बंगाली');
    expect(hindi).toContain('हिन्दी');
    expect(hindi).not.toMatch(/[A-Za-z]/);
    expect(reasonValues('en', { languages: 'bho', gap: 2 })).toEqual({ languages: 'Bhojpuri', gap: 2 });
  });

  it('says the marks and clothing both reports mention in the reader\'s language, for every word the matcher reads', () => {
    expect(translate('en', 'match.reason.marks.shared', reasonValues('en', { features: 'mole@cheek@left,scar@forehead' }))).toBe(
      'Both mention mole on the left cheek and scar on the forehead',
    );
    expect(featureWords('hi', 'mole@cheek@left')).toBe('तिल (बायाँ गाल)');
    expect(featureWords('bn', 'red+shirt')).toBe('লাল রঙের শার্ট');
    expect(featureWords('mr', 'garment:frock')).toBe('फ्रॉक');
    for (const word of FEATURE_WORDS) {
      expect(isMessageKey(`feature.${word}`)).toBe(true);
      for (const lang of LANGS.filter((l) => l !== 'en')) expect(featureWords(lang, word)).not.toMatch(/[A-Za-z]/);
    }
  });
});
