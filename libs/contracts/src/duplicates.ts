// Likely duplicates: the same child filed, registered or imported twice. Shown before saving (the previews), listed
// for review afterwards, and merged into one record (the other points to it) or dismissed.
import { z } from 'zod';
import { CHILD_GENDERS } from './cases.js';
import { childDescriptionBody } from './reports.js';
import { isoTime } from './shared.js';

/** POST /reports/duplicates: what the report form holds before it is saved. */
export const reportDuplicatesBody = z.strictObject({
  kind: z.enum(['MISSING', 'FOUND']),
  child: childDescriptionBody,
  /** last seen or found; now when not given yet */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  place: z.strictObject({ districtCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR') }),
});
export type ReportDuplicatesBody = z.infer<typeof reportDuplicatesBody>;

/** POST /cases/duplicates: what the registration form holds before it is saved. */
export const caseDuplicatesBody = z.strictObject({
  districtCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR'),
  child: z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    ageYears: z.number().int().min(0).max(17).optional(),
    gender: z.enum(CHILD_GENDERS).optional(),
  }),
});
export type CaseDuplicatesBody = z.infer<typeof caseDuplicatesBody>;

/** Why two records may be the same child: each field's agreement, strongest first (as a match candidate's). */
const duplicateExplanation = z.object({
  logOdds: z.number(),
  fields: z.array(z.object({ field: z.string(), level: z.string().nullable(), score: z.number().nullable(), weight: z.number(), reason: z.string(), detail: z.unknown().optional() })),
});

/** The earlier record a new one may repeat, as much as the form needs to tell the child apart. */
export const duplicateRecordView = z.object({
  recordType: z.enum(['REPORT', 'CASE']),
  id: z.string(),
  /** MISSING / FOUND for a report, the track for a case */
  kind: z.string(),
  name: z.string().nullable(),
  ageYears: z.object({ min: z.number(), max: z.number() }).nullable(),
  gender: z.string().nullable(),
  districtCode: z.string(),
  stateCode: z.string(),
  /** last seen, found or registered */
  date: isoTime,
  policeRef: z.string().nullable(),
});
export type DuplicateRecordView = z.infer<typeof duplicateRecordView>;

export const likelyDuplicate = z.object({ record: duplicateRecordView, probability: z.number(), explanation: duplicateExplanation });
export type LikelyDuplicate = z.infer<typeof likelyDuplicate>;
export const likelyDuplicates = z.object({ items: z.array(likelyDuplicate) });
export type LikelyDuplicates = z.infer<typeof likelyDuplicates>;

export const DUPLICATE_STATUSES = ['PROPOSED', 'MERGED', 'DISMISSED'] as const;

export const duplicateListQuery = z.strictObject({
  recordType: z.enum(['REPORT', 'CASE']).optional(),
  status: z.enum(DUPLICATE_STATUSES).default('PROPOSED'),
  districtCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DuplicateListQuery = z.infer<typeof duplicateListQuery>;

export const duplicateSuspectView = z.object({
  id: z.string(),
  recordType: z.enum(['REPORT', 'CASE']),
  /** the later record, and the earlier one it may repeat */
  record: duplicateRecordView,
  duplicateOf: duplicateRecordView,
  probability: z.number(),
  explanation: duplicateExplanation,
  /** FILING, REGISTRATION or IMPORT */
  detectedOn: z.string(),
  status: z.enum(DUPLICATE_STATUSES),
  survivorId: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: isoTime,
});
export type DuplicateSuspectView = z.infer<typeof duplicateSuspectView>;
export const duplicateSuspectPage = z.object({ items: z.array(duplicateSuspectView), offset: z.number().int(), limit: z.number().int() });

export const duplicateIdParam = z.uuid({ message: 'a duplicate id is a UUID' });

/** Confirms the two are one child: the later record is merged into the earlier, unless `keep` says otherwise. */
export const mergeDuplicateBody = z.strictObject({
  keep: z.enum(['EARLIER', 'LATER']).default('EARLIER'),
  note: z.string().trim().min(3).max(1000),
});
export type MergeDuplicateBody = z.infer<typeof mergeDuplicateBody>;
export const dismissDuplicateBody = z.strictObject({ note: z.string().trim().min(3).max(1000) });
export type DismissDuplicateBody = z.infer<typeof dismissDuplicateBody>;
