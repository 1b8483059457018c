// A CWC's sittings (s.28(1): at least 20 days a month) and the cases heard at each (the cause list).
import { z } from 'zod';

const day = z.iso.date({ message: 'a date as YYYY-MM-DD' });

export const sittingDayParam = day;

export const recordSittingBody = z.strictObject({
  /** The cases heard that day; none when the Committee sat without a hearing on its list. */
  caseIds: z.array(z.uuid({ message: 'a case id is a UUID' })).max(500, 'at most 500 cases in one day').default([]),
});
export type RecordSittingBody = z.infer<typeof recordSittingBody>;

export const sittingMonthQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
});
export type SittingMonthQuery = z.infer<typeof sittingMonthQuery>;

export const sittingView = z.object({
  sittingOn: day,
  caseIds: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type SittingView = z.infer<typeof sittingView>;

/** A month of a CWC's sittings, and whether it sat on the days s.28(1) asks. */
export const sittingMonthView = z.object({
  bodyId: z.string(),
  month: z.string(),
  sittings: z.array(sittingView),
  /** distinct days sat */
  held: z.number().int(),
  required: z.number().int(),
  met: z.boolean(),
  citation: z.string(),
});
export type SittingMonthView = z.infer<typeof sittingMonthView>;
