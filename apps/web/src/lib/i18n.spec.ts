import { describe, expect, it } from '@jest/globals';
import { CASE_EVENT_TYPES, CASE_PHASES, caseEventSchemas, caseMachine } from '@raksha/case-machine';
import { ROLES } from '@raksha/domain';
import { FIELD_LEVELS, MATCH_FIELDS } from '@raksha/matching';
import { DICTIONARIES, LANGS, loadLang, placeholdersOf, saveLang, translate, type KeyValueStore } from './i18n.js';
import { en } from './messages.en.js';

const memoryStore = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};

/** Every state of the machine that carries a label, as its dotted path. */
function labelledStates(): string[] {
  const out: string[] = [];
  const walk = (node: { id: string; meta?: { label?: string }; states?: Record<string, unknown> }) => {
    if (node.meta?.label) out.push(node.id.replace(/^case\./, ''));
    for (const child of Object.values(node.states ?? {})) walk(child as typeof node);
  };
  walk(caseMachine.root as unknown as Parameters<typeof walk>[0]);
  return out;
}

describe('i18n', () => {
  it('has every English key in Hindi and no key Hindi alone has', () => {
    expect(Object.keys(DICTIONARIES.hi).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty message in either language', () => {
    for (const lang of LANGS) for (const [key, message] of Object.entries(DICTIONARIES[lang])) expect({ lang, key, empty: message.trim() === '' }).toEqual({ lang, key, empty: false });
  });

  it('takes the same {placeholders} in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, hi: placeholdersOf(DICTIONARIES.hi[key]) }).toEqual({ key, hi: placeholdersOf(en[key]) });
    }
  });

  it("says every match field and every level of agreement the engine gives it, in both languages (a candidate's explanation)", () => {
    const wanted = MATCH_FIELDS.flatMap((f) => [`match.field.${f}`, ...FIELD_LEVELS[f].map((level) => `match.level.${f}.${level}`)]);
    for (const lang of LANGS) expect({ lang, missing: wanted.filter((k) => !(k in DICTIONARIES[lang])) }).toEqual({ lang, missing: [] });
    const levelKeys = Object.keys(en).filter((k) => k.startsWith('match.level.'));
    expect(levelKeys.filter((k) => !wanted.includes(k))).toEqual([]);
  });

  it('names every case event, state, phase and role of the machine in both languages', () => {
    const wanted = [
      ...CASE_EVENT_TYPES.map((e) => `event.${e}`),
      ...labelledStates().map((s) => `state.${s}`),
      ...CASE_PHASES.map((p) => `phase.${p}`),
      ...ROLES.map((r) => `role.${r}`),
    ];
    const missing = wanted.filter((k) => !(k in en) || !(k in DICTIONARIES.hi));
    expect(missing).toEqual([]);
  });

  it('labels every field of every event form in both languages', () => {
    const fields = new Set(Object.values(caseEventSchemas).flatMap((s) => Object.keys(s.shape)).filter((f) => f !== 'type' && f !== 'at'));
    const missing = [...fields].filter((f) => !(`field.${f}` in en));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(translate('en', 'net.pending', { count: 2 })).toBe('2 action(s) waiting to be sent');
    expect(translate('hi', 'case.title', { name: 'लक्ष्मी' })).toBe('लक्ष्मी का मामला');
    expect(translate('en', 'case.title')).toBe('Case of {name}');
  });

  it('remembers the chosen language, and starts in Hindi for a Hindi browser', () => {
    const store = memoryStore();
    expect(loadLang(store, ['hi-IN', 'en'])).toBe('hi');
    expect(loadLang(store, ['en-IN'])).toBe('en');
    saveLang(store, 'hi');
    expect(loadLang(store, ['en-IN'])).toBe('hi');
  });
});
