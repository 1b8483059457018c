// Page cursors, one codec for every paged route: opaque to clients, decoded and checked at the edge (in the
// query's schema), so a forged cursor is a 400 naming `cursor` and never reaches the database.
import { z } from 'zod';

const NOT_OURS = 'not a cursor this API gave';
/** Longer than any cursor this API writes (an ISO time and a UUID, base64url): anything longer is forged. */
const CURSOR_MAX = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Registry ids (institutions, bodies) as the registries generate and import them. */
const REGISTRY_ID = /^[A-Z0-9_-]{1,120}$/;

// Cursors carry ASCII only, so btoa/atob serve both the API and the browser.
const toBase64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function fromBase64Url(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    return atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

/** A position in a list ordered by a time, then id (cases by registration or next deadline, reports by filing). */
export interface TimeCursor {
  at: Date;
  id: string;
}
export const encodeTimeCursor = (at: Date, id: string) => toBase64Url(`${at.toISOString()}|${id}`);
export function decodeTimeCursor(cursor: string): TimeCursor | undefined {
  const [time, id, ...rest] = (fromBase64Url(cursor) ?? '').split('|');
  if (rest.length > 0 || !id || !UUID.test(id) || !time || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(time)) return undefined;
  const at = new Date(time);
  return Number.isNaN(at.getTime()) ? undefined : { at, id };
}

/** A position in the audit trail, newest first: an entry's time, then its sequence number (a positive integer). */
export interface AuditCursor {
  at: Date;
  seq: bigint;
}
export const encodeAuditCursor = (at: Date, seq: bigint) => toBase64Url(`${at.toISOString()}|${seq}`);
export function decodeAuditCursor(cursor: string): AuditCursor | undefined {
  const [time, seq, ...rest] = (fromBase64Url(cursor) ?? '').split('|');
  if (rest.length > 0 || !seq || !/^[1-9]\d{0,18}$/.test(seq) || !time || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(time)) return undefined;
  const at = new Date(time);
  return Number.isNaN(at.getTime()) ? undefined : { at, seq: BigInt(seq) };
}

/** A position in a list ordered by a readable id (institutions, bodies). */
export const encodeIdCursor = (id: string) => toBase64Url(id);
export function decodeIdCursor(cursor: string): string | undefined {
  const id = fromBase64Url(cursor);
  return id !== undefined && REGISTRY_ID.test(id) ? id : undefined;
}

/** A position in the partner event feed: the writing transaction's id, then the event's (both PostgreSQL bigints). */
export interface FeedCursor {
  txid: bigint;
  id: bigint;
}
const BIGINT = /^(0|[1-9][0-9]{0,18})$/;
export const encodeFeedCursor = (txid: bigint, id: bigint) => toBase64Url(`feed|${txid}|${id}`);
export function decodeFeedCursor(cursor: string): FeedCursor | undefined {
  const [tag, txid, id, ...rest] = (fromBase64Url(cursor) ?? '').split('|');
  if (tag !== 'feed' || rest.length > 0 || !txid || !id || !BIGINT.test(txid) || !BIGINT.test(id)) return undefined;
  const position = { txid: BigInt(txid), id: BigInt(id) };
  return position.txid <= 2n ** 63n - 1n && position.id <= 2n ** 63n - 1n ? position : undefined;
}

const cursorOf = <T>(decode: (cursor: string) => T | undefined) =>
  z
    .string()
    .max(CURSOR_MAX, NOT_OURS)
    .transform((cursor, ctx) => {
      const decoded = decode(cursor);
      if (decoded === undefined) {
        ctx.addIssue({ code: 'custom', message: NOT_OURS });
        return z.NEVER;
      }
      return decoded;
    });

/** `cursor` query parameter of a list ordered by time then id: the service receives it decoded. */
export const timeCursorParam = cursorOf(decodeTimeCursor);
/** `cursor` query parameter of an access log (audit entries, newest first). */
export const auditCursorParam = cursorOf(decodeAuditCursor);
/** `cursor` query parameter of a list ordered by a registry id: the service receives the id. */
export const idCursorParam = cursorOf(decodeIdCursor);
/** `after` query parameter of the partner event feed: the service receives the position decoded. */
export const feedCursorParam = cursorOf(decodeFeedCursor);
