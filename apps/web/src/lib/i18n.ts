// The app's two languages: a message per key, {placeholders} filled in, the choice kept on the device.
import { en, type MessageKey } from './messages.en.js';
import { hi } from './messages.hi.js';

export const LANGS = ['en', 'hi'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, hi };

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const LANG_KEY = 'raksha.lang';

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for `key` in `lang`, with each `{name}` replaced by `params.name`. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** For keys built from data (an event type, a state): the message if there is one, else `fallback`. */
export function translateOr(lang: Lang, key: string, fallback: string, params?: Record<string, string | number>): string {
  return isMessageKey(key) ? translate(lang, key, params) : fallback;
}

/** Placeholders a message uses, for the test that both languages take the same ones. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function loadLang(store: KeyValueStore | undefined, preferred?: readonly string[]): Lang {
  const saved = store?.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'hi') return saved;
  return preferred?.some((l) => l.toLowerCase().startsWith('hi')) ? 'hi' : 'en';
}

export function saveLang(store: KeyValueStore | undefined, lang: Lang): void {
  store?.setItem(LANG_KEY, lang);
}

const LOCALE: Record<Lang, string> = { en: 'en-IN', hi: 'hi-IN' };

/** A date and time as people in India read it (IST), in the chosen language. */
export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(d);
}

export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(d);
}

/** `CHILDRENS_HOME` → `Childrens home`: codes without a message of their own. */
export function humanize(code: string): string {
  const words = code.replace(/[_.]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
