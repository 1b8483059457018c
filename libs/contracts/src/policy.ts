// A state's deadline policy: the statutory periods and the ones the state adopted instead.
import { z } from 'zod';
import { isoTime } from './shared.js';

export const stateCodeParam = z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code such as RJ');
export const deadlineIdParam = z.string().trim().regex(/^(cncp|cicl)\.[A-Za-z0-9]+$/, 'a deadline id such as cncp.production');
export const setDeadlinePeriodBody = z.strictObject({
  within: z.string().trim().regex(/^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO-8601 duration such as P21D or PT12H'),
  reason: z.string().trim().min(10, 'record why the state departs from the default (at least 10 characters)').max(2000),
});
export type SetDeadlinePeriodBody = z.infer<typeof setDeadlinePeriodBody>;

export const deadlinePolicyEntry = z.object({
  id: z.string(),
  obligation: z.string(),
  citation: z.string(),
  basis: z.enum(['statute', 'policy']),
  /** the period in force for cases registered in this state from now on */
  within: z.string(),
  defaultWithin: z.string(),
  override: z.object({ reason: z.string(), setBy: z.string(), setAt: isoTime }).nullable(),
});
export type DeadlinePolicyEntry = z.infer<typeof deadlinePolicyEntry>;
