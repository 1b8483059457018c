// Children in care: admissions, transfers, discharges, the eFile and the care plan; what they take and answer.
import { z } from 'zod';
import { DISCHARGE_REASONS, TRACKS } from '@raksha/domain';
import { openDeadline } from './cases.js';
import { institutionIdParam } from './registries.js';
import { actorRef, isoTime } from './shared.js';

const text = z.string().trim().min(1).max(2000);
const reasons = z.string().trim().min(10, 'record the reasons (at least 10 characters)').max(2000);
const institutionId = institutionIdParam;
export const admissionIdParam = z.uuid({ message: 'an admission id is a UUID' });

export const admitChildBody = z.strictObject({
  institutionId,
  /** The CWC / JJB order on the case the admission follows. */
  orderRef: text,
  /** Required when the institution has no place left for the child's gender and age band. */
  overCapacityReason: reasons.optional(),
  /** Only when the case does not record them: capacity is sanctioned by gender and age band. */
  gender: z.enum(['MALE', 'FEMALE', 'TRANSGENDER']).optional(),
  ageYears: z.int().min(0).max(20).optional(),
});
export type AdmitChildBody = z.infer<typeof admitChildBody>;

export const transferChildBody = z.strictObject({
  institutionId,
  orderRef: text,
  note: text.optional(),
  overCapacityReason: reasons.optional(),
});
export type TransferChildBody = z.infer<typeof transferChildBody>;

export const dischargeChildBody = z.strictObject({
  reason: z.enum(DISCHARGE_REASONS.filter((r) => r !== 'TRANSFERRED') as [string, ...string[]]),
  note: text.optional(),
});
export type DischargeChildBody = z.infer<typeof dischargeChildBody>;

const date = z.iso.date();
const medical = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('CHECKUP'),
    details: z.strictObject({ findings: text, heightCm: z.number().positive().max(250).optional(), weightKg: z.number().positive().max(200).optional(), by: text.optional() }),
  }),
  z.strictObject({ kind: z.literal('IMMUNISATION'), details: z.strictObject({ vaccine: text, dose: text.optional(), by: text.optional() }) }),
  z.strictObject({ kind: z.literal('CONDITION'), details: z.strictObject({ condition: text, treatment: text.optional(), note: text.optional() }) }),
]);
const education = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ENROLMENT'), details: z.strictObject({ school: text, class: text, medium: text.optional() }) }),
  z.strictObject({ kind: z.literal('CLASS_RESULT'), details: z.strictObject({ class: text, result: text }) }),
  z.strictObject({ kind: z.literal('APTITUDE'), details: z.strictObject({ assessment: text, result: text }) }),
  z.strictObject({ kind: z.literal('VOCATIONAL'), details: z.strictObject({ course: text, provider: text.optional() }) }),
]);
const counselling = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('SESSION'), details: z.strictObject({ counsellor: text, notes: text, followUp: text.optional() }) }),
]);

/** One eFile entry: the section decides who may read its details (medical and counselling are sealed). */
export const eFileEntryBody = z.discriminatedUnion('section', [
  z.strictObject({ section: z.literal('MEDICAL'), occurredOn: date, entry: medical }),
  z.strictObject({ section: z.literal('EDUCATION'), occurredOn: date, entry: education }),
  z.strictObject({ section: z.literal('COUNSELLING'), occurredOn: date, entry: counselling }),
]);
export type EFileEntryBody = z.infer<typeof eFileEntryBody>;
export const EFILE_SECTIONS = ['MEDICAL', 'EDUCATION', 'COUNSELLING'] as const;
export const eFileQuery = z.strictObject({ section: z.enum(EFILE_SECTIONS).optional() });
export type EFileQuery = z.infer<typeof eFileQuery>;

/** One stay of a child in an institution (open while `endedAt` is null). */
export const admissionView = z.object({
  id: z.string(),
  caseId: z.string(),
  institutionId: z.string(),
  orderRef: z.string(),
  gender: z.string(),
  ageBand: z.string(),
  admittedAt: isoTime,
  admittedBy: z.string(),
  overCapacityReason: z.string().nullable(),
  endedAt: isoTime.nullable(),
  endReason: z.string().nullable(),
  endNote: z.string().nullable(),
  transferredToId: z.string().nullable(),
});
export type AdmissionView = z.infer<typeof admissionView>;

/** A child in the institution now, with where their case stands (the staff's home page). */
export const residentView = admissionView.extend({ childName: z.string().nullable(), track: z.enum(TRACKS), caseState: z.string(), nextDueAt: isoTime.nullable() });
export type ResidentView = z.infer<typeof residentView>;

const occupancyRow = z.object({ gender: z.string(), ageBand: z.string(), sanctioned: z.number().int(), occupied: z.number().int() });
export const occupancyView = z.object({
  institutionId: z.string(),
  rows: z.array(occupancyRow),
  total: z.object({ sanctioned: z.number().int(), occupied: z.number().int() }),
  /** bands with more children than sanctioned places */
  overCapacity: z.array(occupancyRow),
});
export type OccupancyView = z.infer<typeof occupancyView>;

export const eFileEntryView = z.object({
  id: z.string(),
  section: z.enum(EFILE_SECTIONS),
  kind: z.string(),
  occurredOn: z.iso.date(),
  recordedAt: isoTime,
  recordedBy: z.string(),
  recordedRole: z.string(),
  /** true when the details are sealed at rest; they are shown only to roles with the section's right */
  sealed: z.boolean(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type EFileEntryView = z.infer<typeof eFileEntryView>;

/** A goal of the Individual Care Plan, as ICP_PREPARED or ICP_REVIEWED recorded it. */
export const icpGoal = z.object({ domain: z.string(), goal: z.string(), actions: z.string().optional(), responsible: z.string().optional(), targetDate: z.string().optional() });
export type IcpGoal = z.infer<typeof icpGoal>;
/** How a review found one domain of the plan (ICP_REVIEWED). */
export const icpProgress = z.object({ domain: z.string(), status: z.string(), note: z.string().optional() });
export type IcpProgress = z.infer<typeof icpProgress>;

const nextDue = openDeadline.pick({ id: true, dueAt: true, citation: true });
export const carePlanView = z.object({
  icpRef: z.string(),
  preparedAt: isoTime,
  preparedBy: actorRef,
  /** the goals in force: as prepared, or as last revised at a review */
  goals: z.array(icpGoal),
  reviews: z.array(z.object({ at: isoTime, by: actorRef, progress: z.array(icpProgress), revisedGoals: z.boolean() })),
  /** when the next review or the preparation falls due, from the case's open deadlines */
  nextDue: nextDue.nullable(),
});
export type CarePlanView = z.infer<typeof carePlanView>;

/** GET /cases/:id/care-plan: the plan in force (null before one is prepared), what falls due next, and earlier plans. */
export const carePlanAnswer = z.object({ plan: carePlanView.nullable(), nextDue: nextDue.nullable(), previous: z.array(carePlanView) });
export type CarePlanAnswer = z.infer<typeof carePlanAnswer>;
