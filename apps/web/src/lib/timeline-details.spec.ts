import { beforeAll, describe, expect, it } from '@jest/globals';
import { translate, translateOr, type Key, type Lang, loadCatalogues } from './i18n.js';
import { payloadText } from './timeline-details.js';

const words = (lang: Lang) => ({ lang, t: (key: Key, params?: Record<string, string | number>) => translate(lang, key, params), tx: (key: string, fallback: string, params?: Record<string, string | number>) => translateOr(lang, key, fallback, params) });

describe('a timeline step’s details, as a person reads them', () => {
  beforeAll(() => loadCatalogues());
  const declared = { ground: 'ABANDONED', signedBy: ['7f1c2d5e-0000-4000-8000-000000000001', '7f1c2d5e-0000-4000-8000-000000000002', '7f1c2d5e-0000-4000-8000-000000000003'], signerNames: ['Asha Verma', 'Bhanu Pratap', 'Chitra Rao'], orderRef: 'CWC/LF/1' };

  it('names the members who signed a declaration (s.38(4)), never their seats’ ids', () => {
    const lines = payloadText(declared, words('en'), (id) => id);
    expect(lines).toContain('Signed by: Asha Verma, Bhanu Pratap and Chitra Rao');
    expect(lines.join('\n')).not.toMatch(/7f1c2d5e/);
  });

  it('says it in the reader’s language', () => {
    const lines = payloadText(declared, words('hi'), (id) => id);
    expect(lines.some((l) => l.startsWith('हस्ताक्षरकर्ता: ') && l.includes('Asha Verma'))).toBe(true);
  });

  it('keeps other lists out, as before', () => {
    expect(payloadText({ goals: [{ domain: 'HEALTH', goal: 'eat well' }], tags: ['A', 'B'] }, words('en'), (id) => id)).toEqual([]);
  });
});
