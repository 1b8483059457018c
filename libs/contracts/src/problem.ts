// What every refusal answers (RFC 9457 problem+json): the API's one filter writes it, the web app reads it.
import { z } from 'zod';
import { fieldIssue } from './field-issues.js';

export const problemDetails = z.looseObject({
  /** `/problems/<slug>`: one slug per kind of refusal */
  type: z.string(),
  /** plain words, the same for every refusal of this kind */
  title: z.string(),
  status: z.number().int(),
  /** plain words about this refusal */
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** an event the case cannot take now: the events it can */
  allowedEvents: z.array(z.string()).optional(),
  /** invalid input: which field, and what is wrong with it (in English, and as a message key with its values) */
  errors: z.array(fieldIssue).optional(),
  /** the values a client's own wording of this kind of refusal takes (`problem.<slug>`); a day as YYYY-MM-DD */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ProblemDetails = z.infer<typeof problemDetails>;
