// The citations checked against the Act and the Model Rules (docs/citations.md): each cites what the text
// says, a period no rule fixes is marked policy, and no "[verify]" is left for a reader to trip on.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BODY_DUTY_RULES, DEADLINE_RULES, EVENT_AUTHORITY } from '../src/index.js';

/** This test, and the page that tells which of the reference's marks were checked and how. */
const CITES_THE_MARK = new Set(['citations.spec.ts', 'citations.md']);
const rule = (id: string) => DEADLINE_RULES.find((r) => r.id === id)!;
const duty = (id: string) => BODY_DUTY_RULES.find((r) => r.id === id)!;

describe('citations, as the texts give them', () => {
  it('cites the Model Rules’ quarterly review of care plans, R.39(4)(vi), as the rule it is', () => {
    expect(rule('cncp.icpReview')).toMatchObject({ citation: expect.stringContaining('R.39(4)(vi)'), basis: 'statute' });
  });

  it('cites R.92 for a child missing from a home, and marks the 24 hours as state policy', () => {
    expect(rule('cncp.missingReport')).toMatchObject({ citation: expect.stringMatching(/R\.92.*24 h is state policy/), basis: 'policy' });
  });

  it('cites the CWC’s quarterly Form 16 to the District Magistrate as R.17(v), not the suggestion box of R.17(ii)', () => {
    expect(duty('cwc.quarterlyReturn').citation).toBe('R.17(v); F.16');
  });

  it('cites production before the JJB as s.10(1) and the declaration’s three members as s.38(4)', () => {
    expect(rule('cicl.production').citation).toBe('s.10(1)');
    expect(EVENT_AUTHORITY.LEGALLY_FREE_DECLARED.citation).toContain('(4)');
  });

  it('leaves no “[verify]” in the code, the schema or the docs', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const skip = new Set(['node_modules', 'dist', 'generated', 'coverage', '.git']);
    const marked: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (skip.has(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|prisma|md)$/.test(name) && !CITES_THE_MARK.has(name) && readFileSync(path, 'utf8').includes('[verify]')) marked.push(path.slice(root.length));
      }
    };
    for (const top of ['apps', 'libs', 'workflows', 'activities', 'prisma', 'docs']) walk(join(root, top));
    expect(marked).toEqual([]);
  });
});
