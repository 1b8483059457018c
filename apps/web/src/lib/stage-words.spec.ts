import { describe, expect, it } from '@jest/globals';
import { caseMachine } from '@raksha/case-machine';
import { stateCitation, stateLabel } from './case-stage.js';
import { loadLanguage, translateOr } from './i18n.js';
import { stageSection, stageWords } from './stage-words.js';

/** Every state of the machine, labelled or not, as its dotted path. */
function allStates(): string[] {
  const out: string[] = [];
  const walk = (node: { id: string; states?: Record<string, unknown> }) => {
    if (node.id !== 'case') out.push(node.id.replace(/^case\./, ''));
    for (const child of Object.values(node.states ?? {})) walk(child as typeof node);
  };
  walk(caseMachine.root as unknown as Parameters<typeof walk>[0]);
  return out;
}

await loadLanguage('hi');
const tx = (lang: 'en' | 'hi') => (key: string, fallback: string) => translateOr(lang, key, fallback);

describe('a stage named from the catalogue, without the case machine', () => {
  it('says, for every state of the machine, the words and the provision the machine gives it', () => {
    const states = allStates();
    expect(states.length).toBeGreaterThan(40);
    const differ = states.filter((s) => stageWords(tx('en'), s) !== stateLabel(s) || stageSection(tx('en'), s) !== stateCitation(s));
    expect(differ).toEqual([]);
  });

  it("says it in the reader's language, the provision included", () => {
    expect(stageWords(tx('hi'), 'cncp.beforeCwc.inquiry.awaitingSir')).toBe('जाँच: सामाजिक जाँच रिपोर्ट की प्रतीक्षा');
    expect(stageSection(tx('hi'), 'cncp.beforeCwc.inquiry.awaitingSir')).toBe('धारा 36(2); फ़ॉर्म 22');
  });

  it('has nothing to cite for a state the machine does not know', () => {
    expect(stageSection(tx('en'), 'nowhere.at.all')).toBeUndefined();
  });
});
