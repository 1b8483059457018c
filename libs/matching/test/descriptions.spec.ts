import { describe, expect, it } from '@jest/globals';
import { clothingFeatures, describeFeature, languageCode, markFeatures, sharedFeatures } from '../src/index.js';

describe('markFeatures', () => {
  it('reads a mark, its body part and side from English and from Hindi', () => {
    const english = markFeatures('Black mole on left cheek');
    const hindi = markFeatures('baye gaal par til');
    expect(sharedFeatures(english, hindi)[0]).toBe('mole@cheek@left');
    expect(describeFeature('mole@cheek@left')).toBe('mole on left cheek');
  });

  it('keeps separately described marks apart', () => {
    const features = markFeatures('scar on forehead, mole on chin');
    expect(features.has('scar@forehead')).toBe(true);
    expect(features.has('mole@chin')).toBe(true);
    expect(features.has('scar@chin')).toBe(false);
  });
});

describe('clothingFeatures', () => {
  it('pairs a colour with the garment it describes, in English or Hindi', () => {
    expect(sharedFeatures(clothingFeatures('red shirt and blue jeans'), clothingFeatures('neela pant, lal kameez'))).toEqual(
      expect.arrayContaining(['red+shirt', 'blue+trousers']),
    );
  });
});

describe('languageCode', () => {
  it('gives one code for a language however a form names it', () => {
    expect(['Bangla', 'Bengali', 'bn'].map(languageCode)).toEqual(['bn', 'bn', 'bn']);
    expect(['Oriya', 'Odia'].map(languageCode)).toEqual(['or', 'or']);
  });
});
