// Imports too long for one request: the file is checked whole (422 with every rejected row, nothing stored), then
// written a chunk at a time by a job whose progress GET /imports/:id reports.
import { z } from 'zod';
import { importRejection } from './registries.js';
import { isoTime } from './shared.js';

export const IMPORT_QUEUE = 'raksha-imports';
export const IMPORT_KINDS = ['PEOPLE', 'PLACES'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_JOB_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;

/** A places file may carry a state's police stations (15,000 and more): more rows than other imports, written by a job. */
export const PLACES_IMPORT_ROWS = 20_000;

export const importJobView = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_JOB_STATUSES),
  /** rows of the file */
  total: z.number().int(),
  /** rows processed so far */
  done: z.number().int(),
  /** rows that changed something (a new person invited, a place created or renamed); the rest were on record as they are */
  imported: z.number().int(),
  /** rows refused while writing (another import took the key in between) */
  rejected: z.array(importRejection),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;

export const importJobIdParam = z.uuid({ message: 'an import id is a UUID' });

/** A BullMQ job: the import to run (its rows and progress are in the database). */
export interface ImportJobData {
  importId: string;
}

/**
 * Columns of a people import file (POST /people/import), in the template's order; any order is accepted.
 * termFrom / termUntil: a CWC or JJB member's term of office (required for those roles, empty for others).
 */
export const PEOPLE_IMPORT_COLUMNS = ['email', 'displayName', 'bodyId', 'role', 'mobile', 'head', 'termFrom', 'termUntil'] as const;
export const PEOPLE_IMPORT_REQUIRED = ['email', 'displayName', 'bodyId', 'role'] as const;
