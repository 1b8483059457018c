// What is wrong with one field, for people: a message key and its values (the web shows it in the reader's
// language), and the same in English for any other client. The API's validation pipe and the web's own form
// checks both describe a schema's issues here, so a field reads the same whichever of them refuses it.
import { z } from 'zod';

/** The English of each key; the web's catalogues translate them (apps/web/src/lib/messages.*.ts). */
export const FIELD_ISSUE_MESSAGES = {
  'error.required': '{field}: this is needed.',
  'error.oneOf': '{field}: choose one of the options.',
  'error.tooShort': '{field}: write at least {min} characters.',
  'error.tooLong': '{field}: write at most {max} characters.',
  'error.tooSmall': '{field}: the smallest allowed is {min}.',
  'error.tooBig': '{field}: the largest allowed is {max}.',
  'error.above': '{field}: must be more than {min}.',
  'error.below': '{field}: must be less than {max}.',
  'error.tooFew': '{field}: give at least {min}.',
  'error.tooMany': '{field}: give at most {max}.',
  'error.wholeNumber': '{field}: write a whole number.',
  'error.number': '{field}: write a number.',
  'error.text': '{field}: write it as text.',
  'error.yesNo': '{field}: choose yes or no.',
  'error.date': '{field}: give a date.',
  'error.dateTime': '{field}: give a date and time.',
  'error.email': '{field}: give an email address.',
  'error.format': '{field}: this is not in the right form.',
  'error.unknownField': '{field}: this is not asked for here.',
  'error.invalid': '{field}: this is not valid.',
  'error.termRequired': '{field}: a CWC or JJB member needs their term of office, from and until.',
  'error.termNotForRole': '{field}: only a CWC or JJB member holds a term of office.',
  'error.termOrder': '{field}: the term must end on or after the day it starts.',
  'error.termTooLong': '{field}: a term may be at most {years} years.',
  'error.fileType': '{field}: send a PDF, JPEG or PNG file; this one is not what it claims to be.',
  'error.fileTooLarge': '{field}: the file is larger than {max} bytes.',
  'error.fileRequired': '{field}: attach the file.',
  'error.seatsFilled': "{field}: every seat of this kind on the body's roster is filled ({most}); end a member's term on the roster first.",
  'error.signersByName': '{field}: name the members who signed, from the Committee’s roster; a number does not say who decided.',
  'error.signersTooFew': '{field}: at least {least} members of the Committee decide a declaration (s.38(4)).',
  'error.signerTwice': '{field}: {name} is named twice; each member signs once.',
  'error.signerUnknown': '{field}: this is not a member on the Committee’s roster.',
  'error.signerOutOfTerm': '{field}: {name} was not in their term as a member of this Committee on the day of the decision.',
} as const;
export type FieldIssueKey = keyof typeof FIELD_ISSUE_MESSAGES;

export const fieldIssue = z.object({
  /** the field's path, dotted (`child.ageYears`); `(body)` for the request as a whole */
  field: z.string(),
  /** plain English, naming the field */
  message: z.string(),
  /** the message's key, for a client to say it in its reader's language */
  key: z.string().optional(),
  /** the values the message takes besides the field (`min`, `max`) */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

/** What a schema library reports of one failure: zod's issues, or any Standard Schema issue (message and path only). */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
  readonly code?: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly format?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly keys?: readonly string[];
  /** false when the limit itself is not allowed (`.lt(18)`) */
  readonly inclusive?: boolean;
  /** a refinement's own: `{ key }` names its message (`.refine(check, { message, params: { key: 'error.periodOrder' } })`) */
  readonly params?: Record<string, unknown>;
}

const TYPE_KEYS: Record<string, FieldIssueKey> = { int: 'error.wholeNumber', number: 'error.number', string: 'error.text', boolean: 'error.yesNo', date: 'error.date' };
const FORMAT_KEYS: Record<string, FieldIssueKey> = { date: 'error.date', datetime: 'error.dateTime', email: 'error.email' };
const SIZED: Record<string, [small: FieldIssueKey, big: FieldIssueKey]> = {
  string: ['error.tooShort', 'error.tooLong'],
  number: ['error.tooSmall', 'error.tooBig'],
  int: ['error.tooSmall', 'error.tooBig'],
  bigint: ['error.tooSmall', 'error.tooBig'],
  date: ['error.tooSmall', 'error.tooBig'],
  array: ['error.tooFew', 'error.tooMany'],
  set: ['error.tooFew', 'error.tooMany'],
};

function keyOf(issue: SchemaIssue): { key: string; params: Record<string, number> } {
  const none = {};
  switch (issue.code) {
    case 'custom':
      return { key: typeof issue.params?.key === 'string' ? issue.params.key : 'error.invalid', params: none };
    case 'invalid_type':
      // zod keeps no input on the issue; a missing field is the one "received undefined"
      if (/received undefined/.test(issue.message)) return { key: 'error.required', params: none };
      return { key: TYPE_KEYS[issue.expected ?? ''] ?? 'error.invalid', params: none };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'error.oneOf', params: none };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return { key: 'error.required', params: none };
      if (issue.inclusive === false && SIZED[issue.origin ?? '']?.[0] === 'error.tooSmall') return { key: 'error.above', params: { min } };
      return { key: SIZED[issue.origin ?? '']?.[0] ?? 'error.invalid', params: { min } };
    }
    case 'too_big':
      if (issue.inclusive === false && SIZED[issue.origin ?? '']?.[1] === 'error.tooBig') return { key: 'error.below', params: { max: Number(issue.maximum) } };
      return { key: SIZED[issue.origin ?? '']?.[1] ?? 'error.invalid', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: FORMAT_KEYS[issue.format ?? ''] ?? 'error.format', params: none };
    case 'unrecognized_keys':
      return { key: 'error.unknownField', params: none };
    default:
      return { key: 'error.invalid', params: none };
  }
}

/** `child.ageYears` → `Child age years`: a field's name in English words. */
export function fieldWords(field: string): string {
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** Each field a schema refused, with its key, values and English sentence; `prefix` names a path parameter. */
export function describeIssues(issues: readonly SchemaIssue[], prefix: readonly string[] = []): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path ?? []).map((p) => String(typeof p === 'object' && p !== null && 'key' in p ? p.key : p))];
    const { key, params } = keyOf(issue);
    // an unknown key is reported once for its object; name each key as a field of its own
    const fields = issue.code === 'unrecognized_keys' && issue.keys?.length ? issue.keys.map((k) => [...path, k].join('.')) : [path.join('.') || '(body)'];
    // a schema's own refinement says what it checks in words its author chose (and an issue of unknown kind is
    // all we have): keep them as the English
    const english = (field: string) => (issue.code === 'custom' || issue.code === undefined ? issue.message : fill(FIELD_ISSUE_MESSAGES[key as FieldIssueKey], { ...params, field: field === '(body)' ? 'The request' : fieldWords(field) }));
    return fields.map((field) => ({ field, key, params, message: english(field) }));
  });
}
