// The Zod schemas of events and case input, for the API and the web app (forms, OpenAPI).
// Not part of the workflow entry (workflow.ts): see buildCaseEventSchemas.
import { z } from 'zod';
import { buildCaseInputSchema } from './context.js';
import { buildCaseEventSchemas, type CaseEventSchemas, type CaseEventType } from './events.js';

export const caseEventSchemas: CaseEventSchemas = buildCaseEventSchemas();

export const caseEventSchema = z.discriminatedUnion(
  'type',
  Object.values(caseEventSchemas) as unknown as [CaseEventSchemas[CaseEventType], ...CaseEventSchemas[CaseEventType][]],
);

export const caseInputSchema = buildCaseInputSchema();
