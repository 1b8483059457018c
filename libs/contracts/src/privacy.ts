// The Digital Personal Data Protection Act 2023 next to the JJ Act: the notice a citizen acknowledges before filing,
// their own reports (read, corrected, erased once closed), the retention schedule and the record of disclosures.
import { z } from 'zod';
import { childDescriptionBody, reportView } from './reports.js';
import { timeCursorParam } from './cursor.js';
import { isoTime } from './shared.js';

export { NOTICE_LANGUAGES, privacyNoticeAcknowledgement, type PrivacyNoticeAcknowledgement } from './privacy-notice.js';

/** What the notice says that is data, not wording: its version, how long reports are kept, whom to write to. */
export const privacyNoticeView = z.object({
  version: z.string(),
  /** days after closing when a closed report is erased by the retention job */
  reportRetentionDays: z.number().int().nullable(),
  /** the grievance officer citizens write to (DPDP Act s.8(10), s.13) */
  grievanceContact: z.string(),
  /** days within which a grievance is answered (DPDP Rules 2025 r.14(3)) */
  grievanceAnswerDays: z.number().int(),
});
export type PrivacyNoticeView = z.infer<typeof privacyNoticeView>;

/** A citizen's correction of what they gave (DPDP Act s.12(2)): the child's description (fields given replace those stored), the place in words. */
export const correctReportBody = z
  .strictObject({
    child: childDescriptionBody.partial().optional(),
    placeText: z.string().trim().min(1).max(500).optional(),
    reporterName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => b.child !== undefined || b.placeText !== undefined || b.reporterName !== undefined, 'give at least one field to correct');
export type CorrectReportBody = z.infer<typeof correctReportBody>;

export const reportErasureView = z.object({
  erasedAt: isoTime,
  /** the report was linked to a child's case: the child's description stays with the case, only the reporter's data went */
  keptWithCase: z.boolean(),
  /** CITIZEN_REQUEST or RETENTION */
  ground: z.string(),
});

/** A citizen's own report, with what the privacy law lets them do with it. */
export const ownReportView = reportView.extend({
  privacyNotice: z.object({ version: z.string(), language: z.string(), acknowledgedAt: isoTime }).nullable(),
  erasure: reportErasureView.nullable(),
  /** the filer may correct it (not erased) */
  mayCorrect: z.boolean(),
  /** the filer may erase it: closed (or the child traced) and not erased yet */
  mayErase: z.boolean(),
});
export type OwnReportView = z.infer<typeof ownReportView>;
export const ownReportPage = z.object({ items: z.array(ownReportView), nextCursor: z.string().nullable() });

export const retentionRuleView = z.object({
  recordType: z.string(),
  action: z.enum(['DESTROY_S24', 'ANONYMISE', 'DELETE', 'KEEP']),
  days: z.number().int().nullable(),
  from: z.string(),
  citation: z.string(),
  why: z.string(),
});
export const retentionView = z.object({
  rules: z.array(retentionRuleView),
  /** the job's latest runs, newest first: counts erased per record type */
  runs: z.array(z.object({ ranAt: isoTime, outcome: z.record(z.string(), z.number()) })),
});
export type RetentionView = z.infer<typeof retentionView>;

export const disclosureListQuery = z.strictObject({
  partnerId: z.uuid().optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  /** the nextCursor of the page before */
  cursor: z.string().regex(/^\d{1,19}$/, 'the nextCursor of the page before').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DisclosureListQuery = z.infer<typeof disclosureListQuery>;

export const disclosureView = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  scope: z.string(),
  purpose: z.string(),
  via: z.string(),
  stateCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  disclosedAt: isoTime,
});
export type DisclosureView = z.infer<typeof disclosureView>;
export const disclosurePage = z.object({ items: z.array(disclosureView), nextCursor: z.string().nullable() });
export type DisclosurePage = z.infer<typeof disclosurePage>;

export const ownReportListQuery = z.strictObject({
  cursor: timeCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type OwnReportListQuery = z.infer<typeof ownReportListQuery>;
