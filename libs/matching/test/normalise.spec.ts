import { describe, expect, it } from '@jest/globals';
import { normaliseText, words } from '../src/index.js';

describe('normaliseText', () => {
  it('lower-cases and strips Latin diacritics', () => {
    expect(normaliseText('José Müller')).toBe('jose muller');
  });

  it('spells out IAST letters that carry a sound of their own (ś, ṣ, ṛ)', () => {
    expect(normaliseText('Lakṣmī Kṛṣṇa Śiva')).toBe('lakshmi krishna shiva');
  });

  it('removes zero-width joiners and non-joiners without splitting the word', () => {
    expect(normaliseText('ല\u200dക്ഷ്മി')).toBe('ലക്ഷ്മി');
    expect(normaliseText('Ra\u200bhul')).toBe('rahul');
  });

  it('keeps Indic vowel signs and viramas, which are combining marks too', () => {
    expect(normaliseText('लक्ष्मी')).toBe('लक्ष्मी');
  });

  it('turns punctuation into spaces, so "Md.Rafiq" and "R.K." split into words', () => {
    expect(words('Md.Rafiq')).toEqual(['md', 'rafiq']);
    expect(words('R.K. Sharma')).toEqual(['r', 'k', 'sharma']);
  });

  it("joins across apostrophes (D'Souza)", () => {
    expect(normaliseText("D'Souza")).toBe('dsouza');
  });

  it('drops what follows s/o, d/o, w/o: it names someone else', () => {
    expect(normaliseText('Ramesh s/o Suresh Kumar')).toBe('ramesh');
  });
});
