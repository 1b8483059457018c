// Building blocks every feature's schemas share: place codes, ISO times, pages.
import { z } from 'zod';

/** A code as the LGD directory writes it (a district, a block): capitals, digits, hyphens. */
export const lgdCode = z.string().trim().min(1).max(16).regex(/^[A-Z0-9-]+$/, 'an LGD-style code: capitals, digits, hyphens');
export const stateCode = z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code');
export const districtCode = z.string().trim().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR').max(60);
/** An instant as the API writes it (Date#toISOString). */
/** A body's office telephone, as people write it. */
export const phoneNumber = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'a phone number of digits, spaces, ( ) and -');
export const isoTime = z.iso.datetime({ offset: true });
/** Who did something: a user id and the role they acted in (null for the system or a removed user). */
export const actorRef = z.object({ id: z.string().nullable(), role: z.string().nullable() });

/** A page of a list read in order: follow `nextCursor` (null on the last page). */
export const cursorPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  /** pass as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
}

/**
 * Text a spreadsheet would run as a formula when it opens a CSV (OWASP, CSV injection): a cell starting with
 * = + - @, a tab or a carriage return. Every CSV the API writes neutralises such cells (csvLine); names a registry
 * keeps may not start so at all.
 */
export const startsLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);
