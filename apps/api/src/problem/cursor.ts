// Page cursors: opaque to clients, one format per ordering, and a clear 400 for anything this API did not give.
import { invalidField } from './domain-errors.js';

const notOurs = () => invalidField('cursor', 'not a cursor this API gave');

/** For lists ordered by a time, then id (cases by registration, reports by filing). */
export const encodeTimeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(time ?? '');
  if (!id || Number.isNaN(at.getTime())) throw notOurs();
  return { at, id };
}

/** For lists ordered by a readable id (institutions, bodies). */
export const encodeIdCursor = (id: string) => Buffer.from(id).toString('base64url');
export function decodeIdCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[A-Z0-9_-]+$/.test(id)) throw notOurs();
  return id;
}
