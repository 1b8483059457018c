// Cases: what registering a case, sending it an event and reading cases take (validated by Nest's Standard Schema
// pipe, which zod implements) and what they answer.
import { z } from 'zod';
import { ESCALATION_STATUSES, TRACK_BODY, TRACKS, type Escalation, type EscalationStatus, type OpenDeadline } from '@raksha/domain';
import { actorRef, cursorPage, isoTime, lgdCode } from './shared.js';
import { timeCursorParam } from './cursor.js';
import { localPlaceFullCode } from './places.js';
import { CHILD_GENDERS, registerChildBody } from './child-profile.js';

export { CHILD_GENDERS };

export const registerCaseBody = z.strictObject({
  track: z.enum(TRACKS),
  districtCode: lgdCode,
  /** the police station (thana), block and village where the child was found or lives: places of the district (GET /places/districts/:code/local) */
  thanaCode: localPlaceFullCode.optional(),
  blockCode: localPlaceFullCode.optional(),
  villageCode: localPlaceFullCode.optional(),
  /** the child's profile as the production report (Form 17) records it; see registerChildBody for the age */
  child: registerChildBody.default({}),
});
export type RegisterCaseBody = z.infer<typeof registerCaseBody>;

export const caseEventBody = z.strictObject({
  type: z.string().trim().min(1).max(64).regex(/^[A-Z][A-Z0-9_]*$/, 'an event type such as PRODUCED_BEFORE_CWC'),
  payload: z.record(z.string(), z.unknown()).default({}),
  idempotencyKey: z.string().trim().min(8).max(128).optional(),
});
export type CaseEventBody = z.infer<typeof caseEventBody>;

export const caseIdParam = z.uuid({ message: 'a case id is a UUID' });

/**
 * A case's readable number, e.g. RJ/JAIPUR/2026/123: state, district, year of registration, serial. Only the database
 * forms one (prisma/sql/functions/raksha_case_number.sql); people type it in any case, with spaces around the slashes.
 */
export const caseNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/\s*\/\s*/g, '/'))
  .pipe(z.string().regex(/^[A-Z]{2}\/[A-Z0-9-]{1,12}\/\d{4}\/[1-9]\d{0,6}$/, 'a case number such as RJ/JAIPUR/2026/123'));

export const CASE_PHASE_FILTER = z.string().trim().regex(/^[A-Z_]+$/, 'a phase such as INQUIRY').max(32);

export const caseListQuery = z.strictObject({
  /** the one case with this number (within the reader's jurisdiction) */
  number: caseNumber.optional(),
  /** cases of a child with this name or alias, in any script: लक्ष्मी finds Lakshmi (the matching library's name keys) */
  name: z.string().trim().min(1).max(200).optional(),
  /** cases of a child with a parent or guardian of this name, in any script */
  guardian: z.string().trim().min(1).max(200).optional(),
  stateCode: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code').optional(),
  districtCode: lgdCode.optional(),
  /** cases of one police station's area, or one block */
  thanaCode: localPlaceFullCode.optional(),
  blockCode: localPlaceFullCode.optional(),
  track: z.enum(TRACKS).optional(),
  phase: CASE_PHASE_FILTER.optional(),
  /** cases awaiting this body: CWC (CNCP) or JJB (CICL) */
  body: z.enum(TRACK_BODY).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  registeredFrom: z.iso.datetime({ offset: true }).optional(),
  registeredTo: z.iso.datetime({ offset: true }).optional(),
  cursor: timeCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseQueueQuery = z.strictObject({
  /** the `nextCursor` of the previous page: a body with more than `limit` cases waiting reads on */
  cursor: timeCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CaseQueueQuery = z.infer<typeof caseQueueQuery>;

/** POST /cases/:id/assignment: the person of the case's body who is to work it (yourself, to take it). */
export const caseAssignmentBody = z.strictObject({ userId: z.uuid({ message: 'a person id is a UUID' }) });
export type CaseAssignmentBody = z.infer<typeof caseAssignmentBody>;

/** `Idempotency-Key` header: makes a registration or an event safe to retry. */
export const idempotencyKeyHeader = z.string().trim().min(8, 'at least 8 characters').max(128).optional();
/** `If-Match` header: the case version (ETag) the sender saw. */
export const ifMatchHeader = z
  .string()
  .trim()
  .regex(/^(W\/)?"\d+"$/, 'an ETag of the case such as "3"')
  .transform((v) => Number(v.replace(/^(W\/)?"|"$/g, '')))
  .optional();

/** A statutory deadline the case has open: what is owed, by when, under which provision. */
/** The schema of libs/domain's OpenDeadline (one shape: `satisfies` fails the build if the two drift). */
export const openDeadline = z.object({ id: z.string(), obligation: z.string(), dueAt: isoTime, citation: z.string() }) satisfies z.ZodType<OpenDeadline>;
export type { OpenDeadline };

export const escalationStatus = z.enum(ESCALATION_STATUSES) satisfies z.ZodType<EscalationStatus>;
export { ESCALATION_STATUSES, type Escalation, type EscalationStatus };

/** The schema of libs/domain's Escalation: a missed deadline raised to one rung, times as ISO strings. */
export const escalation = z.object({
  id: z.string(),
  deadlineId: z.string(),
  obligation: z.string(),
  citation: z.string(),
  rung: z.number().int(),
  toBody: z.string(),
  districtCode: z.string(),
  stateCode: z.string(),
  dueAt: isoTime,
}) satisfies z.ZodType<Escalation>;

/** An escalation as the case's workflow holds it: which rung of which miss, and its status (the full record is an EscalationView). */
export type CaseEscalation = Pick<Escalation, 'id' | 'deadlineId' | 'dueAt' | 'rung' | 'toBody'> & { status: EscalationStatus };
export const caseEscalation = escalation.pick({ id: true, deadlineId: true, dueAt: true, rung: true, toBody: true }).extend({ status: escalationStatus }) satisfies z.ZodType<CaseEscalation>;

/** What a person sees of a case after any change: where it stands and what can happen next. */
export const caseStatus = z.object({
  caseId: z.string(),
  sequence: z.number().int(),
  state: z.string(),
  phase: z.string(),
  label: z.string(),
  allowedEvents: z.array(z.string()),
  openDeadlines: z.array(openDeadline),
  escalations: z.array(caseEscalation),
});
export type CaseStatus = z.infer<typeof caseStatus>;

/** The answer to a registration: the case's status and the number the database gave it (RJ/JAIPUR/2026/123). */
export const registeredCase = caseStatus.extend({
  /** present whenever the case's record is written, which it is by the time the registration answers */
  caseNumber: z.string().optional(),
});
export type RegisteredCase = z.infer<typeof registeredCase>;

export const caseView = z.object({
  id: z.string(),
  /** the case's readable number (RJ/JAIPUR/2026/123): what people read, write and say */
  caseNumber: z.string(),
  track: z.enum(TRACKS),
  state: z.string(),
  phase: z.string(),
  districtCode: z.string(),
  stateCode: z.string(),
  /** the police station (thana), block and village where the child was found or lives, as registered */
  thanaCode: z.string().nullable(),
  blockCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  childName: z.string().nullable(),
  /** the case's sequence: what `If-Match` expects */
  version: z.number().int(),
  registeredAt: isoTime,
  nextDueAt: isoTime.nullable(),
  overdue: z.boolean(),
  openDeadlines: z.array(openDeadline),
  /** the person of the case's body working it (POST /cases/:id/assignment), null until one is assigned */
  assigneeId: z.string().nullable(),
});
export type CaseView = z.infer<typeof caseView>;

/** GET /cases/:id adds what the case can take now, and which of those the reader may send (null when the workflow could not be asked). */
export const caseDetailView = caseView.extend({
  allowedEvents: z.array(z.string()).nullable(),
  yourEvents: z.array(z.string()).nullable(),
  /** who works the case, by name, for the case page */
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** whether the reader may assign the case (a member of its CWC or JJB) */
  mayAssign: z.boolean(),
  /** the district, police station, block and village by name, for the case page (null: not recorded) */
  placeNames: z.object({ district: z.string().nullable(), thana: z.string().nullable(), block: z.string().nullable(), village: z.string().nullable() }),
});
export type CaseDetailView = z.infer<typeof caseDetailView>;

export const casePage = cursorPage(caseView);
export type CasePage = z.infer<typeof casePage>;

export const timelineEntryView = z.object({
  sequence: z.number().int(),
  eventType: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: actorRef,
  payload: z.record(z.string(), z.unknown()),
  /** the deadlines this step met (late or on time), ended without meeting them (the case moved on), and started */
  deadlines: z.object({
    met: z.array(z.object({ id: z.string(), dueAt: isoTime, late: z.boolean() })).optional(),
    ended: z.array(z.object({ id: z.string(), dueAt: isoTime, overdue: z.boolean() })).optional(),
    opened: z.array(z.object({ id: z.string(), dueAt: isoTime })).optional(),
  }),
  occurredAt: isoTime,
  recordedAt: isoTime,
  /** a step of a case merged into this one as a duplicate: that case's id (its steps keep their own sequence) */
  mergedFromCaseId: z.string().optional(),
  /** a step replayed from a legacy register when the case was imported: the register's name (docs/porting.md) */
  importedFrom: z.string().optional(),
});
export type TimelineEntryView = z.infer<typeof timelineEntryView>;
