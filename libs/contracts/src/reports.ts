// Missing and found children's reports and match decisions: what they take and what they answer.
import { z } from 'zod';
import { caseNumber, caseStatus } from './cases.js';
import { cursorPage, isoTime } from './shared.js';
import { timeCursorParam } from './cursor.js';
import { photoBody } from './photo.js';
import { privacyNoticeAcknowledgement } from './privacy-notice.js';

export { PHOTO_BASE64_MAX, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES, photoBody } from './photo.js';

const text = (max = 500) => z.string().trim().min(1).max(max);
const range = (min: number, max: number) =>
  z.strictObject({ min: z.number().min(min).max(max), max: z.number().min(min).max(max) }).refine((r) => r.min <= r.max, 'min must not exceed max');

export const REPORT_KINDS = ['MISSING', 'FOUND'] as const;
export const REPORT_STATUSES = ['PENDING_ACCEPTANCE', 'OPEN', 'TRACED', 'CLOSED'] as const;
export const MATCH_CANDIDATE_STATUSES = ['PROPOSED', 'CONFIRMED', 'REJECTED', 'SUPERSEDED'] as const;
export const CLOSE_REASONS = ['RETURNED_HOME', 'FOUND_DECEASED', 'DUPLICATE', 'FALSE_REPORT', 'OTHER'] as const;
export const COMPLEXION_VALUES = ['VERY_FAIR', 'FAIR', 'WHEATISH', 'DARK', 'VERY_DARK'] as const;

/** What the report says of the child, as TrackChild and Khoya-Paya keep it; names in any script. */
export const childDescriptionBody = z.strictObject({
  name: text(200).optional(),
  aliases: z.array(text(200)).max(10).optional(),
  guardians: z.array(z.strictObject({ relation: z.enum(['FATHER', 'MOTHER', 'GUARDIAN']), name: text(200) })).max(6).optional(),
  gender: z.enum(['MALE', 'FEMALE', 'TRANSGENDER', 'UNKNOWN']),
  /** years on the date last seen / found; an estimate as a range */
  ageYears: range(0, 25).optional(),
  dateOfBirth: z.iso.date().optional(),
  heightCm: range(30, 220).optional(),
  complexion: z.enum(COMPLEXION_VALUES).optional(),
  identifyingMarks: text(1000).optional(),
  languages: z.array(text(60)).max(10).optional(),
  clothing: text(1000).optional(),
});
export type ChildDescriptionBody = z.infer<typeof childDescriptionBody>;

const place = z.strictObject({
  districtCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR'),
  /** the police station's place code, as GET /places/districts/:code/local lists it (AS-KAMRUP-PS-RANGIA) */
  thanaCode: text(60).optional(),
  /** the block's place code, likewise */
  blockCode: text(60).optional(),
  /** the village's place code, likewise (villages are imported where a state has them) */
  villageCode: text(60).optional(),
  text: text(500).optional(),
  lat: z.number().min(6).max(38).optional(),
  lon: z.number().min(68).max(98).optional(),
});
const reporter = z
  .strictObject({ name: text(200), phone: z.string().regex(/^\+?[0-9]{10,13}$/, 'a phone number of 10–13 digits').optional(), email: z.email().optional() })
  .refine((r) => r.phone || r.email, 'a phone number or an email');

export const fileMissingReportBody = z.strictObject({
  child: childDescriptionBody,
  lastSeenAt: z.iso.datetime({ offset: true }),
  place,
  /** the police station's missing diary / FIR number (police only) */
  policeRef: text(100).optional(),
  reporter: reporter.optional(),
  photo: photoBody.optional(),
  /** a citizen's acknowledgement of the privacy notice shown before filing (libs/contracts privacy.ts) */
  privacyNotice: privacyNoticeAcknowledgement.optional(),
});
export type FileMissingReportBody = z.infer<typeof fileMissingReportBody>;

export const fileFoundReportBody = z.strictObject({
  child: childDescriptionBody,
  foundAt: z.iso.datetime({ offset: true }),
  place,
  /** the found child's case, when one is registered: by its id, or by its number as people read it (RJ/JAIPUR/2026/123) */
  caseId: z.uuid().optional(),
  caseNumber: caseNumber.optional(),
  reporter: reporter.optional(),
  photo: photoBody.optional(),
  privacyNotice: privacyNoticeAcknowledgement.optional(),
});
export type FileFoundReportBody = z.infer<typeof fileFoundReportBody>;

export const reportIdParam = z.uuid({ message: 'a report id is a UUID' });
export const candidateIdParam = z.uuid({ message: 'a candidate id is a UUID' });

export const reportListQuery = z.strictObject({
  kind: z.enum(REPORT_KINDS).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  stateCode: z.string().optional(),
  districtCode: z.string().optional(),
  /** a name in any script; ranked by similarity of its phonetic key */
  name: text(200).optional(),
  cursor: timeCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const acceptReportBody = z.strictObject({ policeRef: text(100) });
export type AcceptReportBody = z.infer<typeof acceptReportBody>;
export const closeReportBody = z.strictObject({ reason: z.enum(CLOSE_REASONS), note: text(1000) });
export type CloseReportBody = z.infer<typeof closeReportBody>;
export const linkCaseBody = z.strictObject({ caseId: z.uuid() });
export type LinkCaseBody = z.infer<typeof linkCaseBody>;

export const candidateListQuery = z.strictObject({
  /** candidates at or above this probability; below the review threshold nothing is kept */
  minProbability: z.coerce.number().min(0).max(1).optional(),
  status: z.enum(MATCH_CANDIDATE_STATUSES).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

export const decideCandidateBody = z.strictObject({
  decision: z.enum(['CONFIRM', 'REJECT']),
  note: z.string().trim().min(5, 'say why (at least 5 characters)').max(2000),
});
export type DecideCandidateBody = z.infer<typeof decideCandidateBody>;

export const requestContactVerificationBody = z.strictObject({
  channel: z.enum(['PHONE', 'EMAIL']),
  address: text(200),
});
export type RequestContactVerificationBody = z.infer<typeof requestContactVerificationBody>;
export const confirmContactVerificationBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'the six-digit code') });
export type ConfirmContactVerificationBody = z.infer<typeof confirmContactVerificationBody>;

/** A report as the API answers it; `reporter` only for the police and the one who filed it. */
export const reportView = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  status: z.enum(REPORT_STATUSES),
  policeRef: z.string().nullable(),
  stationId: z.string().nullable(),
  /** what was filed of the child (childDescriptionBody) */
  child: z.looseObject(childDescriptionBody.shape),
  occurredAt: isoTime,
  place: z.object({ stateCode: z.string(), districtCode: z.string(), thanaCode: z.string().nullable(), blockCode: z.string().nullable(), villageCode: z.string().nullable(), text: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable() }),
  caseId: z.string().nullable(),
  filedBy: z.object({ id: z.string(), role: z.string(), bodyId: z.string().nullable() }),
  /** the reporter's contact: for the police and the reporter only */
  reporter: z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional(), verified: z.boolean().optional() }).nullable().optional(),
  hasPhoto: z.boolean(),
  createdAt: isoTime,
  acceptedAt: isoTime.nullable(),
  tracedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  closedReason: z.string().nullable(),
});
export type ReportView = z.infer<typeof reportView>;
export type ChildDescription = ReportView['child'];

export const reportPage = cursorPage(reportView);
export type ReportPage = z.infer<typeof reportPage>;

/** Why the matcher weighed a field as it did (libs/matching's FieldExplanation). */
export const fieldExplanation = z.object({
  field: z.string(),
  level: z.string().nullable(),
  score: z.number().nullable(),
  weight: z.number(),
  /** in English */
  reason: z.string(),
  /** the reason as a web message key (`match.reason.*`) and its values, for the reader's language */
  detail: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
});
export type FieldExplanation = z.infer<typeof fieldExplanation>;

export const matchCandidateView = z.object({
  id: z.string(),
  probability: z.number(),
  explanation: z.object({ fields: z.array(fieldExplanation) }).nullable(),
  status: z.enum(MATCH_CANDIDATE_STATUSES),
  alertedAt: isoTime.nullable(),
  decidedAt: isoTime.nullable(),
  decisionNote: z.string().nullable(),
  missing: reportView,
  found: reportView,
});
export type MatchCandidateView = z.infer<typeof matchCandidateView>;

/** A report's candidates, most probable first; `total` counts them all. */
export const candidatePage = z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int(), items: z.array(matchCandidateView) });
export type CandidatePage = z.infer<typeof candidatePage>;

/** A decision answers the candidate, and the found child's case when a confirmation told it (else null). */
export const candidateDecision = z.object({ candidate: matchCandidateView, case: caseStatus.nullable() });
export type CandidateDecision = z.infer<typeof candidateDecision>;

export const contactVerificationRequested = z.object({ channel: z.enum(['PHONE', 'EMAIL']), address: z.string(), expiresAt: isoTime });
export type ContactVerificationRequested = z.infer<typeof contactVerificationRequested>;
export const contactVerified = z.object({ channel: z.enum(['PHONE', 'EMAIL']), address: z.string(), verifiedAt: isoTime });
export type ContactVerified = z.infer<typeof contactVerified>;

/** BullMQ queue of matching jobs: one per new or accepted report ('match'), and re-keying stored reports ('rekey'). */
export const MATCHING_QUEUE = 'raksha-matching';
export type MatchingJob = { reportId: string } | { keysVersion: number };

/** What enqueuing needs of a BullMQ queue (so this module imports no BullMQ). */
export interface MatchingQueue {
  add(name: string, data: MatchingJob, opts: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: number | boolean; removeOnFail: boolean }): Promise<unknown>;
}

/** Matches one report in a job of its own, retried with backoff (its writes are upserts); `why` tells its job id apart. */
export function enqueueMatching(queue: MatchingQueue, reportId: string, why: string): Promise<unknown> {
  return queue.add('match', { reportId }, { jobId: `match-${reportId}-${why}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: false });
}

/**
 * Re-keys the reports stored under an older BLOCKING_KEYS_VERSION than `keysVersion`: one job per version at a time (its
 * id), enqueued by every worker at start; one that finds nothing to do ends at once.
 */
export function enqueueRekey(queue: MatchingQueue, keysVersion: number): Promise<unknown> {
  return queue.add('rekey', { keysVersion }, { jobId: `rekey-v${keysVersion}`, attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: false });
}
