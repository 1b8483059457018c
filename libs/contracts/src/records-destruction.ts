// JJ Act s.24(2): a CICL case's records destroyed after the appeal period (s.101(1)), unless a legal hold stands.
import { z } from 'zod';

/** A legal hold placed or lifted: the order it stands on (the Board's or a court's) and why, in words. */
export const recordsHoldBody = z.strictObject({
  orderRef: z.string().trim().min(1, 'name the order: the Board’s or the court’s reference').max(200, 'at most 200 characters'),
  reason: z.string().trim().min(10, 'say why, in at least 10 characters').max(2000, 'at most 2000 characters'),
});
export type RecordsHoldBody = z.infer<typeof recordsHoldBody>;

/**
 * OPEN: the case is not closed yet; SCHEDULED: destruction falls due at dueAt; HELD: a legal hold stops it;
 * DESTROYED: done, only the fact remains; NOT_SCHEDULED: s.24 does not order it (explanation says why).
 */
export const RECORDS_DESTRUCTION_STATUSES = ['OPEN', 'SCHEDULED', 'HELD', 'DESTROYED', 'NOT_SCHEDULED'] as const;

export const recordsDestructionView = z.strictObject({
  caseId: z.uuid(),
  caseNumber: z.string(),
  status: z.enum(RECORDS_DESTRUCTION_STATUSES),
  /** libs/domain DESTRUCTION_GROUNDS, or RETENTION_REASONS when not scheduled; null while open */
  ground: z.string().nullable(),
  /** in plain words: why the records are destroyed then, or why they are kept */
  explanation: z.string(),
  citation: z.string(),
  orderAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  hold: z.strictObject({ orderRef: z.string(), reason: z.string(), placedAt: z.string(), placedBy: z.string().nullable() }).nullable(),
  destroyedAt: z.string().nullable(),
  /** whether the principal may place or lift a hold on this case */
  mayHold: z.boolean(),
});
export type RecordsDestructionView = z.infer<typeof recordsDestructionView>;
