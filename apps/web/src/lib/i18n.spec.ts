import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { BODY_DUTY_RULES, CASE_EVENT_TYPES, CASE_PHASES, CCI_REGISTRATION_RULE, DEADLINE_RULES, HELPLINE_RESPONSE_RULE, MISSING_REPORT_AHTU_RULE, caseEventSchemas, caseMachine } from '@raksha/case-machine';
import { FIELD_ISSUE_MESSAGES, INFRASTRUCTURE_ITEMS } from '@raksha/contracts';
import { ROLES } from '@raksha/domain';
import { compareReports, comparePhotos, FIELD_LEVELS, MATCH_FIELDS, scorePair } from '@raksha/matching';
import { generateDataset } from '@raksha/matching/synthetic';
import { LANGS, loadCatalogues, formatPeriod, formatRelative, loadLang, placeholdersOf, saveLang, translate, type KeyValueStore } from './i18n.js';

// every language loaded, as a person who switches through them all would have them
const DICTIONARIES = await loadCatalogues();
const en = DICTIONARIES.en as Record<string, string>;
const OTHER_LANGS = LANGS.filter((l) => l !== 'en');

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
  // A key added in English (and Hindi) fails here for each language that lacks it, naming the keys to translate.
  it('has every English key in every language, and no key English lacks', () => {
    for (const lang of OTHER_LANGS) {
      const keys = Object.keys(DICTIONARIES[lang]);
      expect({ lang, missing: Object.keys(en).filter((k) => !keys.includes(k)), extra: keys.filter((k) => !(k in en)) }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('has no empty message in any language', () => {
    for (const lang of LANGS) for (const [key, message] of Object.entries(DICTIONARIES[lang])) expect({ lang, key, empty: (message ?? '').trim() === '' }).toEqual({ lang, key, empty: false });
  });

  it('parses every message as ICU and takes the same arguments in every language', () => {
    for (const lang of OTHER_LANGS) {
      for (const [key, message] of Object.entries(DICTIONARIES[lang])) expect({ lang, key, args: placeholdersOf(message ?? '', lang) }).toEqual({ lang, key, args: placeholdersOf(en[key] ?? '') });
    }
  });

  it('leaves no English sentence untranslated: a message identical to the English is a name or an abbreviation', () => {
    // words the same in every script we write them in: names, abbreviations of bodies, sections' numbers
    const same = /^[A-Z0-9 .,:/()–+%{}#-]*$|^Raksha$|^CSV$|^English$/;
    for (const lang of OTHER_LANGS) {
      const copied = Object.entries(DICTIONARIES[lang]).filter(([k, m]) => m === en[k] && !same.test((m ?? '').replace(/\{\w+\}/g, '')));
      expect({ lang, copied: copied.map(([k]) => k) }).toEqual({ lang, copied: [] });
    }
  });

  it("names every deadline and duty of the machine, how long the law allows, and what its section says, in every language", () => {
    const ids = [...DEADLINE_RULES, ...BODY_DUTY_RULES, CCI_REGISTRATION_RULE, MISSING_REPORT_AHTU_RULE, HELPLINE_RESPONSE_RULE].map((r) => r.id);
    const wanted = ids.flatMap((id) => [`deadline.${id}`, `section.${id}`, `law.${id}`]);
    for (const lang of LANGS) expect({ lang, missing: wanted.filter((k) => !(k in DICTIONARIES[lang])) }).toEqual({ lang, missing: [] });
  });

  it("labels every option of every event form, every kind of field error and every institution's facility, in every language", () => {
    const options = new Set<string>();
    for (const schema of Object.values(caseEventSchemas)) {
      const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, { enum?: string[]; items?: { properties?: { status?: { enum?: string[] } } } }> };
      for (const [name, p] of Object.entries(json.properties ?? {})) {
        if (name === 'type' || name === 'deadlineId') continue;
        for (const o of [...(p.enum ?? []), ...(p.items?.properties?.status?.enum ?? [])]) options.add(`option.${o}`);
      }
    }
    const wanted = [...options, ...Object.keys(FIELD_ISSUE_MESSAGES), ...INFRASTRUCTURE_ITEMS.map((i) => `infra.${i}`)];
    for (const lang of LANGS) expect({ lang, missing: wanted.filter((k) => !(k in DICTIONARIES[lang])) }).toEqual({ lang, missing: [] });
  });

  it('says counts with the plural of each language, and periods and times through Intl', () => {
    expect(translate('en', 'net.pending', { count: 1 })).toBe('1 action waiting to be sent');
    expect(translate('en', 'net.pending', { count: 2 })).toBe('2 actions waiting to be sent');
    expect(translate('en', 'cand.count', { total: 1, from: 1, to: 1 })).toBe('1 possible match, most probable first; showing 1–1.');
    expect(formatPeriod('en', 'PT24H')).toBe('24 hours');
    expect(formatPeriod('hi', 'P4M')).toBe('4 महीने');
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(formatRelative('en', '2026-12-06T23:00:00Z', now)).toBe('in 23 hours');
    expect(formatRelative('en', '2026-12-04T00:00:00Z', now)).toBe('2 days ago');
    expect(translate('en', 'deadline.due', { obligation: translate('en', 'deadline.cncp.production'), relative: formatRelative('en', '2026-12-06T23:00:00Z', now) })).toBe(
      'Produce the child before the CWC — due in 23 hours',
    );
  });

  it("says every match field and every level of agreement the engine gives it, in both languages (a candidate's explanation)", () => {
    const wanted = MATCH_FIELDS.flatMap((f) => [`match.field.${f}`, ...FIELD_LEVELS[f].map((level) => `match.level.${f}.${level}`)]);
    for (const lang of LANGS) expect({ lang, missing: wanted.filter((k) => !(k in DICTIONARIES[lang])) }).toEqual({ lang, missing: [] });
    const levelKeys = Object.keys(en).filter((k) => k.startsWith('match.level.'));
    expect(levelKeys.filter((k) => !wanted.includes(k))).toEqual([]);
  });

  it('says every reason the matcher gives as a key, with its values, in every language', () => {
    const data = generateDataset({ seed: 'reasons', truePairs: 150, missingDistractors: 0, foundDistractors: 0 });
    const details = data.missing.flatMap((m, i) => [...compareReports(m, data.found[i]!), ...compareReports(m, data.found[(i + 7) % data.found.length]!)]).flatMap((c) => (c.detail ? [c.detail] : []));
    const face = (d: number) => ({ descriptor: [d, 0, 0], model: 'm' });
    const why = (reason: () => string) => reason();
    for (const d of [0.1, 0.45, 0.55, 0.9]) for (const days of [10, 1000]) details.push(comparePhotos(face(0), face(d), days, why).detail!);
    details.push(comparePhotos(face(0), undefined, 10, why).detail!, comparePhotos(face(0), { descriptor: [0, 0, 0], model: 'other' }, 10, why).detail!);
    const keys = [...new Set(details.map((d) => d.key))];
    expect(keys.length).toBeGreaterThan(15);
    for (const lang of LANGS) expect({ lang, missing: keys.filter((k) => !(k in DICTIONARIES[lang])) }).toEqual({ lang, missing: [] });
    // every value a key is given is an argument of its message, and the message formats with them
    for (const d of details) {
      expect({ key: d.key, extra: Object.keys(d.params ?? {}).filter((p) => !placeholdersOf(en[d.key]!).includes(p)) }).toEqual({ key: d.key, extra: [] });
      for (const lang of LANGS) expect(translate(lang, d.key as never, d.params)).not.toMatch(/[{}]/);
    }
  });

  it('says how common an agreeing name is in every language, with its share and never the phonetic keys', () => {
    const child = { gender: 'FEMALE' as const, ageYears: { min: 10, max: 10 }, place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR' } };
    const name = (counts: number) =>
      scorePair({ kind: 'MISSING', id: 'm', lastSeenAt: '2026-01-01', name: 'Puja Meena', ...child }, { kind: 'FOUND', id: 'f', foundAt: '2026-01-05', name: 'Puja', ...child }, { frequencies: { kind: 'MISSING', reports: 1_000_000, count: () => counts } }).fields.find((f) => f.field === 'name')!;
    const [common, rare] = [name(11_000), name(3)];
    expect([common.detail?.params?.frequency, rare.detail?.params?.frequency]).toEqual(['common', 'uncommon']);
    for (const d of [common.detail!, rare.detail!]) {
      expect(Object.keys(d.params ?? {}).filter((p) => !placeholdersOf(en[d.key as keyof typeof en]!).includes(p))).toEqual([]);
      for (const lang of LANGS) expect(translate(lang, d.key as never, d.params)).not.toMatch(/[{}]|puja/i);
    }
    expect(translate('en', common.detail!.key as never, common.detail!.params)).toContain('a common name: 1.1% of the reports of missing children have it');
    expect(translate('hi', rare.detail!.key as never, rare.detail!.params)).toContain('कम मिलने वाला नाम');
  });

  it('names every case event, state, phase and role of the machine in every language', () => {
    const wanted = [
      ...CASE_EVENT_TYPES.map((e) => `event.${e}`),
      ...labelledStates().map((s) => `state.${s}`),
      ...CASE_PHASES.map((p) => `phase.${p}`),
      ...ROLES.map((r) => `role.${r}`),
    ];
    for (const lang of LANGS) expect({ lang, missing: wanted.filter((k) => !(k in DICTIONARIES[lang])) }).toEqual({ lang, missing: [] });
  });

  it('labels every field of every event form in both languages', () => {
    const fields = new Set(Object.values(caseEventSchemas).flatMap((s) => Object.keys(s.shape)).filter((f) => f !== 'type' && f !== 'at'));
    const missing = [...fields].filter((f) => !(`field.${f}` in en));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(translate('hi', 'case.title', { name: 'लक्ष्मी' })).toBe('लक्ष्मी का मामला');
    expect(translate('en', 'case.title')).toBe('Case of {name}');
  });

  it("remembers the chosen language, and starts in the browser's first language the app speaks", () => {
    const store = memoryStore();
    expect(loadLang(store, ['hi-IN', 'en'])).toBe('hi');
    expect(loadLang(store, ['en-IN'])).toBe('en');
    saveLang(store, 'hi');
    expect(loadLang(store, ['en-IN'])).toBe('hi');
  });
});
