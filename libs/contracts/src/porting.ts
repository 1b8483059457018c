// Porting legacy registers: how a source's export (ZIPNET, TrackChild, a state's own system; CSV or JSON) maps onto
// Raksha's missing and found reports. A source's mapping is data (porting/sources/<source>.json, docs/porting.md);
// each record becomes the body a person would file, checked by the same schemas as people's requests.
import { z } from 'zod';
import { parseCsv } from './csv.js';
import { describeIssues } from './field-issues.js';
import { fileFoundReportBody, fileMissingReportBody, type FileFoundReportBody, type FileMissingReportBody } from './reports.js';
import { isoTime } from './shared.js';

/** What a source's column can fill. */
export const LEGACY_FIELDS = [
  'recordId',
  'kind',
  'child.name',
  'child.aliases',
  'child.gender',
  'child.ageYears',
  'child.dateOfBirth',
  'child.heightCm',
  'child.complexion',
  'child.identifyingMarks',
  'child.languages',
  'child.clothing',
  'guardian.father',
  'guardian.mother',
  'guardian.guardian',
  'occurredAt',
  'place.state',
  'place.district',
  'place.text',
  'place.lat',
  'place.lon',
  'policeRef',
  // A CCI child's record (kind CCI_CHILD, porting-cci.ts): the home, the track and status, and the dates of its steps.
  'cci',
  'track',
  'status',
  'circumstance',
  'producedBy',
  'producedAt',
  'admittedAt',
  'sirOrderedAt',
  'sirSubmittedAt',
  'cwcOrder',
  'cwcOrderRef',
  'cwcOrderedAt',
  'icpPreparedAt',
  'icpReviewedAt',
  'leaveFrom',
  'leaveDays',
  'restorationOrderedAt',
  'restoredAt',
  // A child in conflict with law (kind CICL_CHILD, porting-cicl.ts): apprehension, the JJB's steps and its order.
  'apprehendedAt',
  'offenceCategory',
  'firRef',
  'bail',
  'bailDecidedAt',
  'bailRefusalGround',
  'preliminaryAssessmentAt',
  'jjbOrder',
  'jjbOrderRef',
  'jjbOrderedAt',
] as const;
export type LegacyField = (typeof LEGACY_FIELDS)[number];

export const LEGACY_DATE_FORMATS = ['DD/MM/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY'] as const;

const columnRule = z.strictObject({
  /** the CSV header's column, or the JSON record's key (a dotted path reaches into nested objects) */
  column: z.string().min(1),
  /** the source's words → Raksha's value, compared without case (e.g. "M" → "MALE") */
  values: z.record(z.string(), z.string()).optional(),
  /** lists in one cell (aliases, languages): the separator */
  split: z.string().min(1).optional(),
  /** dates: how the source writes them (a time may follow, HH:MM) */
  format: z.enum(LEGACY_DATE_FORMATS).optional(),
});
export type LegacyColumnRule = z.infer<typeof columnRule>;

export const legacySourceMapping = z.strictObject({
  /** the source's name, as `--source` and the idempotency key use it */
  source: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  /**
   * every record of this source is of this kind; otherwise the `kind` field says (its values mapping to MISSING /
   * FOUND). CCI_CHILD: children in child care institutions, each imported as a case (porting-cci.ts); CICL_CHILD:
   * children in conflict with law in observation and special homes, each imported as a case before the JJB (porting-cicl.ts).
   */
  kind: z.enum(['MISSING', 'FOUND', 'CCI_CHILD', 'CICL_CHILD']).optional(),
  /** the register's name as an imported case's timeline shows it: "Imported from the <register> register" */
  register: z.string().trim().min(1).max(80).optional(),
  /** the state whose district names `place.district` holds, when the export has no state column */
  stateCode: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** the source's clock: times without a zone are read in it */
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/).default('+05:30'),
  fields: z.partialRecord(z.enum(LEGACY_FIELDS), columnRule).refine((f) => f.recordId !== undefined, 'the recordId field must name the column of the source record id'),
});
export type LegacySourceMapping = z.infer<typeof legacySourceMapping>;

/** One record of an export as read: column → text, and where it stands in the file. */
export interface LegacyRecord {
  /** the CSV line (the header is line 1), or the JSON record's number from 1 */
  line: number;
  values: Record<string, string>;
}

/** Why a record cannot be imported, naming the field (and the source's column when one is mapped). */
export interface LegacyProblem {
  field: string;
  column?: string;
  message: string;
}

/** A district as the mapping finds it by code or name. */
export interface DistrictRef {
  code: string;
  name: string;
  stateCode: string;
}
export interface StateRef {
  code: string;
  name: string;
}

export type MappedLegacyRecord =
  | { ok: true; recordId: string; kind: 'MISSING'; body: FileMissingReportBody }
  | { ok: true; recordId: string; kind: 'FOUND'; body: FileFoundReportBody }
  | { ok: false; recordId: string | null; problems: LegacyProblem[] };

/** Reads an export: a CSV with a header line, or JSON (an array of records, or `{ "records": [...] }`). */
export function readLegacyExport(text: string, format: 'csv' | 'json'): LegacyRecord[] {
  if (format === 'csv') {
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    const columns = header.fields.map((c) => c.trim());
    return rows.map((r) => ({ line: r.line, values: Object.fromEntries(columns.map((c, i) => [c, (r.fields[i] ?? '').trim()])) }));
  }
  const parsed: unknown = JSON.parse(text);
  const records = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' && Array.isArray((parsed as { records?: unknown }).records) ? (parsed as { records: unknown[] }).records : null;
  if (!records) throw new SyntaxError('a JSON export is an array of records, or an object with a "records" array');
  return records.map((r, i) => ({ line: i + 1, values: flatten(r) }));
}

/** A JSON record's values as text, nested keys dotted ("child.name"). */
function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    out[prefix] = value.map((v) => String(v)).join(';');
    return out;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = String(value);
  return out;
}

/** Fields every record needs: an export without their columns is the wrong file, or needs another mapping. */
const NEEDED: readonly LegacyField[] = ['recordId', 'kind', 'occurredAt', 'place.district', 'cci', 'producedAt', 'admittedAt'];

/** The columns of needed fields that the export does not have (another column a mapping names may be absent). */
export function missingColumns(mapping: LegacySourceMapping, columns: readonly string[]): string[] {
  const have = new Set(columns);
  return NEEDED.flatMap((f) => {
    const rule = mapping.fields[f];
    return rule && !have.has(rule.column) ? [rule.column] : [];
  });
}

/** Places the mapping resolves names against. */
export interface LegacyPlaces {
  states: readonly StateRef[];
  districts: readonly DistrictRef[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Reads one record's fields through a source's mapping: the rule of a field, its text (empty is none), a problem
 * naming the field and its column, and a value translated by the mapping's value table (an unknown one is a problem).
 */
export function recordReader(mapping: LegacySourceMapping, record: LegacyRecord, problems: LegacyProblem[]) {
  const rule = (f: LegacyField) => mapping.fields[f];
  const raw = (f: LegacyField): string | undefined => {
    const r = rule(f);
    const v = r ? record.values[r.column]?.trim() : undefined;
    return v === '' ? undefined : v;
  };
  const fail = (f: LegacyField, message: string) => problems.push({ field: f, ...(rule(f) && { column: rule(f)!.column }), message });
  const valueOf = (f: LegacyField): string | undefined => {
    const v = raw(f);
    const values = rule(f)?.values;
    if (v === undefined || !values) return v;
    const hit = Object.entries(values).find(([k]) => k.toLowerCase() === v.toLowerCase());
    if (!hit) fail(f, `“${v}” is not one of the values this source uses (${Object.keys(values).join(', ')})`);
    return hit?.[1];
  };
  return { rule, raw, fail, valueOf };
}

/** Maps one record onto a report body and checks it as a person's filing is checked; problems name the field and column. */
export function mapLegacyRecord(mapping: LegacySourceMapping, record: LegacyRecord, places: LegacyPlaces, now = new Date()): MappedLegacyRecord {
  const problems: LegacyProblem[] = [];
  const { rule, raw, fail, valueOf } = recordReader(mapping, record, problems);
  const list = (f: LegacyField) => {
    const v = raw(f);
    return v === undefined ? undefined : v.split(rule(f)?.split ?? ';').map((s) => s.trim()).filter(Boolean);
  };
  const range = (f: LegacyField) => {
    const v = raw(f);
    if (v === undefined) return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*(?:(?:-|–|to)\s*(\d+(?:\.\d+)?))?/i.exec(v);
    if (!m) {
      fail(f, `“${v}” is not a number or a range such as 9-11`);
      return undefined;
    }
    const min = Math.round(Number(m[1]));
    return { min, max: m[2] ? Math.round(Number(m[2])) : min };
  };
  const number = (f: LegacyField) => {
    const v = raw(f);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) fail(f, `“${v}” is not a number`);
    return Number.isFinite(n) ? n : undefined;
  };

  const recordId = raw('recordId') ?? null;
  if (!recordId) fail('recordId', 'the record has no id in the source; it cannot be imported twice safely without one');
  // A CCI register's records are cases, not reports: mapCciChildRecord (porting-cci.ts) takes them.
  const kind = (mapping.kind === 'CCI_CHILD' || mapping.kind === 'CICL_CHILD' ? undefined : mapping.kind) ?? (valueOf('kind') as 'MISSING' | 'FOUND' | undefined);
  if (!kind) fail('kind', 'the record does not say whether the child is missing or found');
  else if (kind !== 'MISSING' && kind !== 'FOUND') fail('kind', `“${kind}” is neither MISSING nor FOUND`);

  const occurredText = raw('occurredAt');
  const occurredAt = occurredText === undefined ? undefined : legacyTime(occurredText, rule('occurredAt')?.format ?? 'YYYY-MM-DD', mapping.utcOffset);
  if (occurredText === undefined) fail('occurredAt', kind === 'FOUND' ? 'the date the child was found is missing' : 'the date the child was last seen is missing');
  else if (occurredAt === null) fail('occurredAt', `“${occurredText}” is not a date written ${rule('occurredAt')?.format ?? 'YYYY-MM-DD'}`);
  else if (occurredAt && Date.parse(occurredAt) > now.getTime() + 5 * 60_000) fail('occurredAt', `${occurredText} is in the future`);
  const dobText = raw('child.dateOfBirth');
  const dob = dobText === undefined ? undefined : legacyTime(dobText, rule('child.dateOfBirth')?.format ?? 'YYYY-MM-DD', mapping.utcOffset)?.slice(0, 10);
  if (dobText !== undefined && !dob) fail('child.dateOfBirth', `“${dobText}” is not a date written ${rule('child.dateOfBirth')?.format ?? 'YYYY-MM-DD'}`);

  const district = findDistrict(mapping, raw('place.state'), raw('place.district'), places, fail);
  const guardians = (['father', 'mother', 'guardian'] as const).flatMap((g) => {
    const name = raw(`guardian.${g}`);
    return name ? [{ relation: g.toUpperCase() as 'FATHER' | 'MOTHER' | 'GUARDIAN', name }] : [];
  });
  const lat = number('place.lat');
  const lon = number('place.lon');
  const child = {
    ...(raw('child.name') && { name: raw('child.name') }),
    ...(list('child.aliases') && { aliases: list('child.aliases') }),
    ...(guardians.length && { guardians }),
    gender: valueOf('child.gender') ?? 'UNKNOWN',
    ...(range('child.ageYears') && { ageYears: range('child.ageYears') }),
    ...(dob && { dateOfBirth: dob }),
    ...(range('child.heightCm') && { heightCm: range('child.heightCm') }),
    ...(valueOf('child.complexion') && { complexion: valueOf('child.complexion') }),
    ...(raw('child.identifyingMarks') && { identifyingMarks: raw('child.identifyingMarks') }),
    ...(list('child.languages') && { languages: list('child.languages') }),
    ...(raw('child.clothing') && { clothing: raw('child.clothing') }),
  };
  const place = {
    districtCode: district?.code ?? 'XX-UNKNOWN',
    ...(raw('place.text') && { text: raw('place.text') }),
    ...(lat !== undefined && { lat }),
    ...(lon !== undefined && { lon }),
  };
  if (problems.length || !kind || !occurredAt) return { ok: false, recordId, problems };
  const policeRef = raw('policeRef');
  const parsed =
    kind === 'MISSING'
      ? fileMissingReportBody.safeParse({ child, lastSeenAt: occurredAt, place, ...(policeRef && { policeRef }) })
      : fileFoundReportBody.safeParse({ child, foundAt: occurredAt, place });
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.error.issues)) {
      const f = bodyFieldOf(issue.field);
      fail(f, issue.message);
    }
    return { ok: false, recordId, problems };
  }
  return kind === 'MISSING' ? { ok: true, recordId: recordId!, kind, body: parsed.data as FileMissingReportBody } : { ok: true, recordId: recordId!, kind, body: parsed.data as FileFoundReportBody };
}

/** The mapping's field a body's field came from, so a refusal names the source's column. */
function bodyFieldOf(bodyField: string): LegacyField {
  if (bodyField === 'lastSeenAt' || bodyField === 'foundAt') return 'occurredAt';
  if (bodyField.startsWith('child.guardians')) return 'guardian.father';
  if (bodyField.startsWith('place.lat')) return 'place.lat';
  if (bodyField.startsWith('place.lon')) return 'place.lon';
  if (bodyField.startsWith('place.text')) return 'place.text';
  if (bodyField.startsWith('place')) return 'place.district';
  const two = bodyField.split('.').slice(0, 2).join('.');
  return ((LEGACY_FIELDS as readonly string[]).includes(two) ? two : bodyField.split('.')[0]) as LegacyField;
}

function findDistrict(mapping: LegacySourceMapping, stateText: string | undefined, districtText: string | undefined, places: LegacyPlaces, fail: (f: LegacyField, m: string) => void): DistrictRef | undefined {
  if (!districtText) {
    fail('place.district', 'the district is missing');
    return undefined;
  }
  const byCode = places.districts.find((d) => d.code === districtText.toUpperCase());
  if (byCode) return byCode;
  let stateCode = mapping.stateCode;
  if (stateText) {
    const state = places.states.find((s) => s.code === stateText.toUpperCase() || fold(s.name) === fold(stateText));
    if (!state) {
      fail('place.state', `no state or union territory is named “${stateText}”`);
      return undefined;
    }
    stateCode = state.code;
  }
  const named = places.districts.filter((d) => fold(d.name) === fold(districtText) && (!stateCode || d.stateCode === stateCode));
  if (named.length === 1) return named[0];
  const stateName = stateCode ? (places.states.find((s) => s.code === stateCode)?.name ?? stateCode) : undefined;
  fail('place.district', named.length > 1 ? `more than one district is named “${districtText}”; the record must name its state` : `no district${stateName ? ` of ${stateName}` : ''} is named “${districtText}”`);
  return undefined;
}

/** A source's date (and time) as an ISO time with the source's offset; null when it is not written as the format says. */
export function legacyTime(text: string, format: (typeof LEGACY_DATE_FORMATS)[number], utcOffset: string): string | null {
  const m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const [y, mo, d] = format === 'YYYY-MM-DD' ? [a, b, c] : format === 'MM/DD/YYYY' ? [c, a, b] : [c, b, a];
  if (y.length !== 4) return null;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${(m[4] ?? '00').padStart(2, '0')}:${m[5] ?? '00'}:${m[6] ?? '00'}${utcOffset}`;
  const t = new Date(iso);
  // 31/02 parses to March: the day must survive the round trip
  if (Number.isNaN(t.getTime()) || new Date(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T00:00:00Z`).getUTCDate() !== Number(d)) return null;
  return iso;
}

/** POST /imports/legacy?source=…&dryRun=…: the export's text and format, and whose reports they become. */
export const legacyImportQuery = z.strictObject({
  source: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'a source name such as zipnet'),
  format: z.enum(['csv', 'json']).default('csv'),
  fileName: z.string().trim().min(1).max(200).default('upload'),
  dryRun: z.stringbool().optional(),
});
export type LegacyImportQuery = z.infer<typeof legacyImportQuery>;

export const legacyImportIdParam = z.uuid({ message: 'an import id is a UUID' });

export const legacyRejection = z.object({
  /** the CSV line or the JSON record's number */
  line: z.number().int(),
  recordId: z.string().nullable(),
  field: z.string(),
  column: z.string().optional(),
  message: z.string(),
});
export type LegacyRejection = z.infer<typeof legacyRejection>;

/** A dry run: what an import would do, storing nothing. */
export const legacyDryRun = z.object({
  dryRun: z.literal(true),
  source: z.string(),
  total: z.number().int(),
  /** valid, not imported before: would be imported */
  wouldImport: z.number().int(),
  alreadyImported: z.number().int(),
  rejected: z.array(legacyRejection),
});
export type LegacyDryRun = z.infer<typeof legacyDryRun>;

/** An import's progress, as the job records it. */
export const legacyImportStatus = z.object({
  id: z.string(),
  source: z.string(),
  kind: z.string(),
  fileName: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  alreadyImported: z.number().int(),
  rejected: z.number().int(),
  /** imported reports queued for matching */
  queuedForMatching: z.number().int(),
  createdAt: isoTime,
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  failure: z.string().nullable(),
  /** the first rejected rows (GET …/rejections for all) */
  rejections: z.array(legacyRejection),
});
export type LegacyImportStatus = z.infer<typeof legacyImportStatus>;

/** BullMQ queue of legacy imports: one job per import, resumed where the import's row says it stopped. */
export const LEGACY_IMPORT_QUEUE = 'raksha-legacy-import';
export type LegacyImportJob = { importId: string };

/**
 * Imported reports are matched on a queue of their own, by a worker with one job at a time and a rate limit, so that
 * a port of a whole register never holds up the matching of reports filed today (MATCHING_QUEUE).
 */
export const BACKFILL_MATCHING_QUEUE = 'raksha-matching-backfill';
