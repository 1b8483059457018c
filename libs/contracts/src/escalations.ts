// Escalations: the inbox of missed deadlines a DCPU or SCPS works through, and acting on one.
import { z } from 'zod';
import { escalation, escalationStatus } from './cases.js';
import { isoTime, lgdCode } from './shared.js';

export const escalationListQuery = z.strictObject({
  status: escalationStatus.optional(),
  toBody: z.enum(['DCPU', 'SCPS', 'STATE_MONITORING_CELL']).optional(),
  districtCode: lgdCode.optional(),
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

/** An escalation as its inbox and the case's page show it. */
export const escalationView = escalation.extend({
  /** the child's case whose deadline was missed; null for a body's own obligation */
  caseId: z.string().nullable(),
  /** that case's readable number (RJ/JAIPUR/2026/123) */
  caseNumber: z.string().nullable(),
  /** the body whose own obligation was missed (an institution's s.41 registration); null for a case's */
  bodyId: z.string().nullable(),
  raisedAt: isoTime,
  /** how late the obligation is now, or was when it was met */
  overdueHours: z.number(),
  status: escalationStatus,
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  metAt: isoTime.nullable(),
});
export type EscalationView = z.infer<typeof escalationView>;
