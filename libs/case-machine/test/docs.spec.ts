import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEADLINE_IDS } from '../src/index.js';
import { deadlineStates, renderCaseMachineDoc } from '../src/diagram.js';

const committed = fileURLToPath(new URL('../../../docs/case-machine.md', import.meta.url));

describe('docs/case-machine.md', () => {
  it('matches the machine (run `npm run machine:diagram` after changing it)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(renderCaseMachineDoc());
  });

  it('lists every deadline with its citation, each opened by at least one state', () => {
    const doc = renderCaseMachineDoc();
    const states = deadlineStates();
    for (const id of DEADLINE_IDS) {
      expect(doc).toContain(`\`${id}\``);
      expect(states[id].length).toBeGreaterThan(0);
    }
  });
});
