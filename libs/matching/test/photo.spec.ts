import { describe, expect, it } from '@jest/globals';
import { comparePhotos, faceDistance, photoLevelOf, PHOTO_DISTANCE, rankMissingReports, scorePair, type FaceDescriptorRecord, type FieldExplanation, type MatchResult } from '../src/index.js';
import { found, JAIPUR, missing, MUMBAI } from './support.js';

const MODEL = 'test-model';
// Descriptors at a chosen distance from a base one: moving one coordinate by d moves the descriptor by d.
const base = Array.from({ length: 128 }, (_, i) => Math.sin(i) / 10);
const at = (distance: number, model = MODEL): FaceDescriptorRecord => ({ descriptor: base.map((v, i) => (i === 0 ? v + distance : v)), model });
const face = at(0);
const photo = (r: MatchResult) => r.fields.find((f) => f.field === 'photo') as FieldExplanation;
const why = (reason: () => string) => reason();

describe('comparePhotos', () => {
  it('levels the distance between two descriptors', () => {
    expect(faceDistance(face.descriptor, at(0.3).descriptor)).toBeCloseTo(0.3, 6);
    expect(photoLevelOf(0.3)).toBe('alike');
    expect(photoLevelOf(PHOTO_DISTANCE.alike)).toBe('similar');
    expect(photoLevelOf(0.55)).toBe('unsure');
    expect(photoLevelOf(0.8)).toBe('unlike');
  });

  it('says in plain words how alike the faces are', () => {
    expect(comparePhotos(face, at(0.2), 10, why).reason).toBe('faces look alike: strong evidence');
    expect(comparePhotos(face, at(0.9), 10, why).reason).toBe('faces look different: evidence against');
  });

  it('weighs photos years apart less, either way, and says why', () => {
    const alike = comparePhotos(face, at(0.2), 3 * 365, why);
    expect(alike.level).toBe('similar');
    expect(alike.reason).toContain("3 years apart and a growing child's face changes");
    expect(comparePhotos(face, at(0.9), 3 * 365, why).level).toBe('unsure');
  });

  it('gives no evidence without a face on both reports, or across face models', () => {
    expect(comparePhotos(face, undefined, 10, why).level).toBeNull();
    expect(comparePhotos(face, at(0.1, 'another-model'), 10, why).level).toBeNull();
  });
});

describe('the photo in the score', () => {
  // A found child with no name, a photo, and nothing else in common with two missing reports but gender and age.
  const child = found({ id: 'F-1', gender: 'FEMALE', ageYears: { min: 8, max: 10 }, place: MUMBAI, face: at(0.25) });
  const same = missing({ id: 'M-same', name: 'Pooja Yadav', gender: 'FEMALE', ageYears: { min: 9, max: 9 }, place: JAIPUR, face });
  const other = missing({ id: 'M-other', name: 'Rani Kumari', gender: 'FEMALE', ageYears: { min: 9, max: 9 }, place: JAIPUR, face: at(0.85) });
  const unphotographed = missing({ id: 'M-none', name: 'Sita', gender: 'FEMALE', ageYears: { min: 9, max: 9 }, place: JAIPUR });

  it('ranks the missing report with the same face first for a found child with no name', () => {
    const page = rankMissingReports(child, [other, unphotographed, same], { threshold: 0 });
    expect(page.items.map((i) => i.candidate.id)).toEqual(['M-same', 'M-none', 'M-other']);
    expect(photo(page.items[0]!.result)).toMatchObject({ level: 'alike', reason: 'faces look alike: strong evidence' });
    expect(photo(page.items[0]!.result).weight).toBeGreaterThan(4);
    expect(photo(page.items[2]!.result).weight).toBeLessThan(0);
  });

  it('adds nothing for a pair without photos', () => {
    expect(photo(scorePair(unphotographed, child))).toMatchObject({ level: null, weight: 0 });
  });
});
