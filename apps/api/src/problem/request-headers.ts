import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { z } from 'zod';
import { describeIssues, idempotencyKeyHeader, ifMatchHeader } from '@raksha/contracts';
import { invalidInput } from './domain-errors.js';

/** A header validated by its schema; a bad value is a 400 naming the header. */
function validatedHeader<S extends z.ZodType>(name: string, schema: S) {
  return createParamDecorator((_: unknown, ctx: ExecutionContext): z.output<S> => {
    const raw = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[name.toLowerCase()];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw invalidInput(describeIssues(parsed.error.issues.map((i) => ({ ...i, path: [] })), [name]));
    return parsed.data;
  })();
}

/** `Idempotency-Key`: the same key from the same user gets the same answer, and changes nothing twice. */
export const IdempotencyKey = () => validatedHeader('Idempotency-Key', idempotencyKeyHeader);
/** How the header reads in the OpenAPI document. */
export const IDEMPOTENCY_KEY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Makes the request safe to retry: the same key gets the same answer' };
/** `If-Match`: the case version the sender saw, as a number. */
export const IfMatch = () => validatedHeader('If-Match', ifMatchHeader);
