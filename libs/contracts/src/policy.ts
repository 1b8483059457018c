// A state's deadline policy: the statutory periods and the ones the state adopted instead.
import { z } from 'zod';
import { isoTime } from './shared.js';

export const stateCodeParam = z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code such as RJ');
/** a deadline of the case machine, or an escalation reminder's interval (reminder.production, reminder.other) */
export const deadlineIdParam = z.string().trim().regex(/^(cncp|cicl|reminder|cwc|jjb)\.[A-Za-z0-9]+$/, 'a deadline id such as cncp.production, or a body duty such as cwc.sittings');
const isoDuration = z.string().trim().regex(/^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO-8601 duration such as P21D or PT12H');
/** One rung of an escalation ladder: the body told, and how long after the due time. */
export const escalationRung = z.strictObject({
  to: z.enum(['DCPU', 'SCPS', 'STATE_MONITORING_CELL']),
  after: isoDuration,
});
/** A state's own rules for one deadline: any of its period, its waiting period and its ladder (what is left out stays as it is). */
export const setDeadlinePeriodBody = z
  .strictObject({
    within: isoDuration.optional(),
    /** the period before the deadline's own opens (s.35(3) reconsideration), for the deadlines that have one */
    opensAfter: isoDuration.optional(),
    /** the escalation ladder, rungs in order of time, each body once */
    ladder: z.array(escalationRung).min(1).max(3).optional(),
    reason: z.string().trim().min(10, 'record why the state departs from the default (at least 10 characters)').max(2000),
  })
  .refine((b) => b.within !== undefined || b.opensAfter !== undefined || b.ladder !== undefined, {
    message: 'set within, opensAfter or ladder',
    path: ['within'],
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
  /** the waiting period before the deadline's period opens, where it has one (s.35(3)) */
  opensAfter: z.string().nullable(),
  defaultOpensAfter: z.string().nullable(),
  /** the escalation ladder in force for cases registered in this state from now on */
  ladder: z.array(escalationRung),
  defaultLadder: z.array(escalationRung),
  override: z.object({ reason: z.string(), setBy: z.string(), setAt: isoTime }).nullable(),
});
export type DeadlinePolicyEntry = z.infer<typeof deadlinePolicyEntry>;
