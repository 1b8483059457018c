// What a person reads of a timeline step's details, in their language: no ids, no codes, no ISO times.
import { formatDateTime, formatList, humanize, type Key, type Lang } from './i18n.js';

/** What the details need of the app: its language and its message lookups. */
export interface DetailWords {
  lang: Lang;
  t(key: Key, params?: Record<string, string | number>): string;
  tx(key: string, fallback: string, params?: Record<string, string | number>): string;
}

/**
 * What a person reads of an event's details: ids (a place reads by its name, placeName; signers by signerNames), the ladder's rung and the English copies of an obligation and
 * its citation are the system's (the deadline's own name, in the reader's language, stands for them).
 */
const HIDDEN_PAYLOAD = new Set(['placeId', 'signedBy', 'escalationId', 'interventionId', 'assigneeId', 'previousAssigneeId', 'goals', 'progress', 'child', 'rung', 'obligation', 'citation']);
/** Details that are lists of people's names (a declaration's signers, s.38(4)), shown joined. */
const NAME_LISTS = new Set(['signerNames']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[A-Z][A-Z0-9_]+$/;

/** One detail's value in words: a deadline by its name, a body by its name, a time as people read it, a code by its label. */
function valueText(key: string, v: unknown, app: DetailWords, obligation: (id: string) => string): string {
  if (typeof v === 'boolean') return app.t(v ? 'timeline.yes' : 'timeline.no');
  if (typeof v !== 'string') return String(v);
  if (key === 'deadlineId') return obligation(v);
  if (key === 'toBody') return app.tx(`body.${v}`, humanize(v));
  if (ISO_TIME.test(v)) return formatDateTime(app.lang, v);
  if (CODE.test(v)) return app.tx(`option.${v}`, humanize(v));
  return v;
}

export function payloadText(payload: Record<string, unknown>, app: DetailWords, obligation: (id: string) => string): string[] {
  return Object.entries(payload)
    .filter(([k, v]) => !HIDDEN_PAYLOAD.has(k) && v !== null && v !== undefined && (typeof v !== 'object' || (NAME_LISTS.has(k) && isWords(v))))
    .map(([k, v]) => `${app.tx(`field.${k}`, humanize(k))}: ${isWords(v) ? formatList(app.lang, v) : valueText(k, v, app, obligation)}`);
}

/** A list of names (the signers of a declaration): shown joined, as people write them. */
function isWords(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

