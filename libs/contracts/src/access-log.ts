// Who read what: the access log of a child's record (every read and change) and of a person (what they read),
// as the hash-chained audit trail records it. Monitors and administrators read it; reading it is audited too.
import { z } from 'zod';
import { auditCursorParam } from './cursor.js';
import { cursorPage, isoTime } from './shared.js';

const day = z.iso.date({ message: 'a date as YYYY-MM-DD' });

/** `from` and `to` are days in India (IST), both included; newest entries first. */
export const accessLogQuery = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    cursor: auditCursorParam.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'the first day comes before the last', path: ['to'] });
export type AccessLogQuery = z.infer<typeof accessLogQuery>;

/** What an entry was: a read of the record, a change to it, or a read of an access log. */
export const ACCESS_KINDS = ['READ', 'CHANGE', 'ACCESS_LOG'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** The records an access log is kept for, and what a person's reads were of. */
export const ACCESS_RECORD_TYPES = ['case', 'report', 'institution', 'person'] as const;

export const accessEntryView = z.object({
  at: isoTime,
  kind: z.enum(ACCESS_KINDS),
  /** the audit action, e.g. case.read, cases.listed, case.event (the web app words it) */
  action: z.string(),
  /** for a change to a case, the case event (PRODUCED_BEFORE_CWC ...) */
  event: z.string().nullable(),
  /** null for the system (a deadline's timer, a workflow) */
  who: z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) }).nullable(),
  /** the body they acted for, when the entry records it */
  body: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** the network address the request came from, when the entry records it */
  from: z.string().nullable(),
  /** what was read: one record, or a list that showed `count` records */
  record: z.object({ type: z.string(), id: z.string().nullable(), count: z.number().int() }).nullable(),
});
export type AccessEntryView = z.infer<typeof accessEntryView>;

export const accessLogPage = cursorPage(accessEntryView);
