import { z } from 'zod';

/** A request body's schema for the OpenAPI document, from the same zod schema that validates it. */
export function bodySchema(schema: z.ZodType): { schema: object } {
  // OpenAPI 3.0 schema objects take no $schema keyword.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return { schema: rest };
}
