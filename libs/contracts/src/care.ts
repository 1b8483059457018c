// Request bodies of the children-in-care API: admissions, transfers, discharges and the eFile.
import { z } from 'zod';
import { DISCHARGE_REASONS } from '@raksha/domain';

const text = z.string().trim().min(1).max(2000);
const reasons = z.string().trim().min(10, 'record the reasons (at least 10 characters)').max(2000);
const institutionId = z.string().regex(/^[A-Z0-9-]+$/, 'an institution id such as CCI-RJ-JAIPUR');
export const admissionIdParam = z.uuid({ message: 'an admission id is a UUID' });
export const institutionIdParam = institutionId;

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
