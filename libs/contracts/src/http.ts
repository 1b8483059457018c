// Request bodies of the HTTP API, validated by Nest's Standard Schema pipe (zod implements it).
import { z } from 'zod';
import { TRACKS } from '@raksha/domain';

const code = z.string().trim().min(1).max(16).regex(/^[A-Z0-9-]+$/, 'an LGD-style code: capitals, digits, hyphens');

export const registerCaseBody = z.strictObject({
  track: z.enum(TRACKS),
  districtCode: code,
  child: z
    .strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      ageYears: z.number().int().min(0).max(17).optional(),
      gender: z.enum(['FEMALE', 'MALE', 'TRANSGENDER', 'UNKNOWN']).optional(),
    })
    .default({}),
});
export type RegisterCaseBody = z.infer<typeof registerCaseBody>;

export const caseEventBody = z.strictObject({
  type: z.string().trim().min(1).max(64).regex(/^[A-Z][A-Z0-9_]*$/, 'an event type such as PRODUCED_BEFORE_CWC'),
  payload: z.record(z.string(), z.unknown()).default({}),
  idempotencyKey: z.string().trim().min(8).max(128).optional(),
});
export type CaseEventBody = z.infer<typeof caseEventBody>;

export const caseIdParam = z.uuid({ message: 'a case id is a UUID' });

export const escalationListQuery = z.strictObject({
  status: z.enum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED']).optional(),
  toBody: z.enum(['DCPU', 'SCPS', 'STATE_MONITORING_CELL']).optional(),
  districtCode: code.optional(),
  stateCode: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code').optional(),
  caseId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EscalationListQuery = z.infer<typeof escalationListQuery>;

export const acknowledgeEscalationBody = z.strictObject({
  idempotencyKey: z.string().trim().min(8).max(128).optional(),
});
export type AcknowledgeEscalationBody = z.infer<typeof acknowledgeEscalationBody>;

export const resolveEscalationBody = z.strictObject({
  note: z.string().trim().min(5, 'say what was done (at least 5 characters)').max(4000),
  idempotencyKey: z.string().trim().min(8).max(128).optional(),
});
export type ResolveEscalationBody = z.infer<typeof resolveEscalationBody>;

export const escalationIdParam = z.uuid({ message: 'an escalation id is a UUID' });

export const CASE_PHASE_FILTER = z.string().trim().regex(/^[A-Z_]+$/, 'a phase such as INQUIRY').max(32);

export const caseListQuery = z.strictObject({
  stateCode: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code').optional(),
  districtCode: code.optional(),
  track: z.enum(TRACKS).optional(),
  phase: CASE_PHASE_FILTER.optional(),
  /** cases awaiting this body: CWC (CNCP) or JJB (CICL) */
  body: z.enum(['CWC', 'JJB']).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  registeredFrom: z.iso.datetime({ offset: true }).optional(),
  registeredTo: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseQueueQuery = z.strictObject({
  /** the `nextCursor` of the previous page: a body with more than `limit` cases waiting reads on */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CaseQueueQuery = z.infer<typeof caseQueueQuery>;

/** `Idempotency-Key` header: makes a registration or an event safe to retry. */
export const idempotencyKeyHeader = z.string().trim().min(8, 'at least 8 characters').max(128).optional();
/** `If-Match` header: the case version (ETag) the sender saw. */
export const ifMatchHeader = z
  .string()
  .trim()
  .regex(/^(W\/)?"\d+"$/, 'an ETag of the case such as "3"')
  .transform((v) => Number(v.replace(/^(W\/)?"|"$/g, '')))
  .optional();

export const stateCodeParam = z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code such as RJ');
export const deadlineIdParam = z.string().trim().regex(/^(cncp|cicl)\.[A-Za-z0-9]+$/, 'a deadline id such as cncp.production');
export const setDeadlinePeriodBody = z.strictObject({
  within: z.string().trim().regex(/^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO-8601 duration such as P21D or PT12H'),
  reason: z.string().trim().min(10, 'record why the state departs from the default (at least 10 characters)').max(2000),
});
export type SetDeadlinePeriodBody = z.infer<typeof setDeadlinePeriodBody>;
