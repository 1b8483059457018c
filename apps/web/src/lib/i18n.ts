// The app's languages: ICU messages (plurals, selects) per key, formatted through Intl; the choice kept on the device.
// How to add a language or a key: docs/languages.md.
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './messages.en.js';
import { lawEn, type LawKey } from './law.en.js';

export const LANGS = ['en', 'hi', 'mr', 'bn'] as const;
export type Lang = (typeof LANGS)[number];
/** Each language by its own name, as the language menu shows it. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', hi: 'हिन्दी', mr: 'मराठी', bn: 'বাংলা' };
export type Key = MessageKey | LawKey;
export type { MessageKey };

export type Catalogue = Partial<Record<Key, string>>;

/**
 * The catalogues: the app's messages and the law's data (obligations and plain summaries of the sections). English
 * is complete by type and ships with the app (the sign-in page and every other language's fallback); each other
 * language is its own chunk, loaded when chosen (`loadLanguage`) and precached by the service worker for offline use.
 * The others are checked key by key by a test (i18n.spec.ts), so a key added in English and Hindi alone shows the
 * lead what Marathi and Bengali still lack, and falls back to English meanwhile rather than failing the build.
 */
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<Catalogue>> = {
  hi: () => Promise.all([import('./messages.hi.js'), import('./law.hi.js')]).then(([m, l]) => ({ ...m.hi, ...l.lawHi })),
  mr: () => Promise.all([import('./messages.mr.js'), import('./law.mr.js')]).then(([m, l]) => ({ ...m.mr, ...l.lawMr })),
  bn: () => Promise.all([import('./messages.bn.js'), import('./law.bn.js')]).then(([m, l]) => ({ ...m.bn, ...l.lawBn })),
};
const ENGLISH: Record<Key, string> = { ...en, ...lawEn };
const loaded: Partial<Record<Lang, Catalogue>> = { en: ENGLISH };

/** Loads `lang`'s catalogue once; until it is loaded, `translate` answers in English. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang !== 'en') loaded[lang] ??= await LOADERS[lang]();
}

/** Every language's catalogue, loaded (for the tests that compare them key by key). */
export async function loadCatalogues(): Promise<Record<Lang, Catalogue>> {
  await Promise.all(LANGS.map(loadLanguage));
  return loaded as Record<Lang, Catalogue>;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const LANG_KEY = 'raksha.lang';
const LOCALE: Record<Lang, string> = { en: 'en-IN', hi: 'hi-IN', mr: 'mr-IN', bn: 'bn-IN' };
export const localeOf = (lang: Lang) => LOCALE[lang];

export function isMessageKey(key: string): key is Key {
  return Object.hasOwn(ENGLISH, key);
}

export type Params = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();
function formatter(lang: Lang, key: Key): IntlMessageFormat {
  const id = `${lang}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    const catalogue = loaded[lang];
    f = new IntlMessageFormat(catalogue?.[key] ?? ENGLISH[key], LOCALE[lang], undefined, { ignoreTag: true });
    // English in place of a language not loaded yet is not kept: the language's own message replaces it once loaded
    if (catalogue) compiled.set(id, f);
  }
  return f;
}

/** The message for `key` in `lang`, formatted as ICU (`{name}`, `{n, plural, …}`); a placeholder without a value stays as it is. */
export function translate(lang: Lang, key: Key, params: Params = {}): string {
  const f = formatter(lang, key);
  const wanted = argumentsOf(f);
  const values: Params = { ...params };
  for (const name of wanted) if (!(name in values)) values[name] = `{${name}}`;
  return String(f.format(values));
}

/** For keys built from data (an event type, a state): the message if there is one, else `fallback`. */
export function translateOr(lang: Lang, key: string, fallback: string, params?: Params): string {
  return isMessageKey(key) ? translate(lang, key, params) : fallback;
}

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}
function collectArguments(nodes: AstNode[], into: Set<string>): Set<string> {
  for (const n of nodes) {
    // argument, number, date, time, select, plural (the parser's node types 1–6)
    if (n.type >= 1 && n.type <= 6 && n.value) into.add(n.value);
    for (const o of Object.values(n.options ?? {})) collectArguments(o.value, into);
    if (n.children) collectArguments(n.children, into);
  }
  return into;
}
const argumentsOf = (f: IntlMessageFormat) => collectArguments(f.getAst() as AstNode[], new Set());

/** The arguments a message takes (ICU), for the test that every language takes the same ones. */
export function placeholdersOf(message: string, lang: Lang = 'en'): string[] {
  return [...collectArguments(new IntlMessageFormat(message, LOCALE[lang], undefined, { ignoreTag: true }).getAst() as AstNode[], new Set())].sort();
}

const isLang = (v: string | null | undefined): v is Lang => (LANGS as readonly string[]).includes(v ?? '');

/** The saved choice; else the first of the browser's languages the app speaks; else English. */
export function loadLang(store: KeyValueStore | undefined, preferred?: readonly string[]): Lang {
  const saved = store?.getItem(LANG_KEY);
  if (isLang(saved)) return saved;
  for (const l of preferred ?? []) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function saveLang(store: KeyValueStore | undefined, lang: Lang): void {
  store?.setItem(LANG_KEY, lang);
}

/** A date and time as people in India read it (IST), in the chosen language. */
export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(d);
}

export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(d);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 23 hours", "3 days ago": how far `iso` is from `now`, in the largest unit that keeps it readable. */
export function formatRelative(lang: Lang, iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  const rtf = new Intl.RelativeTimeFormat(LOCALE[lang], { numeric: 'auto' });
  if (abs < HOUR) return rtf.format(Math.round(ms / MINUTE), 'minute');
  if (abs < 2 * DAY) return rtf.format(Math.round(ms / HOUR), 'hour');
  if (abs < 60 * DAY) return rtf.format(Math.round(ms / DAY), 'day');
  return rtf.format(Math.round(ms / (30 * DAY)), 'month');
}

const DURATION_UNITS = [
  ['Y', 'year'],
  ['M', 'month'],
  ['W', 'week'],
  ['D', 'day'],
  ['H', 'hour'],
] as const;

/** An ISO-8601 period of the law ('PT24H', 'P4M', '-P3M') in words: "24 hours", "4 months" (a leading minus is dropped). */
export function formatPeriod(lang: Lang, iso: string): string {
  const m = /^-?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(iso);
  if (!m) return iso;
  const parts = DURATION_UNITS.map(([, unit], i) => [unit, Number(m[i + 1] ?? 0)] as const).filter(([, n]) => n > 0);
  const list = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' });
  return list.format(parts.map(([unit, n]) => new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit, unitDisplay: 'long' }).format(n)));
}

/** A list in the language's own way: "a, b and c". */
export function formatList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

/** `CHILDRENS_HOME` → `Childrens home`: codes without a message of their own. */
export function humanize(code: string): string {
  const words = code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
