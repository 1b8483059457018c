// The audit trail's hash has one writer, raksha_append_audit_entry (prisma/sql), since only the statement that
// appends knows the chain's tail; here is the canonical text it hashes, and the verifier's own recomputation.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records; the chain decides its position and link. */
export interface AuditRecord {
  chain: string;
  action: string;
  actorId?: string | null;
  actorRole?: string | null;
  subjectType: string;
  subjectId: string;
  detail: Record<string, unknown>;
  at: Date;
}

export interface AuditFields {
  chain: string;
  position: number;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  detail: unknown;
  at: Date;
  prevHash: string;
}

/** Stable JSON: keys sorted, undefined left out, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The text an entry's hash is of. */
function auditText(e: AuditFields): string {
  return canonical({
    chain: e.chain,
    position: e.position,
    action: e.action,
    actorId: e.actorId,
    actorRole: e.actorRole,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    detail: e.detail,
    at: e.at.toISOString(),
    prevHash: e.prevHash,
  });
}

/** What the verifier expects a stored entry's hash to be. */
export function auditHash(e: AuditFields): string {
  return createHash('sha256').update(auditText(e)).digest('hex');
}

function fieldsOf(record: AuditRecord, position: number, prevHash: string): AuditFields {
  return {
    chain: record.chain,
    position,
    action: record.action,
    actorId: record.actorId ?? null,
    actorRole: record.actorRole ?? null,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    detail: record.detail,
    at: record.at,
    prevHash,
  };
}

const PREV_HASH_PLACEHOLDER = 'P'.repeat(64);
const LINK_PLACEHOLDER = `"position":0,"prevHash":"${PREV_HASH_PLACEHOLDER}"`;

/**
 * The text auditHash hashes for `record`, less what only the chain's tail decides: the text
 * `before` + position + `,"prevHash":"` + prevHash + `"` + `after` is what it hashes. Lets the
 * database link and hash an entry in the statement that appends it (raksha_append_audit_entry).
 */
export function auditPreimage(record: AuditRecord): { before: string; after: string } {
  const text = auditText(fieldsOf(record, 0, PREV_HASH_PLACEHOLDER));
  // The top-level keys after "detail" are "position" and "prevHash", then strings whose quotes are escaped.
  const i = text.lastIndexOf(LINK_PLACEHOLDER);
  return { before: `${text.slice(0, i)}"position":`, after: text.slice(i + LINK_PLACEHOLDER.length) };
}

/** The argument of raksha_append_audit_entry: the entry's columns and its canonical text split around the link. */
export function auditEntryInput(record: AuditRecord) {
  return { ...record, actorId: record.actorId ?? null, actorRole: record.actorRole ?? null, ...auditPreimage(record) };
}

/**
 * Destruction under JJ Act s.24(2) removes an entry's detail (what the step said of the child) but not the entry: its
 * detail becomes this mark, with the digest of what it was. The entry's own hash was of the detail, so it can no longer
 * be recomputed; instead the destruction entry, appended to the case's chain and hashed like any other, attests each
 * entry it emptied (attestationOf), and the verifier checks the emptied entry against that attestation and its links.
 */
export const DESTROYED_MARK = '$destroyedUnder';
export interface DestroyedDetail {
  [DESTROYED_MARK]: string;
  detailDigest: string;
}
/** The destruction entry's action, on the case's chain; its detail lists what it emptied (`emptied`). */
export const RECORDS_DESTROYED_ACTION = 'case.records-destroyed';
/** A report erased (DPDP Act s.12(3), or past retention), on the report's chain; it attests what it emptied likewise. */
export const REPORT_ERASED_ACTION = 'report.erased';
/** The entries whose detail attests emptied entries. */
export const ATTESTING_ACTIONS = [RECORDS_DESTROYED_ACTION, REPORT_ERASED_ACTION];

export function isDestroyedDetail(detail: unknown): detail is DestroyedDetail {
  return typeof detail === 'object' && detail !== null && !Array.isArray(detail) && typeof (detail as Record<string, unknown>)[DESTROYED_MARK] === 'string';
}

/** SHA-256 of the detail's canonical text: what an emptied entry keeps of its detail. */
export function detailDigest(detail: unknown): string {
  return createHash('sha256').update(canonical(detail)).digest('hex');
}

/** The attestation of an entry: every field but the detail, the detail's digest in its place, and the entry's hash. */
export function attestationOf(e: Omit<AuditFields, 'detail'> & { hash: string }, digest: string): string {
  return createHash('sha256')
    .update(
      canonical({
        chain: e.chain,
        position: e.position,
        action: e.action,
        actorId: e.actorId,
        actorRole: e.actorRole,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        detailDigest: digest,
        at: e.at.toISOString(),
        prevHash: e.prevHash,
        hash: e.hash,
      }),
    )
    .digest('hex');
}

/** One emptied entry as the destruction entry names it. */
export interface EmptiedEntry {
  chain: string;
  position: number;
  attestation: string;
}
